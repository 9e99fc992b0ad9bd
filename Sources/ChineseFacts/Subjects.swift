#if canImport(Glibc)
import Glibc
#endif

extension QuantityExtractor {
    /// Scalars allowed inside a subject phrase besides ideographs: quotes, brackets, letters, digits.
    @inline(__always) func isPhraseScalar(_ v: UInt32) -> Bool {
        if isIdeograph(v) || isASCIILetter(v) { return true }
        switch v {
        case 0x201C, 0x201D, 0x300A, 0x300B, 0x3008, 0x3009, 0x28, 0x29, 0xFF08, 0xFF09, 0x2B, 0x2F, 0xFF0B, 0x300C,
            0x300D, 0xB7, 0x2022, 0x2014:
            return true
        default: return NumeralLexicon.isDigit(v)
        }
    }

    /// The subject and attribute of a quantity: the noun phrase after a measure
    /// word (培养146名化工类高校人才 → 化工类高校人才) or the phrase before the
    /// number back to the clause boundary, verbs trimmed (新成立非公企业党组织11个 → 非公企业党组织).
    func subjectAndAttribute(numeralStart: Int, unitEnd: Int, kind: FactKind) -> (String?, String?) {
        if kind == .count || kind == .ordinal, let s = forwardSubject(from: unitEnd) {
            return (s, nil)
        }
        var (subject, attribute) = backwardSubject(before: numeralStart, allowListComma: false)
        // One character read back is a word left over, not what is measured: 这五年, 新一轮.
        if let s = subject, Self.isOneCharacter(s) { subject = nil }
        // 为1467位80岁以上老人: another quantity is not what this one measures.
        // Only a subject whose first byte starts a digit (0–9, or EF of ０–９) is read further.
        if let subject, let b = subject.utf8.first, (b >= 0x30 && b <= 0x39) || b == 0xEF,
            let first = subject.unicodeScalars.first, NumeralLexicon.isDigit(first.value)
        {
            let rest = String(subject.unicodeScalars.drop { NumeralLexicon.isDigit($0.value) || $0 == "." })
            if tables.measureWordSet.contains(rest) { return (nil, attribute) }
        }
        return (subject, attribute)
    }

    /// Whether `s` is one scalar: no subject when read back or split from a list (这, 中).
    static func isOneCharacter(_ s: String) -> Bool { s.utf8.count <= 4 && s.unicodeScalars.count == 1 }

    /// The noun phrase right after a measure word, or nil.
    func forwardSubject(from start: Int) -> String? {
        var i = start
        // 由7种扩大到15种: the value goes on to another, and what follows is no noun of its.
        if tables.fromToVerbs.contains(in: reader, at: i) { return nil }
        // One verb may stand between: 28人认定初中高级职称, 65人次开展谈话.
        if let w = longest(tables.openers, at: i), w.scalarCount >= 2 { i += w.bytes.count }
        let phraseStart = i
        var n = 0
        while n < 24 {
            let (v, len) = reader.decode(at: i)
            guard len > 0, isPhraseScalar(v), !NumeralLexicon.isDigit(v) else { break }
            if i > phraseStart, let w = longest(tables.openers, at: i), w.scalarCount >= 2 { break }
            if v == 0x548C || v == 0x53CA || v == 0x7B49 || v == 0x7684 || v == 0x4E0E { break }  // 和 及 等 的 与
            // A numeral starts another quantity: 4个方面11个问题.
            if ScannerTriggers.isNumeralStart(reader, at: i) && i > phraseStart { break }
            i += len
            n += 1
        }
        guard n >= 1 else { return nil }
        if n == 1, i - phraseStart == 3 {
            // A single character after the measure word is rarely the subject (…名列, …个别).
            return nil
        }
        return cleanedPhrase(phraseStart, i, footnotes: false)
    }

