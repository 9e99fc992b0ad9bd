/// A numeral expression found in text: the core numeral with its markers.
struct Expression {
    var start: Int
    var end: Int
    var quantity: Quantity
    var core: CoreNumeral
}

extension NumeralParser {
    static let percentPrefix = UTF8Word("百分之")
    static let hundred: [UInt8] = Array("百".utf8)
    static let permillePrefixes = [UTF8Word("千分之"), UTF8Word("仟分之")]
    /// 万分之三 = 0.03%, 百万分之五 = 0.0005%: percents of a finer base, with the power of ten to apply.
    static let finerPercentPrefixes = [(UTF8Word("百万分之"), -4), (UTF8Word("万分之"), -2), (UTF8Word("萬分之"), -2)]
    static let halfOf = [UTF8Word("半个"), UTF8Word("半個")]
    static let halfHundred = UTF8Word("半百")
    static let fractionInfix = UTF8Word("分之")
    static let ordinalPrefix = UTF8Word("第")
    static let fromEndPrefix = UTF8Word("倒数第")
    static let negativePrefixes = [UTF8Word("负"), UTF8Word("負")]
    static let half = UTF8Word("一半")
    static let connectors = NumeralLexicon.rangeConnectors.map(UTF8Word.init)
    static let prefixHedges = NumeralLexicon.prefixHedges.map { (UTF8Word($0.0), $0.1) }
    static let suffixHedges = NumeralLexicon.suffixHedges.map { (UTF8Word($0.0), $0.1) }

    /// Reads a numeral expression starting exactly at `start` (no hedge before it).
    func expression(at start: Int) -> Expression? {
        var i = start
        if reader.matches(Self.half.bytes, at: i) {
            let q = Quantity(
                kind: .fraction, value: ExactDecimal(significand: 5, exponent: -1),
                fraction: Rational(numerator: ExactDecimal(1), denominator: ExactDecimal(2)))
            let core = CoreNumeral(
                end: i + Self.half.bytes.count, bounds: Bounds(q.value), qualifier: .exact, trailingScale: 0,
                hasChinese: true, isArabic: false, isLoneZero: false, isDigitString: false)
            return Expression(start: start, end: core.end, quantity: q, core: core)
        }
        var kind = Quantity.Kind.number
        var percentUnit: String? = nil
        var fromEnd = false
        var negative = false
        var percentScale = 0
        if reader.matches(Self.halfHundred.bytes, at: i) {
            // 半百: half a hundred (年过半百).
            let q = Quantity(kind: .number, value: ExactDecimal(50))
            let core = CoreNumeral(
                end: i + Self.halfHundred.bytes.count, bounds: Bounds(q.value), qualifier: .exact, trailingScale: 0,
                hasChinese: true, isArabic: false, isLoneZero: false, isDigitString: false)
            return Expression(start: start, end: core.end, quantity: q, core: core)
        }
        if let w = Self.halfOf.first(where: { reader.matches($0.bytes, at: i) }) {
            // 半个: half of one (the 个 stays for the measure word).
            let q = Quantity(kind: .number, value: ExactDecimal(significand: 5, exponent: -1))
            let core = CoreNumeral(
                end: i + w.bytes.count - 3, bounds: Bounds(q.value), qualifier: .exact, trailingScale: 0,
                hasChinese: true, isArabic: false, isLoneZero: false, isDigitString: false)
            return Expression(start: start, end: core.end, quantity: q, core: core)
        }
        if reader.matches(Self.fromEndPrefix.bytes, at: i) {
            kind = .ordinal
            fromEnd = true
            i += Self.fromEndPrefix.bytes.count
        } else if reader.matches(Self.ordinalPrefix.bytes, at: i) {
            kind = .ordinal
            i += Self.ordinalPrefix.bytes.count
        } else {
            if let minus = Self.negativePrefixes.first(where: { reader.matches($0.bytes, at: i) }) {
                negative = true
                i += minus.bytes.count
            } else {
                let c = reader.decode(at: i)
                if (c.value == 0x2D || c.value == 0xFF0D), NumeralLexicon.isDigit(reader.decode(at: i + c.length).value) {
                    negative = true
                    i += c.length
                }
            }
            if reader.matches(Self.percentPrefix.bytes, at: i) {
                kind = .percent
                percentUnit = "%"
                i += Self.percentPrefix.bytes.count
            } else if let w = Self.permillePrefixes.first(where: { reader.matches($0.bytes, at: i) }) {
                kind = .percent
                percentUnit = "‰"
                i += w.bytes.count
            } else if let (w, k) = Self.finerPercentPrefixes.first(where: { reader.matches($0.0.bytes, at: i) }) {
                kind = .percent
                percentUnit = "%"
                percentScale = k
                i += w.bytes.count
            }
        }
        var core: CoreNumeral
        if kind == .percent, reader.matches(Self.hundred, at: i), parseCore(at: i).map({ $0.end == i + 3 }) ?? true {
            // 百分之百
            core = CoreNumeral(
                end: i + 3, bounds: Bounds(ExactDecimal(100)), qualifier: .exact, trailingScale: 0,
                hasChinese: true, isArabic: false, isLoneZero: false, isDigitString: false)
        } else {
            guard let c = parseCore(at: i) else { return nil }
            core = c
        }
        i = core.end
        var value = core.bounds.lo
        var upper: ExactDecimal? = core.qualifier == .range ? core.bounds.hi : nil
        var qualifier = core.qualifier
        var fraction: Rational? = nil

        if kind == .number {
            if reader.matches(Self.fractionInfix.bytes, at: i), let den = Optional(core.bounds.lo), den != .zero,
                let num = parseCore(at: i + Self.fractionInfix.bytes.count), num.qualifier == .exact
            {
                // 三分之一: the denominator comes first.
                kind = .fraction
                fraction = Rational(numerator: num.bounds.lo, denominator: den)
                guard let d = fraction!.decimal else { return nil }
                value = d
                upper = nil
                qualifier = .exact
                i = num.end
                core.end = num.end
            } else {
                let c = reader.decode(at: i)
                if c.value == 0x25 || c.value == 0xFF05 {
                    kind = .percent
                    percentUnit = "%"
                    i += c.length
                } else if c.value == 0x2030 {
                    kind = .percent
                    percentUnit = "‰"
                    i += c.length
                }
            }
        }
        // A range: 3至5, 百分之三至五, 3%—5%, 两到三万, 1万-5万.
        if qualifier == .exact, kind != .fraction {
            if let r = rangeEnd(after: i, lower: core, kind: kind, percentUnit: percentUnit) {
                value = r.lower
                upper = r.upper
                qualifier = .range
                i = r.end
            }
        }
        if negative {
            value = value.negated
            upper = upper?.negated
        }
        if percentScale != 0 {
            guard let v = value.scaled(byPowerOfTen: percentScale) else { return nil }
            value = v
            upper = upper?.scaled(byPowerOfTen: percentScale)
        }
        let q = Quantity(
            kind: kind, value: value, qualifier: qualifier, upper: upper, percentUnit: percentUnit,
            fraction: fraction, fromEnd: fromEnd)
        return Expression(start: start, end: i, quantity: q, core: core)
    }

