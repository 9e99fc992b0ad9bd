/// A numeral expression found by `NumeralScanner`.
///
/// In `提供授信4000余万元`, the match is `4000余万` (scalars 4..<10), a number of
/// 40000000 with qualifier `.over`; a measure word or unit may begin at `span.end`.
public struct NumeralMatch: Sendable, Hashable {
    /// The expression with its markers (第, 百分之, %, 余) and any hedge words
    /// right around it (超, 约, 左右): Unicode-scalar and UTF-8 offsets, ends exclusive.
    public var span: TextSpan
    /// The expression without the hedge words before and after it.
    public var numeralSpan: TextSpan
    /// The value with its qualifier.
    public var quantity: Quantity
    /// Whether the numeral is written in digits only (`2024`, `１２．５`, `1,200`).
    public var isArabic: Bool
    /// Whether it was read digit by digit (`二〇二四`), as years are written.
    public var isDigitString: Bool
    /// The power of ten of the large units that end it: 4 for `2.3万`, 8 for `亿`, 0 for none.
    public var trailingScale: Int
}

/// Finds every numeral expression in UTF-8 text, in one pass over the bytes.
///
/// `NumeralScanner().matches(in: "新成立非公企业党组织11个、工会4个")` finds `11`
/// (scalars 10..<12) and `4` (15..<16). Words that only look like numerals
/// (一些 统一 举一反三 第一时间 零容忍, see `NumeralLexicon.notNumbers`) are skipped.
///
/// - Complexity: O(n) in the length of the text; no regular expressions.
public struct NumeralScanner: Sendable {
    /// Whether the shapes that need no grammar are read without it (off only to test that both ways agree).
    let fastPaths: Bool

    /// Creates a scanner.
    public init() { fastPaths = true }

    /// A scanner that reads every candidate through the full grammar: what the fast paths must equal.
    init(fastPaths: Bool) { self.fastPaths = fastPaths }

    /// Every numeral expression in `text`, in order.
    public func matches(in text: String) -> [NumeralMatch] {
        var copy = text
        return copy.withUTF8 { matches(in: $0) }
    }

    /// Every numeral expression in the UTF-8 bytes of a `Span`, in order.
    public func matches(in span: Span<UInt8>) -> [NumeralMatch] {
        span.withUnsafeBufferPointer { matches(in: $0) }
    }

