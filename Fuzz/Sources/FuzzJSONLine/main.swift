// Fuzzes the JSON Lines document reader: it returns fields or throws, never traps.
import CFuzzDriver
import ChineseFacts
import Glibc

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if let (id, text) = try? JSONLine.fields(in: bytes, id: "id", text: "text"), let text {
        _ = FactExtractor(kinds: [.count, .money, .date]).facts(in: text)
        _ = id
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzJSONLine(data!, size) })
