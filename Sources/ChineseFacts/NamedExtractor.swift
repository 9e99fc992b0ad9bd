#if canImport(Glibc)
import Glibc
#endif
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Byte-level tables for the named extractor, built once from `NamedLexicon`.
final class NamedTables: Sendable {
    static let shared = NamedTables()

    enum Entry: Sendable {
        case place(needsSuffix: Bool, province: Bool, fullName: Bool)
        case org
        case person
    }

    /// Gazetteer words, grouped by first scalar, longest first in each group.
    let gazetteerEntries: [(word: UTF8Word, entry: Entry)]
    /// The entries' UTF-8 bytes one after another, and where each lies in it: matched in place,
    /// without touching the words' arrays.
    let gazetteerBytes: [UInt8]
    let gazetteerSpans: [(start: Int, count: Int)]
    /// Where each first scalar's group lies in `gazetteerEntries`.
    let gazetteerIndex: ScalarIndex
    let placeSuffixes: [UTF8Word]
    /// For each of `placeSuffixes`: 1 if only a province takes it (省 自治区 特别行政区),
    /// 2 if a province never does (县 区), 0 otherwise.
    let placeSuffixRestriction: [UInt8]
    /// The strong organisation suffixes in the order of `orgSuffixes.words`.
    let strongSuffixWords: [UTF8Word]
    let orgSuffixes: WordSet
    /// For each of `orgSuffixes.words`, whether it is strong.
    let isStrongSuffix: [Bool]
    /// For each of `orgSuffixes.words`, the suffix checks that need its text, by index:
    /// 小学 (not after 中) and 集团 or 股份 (not before 制 化 型 军).
    let isXiaoxue: [Bool]
    let isGroupOrShares: [Bool]
    /// `NamedLexicon.placeNameNonInitials` and `placeNameNonFinals` (characters of one scalar each).
    let placeNameNonInitials: ScalarSet
    let placeNameNonFinals: ScalarSet
    let introducers: WordSet
    let creditMarkers: WordSet
    let listHeads: WordSet
    let nonNameParts: WordSet
    let industryWords: WordSet
    /// `NamedLexicon.genericOrganisationNames`, matched on bytes: a name that is only one of these is none.
    let genericNames: WordSet
    let nonInitials = ScalarSet(["各该本全每此其多所等两一二三四五六七八九十几数更高境第"], skipping: false)
    /// The first two scalars of gazetteer words (`pairHash`), and the words of one scalar:
    /// most places where a word's first scalar stands hold no word, and a bit test says so.
    let gazetteerPairs: [UInt64]
    let gazetteerSingles: ScalarSet

    @inline(__always) static func pairHash(_ a: UInt32, _ b: UInt32) -> Int {
        var h = (a &* 0x9E37_79B1) ^ (b &* 0x85EB_CA77)
        h ^= h >> 15
        return Int(h & 0xFFFF)
    }

    /// Whether a gazetteer word may start with the scalars `a`, `b`.
    @inline(__always) func mayStartGazetteerWord(_ a: UInt32, _ b: UInt32) -> Bool {
        let h = Self.pairHash(a, b)
        return gazetteerPairs[h >> 6] & (1 << UInt64(h & 63)) != 0 || gazetteerSingles.contains(a)
    }

    /// First scalars of gazetteer words, for a one-bit test before the dictionary lookup.
    let gazetteerFirst: ScalarSet