    /// Every numeral expression in UTF-8 bytes, in order. Invalid bytes are
    /// read as U+FFFD, one scalar each.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [NumeralMatch] {
        var out: [NumeralMatch] = []
        forEachMatch(in: bytes) { out.append($0) }
        return out
    }

    /// Calls `body` with each numeral expression in UTF-8 bytes, in order.
    public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (NumeralMatch) -> Void) {
        let table = ScannerTables.shared
        table.skipSet.pairStops.withUnsafeBufferPointer { stops in
            table.triggerSet.bits.withUnsafeBufferPointer { triggers in
                scan(bytes, stops: stops, triggers: triggers, table: table, body)
            }
        }
    }

    /// `forEachMatch`, with the skip filter's table (`PairSkipFilter.stops` of the triggers and
    /// digits) and the triggers' bitmap borrowed.
    @inline(__always)
    func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, stops: UnsafeBufferPointer<UInt8>, triggers: UnsafeBufferPointer<UInt64>,
        table: ScannerTables, _ body: (NumeralMatch) -> Void
    ) {
        precondition(stops.count == PairSkipFilter.tableSize)
        guard let base = bytes.baseAddress else { return }
        let reader = UTF8Reader(bytes)
        let parser = NumeralParser(reader)
        let n = bytes.count
        var i = 0
        var scalar = 0
        while i < n {
            // Three-byte characters that start no numeral, two a step.
            i = PairSkipFilter.skipPairs(stops, in: base, from: i, count: n, scalars: &scalar)
            guard i < n else { break }
            // What stopped the skip, classified once.
            let b = base[i]
            var len = 1
            var cp = UInt32(b)
            if b < 0x80 {
                guard b >= 0x30 && b <= 0x39 else {
                    // Other ASCII (line ends, punctuation, Latin letters): no numeral starts in it.
                    i &+= 1
                    scalar &+= 1
                    while i < n, base[i] < 0x80, base[i] < 0x30 || base[i] > 0x39 {
                        i &+= 1
                        scalar &+= 1
                    }
                    continue
                }
            } else if b >= 0xE0 && b < 0xF0, i + 2 < n, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 {
                len = 3
                cp = UInt32(b & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                // The skip filter reads only the last two bytes: 帀 stops it as 一 does.
                guard triggers[Int(cp) >> 6] & (1 << UInt64(cp & 63)) != 0 else {
                    i &+= 3
                    scalar &+= 1
                    continue
                }
            } else {
                // Two- and four-byte characters, invalid bytes: none starts a numeral.
                i += reader.decode(at: i).length
                scalar += 1
                continue
            }
            // A word that only looks like a numeral (统一, 第一时间): skip it. No such word holds ASCII.
            if b >= 0x80 || table.notNumberHasASCII, let skip = table.notNumberEnd(reader: reader, at: i, scalar: cp, length: len) {
                scalar += countScalars(bytes, from: i, to: skip)
                i = skip
                continue
            }
            // A character that starts nothing here (零售, 负担, 万元 without a number before it).
            if fastPaths, len == 3, Self.startsNothing(bytes, at: i, table: table) {
                i += 3
                scalar += 1
                continue
            }
            // The common shapes (2024年, 11个, 三个, 第5次) need no grammar, nor the checks below.
            if fastPaths, let (end, endScalar) = Self.reportSimpleNumeral(bytes, at: i, scalar: scalar, table: table, body) {
                i = end
                scalar = endScalar
                continue
            }
            var start = i
            var startScalar = scalar
            // A minus sign right before Arabic digits: -0.99‰ (not 1万-5万).
            if b < 0x80, i > 0 {
                let prev = reader.decode(before: i)
                if prev.value == 0x2D || prev.value == 0xFF0D {
                    let before = reader.decode(before: i - prev.length)
                    if Self.minusMayFollow(before.value) {
                        start = i - prev.length
                        startScalar = scalar - 1
                    }
                }
            }
            guard let e = parser.expression(at: start), e.end > i else {
                // Not a numeral here: skip the character, or the whole digit run.
                var j = i + Swift.min(len, n - i)
                if b < 0x80 {
                    while j < n, NumeralLexicon.isDigit(reader.decode(at: j).value) { j += reader.decode(at: j).length }
                }
                scalar += countScalars(bytes, from: i, to: j)
                i = j
                continue
            }
            // A lone 零 is no number (零容忍, 零距离) unless a 个 counts it: 零个.
            if e.core.isLoneZero, !(Self.isGe(reader.decode(at: e.end).value)) {
                i += len
                scalar += 1
                continue
            }
            // 九九 (a brand, 九九重阳): two Chinese digits read digit by digit are no number; 二〇二四 is.
            if e.core.isDigitString, !e.core.isArabic, e.end - start == 6,
                reader.decode(at: start + 3).value != 0x96F6, reader.decode(at: start + 3).value != 0x3007  // 零 〇
            {
                i = e.end
                scalar += 2
                continue
            }
            // 五十千: a bare 千 or 百 right after another numeral is no number of its own.
            if e.end == start + 3, reader.decode(at: start).value == 0x5343 || reader.decode(at: start).value == 0x767E,  // 千 百
                e.quantity.kind == .number, table.triggerSet.contains(reader.decode(before: start).value)
            {
                i = e.end
                scalar += 1
                continue
            }
            // 伍 in 队伍, 拾 in 收拾: a financial digit alone is a number only before 元 or 圆.
            if e.end == i + len, len == 3, b >= 0x80, table.loneFinancial.contains(reader.decode(at: i).value) {
                let next = reader.decode(at: e.end).value
                if next != 0x5143 && next != 0x5706 {  // 元 圆
                    i += len
                    scalar += 1
                    continue
                }
            }
            let endScalar = scalar + countScalars(bytes, from: i, to: e.end)
            scalar = Self.reportWithHedges(
                e.quantity, start: start, startScalar: startScalar, end: e.end, endScalar: endScalar,
                isArabic: e.core.isArabic && e.quantity.kind != .ordinal, isDigitString: e.core.isDigitString,
                trailingScale: e.core.trailingScale, next: reader.decode(at: e.end).value, reader: reader, table: table, body)
            i = e.end
        }
    }

    /// Takes in the hedge words right before and after a numeral (约, 左右), calls `body` with the
    /// match, and returns the scalar offset where the numeral ends. `next` is the scalar at `end`.
    @inline(__always)
    static func reportWithHedges(
        _ quantity: Quantity, start: Int, startScalar: Int, end: Int, endScalar: Int, isArabic: Bool, isDigitString: Bool,
        trailingScale: Int, next: UInt32, reader: UTF8Reader, table: ScannerTables, _ body: (NumeralMatch) -> Void
    ) -> Int {
        var quantity = quantity
        var spanStart = start
        var spanStartScalar = startScalar
        if let (q, hb, hs) = table.prefixHedge(in: reader, endingAt: start) {
            if quantity.qualifier == .exact || (q != .about && quantity.qualifier == .over) {
                quantity.qualifier = q
            }
            spanStart = start - hb
            spanStartScalar = startScalar - hs
        }
        var spanEnd = end
        var spanEndScalar = endScalar
        if let (q, hb, hs) = table.suffixHedge(in: reader, at: end, first: next) {
            if quantity.qualifier == .exact { quantity.qualifier = q }
            spanEnd += hb
            spanEndScalar += hs
        }
        body(
            NumeralMatch(
                span: TextSpan(start: spanStartScalar, end: spanEndScalar, utf8Start: spanStart, utf8End: spanEnd),
                numeralSpan: TextSpan(start: startScalar, end: endScalar, utf8Start: start, utf8End: end),
                quantity: quantity, isArabic: isArabic, isDigitString: isDigitString, trailingScale: trailingScale))
        return endScalar
    }

    /// Reads the numeral at `start` when it is one of the shapes that need no grammar and calls
    /// `body` with it, returning where it ends (byte and scalar offsets); nil for any other shape:
    /// Arabic digits with an optional decimal part, then either one large unit (万 萬 亿 億, or
    /// 万亿 萬億) or a percent sign (`2024年`, `11个`, `12.5%`, `1000万`, `1.1万亿`); one
    /// Chinese digit (`三个`); or 十 with a plain digit (一 to 九) before it, after it, or both
    /// (`十项`, `十四届`, `二十大`, `二十三个`); in each case followed by a character that cannot continue a
    /// numeral expression (`ScannerTables.continuation`: no unit, point, separator, percent
    /// sign, range connector). 第 before one of those shapes without a percent sign is an
    /// ordinal (`第5次`, `第三届`). The full grammar reads these shapes the same way; a test holds both to it.
    @inline(never)
    static func reportSimpleNumeral(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, scalar: Int, table: ScannerTables, _ body: (NumeralMatch) -> Void
    ) -> (end: Int, scalar: Int)? {
        let reader = UTF8Reader(bytes)
        let n = bytes.count
        var i = start
        var isOrdinal = false
        if bytes[i] == 0xE7, i + 3 < n, bytes[i + 1] == 0xAC, bytes[i + 2] == 0xAC {  // 第
            i += 3
            isOrdinal = true
        }
        let b = bytes[i]
        var j = i
        var significand = 0
        var exponent = 0
        var isArabic = false
        var scale = 0
        var percentSign: UInt8 = 0  // as in Quantity: 1 %, 2 ‰
        var scalars = 1
        // The scalar at j once the numeral is read: what must end it.
        var v: UInt32
        var length: Int
        if b >= 0x30 && b <= 0x39 {
            // A minus sign before the digits (- or －, EF BC 8D) is the general path's to judge.
            if i > 0 {
                let p = bytes[i - 1]
                if p == 0x2D || (p == 0x8D && i >= 3 && bytes[i - 2] == 0xBC && bytes[i - 3] == 0xEF) { return nil }
            }
            while j < n, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                significand = significand &* 10 &+ Int(bytes[j] &- 0x30)
                j += 1
            }
            if j + 1 < n, bytes[j] == 0x2E, bytes[j + 1] >= 0x30, bytes[j + 1] <= 0x39 {
                j += 1
                while j < n, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                    significand = significand &* 10 &+ Int(bytes[j] &- 0x30)
                    exponent -= 1
                    j += 1
                }
            }
            // At most 18 digits, which an Int holds.
            guard j - i - (exponent == 0 ? 0 : 1) <= 18 else { return nil }
            isArabic = true
            // Arabic digits and the point are a byte each.
            scalars = j - i
            // One large unit (part of the numeral) or one percent sign (after it).
            (v, length) = reader.decode(at: j)
            switch v {
            case 0x4E07, 0x842C: scale = 4  // 万 萬
            case 0x4EBF, 0x5104: scale = 8  // 亿 億
            case 0x25, 0xFF05: percentSign = 1  // % ％
            case 0x2030: percentSign = 2  // ‰
            default: break
            }
            if scale != 0 || percentSign != 0 {
                j += length
                scalars += 1
                (v, length) = reader.decode(at: j)
                // 万亿 (萬億): 10^12.
                if scale == 4, v == 0x4EBF || v == 0x5104 {
                    scale = 12
                    j += length
                    scalars += 1
                    (v, length) = reader.decode(at: j)
                }
            }
        } else {
            let (cp, cpLength) = reader.decode(at: i)
            guard cpLength == 3 else { return nil }
            j = i + 3
            (v, length) = reader.decode(at: j)
            if cp == 0x5341 {
                // 十 and 十三: ten and one plain digit after it.
                significand = 10
                if let d = plainDigit(v) {
                    significand += d
                    j += 3
                    scalars += 1
                    (v, length) = reader.decode(at: j)
                }
            } else {
                let entry = NumeralParser.itemTable[Int(cp)]
                // One digit other than 零 and the financial digits, which have rules of their own.
                guard entry >> 8 == 1, entry & 0xFF != 0, !table.loneFinancial.contains(cp) else { return nil }
                significand = Int(entry & 0xFF)
                // 二十 and 二十三: a plain digit, 十, and a plain digit after it.
                if v == 0x5341, let tens = plainDigit(cp) {
                    significand = tens * 10
                    j += 3
                    scalars += 1
                    (v, length) = reader.decode(at: j)
                    if let d = plainDigit(v) {
                        significand += d
                        j += 3
                        scalars += 1
                        (v, length) = reader.decode(at: j)
                    }
                }
            }
        }
        // What follows must end the expression.
        if table.continuation.contains(v) {
            // A comma ends it unless a digit follows (a thousands group or a list the grammar reads).
            guard v == 0x2C || v == 0xFF0C, j + length < n, !NumeralLexicon.isDigit(reader.decode(at: j + length).value)
            else { return nil }
        }
        if isOrdinal {
            // 第 makes an ordinal of a number without a percent sign.
            guard percentSign == 0 else { return nil }
            scalars += 1
        }
        let quantity = Quantity(
            kind: isOrdinal ? .ordinal : percentSign == 0 ? .number : .percent,
            value: ExactDecimal(smallSignificand: significand, exponent: exponent + scale), percentSign: percentSign)
        let endScalar = Self.reportWithHedges(
            quantity, start: start, startScalar: scalar, end: j, endScalar: scalar + scalars,
            isArabic: isArabic && scale == 0 && !isOrdinal, isDigitString: false, trailingScale: scale, next: v,
            reader: reader, table: table, body)
        return (j, endScalar)
    }

    /// The value of 一 to 九 (not 两, 〇, the financial or traditional digits), else nil:
    /// the digits that `reportSimpleNumeral` reads around 十.
    @inline(__always)
    static func plainDigit(_ v: UInt32) -> Int? {
        switch v {
        case 0x4E00: 1  // 一
        case 0x4E8C: 2  // 二
        case 0x4E09: 3  // 三
        case 0x56DB: 4  // 四
        case 0x4E94: 5  // 五
        case 0x516D: 6  // 六
        case 0x4E03: 7  // 七
        case 0x516B: 8  // 八
        case 0x4E5D: 9  // 九
        default: nil
        }
    }

    /// Whether the three-byte character at `i` is one that the grammar reads as no numeral
    /// when what follows cannot continue one (`ScannerTables.continuation`): a lone 零 〇 ○
    /// not counted by 个 (零售, 零距离), 负 負 before no number (负担, 负面), and 万 萬 亿 億
    /// with no number before them (万元, 万众). A test holds the grammar to it.
    @inline(__always)
    static func startsNothing(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, table: ScannerTables) -> Bool {
        let reader = UTF8Reader(bytes)
        let c = reader.decode(at: i).value
        switch c {
        case 0x96F6, 0x3007, 0x25CB:  // 零 〇 ○
            let next = reader.decode(at: i + 3).value
            return !table.continuation.contains(next) && !isGe(next)
        case 0x8D1F, 0x8CA0, 0x4E07, 0x842C, 0x4EBF, 0x5104:  // 负 負 万 萬 亿 億
            return !table.continuation.contains(reader.decode(at: i + 3).value)
        default:
            return false
        }
    }

    /// Whether `v` is 个 or 個, the measure words that make a lone 零 a number (零个).
    @inline(__always) static func isGe(_ v: UInt32) -> Bool { v == 0x4E2A || v == 0x500B }

    /// Whether a minus sign after the scalar `v` can negate the number that follows it:
    /// after the start, a space, punctuation or 为/是/达, not after a number or a unit
    /// (`1万元-5万元` and `1万(含)-5万` are ranges).
    static func minusMayFollow(_ v: UInt32) -> Bool {
        switch v {
        case 0, 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xFF0C, 0x2C, 0xFF1A, 0x3A, 0xFF08, 0x28, 0xFF1B, 0x3B, 0x3001, 0x3002,
            0x3D, 0xFF1D, 0x4E3A, 0x662F, 0x8FBE, 0x201C, 0x300C, 0x5230, 0x81F3:  // 为 是 达 “ 「 到 至
            return true
        default:
            return false
        }
    }

    /// A hedge word (左右, 以上, 及以下 …) that starts at byte offset `i`, with its
    /// length in bytes and scalars: in `35岁及以下`, the hedge after `岁` is `.atMost`.
    public static func suffixHedge(in reader: UTF8Reader, at i: Int) -> (qualifier: Qualifier, bytes: Int, scalars: Int)? {
        NumeralParser(reader).suffixHedge(at: i)
    }

    @inline(__always)
    func countScalars(_ bytes: UnsafeBufferPointer<UInt8>, from a: Int, to b: Int) -> Int {
        var c = 0
        var k = a
        while k < b {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return c
    }
}

