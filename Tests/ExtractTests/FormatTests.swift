import CSQLite
import Foundation
import Testing

let seedPath = "seeds/000_071e48968401a800.txt"

/// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF records).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" {
                    field.unicodeScalars.append("\"")
                    chars.removeFirst()
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\r" && chars.first == "\n" {
            chars.removeFirst()
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}

/// The text inside each `<mark data-f="N">` of an HTML page, pieces of one fact joined.
func markedTexts(_ html: String) -> [Int: String] {
    var texts: [Int: String] = [:]
    var stack: [Int] = []
    var i = html.startIndex
    while i < html.endIndex {
        if html[i] == "<" {
            let close = html[i...].firstIndex(of: ">")!
            let tag = String(html[i...close])
            if tag.hasPrefix("<mark") {
                let r = tag.range(of: "data-f=\"")!
                let id = Int(tag[r.upperBound...].prefix { $0.isNumber })!
                stack.append(id)
            } else if tag == "</mark>" {
                stack.removeLast()
            }
            i = html.index(after: close)
            continue
        }
        var piece = ""
        var j = i
        while j < html.endIndex, html[j] != "<" {
            piece.append(html[j])
            j = html.index(after: j)
        }
        piece = piece.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        for id in stack { texts[id, default: ""] += piece }
        i = j
    }
    return texts
}

