import ChineseFacts
import Foundation
import Testing

/// One test case of a peer (Recognizers-Text, Duckling, JioNLP), as in `Fixtures/peer-cases`.
struct PeerCase: CustomTestStringConvertible, Sendable {
    let file: String
    let line: Int
    let input: String
    let source: String
    /// What the case expects, as (value, upper, kind) triples: one per expected result.
    let expected: [Expectation]
    /// Set when the case is outside this project's scope, with the reason.
    let outOfScope: String?

    struct Expectation: Sendable, Equatable, CustomStringConvertible {
        var value: ExactDecimal
        var upper: ExactDecimal?
        var kind: String  // number, percent, ordinal, range, money
        var text: String?
        var description: String { "\(kind) \(value)\(upper.map { "…\($0)" } ?? "")\(text.map { " '\($0)'" } ?? "")" }
    }

    var testDescription: String { "\(file):\(line) \(input)" }
}

enum PeerCases {
    static let files = [
        "recognizers-number-zh", "recognizers-percent-zh", "recognizers-ordinal-zh", "recognizers-numberrange-zh",
        "duckling-numeral-zh", "duckling-ordinal-zh", "jionlp-money-parse-zh",
    ]

    static func decimal(_ any: Any?) -> ExactDecimal? {
        switch any {
        case let s as String: return ExactDecimal(s.replacingOccurrences(of: "%", with: ""))
        case let n as NSNumber: return ExactDecimal(n.stringValue)
        default: return nil
        }
    }

