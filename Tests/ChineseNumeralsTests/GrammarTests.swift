import ChineseNumerals
import Foundation
import Testing

/// Examples grouped by the value they must produce (Duckling's corpus style).
struct Example: Sendable, CustomTestStringConvertible {
    var value: String
    var inputs: [String]
    var qualifier: Qualifier = .exact
    var upper: String? = nil
    var kind: Quantity.Kind = .number
    var testDescription: String { "\(value): \(inputs.joined(separator: " "))" }
}

func check(_ e: Example) {
    for input in e.inputs {
        let q = ChineseNumeral.parse(input)
        #expect(q?.value == ExactDecimal(e.value), "\(input)")
        #expect(q?.qualifier == e.qualifier, "\(input)")
        #expect(q?.upper == e.upper.flatMap(ExactDecimal.init), "\(input)")
        #expect(q?.kind == e.kind, "\(input)")
    }
}

@Suite("Grammar: digits")
struct DigitTests {
    @Test(arguments: [
        Example(value: "1200", inputs: ["1200", "1,200", "1，200", "１２００", "１，２００"]),
        Example(value: "12.5", inputs: ["12.5", "１２．５", "12．5"]),
        Example(value: "1050000000", inputs: ["1,050,000,000"]),
        Example(value: "82225", inputs: ["82，225.00", "82,225"]),
        Example(value: "233333333434.344", inputs: ["233,333，333,434.344"]),
        Example(value: "10000.233", inputs: ["10,000.233"]),
    ])
    func digits(_ e: Example) { check(e) }

    @Test func listCommaIsNotAThousandsSeparator() {
        // Recognizers-Text #568: 20，300 in a list is two numbers.
        #expect(ChineseNumeral.parse("20，300") == nil)
        let m = NumeralScanner().matches(in: "分别为20，300")
        #expect(m.map(\.quantity.value) == [ExactDecimal(20), ExactDecimal(300)])
    }
}

@Suite("Grammar: Chinese numerals")
struct ChineseTests {
    @Test(arguments: [
        Example(value: "0", inputs: ["零", "〇"]),
        Example(value: "2", inputs: ["二", "两", "贰", "兩", "貳", "俩"]),
        Example(value: "3", inputs: ["三", "叁", "參", "仨"]),
        Example(value: "1", inputs: ["一", "壹", "幺"]),
        Example(value: "6", inputs: ["六", "陆", "陸"]),
        Example(value: "10", inputs: ["十", "一十", "拾", "壹拾"]),
        Example(value: "25", inputs: ["二十五", "廿五", "贰拾伍"]),
        Example(value: "33", inputs: ["三十三", "參拾參", "卅三"]),
        Example(value: "40", inputs: ["四十", "卌"]),
        Example(value: "10040", inputs: ["一万零四十"]),
        Example(value: "101000", inputs: ["十万零一千"]),
        Example(value: "1903971", inputs: ["一百九十万零三千九百七十一"]),
        Example(value: "35000", inputs: ["三万五", "三万五千", "3.5万", "3万5000"]),
        Example(value: "120", inputs: ["一百二", "一百二十", "百二十"]),
        Example(value: "2450", inputs: ["两千四百五", "二千四百五十"]),
        Example(value: "1500000000000", inputs: ["一万五千亿", "1.5万亿"]),
        Example(value: "20000000000000", inputs: ["二十万亿"]),
        Example(value: "100000000000000000", inputs: ["十亿亿"]),
        Example(value: "1102614", inputs: ["壹佰壹拾万贰仟陆佰壹拾肆"]),
        Example(value: "1000000000000", inputs: ["一兆", "一万亿"]),
        Example(value: "10000000", inputs: ["一千万", "千万"]),
        Example(value: "1200000", inputs: ["百二萬", "一百二十万", "1,200,000"]),
        Example(value: "-1200000", inputs: ["負一百二十萬", "負壹佰貳拾萬", "负1200000"]),
    ])
    func chinese(_ e: Example) { check(e) }