    /// The phrase before a number back to the clause boundary, with the last verb
    /// and trailing function words cut, and an attribute word split off.
    func backwardSubject(before start: Int, allowListComma: Bool) -> (String?, String?) {
        var end = start
        // Trailing function words: 达到 为 超 增长 同比 …, and a footnote marker before them:
        // 服务零售额[39]比上年增长6.2% → 服务零售额.
        var guardCount = 0
        while guardCount < 6 {
            if let w = longest(tables.trailing, endingAt: end) {
                // 人均达到: 达到 goes, the 均 of 人均 stays.
                if let k = longest(tables.keptWhole, endingAt: end), k.bytes.count > w.bytes.count { break }
                end -= w.bytes.count
            } else if let open = footnoteStart(endingAt: end) {
                end = open
            } else {
                break
            }
            guardCount += 1
        }
        var i = end
        var n = 0
        let bytes = reader.bytes
        while i > 0 && n < 40 {
            // Ideographs U+4E00–U+9FFF (E4 B8–BF, E5–E9) are phrase scalars, no boundary and no
            // bracket: stepped over from their bytes, as the reading below would.
            if i >= 3, bytes[i &- 2] & 0xC0 == 0x80, bytes[i &- 1] & 0xC0 == 0x80 {
                let lead = bytes[i &- 3]
                if lead &- 0xE5 <= 4 || (lead == 0xE4 && bytes[i &- 2] >= 0xB8) {
                    i &-= 3
                    n &+= 1
                    continue
                }
            }
            let p = reader.decode(before: i)
            if p.length == 0 { break }
            if isClauseBoundary(p.value) && !(allowListComma && p.value == 0x3001) { break }
            if p.value == 0xFF08 || p.value == 0x28 {
                // An opening bracket without its close in the phrase: the phrase is inside it.
                if !containsCloseBracket(i, end) { break }
            }
            if !isPhraseScalar(p.value) && !(allowListComma && p.value == 0x3001) && p.value != 0x5B && p.value != 0x5D
                && p.value != 0x2E && p.value != 0x25
            {
                break
            }
            i -= p.length
            n += 1
        }
        var phraseStart = i
        // A bare nominal phrase, two characters and 的, is the subject whole: 持平的为4个, 下降的为43个.
        if start - i == 12, reader.matches(scalar: "的", at: i + 6),
            reader.matches(scalar: "为", at: i + 9) || reader.matches(scalar: "是", at: i + 9)
        {
            return (string(i, i + 9), nil)
        }
        // Leading time words: 二季度增长4.7%.
        // (No word of the list begins another, so the longest match is the only one.)
        // A year that opens it is the fact's date, not its subject: 2007年货物进出口总额 → 货物;
        // then a time word, 2024年前三季度.
        phraseStart = afterLeadingYear(phraseStart, end)
        if let t = longest(tables.leadingTimeWords, at: phraseStart), phraseStart + t.bytes.count <= end {
            phraseStart += t.bytes.count
        }
        // An attribute word at the end: 科技贷款余额 → 余额.
        var attribute: String? = nil
        var nounEnd = end
        var isShare = false
        if let a = longest(tables.attributes, endingAt: end), end - a.bytes.count >= phraseStart {
            attribute = a.text
            isShare = a.bytes.elementsEqual("比重".utf8)
            nounEnd = end - a.bytes.count
            // The attribute as the verb's object: 项目完成投资 → 项目 and 投资; 完成投资 → 投资 alone.
            if let w = longest(tables.attributeVerbs, endingAt: nounEnd), nounEnd - w.bytes.count >= phraseStart {
                nounEnd -= w.bytes.count
            }
        }
        // A share, X占Y比重为N%: the subject is the numerator X, before 占, not Y; where none is
        // written (，占全国就业人员比重为64.5%), the quantity before gives it (`inheritSubjects`).
        if isShare {
            var z = nounEnd - 3
            while z >= phraseStart, !reader.matches(scalar: "占", at: z) { z -= 1 }
            if z >= phraseStart { return (cleanedPhrase(phraseStart, z, footnotes: true), attribute) }
        }
        // Cut after the rightmost verb that leaves at least two characters.
        // In a list (党组织、工会、… or 党组织和工会), only a verb before its first member counts.
        var cutLimit = nounEnd
        if allowListComma {
            var q = phraseStart
            while q < nounEnd {
                let (v, len) = reader.decode(at: q)
                if v == 0x3001 || v == 0x548C || v == 0x53CA {  // 、 和 及
                    cutLimit = q
                    break
                }
                q += max(len, 1)
            }
        }
        var k = cutLimit
        // The phrase before the verb cut at, if one is: what is left when only a year follows it.
        var beforeCut: (start: Int, end: Int)? = nil
        while k > phraseStart {
            let p = reader.decode(before: k)
            if cutLimit - k >= 6, tables.openers.mayEnd(p.value), let w = tables.openers.longestIndex(in: reader, endingAt: k),
                k - tables.openers.words[w].bytes.count >= phraseStart,
                // 国有控股企业: the 有 of 国有 is no verb.
                (longest(tables.openerLookalikes, endingAt: k)?.bytes.count ?? 0) <= tables.openers.words[w].bytes.count
            {
                beforeCut = (phraseStart, k - tables.openers.words[w].bytes.count)
                phraseStart = k
                break
            }
            k -= max(p.length, 1)
        }
        // Again after the cut, and 去年 as well: 由2007年底的8.4%, 从去年的2.1%.
        phraseStart = afterRelativeYear(afterLeadingYear(phraseStart, nounEnd), nounEnd)
        // A verb alone before the attribute (实施总投资11.4亿元): no subject but the attribute.
        var subject = attribute != nil && tables.openers.isWord(in: reader, from: phraseStart, to: nounEnd)
            ? nil : cleanedPhrase(phraseStart, nounEnd, footnotes: true)
        // 森林覆盖率由2010年的21.6%: after 由 only the year was left; the subject stands before 由.
        if subject == nil, phraseStart == nounEnd, let b = beforeCut, b.end > b.start {
            subject = cleanedPhrase(b.start, b.end, footnotes: true)
        }
        if subject == nil, let a = attribute {
            // 出生率为6.77‰: the attribute alone is the subject, as listed (对外直接投资 keeps its 对).
            subject = a
            attribute = nil
        }
        return (subject, attribute)
    }

