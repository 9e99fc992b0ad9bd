import Foundation
import Testing

@testable import extract

/// The helpers that replaced full Foundation in `extract`, checked against Foundation itself.
@Suite("extract: plain helpers against Foundation")
struct PlainTests {
    static let paths = [
        "facts.jsonl", "out/facts.CSV", "/tmp/a.b/c", "/tmp/a.b/c.html", "dir/", "dir//", "/", "", ".hidden", "a/.hidden",
        "a.", "a..b", "./x.db", "../up/y.sqlite3", "名单/事实.json", "/facts.jsonl", "a/b/c/d.e.f",
    ]

    @Test func pathNamesMatchNSString() {
        for p in Self.paths {
            let ns = p as NSString
            #expect(PathName.last(p) == ns.lastPathComponent, "last of \(p)")
            #expect(PathName.folder(p) == ns.deletingLastPathComponent, "folder of \(p)")
            #expect(PathName.ext(p) == ns.pathExtension, "extension of \(p)")
        }
    }

    @Test func fixedMatchesStringFormat() {
        var values: [Double] = [0, 1, -1, 0.05, 0.15, 2.345, 2.5, 99.95, 123456.789, 1e-7, -0.04, 1e12 + 0.5]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<2000 { values.append(Double.random(in: -1e6...1e6, using: &g)) }
        for x in values {
            for d in 0...2 {
                // printf rounds the binary value half to even; the two agree except on exact ties.
                let scaled = abs(x) * pow(10, Double(d))
                if scaled - scaled.rounded(.down) == 0.5 { continue }
                #expect(fixed(x, d) == String(format: "%.\(d)f", x), "\(x) to \(d)")
            }
        }
    }

    @Test func replacingMatchesFoundation() {
        let texts = ["", "\"", "a\"b\"\"c", "无引号", "x\r\ny\nz\r\tq", "\r\n\r\n", "末尾\""]
        for t in texts {
            for (a, b) in [("\"", "\"\""), ("\r\n", "⏎"), ("\n", "⏎"), ("\r", "⏎"), ("\t", " ")] {
                #expect(t.replacing(every: a, with: b) == t.replacingOccurrences(of: a, with: b), "\(t.debugDescription) \(a.debugDescription)")
            }
        }
    }

    /// Foundation compares characters, so it leaves a quote that a combining mark follows; a CSV
    /// reader sees code points, so `replacing(every:)` doubles that quote too.
    @Test func replacingComparesCodePoints() {
        #expect("\"\u{301}".replacing(every: "\"", with: "\"\"") == "\"\"\u{301}")
        #expect("a\u{301}\"".replacing(every: "\u{301}", with: "") == "a\"")
    }

    @Test func trimmingMatchesFoundation() {
        for t in ["", " ", "count", " count ", "\tmoney,\u{3000}", "\u{3000}date\u{00A0}", " a b ", "\nx\n"] {
            #expect(t.trimmedOfSpaces == t.trimmingCharacters(in: .whitespaces), "\(t.debugDescription)")
        }
    }
}
