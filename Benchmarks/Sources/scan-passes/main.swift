// Runs the scanning core over the five fixture documents N times (default 1), for counting
// instructions with callgrind: the count of N passes minus the count of one pass, divided by
// N - 1, is what one pass costs, without start-up. `skip` runs the trigger skip loop alone.
//
//   swift build -c release --product scan-passes
//   strip --strip-debug -o /tmp/scan-passes .build/release/scan-passes
//   valgrind --tool=callgrind /tmp/scan-passes scan 1
//   valgrind --tool=callgrind /tmp/scan-passes scan 11
import ChineseNumerals
import Foundation
import ScanHarness

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