    /// The offset after a year that starts at byte `i` (four ASCII digits and 年 or 年度, then 底,
    /// 末 or 初, then 的, each if there), when it ends at or before `end`; else `i`. In
    /// `2007年底的8.4%`, the year ends before 8.4%; in `2024年度预算收入`, before 预算.
    func afterLeadingYear(_ i: Int, _ end: Int) -> Int {
        let b = reader.bytes
        guard i + 7 <= end, (0..<4).allSatisfy({ b[i + $0] >= 0x30 && b[i + $0] <= 0x39 }), reader.matches(scalar: "年", at: i + 4),
            i + 7 >= b.count || b[i + 7] < 0x30 || b[i + 7] > 0x39
        else { return i }
        let k = i + 10 <= end && reader.matches(scalar: "度", at: i + 7) ? i + 10 : i + 7
        return afterYearEnding(k, end)
    }

    /// The offset after 底, 末 or 初 at byte `k`, then 的, each if there and ending at or before
    /// `end`: what may follow a year (2007年底的, 去年的).
    func afterYearEnding(_ k: Int, _ end: Int) -> Int {
        var k = k
        if k + 3 <= end, reader.matches(scalar: "底", at: k) || reader.matches(scalar: "末", at: k) || reader.matches(scalar: "初", at: k) {
            k += 3
        }
        if k + 3 <= end, reader.matches(scalar: "的", at: k) { k += 3 }
        return k
    }

    /// The offset after 去年, 上年, 今年 or 前年 at byte `i`, then 底, 末 or 初, then 的, each if
    /// there, when it ends at or before `end`; else `i`: 提升到去年底的13.3%.
    func afterRelativeYear(_ i: Int, _ end: Int) -> Int {
        guard i + 6 <= end, reader.matches(scalar: "年", at: i + 3),
            reader.matches(scalar: "去", at: i) || reader.matches(scalar: "上", at: i) || reader.matches(scalar: "今", at: i)
                || reader.matches(scalar: "前", at: i)
        else { return i }
        return afterYearEnding(i + 6, end)
    }

    /// Trims function words and stray punctuation from both ends; nil if nothing is left.
    static let cleanSuffixes: [[UInt8]] = ["的", "达到", "达", "为", "共", "中", "其中", "及", "和", "、", "，", "等", "累计", "“", "「", "第"].map { Array($0.utf8) }
    static let cleanPrefixes: [[UInt8]] = ["的", "对", "在", "为", "、", "及", "和", "”", "」"].map { Array($0.utf8) }
    /// The last scalars of `cleanSuffixes` and the first of `cleanPrefixes` (every word is at least three bytes).
    static let cleanSuffixLast = ScalarSet(cleanSuffixes.map { String(decoding: $0, as: UTF8.self).unicodeScalars.last.map { String($0) } ?? "" }, skipping: false)
    static let cleanPrefixFirst = ScalarSet(cleanPrefixes.map { String(decoding: $0, as: UTF8.self).unicodeScalars.first.map { String($0) } ?? "" }, skipping: false)