    init() {
        var g: [UInt32: [(word: UTF8Word, entry: Entry)]] = [:]
        func add(_ s: String, _ e: Entry) {
            guard let first = s.unicodeScalars.first else { return }
            g[first.value, default: []].append((UTF8Word(s), e))
        }
        for (short, full) in NamedLexicon.provinces {
            add(full, .place(needsSuffix: false, province: true, fullName: true))
            add(short, .place(needsSuffix: false, province: true, fullName: false))
        }
        for c in NamedLexicon.cities {
            add(c, .place(needsSuffix: NamedLexicon.citiesNeedingSuffix.contains(c), province: false, fullName: false))
        }
        for o in NamedLexicon.nationalOrganisations { add(o, .org) }
        for p in NamedLexicon.persons { add(p, .person) }
        for k in g.keys { g[k]!.sort { $0.word.bytes.count > $1.word.bytes.count } }
        var entries: [(word: UTF8Word, entry: Entry)] = []
        var groups: [UInt32: [Int]] = [:]
        for (k, list) in g.sorted(by: { $0.key < $1.key }) {
            groups[k] = Array(entries.count..<(entries.count + list.count))
            entries += list
        }
        gazetteerEntries = entries
        var blob: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        for (w, _) in entries {
            spans.append((blob.count, w.bytes.count))
            blob += w.bytes
        }
        gazetteerBytes = blob
        gazetteerSpans = spans
        gazetteerIndex = ScalarIndex(groups)
        placeSuffixes = NamedLexicon.placeSuffixes.map(UTF8Word.init).sorted { $0.bytes.count > $1.bytes.count }
        placeSuffixRestriction = placeSuffixes.map {
            ["省", "自治区", "特别行政区"].contains($0.text) ? 1 : $0.text == "县" || $0.text == "区" ? 2 : 0
        }
        let suffixes = WordSet(NamedLexicon.organisationSuffixes.map(\.suffix))
        let strong = Set(NamedLexicon.organisationSuffixes.filter(\.strong).map(\.suffix))
        orgSuffixes = suffixes
        isStrongSuffix = suffixes.words.map { strong.contains($0.text) }
        isXiaoxue = suffixes.words.map { $0.text == "小学" }
        isGroupOrShares = suffixes.words.map { $0.text == "集团" || $0.text == "股份" }
        precondition((NamedLexicon.placeNameNonInitials.union(NamedLexicon.placeNameNonFinals)).allSatisfy { $0.unicodeScalars.count == 1 })
        placeNameNonInitials = ScalarSet(NamedLexicon.placeNameNonInitials.map { String($0) }, skipping: false)
        placeNameNonFinals = ScalarSet(NamedLexicon.placeNameNonFinals.map { String($0) }, skipping: false)
        strongSuffixWords = suffixes.words.filter { strong.contains($0.text) }
        introducers = WordSet(NamedLexicon.nameIntroducers)
        creditMarkers = WordSet(NamedLexicon.creditMarkers)
        listHeads = WordSet(NamedLexicon.organisationListHeads)
        nonNameParts = WordSet(NamedLexicon.nonNameParts)
        industryWords = WordSet(NamedLexicon.industryWords)
        genericNames = WordSet(NamedLexicon.genericOrganisationNameList)
        let gazetteerStarts = Self.starts(of: entries.map(\.word.text))
        gazetteerPairs = gazetteerStarts.pairs
        gazetteerSingles = ScalarSet(gazetteerStarts.singles, skipping: false)
        gazetteerFirst = ScalarSet(g.keys.compactMap { Unicode.Scalar($0).map { String($0) } }, skipping: false)
        // Where the pass stops: a scalar that alone may start something, or a first scalar
        // that may start a word together with the scalar after it.
        let stops = Self.starts(of: entries.map(\.word.text) + NamedLexicon.organisationSuffixes.map(\.suffix))
        stopPairs = stops.pairs
        var classes = [UInt8](repeating: 0, count: 65536)
        for w in stops.firsts { for sc in w.unicodeScalars where sc.value < 65536 { classes[Int(sc.value)] = 2 } }
        for w in stops.singles + ["《", "“", "「", "由", "县", "乡", "镇", "\n", "\r"] {
            for sc in w.unicodeScalars where sc.value < 65536 { classes[Int(sc.value)] = 1 }
        }
        stopClass = classes
        var low = [UInt8](repeating: 0, count: 65536)
        for cp in 0x800..<65536 where classes[cp] != 0 { low[Self.lastTwoBytes(UInt32(cp))] |= classes[cp] == 1 ? 1 : 2 }
        stopLow = low
        var raw = [UInt64](repeating: 0, count: 1024)
        for w in entries.map(\.word.text) + NamedLexicon.organisationSuffixes.map(\.suffix) {
            let sc = Array(w.unicodeScalars)
            guard sc.count >= 2, sc[0].value >= 0x800, sc[0].value < 65536, sc[1].value >= 0x800, sc[1].value < 65536 else { continue }
            let h = Self.rawPairHash(Self.lastTwoBytes(sc[0].value), Self.lastTwoBytes(sc[1].value))
            raw[h >> 6] |= 1 << UInt64(h & 63)
        }
        rawStopPairs = raw
    }

