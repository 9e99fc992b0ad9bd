import ChineseFacts
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func fixture(_ path: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
}

let numericKinds: Set<FactKind> = [.count, .money, .percent, .measure, .duration, .ordinal, .number]

/// Scores facts against a golden file as FACTS.md defines matching.
struct Score {
    var tp = 0, gold = 0, pred = 0
    var subjectAgree = 0, qualifierAgree = 0, changeAgree = 0
    /// Matched facts where the gold or the prediction has an attribute, and those where both have the same.
    var attributed = 0, attributeAgree = 0
    var attributeRate: Double { attributed == 0 ? 1 : Double(attributeAgree) / Double(attributed) }
    var missed: [Fact] = [], spurious: [Fact] = []
    var precision: Double { pred == 0 ? 0 : Double(tp) / Double(pred) }
    var recall: Double { gold == 0 ? 0 : Double(tp) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    init(gold g: [Fact], predicted p: [Fact]) {
        gold = g.count
        pred = p.count
        var used = Set<Int>()
        for gf in g {
            if let k = p.indices.first(where: { k in
                !used.contains(k) && p[k].kind == gf.kind && p[k].start < gf.end && gf.start < p[k].end
                    && p[k].value == gf.value && p[k].unit == gf.unit
            }) {
                used.insert(k)
                tp += 1
                let a = gf.subject, b = p[k].subject
                if a == nil && b == nil { subjectAgree += 1 } else if let a, let b, a.contains(b) || b.contains(a), min(a.count, b.count) >= 2 {
                    subjectAgree += 1
                }
                if (gf.qualifier ?? .exact) == (p[k].qualifier ?? .exact) { qualifierAgree += 1 }
                if gf.change == p[k].change { changeAgree += 1 }
                if gf.attribute != nil || p[k].attribute != nil {
                    attributed += 1
                    if gf.attribute == p[k].attribute { attributeAgree += 1 }
                }
            } else {
                missed.append(gf)
            }
        }
        spurious = p.indices.filter { !used.contains($0) }.map { p[$0] }
    }

    var report: String {
        let m = missed.map { "MISSED \($0.kind) \($0.text)@\($0.start) \($0.value)" }
        let s = spurious.map { "SPURIOUS \($0.kind) \($0.text)@\($0.start) \($0.value)" }
        return "P \(precision) R \(recall) F1 \(f1)\n" + (m + s).joined(separator: "\n")
    }
}

func goldFacts(_ path: String, range: Range<Int>? = nil, kinds: Set<FactKind> = numericKinds) throws -> [Fact] {
    let decoder = JSONDecoder()
    return try fixture(path).split(separator: "\n").map { try decoder.decode(Fact.self, from: Data($0.utf8)) }
        .filter { fact in kinds.contains(fact.kind) && (range?.contains(fact.start) ?? true) }
}

@Suite("Golden files")
struct GoldenTests {
    @Test func seed() throws {
        let text = try fixture("seeds/000_071e48968401a800.txt")
        let gold = try goldFacts("Fixtures/gold/000_071e48968401a800.facts.jsonl")
        let pred = FactExtractor().facts(in: text).filter { numericKinds.contains($0.kind) }
        let score = Score(gold: gold, predicted: pred)
        #expect(score.f1 >= 0.97, "\(score.report)")
        #expect(Double(score.subjectAgree) / Double(score.tp) >= 0.85, "\(score.report)")
        #expect(Double(score.qualifierAgree) / Double(score.tp) >= 0.95)
        #expect(Double(score.changeAgree) / Double(score.tp) >= 0.98, "\(score.changeAgree) of \(score.tp)")
        #expect(score.attributeRate >= 0.9, "\(score.attributeAgree) of \(score.attributed)")
    }

