import Foundation
import Testing

@testable import ChineseNumerals

@Suite("NumeralScanner")
struct ScannerTests {
    @Test func wordSetIsWordMatchesWholeRangesOnly() {
        let set = WordSet(["国有", "国有企业", "企业"])
        var text = "国有企业和国有"
        text.withUTF8 { bytes in
            let reader = UTF8Reader(bytes)
            #expect(set.isWord(in: reader, from: 0, to: 6))  // 国有
            #expect(set.isWord(in: reader, from: 0, to: 12))  // 国有企业
            #expect(set.isWord(in: reader, from: 6, to: 12))  // 企业
            #expect(!set.isWord(in: reader, from: 0, to: 9))  // 国有企
            #expect(!set.isWord(in: reader, from: 0, to: 15))  // 国有企业和
            #expect(set.isWord(in: reader, from: 15, to: 21))  // 国有, at the end
            #expect(!set.isWord(in: reader, from: 15, to: 24))  // past the end
            #expect(!set.isWord(in: reader, from: 3, to: 3))
            #expect(!set.isWord(in: reader, from: -3, to: 3))
        }
    }

    @Test func findsNumbersWithOffsets() {
        let text = "新成立非公企业党组织11个、工会4个"
        let m = NumeralScanner().matches(in: text)
        #expect(m.map(\.quantity.value) == [ExactDecimal(11), ExactDecimal(4)])
        #expect(m.map(\.span.start) == [10, 16])
        #expect(m.map(\.span.end) == [12, 17])
        #expect(m.map(\.span.utf8Start) == [30, 44])
        let scalars = Array(text.unicodeScalars)
        for x in m {
            #expect(String(String.UnicodeScalarView(scalars[x.span.start..<x.span.end])) == String(text[utf8: x.span]))
        }
    }

    @Test func hedgesAroundTheNumeral() {
        let m = NumeralScanner().matches(in: "提供授信4000余万元，科技贷款余额超30亿元")
        #expect(m.count == 2)
        #expect(m[0].quantity.value == ExactDecimal(40_000_000))
        #expect(m[0].quantity.qualifier == .over)
        #expect(m[1].quantity.qualifier == .over)
        #expect(m[1].span.start == m[1].numeralSpan.start - 1)  // 超 is in the span
    }

    /// Every hedge word of the lexicon, before and after a number that the fast path reads
    /// (digits, a Chinese digit, 十 with digits): its qualifier, and the span that takes it in.
    @Test func everyHedgeWordAroundFastPathNumbers() {
        for number in ["5", "三", "二十三"] {
            for (word, qualifier) in NumeralLexicon.prefixHedges {
                let text = "全年" + word + number + "个项目"
                let m = NumeralScanner().matches(in: text)
                #expect(m.count == 1 && m[0].quantity.qualifier == qualifier, "\(text)")
                #expect(m.first.map { $0.numeralSpan.start - $0.span.start } == word.unicodeScalars.count, "\(text)")
            }
            for (word, qualifier) in NumeralLexicon.suffixHedges {
                let text = "全年" + number + word + "，比上年"
                let m = NumeralScanner().matches(in: text)
                #expect(m.count == 1 && m[0].quantity.qualifier == qualifier, "\(text)")
                #expect(m.first.map { $0.span.end - $0.numeralSpan.end } == word.unicodeScalars.count, "\(text)")
            }
        }
    }

    /// 十 with plain digits around it, as meetings and plans are numbered: the values, and 第 making ordinals.
    /// A word that ends in a hedge's character is no hedge: 签约3543亿元 is exact, 最近5年 is five years.
    @Test func hedgeLookalikesAreNoHedges() {
        let scanner = NumeralScanner()
        for w in NumeralLexicon.hedgeLookalikes {
            let m = scanner.matches(in: "项目\(w)3543亿元").first
            #expect(m?.quantity.qualifier == .exact && m?.span == m?.numeralSpan, "\(w)")
        }
        // The hedges themselves still count: 约3543亿元, 将近5年.
        #expect(scanner.matches(in: "项目约3543亿元").first?.quantity.qualifier == .about)
        #expect(scanner.matches(in: "将近5年").first?.quantity.qualifier == .under)
    }