/// Lookup tables built once from `NumeralLexicon`.
final class ScannerTables: Sendable {
    static let shared = ScannerTables()

    /// The scalars a numeral expression may start with.
    let triggerSet: ScalarSet
    /// `triggerSet` and the ASCII digits: where the scan stops.
    let skipSet: ScalarSet
    /// The scalars that may continue a numeral expression after its digits: units, points,
    /// digits, separators, percent signs, 分 (三分之一), 半 (一半), the first scalar of each range connector.
    let continuation: ScalarSet
    /// `NumeralLexicon.loneFinancialDigits`.
    let loneFinancial: ScalarSet
    /// The scalars of the not-a-number words: a character outside them needs no lookup.
    let notNumberScalars: ScalarSet
    /// Whether a not-a-number word holds an ASCII character (none does: ASCII digits need no lookup).
    let notNumberHasASCII: Bool
    /// The hedge words before a numeral (超过, 约) and after it (左右, 以上), each with the
    /// qualifier of each word, in the order of `words`.
    let prefixHedges: WordSet, prefixHedgeQualifiers: [Qualifier]
    /// `NumeralLexicon.hedgeLookalikes`: a hedge found is dropped where one of these ends with it.
    let hedgeLookalikes: WordSet
    /// 1 for each byte that ends a prefix hedge word: a byte test before decoding the scalar before a numeral.
    let prefixHedgeFinalBytes: [UInt8]
    let suffixHedges: WordSet, suffixHedgeQualifiers: [Qualifier]