    /// The end of a range's second part after `i`, with both bounds, or nil.
    func rangeEnd(after i: Int, lower: CoreNumeral, kind: Quantity.Kind, percentUnit: String?)
        -> (lower: ExactDecimal, upper: ExactDecimal, end: Int)?
    {
        for conn in Self.connectors where reader.matches(conn.bytes, at: i) {
            var j = i + conn.bytes.count
            // ASCII '-' and '~' join only Arabic numbers; 至/到 join anything.
            let isAsciiDash = conn.bytes == [0x2D] || conn.bytes == [0x7E]
            if isAsciiDash && !lower.isArabic && lower.trailingScale == 0 { return nil }
            if kind == .percent, percentUnit == "%", reader.matches(Self.percentPrefix.bytes, at: j) {
                j += Self.percentPrefix.bytes.count
            }
            if kind == .ordinal, reader.matches(Self.ordinalPrefix.bytes, at: j) {
                j += Self.ordinalPrefix.bytes.count
            }
            guard let upper = parseCore(at: j), upper.qualifier == .exact else { return nil }
            var lo = lower.bounds.lo
            let up = upper.bounds.lo
            if lower.trailingScale == 0, upper.trailingScale > 0, !lower.isArabic || upper.isArabic == lower.isArabic,
                let scaled = lo.scaled(byPowerOfTen: upper.trailingScale), scaled <= up
            {
                // 两到三万: the 万 belongs to both bounds.
                lo = scaled
            } else if lower.trailingScale == 0, !upper.isArabic, lo.isInteger, lo.exponent == 0, lo.significand > 0, lo.significand < 10,
                up.significand > lo.significand, up.significand < 10, up.exponent > 0,
                let scaled = lo.scaled(byPowerOfTen: up.exponent)
            {
                // 两到三千, 八到九百亿, 2——3万: a lone digit before a digit with units takes the same place.
                lo = scaled
            }
            guard lo < upper.bounds.lo else { return nil }
            var end = upper.end
            if kind == .percent {
                let c = reader.decode(at: end)
                if (c.value == 0x25 || c.value == 0xFF05) && percentUnit == "%" { end += c.length }
                if c.value == 0x2030 && percentUnit == "‰" { end += c.length }
            }
            return (lo, upper.bounds.lo, end)
        }
        return nil
    }

    /// A hedge word that ends right before byte offset `i` (超过, 约, 近 …), with its length in bytes.
    func prefixHedge(endingAt i: Int) -> (Qualifier, bytes: Int, scalars: Int)? {
        ScannerTables.shared.prefixHedge(in: reader, endingAt: i)
    }

    /// A hedge word that starts at byte offset `i` (左右, 以上, 及以下 …), with its length in bytes.
    func suffixHedge(at i: Int) -> (Qualifier, bytes: Int, scalars: Int)? {
        ScannerTables.shared.suffixHedge(in: reader, at: i, first: reader.decode(at: i).value)
    }
}
