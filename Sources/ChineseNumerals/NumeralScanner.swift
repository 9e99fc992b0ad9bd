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
    /// Creates a scanner.
    public init() {}

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
        let reader = UTF8Reader(bytes)
        let parser = NumeralParser(reader)
        let n = bytes.count
        var i = 0
        var scalar = 0
        let table = ScannerTables.shared
        guard n > 0 else { return }
        while i < n {
            // The fast path: three-byte characters that start no numeral, one bit test each.
            i = table.triggerSet.skipAbsent(in: bytes, from: i, scalars: &scalar)
            guard i < n else { break }
            let b = bytes[i]
            var isCandidate = false
            var len = 1
            if b < 0x80 {
                isCandidate = b >= 0x30 && b <= 0x39
            } else if b >= 0xE0 && b < 0xF0, i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 {
                len = 3
                let cp = (Int(b & 0x0F) << 12) | (Int(bytes[i + 1] & 0x3F) << 6) | Int(bytes[i + 2] & 0x3F)
                isCandidate = table.triggerSet.contains(UInt32(cp))
            } else {
                len = reader.decode(at: i).length
            }
            if !isCandidate {
                i += Swift.min(len, n - i)
                scalar += 1
                continue
            }
            // A word that only looks like a numeral (统一, 第一时间): skip it.
            if let skip = table.notNumberEnd(reader: reader, at: i) {
                scalar += countScalars(bytes, from: i, to: skip)
                i = skip
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
            if e.core.isLoneZero, !(reader.matches(Self.ge, at: e.end) || reader.matches(Self.geTraditional, at: e.end)) {
                i += len
                scalar += 1
                continue
            }
            // 九九 (a brand, 九九重阳): two Chinese digits read digit by digit are no number; 二〇二四 is.
            if e.core.isDigitString, !e.core.isArabic, e.end - start == 6,
                !reader.matches(Self.ling, at: start + 3), !reader.matches(Self.lingCircle, at: start + 3)
            {
                i = e.end
                scalar += 2
                continue
            }
            // 五十千: a bare 千 or 百 right after another numeral is no number of its own.
            if (reader.matches(Self.qian, at: start) || reader.matches(Self.bai, at: start)), e.end == start + 3,
                e.quantity.kind == .number, table.triggerSet.contains(reader.decode(before: start).value)
            {
                i = e.end
                scalar += 1
                continue
            }
            // 伍 in 队伍, 拾 in 收拾: a financial digit alone is a number only before 元 or 圆.
            if e.end == i + len, len == 3, b >= 0x80, let sc = Unicode.Scalar(reader.decode(at: i).value),
                NumeralLexicon.loneFinancialDigits.contains(sc)
            {
                let next = reader.decode(at: e.end).value
                if next != 0x5143 && next != 0x5706 {  // 元 圆
                    i += len
                    scalar += 1
                    continue
                }
            }
            var quantity = e.quantity
            var spanStart = start
            var spanStartScalar = startScalar
            if let (q, hb, hs) = parser.prefixHedge(endingAt: start) {
                if quantity.qualifier == .exact || (q != .about && quantity.qualifier == .over) {
                    quantity.qualifier = q
                }
                spanStart = start - hb
                spanStartScalar = startScalar - hs
            }
            let endScalar = scalar + countScalars(bytes, from: i, to: e.end)
            var spanEnd = e.end
            var spanEndScalar = endScalar
            if let (q, hb, hs) = parser.suffixHedge(at: e.end) {
                if quantity.qualifier == .exact { quantity.qualifier = q }
                spanEnd += hb
                spanEndScalar += hs
            }
            body(
                NumeralMatch(
                    span: TextSpan(start: spanStartScalar, end: spanEndScalar, utf8Start: spanStart, utf8End: spanEnd),
                    numeralSpan: TextSpan(start: startScalar, end: endScalar, utf8Start: start, utf8End: e.end),
                    quantity: quantity, isArabic: e.core.isArabic && quantity.kind != .ordinal,
                    isDigitString: e.core.isDigitString, trailingScale: e.core.trailingScale))
            i = e.end
            scalar = endScalar
        }
    }

    static let ge: [UInt8] = Array("个".utf8), geTraditional: [UInt8] = Array("個".utf8)
    static let ling: [UInt8] = Array("零".utf8), lingCircle: [UInt8] = Array("〇".utf8)
    static let qian: [UInt8] = Array("千".utf8), bai: [UInt8] = Array("百".utf8)

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
    /// For each scalar that occurs in a not-a-number word: (word, byte offset of the scalar in it, overrides),
    /// reached through `notNumberSlot` (one entry per BMP code point, 0 for none).
    let notNumbers: [[(word: UTF8Word, offset: Int, unless: [UTF8Word])]]
    let notNumberSlot: [UInt16]

    init() {
        let starts = Array(NumeralLexicon.digits.keys) + Array(NumeralLexicon.smallUnits.keys) + Array(NumeralLexicon.tens.keys)
            + (0xFF10...0xFF19).compactMap { Unicode.Scalar(UInt32($0)) }
        triggerSet = ScalarSet(starts.map { String($0) } + ["第倒负負几幾万萬半"])
        var table: [UInt32: [(word: UTF8Word, offset: Int, unless: [UTF8Word])]] = [:]
        for (word, unless) in NumeralLexicon.notNumbers {
            let w = UTF8Word(word)
            let u = unless.map(UTF8Word.init)
            var offset = 0
            var seen: Set<UInt32> = []
            for s in word.unicodeScalars {
                if !seen.contains(s.value) {
                    table[s.value, default: []].append((w, offset, u))
                    seen.insert(s.value)
                }
                offset += s.utf8.count
            }
        }
        var slots = [UInt16](repeating: 0, count: 65536)
        var lists: [[(word: UTF8Word, offset: Int, unless: [UTF8Word])]] = [[]]
        for (v, entries) in table.sorted(by: { $0.key < $1.key }) where v < 65536 {
            slots[Int(v)] = UInt16(lists.count)
            lists.append(entries)
        }
        notNumbers = lists
        notNumberSlot = slots
        // Neighbour pairs: a not-a-number word covering a character also covers the one before
        // or after it, so a character whose neighbours both pair with nothing needs no lookup.
        var pairs = [UInt64](repeating: 0, count: 1024)
        var always = [UInt64](repeating: 0, count: 1024)
        for (word, _) in NumeralLexicon.notNumbers {
            let sc = Array(word.unicodeScalars).map(\.value)
            if sc.count == 1, sc[0] < 65536 { always[Int(sc[0]) >> 6] |= 1 << UInt64(sc[0] & 63) }
            for k in sc.indices {
                if k > 0 { let h = Self.pairHash(sc[k - 1], sc[k], after: false); pairs[h >> 6] |= 1 << UInt64(h & 63) }
                if k + 1 < sc.count { let h = Self.pairHash(sc[k], sc[k + 1], after: true); pairs[h >> 6] |= 1 << UInt64(h & 63) }
            }
        }
        neighbourPairs = pairs
        alwaysCheck = always
    }

    /// A 16-bit hash of two neighbouring scalars (which of them is the numeral character is `after`).
    @inline(__always) static func pairHash(_ a: UInt32, _ b: UInt32, after: Bool) -> Int {
        var h = (a &* 0x9E37_79B1) ^ (b &* 0x85EB_CA77) ^ (after ? 0x5BD1_E995 : 0)
        h ^= h >> 15
        return Int(h & 0xFFFF)
    }

    let neighbourPairs: [UInt64]
    let alwaysCheck: [UInt64]


    /// If a not-a-number word covers the scalar at byte `i`, the byte offset where that word ends.
    func notNumberEnd(reader: UTF8Reader, at i: Int) -> Int? {
        let (v, len) = reader.decode(at: i)
        guard v < 65536 else { return nil }
        let slot = Int(notNumberSlot[Int(v)])
        guard slot != 0 else { return nil }
        if alwaysCheck[Int(v) >> 6] & (1 << UInt64(v & 63)) == 0 {
            let prev = reader.decode(before: i).value
            let next = reader.decode(at: i + len).value
            let hp = Self.pairHash(prev, v, after: false)
            let hn = Self.pairHash(v, next, after: true)
            if neighbourPairs[hp >> 6] & (1 << UInt64(hp & 63)) == 0 && neighbourPairs[hn >> 6] & (1 << UInt64(hn & 63)) == 0 {
                return nil
            }
        }
        let entries = notNumbers[slot]
        var best: Int? = nil
        for (w, off, unless) in entries {
            let s = i - off
            guard s >= 0, reader.matches(w.bytes, at: s) else { continue }
            if unless.contains(where: { reader.matches($0.bytes, at: s) }) { continue }
            let e = s + w.bytes.count
            if e > i, best == nil || e > best! { best = e }
        }
        return best
    }
}