    /// The second and third UTF-8 bytes of a three-byte scalar as a little-endian `UInt16`
    /// (second byte low), as an eight-byte load of the text holds them.
    static func lastTwoBytes(_ v: UInt32) -> Int { Int(0x80 | (v >> 6) & 0x3F) | Int(0x80 | v & 0x3F) << 8 }

    /// A 16-bit hash of two characters' last two bytes each (`lastTwoBytes`).
    @inline(__always) static func rawPairHash(_ a: Int, _ b: Int) -> Int {
        Int(truncatingIfNeeded: (UInt32(truncatingIfNeeded: a | b << 16) &* 0x9E37_79B1) >> 16)
    }

    /// How words start: the bitmap of their first two scalars (`pairHash`), the words of one
    /// scalar, and the first scalars of the longer ones.
    static func starts(of words: [String]) -> (pairs: [UInt64], singles: [String], firsts: [String]) {
        var pairs = [UInt64](repeating: 0, count: 1024)
        var singles: [String] = []
        var firsts: [String] = []
        for word in words {
            let sc = Array(word.unicodeScalars)
            if sc.count < 2 {
                singles.append(word)
            } else {
                firsts.append(String(sc[0]))
                let h = pairHash(sc[0].value, sc[1].value)
                pairs[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
        return (pairs, singles, firsts)
    }

    /// The first two scalars of the words the pass looks for (`pairHash`).
    let stopPairs: [UInt64]
    /// For each BMP scalar: 1 if the pass stops at it, 2 if it stops when the pair with the next
    /// scalar is in `stopPairs`, 0 if it skips it. Where the pass reads eight bytes at a time
    /// (eight bytes left, two three-byte characters) and `stopLow` is 2 for the first, the pair
    /// must be in `rawStopPairs` as well.
    let stopClass: [UInt8]
    /// By the last two bytes of three-byte characters (`lastTwoBytes`): 1 where a character of
    /// class 1 ends with them, 2 where one of class 2 does; 0 is a character the pass skips,
    /// whatever its first byte.
    let stopLow: [UInt8]
    /// The pairs of `stopPairs` by their two characters' last two bytes (`rawPairHash`): a
    /// character of class 2 whose pair with the next is not here is skipped without decoding either.
    let rawStopPairs: [UInt64]

    /// The first byte offset at or after `start` where the named pass has something to check
    /// (see `stopClass` and `stopPairs`); every other character is skipped.
    func nextStop(in reader: UTF8Reader, from start: Int) -> Int {
        let bytes = reader.bytes
        let n = bytes.count
        var i = start
        return stopClass.withUnsafeBufferPointer { classes in
            stopPairs.withUnsafeBufferPointer { pairs in stopLow.withUnsafeBufferPointer { low in rawStopPairs.withUnsafeBufferPointer { raw in
                guard let base = bytes.baseAddress else { return i }
                while i < n {
                    // Three-byte characters one or two at a time, reading eight bytes: a character whose
                    // last two bytes no stop scalar has is skipped after one table read (with the next
                    // one when its last two bytes pass the same test), and one
                    // that only class-2 scalars share after a test of its pair's raw bytes; any
                    // other is decoded and judged by its class, and by its pair with the next character.
                    while i < n &- 7 {
                        let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        guard x & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 else { break }
                        let w0 = Int(truncatingIfNeeded: (x &>> 8) & 0xFFFF)
                        let f = low[w0]
                        if f == 0 {
                            // No stop: the next character (bytes 3–5, tested above) goes too if
                            // its last two bytes are no stop scalar's either.
                            let w1 = Int(truncatingIfNeeded: (x &>> 32) & 0xFFFF)
                            i &+= low[w1] == 0 ? 6 : 3
                            continue
                        }
                        if f == 2 {
                            let w1 = Int(truncatingIfNeeded: (x &>> 32) & 0xFFFF)
                            let h = Self.rawPairHash(w0, w1)
                            if raw[h &>> 6] & (1 &<< UInt64(h & 63)) == 0 {
                                // Not with this next character: it goes too if its last two bytes are no stop scalar's either.
                                i &+= low[w1] == 0 ? 6 : 3
                                continue
                            }
                        }
                        let cp = UInt32(truncatingIfNeeded: (x & 0x0F) &<< 12 | (x &>> 2) & 0xFC0 | (x &>> 16) & 0x3F)
                        let c = classes[Int(cp)]
                        if c == 1 { return i }
                        if c == 2 {
                            let next = UInt32(truncatingIfNeeded: (x &>> 12) & 0xF000 | (x &>> 26) & 0xFC0 | (x &>> 40) & 0x3F)
                            let h = Self.pairHash(cp, next)
                            if pairs[h &>> 6] & (1 &<< UInt64(h & 63)) != 0 { return i }
                        }
                        i &+= 3
                    }
                    guard i < n else { break }
                    let b0 = bytes[i]
                    if b0 < 0x80 {
                        if b0 == 0x0A || b0 == 0x0D { return i }
                        i &+= 1
                        continue
                    }
                    guard b0 & 0xF0 == 0xE0, i &+ 2 < n, bytes[i &+ 1] & 0xC0 == 0x80, bytes[i &+ 2] & 0xC0 == 0x80 else { return i }
                    let cp = (UInt32(b0 & 0x0F) &<< 12) | (UInt32(bytes[i &+ 1] & 0x3F) &<< 6) | UInt32(bytes[i &+ 2] & 0x3F)
                    let c = classes[Int(cp)]
                    if c == 1 { return i }
                    if c == 2 {
                        let h = Self.pairHash(cp, reader.decode(at: i &+ 3).value)
                        if pairs[h &>> 6] & (1 &<< UInt64(h & 63)) != 0 { return i }
                    }
                    i &+= 3
                }
                return i
            } } }
        }
    }
}

/// Titles, terms, organisations, places and persons over one document's UTF-8 bytes.
struct NamedExtractor {
    let reader: UTF8Reader
    let tables = NamedTables.shared

    func string(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[a..<b]), as: UTF8.self)
    }

    func fact(_ kind: FactKind, _ a: Int, _ b: Int, value: String? = nil, rule: String) -> Fact {
        let text = string(a, b)
        return Fact(kind: kind, text: text, start: 0, end: 0, value: .text(value ?? text), rule: rule, utf8Start: a, utf8End: b)
    }

    func facts() -> [Fact] {
        var out: [Fact] = []
        // One name in about 350 bytes on the benchmark corpus (more before overlaps are resolved): room enough that the list rarely grows.
        out.reserveCapacity(reader.count / 250 + 8)
        var i = 0
        let n = reader.count
        var lineStart = true
        while i < n {
            if !lineStart {
                i = tables.nextStop(in: reader, from: i)
                if i >= n { break }
            }
            let (v, len) = reader.decode(at: i)
            let step = max(len, 1)
            switch v {
            case 0x300A:  // 《
                _ = title(at: i, into: &out)
            case 0x201C, 0x300C:  // “ 「
                _ = term(at: i, close: v == 0x201C ? 0x201D : 0x300D, into: &out)
            case 0x7531:  // 由: 本版照片由陈嵩拍摄
                if let f = photoCredit(at: i) { out.append(f) }
            default:
                if lineStart, let fs = creditLine(at: i) { out.append(contentsOf: fs) }
                if tables.gazetteerFirst.contains(v), tables.mayStartGazetteerWord(v, reader.decode(at: i + step).value),
                    gazetteerFact(at: i, tables.gazetteerIndex.range(of: v), into: &out)
                {
                    let k = out.count - 1
                    // An organisation that begins with the place: 安庆市检察院, 安庆师范大学.
                    if out[k].kind == .place, let org = organisation(startingWith: out[k]) { out.append(org) }
                    i = out[k].utf8End
                    lineStart = false
                    continue
                }
                if tables.orgSuffixes.mayStart(v) { _ = organisation(suffixAt: i, into: &out) }
                if v == 0x53BF || v == 0x4E61 || v == 0x9547 { _ = smallPlace(suffixAt: i, into: &out) }  // 县 乡 镇
            }
            lineStart = v == 0x0A || v == 0x0D
            i += step
        }
        out += listedOrganisations(around: out)
        return out
    }

    // MARK: Titles and terms

    /// 《…》 on one line and at most 300 characters long, with nested 《》 counted and 〈…〉 kept inside.
    func title(at i: Int, into out: inout [Fact]) -> Bool {
        var depth = 0
        var j = i
        var steps = 0
        while j < reader.count, steps < 300 {
            steps += 1
            let (v, l) = reader.decode(at: j)
            if v == 0x0A || v == 0x0D { return false }
            if v == 0x300A { depth += 1 }
            if v == 0x300B {
                depth -= 1
                if depth == 0 {
                    guard j > i + 3 else { return false }
                    out.append(fact(.title, i, j + l, value: string(i + 3, j), rule: "《<题名>》"))
                    return true
                }
            }
            j += l
        }
        return false
    }

    /// “…” or 「…」 naming a programme, campaign or slogan: three to 25 characters, no
    /// sentence punctuation, not a five-year plan (“十四五”) or a quantity label (“五大”).
    func term(at i: Int, close: UInt32, into out: inout [Fact]) -> Bool {
        var j = i + 3
        var scalars = 0
        var ideographs = 0
        while j < reader.count {
            let (v, l) = reader.decode(at: j)
            if v == close { break }
            switch v {
            case 0x0A, 0x0D, 0xFF0C, 0x3002, 0xFF1B, 0xFF01, 0xFF1F, 0xFF1A, 0x201C, 0x300C, 0x300A: return false
            default: break
            }
            if isIdeograph(v) { ideographs += 1 }
            scalars += 1
            if scalars > 25 { return false }
            j += l
        }
        guard j < reader.count, scalars >= 3, ideographs >= 2 else { return false }
        let inner = string(i + 3, j)
        // “十四五”: a plan. “五大”: a number.
        if case .some = TimeExtractor(reader: reader).plan(at: i + 3) { return false }
        out.append(fact(.term, i, j + 3, value: inner, rule: "“<名>”"))
        return true
    }

    // MARK: Gazetteer

    func gazetteerFact(at i: Int, _ group: Range<Int>, into out: inout [Fact]) -> Bool {
        let available = reader.count - i
        for p in group {
            let k = tables.gazetteerIndex.items[p]
            let span = tables.gazetteerSpans[k]
            guard span.count <= available,
                tables.gazetteerBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + span.start, reader.bytes.baseAddress! + i, span.count) == 0 })
            else { continue }
            let (w, e) = tables.gazetteerEntries[k]
            var end = i + w.bytes.count
            switch e {
            case .person:
                out.append(fact(.person, i, end, rule: "<人名表>"))
                return true
            case .org:
                out.append(fact(.org, i, end, rule: "<机构表>"))
                return true
            case .place(let needsSuffix, let isProvince, let isFullName):
                var suffixed = false
                // 省, 自治区 and 特别行政区 follow only a province's name: not 芜湖省级.
                for (k, s) in tables.placeSuffixes.enumerated() where !isFullName && reader.matches(s.bytes, at: end) {
                    if !isProvince, tables.placeSuffixRestriction[k] == 1 { continue }
                    if isProvince, tables.placeSuffixRestriction[k] == 2 { continue }
                    // 安庆市委: 市 here begins an organ, still a place with 市.
                    end += s.bytes.count
                    suffixed = true
                    break
                }
                if needsSuffix && !suffixed { return false }
                out.append(fact(.place, i, end, rule: suffixed ? "<地名><后缀>" : "<地名>"))
                return true
            }
        }
        return false
    }

    /// A two-character name before 县 乡 镇 that follows a boundary or a verb: `到山口乡`.
    func smallPlace(suffixAt s: Int, into out: inout [Fact]) -> Bool {
        let b = reader.decode(before: s)
        let a = reader.decode(before: s - b.length)
        guard isIdeograph(a.value), isIdeograph(b.value), a.length == 3, b.length == 3 else { return false }
        let start = s - 6
        guard !tables.placeNameNonInitials.contains(a.value), !tables.placeNameNonFinals.contains(b.value) else { return false }
        // 推动县域, 加强县级: a verb, not a name.
        if tables.introducers.contains(in: reader, endingAt: s) { return false }
        let before = reader.decode(before: start)
        let bounded = !isIdeograph(before.value) || tables.introducers.contains(in: reader, endingAt: start)
        guard bounded else { return false }
        // 乡村, 镇街, 县级, 县域: the character is not a suffix here.
        let next = reader.decode(at: s + 3).value
        guard !"村镇级域城委直里长民情亲土街风".unicodeScalars.contains(where: { $0.value == next }) else { return false }
        out.append(fact(.place, start, s + 3, rule: "<名>县|乡|镇"))
        return true
    }

    // MARK: Organisations

    /// The stretch of ideographs before byte `s` that can be a name, at most `limit` long,
    /// cut after the last introducing word: `组织长宏` → `长宏`.
    func nameBefore(_ s: Int, limit: Int) -> (start: Int, bounded: Bool)? {
        var j = s
        var count = 0
        while count < limit {
            if tables.introducers.contains(in: reader, endingAt: j) {
                return j < s ? (j, true) : nil
            }
            let p = reader.decode(before: j)
            guard p.length > 0, isIdeograph(p.value) else { return j < s ? (j, true) : nil }
            j -= p.length
            count += 1
        }
        // Ran out of room: bounded only if an introducer or a non-ideograph stands right here.
        let p = reader.decode(before: j)
        let bounded = !isIdeograph(p.value) || tables.introducers.contains(in: reader, endingAt: j)
        return (j, bounded)
    }

    /// Whether a word of `set` stands anywhere inside bytes `a..<b`.
    func containsWord(_ set: WordSet, _ a: Int, _ b: Int) -> Bool {
        var i = a
        while i < b {
            let (v, l) = reader.decode(at: i)
            if set.mayStart(v) {
                for w in set.words where i + w.bytes.count <= b && reader.matches(w.bytes, at: i) { return true }
            }
            i += max(l, 1)
        }
        return false
    }

    /// Whether the name at bytes `a..<b` is a generic word, not a name (`集团`, `县级综合`, `各类`).
    func isGenericName(_ a: Int, _ b: Int) -> Bool {
        if tables.nonInitials.contains(reader.decode(at: a).value) { return true }
        if reader.matches("上市", endingAt: b) || reader.matches("行业", at: a) { return true }
        if containsWord(tables.nonNameParts, a, b) { return true }
        return tables.genericNames.isWord(in: reader, from: a, to: b)
    }

    /// An organisation named by its suffix: `北京大学`, `聚石化学集团`, `泽升科技`.
    func organisation(suffixAt s: Int, into out: inout [Fact]) -> Bool {
        guard let k = tables.orgSuffixes.longestIndex(in: reader, at: s) else { return false }
        let strong = tables.isStrongSuffix[k]
        let end = s + tables.orgSuffixes.words[k].bytes.count
        guard let (start, bounded) = nameBefore(s, limit: strong ? 6 : 4), bounded else { return false }
        guard s - start >= 6 || (s - start >= 2 && reader.decode(at: start).length < 3), !isGenericName(start, s) else { return false }
        // 城乡中小学: 中小学 is one word.
        if tables.isXiaoxue[k], reader.matches(scalar: "中", endingAt: s) { return false }
        // 300家二级以上医院: a measure word after a number is not a name's start.
        if NumeralLexicon.isDigit(reader.decode(before: start).value) { return false }
        // A suffix that is the head of a longer word: 科技贷款, 股份制, 学院派.
        let next = reader.decode(at: end)
        if !strong {
            // A company, not an industry: in a list (、 or 等) or after a verb such as 帮助, with no industry word.
            if containsWord(tables.industryWords, start, s) { return false }
            let before = reader.decode(before: start).value
            let listed = before == 0x3001 || reader.matches(scalar: "、", at: end) || reader.matches(scalar: "等", at: end)
            let introduced = tables.introducers.contains(in: reader, endingAt: start)
            guard listed || introduced else { return false }
            let ok = !isIdeograph(next.value) || tables.introducers.contains(in: reader, at: end)
                || ["成功", "获", "有限", "股份", "集团", "公司"].contains { reader.matches($0, at: end) }
            guard ok else { return false }
        } else if tables.isGroupOrShares[k] {
            if "制化型军".unicodeScalars.contains(where: { $0.value == next.value }) { return false }
        } else if "生习期派者里位".unicodeScalars.contains(where: { $0.value == next.value }) {
            // 大学生, 集中学习: the suffix begins another word.
            return false
        }
        // Another suffix right after: 聚石化学集团 is one name, found at 集团.
        if tables.orgSuffixes.contains(in: reader, at: end) { return false }
        out.append(fact(.org, start, end, rule: strong ? "<名><机构后缀>" : "<名><企业后缀>"))
        return true
    }

    /// An organisation that begins with a place: `安庆市检察院`, `太湖县廉洁文化馆`.
    func organisation(startingWith place: Fact) -> Fact? {
        var j = place.utf8End
        var count = 0
        while count <= 6 {
            if tables.orgSuffixes.mayStart(reader.decode(at: j).value) {
                for w in tables.strongSuffixWords where reader.matches(w.bytes, at: j) {
                    let end = j + w.bytes.count
                    if tables.orgSuffixes.contains(in: reader, at: end) { continue }
                    return fact(.org, place.utf8Start, end, rule: "<地名><名><机构后缀>")
                }
            }
            let (v, l) = reader.decode(at: j)
            guard isIdeograph(v), !tables.introducers.contains(in: reader, at: j) else { return nil }
            j += l
            count += 1
        }
        return nil
    }

    /// Members of a list that names organisations: `曙光、亿成、虹泰等产业链重点企业`,
    /// and `普利药业、迪合永欣` beside one found by its suffix.
    func listedOrganisations(around found: [Fact]) -> [Fact] {
        var out: [Fact] = []
        let orgEnds = found.indices.filter { found[$0].kind == .org && found[$0].rule == "<名><企业后缀>" }.map { found[$0].utf8End }
        // The starts of the facts found, made only when a member is first added (rarely).
        var known: Set<Int>? = nil
        func member(endingAt e: Int) -> Int? {
            guard let (s, bounded) = nameBefore(e, limit: 4), bounded else { return nil }
            let c = e - s
            return c >= 6 && c <= 12 ? s : nil
        }
        func add(_ s: Int, _ e: Int) {
            if known == nil { known = Set(found.indices.map { found[$0].utf8Start }) }
            guard !known!.contains(s), !isGenericName(s, e), !containsWord(tables.industryWords, s, e) else { return }
            known!.insert(s)
            out.append(fact(.org, s, e, rule: "<名>、<机构>"))
        }
        // Beside a suffixed organisation: the next member after 、.
        for orgEnd in orgEnds where reader.matches(scalar: "、", at: orgEnd) {
            let j = orgEnd + 3
            var k = j
            var count = 0
            while count < 5 {
                let (v, l) = reader.decode(at: k)
                guard isIdeograph(v), !tables.introducers.contains(in: reader, at: k) else { break }
                k += l
                count += 1
            }
            if count >= 2, count <= 4 {
                let next = reader.decode(at: k).value
                let endsList = !isIdeograph(next) || tables.introducers.contains(in: reader, at: k)
                if endsList { add(j, k) }
            }
        }
        // A list ending in 等 before a head such as 企业.
        var i = 0
        while i < reader.count {
            // The next 等 (E7 AD 89).
            i = Self.nextSequence(reader.bytes, from: i, 0xE7, 0xAD, 0x89)
            guard i < reader.count else { break }
            // Two members at least: the one before 等 (6 to 12 bytes) must follow a 、, so
            // without a 、 ending 6 to 12 bytes before 等 there is no list to look for.
            var comma = false
            var s = i &- 12
            while s <= i &- 6 {
                if reader.matches(scalar: "、", endingAt: s) {
                    comma = true
                    break
                }
                s &+= 1
            }
            guard comma else {
                i += 3
                continue
            }
            var headFound = false
            var k = i + 3
            var steps = 0
            while steps < 8 {
                if tables.listHeads.contains(in: reader, at: k) { headFound = true; break }
                let (v, l) = reader.decode(at: k)
                guard isIdeograph(v) else { break }
                k += l
                steps += 1
            }
            if headFound {
                var e = i
                var members: [(Int, Int)] = []
                while let s = member(endingAt: e) {
                    members.append((s, e))
                    guard reader.matches(scalar: "、", endingAt: s) else { break }
                    e = s - 3
                }
                if members.count >= 2 { for (s, e) in members { add(s, e) } }
            }
            i += 3
        }
        return out
    }

    /// The first offset at or after `start` where the three bytes `a`, `b`, `c` stand, or the
    /// end: sixteen offsets tested at a time on x86-64 (SSE2).
    static func nextSequence(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let n = bytes.count
        var i = start
        guard let base = bytes.baseAddress else { return n }
        #if arch(x86_64)
        let va = _mm_set1_epi8(Int8(bitPattern: a)), vb = _mm_set1_epi8(Int8(bitPattern: b)), vc = _mm_set1_epi8(Int8(bitPattern: c))
        while i + 18 <= n {
            func load(_ k: Int) -> __m128i { _mm_loadu_si128(UnsafeRawPointer(base + k).assumingMemoryBound(to: __m128i.self)) }
            let hit = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(load(i), va), _mm_cmpeq_epi8(load(i + 1), vb)), _mm_cmpeq_epi8(load(i + 2), vc))
            let mask = _mm_movemask_epi8(hit)
            if mask != 0 { return i + mask.trailingZeroBitCount }
            i += 16
        }
        #endif
        while i + 3 <= n {
            if base[i] == a, base[i + 1] == b, base[i + 2] == c { return i }
            i += 1
        }
        return n
    }

    // MARK: Persons

    /// Names after a credit marker at a line's start: `通讯员 袁国 周正方 程槐静`.
    func creditLine(at i: Int) -> [Fact]? {
        guard let m = tables.creditMarkers.longest(in: reader, at: i) else { return nil }
        var j = i + m.bytes.count
        var out: [Fact] = []
        while j < reader.count {
            // Spaces, ideographic spaces, colons between names.
            var sawSeparator = false
            while j < reader.count {
                let (v, l) = reader.decode(at: j)
                guard v == 0x20 || v == 0x3000 || v == 0xFF1A || v == 0x3A || v == 0x09 || v == 0x3001 else { break }
                j += l
                sawSeparator = true
            }
            guard sawSeparator else { break }
            var k = j
            var count = 0
            while count < 5 {
                let (v, l) = reader.decode(at: k)
                guard isIdeograph(v) else { break }
                k += l
                count += 1
            }
            guard count >= 2, count <= 4, isPersonName(string(j, k)) else { break }
            out.append(fact(.person, j, k, rule: "<署名><人名>"))
            j = k
        }
        return out.isEmpty ? nil : out
    }

    func isPersonName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars.count
        guard scalars >= 2, scalars <= 4 else { return false }
        if scalars >= 3, NamedLexicon.surnames.contains(String(name.prefix(2))) { return true }
        return scalars <= 3 && NamedLexicon.surnames.contains(String(name.prefix(1)))
    }

    /// 照片由陈嵩拍摄, 由张三摄.
    func photoCredit(at i: Int) -> Fact? {
        let s = i + 3
        for len in [3, 2, 4] {
            let e = s + 3 * len
            guard e <= reader.count else { continue }
            let name = string(s, e)
            guard name.unicodeScalars.count == len, name.unicodeScalars.allSatisfy({ isIdeograph($0.value) }) else { continue }
            if (reader.matches("拍摄", at: e) || reader.matches("摄影", at: e) || reader.matches("供图", at: e)), isPersonName(name) {
                return fact(.person, s, e, rule: "由<人名>拍摄")
            }
        }
        return nil
    }
}
