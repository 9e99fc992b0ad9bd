import ChineseTokenization
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func fixture(_ path: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
}

/// Checks that pieces tile the text and that their offsets select exactly their text.
func checkTiling(_ text: String, _ pieces: [(String, TextSpan)]) {
    let scalars = Array(text.unicodeScalars)
    var joined = ""
    var expectedStart = 0
    var expectedUTF8 = 0
    for (t, span) in pieces {
        joined += t
        #expect(span.start == expectedStart)
        #expect(span.utf8Start == expectedUTF8)
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == t)
        #expect(String(text[utf8: span]) == t)
        expectedStart = span.end
        expectedUTF8 = span.utf8End
    }
    #expect(joined == text)
}

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test func seedSentences() throws {
        let text = try fixture("seeds/000_071e48968401a800.txt")
        let sentences = try tokenizer.sentences(in: text)
        checkTiling(text, sentences.map { ($0.text, $0.span) })
        // 。 ends a sentence; a sentence never ends inside 《…》 or “…”.
        let s = sentences.first { $0.text.contains("新成立非公企业党组织11个") }
        #expect(s?.text.hasPrefix("安庆高新区新成立") == true || s?.text.contains("。") == true)
        for sentence in sentences {
            var depth = 0
            for c in sentence.text.unicodeScalars {
                if c == "《" || c == "“" { depth += 1 }
                if c == "》" || c == "”" { depth = max(0, depth - 1) }
            }
            let trimmed = sentence.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if depth > 0 { #expect(sentence.text.hasSuffix("\n") || trimmed.isEmpty || sentence.span.end == text.unicodeScalars.count, "\(sentence.text)") }
        }
    }

    @Test func sentenceRules() throws {
        let s = try tokenizer.sentences(in: "会议指出：“要实干。要担当。”随后散会。一是；二是\n三是《甲。乙》。")
        #expect(s.map(\.text) == ["会议指出：“要实干。要担当。”", "随后散会。", "一是；", "二是\n", "三是《甲。乙》。"])
    }

    @Test func unclosedBracketEndsAtTheLine() throws {
        let s = try tokenizer.sentences(in: "《高新区“两个\n下一段。")
        #expect(s.map(\.text) == ["《高新区“两个\n", "下一段。"])
    }

    @Test(arguments: [
        "Fixtures/documents/hailar-2017.txt", "Fixtures/documents/provincial-2026-hebei.txt",
        "Fixtures/documents/communique-2024.txt", "Fixtures/documents/central-2024.txt",
        "Fixtures/documents/central-gr2015.txt",
    ])
    func offsetRoundTrip(_ path: String) throws {
        let text = try fixture(path)
        let sentences = try tokenizer.sentences(in: text)
        checkTiling(text, sentences.map { ($0.text, $0.span) })
        var tokens: [Token] = []
        for s in sentences { tokens += try tokenizer.words(in: text, span: s.span) }
        checkTiling(text, tokens.map { ($0.text, $0.span) })
        #expect(tokens.contains { $0.kind == .number })
        #expect(tokens.contains { $0.kind == .ideograph })
        #expect(tokens.contains { $0.kind == .punctuation })
    }

    @Test func kinds() throws {
        let t = try tokenizer.words(in: "2024年，安庆GDP增长３２％ 😀")
        let pairs = t.map { ($0.text, $0.kind) }
        #expect(pairs.first! == ("2024", .number))
        #expect(pairs.contains { $0 == ("，", .punctuation) })
        #expect(pairs.contains { $0 == ("GDP", .letter) })
        #expect(pairs.contains { $0 == ("３２％", .number) })
        #expect(pairs.contains { $0 == (" ", .whitespace) })
        #expect(pairs.contains { $0 == ("😀", .punctuation) })
        #expect(t.contains { $0.kind == .ideograph && $0.text == "安庆" })
    }

    @Test func fullWidthNumbersStayAsWritten() throws {
        let text = "增长１２．５％，共１，２００人"
        let t = try tokenizer.words(in: text)
        #expect(t.contains { $0.text == "１２．５％" && $0.kind == .number })
        #expect(t.contains { $0.text == "１，２００" && $0.kind == .number })
        checkTiling(text, t.map { ($0.text, $0.span) })
    }

    @Test func emptyAndPunctuationOnly() throws {
        #expect(try tokenizer.words(in: "").isEmpty)
        #expect(try tokenizer.sentences(in: "").isEmpty)
        let p = "。，、；！？……——"
        let t = try tokenizer.words(in: p)
        #expect(t.allSatisfy { $0.kind == .punctuation })
        checkTiling(p, t.map { ($0.text, $0.span) })
        checkTiling(p, try tokenizer.sentences(in: p).map { ($0.text, $0.span) })
    }

    @Test func beyondTheBMP() throws {
        let text = "😀𠀀安庆😀。"
        let t = try tokenizer.words(in: text)
        checkTiling(text, t.map { ($0.text, $0.span) })
        #expect(t.last?.span.end == 6)
        #expect(t.last?.span.utf8End == text.utf8.count)
    }

    @Test func nulBytesAndInvalidUTF8() throws {
        let bytes: [UInt8] = Array("一\u{0}二".utf8) + [0xFF, 0xFE] + Array("三。".utf8)
        let decoded = DecodedText(bytes: bytes)
        #expect(decoded.replacedBytes == 2)
        #expect(decoded.text == "一\u{0}二\u{FFFD}\u{FFFD}三。")
        let t = try tokenizer.words(in: decoded.text)
        checkTiling(decoded.text, t.map { ($0.text, $0.span) })
        #expect(DecodedText(bytes: Array("安庆".utf8)).replacedBytes == 0)
    }

    /// The validator (16-byte blocks on x86-64, a byte loop elsewhere) agrees with the standard
    /// library on random mixes of valid and broken sequences, long runs of Chinese that fill
    /// whole blocks, and a character cut short at every position of the buffer's end.
    @Test func validatorAgreesWithTheStandardLibrary() {
        let pieces: [[UInt8]] = [
            [0x41], [0x0A], [0xE4, 0xB8, 0x80], [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0x80], [0xED, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xC2, 0x80], [0xC0, 0x80], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE4, 0xB8], [0xFF],
        ]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var disagreements = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(60) { bytes += next(10) < 8 ? pieces[2] : pieces[next(pieces.count)] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if bytes.withUnsafeBufferPointer({ DecodedText.isValidUTF8($0) }) != expected { disagreements += 1 }
        }
        #expect(disagreements == 0)
        let run = Array(String(repeating: "党组织覆盖率达到百分之百", count: 20).utf8)
        #expect(run.withUnsafeBufferPointer { DecodedText.isValidUTF8($0) })
        for cut in 1..<run.count {
            let prefix = Array(run[..<cut])
            let expected = String(validating: prefix, as: UTF8.self) != nil
            #expect(prefix.withUnsafeBufferPointer { DecodedText.isValidUTF8($0) } == expected, "cut at \(cut)")
            var broken = run
            broken[cut] = 0x41
            let brokenExpected = String(validating: broken, as: UTF8.self) != nil
            #expect(broken.withUnsafeBufferPointer { DecodedText.isValidUTF8($0) } == brokenExpected, "A at \(cut)")
        }
    }

    @Test func tenMegabyteSingleLine() throws {
        let unit = "安庆高新区新成立非公企业党组织11个，"
        let text = String(repeating: unit, count: 10_000_000 / unit.utf8.count + 1)
        let sentences = try tokenizer.sentences(in: text)
        #expect(sentences.count == 1)
        #expect(sentences[0].span.end == text.unicodeScalars.count)
        let words = try tokenizer.words(in: text)
        #expect(words.last?.span.utf8End == text.utf8.count)
        #expect(words.count > 1_000_000)
    }

    @Test func concurrentUse() async throws {
        let text = try fixture("seeds/000_071e48968401a800.txt")
        let expected = try tokenizer.words(in: text).count
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try Tokenizer().words(in: text).count } }
            var r: [Int] = []
            for try await c in group { r.append(c) }
            return r
        }
        #expect(counts == Array(repeating: expected, count: 8))
    }
}
