import Benchmark
import ChineseFacts
import ChineseNumerals
import ChineseTokenization
import Foundation
import ScanHarness

/// Keeps the optimizer from folding repeated work on the same input.
@inline(never) @_optimize(none) func opaque<T>(_ x: T) -> T { x }

func load(_ path: String) -> String {
    (try? String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)) ?? ""
}

let corpus = fixtureNames.map { load("Fixtures/documents/" + $0) }
let corpusBytes = corpus.reduce(0) { $0 + $1.utf8.count }
let seed = load("seeds/000_071e48968401a800.txt")

/// The fixture documents as JSON Lines, one paragraph group of about 4 KB a line (what a user pipes in).
let jsonLines: [UInt8] = {
    var out: [UInt8] = []
    var n = 0
    for text in corpus {
        var group = ""
        for line in text.split(separator: "\n") {
            group += line + "\n"
            if group.utf8.count > 4000 {
                var w = JSONWriter()
                w.writeRaw("{\"id\":\"d\(n)\",\"text\":")
                w.writeString(group)
                w.writeRaw("}\n")
                out += w.bytes
                n += 1
                group = ""
            }
        }
    }
    return out
}()

/// The golden facts of the seed (every kind), for checking the output before timing.
func seedMatchesGold() -> Bool {
    let gold = load("Fixtures/gold/000_071e48968401a800.facts.jsonl").split(separator: "\n").compactMap {
        try? JSONDecoder().decode(Fact.self, from: Data($0.utf8))
    }
    let ours = FactExtractor().facts(in: seed)
    let matched = gold.filter { g in
        ours.contains { $0.kind == g.kind && $0.start < g.end && g.start < $0.end && $0.value == g.value && $0.unit == g.unit }
    }.count
    // The golden file is matched as the tests assert (F1 ≥ 0.97 over all kinds).
    let recall = Double(matched) / Double(max(gold.count, 1))
    let precision = Double(matched) / Double(max(ours.count, 1))
    return gold.count == 245 && recall >= 0.97 && precision >= 0.97
}

/// Numeral matches per fixture document, as recorded when the grammar last changed.
let expectedScanCounts = [238, 143, 1117, 126, 195]

let expressions = [
    "一百九十万零三千九百七十一", "4000余万", "百分之六十五点五", "1,100.9亿", "两到三万", "壹佰壹拾万贰仟陆佰壹拾肆", "二〇二四",
    "十几", "3万4000", "约3.5万",
]

/// Input megabytes per second of one run, reported as a custom metric (larger is better).
let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

/// Times `body` over `bytes` of input and records MB/s.
func timed(_ benchmark: Benchmark, bytes: Int, _ body: () throws -> Void) rethrows {
    let clock = ContinuousClock()
    benchmark.startMeasurement()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    benchmark.stopMeasurement()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    benchmark.measurement(megabytesPerSecond, Int(Double(bytes) / 1e6 / max(seconds, 1e-9)))
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, megabytesPerSecond],
        maxDuration: .seconds(3), maxIterations: 1000)

    Benchmark("tokenize: corpus", configuration: .init(scalingFactor: .one)) { benchmark in
        let tokenizer = Tokenizer()
        precondition(corpus.allSatisfy { !$0.isEmpty }, "fixtures missing")
        try timed(benchmark, bytes: corpusBytes) {
            for text in corpus { blackHole(try tokenizer.words(in: opaque(text)).count) }
        }
    }

    Benchmark("numerals: parse", configuration: .init(scalingFactor: .kilo)) { benchmark in
        precondition(ChineseNumeral.parse("4000余万")?.value == ExactDecimal(40_000_000))
        for _ in benchmark.scaledIterations {
            for e in expressions { blackHole(ChineseNumeral.parse(opaque(e))) }
        }
    }

    Benchmark("numerals: scan corpus") { benchmark in
        var copies = corpus
        let expected = copies.map { NumeralScanner().matches(in: $0).count }
        precondition(expected == expectedScanCounts, "scan counts \(expected) differ from \(expectedScanCounts)")
        let scanner = NumeralScanner()
        timed(benchmark, bytes: corpusBytes) {
            for k in copies.indices {
                var n = 0
                copies[k].withUTF8 { buffer in scanner.forEachMatch(in: opaque(buffer)) { _ in n += 1 } }
                precondition(n == expected[k])
            }
        }
    }

    Benchmark("numerals: trigger skip") { benchmark in
        // The scanner's loop over characters that start no numeral, with no candidate handled:
        // the bound on "numerals: scan corpus".
        var copies = corpus
        func stops() -> Int {
            var n = 0
            for k in copies.indices { copies[k].withUTF8 { n += triggerStops(in: opaque($0)) } }
            return n
        }
        let expected = stops()
        precondition(expected > 5000, "too few stops: \(expected)")
        timed(benchmark, bytes: corpusBytes) { precondition(stops() == expected) }
    }

    Benchmark("extract: seed") { benchmark in
        precondition(seedMatchesGold(), "the seed's facts no longer match the golden file")
        timed(benchmark, bytes: seed.utf8.count) {
            blackHole(FactExtractor().facts(in: opaque(seed)).count)
        }
    }

    Benchmark("end-to-end: jsonl") { benchmark in
        // What `extract --input jsonl --format jsonl -j 1` does per line: read the document, extract, write.
        let extractor = FactExtractor()
        precondition(jsonLines.count > 100_000)
        timed(benchmark, bytes: jsonLines.count) {
            var out = JSONWriter()
            var count = 0
            jsonLines.withUnsafeBufferPointer { all in
                var start = 0
                for k in 0..<all.count where all[k] == 0x0A {
                    let line = UnsafeBufferPointer(rebasing: all[start..<k])
                    start = k + 1
                    guard let fields = try? JSONLine.fields(in: opaque(line), id: "id", text: "text"), let text = fields.text
                    else { continue }
                    for f in extractor.facts(in: text) {
                        out.write(f, doc: fields.id)
                        count += 1
                    }
                }
            }
            precondition(count > 1000, "only \(count) facts")
            blackHole(out.count)
        }
    }

    Benchmark("extract: corpus") { benchmark in
        let extractor = FactExtractor()
        timed(benchmark, bytes: corpusBytes) {
            for text in corpus {
                var w = JSONWriter()
                for f in extractor.facts(in: opaque(text)) { w.write(f, doc: "d") }
                blackHole(w.count)
            }
        }
    }
}
