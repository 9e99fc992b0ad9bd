import Foundation
import Testing

@testable import ChineseFacts
import ChineseNumerals

/// The quantity facts of `text` (the numeric kinds only).
func facts(_ text: String) -> [Fact] { QuantityFacts().facts(in: text) }

@Suite("Quantities")
struct QuantityTests {
    /// The time pass's small numbers (十四五, 第14届) read Arabic digits without the grammar:
    /// both ways give the same value for every number below 300 written with and without
    /// leading zeros, in Chinese, and in financial and mixed forms.
    @Test func smallNumbersEqualTheGrammarsReading() throws {
        // The reading before the fast path: the grammar, and the value's decimal text read back.
        func reference(_ t: TimeExtractor) -> (value: Int, end: Int)? {
            var j = 0
            var count = 0
            while count < 4 {
                let (v, l) = t.reader.decode(at: j)
                guard l > 0, t.isChineseDigit(v) || (v >= 0x30 && v <= 0x39) else { break }
                j += l
                count += 1
            }
            guard j > 0, let q = ChineseNumeral.parse(bytes: UnsafeBufferPointer(rebasing: t.reader.bytes[0..<j])),
                q.kind == .number, q.qualifier == .exact, q.value.isInteger, let d = Int(q.value.description), d > 0, d < 200
            else { return nil }
            return (d, j)
        }
        var texts: [String] = []
        for n in 0..<300 {
            texts += [String(n), "0" + String(n), "00" + String(n), ChineseNumeral.format(ExactDecimal(n))]
            texts.append(ChineseNumeral.format(ExactDecimal(n), style: .financial))
        }
        texts += ["2十", "十2", "二0", "0", "00", "0000", "9999", "1999", "两百", "廿三", "负五", "一二三四五"]
        var found = 0
        for t in texts {
            let bytes = Array((t + "届").utf8)
            bytes.withUnsafeBufferPointer { b in
                let extractor = TimeExtractor(reader: UTF8Reader(b))
                let got = extractor.smallNumber(at: 0)
                let expected = reference(extractor)
                #expect(got?.value == expected?.value && got?.end == expected?.end, "\(t)")
                if got != nil { found += 1 }
            }
        }
        #expect(found > 500)
    }

    /// The search for 等 (E7 AD 89), sixteen offsets at a time, finds what a byte-by-byte search
    /// finds: the sequence at every offset of texts of every length up to 70, split sequences
    /// across blocks, and near misses (E7 AD 88, E7 E7 AD 89).
    @Test func threeByteSearchFindsWhatAPlainSearchFinds() {
        func reference(_ b: [UInt8], from: Int) -> Int {
            var i = from
            while i + 3 <= b.count {
                if b[i] == 0xE7, b[i + 1] == 0xAD, b[i + 2] == 0x89 { return i }
                i += 1
            }
            return b.count
        }
        var state: UInt64 = 3
        var checked = 0
        for length in 0...70 {
            for plant in -1..<length {
                var b = [UInt8](repeating: 0, count: length)
                for k in b.indices {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    b[k] = [0xE7, 0xAD, 0x89, 0x88, 0x41, 0xE4][Int(state >> 33) % 6]
                }
                if plant >= 0, plant + 3 <= length { b[plant] = 0xE7; b[plant + 1] = 0xAD; b[plant + 2] = 0x89 }
                for from in [0, 1, 5, 17].filter({ $0 <= length }) {
                    let got = b.withUnsafeBufferPointer { NamedExtractor.nextSequence($0, from: from, 0xE7, 0xAD, 0x89) }
                    #expect(got == reference(b, from: from), "length \(length) plant \(plant) from \(from)")
                    checked += 1
                }
            }
        }
        #expect(checked > 5000)
    }