    init() {
        let starts = Array(NumeralLexicon.digits.keys) + Array(NumeralLexicon.smallUnits.keys) + Array(NumeralLexicon.tens.keys)
            + (0xFF10...0xFF19).compactMap { Unicode.Scalar(UInt32($0)) }
        let triggers = starts.map { String($0) } + ["第倒负負几幾万萬半"]
        triggerSet = ScalarSet(triggers, skipping: false)
        skipSet = ScalarSet(triggers + ["0123456789"])
        var follow: [String] = ["0123456789.,%-~，．％‰分半", "０１２３４５６７８９"]
        for cp in 0..<65536 where NumeralParser.itemTable[cp] != 0 {
            if let s = Unicode.Scalar(UInt32(cp)) { follow.append(String(s)) }
        }
        for c in NumeralLexicon.rangeConnectors { follow.append(String(c.unicodeScalars.first!)) }
        continuation = ScalarSet(follow, skipping: false)
        loneFinancial = ScalarSet(NumeralLexicon.loneFinancialDigits.map { String($0) }, skipping: false)
        notNumberScalars = ScalarSet(NumeralLexicon.notNumbers.map(\.word), skipping: false)
        notNumberHasASCII = NumeralLexicon.notNumbers.contains { $0.word.unicodeScalars.contains { $0.isASCII } }
        // A word in both lists takes the qualifier it has in the first.
        var qualifiers: [String: Qualifier] = [:]
        for (w, q) in NumeralLexicon.prefixHedges + NumeralLexicon.suffixHedges where qualifiers[w] == nil { qualifiers[w] = q }
        prefixHedges = WordSet(NumeralLexicon.prefixHedges.map(\.0))
        hedgeLookalikes = WordSet(NumeralLexicon.hedgeLookalikes)
        prefixHedgeQualifiers = prefixHedges.words.map { qualifiers[$0.text]! }
        var finalBytes = [UInt8](repeating: 0, count: 256)
        for w in prefixHedges.words { finalBytes[Int(w.bytes.last!)] = 1 }
        prefixHedgeFinalBytes = finalBytes
        suffixHedges = WordSet(NumeralLexicon.suffixHedges.map(\.0))
        suffixHedgeQualifiers = suffixHedges.words.map { qualifiers[$0.text]! }
        // The lookups test a hedge word's first or last scalar in the BMP bitmaps alone.
        precondition(!prefixHedges.hasWide && !suffixHedges.hasWide)
        // Each word is filed under the pair that its scalar at each offset forms with the next
        // scalar (or, for its last scalar, with the one before), so that a lookup reads only the
        // few words that share a neighbour pair with the text. A word of one scalar has no pair:
        // it is filed apart and checked wherever its scalar stands.
        var lists: [Int: [NotNumberEntry]] = [:]
        var singles: [NotNumberEntry] = []
        var store: [UInt8] = []
        var exceptions: [NotNumberEntry] = []
        func place(_ text: String) -> (Int32, Int32) {
            let start = Int32(store.count)
            store += Array(text.utf8)
            return (start, Int32(text.utf8.count))
        }
        for (word, unless) in NumeralLexicon.notNumbers {
            let (start, length) = place(word)
            let unlessStart = Int32(exceptions.count)
            for u in unless {
                let (us, ul) = place(u)
                exceptions.append(NotNumberEntry(start: us, length: ul, offset: 0, unlessStart: 0, unlessEnd: 0))
            }
            let sc = Array(word.unicodeScalars)
            func entry(_ offset: Int) -> NotNumberEntry {
                NotNumberEntry(
                    start: start, length: length, offset: Int32(offset), unlessStart: unlessStart, unlessEnd: Int32(exceptions.count))
            }
            if sc.count == 1 { singles.append(entry(0)) }
            var offset = 0
            for k in sc.indices where sc.count > 1 {
                let h = k + 1 < sc.count
                    ? Self.pairHash(sc[k].value, sc[k + 1].value, after: true) : Self.pairHash(sc[k - 1].value, sc[k].value, after: false)
                lists[h, default: []].append(entry(offset))
                offset += sc[k].utf8.count
            }
        }
        var entries = singles
        var pairSlots = [UInt32](repeating: 0, count: 65536)
        for (h, list) in lists.sorted(by: { $0.key < $1.key }) {
            pairSlots[h] = UInt32(entries.count) | UInt32(entries.count + list.count) << 16
            entries += list
        }
        precondition(entries.count < 65536)
        notNumberEntries = entries
        notNumberExceptions = exceptions
        notNumberBytes = store
        self.pairSlots = pairSlots
        singleScalarWords = singles.count
    }

