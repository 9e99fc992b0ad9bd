/// How a stated number relates to the true one: the hedge words of Chinese prose.
///
/// `4000余万` is `.over`, `近3000` is `.under`, `约3.5万` is `.about`,
/// `35岁及以下` is `.atMost`, `3至5` is `.range`.
public enum Qualifier: String, Sendable, Codable, CaseIterable, Hashable {
    /// As stated (the default).
    case exact
    /// More than the number: 余 多 超 超过 逾 以上.
    case over
    /// Less than the number: 近 将近 不到 不足.
    case under
    /// About the number: 约 大约 左右 上下 来.
    case about
    /// The number or more: 及以上 不少于 至少.
    case atLeast
    /// The number or less: 及以下 不超过 最多.
    case atMost
    /// Between the value and `upper`: 3至5, 十几, 两三.
    case range
}

/// An exact fraction: `三分之二` is 2/3.
public struct Rational: Sendable, Hashable, Codable {
    /// The numerator, as written: 2 in 三分之二.
    public var numerator: ExactDecimal
    /// The denominator, as written: 3 in 三分之二.
    public var denominator: ExactDecimal

    /// Creates a fraction.
    public init(numerator: ExactDecimal, denominator: ExactDecimal) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The fraction as a decimal rounded to 20 significant digits: 2/3 → 0.66666666666666666667.
    public var decimal: ExactDecimal? {
        numerator.divided(by: denominator, significantDigits: 20)
    }
}

/// The value of a numeral expression with its hedge.
///
/// `ChineseNumeral.parse("4000余万")` is a `.number` of 40000000, qualifier `.over`;
/// `ChineseNumeral.parse("百分之三至五")` is a `.percent` of 3, qualifier `.range`, upper 5.
public struct Quantity: Sendable, Hashable, Codable {
    /// What sort of number the expression is.
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        /// A cardinal number: 一万零四十, 2.3万.
        case number
        /// A percentage or per-mille: 32%, 百分之六十, 千分之三 (see `percentUnit`).
        case percent
        /// A rank: 第十五, 倒数第二.
        case ordinal
        /// A fraction: 三分之一, 一半.
        case fraction
    }

    /// What sort of number this is.
    public var kind: Kind
    /// The exact value (for a range, the lower bound; for a fraction, its decimal).
    public var value: ExactDecimal
    /// The hedge: `.over` for 4000余万.
    public var qualifier: Qualifier
    /// With `qualifier == .range`: the upper bound (十几 → 19).
    public var upper: ExactDecimal?
    /// For a percent: `%` or `‰` (千分之, ‰).
    public var percentUnit: String? {
        get { percentSign == 1 ? "%" : percentSign == 2 ? "‰" : nil }
        set { percentSign = newValue == "%" ? 1 : newValue == "‰" ? 2 : 0 }
    }
    /// `percentUnit` as a number (0 none, 1 %, 2 ‰), so that a quantity holds no reference
    /// and copies as plain memory.
    var percentSign: UInt8 = 0
    /// For a fraction: its exact numerator and denominator.
    public var fraction: Rational?
    /// For an ordinal counted from the end (倒数第二): true.
    public var fromEnd: Bool

    /// Creates a quantity.
    public init(
        kind: Kind, value: ExactDecimal, qualifier: Qualifier = .exact, upper: ExactDecimal? = nil,
        percentUnit: String? = nil, fraction: Rational? = nil, fromEnd: Bool = false
    ) {
        self.kind = kind
        self.value = value
        self.qualifier = qualifier
        self.upper = upper
        self.fraction = fraction
        self.fromEnd = fromEnd
        if let percentUnit { self.percentUnit = percentUnit }
    }

    /// A quantity with no upper bound, fraction or hedge, its percent sign given as `percentSign`
    /// (0 none, 1 %, 2 ‰): what the scanner's fast path makes, without comparing strings.
    init(kind: Kind, value: ExactDecimal, percentSign: UInt8) {
        self.kind = kind
        self.value = value
        qualifier = .exact
        upper = nil
        fraction = nil
        fromEnd = false
        self.percentSign = percentSign
    }

    enum CodingKeys: String, CodingKey {
        case kind, value, qualifier, upper, percentUnit, fraction, fromEnd
    }

    /// Decodes the keys `kind`, `value`, `qualifier`, `upper`, `percentUnit`, `fraction`, `fromEnd`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(Kind.self, forKey: .kind), value: try c.decode(ExactDecimal.self, forKey: .value),
            qualifier: try c.decode(Qualifier.self, forKey: .qualifier),
            upper: try c.decodeIfPresent(ExactDecimal.self, forKey: .upper),
            percentUnit: try c.decodeIfPresent(String.self, forKey: .percentUnit),
            fraction: try c.decodeIfPresent(Rational.self, forKey: .fraction),
            fromEnd: try c.decode(Bool.self, forKey: .fromEnd))
    }

    /// Encodes the keys that `init(from:)` reads, leaving out those without a value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(value, forKey: .value)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encodeIfPresent(upper, forKey: .upper)
        try c.encodeIfPresent(percentUnit, forKey: .percentUnit)
        try c.encodeIfPresent(fraction, forKey: .fraction)
        try c.encode(fromEnd, forKey: .fromEnd)
    }

    /// The value as a Foundation `Decimal`, exact.
    public var decimalValue: Decimal { value.decimalValue }
}

import FoundationEssentials
