@_exported import ChineseNumerals

/// The kinds of fact, as the fact schema (FACTS.md) names them.
public enum FactKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// A number of things, people or events with its measure word: `11个`.
    case count
    /// An amount of money in a currency's base unit: `4000余万元` → 40000000 CNY.
    case money
    /// A percentage, per-mille or percentage points: `32%`, `6.77‰`, `2.2个百分点`.
    case percent
    /// A physical or other quantity with a unit: `3.5万亩` → 35000 亩.
    case measure
    /// A length of time: `2个月`.
    case duration
    /// A rank or position: `第十五批`, `首届`.
    case ordinal
    /// A number with no measure word or unit: `13亿多人口`, `三分之二`.
    case number
    /// A date or period: `2024年12月末` → `2024-12`.
    case date
    /// A five-year plan: `十四五` → 14.
    case plan
    /// A numbered congress or its sessions: `二十届三中全会` → 20, plenum 3.
    case meeting
    /// A document named in 《》.
    case title
    /// A named campaign, programme or slogan in “”.
    case term
    /// An organisation.
    case org
    /// A place.
    case place
    /// A person's name.
    case person

    /// Whether the kind's value is a number.
    public var isNumeric: Bool {
        switch self {
        case .count, .money, .percent, .measure, .duration, .ordinal, .number, .plan, .meeting: return true
        default: return false
        }
    }
}

/// A fact's value: an exact number, or text (dates, names).
public enum FactValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An exact number: `40000000`.
    case number(ExactDecimal)
    /// Text: `"2024-12"`, `"安庆高新区"`.
    case text(String)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let d = try? c.decode(ExactDecimal.self), (try? c.decode(String.self)) == nil {
            self = .number(d)
        } else {
            self = .text(try c.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .number(let d): try d.encode(to: encoder)
        case .text(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        }
    }

    public var description: String {
        switch self {
        case .number(let d): return d.description
        case .text(let s): return s
        }
    }

    /// The number, if the value is one.
    public var number: ExactDecimal? {
        if case .number(let d) = self { return d }
        return nil
    }
}

/// Whether a quantity is a change, and which way.
public enum Change: String, Sendable, Codable, Hashable {
    /// 增长 提高 上升 增加: `同比增长32%`.
    case increase
    /// 下降 减少 降低: `比上年减少139万人`.
    case decrease
}

/// One structured, checkable fact found in a document.
///
/// `新成立非公企业党组织11个` gives a count fact: text `11个`, value 11, unit `个`,
/// subject `非公企业党组织`. Offsets count Unicode scalars from the start of the
/// document, end exclusive (as Python's `str` does); `utf8Start`/`utf8End` give bytes.
public struct Fact: Sendable, Hashable, Codable {
    /// What sort of fact it is.
    public var kind: FactKind
    /// The surface text, exactly as in the document: `4000余万元`.
    public var text: String
    /// First Unicode scalar of `text` in the document.
    public var start: Int
    /// One past the last Unicode scalar of `text`.
    public var end: Int
    /// The value: a number in the unit's base (元, not 万元), or text.
    public var value: FactValue
    /// The unit: a measure word (个), ISO 4217 code (CNY), `%`, `‰`, `pp`, or a unit as written (亩).
    public var unit: String?
    /// The hedge: `.over` for 余 多 超; nil means exact.
    public var qualifier: Qualifier?
    /// With `qualifier == .range`: the upper bound.
    public var upper: ExactDecimal?
    /// The thing measured, as written: `非公企业党组织`.
    public var subject: String?
    /// The property measured: `覆盖率`, `余额`.
    public var attribute: String?
    /// For a change: increase or decrease.
    public var change: Change?
    /// The date or period the fact belongs to, where its clause states one: `2024`.
    public var date: String?
    /// For time facts: `start`, `end` or `middle` (初 末 中).
    public var part: String?
    /// For time facts: true for 以来.
    public var since: Bool?
    /// For time facts: true for 年度.
    public var fiscal: Bool?
    /// For plans: the years covered, `2021/2025`.
    public var period: String?
    /// For meetings: the plenary session or session number.
    public var plenum: Int?
    /// The rule that produced the fact (`<数><量词>`), for `--explain`.
    public var rule: String?
    /// First UTF-8 byte of `text` in the document.
    public var utf8Start: Int
    /// One past the last UTF-8 byte of `text`.
    public var utf8End: Int

    enum CodingKeys: String, CodingKey {
        case kind, text, start, end, value, unit, qualifier, upper, subject, attribute, change, date, part, since,
            fiscal, period, plenum, rule
        case utf8Start = "utf8_start"
        case utf8End = "utf8_end"
    }
}

extension Fact {
    /// Creates a fact.
    public init(
        kind: FactKind, text: String, start: Int, end: Int, value: FactValue, unit: String? = nil,
        qualifier: Qualifier? = nil, upper: ExactDecimal? = nil, subject: String? = nil, attribute: String? = nil,
        change: Change? = nil, date: String? = nil, rule: String? = nil, utf8Start: Int = 0, utf8End: Int = 0
    ) {
        // Through the memberwise initializer (the initializers sit in this extension so that the
        // struct keeps it): assigning the properties one by one compiled every new fact to a copy
        // of a temporary and the destruction of the temporary, in every extractor.
        self.init(
            kind: kind, text: text, start: start, end: end, value: value, unit: unit, qualifier: qualifier, upper: upper,
            subject: subject, attribute: attribute, change: change, date: date, part: nil, since: nil, fiscal: nil,
            period: nil, plenum: nil, rule: rule, utf8Start: utf8Start, utf8End: utf8End)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(FactKind.self, forKey: .kind)
        text = try c.decode(String.self, forKey: .text)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
        value = try c.decode(FactValue.self, forKey: .value)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        qualifier = try c.decodeIfPresent(Qualifier.self, forKey: .qualifier)
        upper = try c.decodeIfPresent(ExactDecimal.self, forKey: .upper)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        attribute = try c.decodeIfPresent(String.self, forKey: .attribute)
        change = try c.decodeIfPresent(Change.self, forKey: .change)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        part = try c.decodeIfPresent(String.self, forKey: .part)
        since = try c.decodeIfPresent(Bool.self, forKey: .since)
        fiscal = try c.decodeIfPresent(Bool.self, forKey: .fiscal)
        period = try c.decodeIfPresent(String.self, forKey: .period)
        plenum = try c.decodeIfPresent(Int.self, forKey: .plenum)
        rule = try c.decodeIfPresent(String.self, forKey: .rule)
        utf8Start = try c.decodeIfPresent(Int.self, forKey: .utf8Start) ?? 0
        utf8End = try c.decodeIfPresent(Int.self, forKey: .utf8End) ?? 0
    }
}

/// A document: an identifier and its text.
///
/// `Document(id: "seed.txt", text: "新成立非公企业党组织11个")`.
public struct Document: Sendable, Hashable {
    /// The identifier printed with each fact as `doc`: a path or a JSON Lines `id`.
    public var id: String
    /// The text.
    public var text: String

    /// Creates a document.
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}