    /// A 16-bit hash of two neighbouring scalars (which of them is the numeral character is `after`).
    @inline(__always) static func pairHash(_ a: UInt32, _ b: UInt32, after: Bool) -> Int {
        var h = (a &* 0x9E37_79B1) ^ (b &* 0x85EB_CA77) ^ (after ? 0x5BD1_E995 : 0)
        h ^= h >> 15
        return Int(h & 0xFFFF)
    }

    /// Not-a-number words: those of one scalar first (`singleScalarWords` of them), then those filed
    /// under each neighbour pair (`pairHash`), a list after another.
    let notNumberEntries: [NotNumberEntry]
    /// Where each pair's list lies in `notNumberEntries`: its start in the low 16 bits, its end
    /// in the high 16; 0 is no list.
    let pairSlots: [UInt32]
    /// The number of not-a-number words of a single scalar, checked whatever their neighbours.
    let singleScalarWords: Int
    /// The exceptions of the words (十分钟 for 十分), where `NotNumberEntry.unlessStart` says.
    let notNumberExceptions: [NotNumberEntry]
    /// The UTF-8 bytes of every word and exception, one after another.
    let notNumberBytes: [UInt8]

    /// The hedge word that ends right before byte `i` (超过, 约, 近 …): its qualifier, and its
    /// length in bytes and scalars. Most positions are rejected by the byte before `i`
    /// (`prefixHedgeFinalBytes`), most others by the bitmap of the words' last scalars, without a call.
    @inline(__always)
    func prefixHedge(in reader: UTF8Reader, endingAt i: Int) -> (Qualifier, bytes: Int, scalars: Int)? {
        guard i > 0, prefixHedgeFinalBytes[Int(reader.bytes[i - 1])] != 0, prefixHedges.last.contains(reader.decode(before: i).value),
            let k = prefixHedges.longestIndex(in: reader, endingAt: i)
        else { return nil }
        // 签约3543亿元: the 约 is the end of a longer word, no hedge.
        if let w = hedgeLookalikes.longestIndex(in: reader, endingAt: i),
            hedgeLookalikes.words[w].bytes.count > prefixHedges.words[k].bytes.count
        {
            return nil
        }
        return (prefixHedgeQualifiers[k], prefixHedges.words[k].bytes.count, prefixHedges.words[k].scalarCount)
    }

