/// Something that finds facts in a document's text.
///
/// `QuantityFacts().facts(in: "新成立非公企业党组织11个")` gives one count fact, 11 个.
public protocol FactSource: Sendable {
    /// The facts of `text`, sorted by start offset.
    func facts(in text: String) -> [Fact]
}

/// Counts, money, percents, measures, durations, ordinals and numbers: `提供授信4000余万元` → 40000000 CNY, over.
public struct QuantityFacts: FactSource {
    /// Creates the extractor.
    public init() {}

    public func facts(in text: String) -> [Fact] {
        var copy = text
        return copy.withUTF8 { QuantityExtractor(bytes: $0).facts() }
    }
}

/// Dates, five-year plans and meetings: `2024年12月末` → `2024-12`, part end; `“十四五”` → plan 14.
public struct TimeFacts: FactSource {
    /// Creates the extractor.
    public init() {}

    public func facts(in text: String) -> [Fact] {
        var copy = text
        return copy.withUTF8 { buffer in
            var facts = TimeExtractor(reader: UTF8Reader(buffer)).facts()
            ScalarOffsets.fill(&facts, in: buffer)
            facts.sortInDocumentOrder()
            return facts
        }
    }
}

/// Titles, terms, organisations, places and persons: `《条例》`, `“书记项目”`, `北京大学`, `安庆高新区`, `习近平`.
///
/// Named facts follow the flat policy of the golden files: none inside a title, a term
/// or an organisation's name.
public struct NamedFacts: FactSource {
    /// Creates the extractor.
    public init() {}

    public func facts(in text: String) -> [Fact] {
        var copy = text
        return copy.withUTF8 { buffer in
            var facts = FactExtractor.flatten(NamedExtractor(reader: UTF8Reader(buffer)).facts())
            ScalarOffsets.fill(&facts, in: buffer)
            facts.sortInDocumentOrder()
            return facts
        }
    }
}

/// Finds every fact of a document: quantities, time and names.
///
/// `FactExtractor().facts(in: "新成立非公企业党组织11个、工会4个")` gives two count
/// facts: 11 个 (subject 非公企业党组织) and 4 个 (subject 工会), sorted by start.
public struct FactExtractor: FactSource {
    /// The kinds to report; all when nil.
    public var kinds: Set<FactKind>?

    /// Creates an extractor for `kinds`, or for every kind.
    public init(kinds: Set<FactKind>? = nil) {
        self.kinds = kinds
    }

    /// The facts of `text`, sorted by start offset (then end, then kind).
    public func facts(in text: String) -> [Fact] {
        var copy = text
        return copy.withUTF8 { facts(utf8: $0) }
    }

    /// The facts of UTF-8 `bytes` (invalid bytes read as U+FFFD, one scalar each).
    public func facts(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Fact] {
        let reader = UTF8Reader(bytes)
        let wants = { (k: FactKind) in kinds?.contains(k) ?? true }
        var facts: [Fact] = []
        if FactKind.allCases.contains(where: { $0.isQuantity && wants($0) }) {
            facts += QuantityExtractor(bytes: bytes).facts()
        }
        var others: [Fact] = []
        if wants(.date) || wants(.plan) || wants(.meeting) {
            others += TimeExtractor(reader: reader).facts()
        }
        if [FactKind.title, .term, .org, .place, .person].contains(where: wants) {
            others += Self.flatten(NamedExtractor(reader: reader).facts())
        }
        ScalarOffsets.fill(&others, in: bytes)
        if kinds != nil {
            facts.removeAll { !wants($0.kind) }
            others.removeAll { !wants($0.kind) }
        }
        others.sortInDocumentOrder()
        // Both lists are in document order: merge them.
        return Self.merge(facts, others)
    }

