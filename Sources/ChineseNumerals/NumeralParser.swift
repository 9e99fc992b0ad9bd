/// A lower and an upper bound, equal unless the numeral is a range (两三, 十几).
struct Bounds: Equatable {
    var lo: ExactDecimal
    var hi: ExactDecimal

    static let zero = Bounds(lo: .zero, hi: .zero)

    init(lo: ExactDecimal, hi: ExactDecimal) {
        self.lo = lo
        self.hi = hi
    }

    init(_ v: ExactDecimal) {
        lo = v
        hi = v
    }

    var isZero: Bool { lo == .zero && hi == .zero }

    func adding(_ o: Bounds) -> Bounds? {
        guard let l = lo.adding(o.lo), let h = hi.adding(o.hi) else { return nil }
        return Bounds(lo: l, hi: h)
    }

    func scaled(_ k: Int) -> Bounds? {
        guard let l = lo.scaled(byPowerOfTen: k), let h = hi.scaled(byPowerOfTen: k) else { return nil }
        // Keep magnitudes within what the significand can later be aligned to.
        if l.exponent > 40 || h.exponent > 40 { return nil }
        return Bounds(lo: l, hi: h)
    }
}

/// The result of reading one numeral (without prefix hedges, percent or ordinal markers).
struct CoreNumeral {
    /// Byte offset one past the numeral.
    var end: Int
    var bounds: Bounds
    /// `.exact`, `.over` (余 多), `.about` (来) or `.range` (两三, 十几).
    var qualifier: Qualifier
    /// The power of ten of the large units that end the numeral (4 for 三万, 12 for 三万亿), if any.
    var trailingScale: Int
    /// Whether it contains a Chinese numeral character (not only digits).
    var hasChinese: Bool
    /// Whether it is only ASCII or full-width digits (with separators and point).
    var isArabic: Bool
    /// Whether it is a single zero character (零, 〇): not a number on its own in prose.
    var isLoneZero: Bool
    /// Whether it was read digit by digit (二〇二四).
    var isDigitString: Bool
}

/// The grammar of Chinese numerals, over UTF-8 bytes.
///
/// Reads the longest valid numeral at a byte offset: Arabic digits with
/// separators and point, Chinese digits and units (一万零四十, 三万五, 一万五千亿),
/// mixtures (2.3万, 3万4000, 4000余万), digit strings (二〇二四), approximate
/// ranges (两三, 十五六, 二三十, 十几, 几十).
struct NumeralParser {
    let reader: UTF8Reader

    init(_ reader: UTF8Reader) { self.reader = reader }

    enum Item {
        case digit(Int)
        case tens(Int)  // 廿 卅 卌
        case arabic(ExactDecimal?, lastDigitZero: Bool)
        case small(Int)
        case large(Int)
        case point
        case ji
        case hedge(Qualifier)
    }

