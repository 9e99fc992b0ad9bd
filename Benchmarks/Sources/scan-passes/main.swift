// Runs the scanning core over the five fixture documents N times (default 1), for counting
// instructions with callgrind: the count of N passes minus the count of one pass, divided by
// N - 1, is what one pass costs, without start-up. `skip` runs the trigger skip loop alone.
//
//   swift build -c release --product scan-passes
//   strip --strip-debug -o /tmp/scan-passes .build/release/scan-passes
//   valgrind --tool=callgrind /tmp/scan-passes scan 1
//   valgrind --tool=callgrind /tmp/scan-passes scan 11
//
// `scan-passes timed N` times each of N passes and prints the fastest, p10 and p50.
//
// `scan-passes file PATH [RUNS]` scans one file instead, RUNS times (default 3), and prints the
// matches and the fastest run's seconds: the scanning core on the slice compare-peers.sh times.
import ChineseNumerals
import Foundation
import ScanHarness

if CommandLine.arguments.dropFirst().first == "file", CommandLine.arguments.count >= 3 {
    let path = CommandLine.arguments[2]
    let runs = CommandLine.arguments.dropFirst(3).first.flatMap { Int($0) } ?? 3
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("scan-passes: cannot read \(path)\n".utf8))
        exit(1)
    }
    let bytes = [UInt8](data)
    let scanner = NumeralScanner()
    let clock = ContinuousClock()
    var best = Double.infinity
    var matches = 0
    for _ in 0..<max(runs, 1) {
        matches = 0
        let start = clock.now
        bytes.withUnsafeBufferPointer { scanner.forEachMatch(in: $0) { _ in matches += 1 } }
        let d = clock.now - start
        best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
    print("file: \(bytes.count) bytes, \(matches) matches, best of \(max(runs, 1)): \(best) s")
    exit(0)
}

var documents = fixtureNames.map {
    (try? String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/documents/" + $0), encoding: .utf8)) ?? ""
}
guard documents.allSatisfy({ !$0.isEmpty }) else {
    FileHandle.standardError.write(Data("scan-passes: the fixture documents were not found under \(repositoryRoot.path)\n".utf8))
    exit(1)
}
let arguments = CommandLine.arguments.dropFirst()
let mode = arguments.first ?? "scan"
let passes = arguments.dropFirst().first.flatMap { Int($0) } ?? 1
let scanner = NumeralScanner()
var found = 0
if mode == "timed" {
    // Each pass timed on its own: the fastest pass, and the 10th and 50th percentiles, in µs
    // and MB/s. Interference only adds time, so the fastest passes say what the code costs.
    let clock = ContinuousClock()
    let bytes = documents.reduce(0) { $0 + $1.utf8.count }
    var times: [Double] = []
    for _ in 0..<passes {
        let start = clock.now
        for k in documents.indices {
            documents[k].withUTF8 { scanner.forEachMatch(in: $0) { _ in found += 1 } }
        }
        let d = clock.now - start
        times.append(Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12)
    }
    times.sort()
    func line(_ name: String, _ t: Double) -> String { "\(name) \(Int(t.rounded())) µs (\(Int((Double(bytes) / t).rounded())) MB/s)" }
    print("timed: \(passes) passes of \(bytes) bytes, \(found) matches;", line("fastest", times[0]) + ",",
        line("p10", times[times.count / 10]) + ",", line("p50", times[times.count / 2]))
    exit(0)
}
for _ in 0..<passes {
    for k in documents.indices {
        documents[k].withUTF8 { bytes in
            if mode == "skip" {
                found += triggerStops(in: bytes)
            } else {
                scanner.forEachMatch(in: bytes) { _ in found += 1 }
            }
        }
    }
}
print("\(mode): \(passes) passes, \(found) stops or matches")