    @Test func tensWithPlainDigits() {
        let m = NumeralScanner().matches(in: "十项任务，十四届全国人大，党的二十大，二十三个县，第十四届，第二十二次")
        #expect(m.map(\.quantity.value) == [10, 14, 20, 23, 14, 22].map { ExactDecimal($0) })
        #expect(m.map(\.quantity.kind) == [.number, .number, .number, .number, .ordinal, .ordinal])
        #expect(m.map { $0.span.end - $0.span.start } == [1, 2, 2, 3, 3, 4])
        #expect(m.allSatisfy { $0.quantity.qualifier == .exact && !$0.isArabic && $0.trailingScale == 0 })
    }

    @Test func offsetsCountScalarsBeyondTheBMP() {
        let text = "😀😀共有12个"
        let m = NumeralScanner().matches(in: text)
        #expect(m.first?.span.start == 4)
        #expect(m.first?.span.utf8Start == 14)
    }

    /// Words that contain numeral characters but are not numbers (the negative corpus).
    @Test(arguments: [
        "一些", "一旦", "统一", "一流", "举一反三", "万一", "百姓", "零容忍", "四海", "十分重要", "一致", "进一步",
        "千方百计", "第一时间", "第一手资料", "一批知名高校", "三会一课", "四下基层", "一是", "一体推进", "一带一路",
        "十四五", "两委成员", "唯一", "之一", "第一产业", "关键一年", "一次能源", "二氧化碳", "百货店", "二手房",
    ])
    func notNumbers(_ text: String) {
        #expect(NumeralScanner().matches(in: text).isEmpty, "\(text)")
    }

    @Test func exceptionsToNotNumbers() {
        #expect(NumeralScanner().matches(in: "休息十分钟").map(\.quantity.value) == [ExactDecimal(10)])
        #expect(NumeralScanner().matches(in: "十分之一").first?.quantity.kind == .fraction)
    }

    @Test func aMillionDigitNumberDoesNotTrap() {
        let text = String(repeating: "9", count: 1_000_000) + "万元，另有3个"
        let m = NumeralScanner().matches(in: text)
        #expect(m.map(\.quantity.value) == [ExactDecimal(3)])
    }

    @Test func repeatedLargeUnitsStop() {
        // 十亿亿亿亿… overflows 38 digits: the scanner stops where the value would not fit.
        let text = "十" + String(repeating: "亿", count: 20)
        let m = NumeralScanner().matches(in: text)
        #expect(m.count == 1)
        #expect(m[0].quantity.value == ExactDecimal(significand: 1, exponent: 33))
    }

