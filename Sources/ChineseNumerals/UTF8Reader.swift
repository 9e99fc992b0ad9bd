/// Decodes Unicode scalars from UTF-8 bytes at any position, forwards and backwards:
/// in `"约3.5万"`, `decode(at: 0)` is (约, 3 bytes).
///
/// Invalid bytes decode as U+FFFD, one byte each, so that no input traps.
public struct UTF8Reader {
    /// The bytes read.
    public let bytes: UnsafeBufferPointer<UInt8>

    /// Creates a reader over UTF-8 bytes.
    @inlinable public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The number of bytes.
    @inlinable public var count: Int { bytes.count }

    /// The scalar value at byte offset `i` and its length in bytes; (0, 0) at the end (and
    /// at any offset outside the bytes).
    @inlinable @inline(__always) public func decode(at i: Int) -> (value: UInt32, length: Int) {
        let n = bytes.count
        guard UInt(bitPattern: i) < UInt(bitPattern: n) else { return (0, 0) }
        let b0 = bytes[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        // Chinese text is three-byte characters: decoded here, the rest out of line.
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            let b1 = bytes[i + 1]
            let b2 = bytes[i + 2]
            if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                return ((UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F), 3)
            }
        }
        return decodeSlowly(at: i)
    }

    /// `decode(at:)` for what its inlined part leaves: two- and four-byte characters, invalid bytes.
    @usableFromInline @inline(never) func decodeSlowly(at i: Int) -> (value: UInt32, length: Int) {
        let n = bytes.count
        guard i >= 0, i < n else { return (0, 0) }
        let b0 = bytes[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 >= 0xE0 && b0 < 0xF0 {
            if i + 2 < n {
                let b1 = bytes[i + 1]
                let b2 = bytes[i + 2]
                if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                    return ((UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F), 3)
                }
            }
            return (0xFFFD, 1)
        }
        if b0 >= 0xC2 && b0 < 0xE0 {
            if i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 {
                return ((UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F), 2)
            }
            return (0xFFFD, 1)
        }
        if b0 >= 0xF0 && b0 < 0xF5 {
            if i + 3 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80, bytes[i + 3] & 0xC0 == 0x80 {
                let v =
                    (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                    | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
                return (v, 4)
            }
        }
        return (0xFFFD, 1)
    }

    /// The scalar that ends right before byte offset `i`, and its length; (0, 0) at the start
    /// (and at any offset outside the bytes).
    @inlinable @inline(__always) public func decode(before i: Int) -> (value: UInt32, length: Int) {
        guard UInt(bitPattern: i &- 1) < UInt(bitPattern: bytes.count) else { return (0, 0) }
        let last = bytes[i - 1]
        if last < 0x80 { return (UInt32(last), 1) }
        if i >= 3, bytes[i - 3] & 0xF0 == 0xE0, last & 0xC0 == 0x80, bytes[i - 2] & 0xC0 == 0x80 {
            return ((UInt32(bytes[i - 3] & 0x0F) << 12) | (UInt32(bytes[i - 2] & 0x3F) << 6) | UInt32(last & 0x3F), 3)
        }
        return decodeSlowly(before: i)
    }

    /// `decode(before:)` for what its inlined part leaves.
    @usableFromInline @inline(never) func decodeSlowly(before i: Int) -> (value: UInt32, length: Int) {
        var j = i - 1
        var steps = 0
        while j > 0 && bytes[j] & 0xC0 == 0x80 && steps < 3 {
            j -= 1
            steps += 1
        }
        let d = decode(at: j)
        if d.length == i - j { return d }
        return (0xFFFD, 1)
    }

    /// Whether the bytes `word` stand at byte offset `i`, compared where they lie (a word held in
    /// a byte store): in `超过5个`, the bytes of `超过` stand at 0.
    @inlinable public func matches(_ word: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = word.count
        guard i >= 0, n <= bytes.count &- i else { return false }
        var k = 0
        while k < n {
            if bytes[i &+ k] != word[k] { return false }
            k &+= 1
        }
        return true
    }

    /// Whether the UTF-8 bytes of `word` stand at byte offset `i`.
    @inlinable public func matches(_ word: [UInt8], at i: Int) -> Bool {
        word.withUnsafeBufferPointer { matches($0, at: i) }
    }

    /// Whether the UTF-8 bytes of `word` end right before byte offset `i`.
    @inlinable public func matches(_ word: [UInt8], endingAt i: Int) -> Bool {
        matches(word, at: i - word.count)
    }

    /// Whether the text `word` stands at byte offset `i`, compared over its UTF-8
    /// view without copying it: `matches("以来", at: i)`.
    @inlinable public func matches(_ word: String, at i: Int) -> Bool {
        guard i >= 0 else { return false }
        // The word's bytes where they lie (literals and native strings).
        if let found = word.utf8.withContiguousStorageIfAvailable({ matches($0, at: i) }) { return found }
        var k = i
        for b in word.utf8 {
            guard k < bytes.count, bytes[k] == b else { return false }
            k += 1
        }
        return true
    }

    /// Whether the text `word` ends right before byte offset `i`.
    @inlinable public func matches(_ word: String, endingAt i: Int) -> Bool {
        matches(word, at: i - word.utf8.count)
    }

    /// Whether the scalar `c` stands at byte offset `i`: `matches(scalar: "届", at: i)`. Inlined,
    /// a literal's UTF-8 bytes fold into the comparison (`matches(_: String, at:)` reads a
    /// string's storage at run time).
    @inlinable @inline(__always) public func matches(scalar c: Unicode.Scalar, at i: Int) -> Bool {
        let v = c.value
        let n = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        guard i >= 0, n <= bytes.count &- i else { return false }
        switch n {
        case 1: return bytes[i] == UInt8(truncatingIfNeeded: v)
        case 2:
            return bytes[i] == UInt8(truncatingIfNeeded: 0xC0 | v &>> 6) && bytes[i &+ 1] == UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
        case 3:
            return bytes[i] == UInt8(truncatingIfNeeded: 0xE0 | v &>> 12)
                && bytes[i &+ 1] == UInt8(truncatingIfNeeded: 0x80 | (v &>> 6) & 0x3F)
                && bytes[i &+ 2] == UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
        default:
            return bytes[i] == UInt8(truncatingIfNeeded: 0xF0 | v &>> 18)
                && bytes[i &+ 1] == UInt8(truncatingIfNeeded: 0x80 | (v &>> 12) & 0x3F)
                && bytes[i &+ 2] == UInt8(truncatingIfNeeded: 0x80 | (v &>> 6) & 0x3F)
                && bytes[i &+ 3] == UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
        }
    }

    /// Whether the scalar `c` ends right before byte offset `i`.
    @inlinable @inline(__always) public func matches(scalar c: Unicode.Scalar, endingAt i: Int) -> Bool {
        let v = c.value
        return matches(scalar: c, at: i &- (v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4))
    }
}