    /// The hedge word that starts at byte `i` (左右, 以上, 及以下 …): its qualifier, and its
    /// length in bytes and scalars. Most positions are rejected by the bitmap of the words'
    /// first scalars, without a call. `first` is the scalar at `i`.
    @inline(__always)
    func suffixHedge(in reader: UTF8Reader, at i: Int, first: UInt32) -> (Qualifier, bytes: Int, scalars: Int)? {
        guard suffixHedges.first.contains(first), let k = suffixHedges.longestIndex(in: reader, at: i)
        else { return nil }
        return (suffixHedgeQualifiers[k], suffixHedges.words[k].bytes.count, suffixHedges.words[k].scalarCount)
    }

    /// If a not-a-number word covers the scalar `v` (`length` bytes) at byte `i`, the byte offset where that word ends.
    func notNumberEnd(reader: UTF8Reader, at i: Int, scalar v: UInt32, length: Int) -> Int? {
        guard notNumberScalars.contains(v) else { return nil }
        let next = reader.decode(at: i + length).value
        let after = pairSlots[Self.pairHash(v, next, after: true)]
        let prev = reader.decode(before: i).value
        let before = pairSlots[Self.pairHash(prev, v, after: false)]
        guard after | before != 0 || singleScalarWords != 0 else { return nil }
        var best = -1
        notNumberBytes.withUnsafeBufferPointer { store in
            notNumberEntries.withUnsafeBufferPointer { entries in
                if singleScalarWords != 0 { best = longestCover(entries[0..<singleScalarWords], store: store, reader: reader, at: i, best: best) }
                if after != 0 {
                    best = longestCover(entries[Int(after & 0xFFFF)..<Int(after >> 16)], store: store, reader: reader, at: i, best: best)
                }
                if before != 0 && before != after {
                    best = longestCover(entries[Int(before & 0xFFFF)..<Int(before >> 16)], store: store, reader: reader, at: i, best: best)
                }
            }
        }
        return best >= 0 ? best : nil
    }

