// Fuzzes the JSON Lines document reader: it returns fields or throws, never traps.
import CFuzzDriver
import ChineseFacts
import Glibc

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let fields = try? JSONLine.fields(in: bytes, id: "id", text: "text")
    if let (id, text) = fields, let text {
        _ = FactExtractor(kinds: [.count, .money, .date]).facts(in: text)
        _ = id
    }
    // The byte form agrees with the String form: the same error or no error, the same id, the text's UTF-8.
    let utf8 = try? JSONLine.utf8Fields(in: bytes, id: "id", text: "text")
    if (fields == nil) != (utf8 == nil) || fields?.id != utf8?.id || fields?.text.map({ Array($0.utf8) }) != utf8?.text {
        fatalError("utf8Fields differs from fields")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzJSONLine(data!, size) })