/// A word as UTF-8 bytes with its length in scalars, for matching over bytes.
public struct UTF8Word: Sendable, Hashable {
    /// The word's text.
    public let text: String
    /// Its UTF-8 bytes.
    public let bytes: [UInt8]
    /// Its length in Unicode scalars.
    public let scalarCount: Int

    /// Creates a word: `UTF8Word("超过")`.
    public init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        scalarCount = text.unicodeScalars.count
    }
}

/// A set of words for matching over UTF-8 bytes at a position, longest first,
/// with bitmaps of first and last scalars so that most positions are rejected
/// with one bit test: `WordSet(["以上", "及以上"]).longest(in: reader, endingAt: i)`.
public struct WordSet: Sendable {
    /// The words, longest first (ties keep the given order).
    public let words: [UTF8Word]
    @usableFromInline let first: ScalarSet
    @usableFromInline let last: ScalarSet
    /// Whether a word starts or ends beyond the BMP (the bitmaps hold the BMP only).
    @usableFromInline let hasWide: Bool
    /// Indices into `words` (longest first) by first and by last scalar.
    @usableFromInline let byFirst: ScalarIndex
    @usableFromInline let byLast: ScalarIndex

    /// Creates a set from words (empty strings are ignored).
    public init(_ texts: [String]) {
        let ws = texts.filter { !$0.isEmpty }.map(UTF8Word.init).enumerated().sorted { a, b in
            a.element.bytes.count != b.element.bytes.count ? a.element.bytes.count > b.element.bytes.count : a.offset < b.offset
        }.map { $0.element }
        words = ws
        // Plain loops: key-path chains here (\.text.unicodeScalars.first) went through the
        // runtime's key-path interpreter, a third of the start-up cost of every word set.
        var firsts: [String] = [], lasts: [String] = []
        var wide = false
        var bf: [UInt32: [Int]] = [:]
        var bl: [UInt32: [Int]] = [:]
        for (k, w) in ws.enumerated() {
            let scalars = w.text.unicodeScalars
            guard let a = scalars.first, let z = scalars.last else { continue }
            firsts.append(String(a))
            lasts.append(String(z))
            wide = wide || a.value >= 65536 || z.value >= 65536
            bf[a.value, default: []].append(k)
            bl[z.value, default: []].append(k)
        }
        first = ScalarSet(firsts, skipping: false)
        last = ScalarSet(lasts, skipping: false)
        hasWide = wide
        byFirst = ScalarIndex(bf)
        byLast = ScalarIndex(bl)
    }