    static func merge(_ a: [Fact], _ b: [Fact]) -> [Fact] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [Fact] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if Fact.documentOrder(b[j], a[i]) {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
            }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    /// Named facts under the flat policy: none strictly inside a title, a term or an
    /// organisation; of two facts of one kind that overlap, the longer (an organisation
    /// also removes a place it overlaps). Linear after sorting, whatever the document's size.
    static func flatten(_ facts: [Fact]) -> [Fact] {
        // Sorted through small keys, moving each (large) fact once.
        let order = facts.indices.sorted {
            (facts[$0].utf8Start, -facts[$0].utf8End, $0) < (facts[$1].utf8Start, -facts[$1].utf8End, $1)
        }
        let sorted = order.map { facts[$0] }
        // Strictly inside a container: a container starting before it ends at or after its end,
        // or one starting with it ends after it.
        var kept: [Fact] = []
        var maxEndBefore = -1
        var sameStart = -1
        var maxEndSame = -1
        for f in sorted {
            if f.utf8Start != sameStart {
                maxEndBefore = max(maxEndBefore, maxEndSame)
                sameStart = f.utf8Start
                maxEndSame = -1
            }
            let inside = maxEndBefore >= f.utf8End || maxEndSame > f.utf8End
            if f.kind == .title || f.kind == .term || f.kind == .org {
                maxEndSame = max(maxEndSame, f.utf8End)
            }
            if !inside { kept.append(f) }
        }
        // Overlaps, resolved inside each cluster of facts that overlap one another.
        var out: [Fact] = []
        var cluster: [Fact] = []
        var clusterEnd = -1
        func resolve() {
            guard cluster.count > 1 else {
                out += cluster
                return
            }
            let byLength = cluster.sorted { a, b in
                (a.utf8End - a.utf8Start, -a.utf8Start) > (b.utf8End - b.utf8Start, -b.utf8Start)
            }
            var chosen: [Fact] = []
            for f in byLength where !chosen.contains(where: {
                ($0.kind == f.kind || ($0.kind == .org && f.kind == .place)) && $0.utf8Start < f.utf8End
                    && f.utf8Start < $0.utf8End
            }) {
                chosen.append(f)
            }
            out += chosen
        }
        for f in kept {
            if f.utf8Start >= clusterEnd {
                resolve()
                cluster.removeAll(keepingCapacity: true)
                clusterEnd = -1
            }
            cluster.append(f)
            clusterEnd = max(clusterEnd, f.utf8End)
        }
        resolve()
        return out
    }
}

extension FactKind {
    /// Whether the kind is one of the numeric quantity kinds (count … number).
    public var isQuantity: Bool {
        switch self {
        case .count, .money, .percent, .measure, .duration, .ordinal, .number: return true
        default: return false
        }
    }
}

extension Fact {
    /// Document order: by start, then end, then kind.
    static func documentOrder(_ a: Fact, _ b: Fact) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        return a.kind.orderIndex < b.kind.orderIndex
    }
}

extension Array where Element == Fact {
    /// Sorts by a small key per fact and moves each fact once (facts are large structs).
    mutating func sortInDocumentOrder() {
        var keys: [(Int, Int, Int, Int)] = []
        keys.reserveCapacity(count)
        var sorted = true
        for (k, f) in enumerated() {
            let key = (f.start, f.end, f.kind.orderIndex, k)
            if let last = keys.last, key < last { sorted = false }
            keys.append(key)
        }
        if sorted { return }
        keys.sort { $0 < $1 }
        self = keys.map { self[$0.3] }
    }
}

extension FactKind {
    /// Kinds in the order of their names, as `documentOrder` breaks ties.
    static let order: [FactKind: Int] = Dictionary(
        uniqueKeysWithValues: FactKind.allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })

    /// `order[self]` without hashing: the kind's place among the kinds sorted by name.
    var orderIndex: Int {
        switch self {
        case .count: return 0
        case .date: return 1
        case .duration: return 2
        case .measure: return 3
        case .meeting: return 4
        case .money: return 5
        case .number: return 6
        case .ordinal: return 7
        case .org: return 8
        case .percent: return 9
        case .person: return 10
        case .place: return 11
        case .plan: return 12
        case .term: return 13
        case .title: return 14
        }
    }
}

/// Fills `start` and `end` (Unicode scalars) from `utf8Start` and `utf8End` in one sweep.
enum ScalarOffsets {
    static func fill(_ facts: inout [Fact], in bytes: UnsafeBufferPointer<UInt8>) {
        guard !facts.isEmpty else { return }
        // Every offset to convert, sorted; then one forward count of scalar starts.
        var marks: [Int] = []
        marks.reserveCapacity(facts.count * 2)
        for f in facts {
            marks.append(f.utf8Start)
            marks.append(f.utf8End)
        }
        marks.sort()
        var scalars = [Int](repeating: 0, count: marks.count)
        var byte = 0
        var scalar = 0
        let n = bytes.count
        for (k, m) in marks.enumerated() {
            let target = min(m, n)
            // A scalar starts at every byte that is not a continuation byte (invalid bytes count one each,
            // as UTF8Reader decodes them).
            // Eight bytes at a time: a byte starts a scalar unless it is 10xxxxxx.
            if let base = bytes.baseAddress {
                while byte + 8 <= target {
                    let x = UnsafeRawPointer(base + byte).loadUnaligned(as: UInt64.self)
                    let continuation = x & 0x8080_8080_8080_8080 & ~(x << 1)
                    scalar += 8 - (continuation & 0x8080_8080_8080_8080).nonzeroBitCount
                    byte += 8
                }
            }
            while byte < target {
                if bytes[byte] & 0xC0 != 0x80 { scalar += 1 }
                byte += 1
            }
            scalars[k] = scalar
        }
        @inline(__always) func lookup(_ m: Int) -> Int {
            var lo = 0
            var hi = marks.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if marks[mid] < m { lo = mid + 1 } else { hi = mid }
            }
            return scalars[lo]
        }
        for k in facts.indices {
            facts[k].start = lookup(facts[k].utf8Start)
            facts[k].end = lookup(facts[k].utf8End)
        }
    }
}
