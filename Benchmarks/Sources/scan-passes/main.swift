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

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let names = ["hailar-2017.txt", "provincial-2026-hebei.txt", "communique-2024.txt", "central-2024.txt", "central-gr2015.txt"]
var documents = names.map { (try? String(contentsOf: root.appendingPathComponent("Fixtures/documents/" + $0), encoding: .utf8)) ?? "" }
guard documents.allSatisfy({ !$0.isEmpty }) else {
    FileHandle.standardError.write(Data("scan-passes: the fixture documents were not found under \(root.path)\n".utf8))
    exit(1)
}
let arguments = CommandLine.arguments.dropFirst()
let mode = arguments.first ?? "scan"
let passes = arguments.dropFirst().first.flatMap { Int($0) } ?? 1
let scanner = NumeralScanner()
let starts = Array(NumeralLexicon.digits.keys) + Array(NumeralLexicon.smallUnits.keys) + Array(NumeralLexicon.tens.keys)
let triggers = ScalarSet(starts.map { String($0) } + ["第倒负負几幾万萬半０１２３４５６７８９"])
var found = 0
for _ in 0..<passes {
    for k in documents.indices {
        documents[k].withUTF8 { bytes in
            if mode == "skip" {
                var i = 0
                var scalars = 0
                while i < bytes.count {
                    i = triggers.skipAbsent(in: bytes, from: i, scalars: &scalars)
                    guard i < bytes.count else { break }
                    found += 1
                    i += 1
                    while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
                }
            } else {
                scanner.forEachMatch(in: bytes) { _ in found += 1 }
            }
        }
    }
}
print("\(mode): \(passes) passes, \(found) stops or matches")