    /// The index in `words` of the longest word that starts at byte `i`.
    @inlinable public func longestIndex(in reader: UTF8Reader, at i: Int) -> Int? {
        guard i < reader.count else { return nil }
        let v = reader.decode(at: i).value
        guard mayStart(v) else { return nil }
        for p in byFirst.range(of: v) {
            let k = byFirst.items[p]
            if reader.matches(words[k].bytes, at: i) { return k }
        }
        return nil
    }

    /// The index in `words` of the longest word that ends right before byte `i`.
    @inlinable public func longestIndex(in reader: UTF8Reader, endingAt i: Int) -> Int? {
        guard i > 0 else { return nil }
        let v = reader.decode(before: i).value
        guard mayEnd(v) else { return nil }
        for p in byLast.range(of: v) {
            let k = byLast.items[p]
            if reader.matches(words[k].bytes, endingAt: i) { return k }
        }
        return nil
    }

    /// Whether the bytes from `a` to `b` are one of the words, byte for byte: in `国有企业`,
    /// `WordSet(["国有", "国有企业"]).isWord(in: reader, from: 0, to: 6)` is true (国有), and
    /// from 0 to 9 false.
    @inlinable public func isWord(in reader: UTF8Reader, from a: Int, to b: Int) -> Bool {
        guard a >= 0, a < b, b <= reader.count else { return false }
        let v = reader.decode(at: a).value
        guard mayStart(v) else { return false }
        for p in byFirst.range(of: v) {
            let k = byFirst.items[p]
            if words[k].bytes.count == b - a && reader.matches(words[k].bytes, at: a) { return true }
        }
        return false
    }

    /// The longest word that starts at byte `i`.
    @inlinable public func longest(in reader: UTF8Reader, at i: Int) -> UTF8Word? {
        longestIndex(in: reader, at: i).map { words[$0] }
    }

    /// The longest word that ends right before byte `i`.
    @inlinable public func longest(in reader: UTF8Reader, endingAt i: Int) -> UTF8Word? {
        longestIndex(in: reader, endingAt: i).map { words[$0] }
    }

    /// Whether some word starts at byte `i`.
    @inlinable public func contains(in reader: UTF8Reader, at i: Int) -> Bool { longest(in: reader, at: i) != nil }

    /// Whether some word ends right before byte `i`.
    @inlinable public func contains(in reader: UTF8Reader, endingAt i: Int) -> Bool {
        longest(in: reader, endingAt: i) != nil
    }

    /// Whether a word may start with the scalar `v` (false means none does).
    @inlinable public func mayStart(_ v: UInt32) -> Bool { v >= 65536 ? hasWide : first.contains(v) }

    /// Whether a word may end with the scalar `v`.
    @inlinable public func mayEnd(_ v: UInt32) -> Bool { v >= 65536 ? hasWide : last.contains(v) }
}

