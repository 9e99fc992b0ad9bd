import ChineseNumerals
import Testing

@Suite("Formatter")
struct FormatterTests {
    @Test(arguments: [
        ("0", "零"), ("10", "十"), ("12", "十二"), ("112", "一百一十二"), ("1234", "一千二百三十四"),
        ("10040", "一万零四十"), ("101000", "十万一千"), ("100010001", "一亿零一万零一"),
        ("1903971", "一百九十万三千九百七十一"), ("10000000000000000", "一亿亿"), ("3.14", "三点一四"),
        ("-3", "负三"),
    ])
    func standard(_ value: String, _ expected: String) {
        #expect(ChineseNumeral.format(ExactDecimal(value)!) == expected)
    }

    @Test func liangAndFinancial() {
        #expect(ChineseNumeral.format(ExactDecimal(2200), style: .liang) == "两千二百")
        #expect(ChineseNumeral.format(ExactDecimal(20000), style: .liang) == "两万")
        #expect(ChineseNumeral.format(ExactDecimal(22), style: .liang) == "二十二")
        #expect(ChineseNumeral.format(ExactDecimal(1234), style: .financial) == "壹仟贰佰叁拾肆")
        #expect(ChineseNumeral.formatAmount(ExactDecimal("1234.56")!) == "壹仟贰佰叁拾肆元伍角陆分")
        #expect(ChineseNumeral.formatAmount(ExactDecimal(1234)) == "壹仟贰佰叁拾肆元整")
        #expect(ChineseNumeral.formatAmount(ExactDecimal("1102614.6")!) == "壹佰壹拾万贰仟陆佰壹拾肆元陆角")
    }

    /// parse(format(v)) == v for 100,000 values: random, zero, powers of ten, inner zeros, up to 10^16.
    @Test func roundTrip() {
        var values: [ExactDecimal] = [.zero, ExactDecimal(100_010_001), ExactDecimal(10_000_000_000_000_000)]
        for k in 0...16 { values.append(ExactDecimal(significand: 1, exponent: k)) }
        var rng = SplitMix(seed: 7)
        while values.count < 100_000 {
            let digits = Int(rng.next() % 17) + 1
            var v: Int128 = 0
            for _ in 0..<digits {
                // Many zeros, to exercise 零.
                let d = rng.next() % 3 == 0 ? 0 : Int128(rng.next() % 10)
                v = v * 10 + d
            }
            let scale = rng.next() % 4 == 0 ? -Int(rng.next() % 4) : 0
            values.append(ExactDecimal(significand: v, exponent: scale))
        }
        var failures = 0
        for (n, v) in values.enumerated() {
            for style in [ChineseNumeral.Style.standard, .liang, .financial] where n % 3 == 0 || style == .standard {
                let text = ChineseNumeral.format(v, style: style)
                if ChineseNumeral.parse(text)?.value != v {
                    failures += 1
                    if failures < 10 { Issue.record("\(v) → \(text) → \(String(describing: ChineseNumeral.parse(text)?.value))") }
                }
            }
        }
        #expect(failures == 0)
    }
}