    /// Whether the text between byte offsets `a` and `b` holds a closing bracket, `)` or `）`.
    func containsCloseBracket(_ a: Int, _ b: Int) -> Bool {
        var k = a
        while k < b {
            if reader.bytes[k] == 0x29 { return true }
            if reader.bytes[k] == 0xEF, k + 2 < b, reader.bytes[k + 1] == 0xBC, reader.bytes[k + 2] == 0x89 { return true }
            k += 1
        }
        return false
    }

    /// The text between byte offsets `a` and `b`, footnote markers dropped when `footnotes`,
    /// `cleaned`; the bytes become a String only once, at the end.
    func cleanedPhrase(_ a: Int, _ b: Int, footnotes: Bool) -> String? {
        guard a < b else { return nil }
        if footnotes, memchr(reader.bytes.baseAddress! + a, 0x5B, b - a) != nil {
            return cleaned(String(decoding: removingFootnotes(UnsafeBufferPointer(rebasing: reader.bytes[a..<b])), as: UTF8.self))
        }
        guard let r = Self.cleanedRange(reader.bytes, a, b) else { return nil }
        return string(r.lowerBound, r.upperBound)
    }

    /// A phrase without the function words at its ends (…的, 达到…, 对…) and unbalanced brackets; nil when nothing is left.
    func cleaned(_ s: String) -> String? {
        var copy = s
        return copy.withUTF8 { bytes -> String? in
            guard let r = Self.cleanedRange(bytes, 0, bytes.count) else { return nil }
            if r.count == bytes.count { return s }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
        }
    }

    /// The part of `bytes[lo..<hi]` that `cleaned` keeps, or nil when nothing is left.
    static func cleanedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int>? {
        let text = UTF8Reader(UnsafeBufferPointer(rebasing: bytes[..<end]))
        var lo = start
        var hi = end
        func hasSuffix(_ w: [UInt8]) -> Bool { hi - lo > w.count && text.matches(w, at: hi - w.count) }
        func hasPrefix(_ w: [UInt8]) -> Bool { hi - lo > w.count && text.matches(w, at: lo) }
        var changed = true
        while changed {
            changed = false
            // Each list is read only when the phrase ends (or starts) with a scalar one of its words ends (starts) with.
            if hi - lo > 3, cleanSuffixLast.contains(text.decode(before: hi).value) {
                for w in cleanSuffixes where hasSuffix(w) {
                    hi -= w.count
                    changed = true
                }
            }
            if hi - lo > 3, cleanPrefixFirst.contains(text.decode(at: lo).value) {
                for w in cleanPrefixes where hasPrefix(w) {
                    lo += w.count
                    changed = true
                }
            }
        }
        // A closing quote never opened inside the phrase: 中心” → 中心.
        for (o, c) in quotePairs {
            if hasSuffix(c), !(lo..<hi).contains(where: { k in k + 3 <= hi && text.matches(o, at: k) }) {
                hi -= 3
            }
        }
        // An opening quote never closed inside the phrase: “光荣在党 → 光荣在党.
        for (o, c) in quotePairs {
            if hasPrefix(o) {
                var k = lo + 3
                var closed = false
                while k + 3 <= hi {
                    if text.matches(c, at: k) { closed = true; break }
                    k += 1
                }
                if !closed { lo += 3 }
            }
        }
        // Unbalanced brackets at the ends.
        if hi - lo >= 3, text.matches(fullWidthOpen, at: hi - 3) { hi -= 3 } else if hi > lo, bytes[hi - 1] == 0x28 { hi -= 1 }
        if hi - lo >= 3, text.matches(fullWidthClose, at: lo) { lo += 3 } else if hi > lo, bytes[lo] == 0x29 { lo += 1 }
        guard hi > lo else { return nil }
        return lo..<hi
    }

    static let quotePairs: [([UInt8], [UInt8])] = [(Array("“".utf8), Array("”".utf8)), (Array("「".utf8), Array("」".utf8))]
    static let fullWidthOpen: [UInt8] = Array("（".utf8), fullWidthClose: [UInt8] = Array("）".utf8)

