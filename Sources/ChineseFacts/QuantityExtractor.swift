#if canImport(Glibc)
import Glibc
#endif

/// Byte-level matching tables built once from `FactLexicon`.
final class FactTables: Sendable {
    static let shared = FactTables()

    enum UnitClass: Sendable {
        case count, money(String), measure, duration, percentPoints, ordinal
    }

    /// Every unit word after a number, longest first; its class and the unit to report by text.
    let afterNumber: WordSet
    /// The class and unit of each of `afterNumber.words`, by index.
    let afterNumberInfo: [(cls: UnitClass, unit: String)]
    let ordinalUnits: WordSet
    let attributes: WordSet
    let openers: WordSet
    let trailing: WordSet
    /// `FactLexicon.wordsKeptWhole`: where one ends, no trailing word is cut from it.
    let keptWhole: WordSet
    /// `FactLexicon.openerLookalikes`.
    let openerLookalikes: WordSet
    /// `FactLexicon.verbsBeforeAttributes`.
    let attributeVerbs: WordSet
    /// `FactLexicon.fromToVerbs`.
    let fromToVerbs: WordSet
    let changeWords: WordSet
    /// The change of each of `changeWords.words`, by index.
    let changes: [Change]
    let techNames: [UTF8Word]
    /// The last bytes of `techNames`, by value: a numeral can start a tech name only if the byte
    /// after it is one of them.
    let techNameLastBytes: [Bool]
    /// `FactLexicon.measureWords`, for membership.
    let measureWordSet = Set(FactLexicon.measureWords)
    /// `FactLexicon.leadingTimeWords`.
    let leadingTimeWords = WordSet(FactLexicon.leadingTimeWords)

    init() {
        var all: [(UTF8Word, UnitClass, String)] = []
        for w in FactLexicon.percentagePoints { all.append((UTF8Word(w), .percentPoints, "pp")) }
        for (w, code) in FactLexicon.currencies { all.append((UTF8Word(w), .money(code), code)) }
        for w in FactLexicon.durations { all.append((UTF8Word(w), .duration, w)) }
        for w in FactLexicon.units { all.append((UTF8Word(w), .measure, w)) }
        for w in FactLexicon.measureWords { all.append((UTF8Word(w), .count, w)) }
        all.append((UTF8Word("周年"), .ordinal, "周年"))
        // Longest first; on equal length keep the order above (percent, money, duration, measure, count).
        afterNumber = WordSet(all.map(\.0.text))
        var info: [String: (cls: UnitClass, unit: String)] = [:]
        for (w, c, u) in all where info[w.text] == nil { info[w.text] = (c, u) }
        afterNumberInfo = afterNumber.words.map { info[$0.text]! }
        ordinalUnits = WordSet(FactLexicon.ordinalUnits)
        attributes = WordSet(FactLexicon.attributes)
        openers = WordSet(FactLexicon.clauseOpeners)
        // The verbs from one value to the next too, where no value stands before them (覆盖率提高到60%).
        trailing = WordSet(FactLexicon.trailingFunctionWords + FactLexicon.changeWords.map(\.word) + FactLexicon.fromToVerbs)
        keptWhole = WordSet(FactLexicon.wordsKeptWhole)
        openerLookalikes = WordSet(FactLexicon.openerLookalikes)
        attributeVerbs = WordSet(FactLexicon.verbsBeforeAttributes)
        fromToVerbs = WordSet(FactLexicon.fromToVerbs)
        changeWords = WordSet(FactLexicon.changeWords.map(\.word))
        var ch: [String: Change] = [:]
        for (w, c) in FactLexicon.changeWords where ch[w] == nil { ch[w] = c }
        changes = changeWords.words.map { ch[$0.text]! }
        techNames = FactLexicon.techNames.map(UTF8Word.init)
        var last = [Bool](repeating: false, count: 256)
        for w in techNames { if let b = w.bytes.last { last[Int(b)] = true } }
        techNameLastBytes = last
    }
}

