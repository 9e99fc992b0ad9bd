import Benchmark
import ChineseFacts
import ChineseNumerals
import ChineseTokenization
import Foundation

/// Keeps the optimizer from folding repeated work on the same input.
@inline(never) @_optimize(none) func opaque<T>(_ x: T) -> T { x }

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

func load(_ path: String) -> String {
    (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
}

let fixtureNames = [
    "hailar-2017.txt", "provincial-2026-hebei.txt", "communique-2024.txt", "central-2024.txt", "central-gr2015.txt",
]
let corpus = fixtureNames.map { load("Fixtures/documents/" + $0) }
let corpusBytes = corpus.reduce(0) { $0 + $1.utf8.count }
let seed = load("seeds/000_071e48968401a800.txt")

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
        precondition(expected.allSatisfy { $0 > 100 })
        let scanner = NumeralScanner()
        timed(benchmark, bytes: corpusBytes) {
            for k in copies.indices {
                var n = 0
                copies[k].withUTF8 { buffer in scanner.forEachMatch(in: opaque(buffer)) { _ in n += 1 } }
                precondition(n == expected[k])
            }
        }
    }

    Benchmark("extract: seed") { benchmark in
        let facts = FactExtractor().facts(in: seed)
        precondition(facts.contains { $0.text == "4000余万元" && $0.value == .number(ExactDecimal(40_000_000)) })
        timed(benchmark, bytes: seed.utf8.count) {
            blackHole(FactExtractor().facts(in: opaque(seed)).count)
        }
    }

    Benchmark("extract: corpus") { benchmark in
        let extractor = FactExtractor()
        timed(benchmark, bytes: corpusBytes) {
            for text in corpus {
                var w = JSONWriter()
                for f in extractor.facts(in: opaque(text)) { w.write(f, doc: "d") }
                blackHole(w.bytes.count)
            }
        }
    }
}
