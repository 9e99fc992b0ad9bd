import Foundation
import Testing

/// Hostile inputs through the command: each ends within its timeout with facts or a clear message.
@Suite("extract: hostile input", .serialized)
struct HostileCommandTests {
    /// 100 MB with the release build (`make test` sets EXTRACT_BIN); 10 MB with a debug build,
    /// which runs about ten times slower.
    var bigLineBytes: Int { ProcessInfo.processInfo.environment["EXTRACT_BIN"] != nil ? 100_000_000 : 10_000_000 }

    @Test func oneHugeLine() throws {
        let seed = try String(contentsOf: packageRoot.appendingPathComponent(seedPath), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: " ")
        var line = Data()
        let chunk = Data(seed.utf8)
        while line.count < bigLineBytes { line.append(chunk) }
        let r = try run(["--format", "jsonl", "--quiet", "-"], stdin: line, timeout: 240)
        #expect(!r.timedOut)
        #expect(r.status == 0)
        #expect(r.lines.count > 1000)
    }

    @Test func utf16WithAndWithoutByteOrderMark() throws {
        let text = "2024年，安庆高新区新成立非公企业党组织11个、工会4个。"
        for (bom, data) in [
            (true, Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!),
            (true, Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!),
            (false, text.data(using: .utf16LittleEndian)!),
        ] {
            let r = try run(["--format", "jsonl", "-"], stdin: data, timeout: 60)
            #expect(r.status == 0)
            #expect(r.stderr.contains(bom ? "byte-order mark, decoded" : "without a byte-order mark"), "\(r.stderr)")
            #expect(try r.lines.map(json).contains { $0["text"] as? String == "11个" })
        }
    }

    @Test func emptyFileAndEmptyInput() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let r = try run(["--format", "jsonl", empty.path], timeout: 60)
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("1 document, 0 facts"))
        let s = try run(["--format", "json", "-"], stdin: Data(), timeout: 60)
        #expect(s.status == 0)
        #expect((try JSONSerialization.jsonObject(with: s.stdout) as? [Any])?.isEmpty == true)
    }

    @Test func crlfAndCRLineEnds() throws {
        let lf = try run(["--format", "jsonl", "-"], stdin: Data("新成立党组织11个。\n工会4个。\n".utf8))
        let crlf = try run(["--format", "jsonl", "-"], stdin: Data("新成立党组织11个。\r\n工会4个。\r\n".utf8))
        let cr = try run(["--format", "jsonl", "-"], stdin: Data("新成立党组织11个。\r工会4个。\r".utf8))
        let texts = { (r: Run) in try r.lines.map(json).map { $0["text"] as? String ?? "" } }
        #expect(try texts(lf) == ["11个", "4个"])
        #expect(try texts(crlf) == texts(lf))
        #expect(try texts(cr) == texts(lf))
    }

    @Test func nestedTitleMarksAndRandomBytesInEveryFormat() throws {
        var data = Data(String(repeating: "《", count: 50_000).utf8)
        data.append(Data("共3个".utf8))
        var rng = SystemRandomNumberGenerator()
        data.append(Data((0..<200_000).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        for format in ["jsonl", "csv", "table", "html"] {
            let r = try run(["--format", format, "--quiet", "-"], stdin: data, timeout: 120)
            #expect(!r.timedOut)
            #expect(r.status == 0, "\(format): \(r.stderr)")
        }
    }
}
