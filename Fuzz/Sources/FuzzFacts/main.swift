// Fuzzes the scanning core with every extractor on arbitrary bytes, checking the invariants.
import CFuzzDriver
import ChineseFacts
import ChineseTokenization
import Glibc

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFacts(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let facts = FactExtractor().facts(in: text)
    let scalars = Array(text.unicodeScalars)
    var last = (-1, -1)
    for f in facts {
        guard f.start >= 0, f.start <= f.end, f.end <= scalars.count,
            String(String.UnicodeScalarView(scalars[f.start..<f.end])) == f.text, (f.start, f.end) >= last
        else { fatalError("fact \(f.kind) '\(f.text)' at \(f.start)..<\(f.end) breaks an invariant") }
        last = (f.start, f.end)
    }
    // The byte path finds what the String path finds in the repaired text; the unchecked path
    // (what extract's workers take) never traps, even on raw bytes; the SSE2 validator agrees
    // with the standard library.
    if FactExtractor().facts(utf8: bytes) != facts { fatalError("facts(utf8:) differs from facts(in:)") }
    _ = FactExtractor().facts(wellFormedUTF8: bytes)
    let valid = DecodedText.isValidUTF8(bytes)
    if valid != (String(validating: bytes, as: UTF8.self) != nil) { fatalError("isValidUTF8 says \(valid)") }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzFacts(data!, size) })