    @Test(arguments: [
        Example(value: "23000", inputs: ["2.3万"]),
        Example(value: "40000000", inputs: ["4000余万"], qualifier: .over),
        Example(value: "110090000000", inputs: ["1,100.9亿"]),
        Example(value: "34000", inputs: ["3万4000"]),
        Example(value: "256000", inputs: ["25万6千"]),
        Example(value: "1001", inputs: ["1千零1"]),
        Example(value: "4060000000000", inputs: ["4.06万亿"]),
        Example(value: "134908400000000", inputs: ["1349084亿"]),
    ])
    func mixed(_ e: Example) { check(e) }

    @Test(arguments: [
        Example(value: "2024", inputs: ["二〇二四", "二零二四", "二○二四"]),
        Example(value: "1998", inputs: ["一九九八"]),
    ])
    func digitByDigit(_ e: Example) { check(e) }

    @Test(arguments: [
        Example(value: "3.5", inputs: ["三点五", "3.5", "叁点伍"]),
        Example(value: "0.05", inputs: ["零点零五"]),
        Example(value: "-3", inputs: ["负三", "-3"]),
        Example(value: "-0.99", inputs: ["-0.99"]),
    ])
    func decimalsAndNegatives(_ e: Example) { check(e) }

    @Test func megaIsAUnitPrefix() {
        // 兆瓦 is megawatt: 兆 is not read as 10^12 there.
        let m = NumeralScanner().matches(in: "装机容量5兆瓦")
        #expect(m.map(\.quantity.value) == [ExactDecimal(5)])
        let k = NumeralScanner().matches(in: "1.5千瓦")
        #expect(k.map(\.quantity.value) == [ExactDecimal("1.5")!])
    }
}

@Suite("Grammar: percent and fractions")
struct PercentTests {
    @Test(arguments: [
        Example(value: "65.5", inputs: ["百分之六十五点五", "65.5%", "６５．５％"], kind: .percent),
        Example(value: "100", inputs: ["百分之百", "百分之一百", "100%"], kind: .percent),
        Example(value: "-40", inputs: ["负百分之四十", "-40%"], kind: .percent),
        Example(value: "3", inputs: ["千分之三", "3‰"], kind: .percent),
    ])
    func percents(_ e: Example) { check(e) }

    @Test func perMilleUnit() {
        #expect(ChineseNumeral.parse("千分之三")?.percentUnit == "‰")
        #expect(ChineseNumeral.parse("6.77‰")?.percentUnit == "‰")
        #expect(ChineseNumeral.parse("32%")?.percentUnit == "%")
    }

    @Test func decimalDescriptions() {
        let cases: [(Int128, Int, String)] = [
            (0, 0, "0"), (5, 0, "5"), (-5, 0, "-5"), (1, 16, "10000000000000000"), (5, -3, "0.005"), (-5, -3, "-0.005"),
            (125, -1, "12.5"), (12345, -2, "123.45"), (-7, -1, "-0.7"), (18_446_744_073_709_551_615, 0, "18446744073709551615"),
            (18_446_744_073_709_551_617, -4, "1844674407370955.1617"), (-170_141_183_460_469_231_731_687_303_715_884_105_727, -40,
            "-0.0170141183460469231731687303715884105727"),
        ]
        for (significand, exponent, text) in cases {
            let d = ExactDecimal(significand: significand, exponent: exponent)
            #expect(d.description == text)
            let bytes = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: d.descriptionBound) { buffer in
                Array(buffer[..<d.writeDescription(to: buffer.baseAddress!)])
            }
            #expect(bytes == Array(text.utf8))
            #expect(bytes.count <= d.descriptionBound)
        }
        // Random values read back from their description.
        var rng = SplitMix(seed: 5)
        for _ in 0..<10000 {
            let d = ExactDecimal(significand: Int128(Int64(bitPattern: rng.next())) * Int128(rng.next() % 1000), exponent: Int(rng.next() % 23) - 20)
            #expect(ExactDecimal(d.description) == d, "\(d)")
        }
    }

    @Test func quantitiesRoundTripThroughJSON() throws {
        for text in ["千分之三", "百分之三至五", "三分之二", "4000余万", "倒数第二"] {
            let q = try #require(ChineseNumeral.parse(text))
            let data = try JSONEncoder().encode(q)
            #expect(try JSONDecoder().decode(Quantity.self, from: data) == q, "\(text)")
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((object["percentUnit"] as? String) == q.percentUnit, "\(text)")
            #expect((object["fraction"] != nil) == (q.fraction != nil), "\(text)")
        }
        var q = Quantity(kind: .percent, value: ExactDecimal(3))
        #expect(q.percentUnit == nil)
        q.percentUnit = "‰"
        #expect(q.percentUnit == "‰")
    }

    @Test func fractionsKeepTheRational() throws {
        let third = try #require(ChineseNumeral.parse("三分之一"))
        #expect(third.kind == .fraction)
        #expect(third.fraction == Rational(numerator: ExactDecimal(1), denominator: ExactDecimal(3)))
        #expect(third.value.description.hasPrefix("0.3333333333"))
        let twoThirds = try #require(ChineseNumeral.parse("三分之二"))
        #expect(twoThirds.value.description.hasPrefix("0.666666666"))
        #expect(ChineseNumeral.parse("一半")?.value == ExactDecimal("0.5"))
        #expect(ChineseNumeral.parse("一半")?.kind == .fraction)
    }
}