    @Test func neverTrapsOnRandomNumeralText() {
        let alphabet = Array("一二三四五六七八九十百千万亿零〇两点余多几来超近约左右以上分之第百分之负%‰.,，0123456789０１２３至到—~-年个元")
        var rng = SplitMix(seed: 42)
        var s = ""
        s.reserveCapacity(1 << 20)
        while s.utf8.count < 1 << 20 { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
        let matches = NumeralScanner().matches(in: s)
        #expect(!matches.isEmpty)
        var last = -1
        for m in matches {
            #expect(m.span.start >= last)
            #expect(m.span.end > m.span.start)
            last = m.span.end
        }
        // parse on every line of it never traps either.
        for line in s.split(separator: "，").prefix(20000) { _ = ChineseNumeral.parse(String(line)) }
    }

    /// The scanner's fast paths (digit runs, lone Chinese digits) give exactly what the full grammar gives,
    /// over the fixture documents, the shared corpus where the checkout has it, and random numeral text.
    /// `ScalarSet`'s skips (two characters a step through a filter on their last two bytes)
    /// stop where a character-by-character reading stops: on members, on characters that share
    /// a member's last two bytes (帀 渀 share 一's), ASCII, two- and four-byte characters and broken UTF-8.
    @Test func skipStopsWhereACharacterByCharacterReadingStops() {
        let set = ScalarSet(["一二万第", "5"])
        let pieces: [[UInt8]] = [
            Array("一".utf8), Array("帀".utf8), Array("渀".utf8), Array("党".utf8), Array("组织".utf8), Array("万".utf8),
            Array("5".utf8), Array("a".utf8), Array("é".utf8), Array("😀".utf8), [0xE4, 0xB8], [0xFF], [0xE4, 0x38, 0x80],
        ]
        func reference(_ bytes: [UInt8], from start: Int, ascii: Bool) -> (Int, Int) {
            var i = start
            var count = 0
            while i < bytes.count {
                let b0 = bytes[i]
                if b0 < 0x80 {
                    if !ascii || set.contains(UInt32(b0)) { break }
                    i += 1
                } else if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < bytes.count && bytes[i + 1] & 0xC0 == 0x80 && bytes[i + 2] & 0xC0 == 0x80 {
                    let cp = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    if set.contains(cp) { break }
                    i += 3
                } else {
                    break
                }
                count += 1
            }
            return (i, count)
        }
        var rng = SplitMix(seed: 11)
        var stops = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 40) {
                // Mostly characters that are no members, so that runs are long enough for the two-character step.
                let k = Int(rng.next() % 24)
                bytes += k < 12 ? pieces[3 + k % 2] : pieces[Int(rng.next() % UInt64(pieces.count))]
            }
            for ascii in [false, true] {
                var from = 0
                while from < bytes.count {
                    var scalars = 0
                    let end = bytes.withUnsafeBufferPointer {
                        ascii ? set.skipAbsentWithASCII(in: $0, from: from, scalars: &scalars)
                            : set.skipAbsent(in: $0, from: from, scalars: &scalars)
                    }
                    let (expectedEnd, expectedCount) = reference(bytes, from: from, ascii: ascii)
                    #expect(end == expectedEnd && scalars == expectedCount, "\(bytes) from \(from)")
                    stops += 1
                    from = end + 1
                }
            }
        }
        #expect(stops > 10_000)
    }

    /// The skip two characters a step (`PairSkipFilter.skipPairs`, with the scanner's filter)
    /// steps over only three-byte characters that the filter passes, counts them, and gets as far
    /// as a character-by-character reading of the filter does, less at most the one character
    /// before a stop that is no three-byte character, and less the last eight bytes.
    @Test func pairSkipStepsOverOnlyWhatTheFilterPasses() {
        let stops = ScannerTables.shared.skipSet.pairStops
        #expect(stops.count == PairSkipFilter.tableSize)
        // Whether the filter stops at the character at byte i (or it is no three-byte character).
        func stopsAt(_ b: [UInt8], _ i: Int) -> Bool {
            guard i + 2 < b.count, b[i] & 0xF0 == 0xE0 else { return true }
            return stops[Int(b[i + 1]) | Int(b[i + 2]) << 8] != 0
        }
        let pieces: [[UInt8]] = [
            Array("党".utf8), Array("组织".utf8), Array("一".utf8), Array("帀".utf8), Array("统".utf8), Array("三".utf8),
            Array("万".utf8), Array("5".utf8), Array("a".utf8), Array("\n".utf8), Array("é".utf8), Array("😀".utf8),
            [0xE4, 0xB8], [0xFF], [0xE4, 0x38, 0x80], Array("５".utf8),
        ]
        var rng = SplitMix(seed: 12)
        var skipped = 0
        var exact = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 40) {
                let k = Int(rng.next() % 24)
                bytes += k < 12 ? pieces[k % 2] : pieces[Int(rng.next() % UInt64(pieces.count))]
            }
            var from = 0
            while from < bytes.count {
                var scalars = 0
                let end = bytes.withUnsafeBufferPointer { b in
                    stops.withUnsafeBufferPointer {
                        PairSkipFilter.skipPairs($0, in: b.baseAddress!, from: from, count: b.count, scalars: &scalars)
                    }
                }
                // Only characters the filter passes, one scalar each.
                var i = from
                while i < end {
                    #expect(!stopsAt(bytes, i), "\(bytes) from \(from): stepped over a stop at \(i)")
                    i += 3
                }
                #expect(i == end && scalars == (end - from) / 3, "\(bytes) from \(from)")
                // As far as the reading goes, less one character before a non-three-byte one, and the tail.
                var reference = from
                while !stopsAt(bytes, reference) { reference += 3 }
                let nonThreeByte = reference + 2 >= bytes.count || bytes[reference] & 0xF0 != 0xE0
                #expect(end == reference || (nonThreeByte && end == reference - 3) || end > bytes.count - 8, "\(bytes) from \(from)")
                if end == reference { exact += 1 }
                skipped += end - from
                from = max(end, reference) + 1
            }
        }
        #expect(skipped > 100_000 && exact > 10_000)
    }

    /// Whatever stands before a numeral (characters of one to four bytes, those that share a
    /// numeral character's last two bytes as 帀 and 应 do, ASCII, broken UTF-8), the numeral is
    /// found as it is alone, its offsets moved by what stands before it. (No filler forms a word
    /// with what follows: 统 would, 统一 being no number.)
    @Test func numeralsAfterEveryKindOfCharacter() {
        let fillers: [[UInt8]] = [
            Array("党".utf8), Array("帀".utf8), Array("应".utf8), Array("é".utf8), Array("😀".utf8), Array("a".utf8),
            Array("\n".utf8), Array("，".utf8), [0xFF], [0xE4, 0xB8],
        ]
        let numerals = ["三个", "第5次", "12.5%", "2024年", "一千二百人", "５个"]
        let scanner = NumeralScanner()
        var rng = SplitMix(seed: 13)
        var checked = 0
        for numeral in numerals {
            let alone = scanner.matches(in: numeral)
            #expect(alone.count == 1, "\(numeral)")
            for _ in 0..<300 {
                var prefix: [UInt8] = []
                for _ in 0..<Int(rng.next() % 9) { prefix += fillers[Int(rng.next() % UInt64(fillers.count))] }
                let text = prefix + Array(numeral.utf8) + Array("的".utf8)
                let found = text.withUnsafeBufferPointer { scanner.matches(in: $0) }
                let scalars = prefix.withUnsafeBufferPointer { buffer in
                    var n = 0
                    var i = 0
                    while i < buffer.count {
                        i += UTF8Reader(buffer).decode(at: i).length
                        n += 1
                    }
                    return n
                }
                let moved = alone.map { m -> NumeralMatch in
                    var m = m
                    m.span = TextSpan(start: m.span.start + scalars, end: m.span.end + scalars,
                        utf8Start: m.span.utf8Start + prefix.count, utf8End: m.span.utf8End + prefix.count)
                    m.numeralSpan = TextSpan(start: m.numeralSpan.start + scalars, end: m.numeralSpan.end + scalars,
                        utf8Start: m.numeralSpan.utf8Start + prefix.count, utf8End: m.numeralSpan.utf8End + prefix.count)
                    return m
                }
                #expect(found == moved, "\(prefix) + \(numeral)")
                checked += 1
            }
        }
        #expect(checked == 1800)
    }

    @Test func fastPathsEqualTheGrammar() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var texts: [String] = []
        for dir in ["Fixtures/documents", "seeds", "../shared/corpus"] {
            let url = root.appendingPathComponent(dir)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".txt") {
                texts.append(try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8))
            }
        }
        #expect(texts.count >= 6)
        let alphabet = Array("一二三四五六七八九十百千万亿零〇两伍拾点余多几来超近约左右以上分之第百分之负半个%‰.,，－-0123456789０１２３至到—~年元 ")
        var rng = SplitMix(seed: 7)
        for _ in 0..<200 {
            var s = ""
            for _ in 0..<200 { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            texts.append(s)
        }
        // Shapes at the edges of the fast paths.
        texts += [
            "2024年", "11个、4个", "-5度", "－5度", "1，200人", "3，是", "5,6和7", "12.5%", "123456789012345678人",
            "1234567890123456789人", "007号", "三个", "伍个", "伍元", "零个", "九九", "一2", "5万", "50余", "3至5", "七", "8",
            "12.5%，", "5.2%左右", "1000万元", "1.5万亿", "3%—5%", "5兆瓦", "2.5亿元", "12.%", "3万4000", "1.5‰", "5％",
            "999999999999999999人", "9999999999999999999人", "99999999999999999.9%", "1.05万人", "0.5亿", "20万%", "3万多",
            "6.1%，比", "6.1%,达", "6.1%，7%", "6.5，是", "6.5，7", "3万，是", "3亿，4", "1.1万亿元", "3万亿，是", "3萬億元", "2万亿亿",
            "3万万", "3万亿%", "3万亿余", "3万亿左右", "9999999999999999万亿", "0.5万亿", "1.5亿万", "3万亿",
            "零售额", "零个", "零個", "零点五", "〇五", "○", "零", "负担", "负3", "负百分之三", "负 3", "負債", "万元", "万一",
            "亿万", "万", "负", "零，", "零%", "零-5", "万%", "负.5",
            "第5次", "第三届", "第十届", "第5万名", "第3%", "第1.5", "第一时间", "第2至3名", "第", "第二十", "第〇", "第零", "第伍",
            "第二，", "第-1", "第5.", "第三三", "第99位",
            "十项", "十四届", "二十大", "二十三个", "十", "十，", "十，5", "十,5", "二十", "两十", "十两", "十〇", "十零", "二十二十",
            "十十", "一十", "一十一", "十一五", "十四五", "九十九", "十几", "二十余", "十多", "十万", "十分", "十点", "十%", "二十%",
            "十亿", "第十四届", "第二十二次", "陆十", "十陆", "伍十", "十伍", "十四、", "五十千", "十千", "十百", "二十百", "十二三",
            "十八大和", "三十而立", "十字会", "负十", "十-5", "十至二十", "二十—三十", "十一连增", "十年", "廿十", "十廿",
        ]
        let fast = NumeralScanner()
        let full = NumeralScanner(fastPaths: false)
        var compared = 0
        for t in texts {
            let a = fast.matches(in: t)
            let b = full.matches(in: t)
            #expect(a == b, "\(t.prefix(60))")
            compared += a.count
        }
        #expect(compared > 5000)
        // Broken UTF-8 after the digits: a lead byte whose next byte is an ASCII digit reads as
        // U+FFFD, never as the unit its bits would spell (E4 38 87 is not 万).
        let broken: [[UInt8]] = [
            [0x35, 0xE4, 0x38, 0x87], [0x35, 0xE4, 0xB8], [0x35, 0xFF, 0x25], [0x35, 0xC3, 0xA9], [0xE4, 0xB8, 0x89, 0xE4, 0x38],
            Array("5".utf8) + [0xF0, 0x9F, 0x98, 0x80], Array("12，".utf8) + [0xEF, 0xBC],
        ]
        for b in broken {
            b.withUnsafeBufferPointer { buffer in
                #expect(fast.matches(in: buffer) == full.matches(in: buffer), "\(b)")
            }
        }
    }

    /// `UTF8Reader.matches` (bytes in a store, an array, a String) agrees with a plain comparison
    /// at every offset, the negative one and those past the end included.
    @Test func wordMatchingAtEveryOffset() {
        let text = Array("超过5个，约3万，超过".utf8)
        let words = ["超过", "超", "约3万", "，超过", "过", "", "超过了"]
        var matched = 0
        text.withUnsafeBufferPointer { buffer in
            let reader = UTF8Reader(buffer)
            for word in words {
                let w = Array(word.utf8)
                for i in -2...(text.count + 2) {
                    let expected = i >= 0 && i + w.count <= text.count && Array(text[i..<(i + w.count)]) == w
                    #expect(reader.matches(w, at: i) == expected, "\(word) at \(i)")
                    #expect(w.withUnsafeBufferPointer { reader.matches($0, at: i) } == expected, "\(word) at \(i)")
                    #expect(reader.matches(word, at: i) == expected, "\(word) at \(i)")
                    if expected && !w.isEmpty { matched += 1 }
                }
            }
        }
        #expect(matched == 8)
    }

    /// `UTF8Reader.matches(scalar:)` agrees with a plain comparison for scalars of one to four
    /// bytes, at every offset and ending at every offset, on text that cuts some of them short.
    @Test func scalarMatchingAtEveryOffset() {
        let scalars: [Unicode.Scalar] = ["a", "5", "é", "ß", "届", "、", "😀", "𠀀"]
        var text = Array("a5é届、😀𠀀ßx".utf8)
        text += [0xE5, 0xB1]  // 届 cut short at the end
        var matched = 0
        text.withUnsafeBufferPointer { buffer in
            let reader = UTF8Reader(buffer)
            for c in scalars {
                let w = Array(String(c).utf8)
                for i in -5...(text.count + 5) {
                    let expected = i >= 0 && i + w.count <= text.count && Array(text[i..<(i + w.count)]) == w
                    #expect(reader.matches(scalar: c, at: i) == expected, "\(c) at \(i)")
                    let before = i - w.count >= 0 && i <= text.count && Array(text[(i - w.count)..<i]) == w
                    #expect(reader.matches(scalar: c, endingAt: i) == before, "\(c) ending at \(i)")
                    if expected { matched += 1 }
                }
            }
        }
        #expect(matched == 8)
    }

    /// The inlined decoding of one- and three-byte characters agrees with the general decoder,
    /// forwards and backwards, on valid and broken UTF-8.
    @Test func inlinedDecodingEqualsTheGeneralDecoder() {
        var rng = SplitMix(seed: 11)
        let pieces: [[UInt8]] = [
            Array("一".utf8), Array("万".utf8), Array("a".utf8), Array("é".utf8), Array("😀".utf8), [0x80], [0xE4, 0xB8], [0xFF],
            [0xE4], [0xBF, 0xBF], [0xC3],
        ]
        var bytes: [UInt8] = []
        for _ in 0..<20000 { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
        bytes.withUnsafeBufferPointer { buffer in
            let reader = UTF8Reader(buffer)
            for i in 0..<buffer.count {
                let a = reader.decode(at: i), b = reader.decodeSlowly(at: i)
                #expect(a.value == b.value && a.length == b.length, "at \(i)")
                let c = reader.decode(before: i + 1), d = reader.decodeSlowly(before: i + 1)
                #expect(c.value == d.value && c.length == d.length, "before \(i + 1)")
            }
        }
    }

    @Test func invalidUTF8IsReadAsReplacementScalars() {
        let bytes: [UInt8] = [0xFF, 0x31, 0x32, 0xE4, 0xB8] + Array("个".utf8)
        let m = bytes.withUnsafeBufferPointer { NumeralScanner().matches(in: $0) }
        #expect(m.count == 1)
        #expect(m.first?.quantity.value == ExactDecimal(12))
        #expect(m.first?.span.start == 1)
    }
}

/// A small deterministic random number generator for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