/// A set of BMP scalars as a bitmap, for skipping text that holds none of them:
/// `ScalarSet("年第十").skipAbsent(in: bytes, from: i)` returns the first byte offset at or
/// after `i` where a scalar of the set, or anything other than a three-byte character, starts.
public struct ScalarSet: Sendable {
    @usableFromInline let bits: [UInt64]
    /// `PairSkipFilter.stops` of the members, for skipping two characters a step (empty for a
    /// set made with `skipping: false`, which skips one character a step).
    @usableFromInline let pairStops: [UInt8]

    /// Creates the set of the scalars of `texts`. A set that will only answer `contains` can
    /// leave out the 64 KiB table that skipping two characters a step reads (`skipping: false`).
    public init(_ texts: [String], skipping: Bool = true) {
        var b = [UInt64](repeating: 0, count: 1024)
        var members: [UInt32] = []
        for t in texts {
            for s in t.unicodeScalars where s.value < 65536 {
                b[Int(s.value) >> 6] |= 1 << UInt64(s.value & 63)
                members.append(s.value)
            }
        }
        bits = b
        pairStops = skipping ? PairSkipFilter(members).stops : []
    }

    /// Whether the scalar `v` is in the set.
    @inlinable @inline(__always) public func contains(_ v: UInt32) -> Bool {
        v < 65536 && bits[Int(v) >> 6] & (1 << UInt64(v & 63)) != 0
    }

    /// Skips three-byte characters and ASCII bytes not in the set, counting them into `scalars`:
    /// `skipAbsent`, for passes to which most ASCII (digits, Latin letters, punctuation) means nothing.
    @inlinable @inline(__always) public func skipAbsentWithASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, scalars: inout Int) -> Int {
        skip(in: bytes, from: start, scalars: &scalars, ascii: true)
    }

    /// Skips three-byte characters not in the set, counting them into `scalars`.
    @inlinable @inline(__always) public func skipAbsent(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, scalars: inout Int) -> Int {
        skip(in: bytes, from: start, scalars: &scalars, ascii: false)
    }

    /// Both skips: ASCII bytes stop it unless `ascii` (then only those in the set do).
    @inlinable @inline(__always)
    func skip(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, scalars: inout Int, ascii: Bool) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let n = bytes.count
        var i = start
        var count = scalars
        bits.withUnsafeBufferPointer { bits in pairStops.withUnsafeBufferPointer { stops in
            while i < n {
                // Two three-byte characters at a time, while their last two bytes match no member's.
                if stops.count == PairSkipFilter.tableSize { i = PairSkipFilter.skipPairs(stops, in: base, from: i, count: n, scalars: &count) }
                guard i < n else { break }
                let b0 = base[i]
                if b0 < 0x80 {
                    if !ascii || bits[Int(b0) >> 6] & (1 << UInt64(b0 & 63)) != 0 { break }
                    i += 1
                    count += 1
                    continue
                }
                guard b0 >= 0xE0 && b0 < 0xF0, i + 2 < n else { break }
                let b1 = base[i + 1]
                let b2 = base[i + 2]
                guard b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 else { break }
                let cp = (Int(b0 & 0x0F) << 12) | (Int(b1 & 0x3F) << 6) | Int(b2 & 0x3F)
                if bits[cp >> 6] & (1 << UInt64(cp & 63)) != 0 { break }
                i += 3
                count += 1
            }
        } }
        scalars = count
        return i
    }
}

/// A filter on the last two bytes of three-byte characters, for skipping text two characters
/// a step: a character whose last two bytes match no listed scalar's is none of them, whatever
/// its first byte. `PairSkipFilter([0x4E00])` (一, E4 B8 80) also stops at 帀 and 渀, which
/// share 一's last two bytes B8 80; an exact test must follow each stop.
public struct PairSkipFilter: Sendable {
    /// One byte for each value of a character's second and third bytes read as a little-endian
    /// `UInt16` (second byte low): 1 where the skip must stop, that is, where a listed scalar ends
    /// with those bytes or either is no continuation byte (80–BF).
    public let stops: [UInt8]

    /// The number of entries in `stops`: every `UInt16`, so that any two bytes index it.
    public static let tableSize = 65536