/// A new empty folder under the temporary directory; callers remove it when done.
func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("extract-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Suite("extract formats and inputs", .serialized)
struct FormatTests {
    func seedFacts() throws -> [[String: Any]] {
        try run(["--format", "jsonl", seedPath]).lines.map(json)
    }

    @Test func csvParsesBackToTheJSONLinesFacts() throws {
        let facts = try seedFacts()
        let r = try run(["--format", "csv", seedPath])
        #expect(r.status == 0)
        let rows = parseCSV(String(decoding: r.stdout, as: UTF8.self))
        let header = try #require(rows.first)
        #expect(header == ["doc", "kind", "text", "start", "end", "value", "unit", "qualifier", "upper", "subject", "attribute", "change", "date", "extra"])
        #expect(rows.count == facts.count + 1)
        for (row, f) in zip(rows.dropFirst(), facts) {
            let cell = Dictionary(uniqueKeysWithValues: zip(header, row))
            #expect(cell["kind"] == f["kind"] as? String)
            #expect(cell["text"] == f["text"] as? String)
            #expect(cell["start"] == "\(f["start"]!)")
            #expect(cell["end"] == "\(f["end"]!)")
            #expect(cell["value"] == "\(f["value"]!)")
            #expect(cell["unit"] == (f["unit"] as? String ?? ""))
            #expect(cell["subject"] == (f["subject"] as? String ?? ""))
            #expect(cell["date"] == (f["date"] as? String ?? ""))
            if let plenum = f["plenum"] as? Int { #expect(cell["extra"]!.contains("\"plenum\":\(plenum)")) }
        }
        // Quoting: a field with a comma and a quote survives the round trip.
        let q = try run(["--format", "csv", "-"], stdin: Data("“甲,乙\"丙”项目共3个".utf8))
        let qrows = parseCSV(String(decoding: q.stdout, as: UTF8.self))
        #expect(qrows.dropFirst().contains { $0[2] == "“甲,乙\"丙”" })
        // A quote that a combining mark follows is still a quote to a CSV reader, and a tab still a
        // tab to a TSV reader: the document id carries both.
        let id = "a\"\u{301}b\t\u{301}c"
        let line = #"{"id":"a\"\u0301b\t\u0301c","text":"项目共3个"}"# + "\n"
        let c = try run(["--format", "csv", "--input", "jsonl", "-"], stdin: Data(line.utf8))
        #expect(parseCSV(String(decoding: c.stdout, as: UTF8.self)).dropFirst().first?.first == id)
        let t = try run(["--format", "tsv", "--input", "jsonl", "-"], stdin: Data(line.utf8))
        let fields = t.lines.dropFirst().first?.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields?.count == 14)
        let spaced = "a\"\u{301}b \u{301}c"
        #expect(fields?.first.map(String.init) == spaced)
    }

    @Test func tsvJSONAndTable() throws {
        let facts = try seedFacts()
        let tsv = try run(["--format", "tsv", seedPath])
        let lines = tsv.lines
        #expect(lines.count == facts.count + 1)
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 14 })
        let array = try run(["--format", "json", seedPath, seedPath])
        let parsed = try #require(JSONSerialization.jsonObject(with: array.stdout) as? [[String: Any]])
        #expect(parsed.count == 2 * facts.count)
        let empty = try run(["--format", "json", "-"], stdin: Data("没有数字".utf8))
        #expect((try JSONSerialization.jsonObject(with: empty.stdout) as? [Any])?.isEmpty == true)
        let table = try run(["--format", "table", seedPath])
        #expect(table.lines.count == facts.count + 3)
        #expect(table.lines[1].hasPrefix("kind"))
        // CJK width: the text column starts at the same display column on every row.
        #expect(table.lines.contains { $0.hasPrefix("money     4000余万元") })
    }

    @Test func htmlHighlightsEveryFact() throws {
        let facts = try seedFacts()
        let r = try run(["--format", "html", seedPath])
        let html = String(decoding: r.stdout, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        for kind in ["count", "money", "place", "title"] { #expect(html.contains("class=\"k-\(kind)\"")) }
        let marked = markedTexts(html)
        #expect(marked.count == facts.count)
        for (k, f) in facts.enumerated() { #expect(marked[k] == f["text"] as? String, "fact \(k)") }
    }

    @Test func sqliteAnswersAQuery() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("facts.db").path
        let r = try run(["--format", "sqlite", "-o", db, seedPath])
        #expect(r.status == 0, "\(r.stderr)")
        var handle: OpaquePointer?
        #expect(sqlite3_open_v2(db, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        defer { sqlite3_close(handle) }
        func scalar(_ sql: String) -> String? {
            var stmt: OpaquePointer?
            guard sqlite3_prepare_v2(handle, sql, -1, &stmt, nil) == SQLITE_OK else { return nil }
            defer { sqlite3_finalize(stmt) }
            guard sqlite3_step(stmt) == SQLITE_ROW, let c = sqlite3_column_text(stmt, 0) else { return nil }
            return String(cString: c)
        }
        #expect(scalar("SELECT count(*) FROM facts") == "\(try seedFacts().count)")
        #expect(scalar("SELECT value FROM facts WHERE text = '4000余万元'") == "40000000")
        #expect(scalar("SELECT subject FROM facts WHERE kind = 'count' AND text = '11个'") == "非公企业党组织")
        #expect(scalar("SELECT count(*) FROM documents") == "1")
        #expect(scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index'") == "4")
        let usage = try run(["--format", "sqlite", seedPath])
        #expect(usage.status == 2)
    }

    @Test func foldersRecurseAndSymlinkLoopsEnd() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        try Data("共3个".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data("共4个".utf8).write(to: dir.appendingPathComponent("sub/b.md"))
        try Data("{\"id\":\"j1\",\"text\":\"共5个\"}\n".utf8).write(to: dir.appendingPathComponent("sub/deeper/c.jsonl"))
        try Data("共6个".utf8).write(to: dir.appendingPathComponent("ignored.csv"))
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("sub/deeper/loop").path, withDestinationPath: dir.path)
        let r = try run(["--format", "jsonl", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let values = try r.lines.map(json).map { $0["value"] as? Int }
        #expect(values == [3, 4, 5])
        let docs = try r.lines.map(json).map { $0["doc"] as? String ?? "" }
        #expect(docs[2] == "j1")
        let only = try run(["--format", "jsonl", "--glob", "*.csv", dir.path])
        #expect(try only.lines.map(json).map { $0["value"] as? Int } == [6])
        let empty = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try run(["--format", "jsonl", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no file matching"))
    }

    @Test func jsonLinesInAndOutKeepIds() throws {
        let input = """
            {"url": "https://example.org/1", "body": "提供授信4000余万元", "n": [1, {"x": null}]}
            not json
            {"url": 42, "body": "新成立非公企业党组织11个、工会4个"}
            {"url": "no-text"}

            """
        let r = try run(["--input", "jsonl", "--id-field", "url", "--text-field", "body", "--format", "jsonl"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        let o = try r.lines.map(json)
        #expect(o.map { $0["doc"] as? String } == ["https://example.org/1", "42", "42"])
        #expect(r.stderr.contains("stdin:2: invalid JSON"))
        #expect(r.stderr.contains("stdin:4: no string field \"body\""))
        #expect(r.stderr.contains("2 warnings"))
    }

    @Test func parallelOutputIsIdentical() throws {
        let one = try run(["--format", "jsonl", "-j", "1", "Fixtures/documents", seedPath])
        let four = try run(["--format", "jsonl", "-j", "4", "Fixtures/documents", seedPath])
        #expect(one.status == 0 && four.status == 0)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == four.stdout)
    }

    /// Memory does not grow with the number of workers: on 24 MB of JSON Lines, `-j 16` peaks
    /// less than 32 MB above `-j 1`. With batches of 2 MB a worker (32 MB at `-j 16`) it peaked
    /// at 102 MB against 28 MB (`/usr/bin/time`); now 40 MB. The peaks seen here include what the
    /// spawned process shared with this one before it ran `extract` (the kernel counts it), the
    /// same for both runs.
    @Test func peakMemoryDoesNotGrowWithWorkers() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.jsonl").path
        do {
            let docs = packageRoot.appendingPathComponent("Fixtures/documents")
            let texts = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".txt") }.sorted()
                .map { try String(contentsOf: docs.appendingPathComponent($0), encoding: .utf8) }
            var lines = Data()
            var k = 0
            while lines.count < 24_000_000 {
                let object: [String: String] = ["id": "d\(k)", "text": texts[k % texts.count]]
                lines += try JSONSerialization.data(withJSONObject: object) + Data("\n".utf8)
                k += 1
            }
            try lines.write(to: URL(fileURLWithPath: input))
        }
        let output = dir.appendingPathComponent("out.jsonl").path
        let one = try peakKilobytes(["--quiet", "-j", "1", "-o", output, input])
        let sixteen = try peakKilobytes(["--quiet", "-j", "16", "-o", output, input])
        #expect(one.status == 0 && sixteen.status == 0)
        #expect(one.kilobytes > 0)
        #expect(sixteen.kilobytes < one.kilobytes + 32_000, "-j 16: \(sixteen.kilobytes) KB, -j 1: \(one.kilobytes) KB")
    }

    @Test func outputFileIsAtomic() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.jsonl").path
        let failed = try run(["-o", target, "no/such/input.txt"])
        #expect(failed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let ok = try run(["-o", target, seedPath])
        #expect(ok.status == 0)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.split(separator: "\n").count == (try seedFacts()).count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.jsonl"])
    }

    @Test func errorsAreOneLineAndTheRunGoesOn() throws {
        var bad = Data("共3个".utf8)
        bad.append(contentsOf: [0xFF, 0xFE, 0x80])
        let invalid = try run(["--format", "jsonl", "-"], stdin: bad)
        #expect(invalid.status == 0)
        #expect(invalid.stderr.contains("3 bytes of invalid UTF-8"))
        #expect(invalid.lines.count == 1)
        let strict = try run(["--format", "jsonl", "--strict", "-"], stdin: bad)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("--strict"))
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("共3个".data(using: .utf16LittleEndian)!)
        let u16 = try run(["--format", "jsonl", "-"], stdin: utf16)
        #expect(u16.status == 0)
        #expect(u16.stderr.contains("UTF-16LE"))
        #expect(try u16.lines.map(json).first?["text"] as? String == "3个")
        let missing = try run(["--format", "jsonl", "no/such.txt", seedPath])
        #expect(missing.status == 1)
        #expect(missing.stderr.split(separator: "\n").contains { $0.hasPrefix("extract: error: no/such.txt") })
        #expect(!missing.lines.isEmpty)
        for args in [["--kinds", "bogus"], ["-j", "0"], ["--format", "yaml"]] {
            #expect(try run(args + [seedPath]).status == 2, "\(args)")
        }
        let quiet = try run(["--format", "jsonl", "--quiet", seedPath])
        #expect(quiet.stderr.isEmpty)
        let summary = try run(["--format", "jsonl", seedPath])
        #expect(summary.stderr.contains("1 document,") && summary.stderr.contains("MB/s"))
    }

    @Test func kindsAndExplain() throws {
        let r = try run(["--format", "jsonl", "--kinds", "money,date", "--explain", seedPath])
        let o = try r.lines.map(json)
        #expect(Set(o.compactMap { $0["kind"] as? String }) == ["money", "date"])
        #expect(o.allSatisfy { $0["rule"] is String })
    }

    @Test func helpShowsExamples() throws {
        let r = try run(["--help"])
        #expect(String(decoding: r.stdout, as: UTF8.self).contains("Examples:"))
    }
}