    /// Where a JSON string's plain run ends (`"`, `\` or a control character), from every start
    /// offset of texts of every length up to 48: the 16-byte and 8-byte steps and the last,
    /// overlapping 8-byte word find what a byte-by-byte scan finds.
    @Test func plainRunEndFromEveryOffsetEqualsAPlainScan() {
        func reference(_ b: [UInt8], from: Int) -> Int {
            var i = from
            while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
            return i
        }
        var state: UInt64 = 11
        var checked = 0
        for length in 0...48 {
            for _ in 0..<12 {
                var b = [UInt8](repeating: 0x41, count: length)
                for k in b.indices {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let r = Int(state >> 33) % 40
                    b[k] = r == 0 ? 0x22 : r == 1 ? 0x5C : r == 2 ? 0x0A : r == 3 ? 0x1F : r < 20 ? 0xE4 : r < 30 ? 0x20 : 0x21
                }
                for from in 0...length {
                    let got = b.withUnsafeBufferPointer { JSONLine.Parser.plainRunEnd($0, from: from) }
                    #expect(got == reference(b, from: from), "length \(length) from \(from)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10000)
    }

    /// The subject read back from a number takes in ideographs at both ends of the three-byte
    /// range (丁 U+4E01, 丂 U+4E02, 鿿 U+9FFF), of extension A (㐀, 䶵) and beyond the BMP (𠀀),
    /// and stops at a hexagram (䷀ U+4DC0, E4 B7 80: a lead byte ideographs share).
    @Test func backwardSubjectAtTheEdgesOfTheIdeographs() {
        let cases = [
            ("丁丂党组织11个", "丁丂党组织"), ("㐀䶵党组织11个", "㐀䶵党组织"), ("鿿党组织11个", "鿿党组织"),
            ("𠀀党组织11个", "𠀀党组织"), ("新成立䷀党组织11个", "党组织"), ("新成立党组织䷀11个", nil),
        ]
        for (text, subject) in cases {
            let f = QuantityFacts().facts(in: text).first
            #expect(f?.text == "11个" && f?.subject == subject, "\(text): \(f?.subject ?? "nil")")
        }
    }

    /// Scalar offsets filled with one forward cursor equal byte-by-byte counts, whatever the order
    /// of the facts (sorted runs, reversed, shuffled), for ends near and far from their starts,
    /// and for offsets before the text or past its end.
    @Test func scalarOffsetsInAnyFactOrderEqualAByteCount() {
        let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("党".utf8), Array("😀".utf8), [0x80], [0xE4, 0xB8]]
        var state: UInt64 = 9
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var bytes: [UInt8] = []
        for _ in 0..<600 { bytes += pieces[next() % pieces.count] }
        func scalars(to b: Int) -> Int { bytes[0..<min(max(b, 0), bytes.count)].filter { $0 & 0xC0 != 0x80 }.count }
        for order in 0..<4 {
            var facts: [Fact] = []
            for _ in 0..<200 {
                let a = next() % (bytes.count + 40) - 20
                let b = a + (next() % 3 == 0 ? next() % 400 : next() % 30)
                facts.append(Fact(kind: .count, text: "", start: -1, end: -1, value: .text(""), utf8Start: a, utf8End: b))
            }
            switch order {
            case 0: facts.sort { $0.utf8Start < $1.utf8Start }
            case 1: facts.sort { $0.utf8Start > $1.utf8Start }
            case 2:
                facts[..<100].sort { $0.utf8Start < $1.utf8Start }
                facts[100...].sort { $0.utf8Start < $1.utf8Start }
            default: break
            }
            bytes.withUnsafeBufferPointer { ScalarOffsets.fill(&facts, in: $0) }
            for f in facts {
                #expect(f.start == scalars(to: f.utf8Start) && f.end == scalars(to: f.utf8End), "order \(order): \(f.utf8Start)..<\(f.utf8End)")
            }
        }
    }

    /// The scalar count over any byte range (sixteen and eight bytes a step) equals a byte-by-byte
    /// count of bytes that are not continuation bytes, on text with ASCII, two-, three- and
    /// four-byte characters and stray continuation bytes; and Roman grades far into a document
    /// get the scalar offsets that counting gives.
    @Test func scalarCountOverEveryRangeEqualsAByteCount() {
        let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("党".utf8), Array("😀".utf8), [0x80], [0xBF], [0xE4, 0xB8]]
        var state: UInt64 = 5
        var bytes: [UInt8] = []
        for _ in 0..<400 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes += pieces[Int(state >> 33) % pieces.count]
        }
        var checked = 0
        for from in stride(from: 0, to: bytes.count, by: 7) {
            for to in stride(from: from, through: min(bytes.count, from + 300), by: 5) {
                let expected = bytes[from..<to].filter { $0 & 0xC0 != 0x80 }.count
                #expect(bytes.withUnsafeBufferPointer { ScalarOffsets.count(in: $0, from: from, to: to) } == expected)
                checked += 1
            }
        }
        #expect(checked > 5000)
        let text = String(repeating: "😀党的建设a，", count: 40) + "断面水质为Ⅲ类，较上年改善"
        let grade = QuantityFacts().facts(in: text).first { $0.rule == "<罗马数字>类" }
        #expect(grade?.text == "Ⅲ类" && grade?.start == 40 * 7 + 5 && grade?.end == 40 * 7 + 7)
    }

