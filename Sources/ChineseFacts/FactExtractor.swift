#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif
import ChineseTokenization
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

    /// Builds the tables every extractor shares (lexicons, skip filters: some 16 million
    /// instructions) now, so that the first document does not wait for them.
    ///
    /// Optional: the first call of `facts(in:)` builds them otherwise. It runs the extractor once
    /// on a short text that reaches every pass, such as `2024年，安庆市新成立党组织11个`.
    /// `extract` calls it on a background thread while it parses its arguments.
    public static func prepare() {
        _ = FactExtractor().facts(in: warmUpText)
    }

    /// The text `prepare()` reads: a date, a place, a count and a hedged percent, one for each pass.
    static let warmUpText = "2024年，安庆市新成立党组织11个，占比约50%。"

    /// The facts of `text`, sorted by start offset (then end, then kind).
    public func facts(in text: String) -> [Fact] {
        var copy = text
        return copy.withUTF8 { facts(wellFormedUTF8: $0) }
    }

    /// The facts of UTF-8 `bytes`, as `facts(in:)` finds them in `String(decoding: bytes, as: UTF8.self)`.
    ///
    /// Bytes that are not well-formed UTF-8 are first repaired the way `String(decoding:as:)`
    /// repairs them (each ill-formed sequence becomes U+FFFD), and the offsets of the facts
    /// then refer to the repaired text. `facts(utf8:)` on the bytes of `新成立党组织11个` gives
    /// one count fact at UTF-8 offsets 18..<23.
    public func facts(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Fact] {
        guard DecodedText.isValidUTF8(bytes) else {
            var repaired = String(decoding: bytes, as: UTF8.self)
            return repaired.withUTF8 { facts(wellFormedUTF8: $0) }
        }
        return facts(wellFormedUTF8: bytes)
    }

    /// The facts of bytes known to be well-formed UTF-8 (checked by `DecodedText.isValidUTF8`,
    /// or read by `JSONLine.utf8Fields`), without checking them again: what `extract`'s workers call.
    ///
    /// `facts(wellFormedUTF8:)` on the bytes of `工会4个` gives one count fact, 4 个. On bytes that
    /// are not well-formed it does not trap, but offsets may disagree with any repaired text:
    /// use `facts(utf8:)` for bytes from elsewhere.
    public func facts(wellFormedUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Fact] {
        let reader = UTF8Reader(bytes)
        let wants = { (k: FactKind) in kinds?.contains(k) ?? true }
        var facts: [Fact] = []
        if FactKind.allCases.contains(where: { $0.isQuantity && wants($0) }) {
            facts = QuantityExtractor(bytes: bytes).facts()
        }
        var others: [Fact] = []
        if wants(.date) || wants(.plan) || wants(.meeting) {
            others = TimeExtractor(reader: reader).facts()
        }
        if [FactKind.title, .term, .org, .place, .person].contains(where: wants) {
            var named = Self.flatten(NamedExtractor(reader: reader).facts())
            others.appendMoving(&named)
        }
        ScalarOffsets.fill(&others, in: bytes)
        if kinds != nil {
            facts.removeAll { !wants($0.kind) }
            others.removeAll { !wants($0.kind) }
        }
        others.sortInDocumentOrder()
        // Both lists are in document order: merge them.
        return Self.merge(&facts, &others)
    }

    /// The facts of two lists in document order, both sorted; of two facts in the same place,
    /// the one of `a` first. Merged from the back, so that each fact moves and none is copied
    /// (both lists are left empty).
    static func merge(_ a: inout [Fact], _ b: inout [Fact]) -> [Fact] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [Fact] = []
        out.reserveCapacity(a.count + b.count)
        while let i = a.indices.last, let j = b.indices.last {
            let bBeforeA =
                b[j].start != a[i].start
                ? b[j].start < a[i].start
                : b[j].end != a[i].end ? b[j].end < a[i].end : b[j].kind.orderIndex < a[i].kind.orderIndex
            out.append(bBeforeA ? a.removeLast() : b.removeLast())
        }
        while !a.isEmpty { out.append(a.removeLast()) }
        while !b.isEmpty { out.append(b.removeLast()) }
        out.withUnsafeMutableBufferPointer { $0.reverse() }
        return out
    }

    /// Named facts under the flat policy: none strictly inside a title, a term or an
    /// organisation; of two facts of one kind that overlap, the longer (an organisation
    /// also removes a place it overlaps). Linear after sorting, whatever the document's size.
    static func flatten(_ input: consuming [Fact]) -> [Fact] {
        var facts = input
        // Decided on indices; the facts themselves move once, at the end.
        let order = facts.indices.sorted {
            (facts[$0].utf8Start, -facts[$0].utf8End, $0) < (facts[$1].utf8Start, -facts[$1].utf8End, $1)
        }
        // Strictly inside a container: a container starting before it ends at or after its end,
        // or one starting with it ends after it.
        var kept: [Int] = []
        var maxEndBefore = -1
        var sameStart = -1
        var maxEndSame = -1
        for k in order {
            let start = facts[k].utf8Start, end = facts[k].utf8End, kind = facts[k].kind
            if start != sameStart {
                maxEndBefore = max(maxEndBefore, maxEndSame)
                sameStart = start
                maxEndSame = -1
            }
            let inside = maxEndBefore >= end || maxEndSame > end
            if kind == .title || kind == .term || kind == .org {
                maxEndSame = max(maxEndSame, end)
            }
            if !inside { kept.append(k) }
        }
        // Overlaps, resolved inside each cluster of facts that overlap one another.
        var out: [Int] = []
        var cluster: [Int] = []
        var clusterEnd = -1
        func resolve() {
            guard cluster.count > 1 else {
                out += cluster
                return
            }
            let byLength = cluster.sorted { a, b in
                (facts[a].utf8End - facts[a].utf8Start, -facts[a].utf8Start)
                    > (facts[b].utf8End - facts[b].utf8Start, -facts[b].utf8Start)
            }
            var chosen: [Int] = []
            for f in byLength where !chosen.contains(where: {
                (facts[$0].kind == facts[f].kind || (facts[$0].kind == .org && facts[f].kind == .place))
                    && facts[$0].utf8Start < facts[f].utf8End && facts[f].utf8Start < facts[$0].utf8End
            }) {
                chosen.append(f)
            }
            out += chosen
        }
        for k in kept {
            if facts[k].utf8Start >= clusterEnd {
                resolve()
                cluster.removeAll(keepingCapacity: true)
                clusterEnd = -1
            }
            cluster.append(k)
            clusterEnd = max(clusterEnd, facts[k].utf8End)
        }
        resolve()
        facts.rearrange(keeping: out)
        return facts
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
    /// Sorts by a small key per fact; facts move by swaps, none is copied.
    mutating func sortInDocumentOrder() {
        var keys: [(Int, Int, Int, Int)] = []
        keys.reserveCapacity(count)
        var sorted = true
        for k in indices {
            let key = (self[k].start, self[k].end, self[k].kind.orderIndex, k)
            if let last = keys.last, key < last { sorted = false }
            keys.append(key)
        }
        if sorted { return }
        keys.sort { $0 < $1 }
        rearrange(keeping: keys.map(\.3))
    }
}