    /// Why a case is outside the scope of this project's numeral grammar, or nil.
    static func scope(_ input: String, _ expectations: [PeerCase.Expectation]) -> String? {
        func has(_ pattern: String) -> Bool { input.range(of: pattern, options: .regularExpression) != nil }
        if has(#"[0-9０-９一二三四五六七八九十百千万亿零两壹贰叁肆伍陆柒捌玖拾佰仟萬億點点分之个個][ 　]+[0-9０-９一二三四五六七八九十百千万亿零两壹贰叁肆伍陆柒捌玖拾佰仟萬億點点分之个個余餘几幾]"#)
            || has(#"^[-－负負] +[0-9]"#)
        {
            return "numerals with spaces inside are not written in prose"
        }
        if has(#"[0-9０-９]\s*[\^eE]\s*[-－+]?[0-9０-９]"#) { return "scientific notation" }
        if has(#"[0-9０-９]\s*[/／]\s*[0-9０-９]"#) { return "slash fractions: FACTS.md reads 分之" }
        if input.contains("又") { return "mixed fractions with 又 are not written in government prose" }
        if input.contains("份") { return "份 fractions are Cantonese" }
        if has(#"(^|[^0-9０-９])[.．][0-9０-９]"#) { return "a decimal without its leading zero (.5)" }
        if input.contains("http") { return "percent-encoded URLs" }
        if has(#"[0-9０-９.．](M|G|k|K|ｋ|Ｋ|w|W)"#) { return "k/M/G/w abbreviations; FACTS.md keeps M and G as units" }
        if has("(最多|最少|以上|以下).*(最多|最少|以上|以下)") { return "a range stated as two hedged bounds" }
        if has("比.*[大小]") || has("[0-9０-９]间") { return "comparisons (比…大, 与…间) are not a FACTS.md qualifier" }
        if has("[0-9０-９] +[-－~～—] *[0-9０-９]") || has("[0-9０-９.] +[MGkK]") { return "numerals with spaces inside are not written in prose" }
        if input.contains("^") { return "scientific notation" }
        // Discounts (打八折 = 80%) are a retail convention, not a percentage of government prose.
        if input.contains("折") { return "discount (折) is not a percentage in FACTS.md" }
        // Comparisons phrased as inequalities (大于…小于…, 位于…之间): Recognizers' number-range model.
        for w in ["大于", "小于", "高于", "低于", "少于", "多于", "之间", "不小于", "不大于", "等于", "不低于", "不高于", "超出", "介于"]
        where input.contains(w) {
            return "inequalities (\(w)) are not a FACTS.md qualifier"
        }
        // Fractions spoken as shares (几成 = tenths) and 半 after a unit.
        if input.contains("成") && expectations.contains(where: { $0.kind == "percent" }) { return "成 (tenths) is not a percentage" }
        return nil
    }

    static func load() -> [PeerCase] {
        var out: [PeerCase] = []
        for file in files {
            let url = packageRoot.appendingPathComponent("Fixtures/peer-cases/\(file).jsonl")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for (n, line) in text.split(separator: "\n").enumerated() {
                guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let input = o["input"] as? String
                else { continue }
                var exps: [PeerCase.Expectation] = []
                if let list = o["expected"] as? [[String: Any]] {
                    for r in list {
                        let res = r["resolution"] as? [String: Any] ?? [:]
                        let type = r["type"] as? String ?? ""
                        let text = r["text"] as? String
                        if type == "numberrange", let v = res["value"] as? String {
                            // "[20,30)", "(20,)", "[,35]"
                            let inner = v.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
                            let lo = inner.first.flatMap { ExactDecimal(String($0)) }
                            let hi = inner.count > 1 ? ExactDecimal(String(inner[1])) : nil
                            exps.append(.init(value: lo ?? hi ?? ExactDecimal(0), upper: lo != nil ? hi : nil, kind: "range", text: text))
                        } else if let v = decimal(res["value"]) {
                            let kind = type == "percentage" ? "percent" : type == "ordinal" ? "ordinal" : "number"
                            exps.append(.init(value: v, upper: nil, kind: kind, text: text))
                        }
                    }
                } else if let e = o["expected"] as? [String: Any] {
                    if let num = e["num"] {
                        // JioNLP money: num is a string or [lo, hi].
                        if let pair = num as? [String], pair.count == 2, let lo = decimal(pair[0]), let hi = decimal(pair[1]) {
                            exps.append(.init(value: lo, upper: hi, kind: "money", text: nil))
                        } else if let v = decimal(num) {
                            exps.append(.init(value: v, upper: nil, kind: "money", text: nil))
                        }
                    } else if let v = decimal(e["value"]) {
                        exps.append(.init(value: v, upper: nil, kind: file.contains("ordinal") ? "ordinal" : "number", text: nil))
                    }
                }
                let isEmptyExpectation = (o["expected"] as? [Any])?.isEmpty == true
                if exps.isEmpty && !isEmptyExpectation { continue }
                out.append(
                    PeerCase(
                        file: file, line: n + 1, input: input, source: o["source"] as? String ?? "", expected: exps,
                        outOfScope: scope(input, exps)))
            }
        }
        return out
    }

    static let all = load()
}

/// What this project finds in a peer case's input, in the peer's terms.
func ourAnswer(_ c: PeerCase) -> [PeerCase.Expectation] {
    if c.file.hasPrefix("jionlp-money") {
        // The money fact(s), value in 元 or the currency's base unit.
        let facts = QuantityFacts().facts(in: c.input).filter { $0.kind == .money }
        if let f = facts.first, let v = f.value.number {
            return [.init(value: v, upper: f.upper, kind: "money", text: nil)]
        }
        // A bare amount (三百万) is a number here: JioNLP assumes 元.
        if let q = ChineseNumeral.parse(c.input) { return [.init(value: q.value, upper: q.upper, kind: "money", text: nil)] }
        return []
    }
    if c.file.hasPrefix("duckling"), let q = ChineseNumeral.parse(c.input) {
        // Duckling's inputs are whole expressions.
        return [.init(value: q.fromEnd ? q.value.negated : q.value, upper: q.upper, kind: q.kind == .ordinal ? "ordinal" : "number", text: nil)]
    }
    if c.file.hasPrefix("recognizers-percent") {
        // Percentages as facts: 个百分点 is a percent (pp) there.
        return QuantityFacts().facts(in: c.input).filter { $0.kind == .percent }.map {
            .init(value: $0.value.number ?? .zero, upper: $0.upper, kind: "percent", text: $0.text)
        }
    }
    var out: [PeerCase.Expectation] = []
    for m in NumeralScanner().matches(in: c.input) {
        let q = m.quantity
        let text = String(c.input.unicodeScalars.dropFirst(m.numeralSpan.start).prefix(m.numeralSpan.end - m.numeralSpan.start))
        switch q.kind {
        case .percent: out.append(.init(value: q.value, upper: q.qualifier == .range ? q.upper : nil, kind: "percent", text: text))
        case .ordinal: out.append(.init(value: q.fromEnd ? q.value.negated : q.value, upper: nil, kind: "ordinal", text: text))
        case .number, .fraction:
            if q.qualifier == .range, let u = q.upper {
                out.append(.init(value: q.value, upper: u, kind: "range", text: text))
            } else {
                out.append(.init(value: q.value, upper: nil, kind: "number", text: text))
            }
        }
    }
    return out
}

/// Equal, or equal to the 15 significant digits a peer printed (四千二分之三 = 0.000714285714285714).
func same(_ a: ExactDecimal, _ b: ExactDecimal) -> Bool {
    if a == b { return true }
    guard b.significand.magnitude >= 100_000_000_000_000 else { return false }
    let d = abs(a.doubleValue - b.doubleValue)
    return d <= abs(b.doubleValue) * 1e-13
}

/// Whether our answer satisfies the peer's expectation, judged by value (and upper bound, kind).
func agrees(_ c: PeerCase, _ ours: [PeerCase.Expectation]) -> Bool {
    if c.expected.isEmpty { return ours.isEmpty }
    if c.file.hasPrefix("duckling") {
        // A whole expression: one match with that value.
        return ours.count == 1 && same(ours[0].value, c.expected[0].value)
    }
    if c.file.hasPrefix("jionlp") {
        guard let o = ours.first else { return false }
        let e = c.expected[0]
        if let u = e.upper {
            // JioNLP writes 3000多 as [3000, 4000) and 十几 as [10, 20): the open interval of our over/range.
            return o.value == e.value && (o.upper == nil || o.upper == u || o.upper! < u)
        }
        return o.value == e.value
    }
    // Recognizers: every expected result found with its value, nothing else found.
    guard ours.count == c.expected.count else { return false }
    for (e, o) in zip(c.expected, ours) {
        switch e.kind {
        case "range":
            guard o.kind == "range" || o.kind == "number" else { return false }
            if o.value != e.value { return false }
            if let u = e.upper, o.upper != u { return false }
        case "percent":
            guard o.kind == "percent", o.value == e.value else { return false }
        case "ordinal":
            guard o.kind == "ordinal", o.value == e.value else { return false }
        default:
            guard same(o.value, e.value), o.kind != "percent" else { return false }
        }
    }
    return true
}

/// Cases where FACTS.md (or this grammar) chose differently from the peer: the test asserts
/// our answer, written as the values we give, and says why.
let peerDifferences: [String: (ours: [String], why: String)] = [
    "duckling-numeral-zh:15": (["1"], "对/雙/打 are measure words: 一對 is a count of 1, unit 对"),
    "duckling-numeral-zh:16": (["1"], "对/雙/打 are measure words: 一雙 is a count of 1"),
    "duckling-numeral-zh:20": (["5"], "对/雙/打 are measure words: 五對 is a count of 5"),
    "duckling-numeral-zh:21": (["5"], "对/雙/打 are measure words: 五雙 is a count of 5"),
    "duckling-numeral-zh:32": (["5"], "对/雙/打 are measure words: 五打 is a count of 5"),
    "duckling-numeral-zh:40": (["8"], "对/雙/打 are measure words: 八打 is a count of 8"),
    "recognizers-number-zh:35": (["1"], "打 is a measure word: 一打 is a count of 1"),
    "recognizers-number-zh:72": (["50"], "打 is a measure word"),
    "recognizers-number-zh:96": (["10"], "打 is a measure word"),
    "recognizers-number-zh:173": (["10"], "打 is a measure word"),
    "recognizers-number-zh:122": ([], "打 is a measure word, and a lone 壹 is read only before 元"),
    "recognizers-number-zh:179": (["55.579"], "百分之 makes a percent (55.579%), not a bare number"),
    "recognizers-number-zh:180": (["100651"], "百分之 makes a percent, not a bare number"),
    "recognizers-number-zh:281": (["1"], "a number before a currency is still a number (the money fact is 1 USD)"),
    "recognizers-number-zh:282": (["2"], "a number before a measure word is still a number"),
    "recognizers-number-zh:287": (["2"], "a number before a measure word is still a number"),
    "recognizers-number-zh:362": (["2", "49959200000000"], "兆 is 10^12 here (NumeralLexicon): 四十九兆九千五百九十二億 = 49959200000000; the peer takes 兆 as 10^11"),
    "recognizers-number-zh:1": (["200.2"], "点 is a decimal point: 两百点两 is 200.2; the peer splits it into 200 and 2"),
    "recognizers-percent-zh:40": (["2"], "FACTS.md: ‰ keeps the number as written, unit ‰ (仟分之贰 = 2‰)"),
    "recognizers-percent-zh:117": (["20…30"], "二三十 is a range (20…30); the peer finds nothing"),
    "recognizers-numberrange-zh:39": (["9217", "2252"], "every number is reported, 2252 with qualifier atLeast; the peer's range model reports only ranges"),
    "recognizers-numberrange-zh:64": (["200000"], "20万 is 200000 (qualifier over from 以上); the peer reads 20000"),
    "recognizers-numberrange-zh:65": (["0.9"], "超过了百分之零点九 is the percent 0.9 with qualifier over, not a bare range"),
    "recognizers-percent-zh:38": (["2.4"], "FACTS.md: ‰ keeps the number as written, unit ‰ (千分之2.4 = 2.4‰, not 0.24%)"),
    "recognizers-percent-zh:39": (["1"], "FACTS.md: ‰ keeps the number as written, unit ‰"),
    "recognizers-percent-zh:47": (["111"], "FACTS.md: ‰ keeps the number as written, unit ‰"),
    "recognizers-percent-zh:48": (["111.112"], "FACTS.md: ‰ keeps the number as written, unit ‰"),
    "recognizers-percent-zh:49": (["20…30"], "二三十 is a range (20…30); the peer finds nothing"),
    "recognizers-percent-zh:50": (["20…30"], "百分之二三十 is a range of percents; the peer finds nothing"),
    "jionlp-money-parse-zh:4": (["233333333434.344"], "values are exact; the peer rounds to cents"),
    "jionlp-money-parse-zh:38": (["10000"], "a range written with the unit on both ends gives one fact per end: 1万元 and 5万元"),
    "jionlp-money-parse-zh:54": (["50000"], "(含) between the ends breaks the range; 1万 has no unit of its own"),
]

/// Cases not passed, each with the reason.
let peerKnownIssues: [String: String] = [
    "recognizers-number-zh:2": "一点 (a little) is a not-a-number word unless a digit follows it",
    "recognizers-number-zh:222": "a malformed run of points (2222.2222.22222.222) is read greedily",
    "recognizers-number-zh:254": "负3分之负157 (two signs) is not in the grammar",
    "recognizers-number-zh:273": "負3分之負157 (two signs) is not in the grammar",
    "recognizers-number-zh:323": "a lone 叁 is read only before 元 (伍 in 队伍, 拾 in 收拾)",
    "recognizers-numberrange-zh:61": "十几万多亿 (a range inside a hedged numeral) stops after 十几万",
    "duckling-numeral-zh:116": "1半 (one and a half, or half) is not in the grammar; only 半个 and 半百 are",
    "duckling-numeral-zh:124": "萬九 (19000, a leading bare 萬) is not in the grammar",
    "jionlp-money-parse-zh:18": "两个亿 (个 inside a numeral) is colloquial",
    "jionlp-money-parse-zh:44": "两~3百 (a Chinese digit joined to an Arabic one by ~) is not a range here",
]

/// Our answer in the terms of `peerDifferences`: values, ranges as lo…hi.
func ourValues(_ ours: [PeerCase.Expectation]) -> [String] {
    ours.map { o in o.upper.map { u in "\(o.value)…\(u)" } ?? "\(o.value)" }
}

@Suite("Peer test cases")
struct PeerCaseTests {
    static let inScope = PeerCases.all.filter { $0.outOfScope == nil }

    @Test(arguments: inScope)
    func peerCase(_ c: PeerCase) {
        let key = "\(c.file):\(c.line)"
        let ours = ourAnswer(c)
        if let d = peerDifferences[key] {
            #expect(ourValues(ours) == d.ours, "\(d.why)")
        } else if let reason = peerKnownIssues[key] {
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(agrees(c, ours), "expected \(c.expected), got \(ours)")
            }
        } else {
            #expect(agrees(c, ours), "expected \(c.expected), got \(ours)")
        }
    }

    @Test func inScopePassRate() throws {
        let cases = Self.inScope
        #expect(cases.count > 500)
        var failures: [String] = []
        for c in cases {
            let key = "\(c.file):\(c.line)"
            let ours = ourAnswer(c)
            let ok = peerDifferences[key].map { ourValues(ours) == $0.ours } ?? agrees(c, ours)
            if !ok { failures.append("\(key)\t\(c.input)\texpected \(c.expected)\tgot \(ours)") }
        }
        let rate = Double(cases.count - failures.count) / Double(cases.count)
        if let path = ProcessInfo.processInfo.environment["PEER_REPORT"] {
            try (failures.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(rate >= 0.98, "\(failures.count) of \(cases.count) fail")
        // Every failure is listed as a known issue, and every known issue still fails.
        let failing = Set(failures.map { String($0.prefix { $0 != "\t" }) })
        #expect(failing == Set(peerKnownIssues.keys), "unlisted: \(failing.subtracting(peerKnownIssues.keys).sorted()), fixed: \(Set(peerKnownIssues.keys).subtracting(failing).sorted())")
    }

    @Test func scopeIsStated() {
        // Out-of-scope cases each carry a reason; the bulk stays in scope.
        let out = PeerCases.all.filter { $0.outOfScope != nil }
        #expect(out.allSatisfy { !($0.outOfScope ?? "").isEmpty })
        #expect(Double(out.count) / Double(PeerCases.all.count) < 0.3)
    }
}
