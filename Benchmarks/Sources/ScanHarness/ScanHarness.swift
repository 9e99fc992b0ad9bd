// What the timed benchmarks and the instruction-counting harness (scan-passes) share: the
// fixture documents and the scanner's character loop run alone.
import ChineseNumerals
import Foundation

/// The repository's root (three folders above this file's).
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The five fixture documents the scanning suites read, under `Fixtures/documents`.
public let fixtureNames = [
    "hailar-2017.txt", "provincial-2026-hebei.txt", "communique-2024.txt", "central-2024.txt", "central-gr2015.txt",
]

/// The scalars a numeral may start with, as the scanner's trigger set holds them (its tables are internal).
public let numeralTriggers: ScalarSet = {
    let starts = Array(NumeralLexicon.digits.keys) + Array(NumeralLexicon.smallUnits.keys) + Array(NumeralLexicon.tens.keys)
    return ScalarSet(starts.map { String($0) } + ["第倒负負几幾万萬半０１２３４５６７８９"])
}()

/// How many times the scanner's character loop stops in `bytes` (at a trigger, ASCII, or anything
/// other than a three-byte character), with no candidate handled: the bound on the scanner's speed.
public func triggerStops(in bytes: UnsafeBufferPointer<UInt8>, set: ScalarSet = numeralTriggers) -> Int {
    var n = 0
    var i = 0
    var scalars = 0
    while i < bytes.count {
        i = set.skipAbsent(in: bytes, from: i, scalars: &scalars)
        guard i < bytes.count else { break }
        n += 1
        i += 1
        while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
    }
    return n
}