@Suite("Grammar: hedges and ranges")
struct HedgeTests {
    @Test(arguments: [
        Example(value: "50", inputs: ["50余", "50多", "超过50", "超50", "逾50", "50以上"], qualifier: .over),
        Example(value: "1300000000", inputs: ["13亿多"], qualifier: .over),
        Example(value: "10000000", inputs: ["一千多万", "一千余万"], qualifier: .over),
        Example(value: "2000000", inputs: ["二百余万"], qualifier: .over),
        Example(value: "100000", inputs: ["十余万", "十多万"], qualifier: .over),
        Example(value: "3000", inputs: ["近3000", "将近3000", "不到3000", "不足3000", "3000以下"], qualifier: .under),
        Example(value: "35000", inputs: ["约3.5万", "大约3.5万", "3.5万左右", "3.5万上下"], qualifier: .about),
        Example(value: "20", inputs: ["二十来", "20来"], qualifier: .about),
        Example(value: "35", inputs: ["35及以上", "不少于35", "至少35"], qualifier: .atLeast),
        Example(value: "35", inputs: ["35及以下", "不超过35", "最多35"], qualifier: .atMost),
    ])
    func hedges(_ e: Example) { check(e) }

    @Test(arguments: [
        Example(value: "3", inputs: ["3至5", "3—5", "3~5", "3到5", "3-5", "三至五", "三到五"], qualifier: .range, upper: "5"),
        Example(value: "20000", inputs: ["两到三万", "2万至3万", "2万-3万"], qualifier: .range, upper: "30000"),
        Example(value: "10000", inputs: ["1万-5万"], qualifier: .range, upper: "50000"),
        Example(value: "3", inputs: ["三四"], qualifier: .range, upper: "4"),
        Example(value: "2", inputs: ["两三"], qualifier: .range, upper: "3"),
        Example(value: "15", inputs: ["十五六"], qualifier: .range, upper: "16"),
        Example(value: "10", inputs: ["十几"], qualifier: .range, upper: "19"),
        Example(value: "10", inputs: ["几十"], qualifier: .range, upper: "99"),
        Example(value: "20", inputs: ["二三十"], qualifier: .range, upper: "30"),
        Example(value: "300", inputs: ["三四百"], qualifier: .range, upper: "400"),
        Example(value: "3", inputs: ["百分之三至五", "百分之三到百分之五", "3%—5%", "3%至5%"], qualifier: .range, upper: "5", kind: .percent),
    ])
    func ranges(_ e: Example) { check(e) }
}

@Suite("Grammar: ordinals")
struct OrdinalTests {
    @Test(arguments: [
        Example(value: "15", inputs: ["第十五", "第15", "第１５"], kind: .ordinal),
        Example(value: "250", inputs: ["第二百五十", "第250"], kind: .ordinal),
        Example(value: "2", inputs: ["第二", "倒数第二"], kind: .ordinal),
    ])
    func ordinals(_ e: Example) { check(e) }

    @Test func fromEnd() {
        #expect(ChineseNumeral.parse("倒数第二")?.fromEnd == true)
        #expect(ChineseNumeral.parse("第二")?.fromEnd == false)
    }
}