    /// Drops footnote markers such as [12] from a phrase's UTF-8 bytes (a `[` that digits
    /// do not follow to a `]` is kept, with what follows it).
    func removingFootnotes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pending: [UInt8] = []
        var skipping = false
        for b in bytes {
            if b == UInt8(ascii: "[") {
                skipping = true
                pending = [b]
                continue
            }
            if skipping {
                pending.append(b)
                if b == UInt8(ascii: "]") {
                    skipping = false
                    pending = []
                } else if b < 0x30 || b > 0x39 {
                    out += pending
                    skipping = false
                    pending = []
                }
                continue
            }
            out.append(b)
        }
        return out + pending
    }

    // MARK: Lists

    /// `党组织、工会、共青团、妇联组织覆盖率达到100%、80%、44%、98%`: one subject per value.
    static let listComma = Array("、".utf8)

    /// The items of a list before its values, split at each 、 (empty ones dropped); when there
    /// are `lastSplitAt` of them, the last is split again at its first 和, or else its first 及.
    /// `listItems("党组织、工会、共青团和妇联组织", lastSplitAt: 3)` gives 党组织, 工会, 共青团, 妇联组织.
    /// Bytes are compared, as the list's 、 were found.
    static func listItems(_ phrase: String, lastSplitAt count: Int) -> [String] {
        var copy = phrase
        return copy.withUTF8 { b -> [String] in
            func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
            let phraseReader = UTF8Reader(b)
            var pieces: [Range<Int>] = []
            var start = 0
            var i = 0
            while i < b.count {
                if phraseReader.matches(scalar: "、", at: i) {
                    if i > start { pieces.append(start..<i) }
                    i += 3
                    start = i
                } else {
                    i += 1
                }
            }
            if b.count > start { pieces.append(start..<b.count) }
            if pieces.count == count, let last = pieces.last {
                func find(_ c: Unicode.Scalar) -> Int? {
                    var k = last.lowerBound
                    while k + 3 <= last.upperBound {
                        if phraseReader.matches(scalar: c, at: k) { return k }
                        k += 1
                    }
                    return nil
                }
                if let r = find("和") ?? find("及") {
                    pieces.removeLast()
                    pieces.append(last.lowerBound..<r)
                    pieces.append((r + 3)..<last.upperBound)
                }
            }
            return pieces.map(text)
        }
    }

    /// Whether 分别 stands in the eight characters before byte `i`, in its clause:
    /// `分别增长5%`, `分别再提高30元`.
    func respectively(before i: Int) -> Bool {
        var j = i
        var steps = 0
        while j > 0, steps < 8 {
            if reader.matches("分别", endingAt: j) { return true }
            let p = reader.decode(before: j)
            if p.length == 0 || isClauseBoundary(p.value) { return false }
            j -= p.length
            steps += 1
        }
        return false
    }

    func distributeLists(_ facts: inout [Fact]) {
        facts.sortInDocumentOrder()
        var i = 0
        while i < facts.count {
            var j = i
            // Values joined by 、, and after 分别 the last of them by 和 or 及 as well:
            // 分别增长5%、6%和7% (二级和三级管网 is no list: its subject follows).
            var joinedByAnd = false
            while !joinedByAnd, j + 1 < facts.count, facts[j + 1].kind == facts[i].kind,
                facts[j + 1].utf8Start - facts[j].utf8End == 3
            {
                let at = facts[j].utf8End
                if reader.matches(Self.listComma, at: at) {
                } else if reader.matches(scalar: "和", at: at) || reader.matches(scalar: "及", at: at),
                    respectively(before: facts[i].utf8Start)
                {
                    joinedByAnd = true
                } else {
                    break
                }
                j += 1
            }
            let k = j - i + 1
            if k >= 2 {
                // The values after the first share its change: 分别增长4.1%、4.7%和5.8%.
                if let c = facts[i].change {
                    for n in 1..<k where facts[i + n].change == nil { facts[i + n].change = c }
                }
                let (phrase, attribute) = backwardSubject(before: facts[i].utf8Start, allowListComma: true)
                var items: [String] = []
                if let phrase {
                    items = Self.listItems(phrase, lastSplitAt: k - 1)
                }
                if items.count == k {
                    for (n, item) in items.enumerated() {
                        // One character is no subject (2007年中、高等…: 中).
                        facts[i + n].subject = cleaned(item).flatMap { Self.isOneCharacter($0) ? nil : $0 }
                        facts[i + n].attribute = attribute
                    }
                } else {
                    // A value after 和 found its subject by reading back over the values before
                    // it (分别增长5%和6% gave 6% the subject 两项指标分别增长5%): it shares the first's too.
                    for n in 1..<k where facts[i + n].subject == nil || (joinedByAnd && n == k - 1) {
                        facts[i + n].subject = facts[i].subject
                        facts[i + n].attribute = (joinedByAnd && n == k - 1 ? nil : facts[i + n].attribute) ?? facts[i].attribute
                    }
                }
            }
            i = j + 1
        }
    }

    /// A value reached from the value before it (由1.07%提高到1.49%, 从2476元增加到4140元: only a
    /// verb of `FactLexicon.fromToVerbs` between) takes that value's subject and attribute, of the
    /// same kind and unit, or none where that value has none: the phrase read back from it was
    /// the value before and the verb.
    func fromToSubjects(_ facts: inout [Fact]) {
        // The verb is looked for first; facts are read in place, not copied.
        for n in facts.indices.dropFirst() {
            let prevEnd = facts[n - 1].utf8End
            guard let w = tables.fromToVerbs.longestIndex(in: reader, at: prevEnd) else { continue }
            // A year may stand before the value reached: 从2006年的18亿元增加到2010年的306亿元.
            let afterVerb = prevEnd + tables.fromToVerbs.words[w].bytes.count
            let start = facts[n].utf8Start
            guard afterVerb == start || afterLeadingYear(afterVerb, start) == start || afterRelativeYear(afterVerb, start) == start,
                facts[n - 1].kind == facts[n].kind, facts[n - 1].unit == facts[n].unit
            else { continue }
            facts[n].subject = facts[n - 1].subject
            facts[n].attribute = facts[n - 1].attribute
        }
    }

    /// A quantity with no subject of its own (同比增长32%) takes the subject and
    /// attribute of the quantity before it in the same sentence.
    func inheritSubjects(_ facts: inout [Fact]) {
        for n in facts.indices.dropFirst() where facts[n].subject == nil {
            // Read in place: a copy of the fact before would retain and release its strings.
            let prevEnd = facts[n - 1].utf8End
            // Nothing to inherit from a fact that does not end before this one starts. Facts sort
            // by scalar; only on bytes that are not well-formed UTF-8 (`facts(wellFormedUTF8:)`
            // unchecked) do the Roman grades and the scanner count scalars differently.
            guard facts[n - 1].subject != nil || facts[n - 1].attribute != nil, prevEnd <= facts[n].utf8Start else { continue }
            let between = reader.bytes[prevEnd..<facts[n].utf8Start]
            var crosses = false
            var k = between.startIndex
            while k < between.endIndex {
                let (v, len) = reader.decode(at: k)
                if isSentenceBoundary(v) {
                    crosses = true
                    break
                }
                k += max(len, 1)
            }
            if crosses { continue }
            facts[n].subject = facts[n - 1].subject
            if facts[n].attribute == nil { facts[n].attribute = facts[n - 1].attribute }
        }
    }
}