    /// One entry per BMP code point: what numeral item the character is (class in the high
    /// byte, value in the low byte), so that classifying a character is one array load.
    static let itemTable: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 65536)
        func put(_ s: Unicode.Scalar, _ cls: UInt16, _ v: Int) {
            if s.value < 65536 { t[Int(s.value)] = cls << 8 | UInt16(v & 0xFF) }
        }
        for (s, d) in NumeralLexicon.digits { put(s, 1, d) }
        for (s, u) in NumeralLexicon.smallUnits { put(s, 2, u) }
        for (s, u) in NumeralLexicon.largeUnits { put(s, 3, u) }
        for s in NumeralLexicon.points { put(s, 4, 0) }
        for (s, v) in NumeralLexicon.tens { put(s, 5, v) }
        put("几", 6, 0)
        put("幾", 6, 0)
        for (s, q) in NumeralLexicon.innerHedges {
            put(s, 7, q == .over ? 0 : q == .about ? 1 : 2)
        }
        return t
    }()

    static let fenDian: [UInt8] = Array("分点".utf8), fenDianTraditional: [UInt8] = Array("分點".utf8)

    /// Classifies the item at `i`; returns it with its end offset, or nil.
    func item(at i: Int) -> (Item, Int)? {
        let (v, len) = reader.decode(at: i)
        guard len > 0 else { return nil }
        if NumeralLexicon.isDigit(v) {
            let a = arabic(at: i)
            return (.arabic(a.value, lastDigitZero: a.lastDigitZero), a.end)
        }
        guard v >= 0x2000, v < 65536 else { return nil }
        let entry = Self.itemTable[Int(v)]
        guard entry != 0 else { return nil }
        let payload = Int(entry & 0xFF)
        switch entry >> 8 {
        case 1: return (.digit(payload), i + len)
        case 2:
            // 2.2百分点: the 百 of 百分点 belongs to the unit.
            if payload == 2, reader.matches(Self.fenDian, at: i + len) || reader.matches(Self.fenDianTraditional, at: i + len) {
                return nil
            }
            // 千瓦 千米 千克 百帕: the unit's prefix, not a numeral.
            if payload >= 2, let ns = Unicode.Scalar(reader.decode(at: i + len).value),
                NumeralLexicon.unitPrefixFollowers.contains(ns)
            {
                return nil
            }
            return (.small(payload), i + len)
        case 3:
            if payload == 12 {
                let next = reader.decode(at: i + len)
                if let ns = Unicode.Scalar(next.value), NumeralLexicon.megaFollowers.contains(ns) { return nil }
            }
            return (.large(payload), i + len)
        case 4: return (.point, i + len)
        case 5: return (.tens(payload), i + len)
        case 6: return (.ji, i + len)
        case 7: return (.hedge(payload == 0 ? .over : payload == 1 ? .about : .under), i + len)
        default: break
        }
        guard let s = Unicode.Scalar(v) else { return nil }
        if let d = NumeralLexicon.digits[s] { return (.digit(d), i + len) }
        if let u = NumeralLexicon.smallUnits[s] {
            // 千瓦 千米 千克 百帕: the unit's prefix, not a numeral.
            if u >= 2, let ns = Unicode.Scalar(reader.decode(at: i + len).value),
                NumeralLexicon.unitPrefixFollowers.contains(ns)
            {
                return nil
            }
            return (.small(u), i + len)
        }
        if let u = NumeralLexicon.largeUnits[s] {
            if u == 12 {
                let next = reader.decode(at: i + len)
                if let ns = Unicode.Scalar(next.value), NumeralLexicon.megaFollowers.contains(ns) { return nil }
            }
            return (.large(u), i + len)
        }
        if NumeralLexicon.points.contains(s) { return (.point, i + len) }
        if let t = NumeralLexicon.tens[s] { return (.tens(t), i + len) }
        if s == "几" || s == "幾" { return (.ji, i + len) }
        if let q = NumeralLexicon.innerHedges[s] { return (.hedge(q), i + len) }
        return nil
    }

    @inline(__always) static func digitValue(_ v: UInt32) -> Int {
        v <= 0x39 ? Int(v - 0x30) : Int(v - 0xFF10)
    }

    /// An Arabic number at `i`: digits, valid thousands groups, decimal point.
    /// `value` is nil when it does not fit (a million-digit number); `end` still
    /// covers every digit so that a caller can skip the run whole.
    func arabic(at start: Int) -> (value: ExactDecimal?, end: Int, lastDigitZero: Bool) {
        var i = start
        var sig: Int128 = 0
        var overflow = false
        var exp = 0
        var lastZero = false
        var fullWidth = false
        func readDigits(_ i: inout Int, fraction: Bool) -> Int {
            var n = 0
            while true {
                let (v, len) = reader.decode(at: i)
                guard len > 0, NumeralLexicon.isDigit(v) else { break }
                if v > 0x39 { fullWidth = true }
                let d = Self.digitValue(v)
                if !overflow {
                    let (m, o1) = sig.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int128(d))
                    if o1 || o2 { overflow = true } else { sig = a }
                }
                if fraction { exp -= 1 }
                lastZero = d == 0
                i += len
                n += 1
            }
            return n
        }
        let first = readDigits(&i, fraction: false)
        // Thousands groups: ',' always; '，' only where the number shows it is one
        // (another separator, a decimal point after the groups, full-width digits),
        // since '，' between numbers is usually a list comma.
        if first <= 3 {
            var groupsEnd = i
            var groups: [(sep: UInt32, end: Int)] = []
            var j = i
            while true {
                let (c, clen) = reader.decode(at: j)
                guard clen > 0, c == 0x2C || c == 0xFF0C else { break }
                var k = j + clen
                var n = 0
                while n < 4 {
                    let (v, len) = reader.decode(at: k)
                    guard len > 0, NumeralLexicon.isDigit(v) else { break }
                    k += len
                    n += 1
                }
                guard n == 3 else { break }
                groups.append((c, k))
                j = k
                groupsEnd = k
            }
            if !groups.isEmpty {
                let (pv, plen) = reader.decode(at: groupsEnd)
                let pointFollows =
                    (pv == 0x2E || pv == 0xFF0E) && NumeralLexicon.isDigit(reader.decode(at: groupsEnd + plen).value)
                var firstDigitFullWidth = false
                if reader.decode(at: start).value > 0x39 { firstDigitFullWidth = true }
                let onlyFullWidthComma = groups.allSatisfy { $0.sep == 0xFF0C }
                let accept = !onlyFullWidthComma || groups.count > 1 || pointFollows || firstDigitFullWidth || first == 1
                if accept {
                    // Re-read the digits of the groups.
                    var k = i
                    for g in groups {
                        k += reader.decode(at: k).length  // the separator
                        _ = readDigits(&k, fraction: false)
                        precondition(k == g.end)
                    }
                    i = k
                }
            }
        }
        _ = fullWidth
        let (pv, plen) = reader.decode(at: i)
        if pv == 0x2E || pv == 0xFF0E {
            let (nv, nlen) = reader.decode(at: i + plen)
            if nlen > 0, NumeralLexicon.isDigit(nv) {
                i += plen
                _ = readDigits(&i, fraction: true)
            }
        }
        return (overflow ? nil : ExactDecimal(significand: sig, exponent: exp), i, lastZero)
    }

    struct State {
        var total = Bounds.zero
        var totalScale = 0  // the power of ten that `total` was last multiplied to
        var section = Bounds.zero
        var sectionLastSmall = 99
        var pending: Bounds? = nil
        var pendingIsLoneDigit = false  // one Chinese digit (or a 两三 pair), no point
        var pendingIsDigitString = false
        var pendingJi = false
        var lastUnit: Int? = nil
        var lastWasLarge = false
        var zeroSinceUnit = false
        var qualifier = Qualifier.exact
        var trailingScale = 0
        var hasChinese = false
        var isArabic = true
        var items = 0
        var afterHedge = false
        var digitCount = 0
        var loneZero = false

        var isEmpty: Bool { items == 0 }
    }

    /// Reads the numeral at byte offset `start`, or nil if none starts there.
    func parseCore(at start: Int) -> CoreNumeral? {
        var s = State()
        var i = start
        var best: CoreNumeral? = nil
        // The state changes in place; an item that cannot continue ends the reading, and the
        // longest prefix that made a whole numeral is the result.
        while let (item, end) = item(at: i) {
            guard let next = apply(item, to: &s, end: end) else { break }
            i = next
            if let bounds = finalize(s) {
                best = CoreNumeral(
                    end: i, bounds: bounds, qualifier: s.qualifier, trailingScale: s.trailingScale,
                    hasChinese: s.hasChinese, isArabic: s.isArabic, isLoneZero: s.loneZero && s.items == 1,
                    isDigitString: s.pendingIsDigitString)
            }
        }
        return best
    }

    /// Takes in one more item, returning where the numeral now ends, or nil if the item
    /// cannot continue it (then `s` is left part-way changed: the caller stops reading).
    func apply(_ item: Item, to s: inout State, end: Int) -> Int? {
        let wasEmpty = s.items == 0
        s.items += 1
        if s.afterHedge {
            // After 余/多/来 only large units may follow: 4000余万, 十多亿.
            guard case .large = item else { return nil }
        }
        switch item {
        case .digit(let d):
            s.hasChinese = true
            s.isArabic = false
            s.loneZero = d == 0 && wasEmpty
            if s.pendingJi { return nil }
            if let p = s.pending {
                guard s.pendingIsLoneDigit || s.pendingIsDigitString else { return nil }
                let pd = p.lo
                let neighbours = pd.adding(ExactDecimal(1)) == ExactDecimal(d) || (pd == ExactDecimal(3) && d == 5)
                if s.pendingIsLoneDigit && !s.pendingIsDigitString && p.lo == p.hi && d != 0
                    && pd != .zero && neighbours && s.qualifier == .exact
                {
                    // 三四, 十五六, 二三十: two neighbouring digits are a range; so is 三五 (three to five).
                    s.pending = Bounds(lo: pd, hi: ExactDecimal(d))
                    s.qualifier = .range
                    return end
                }
                // Digit by digit (二〇二四): only when nothing else is in the numeral.
                guard s.lastUnit == nil, s.total.isZero, s.section.isZero, p.lo == p.hi, s.qualifier == .exact
                else { return nil }
                guard let v = p.lo.multiplied(by: ExactDecimal(10))?.adding(ExactDecimal(d)) else { return nil }
                s.pending = Bounds(v)
                s.pendingIsDigitString = true
                s.pendingIsLoneDigit = false
                return end
            }
            if d == 0 {
                if s.lastUnit != nil {
                    s.zeroSinceUnit = true
                    return end
                }
                s.pending = Bounds(.zero)
                s.pendingIsLoneDigit = true
                return end
            }
            s.pending = Bounds(ExactDecimal(d))
            s.pendingIsLoneDigit = true
            return end
        case .tens(let t):
            s.hasChinese = true
            s.isArabic = false
            guard s.pending == nil, !s.pendingJi, s.sectionLastSmall > 1 else { return nil }
            guard let v = Bounds(ExactDecimal(t)).scaled(1), let sec = s.section.adding(v) else { return nil }
            s.section = sec
            s.sectionLastSmall = 1
            s.lastUnit = 1
            s.lastWasLarge = false
            s.zeroSinceUnit = false
            return end
        case .arabic(let value, let lastZero):
            guard let value else { return nil }
            guard s.pending == nil, !s.pendingJi else { return nil }
            // Arabic digits after Chinese units only after a large unit: 3万4000, 1千零1.
            if s.lastUnit != nil && !(s.lastWasLarge || s.zeroSinceUnit) && s.hasChinese == false {
                // e.g. 3千5 is unusual; still accept after a large unit only
            }
            s.pending = Bounds(value)
            s.pendingIsLoneDigit = false
            s.digitCount += 1
            if lastZero { s.loneZero = false }
            return end
        case .small(let k):
            s.hasChinese = true
            s.isArabic = false
            guard !s.pendingIsDigitString else { return nil }
            guard k < s.sectionLastSmall else { return nil }
            var mult: Bounds
            if s.pendingJi {
                // 几十 10…99, 几百 100…999.
                guard let lo = ExactDecimal(1).scaled(byPowerOfTen: k),
                    let hi = ExactDecimal(10).scaled(byPowerOfTen: k)?.adding(ExactDecimal(-1))
                else { return nil }
                mult = Bounds(lo: lo, hi: hi)
                s.pendingJi = false
                s.qualifier = .range
            } else if let p = s.pending {
                if p.lo == .zero && p.hi == .zero && s.pendingIsLoneDigit { return nil }  // 零十
                guard let m = p.scaled(k) else { return nil }
                mult = m
            } else {
                // 十五, 百分: a bare unit means one of it, but only at the start
                // or after 零 (一百零十 is not written; 一千零十 is).
                guard s.isEmptyBeforeThis || s.zeroSinceUnit, k == 1 || s.isEmptyBeforeThis else { return nil }
                mult = Bounds(ExactDecimal(1)).scaled(k)!
            }
            guard let sec = s.section.adding(mult) else { return nil }
            s.section = sec
            s.pending = nil
            s.pendingIsLoneDigit = false
            s.sectionLastSmall = k
            s.lastUnit = k
            s.lastWasLarge = false
            s.zeroSinceUnit = false
            s.trailingScale = 0
            return end
        case .large(let k):
            s.hasChinese = true
            s.isArabic = false
            guard !s.pendingIsDigitString else { return nil }
            var v = s.section
            if s.pendingJi {
                // 十几万 10万…19万, 一百零几万, 几万 1万…9万: 几 before a large unit.
                let jiBounds: Bounds
                if let u = s.lastUnit, !s.lastWasLarge {
                    let place = s.zeroSinceUnit ? 0 : u - 1
                    guard let hi = ExactDecimal(9).scaled(byPowerOfTen: place) else { return nil }
                    jiBounds = Bounds(lo: .zero, hi: hi)
                } else if s.lastUnit == nil {
                    jiBounds = Bounds(lo: ExactDecimal(1), hi: ExactDecimal(9))
                } else {
                    return nil
                }
                guard let a = v.adding(jiBounds) else { return nil }
                v = a
                s.pendingJi = false
                s.qualifier = .range
            }
            if var p = s.pending {
                // 百二万 = 120万: a lone digit after a small unit abbreviates the next place.
                if s.pendingIsLoneDigit, let u = s.lastUnit, u >= 1, u < 4, !s.zeroSinceUnit, !s.lastWasLarge {
                    guard let scaled = p.scaled(u - 1) else { return nil }
                    p = scaled
                }
                guard let a = v.adding(p) else { return nil }
                v = a
            }
            let nothingPending = s.pending == nil && v.isZero
            if nothingPending {
                // 亿亿, 万亿: consecutive large units multiply what came before.
                guard s.lastWasLarge || s.afterHedge, !s.total.isZero else { return nil }
                guard let t = s.total.scaled(k) else { return nil }
                s.total = t
                s.totalScale += k
                s.trailingScale += k
            } else if k >= s.totalScale || s.total.isZero {
                guard let t = s.total.adding(v)?.scaled(k) else { return nil }
                s.total = t
                s.totalScale = k
                s.trailingScale = k
            } else {
                guard let add = v.scaled(k), let t = s.total.adding(add) else { return nil }
                s.total = t
                s.trailingScale = k
            }
            s.section = .zero
            s.pending = nil
            s.pendingIsLoneDigit = false
            s.sectionLastSmall = 4
            s.lastUnit = k
            s.lastWasLarge = true
            s.zeroSinceUnit = false
            s.afterHedge = false
            return end
        case .point:
            // 三点五: the point needs a digit before and digits after (read here).
            // …五十点六: a point right after a unit adds the fraction to the whole.
            var p: Bounds
            if let pending = s.pending {
                guard s.pendingIsLoneDigit || s.pendingIsDigitString, pending.lo == pending.hi else { return nil }
                p = pending
                // 两千三点一 = 2300.1: a lone digit after 百 or 千 abbreviates the next place.
                if s.pendingIsLoneDigit, !s.pendingIsDigitString, let u = s.lastUnit, u >= 2, u < 4, !s.zeroSinceUnit,
                    !s.lastWasLarge, let scaled = pending.scaled(u - 1)
                {
                    s.section = s.section.adding(scaled) ?? s.section
                    p = .zero
                }
            } else {
                guard s.lastUnit != nil, !s.afterHedge, s.qualifier == .exact else { return nil }
                p = .zero
            }
            var j = end
            var frac = ExactDecimal.zero
            var n = 0
            while let (it, e) = self.item(at: j), case .digit(let d) = it {
                n += 1
                guard let f = frac.adding(ExactDecimal(significand: Int128(d), exponent: -n)) else { return nil }
                frac = f
                j = e
            }
            // 零點77: Arabic digits after a Chinese point.
            while n == 0 || (j > end && j < reader.count && reader.bytes[j - 1] >= 0x30 && reader.bytes[j - 1] <= 0x39) {
                guard j < reader.count, reader.bytes[j] >= 0x30, reader.bytes[j] <= 0x39, n < 30 else { break }
                n += 1
                guard let f = frac.adding(ExactDecimal(significand: Int128(reader.bytes[j] - 0x30), exponent: -n)) else { return nil }
                frac = f
                j += 1
            }
            guard n > 0, let v = p.lo.adding(frac) else { return nil }
            s.pending = Bounds(v)
            s.pendingIsLoneDigit = false
            s.pendingIsDigitString = false
            return j
        case .ji:
            s.hasChinese = true
            s.isArabic = false
            guard s.pending == nil, !s.pendingJi, s.qualifier == .exact else { return nil }
            s.pendingJi = true
            if s.lastUnit != nil { s.qualifier = .range }  // 十几 10…19
            return end
        case .hedge(let q):
            guard s.qualifier == .exact, !s.pendingJi else { return nil }
            if let p = s.pending {
                // 50余, 20来: after Arabic digits; not after a lone Chinese digit (一多).
                guard !s.pendingIsLoneDigit, !s.pendingIsDigitString else { return nil }
                if q == .about && p.lo.significand % 10 != 0 && p.lo.exponent <= 0 { return nil }
            } else {
                guard s.lastUnit != nil else { return nil }
            }
            s.qualifier = q
            s.afterHedge = true
            return end
        }
    }

    func finalize(_ s: State) -> Bounds? {
        if s.items == 0 { return nil }
        var total = s.total
        if let sec = total.adding(s.section) { total = sec } else { return nil }
        if s.pendingJi {
            // 十几 10…19, 二十几 20…29: a trailing 几 is 0…9 of the next lower place.
            // 一百零几 100…109: after 零 the 几 is the units.
            guard let u = s.lastUnit, let hi = ExactDecimal(9).scaled(byPowerOfTen: s.zeroSinceUnit ? 0 : u - 1) else { return nil }
            return total.adding(Bounds(lo: .zero, hi: hi))
        }
        if let p = s.pending {
            if s.pendingIsLoneDigit, let u = s.lastUnit, !s.zeroSinceUnit, u >= 1 {
                // 三万五 = 35000, 一百二 = 120, 十五 = 15.
                guard let v = p.scaled(u - 1) else { return nil }
                return total.adding(v)
            }
            return total.adding(p)
        }
        if s.lastUnit == nil { return nil }
        return total
    }
}

extension NumeralParser.State {
    var isEmptyBeforeThis: Bool { items == 1 }
}