    /// The filter of `scalars` (those outside three-byte UTF-8 are left out: the skip stops at them anyway).
    public init(_ scalars: [UInt32]) {
        var table = Self.continuationStops
        for v in scalars where v >= 0x800 && v < 0x10000 {
            table[Int(0x80 | (v >> 6) & 0x3F) | Int(0x80 | v & 0x3F) << 8] = 1
        }
        stops = table
    }

    /// The table with no scalar listed: 1 where either byte is no continuation byte.
    static let continuationStops: [UInt8] = (0..<tableSize).map { w in w & 0xC0 == 0x80 && w & 0xC000 == 0x8000 ? 0 : 1 }

    /// Skips three-byte characters absent from the filter (`stops`, `self.stops` borrowed by the
    /// caller, which must hold `tableSize` entries) from byte `i` of the `count` bytes at `base`,
    /// two a step, adding one to `scalars` for each; returns where it stopped.
    ///
    /// It stops at the first character that the filter stops at (a listed scalar's last two
    /// bytes), or at the character before one that is no three-byte character, or anywhere in
    /// the last seven bytes: every character before the offset returned is a three-byte character
    /// that the filter passes, and what stands at it is the caller's to read. Where only the
    /// second character of a step stops it, the first is stepped over with no branch on which:
    /// in `党一`, the skip from 0 stops at 一 (3).
    @inlinable @inline(__always)
    public static func skipPairs(
        _ stops: UnsafeBufferPointer<UInt8>, in base: UnsafePointer<UInt8>, from i: Int, count n: Int, scalars: inout Int
    ) -> Int {
        let table = stops.baseAddress.unsafelyUnwrapped
        let raw = UnsafeRawPointer(base)
        var i = i
        var count = scalars
        while i < n &- 7 {
            // Lead bytes E0–EF at 0 and 3; the table holds the continuation bytes at 1, 2, 4 and 5 to account.
            guard UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0xF0_0000_F0 == 0xE0_0000_E0
            else { break }
            let s0 = table[Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: i &+ 1, as: UInt16.self)))]
            let s1 = table[Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: i &+ 4, as: UInt16.self)))]
            if s0 | s1 != 0 {
                // s0 is 0 or 1: past the first character when it passes.
                let past = Int(1 &- s0)
                i &+= 3 &* past
                count &+= past
                break
            }
            i &+= 6
            count &+= 2
        }
        scalars = count
        return i
    }
}

/// Lists of integers by scalar in an open-addressing table: a lookup is a multiply and a
/// probe or two, without the hashing of `Dictionary`. `ScalarIndex([0x4E07: [3, 5]])`
/// maps 万 to the items 3 and 5: `items[range(of: 0x4E07)]`.
public struct ScalarIndex: Sendable {
    @usableFromInline let keys: [UInt32]
    @usableFromInline let starts: [Int32]
    @usableFromInline let ends: [Int32]
    /// Every list, one after another; `range(of:)` says where a scalar's list lies.
    public let items: [Int]
    @usableFromInline let mask: Int

    /// Creates the index of `lists` (each list keeps its order).
    public init(_ lists: [UInt32: [Int]]) {
        var capacity = 4
        while capacity < lists.count * 2 { capacity *= 2 }
        var keys = [UInt32](repeating: UInt32.max, count: capacity)
        var starts = [Int32](repeating: 0, count: capacity)
        var ends = [Int32](repeating: 0, count: capacity)
        var items: [Int] = []
        for (key, list) in lists.sorted(by: { $0.key < $1.key }) {
            var h = Self.slot(key, mask: capacity - 1)
            while keys[h] != UInt32.max { h = (h + 1) & (capacity - 1) }
            keys[h] = key
            starts[h] = Int32(items.count)
            items += list
            ends[h] = Int32(items.count)
        }
        self.keys = keys
        self.starts = starts
        self.ends = ends
        self.items = items
        mask = capacity - 1
    }

    @inlinable static func slot(_ key: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Where the list of `v` lies in `items`; empty when `v` has none.
    @inlinable public func range(of v: UInt32) -> Range<Int> {
        var h = Self.slot(v, mask: mask)
        while true {
            let k = keys[h]
            if k == v { return Int(starts[h])..<Int(ends[h]) }
            if k == UInt32.max { return 0..<0 }
            h = (h + 1) & mask
        }
    }
}