    /// The end of the longest of `entries` that stands over byte `i` (its word at `i - offset`,
    /// none of its exceptions there), or `best` when none ends later.
    func longestCover(
        _ entries: Slice<UnsafeBufferPointer<NotNumberEntry>>, store: UnsafeBufferPointer<UInt8>, reader: UTF8Reader, at i: Int,
        best: Int
    ) -> Int {
        var best = best
        for e in entries {
            let s = i - Int(e.offset)
            guard s >= 0, Self.stands(e, store: store, in: reader, at: s) else { continue }
            var excepted = false
            for k in Int(e.unlessStart)..<Int(e.unlessEnd) where Self.stands(notNumberExceptions[k], store: store, in: reader, at: s) {
                excepted = true
                break
            }
            let end = s + Int(e.length)
            if !excepted, end > i, end > best { best = end }
        }
        return best
    }

    /// Whether the bytes of `e` stand at byte `s` of the text.
    @inline(__always)
    static func stands(_ e: NotNumberEntry, store: UnsafeBufferPointer<UInt8>, in reader: UTF8Reader, at s: Int) -> Bool {
        reader.matches(UnsafeBufferPointer(rebasing: store[Int(e.start)..<Int(e.start + e.length)]), at: s)
    }
}

/// A not-a-number word (or an exception to one) in `ScannerTables`: where its bytes lie in
/// `notNumberBytes`, its byte offset from the start of the word to the scalar it is filed
/// under, and where its exceptions lie in `notNumberExceptions`.
struct NotNumberEntry {
    var start: Int32
    var length: Int32
    var offset: Int32
    var unlessStart: Int32
    var unlessEnd: Int32
}