    /// The named pass's skip (two characters a step through `stopFilter`) stops where a
    /// character-by-character reading of `stopClass` and `stopPairs` stops, from every stop
    /// onwards, on the fixture documents and on random mixes of stop characters, their
    /// look-alikes, ASCII and broken UTF-8.
    @Test func namedSkipStopsWhereACharacterByCharacterReadingStops() throws {
        let tables = NamedTables.shared
        func reference(_ bytes: [UInt8], from start: Int) -> Int {
            var i = start
            while i < bytes.count {
                let b0 = bytes[i]
                if b0 < 0x80 {
                    if b0 == 0x0A || b0 == 0x0D { return i }
                    i += 1
                    continue
                }
                guard b0 & 0xF0 == 0xE0, i + 2 < bytes.count, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { return i }
                let cp = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                let c = tables.stopClass[Int(cp)]
                if c == 1 { return i }
                if c == 2 {
                    let (next, length) = bytes.withUnsafeBufferPointer { UTF8Reader($0).decode(at: i + 3) }
                    let h = NamedTables.pairHash(cp, next)
                    // Where eight bytes are left, the next character has three, and no class-1
                    // character shares this one's last two bytes, the pair must also pass the
                    // filter on the raw bytes.
                    let eightByteStep = i + 8 <= bytes.count && length == 3
                        && tables.stopLow[Int(bytes[i + 1]) | Int(bytes[i + 2]) << 8] == 2
                    let raw = NamedTables.rawPairHash(
                        Int(bytes[i + 1]) | Int(bytes[i + 2]) << 8, eightByteStep ? Int(bytes[i + 4]) | Int(bytes[i + 5]) << 8 : 0)
                    if tables.stopPairs[h >> 6] & (1 << UInt64(h & 63)) != 0
                        && (!eightByteStep || tables.rawStopPairs[raw >> 6] & (1 << UInt64(raw & 63)) != 0)
                    {
                        return i
                    }
                }
                i += 3
            }
            return i
        }
        let dir = packageRoot.appendingPathComponent("Fixtures/documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        var texts = try names.map { Array(try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8).utf8) }
        let pieces = ["北京市", "党组织", "委员会", "的", "和", "县", "《", "abc", "\n", "é", "😀", "安庆", "集团有限公司"].map { Array($0.utf8) }
            + [[0xE4, 0xB8], [0xFF], [0xE5, 0x8C, 0x97]]
        var state: UInt64 = 5
        for _ in 0..<500 {
            var t: [UInt8] = []
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                t += pieces[Int(state >> 33) % pieces.count]
            }
            texts.append(t)
        }
        // Stop characters of both classes among common characters, so that pairs pass one
        // filter and not the other.
        let stopScalars = (0x4E00..<0x9FA6).filter { tables.stopClass[$0] != 0 }.map { Array(String(UnicodeScalar(UInt32($0))!).utf8) }
        let common = Array(Set(texts[0].count > 0 ? String(decoding: texts[0], as: UTF8.self).unicodeScalars.filter { $0.value >= 0x4E00 } : []))
            .sorted { $0.value < $1.value }.map { Array(String($0).utf8) }
        #expect(stopScalars.count > 300, "\(stopScalars.count)")
        #expect(common.count > 500, "\(common.count)")
        for _ in 0..<3000 {
            var t: [UInt8] = []
            for _ in 0..<30 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let r = Int(state >> 33)
                t += r % 2 == 0 ? stopScalars[(r / 2) % stopScalars.count] : common[(r / 2) % common.count]
            }
            texts.append(t)
        }
        // Pairs that pass the hashed pair filter and not the raw-byte one, and the reverse.
        var targeted = 0
        for a in stride(from: 0x4E00, to: 0x9FA6, by: 3) where tables.stopClass[a] == 2 {
            for b in 0x4E00..<0x9FA6 {
                let h = NamedTables.pairHash(UInt32(a), UInt32(b))
                let r = NamedTables.rawPairHash(NamedTables.lastTwoBytes(UInt32(a)), NamedTables.lastTwoBytes(UInt32(b)))
                guard (tables.stopPairs[h >> 6] & (1 << UInt64(h & 63)) != 0) != (tables.rawStopPairs[r >> 6] & (1 << UInt64(r & 63)) != 0)
                else { continue }
                texts.append(Array(("的" + String(UnicodeScalar(UInt32(a))!) + String(UnicodeScalar(UInt32(b))!) + "的和的和").utf8))
                targeted += 1
                break
            }
        }
        #expect(targeted > 50)
        var stops = 0
        for t in texts {
            var from = 0
            while from < t.count {
                let got = t.withUnsafeBufferPointer { tables.nextStop(in: UTF8Reader($0), from: from) }
                #expect(got == reference(t, from: from))
                stops += 1
                from = got + 1
            }
        }
        #expect(stops > 50_000)
        // Every word the pass looks for that starts with two three-byte characters passes the raw-byte filter.
        var words = 0
        for w in tables.gazetteerEntries.map(\.word.text) + NamedLexicon.organisationSuffixes.map(\.suffix) {
            let b = Array(w.utf8)
            guard b.count >= 6, b[0] & 0xF0 == 0xE0, b[3] & 0xF0 == 0xE0 else { continue }
            let h = NamedTables.rawPairHash(Int(b[1]) | Int(b[2]) << 8, Int(b[4]) | Int(b[5]) << 8)
            #expect(tables.rawStopPairs[h >> 6] & (1 << UInt64(h & 63)) != 0, "\(w)")
            words += 1
        }
        #expect(words > 400)
    }

    /// The year tracker's reuse of its last search gives what a fresh search gives, at every
    /// scalar of the fixture documents asked in order, and at positions asked out of order.
    @Test func yearTrackerReuseEqualsFreshSearch() throws {
        let dir = packageRoot.appendingPathComponent("Fixtures/documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 5)
        var years = 0
        var texts = try names.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
        // A year with 以来 before commas, and sentences near and beyond the 400-scalar reach.
        texts.append("2019年以来，全市新增企业5家，其中3家在园区，2家在县城。2020年12月新增2家，")
        texts.append("2020年" + String(repeating: "新", count: 395) + "，5个" + String(repeating: "建", count: 10) + "3个")
        texts.append("2021年以来" + String(repeating: "新", count: 390) + "，5个，6个" + String(repeating: "建", count: 20) + "7个")
        for (name, var text) in zip(names + ["以来", "reach", "以来 reach"], texts) {
            text.withUTF8 { bytes in
                let reader = UTF8Reader(bytes)
                var reusing = YearTracker()
                var fresh = YearTracker()
                fresh.reuses = false
                var pos = 0
                var step = 0
                while pos <= bytes.count {
                    let a = reusing.year(for: pos, reader: reader)
                    #expect(a == fresh.year(for: pos, reader: reader), "\(name) at \(pos)")
                    if a != nil { years += 1 }
                    // Every scalar start, now and then a jump back.
                    step += 1
                    if step % 997 == 0, pos > 3000 { pos -= 299 } else { pos += reader.decode(at: pos).length == 0 ? 1 : reader.decode(at: pos).length }
                }
            }
        }
        #expect(years > 1000)
    }

    @Test func rearrangeAndMergeMoveFactsInOrder() {
        func fact(_ k: Int, _ kind: FactKind = .count) -> Fact {
            Fact(kind: kind, text: "f\(k)", start: k, end: k + 1, value: .number(ExactDecimal(k)), subject: "主体\(k)")
        }
        var a = (0..<6).map { fact($0) }
        a.rearrange(keeping: [4, 0, 5, 2])
        #expect(a.map(\.start) == [4, 0, 5, 2])
        a.rearrange(keeping: [])
        #expect(a.isEmpty)
        var shuffled = [3, 1, 4, 0, 5, 2].map { fact($0) }
        shuffled.sortInDocumentOrder()
        #expect(shuffled.map(\.start) == [0, 1, 2, 3, 4, 5])
        // Merging keeps document order; of two facts in one place, the first list's comes first.
        var first = [fact(1), fact(3), fact(3, .money)]
        var second = [fact(0), fact(3, .count), fact(3, .date), fact(9)]
        let merged = FactExtractor.merge(&first, &second)
        #expect(merged.map(\.start) == [0, 1, 3, 3, 3, 3, 9])
        #expect(merged.map(\.kind) == [.count, .count, .count, .count, .date, .money, .count])
        #expect(merged.map(\.text) == ["f0", "f1", "f3", "f3", "f3", "f3", "f9"])
        var target = [fact(0)]
        var source = [fact(1), fact(2)]
        target.appendMoving(&source)
        #expect(target.map(\.subject) == ["主体0", "主体1", "主体2"])
        #expect(source.isEmpty)
    }

    @Test func footnoteMarkersLeaveTheSubject() {
        let f = facts("全年国内生产总值[1]增长5%，城镇新增就业[注]1256万人")
        #expect(f.map(\.text) == ["5%", "1256万人"])
        #expect(f.first?.subject == "国内生产总值")
        #expect(f.last?.subject == "就业[注]")
    }

    /// A footnote marker between the phrase and the words cut after it (比上年增长, 为) is cut
    /// too, so that the attribute before it is split off as it is without the marker.
    @Test func footnoteMarkerBeforeTheVerb() {
        let f = facts("服务零售额[39]比上年增长6.2%。全年规模以上工业产能利用率[24]为75.0%。全年货物运输总量［28］578亿吨")
        #expect(f.map(\.text) == ["6.2%", "75.0%", "578亿吨"])
        #expect(f.map(\.subject) == ["服务", "规模以上工业", "货物运输"])
        #expect(f.map(\.attribute) == ["零售额", "产能利用率", "总量"])
        // The same without the markers.
        let plain = facts("服务零售额比上年增长6.2%。全年规模以上工业产能利用率为75.0%。全年货物运输总量578亿吨")
        #expect(plain.map(\.subject) == f.map(\.subject) && plain.map(\.attribute) == f.map(\.attribute))
    }

    /// A statistic named once for members of one sort is spread over the later members of its
    /// sentence (FACTS.md: the shared words of a list go to every member).
    @Test func attributeSpreadsOverMembersOfOneSort() {
        let f = facts("规模以上工业中，国有控股企业增加值增长4.2%；股份制企业增长6.1%，私营企业增长5.3%。")
        #expect(f.map(\.subject) == ["国有控股企业", "股份制企业", "私营企业"])
        #expect(f.map(\.attribute) == ["增加值", "增加值", "增加值"])
        // Levels and their growth rates: 利润 for each.
        let g = facts("国有控股企业利润21397亿元，比上年下降4.6%；股份制企业56166亿元，下降3.6%。")
        #expect(g.map(\.subject) == ["国有控股企业", "国有控股企业", "股份制企业", "股份制企业"])
        #expect(g.map(\.attribute) == ["利润", "利润", "利润", "利润"])
    }

    /// What keeps a later quantity from taking the attribute: a subject that ends otherwise (another
    /// statistic), a share after a growth rate, a subject that is an attribute word, the next sentence.
    @Test func attributeDoesNotSpreadToOtherStatistics() {
        let f = facts("规模以上工业增加值增长6%，固定资产投资增长4%。")
        #expect(f.map(\.attribute) == ["增加值", nil])
        let g = facts("经营主体总量276万户、增长8.85%，其中民营经济主体占97.2%。")
        #expect(g.last?.subject == "民营经济主体" && g.last?.attribute == nil)
        let h = facts("规模以上服务业企业营业收入比上年增长7.2%，利润总额增长2.4%。")
        #expect(h.map(\.subject) == ["规模以上服务业企业", "利润总额"] && h.last?.attribute == nil)
        let k = facts("国有控股企业增加值增长4.2%。私营企业增长5.3%。")
        #expect(k.map(\.attribute) == ["增加值", nil])
    }

    /// 进出口 is one attribute, not 进 and 出口: 外贸进出口 → 外贸 and 进出口; 货物出口 → 货物 and 出口.
    @Test func tradeAttributes() {
        let f = facts("外贸进出口增长8.4%，货物出口增长7.1%，原油进口增长5.8%。")
        #expect(f.map(\.subject) == ["外贸", "货物", "原油"])
        #expect(f.map(\.attribute) == ["进出口", "出口", "进口"])
    }

    /// Statistics named in full (全社会固定资产投资, 对华直接投资, 人均地区生产总值) are the subject when
    /// they stand alone and the attribute after an entity (FACTS.md: 东部地区 and 投资); a verb right
    /// before the attribute is cut with it (完成投资).
    @Test func statisticsAloneAndAfterAnEntity() {
        func pair(_ text: String) -> [String?] {
            let f = facts(text).first
            return [f?.subject, f?.attribute]
        }
        #expect(pair("，全社会固定资产投资增长4.6%。") == ["全社会固定资产投资", nil])
        #expect(pair("；对华直接投资1147亿元。") == ["对华直接投资", nil])
        #expect(pair("，人均地区生产总值达到3.2万美元。") == ["人均地区生产总值", nil])
        #expect(pair("，东部地区投资增长1.3%。") == ["东部地区", "投资"])
        #expect(pair("，京津冀地区生产总值115394亿元。") == ["京津冀", "地区生产总值"])
        #expect(pair("，高技术产业实际使用外资1000亿元。") == ["高技术产业", "实际使用外资"])
        #expect(pair("，全年完成投资46.9亿元。") == ["投资", nil])
        #expect(pair("，省重大项目完成投资7290亿元。") == ["省重大项目", "投资"])
    }

    /// A share (X占Y比重为N%) has the numerator X as its subject and 比重 as its attribute; where
    /// no X is written, the quantity before gives it.
    @Test func sharesTakeTheNumerator() {
        let f = facts("第一产业增加值占国内生产总值比重为6.8%。城镇就业人员47345万人，占全国就业人员比重为64.5%。")
        #expect(f.map(\.text) == ["6.8%", "47345万人", "64.5%"])
        #expect(f.map(\.subject) == ["第一产业增加值", "城镇就业人员", "城镇就业人员"])
        #expect(f[0].attribute == "比重" && f[2].attribute == "比重")
    }

    /// After 其中, a statistic named alone is a part of the whole named before it: its subject is
    /// the whole's, and so is that of each one named alone after it in the sentence.
    @Test func partsAfterQizhong() {
        let f = facts("全年货物进出口总额438468亿元，比上年增长5.0%。其中，出口254545亿元，增长7.1%；进口183923亿元，增长2.3%。")
        #expect(f.map(\.subject) == ["货物", "货物", "货物", "货物", "货物", "货物"])
        #expect(f.map(\.attribute) == ["进出口总额", "进出口总额", "出口", "出口", "进口", "进口"])
        let g = facts("货物进出口总额3.64万亿美元，增长22.5%，其中，出口增长20.3%。")
        #expect(g.last?.subject == "货物" && g.last?.attribute == "出口")
        // A list of targets is no whole: 其中 there picks one out.
        let h = facts("提出6项指标，其中地区生产总值年均增长5%左右。")
        #expect(h.last?.subject == "地区生产总值" && h.last?.attribute == nil)
        // Without 其中, a statistic named alone stays the subject.
        let k = facts("货物进出口总额438468亿元。出口254545亿元。")
        #expect(k.last?.subject == "出口" && k.last?.attribute == nil)
    }

    /// A bare nominal phrase of two characters and 的 before 为 is the subject whole (FACTS.md NOTES):
    /// 持平的为4个, 下降的为43个 — not 持平, nor the subject of the count before.
    @Test func bareNominalPhrases() {
        let f = facts("上涨的城市个数为23个，持平的为4个，下降的为43个。")
        #expect(f.map(\.subject).suffix(2) == ["持平的", "下降的"])
    }

    @Test func kindOrderIsAlphabetical() {
        let names = FactKind.allCases.map(\.rawValue).sorted()
        for kind in FactKind.allCases {
            #expect(kind.orderIndex == names.firstIndex(of: kind.rawValue), "\(kind)")
        }
    }

    @Test func countsWithSubjects() {
        let f = facts("新成立非公企业党组织11个、工会4个")
        #expect(f.map(\.kind) == [.count, .count])
        #expect(f.map(\.text) == ["11个", "4个"])
        #expect(f.map(\.subject) == ["非公企业党组织", "工会"])
        #expect(f.map(\.unit) == ["个", "个"])
    }

    @Test func moneyWithHedge() throws {
        let f = try #require(facts("4家机构为7家企业9个项目提供授信4000余万元。").last)
        #expect(f.kind == .money)
        #expect(f.text == "4000余万元")
        #expect(f.value == .number(ExactDecimal(40_000_000)))
        #expect(f.unit == "CNY")
        #expect(f.qualifier == .over)
        #expect(f.subject == "授信")
    }

    @Test func listOfPercents() {
        let f = facts("党组织、工会、共青团、妇联组织覆盖率达到100%、80%、44%、98%，")
        #expect(f.map(\.value) == [100, 80, 44, 98].map { .number(ExactDecimal($0)) })
        #expect(f.map(\.subject) == ["党组织", "工会", "共青团", "妇联组织"])
        #expect(f.allSatisfy { $0.attribute == "覆盖率" && $0.unit == "%" })
    }

    /// The items before a list of values: split at 、, empty ones dropped, and the last split
    /// again at its first 和 (else its first 及) only when one item is missing.
    @Test func listItemsSplitAtCommasThenAtHeOrJi() {
        #expect(QuantityExtractor.listItems("党组织、工会、共青团和妇联组织", lastSplitAt: 3) == ["党组织", "工会", "共青团", "妇联组织"])
        #expect(QuantityExtractor.listItems("党组织、工会及共青团", lastSplitAt: 2) == ["党组织", "工会", "共青团"])
        // 和 before 及, wherever each stands.
        #expect(QuantityExtractor.listItems("甲、乙及丙和丁", lastSplitAt: 2) == ["甲", "乙及丙", "丁"])
        // No split when the count does not call for one.
        #expect(QuantityExtractor.listItems("甲、乙和丙", lastSplitAt: 3) == ["甲", "乙和丙"])
        #expect(QuantityExtractor.listItems("、甲、、乙、", lastSplitAt: 5) == ["甲", "乙"])
        #expect(QuantityExtractor.listItems("甲和", lastSplitAt: 1) == ["甲", ""])
        #expect(QuantityExtractor.listItems("", lastSplitAt: 0) == [])
    }

    /// A name that is one of `NamedLexicon.genericOrganisationNames` (集团, 国有) is found by
    /// its bytes, and a longer or shorter one is not.
    @Test func genericNamesAreMatchedWhole() {
        let tables = NamedTables.shared
        #expect(tables.genericNames.words.count == NamedLexicon.genericOrganisationNames.count)
        for name in NamedLexicon.genericOrganisationNames {
            var text = "在" + name + "中"
            let n = name.utf8.count
            text.withUTF8 { bytes in
                let reader = UTF8Reader(bytes)
                #expect(tables.genericNames.isWord(in: reader, from: 3, to: 3 + n), "\(name)")
                let longer = tables.genericNames.isWord(in: reader, from: 3, to: 6 + n)
                #expect(longer == NamedLexicon.genericOrganisationNames.contains(name + "中"), "\(name)中")
            }
        }
    }

    /// A change word that a noun or 的 follows names no change (增加值 is value added), and a
    /// footnote marker between a change word and its number does not hide the change.
    @Test func changeWordsInsideNounsAndAcrossFootnotes() {
        func change(_ text: String) -> Change?? { facts(text).first.map { $0.change } }
        #expect(change("第一产业增加值91414亿元，") == .some(nil))
        #expect(change("规模以上工业增加值增长5.8%。") == .increase)
        #expect(change("自然增长率为-0.99‰；") == .some(nil))
        #expect(change("新建商品住宅销售价格环比上涨的城市个数为23个，") == .some(nil))
        #expect(change("全年全社会固定资产投资比上年增长[41]3.1%。") == .increase)
        #expect(change("房地产开发投资比上年下降［47］10.6%。") == .decrease)
        // Five digits are no footnote marker: the walk stops at them, as at any other number.
        #expect(change("投资比上年增长[12345]3.1%。") == .some(nil))
    }

    /// After 分别, values joined by 和 or 及 are a list as values joined by 、 are; the values
    /// after the first share its change. Without 分别, 和 joins no list (二级和三级管网改造).
    @Test func listsJoinedByHeAfterFenbie() {
        let two = facts("两项指标分别增长5%和6%。").filter { $0.kind == .percent }
        #expect(two.map(\.subject) == ["两项指标", "两项指标"])
        #expect(two.map(\.change) == [.increase, .increase])
        let cover = facts("党组织和工会覆盖率分别为100%和80%。")
        #expect(cover.map(\.subject) == ["党组织", "工会"])
        #expect(cover.allSatisfy { $0.attribute == "覆盖率" && $0.change == nil })
        let three = facts("第一、二、三产业增加值分别增长4.1%、4.7%及5.8%。")
        #expect(three.map(\.change) == [.increase, .increase, .increase])
        let rates = facts("学前三年入园率及公办园入园率分别达到96.4%和50.2%。").filter { $0.kind == .percent }
        #expect(rates.map(\.subject) == ["学前三年入园率", "公办园入园率"])
        let pipes = facts("要确保68公里二级和三级管网改造。").filter { $0.kind == .ordinal }
        #expect(pipes.last?.subject == "管网改造")
    }

    /// A subject of one character read back is none (这五年, 新的一年).
    @Test func oneCharacterReadBackIsNoSubject() {
        #expect(facts("。这五年，我们砥砺奋进。").first { $0.kind == .duration }?.subject == nil)
        #expect(facts("！新的一年，任务艰巨。").first { $0.kind == .duration }?.subject == nil)
        #expect(facts("。城镇调查失业率控制在5.5%左右。").first?.subject == "城镇")
    }

    /// A year that opens a subject is the fact's date and is left out (2007年, 去年, 今年), and
    /// a value reached from one with a year before it takes that one's subject; where only a
    /// year follows the verb cut at (由2010年的), the subject is what stands before the verb.
    @Test func yearsOpeningASubjectAndValuesReachedFromDatedOnes() {
        let trade = facts("。2007年货物进出口总额2.17万亿美元。").first
        #expect(trade?.subject == "货物" && trade?.attribute == "进出口总额" && trade?.date == "2007")
        #expect(facts("。森林覆盖率由2010年的21.6%提高到25.2%。").map(\.subject) == ["森林覆盖率", "森林覆盖率"])
        #expect(facts("。财政投入从2006年的18亿元增加到2010年的306亿元。").map(\.subject) == ["财政投入", "财政投入"])
        #expect(facts("。资本充足率从2007年底的8.4%提升到去年底的13.3%。").map(\.subject) == ["资本充足率", "资本充足率"])
        #expect(facts("。赤字率从去年的2.1%提高到2.3%。").map(\.subject) == ["赤字率", "赤字率"])
        #expect(facts("。今年小麦最低收购价提高7.4元。").first?.subject == "小麦最低收购价")
        #expect(facts("。2024年度预算收入5000亿元。").first?.subject == "预算收入")
        #expect(facts("。2024年前三季度增长5%。").first?.subject == nil)
    }

    @Test func percentagePointsAreNotPercent() throws {
        let f = try #require(facts("比上年下降0.5个百分点。").first)
        #expect(f.unit == "pp")
        #expect(f.change == .decrease)
    }

    @Test func forwardSubjectAndEvents() {
        #expect(facts("培养146名化工类高校人才。").first?.subject == "化工类高校人才")
        #expect(facts("开展集体学习260余次、交流研讨146次").map(\.subject) == ["集体学习", "交流研讨"])
    }

    @Test func measuresDurationsOrdinals() {
        let m = facts("新增耕地3.5万亩，实训2个月，获批第十五批项目。")
        #expect(m.map(\.kind) == [.measure, .duration, .ordinal])
        #expect(m[0].value == .number(ExactDecimal(35000)))
        #expect(m[0].unit == "亩")
        #expect(m[1].unit == "个月")
        #expect(m[2].value == .number(ExactDecimal(15)))
        #expect(m[2].unit == "批")
    }

    @Test func changeAndDate() {
        let f = facts("预计到2024年12月末，公司资产总额超180亿元，同比增长32%。")
        #expect(f.map(\.kind) == [.money, .percent])
        #expect(f[0].attribute == "资产总额")
        #expect(f[0].subject == "公司")
        #expect(f[1].change == .increase)
        #expect(f[1].subject == "公司")
        #expect(f.allSatisfy { $0.date == "2024-12" })
    }

    @Test func perUnitMoney() throws {
        let f = try #require(facts("全员劳动生产率为173898元/人，").first)
        #expect(f.text == "173898元/人")
        #expect(f.unit == "CNY")
    }

    /// What must yield no numeric fact.
    @Test(arguments: [
        "掌握第一手资料", "与一批知名高校签订", "举一反三", "“三会一课”", "国内生产总值[2]增长", "5G基站", "3D打印",
        "2024年，", "12月份", "每百元营业收入", "党的二十大", "二十届三中全会", "“十四五”规划", "一流", "统一搭建",
        "第一时间", "零容忍",
    ])
    func noNumericFact(_ text: String) {
        #expect(facts(text).isEmpty, "\(text)")
    }
}

/// `FactExtractor.prepare()` builds the shared tables by reading `warmUpText` once: the text must
/// reach the quantity, time and named passes, or a pass would still build its tables on the first
/// document.
@Test func warmUpTextReachesEveryPass() {
    FactExtractor.prepare()
    let kinds = Set(FactExtractor().facts(in: FactExtractor.warmUpText).map(\.kind))
    #expect(kinds.contains(.date))
    #expect(kinds.contains(.place))
    #expect(kinds.contains(.count))
    #expect(kinds.contains(.percent))
}
