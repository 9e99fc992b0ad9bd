// Fuzzes the numeral parser, scanner and formatter on arbitrary bytes.
import CFuzzDriver
import ChineseNumerals
import Glibc

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumerals(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if let q = ChineseNumeral.parse(bytes: bytes) {
        // A value that parses formats, and its formatting parses back to it when exact.
        if q.kind == .number, q.qualifier == .exact, q.value.isInteger, !q.value.isNegative,
            q.value < ExactDecimal(significand: 1, exponent: 16)
        {
            let text = ChineseNumeral.format(q.value)
            guard ChineseNumeral.parse(text)?.value == q.value else { fatalError("round trip: \(q.value) → \(text)") }
        }
    }
    var last = -1
    NumeralScanner().forEachMatch(in: bytes) { m in
        // Matches move forward and stay inside the input.
        guard m.span.utf8Start >= 0, m.span.utf8End <= size, m.span.utf8Start <= m.numeralSpan.utf8Start,
            m.numeralSpan.utf8End <= m.span.utf8End, m.numeralSpan.utf8Start > last
        else { fatalError("bad match span") }
        last = m.numeralSpan.utf8Start
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzNumerals(data!, size) })