/// Scalars that end a clause (the subject of a quantity never crosses them).
@inline(__always) func isClauseBoundary(_ v: UInt32) -> Bool {
    switch v {
    case 0xFF0C, 0x2C, 0x3002, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0xFF01, 0x21, 0xFF1F, 0x3F, 0x0A, 0x0D, 0x3001, 0x09,
        0x2028, 0x2029:
        return true
    default: return false
    }
}

/// Scalars that end a sentence.
@inline(__always) func isSentenceBoundary(_ v: UInt32) -> Bool {
    switch v {
    case 0x3002, 0xFF1B, 0x3B, 0xFF01, 0x21, 0xFF1F, 0x3F, 0x0A, 0x0D, 0x2028, 0x2029: return true
    default: return false
    }
}

@inline(__always) func isIdeograph(_ v: UInt32) -> Bool {
    (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x2FFFF)
}

@inline(__always) func isASCIILetter(_ v: UInt32) -> Bool {
    (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
}

/// The scanning core and the quantity extractors over one document's UTF-8 bytes.
struct QuantityExtractor {
    let reader: UTF8Reader
    let tables = FactTables.shared

    init(bytes: UnsafeBufferPointer<UInt8>) {
        reader = UTF8Reader(bytes)
    }

    func string(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[a..<b]), as: UTF8.self)
    }

    func longest(_ words: WordSet, at i: Int) -> UTF8Word? {
        words.longest(in: reader, at: i)
    }

    func longest(_ words: WordSet, endingAt i: Int) -> UTF8Word? {
        words.longest(in: reader, endingAt: i)
    }

    // MARK: The pass

    static let kuai = Array("块".utf8), ji = Array("级".utf8), jie = Array("届".utf8), qi = Array("期".utf8)

    func facts() -> [Fact] {
        var facts: [Fact] = []
        // One quantity in about 230 bytes on the benchmark corpus: room enough that the list rarely grows.
        facts.reserveCapacity(reader.count / 200 + 8)
        var sentenceYears = YearTracker()
        NumeralScanner().forEachMatch(in: reader.bytes) { m in
            if appendQuantityFact(m, to: &facts) {
                let k = facts.count - 1
                facts[k].date = sentenceYears.year(for: facts[k].utf8Start, reader: reader)
            }
        }
        romanGrades(&facts)
        distributeLists(&facts)
        fromToSubjects(&facts)
        inheritSubjects(&facts)
        facts.sortInDocumentOrder()
        spreadAttributes(&facts)
        subjectsOfParts(&facts)
        return facts
    }

    /// Appends the fact of a numeral match to `facts`, or returns false when it is not a
    /// quantity (a year, a footnote marker, 5G …). The fact is built in place, never copied.
    func appendQuantityFact(_ m: NumeralMatch, to facts: inout [Fact]) -> Bool {
        var q = m.quantity
        let ns = m.numeralSpan
        let next = reader.decode(at: ns.utf8End)
        let prev = reader.decode(before: ns.utf8Start)
        // Footnote markers: [12].
        if (prev.value == 0x5B || prev.value == 0xFF3B) && (next.value == 0x5D || next.value == 0xFF3D) { return false }
        // Digits inside a Latin name or code: 5G, 3D, RCEP2, A1.
        if m.isArabic {
            if ns.utf8End < reader.count, tables.techNameLastBytes[Int(reader.bytes[ns.utf8End])],
                tables.techNames.contains(where: { $0.bytes.count == ns.utf8End - ns.utf8Start + 1 && reader.matches($0.bytes, at: ns.utf8Start) })
            {
                return false
            }
            if isASCIILetter(prev.value) || prev.value == 0x2E || prev.value == 0x5F { return false }
        }
        // A rate base: 每百元, 部/百人.
        if reader.matches(scalar: "每", endingAt: m.span.utf8Start) { return false }
        if prev.value == 0x2F || prev.value == 0xFF0F { return false }
        // Years, months and days belong to dates: 2024年, 二〇二四年, 12月, 28日.
        if isDateNumber(m, next: next) { return false }
        // Party congresses and plenums: 二十大, 二十届三中全会, 十四届全国人大 (meetings, not quantities).
        // “五大”平台: a quantity label in quotes, a number whose subject follows the quote.
        if prev.value == 0x201C, q.kind == .number, !m.isArabic, reader.matches("大”", at: ns.utf8End) {
            var f = Fact(
                kind: .number, text: string(ns.utf8Start, ns.utf8End), start: ns.start, end: ns.end,
                value: .number(q.value), rule: "“<数>大”", utf8Start: ns.utf8Start, utf8End: ns.utf8End)
            f.subject = forwardSubject(from: ns.utf8End + "大”".utf8.count)
            facts.append(f)
            return true
        }
        if isMeetingNumber(m) { return false }

        var end = ns.utf8End
        var endScalar = ns.end
        var kind: FactKind
        var unit: String? = nil
        var rule: String
        var startByte = m.span.utf8Start
        var startScalar = m.span.start
        // 各2名: 各 belongs to the count.
        if reader.matches(scalar: "各", endingAt: startByte), m.span.utf8Start == ns.utf8Start {
            startByte -= 3
            startScalar -= 1
        }

        switch q.kind {
        case .percent:
            kind = .percent
            unit = q.percentUnit ?? "%"
            rule = q.percentUnit == "‰" ? "<数>‰" : "百分之<数>|<数>%"
            end = m.span.utf8End
            endScalar = m.span.end
        case .ordinal:
            kind = .ordinal
            guard let w = longest(tables.ordinalUnits, at: end) else {
                // 第N with no measure word: a list label or part of a name.
                return false
            }
            unit = w.text
            end += w.bytes.count
            endScalar += w.scalarCount
            rule = "第<数><量词>"
        case .fraction:
            kind = .number
            rule = "<数>分之<数>"
            end = m.span.utf8End
            endScalar = m.span.end
        case .number:
            guard let index = tables.afterNumber.longestIndex(in: reader, at: end) else {
                return false
            }
            let word = tables.afterNumber.words[index]
            let info = tables.afterNumberInfo[index]
            var u = (word: word, cls: info.cls, unit: info.unit)
            // 块 is money at the end of a clause or before 毛/角 (十块三毛, 几十万块), a count before a noun (两块地).
            if word.bytes == Self.kuai {
                let after = reader.decode(at: end + word.bytes.count)
                let next2 = reader.decode(at: end + word.bytes.count + after.length).value
                if !isIdeograph(after.value) || next2 == 0x6BDB || next2 == 0x89D2 {  // 毛 角
                    u = (word: word, cls: .money("CNY"), unit: "CNY")
                }
            }
            // 1美元兑7.1217元: the base of an exchange rate.
            if reader.matches(scalar: "兑", at: end + u.word.bytes.count) { return false }
            switch u.cls {
            case .count:
                kind = .count
                rule = "<数><量词>"
                if u.word.bytes == Self.ji && !isTierCount(m) {
                    kind = .ordinal
                    rule = "<数>级"
                } else if u.word.bytes == Self.jie || u.word.bytes == Self.qi {
                    kind = isEditionCount(m) ? .count : .ordinal
                    rule = "<数>届"
                }
            case .money(let code):
                kind = .money
                rule = "<数><货币>"
                unit = code
            case .measure:
                kind = .measure
                rule = "<数><单位>"
            case .duration:
                kind = .duration
                rule = "<数><时长>"
                // 2024年 is a year (handled above); 50年 is a duration.
            case .percentPoints:
                kind = .percent
                rule = "<数>个百分点"
            case .ordinal:
                kind = .ordinal
                rule = "<数>周年"
            }
            if unit == nil { unit = u.unit }
            end += u.word.bytes.count
            endScalar += u.word.scalarCount
            // 元/人, 元/吨: a per-unit amount keeps its base in the text.
            if case .money = u.cls {
                let slash = reader.decode(at: end)
                if slash.value == 0x2F || slash.value == 0xFF0F {
                    let after = reader.decode(at: end + slash.length)
                    if isIdeograph(after.value) {
                        end += slash.length + after.length
                        endScalar += 2
                    }
                }
            }
        }
        // 元 and its tenths and hundredths: 123元1角1分, 壹佰壹拾万贰仟陆佰壹拾肆元陆角.
        if kind == .money, unit == "CNY", q.qualifier == .exact {
            // Tenths (角 or 毛), then hundredths (分), each a digit and its mark.
            for exponent in [-1, -2] {
                let (d, dl) = reader.decode(at: end)
                let digit: Int?
                if d >= 0x30 && d <= 0x39 {
                    digit = Int(d - 0x30)
                } else if d >= 0x80, let sc = Unicode.Scalar(d), let v = NumeralLexicon.digits[sc] {
                    digit = v
                } else {
                    digit = nil
                }
                guard let digit, dl > 0 else { continue }
                let marked =
                    exponent == -1
                    ? reader.matches(scalar: "角", at: end + dl) || reader.matches(scalar: "毛", at: end + dl)
                    : reader.matches(scalar: "分", at: end + dl)
                guard marked, let v = q.value.adding(ExactDecimal(significand: Int128(digit), exponent: exponent)) else { continue }
                q.value = v
                end += dl + 3
                endScalar += 2
            }
        }
        // Hedges after the unit: 35岁及以下, 3.5万亩左右, 50万元以上.
        if q.kind == .number || q.kind == .ordinal {
            if m.span.utf8End > ns.utf8End, m.span.utf8End <= end {
                // a hedge right after the numeral that the unit search passed over: keep the scanner's
            } else if let (hq, hb, hs) = NumeralScanner.suffixHedge(in: reader, at: end) {
                if q.qualifier == .exact { q.qualifier = hq }
                end += hb
                endScalar += hs
            }
        }
        let (subject, attribute) = subjectAndAttribute(numeralStart: startByte, unitEnd: end, kind: kind)
        facts.append(
            Fact(
                kind: kind, text: string(startByte, end), start: startScalar, end: endScalar,
                value: .number(q.value), unit: unit, qualifier: q.qualifier == .exact ? nil : q.qualifier,
                upper: q.qualifier == .range ? q.upper : nil, subject: subject, attribute: attribute,
                change: change(before: startByte), rule: rule, utf8Start: startByte, utf8End: end))
        return true
    }

    // MARK: Roman-numeral grades

    /// Grades written in Roman numerals before 类 or 级: `Ⅳ类` → ordinal 4, `Ⅰ~Ⅲ类` → 1…3,
    /// `劣Ⅴ类` → 5, over (worse than Ⅴ).
    func romanGrades(_ facts: inout [Fact]) {
        func roman(at i: Int) -> Int? {
            let (v, l) = reader.decode(at: i)
            guard l == 3, v >= 0x2160, v <= 0x216B else { return nil }
            return Int(v - 0x2160) + 1
        }
        let bytes = reader.bytes
        let n = reader.count
        guard let base = bytes.baseAddress else { return }
        // Scalar offsets are counted only for the grades found, onwards from the last count:
        // most documents hold none.
        var counted = 0
        var countedScalars = 0
        func scalarOffset(_ b: Int) -> Int {
            if b > counted {
                countedScalars += ScalarOffsets.count(in: bytes, from: counted, to: b)
                counted = b
            }
            return countedScalars
        }
        var i = 0
        while i + 2 < n {
            // Roman numerals Ⅰ…Ⅻ are E2 85 A0…AB: from one E2 byte to the next with memchr (E2
            // only ever leads a character).
            guard let p = memchr(base + i, 0xE2, n - i) else { break }
            i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            guard let low = roman(at: i), i < 3 || roman(at: i - 3) == nil else {
                i += 1
                continue
            }
            var end = i + 3
            var upper: Int? = nil
            let c = reader.decode(at: end)
            if [0x7E, 0xFF5E, 0x2D, 0x2014, 0x81F3].contains(c.value), let hi = roman(at: end + c.length), hi > low {
                upper = hi
                end += c.length + 3
            }
            guard let unit = ["类", "级"].first(where: { reader.matches($0, at: end) }) else {
                i = end
                continue
            }
            var start = i
            var qualifier: Qualifier? = upper == nil ? nil : .range
            if reader.matches(scalar: "劣", endingAt: i) {
                start -= 3
                qualifier = .over
            }
            end += 3
            var f = Fact(
                kind: .ordinal, text: string(start, end), start: scalarOffset(start), end: scalarOffset(end),
                value: .number(ExactDecimal(low)), unit: unit, qualifier: qualifier,
                upper: upper.map { ExactDecimal($0) }, rule: "<罗马数字>类", utf8Start: start, utf8End: end)
            f.subject = forwardSubject(from: end) ?? subjectAndAttribute(numeralStart: start, unitEnd: end, kind: .number).0
            facts.append(f)
            i = end
        }
    }

    // MARK: Dates and meetings to leave alone

    func isDateNumber(_ m: NumeralMatch, next: (value: UInt32, length: Int)) -> Bool {
        let ns = m.numeralSpan
        guard m.quantity.kind == .number, m.quantity.value.isInteger else { return false }
        let v = m.quantity.value
        if next.value == 0x5E74 {  // 年
            if m.isDigitString { return true }
            if m.isArabic, ns.utf8End - ns.utf8Start == 4, v >= ExactDecimal(1900), v <= ExactDecimal(2100) { return true }
            // 2013—2017年: the first year of a span.
            if m.quantity.qualifier == .range, let u = m.quantity.upper, u >= ExactDecimal(1900), u <= ExactDecimal(2100) {
                return true
            }
        }
        if m.isArabic, ns.utf8End - ns.utf8Start == 4, v >= ExactDecimal(1900), v <= ExactDecimal(2100) {
            // 2024第三届, 2024—2025: a bare year.
            let n = reader.decode(at: ns.utf8End).value
            if n == 0x7B2C || n == 0x2014 || n == 0x2D || n == 0x81F3 { return true }
        }
        if m.quantity.qualifier == .range, let u = m.quantity.upper, m.isArabic, u >= ExactDecimal(1900),
            u <= ExactDecimal(2100), v >= ExactDecimal(1900)
        {
            return true
        }
        // 12月, 12月份 (not 2个月), 28日 after a month, 上半年.
        if next.value == 0x6708, v >= ExactDecimal(1), v <= ExactDecimal(12) { return true }  // 月
        if next.value == 0x65E5 || next.value == 0x53F7 {  // 日 号
            let before = reader.decode(before: m.span.utf8Start).value
            if before == 0x6708 { return true }
        }
        return false
    }

    func isMeetingNumber(_ m: NumeralMatch) -> Bool {
        let end = m.numeralSpan.utf8End
        // Every case below begins with 大, 届, 中 or 次.
        switch reader.decode(at: end).value {
        case 0x5927, 0x5C4A, 0x4E2D, 0x6B21: break
        default: return false
        }
        if reader.matches(scalar: "大", at: end) {
            // 二十大, 党的十八大 (but not 五大 in “五大”平台: no 党 or 届 around, handled as no fact).
            return true
        }
        if reader.matches(scalar: "届", at: end) {
            // 二十届三中全会, 十四届全国人大: a congress, not an edition count.
            let after = end + 3
            if let e = NumeralScanner().matches(in: UnsafeBufferPointer(rebasing: reader.bytes[after..<min(reader.count, after + 30)])).first,
                e.numeralSpan.utf8Start == 0,
                // 二十届三中全会, 二十届二中、三中全会, 十四届二次会议.
                reader.matches(scalar: "中", at: after + e.numeralSpan.utf8End)
                    || reader.matches(scalar: "次", at: after + e.numeralSpan.utf8End)
            {
                return true
            }
            for w in ["全国人大", "全国人民代表大会", "全国政协", "人大", "中央委员会", "中央"] where reader.matches(w, at: after) {
                return true
            }
        }
        if reader.matches("中全会", at: end) { return true }
        if reader.matches("次会议", at: end) || reader.matches("次全体会议", at: end) {
            let before = string(max(0, m.span.utf8Start - 30), m.span.utf8Start)
            if before.contains("届") { return true }
        }
        return false
    }

    /// 乡村两级, 区、乡、村三级: tiers counted, not a grade.
    func isTierCount(_ m: NumeralMatch) -> Bool {
        if m.quantity.value == ExactDecimal(2), reader.matches(scalar: "两", at: m.numeralSpan.utf8Start) {
            return true
        }
        // A list of places right before: 区、乡、村三级.
        let before = reader.decode(before: m.span.utf8Start)
        let before2 = reader.decode(before: m.span.utf8Start - before.length)
        if before2.value == 0x3001 { return true }
        return false
    }

    /// 连续举办十一届: editions counted.
    func isEditionCount(_ m: NumeralMatch) -> Bool {
        for w in ["连续举办", "举办", "连续", "共", "累计", "已"] where reader.matches(w, endingAt: m.span.utf8Start) {
            return true
        }
        return false
    }

    // MARK: Change

    func change(before i: Int) -> Change? {
        // Look back within the clause, at most 10 scalars.
        var j = i
        var steps = 0
        while j > 0 && steps < 10 {
            let p = reader.decode(before: j)
            // The word list is read only where a change word may end. One that a noun or 的
            // follows names no change: 增加值 (value added), 自然增长率, 上涨的城市.
            if tables.changeWords.mayEnd(p.value), let k = tables.changeWords.longestIndex(in: reader, endingAt: j),
                !Self.makesNoChange(reader.decode(at: j).value)
            {
                return tables.changes[k]
            }
            // A footnote marker between: 比上年增长[41]3.1%. (The scalar before is decoded already.)
            if p.value == 0x5D || p.value == 0xFF3D, let open = footnoteOpening(endingAt: j) {
                j = open
                continue
            }
            if isClauseBoundary(p.value) || p.length == 0 { break }
            // Stop at another number: the change word belongs to it.
            if NumeralLexicon.isDigit(p.value) { break }
            j -= p.length
            steps += 1
        }
        return nil
    }

    /// Whether a change word right before the scalar `v` is part of a noun or a modifier,
    /// not a change: 值 (增加值), 率 (增长率), 的 (上涨的城市).
    static func makesNoChange(_ v: UInt32) -> Bool {
        v == 0x503C || v == 0x7387 || v == 0x7684
    }

    /// Where a footnote marker `[41]` (ASCII or full-width brackets, one to four digits) that
    /// ends at byte `j` starts; nil when none does. The byte before `j` is tested inline first
    /// (] or the last byte of ］): most positions end in neither.
    @inline(__always)
    func footnoteStart(endingAt j: Int) -> Int? {
        guard j > 0, j <= reader.count, reader.bytes[j - 1] == 0x5D || reader.bytes[j - 1] == 0xBD else { return nil }
        return footnoteOpening(endingAt: j)
    }

    /// `footnoteStart` once the byte before `j` may close a marker.
    func footnoteOpening(endingAt j: Int) -> Int? {
        let close = reader.decode(before: j)
        guard close.value == 0x5D || close.value == 0xFF3D else { return nil }
        var k = j - close.length
        var digits = 0
        while k > 0, digits <= 4 {
            let d = reader.decode(before: k)
            if d.value >= 0x30 && d.value <= 0x39 {
                digits += 1
                k -= 1
                continue
            }
            guard digits >= 1, digits <= 4, d.value == 0x5B || d.value == 0xFF3B else { return nil }
            return k - d.length
        }
        return nil
    }
}