extension QuantityExtractor {
    /// In a sentence that names the statistic once for members of one sort (国有控股企业增加值增长4.2%；
    /// 股份制企业增长6.1%), a later quantity of the same kind whose subject has no attribute and ends
    /// as the first one's does (企业, 类, 业, 地区 …) takes its attribute: the shared word spread over
    /// the members, as FACTS.md says of lists. Subjects that end differently are other statistics
    /// (规模以上工业增加值增长6%，固定资产投资增长4%) and keep none. A sentence ends at 。！？ or a
    /// line break, not at ；.
    func spreadAttributes(_ facts: inout [Fact]) {
        // The last fact of each kind in the sentence with a subject and an attribute.
        var heads: [(kind: FactKind, attribute: String, last: UInt32, unit: String?, isChange: Bool)] = []
        // Where the sentence of the heads ends: the offset of its 。！？ or line break.
        var sentenceEnd = 0
        for n in facts.indices {
            let start = facts[n].utf8Start
            if start >= sentenceEnd { heads.removeAll(keepingCapacity: true) }
            guard let subject = facts[n].subject else { continue }
            let kind = facts[n].kind
            let h = heads.firstIndex { $0.kind == kind }
            guard facts[n].attribute != nil || h != nil else { continue }
            // The subject's last scalar, and whether it is an attribute word alone (利润总额增长2.4%
            // names its own statistic).
            var text = subject
            let (last, isAttribute) = text.withUTF8 { bytes in
                let r = UTF8Reader(bytes)
                return (r.decode(before: bytes.count).value, tables.attributes.isWord(in: r, from: 0, to: bytes.count))
            }
            if let a = facts[n].attribute {
                if heads.isEmpty { sentenceEnd = Self.sentenceEnd(in: reader, from: facts[n].utf8End) }
                let head = (kind: kind, attribute: a, last: last, unit: facts[n].unit, isChange: facts[n].change != nil)
                if let h { heads[h] = head } else { heads.append(head) }
            } else if let h, heads[h].last == last, heads[h].unit == facts[n].unit, heads[h].isChange == (facts[n].change != nil),
                !isAttribute
            {
                // Members say what the head says: a change after a change (增长4.2%；股份制企业增长6.1%),
                // a level after a level in the same unit, not a share after a growth rate.
                facts[n].attribute = heads[h].attribute
            }
        }
    }