extension Array {
    /// Appends the elements of `other`, leaving it empty; they move and are not copied.
    mutating func appendMoving(_ other: inout [Element]) {
        reserveCapacity(count + other.count)
        other.withUnsafeMutableBufferPointer { $0.reverse() }
        while let e = other.popLast() { append(e) }
    }

    /// Puts the elements at `order` (distinct indices) first, in that order, and removes the
    /// rest: `[a, b, c, d].rearrange(keeping: [2, 0])` leaves `[c, a]`. Elements move by swaps
    /// and are never copied, which matters for large structs with many references.
    mutating func rearrange(keeping order: [Int]) {
        var position = Array<Int>(indices)  // where the element first at i is now
        var original = Array<Int>(indices)  // which element is now at p
        withUnsafeMutableBufferPointer { buffer in
            for (k, source) in order.enumerated() {
                let p = position[source]
                guard p != k else { continue }
                buffer.swapAt(k, p)
                let displaced = original[k]
                original[k] = source
                original[p] = displaced
                position[source] = k
                position[displaced] = p
            }
        }
        removeSubrange(order.count...)
    }
}

extension FactKind {
    /// The kind's place among the kinds sorted by name, as `documentOrder` breaks ties.
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
    /// The number of Unicode scalars that start in bytes `from..<to`: every byte that is not a
    /// continuation byte (invalid bytes count one each, as UTF8Reader decodes them).
    /// Sixteen bytes at a time with SSE2, else eight.
    static func count(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var byte = start
        var scalar = 0
        let target = min(end, bytes.count)
        if let base = bytes.baseAddress {
            #if arch(x86_64)
            // Continuation bytes counted per lane (a compare gives -1 for each, subtracted), summed
            // across lanes (psadbw) every 255 blocks and at the end: no population count, which
            // baseline x86-64 lacks.
            while byte + 16 <= target {
                var lanes = _mm_setzero_si128()
                var blocks = 0
                while blocks < 255, byte + 16 <= target {
                    let x = _mm_loadu_si128(UnsafeRawPointer(base + byte).assumingMemoryBound(to: __m128i.self))
                    // As signed bytes, 80...BF are below -64.
                    lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(x, _mm_set1_epi8(-64)))
                    byte += 16
                    blocks += 1
                }
                let sums = _mm_sad_epu8(lanes, _mm_setzero_si128())
                let continuation = Int(_mm_cvtsi128_si64(sums)) + Int(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)))
                scalar += 16 * blocks - continuation
            }
            #endif
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
        return scalar
    }

    /// Sets each fact's `start` and `end` (scalar offsets) from its UTF-8 offsets, with one
    /// cursor that moves forward: facts come in runs sorted by start (the time pass's, then the
    /// named pass's), and where a start lies before the cursor it goes back to the beginning.
    /// A fact's end is counted on from its start (a few bytes, counted in place).
    static func fill(_ facts: inout [Fact], in bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        @inline(__always) func scalars(from a: Int, to b: Int) -> Int {
            if b &- a > 64 { return count(in: bytes, from: a, to: b) }
            var s = 0
            var k = a
            while k < b {
                if bytes[k] & 0xC0 != 0x80 { s &+= 1 }
                k &+= 1
            }
            return s
        }
        var byte = 0
        var scalar = 0
        facts.withUnsafeMutableBufferPointer { list in
            for k in list.indices {
                let s = min(max(list[k].utf8Start, 0), n)
                if s < byte {
                    byte = 0
                    scalar = 0
                }
                scalar &+= scalars(from: byte, to: s)
                byte = s
                list[k].start = scalar
                let e = min(max(list[k].utf8End, 0), n)
                list[k].end = e >= s ? scalar &+ scalars(from: s, to: e) : scalars(from: 0, to: e)
            }
        }
    }
}