    @Test func communique() throws {
        let text = try fixture("Fixtures/documents/communique-2024.txt")
        let range = 0..<7029
        let gold = try goldFacts("Fixtures/gold/communique-2024.facts.jsonl", range: range)
        let pred = FactExtractor().facts(in: text).filter { numericKinds.contains($0.kind) && range.contains($0.start) && $0.end <= range.upperBound }
        let score = Score(gold: gold, predicted: pred)
        #expect(score.f1 >= 0.95, "\(score.report)")
        #expect(Double(score.subjectAgree) / Double(score.tp) >= 0.85, "\(score.report)")
        #expect(Double(score.qualifierAgree) / Double(score.tp) >= 0.95)
        // Change (增长 下降 …) on every matched quantity: 0.942 before 增加值 and 上涨的 stopped counting as changes.
        #expect(Double(score.changeAgree) / Double(score.tp) >= 0.98, "\(score.changeAgree) of \(score.tp)")
        // Attributes (增加值, 利润 …) where the gold or we give one: 0.53 before footnote markers were
        // cut with the verbs, a statistic named once was spread over the members of its sentence and
        // statistics named in full (投资, 地区生产总值, 对华直接投资 …) became attributes; 0.80 after
        // (tools/score.py, which counts otherwise: 0.58 and 0.89).
        #expect(score.attributeRate >= 0.78, "\(score.attributeAgree) of \(score.attributed)")
    }
}

@Suite("Golden files: time and named kinds")
struct GoldenNamedTests {
    static let seedTargets: [(FactKind, Double)] = [
        (.date, 0.90), (.plan, 0.90), (.meeting, 0.90), (.title, 0.90), (.term, 0.90), (.org, 0.80), (.place, 0.80),
        (.person, 0.80),
    ]

    @Test(arguments: seedTargets.map { "\($0.0.rawValue):\($0.1)" })
    func seedKind(_ target: String) throws {
        let parts = target.split(separator: ":")
        let kind = FactKind(rawValue: String(parts[0]))!
        let minimum = Double(parts[1])!
        let text = try fixture("seeds/000_071e48968401a800.txt")
        let gold = try goldFacts("Fixtures/gold/000_071e48968401a800.facts.jsonl", kinds: [kind])
        let pred = FactExtractor().facts(in: text).filter { $0.kind == kind }
        let score = Score(gold: gold, predicted: pred)
        #expect(score.f1 >= minimum, "\(kind): \(score.report)")
    }

    @Test func communiqueTimeAndNames() throws {
        let kinds: Set<FactKind> = [.date, .meeting, .plan, .title, .term, .org]
        let text = try fixture("Fixtures/documents/communique-2024.txt")
        let range = 0..<7029
        let gold = try goldFacts("Fixtures/gold/communique-2024.facts.jsonl", range: range, kinds: kinds)
        let pred = FactExtractor(kinds: kinds).facts(in: text).filter { range.contains($0.start) && $0.end <= range.upperBound }
        let score = Score(gold: gold, predicted: pred)
        #expect(score.f1 >= 0.90, "\(score.report)")
        // Places: the communiqué names none (regions such as 京津冀 are not places).
        let places = FactExtractor(kinds: [.place]).facts(in: text).filter { range.contains($0.start) }
        #expect(places.isEmpty, "\(places.map(\.text))")
    }
}

@Suite("Invariants")
struct InvariantTests {
    @Test(arguments: [
        "seeds/000_071e48968401a800.txt", "Fixtures/documents/hailar-2017.txt",
        "Fixtures/documents/provincial-2026-hebei.txt", "Fixtures/documents/communique-2024.txt",
        "Fixtures/documents/central-2024.txt", "Fixtures/documents/central-gr2015.txt",
    ])
    func factsSelectTheirText(_ path: String) throws {
        let text = try fixture(path)
        let scalars = Array(text.unicodeScalars)
        let facts = FactExtractor().facts(in: text)
        #expect(!facts.isEmpty)
        var last = (-1, -1)
        var seen = Set<String>()
        for f in facts {
            #expect(String(String.UnicodeScalarView(scalars[f.start..<f.end])) == f.text)
            #expect(String(text[utf8: TextSpan(start: f.start, end: f.end, utf8Start: f.utf8Start, utf8End: f.utf8End)]) == f.text)
            #expect((f.start, f.end) >= last)
            last = (f.start, f.end)
            #expect(seen.insert("\(f.kind)@\(f.start):\(f.end)").inserted)
        }
        // Same input, same facts, every run.
        #expect(FactExtractor().facts(in: text) == facts)
    }

    /// The same invariants over every document of the shared corpus, where the checkout has it.
    @Test func corpusDocuments() throws {
        let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return }
        var checked = 0
        for case let path as String in e where path.hasSuffix(".txt") {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            let facts = FactExtractor().facts(in: text)
            var last = (-1, -1)
            var seen = Set<String>()
            for f in facts {
                #expect(String(String.UnicodeScalarView(scalars[f.start..<f.end])) == f.text, "\(path)")
                #expect((f.start, f.end) >= last, "\(path)")
                last = (f.start, f.end)
                #expect(seen.insert("\(f.kind)@\(f.start):\(f.end)").inserted, "\(path): \(f.kind) \(f.text)")
                if let n = f.value.number { #expect(n.doubleValue.isFinite) }
            }
            checked += 1
        }
        #expect(checked == 0 || checked >= 59)
    }
}