    /// Parts of a whole named before them: after 其中, a statistic named alone (其中，出口254545亿元)
    /// is the whole's (the subject of the quantity before it: 货物), and so is each statistic named
    /// alone after it in the sentence (；进口183923亿元), as FACTS.md's NOTES read 其中.
    func subjectsOfParts(_ facts: inout [Fact]) {
        var whole: String? = nil
        var sentenceEnd = 0
        for n in facts.indices {
            if facts[n].utf8Start >= sentenceEnd { whole = nil }
            guard facts[n].attribute == nil, let s = facts[n].subject else { continue }
            var text = s
            let (isAttribute, length) = text.withUTF8 { ($0.count > 0 && tables.attributes.isWord(in: UTF8Reader($0), from: 0, to: $0.count), $0.count) }
            guard isAttribute else { continue }
            if whole == nil {
                // The word right before the number (but for 增长, 为 …), and 其中 (and a comma) before it.
                var wordEnd = facts[n].utf8Start
                for _ in 0..<3 { if let w = longest(tables.trailing, endingAt: wordEnd) { wordEnd -= w.bytes.count } }
                let wordStart = wordEnd - length
                guard n > 0, wordStart >= 0, reader.matches(s, at: wordStart) else { continue }
                let before = reader.matches(scalar: "，", endingAt: wordStart) ? wordStart - 3 : wordStart
                // The whole is a statistic of a subject (货物 and 进出口总额), not a list of targets (6项指标).
                guard reader.matches("其中", endingAt: before), let head = facts[n - 1].subject, facts[n - 1].attribute != nil
                else { continue }
                whole = head
                sentenceEnd = Self.sentenceEnd(in: reader, from: facts[n].utf8End)
            }
            facts[n].subject = whole
            facts[n].attribute = s
        }
    }

    /// The byte offset of the first 。！？ (or ASCII ! ?) or line break at or after `i`, or the end.
    static func sentenceEnd(in reader: UTF8Reader, from i: Int) -> Int {
        let bytes = reader.bytes
        let n = bytes.count
        var k = max(i, 0)
        while k < n {
            let b = bytes[k]
            if b == 0x0A || b == 0x0D || b == 0x21 || b == 0x3F { return k }
            // 。 E3 80 82; ！ EF BC 81; ？ EF BC 9F.
            if b == 0xE3 || b == 0xEF, k + 2 < n {
                let b1 = bytes[k + 1], b2 = bytes[k + 2]
                if (b == 0xE3 && b1 == 0x80 && b2 == 0x82) || (b == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F)) { return k }
            }
            k += 1
        }
        return n
    }
}

/// Whether a numeral could start at a byte offset (for stopping a phrase).
enum ScannerTriggers {
    /// Non-zero Chinese digits (一 二 两 … 玖).
    static let chineseDigits = ScalarSet(NumeralLexicon.digits.filter { $0.value != 0 }.map { String($0.key) }, skipping: false)

    static func isNumeralStart(_ reader: UTF8Reader, at i: Int) -> Bool {
        let (v, _) = reader.decode(at: i)
        if NumeralLexicon.isDigit(v) { return true }
        return chineseDigits.contains(v) && followsMeasureWord(reader, at: i)
    }

    static func followsMeasureWord(_ reader: UTF8Reader, at i: Int) -> Bool {
        let (_, len) = reader.decode(at: i)
        return FactTables.shared.afterNumber.contains(in: reader, at: i + len)
    }
}

/// Finds the year a sentence states before a fact.
struct YearTracker {
    /// What the backward search from one position found: the year it stopped at (its text,
    /// whether 以来 follows it, how many scalars back it lies, whether a comma lies between),
    /// or nil when it stopped at a sentence boundary, the start, or its limit.
    struct Found {
        var year: String
        var yiLai: Bool
        var steps: Int
        var comma: Bool
    }

