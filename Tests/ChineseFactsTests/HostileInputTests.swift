import ChineseFacts
import Foundation
import Testing

/// Inputs meant to break an extractor: each must give facts or nothing, quickly, and never trap.
@Suite("Hostile input", .serialized, .timeLimit(.minutes(3)))
struct HostileInputTests {
    func checkInvariants(_ text: String, _ facts: [Fact]) {
        let scalars = Array(text.unicodeScalars)
        var last = (-1, -1)
        for f in facts {
            #expect(f.start >= 0 && f.start <= f.end && f.end <= scalars.count)
            if f.start >= 0 && f.end <= scalars.count && f.start <= f.end {
                #expect(String(String.UnicodeScalarView(scalars[f.start..<f.end])) == f.text)
            }
            #expect((f.start, f.end) >= last)
            last = (f.start, f.end)
        }
    }

    @Test(arguments: ["一", "亿", "万", "十", "零", "第", "百", "几", "两", "〇", "%", "1", "，", "《", "“"])
    func oneCharacterRepeated(_ c: String) {
        let text = String(repeating: c, count: 350_000)  // about 1 MB
        let facts = FactExtractor().facts(in: text)
        checkInvariants(text, facts)
    }

    @Test func aMillionDigitsBeforeWanYuan() {
        let text = "共" + String(repeating: "9", count: 1_000_000) + "万元，另有3个"
        let facts = FactExtractor().facts(in: text)
        // The overflowing number is not read; the count after it is.
        #expect(facts.contains { $0.text == "3个" })
        #expect(!facts.contains { $0.kind == .money })
        checkInvariants(text, facts)
    }

    @Test func fiftyThousandNestedTitleMarks() {
        let text = String(repeating: "《", count: 50_000) + "条例" + String(repeating: "》", count: 50_000) + "共5个"
        let facts = FactExtractor().facts(in: text)
        #expect(facts.contains { $0.text == "5个" })
        checkInvariants(text, facts)
    }

    @Test func unbalancedQuotesAndBrackets() {
        let text = String(repeating: "“书记项目》「《〈决定”」）（", count: 20_000) + "新成立党组织11个"
        let facts = FactExtractor().facts(in: text)
        #expect(facts.contains { $0.text == "11个" })
        checkInvariants(text, facts)
    }

    @Test func randomBytesAndNUL() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<4 {
            var bytes = (0..<250_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if round == 1 { for k in stride(from: 0, to: bytes.count, by: 7) { bytes[k] = 0 } }
            if round >= 2 {
                // Random UTF-8 from the characters the extractors look at.
                let alphabet = Array("一二三四五六七八九十百千万亿零两第余多约超近个元%年月日《》“”、，。2024.5\n\0".unicodeScalars)
                let s = String(String.UnicodeScalarView((0..<80_000).map { _ in alphabet.randomElement(using: &rng)! }))
                bytes = Array(s.utf8)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let facts = FactExtractor().facts(in: text)
            checkInvariants(text, facts)
            // Raw bytes are repaired first, so the byte path finds what the String path finds.
            let viaBytes = bytes.withUnsafeBufferPointer { FactExtractor().facts(utf8: $0) }
            #expect(viaBytes == facts)
            // The unchecked path never traps, whatever the bytes.
            _ = bytes.withUnsafeBufferPointer { FactExtractor().facts(wellFormedUTF8: $0) }
        }
    }

    /// A Roman grade at the very start of the text (nothing before it to read), and one split
    /// from the number before it by broken UTF-8 (FuzzFacts found both: the first read three
    /// bytes before the text, the second sliced a byte range backwards).
    @Test func romanGradesAtTheStartAndAfterBrokenUTF8() {
        for text in ["Ⅴ类", "Ⅴ类，水质占比8%", "Ⅳ~Ⅴ类，利润增长8%", "Ⅰ级"] {
            let facts = FactExtractor().facts(in: text)
            checkInvariants(text, facts)
            #expect(facts.first?.kind == .ordinal && facts.first?.start == 0 && facts.first?.unit != nil, "\(text)")
        }
        let broken: [UInt8] = Array("水质Ⅰ~".utf8) + [0xE2, 0x85] + Array(".4%，Ⅳ8%，Ⅴ类，占比7.8%".utf8)
        let text = String(decoding: broken, as: UTF8.self)
        let facts = broken.withUnsafeBufferPointer { FactExtractor().facts(utf8: $0) }
        #expect(facts == FactExtractor().facts(in: text))
        checkInvariants(text, facts)
        #expect(facts.contains { $0.kind == .ordinal && $0.text == "Ⅴ类" })
        _ = broken.withUnsafeBufferPointer { FactExtractor().facts(wellFormedUTF8: $0) }
        // Stray continuation bytes count as scalars for the scanner but not for the Roman grades,
        // so unchecked, 8% sorts after Ⅴ类 by scalar though it comes first by byte.
        let stray: [UInt8] = Array(repeating: 0x80, count: 6) + Array("8%，Ⅴ类水质".utf8)
        _ = stray.withUnsafeBufferPointer { FactExtractor().facts(wellFormedUTF8: $0) }
        #expect(stray.withUnsafeBufferPointer { FactExtractor().facts(utf8: $0) }
            == FactExtractor().facts(in: String(decoding: stray, as: UTF8.self)))
        // Offsets outside the bytes decode as nothing.
        #expect(broken.withUnsafeBufferPointer { UTF8Reader($0).decode(at: -3).length } == 0)
        #expect(broken.withUnsafeBufferPointer { UTF8Reader($0).decode(before: broken.count + 2).length } == 0)
    }

    @Test func lineEndings() {
        let lf = "2024年，安庆高新区新成立党组织11个。\n培养人才146名。\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let cr = lf.replacingOccurrences(of: "\n", with: "\r")
        let values = { (t: String) in FactExtractor().facts(in: t).map { "\($0.kind):\($0.text)" } }
        #expect(values(crlf) == values(lf))
        #expect(values(cr) == values(lf))
        checkInvariants(crlf, FactExtractor().facts(in: crlf))
    }

    @Test func emptyAndTiny() {
        for t in ["", " ", "\n", "一", "第", "《", "“", "\u{FEFF}", "\0"] {
            let facts = FactExtractor().facts(in: t)
            checkInvariants(t, facts)
        }
    }
}