    /// The last position asked about and what was found from it: a later position in the same
    /// stretch only reads back to it.
    var lastPos = -1
    var lastFound: Found? = nil
    /// Whether answers reuse the last search (off only to test that both ways agree).
    var reuses = true

    static let limit = 400

    /// `2024`, `2024-12`, or nil: the last year written before `pos` in its
    /// sentence; a year with 以来 governs only its own clause. Positions asked in
    /// increasing order cost one backward pass over the text in all.
    mutating func year(for pos: Int, reader: UTF8Reader) -> String? {
        let floor = reuses && lastPos >= 0 && lastPos <= pos ? lastPos : -1
        var found: Found? = nil
        switch search(from: pos, floor: floor, reader: reader) {
        case .found(let f): found = f
        case .stopped: found = nil
        case .reachedFloor(let steps, let comma):
            if var f = lastFound, f.steps + steps <= Self.limit {
                f.steps += steps
                f.comma = f.comma || comma
                found = f
            }
        case .overshot:
            found = nil
            if case .found(let f) = search(from: pos, floor: -1, reader: reader) { found = f }
        }
        lastPos = pos
        lastFound = found
        guard let found, !(found.yiLai && found.comma) else { return nil }
        return found.year
    }

    enum Outcome {
        case found(Found)
        case stopped
        case reachedFloor(steps: Int, comma: Bool)
        case overshot
    }

    /// Reads back from `pos` to the nearest year, a sentence boundary, the limit, or `floor`.
    func search(from pos: Int, floor: Int, reader: UTF8Reader) -> Outcome {
        var i = pos
        var crossedClause = false
        var steps = 0
        let bytes = reader.bytes
        while i > 0 && steps < Self.limit {
            if floor >= 0 && i <= floor { return i == floor ? .reachedFloor(steps: steps, comma: crossedClause) : .overshot }
            // Ideographs (lead bytes E4–E9: U+4000–U+9FFF) other than 年 end no sentence, are no
            // comma and no digit: stepped over three bytes at a time, as the reading below would.
            if i >= 3, bytes[i - 3] &- 0xE4 <= 5, bytes[i - 2] & 0xC0 == 0x80, bytes[i - 1] & 0xC0 == 0x80,
                !(bytes[i - 3] == 0xE5 && bytes[i - 2] == 0xB9 && bytes[i - 1] == 0xB4)
            {
                i -= 3
                steps += 1
                continue
            }
            let p = reader.decode(before: i)
            if p.length == 0 || isSentenceBoundary(p.value) { return .stopped }
            if p.value == 0xFF0C || p.value == 0x2C { crossedClause = true }
            i -= p.length
            steps += 1
            // A year: four Arabic digits (19xx, 20xx) followed by 年 or 第.
            guard p.value == 0x5E74 || (NumeralLexicon.isDigit(p.value) && reader.decode(at: i + p.length).value == 0x7B2C)
            else { continue }
            let yearEnd = p.value == 0x5E74 ? i : i + p.length
            guard yearEnd >= 4 else { continue }
            var y = 0
            var ok = true
            for k in (yearEnd - 4)..<yearEnd {
                let b = reader.bytes[k]
                if b < 0x30 || b > 0x39 { ok = false; break }
                y = y * 10 + Int(b - 0x30)
            }
            if yearEnd - 5 >= 0, reader.bytes[yearEnd - 5] >= 0x30 && reader.bytes[yearEnd - 5] <= 0x39 { ok = false }
            guard ok, y >= 1900, y <= 2100 else { continue }
            let after = yearEnd + (p.value == 0x5E74 ? "年".utf8.count : 0)
            let yiLai = reader.matches("以来", at: after)
            var text = String(y)
            // 2024年12月: a month.
            if p.value == 0x5E74 {
                var k = after
                var month = 0
                var nd = 0
                while k < reader.count, nd < 2, reader.bytes[k] >= 0x30, reader.bytes[k] <= 0x39 {
                    month = month * 10 + Int(reader.bytes[k] - 0x30)
                    k += 1
                    nd += 1
                }
                if nd > 0, month >= 1, month <= 12, reader.matches(scalar: "月", at: k) {
                    text += "-" + (month < 10 ? "0" : "") + String(month)
                }
            }
            return .found(Found(year: text, yiLai: yiLai, steps: steps, comma: crossedClause))
        }
        if floor >= 0 && i == floor && steps < Self.limit { return .reachedFloor(steps: steps, comma: crossedClause) }
        return .stopped
    }
}
