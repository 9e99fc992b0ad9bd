/// Dates, five-year plans and numbered meetings over one document's UTF-8 bytes.
///
/// Facts come out with byte offsets only; `ScalarOffsets` fills in `start` and `end`.
struct TimeExtractor {
    let reader: UTF8Reader

    func string(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[a..<b]), as: UTF8.self)
    }

    func fact(_ kind: FactKind, _ a: Int, _ b: Int, _ value: FactValue, rule: String) -> Fact {
        Fact(kind: kind, text: string(a, b), start: 0, end: 0, value: value, rule: rule, utf8Start: a, utf8End: b)
    }

    func facts() -> [Fact] {
        var out: [Fact] = []
        // One date, plan or meeting in about 2,500 bytes on the benchmark corpus: room enough that the list rarely grows.
        out.reserveCapacity(reader.count / 1000 + 4)
        var lastCongress: Int? = nil
        var i = 0
        let n = reader.count
        var skipUntil = 0
        var skipped = 0
        while i < n {
            if i >= skipUntil {
                i = Self.triggers.skipAbsentWithASCII(in: reader.bytes, from: i, scalars: &skipped)
                if i >= n { break }
            }
            let (v, len) = reader.decode(at: i)
            defer { i += max(len, 1) }
            if i < skipUntil { continue }
            switch v {
            case 0x5E74:  // 年
                if let f = date(yearMarkAt: i) {
                    // A span 2013年至2017年 replaces the date of its first year.
                    if let last = out.last, last.kind == .date, last.utf8Start >= f.utf8Start { out.removeLast() }
                    out.append(f)
                    skipUntil = f.utf8End
                }
            case 0x7B2C:  // 第: 第十四个五年规划, 第十四届全国人民代表大会第二次会议
                if let (f, congress) = numberedMeeting(at: i) {
                    out.append(f)
                    lastCongress = congress
                    skipUntil = f.utf8End
                } else if let f = ordinalPlan(at: i) {
                    out.append(f)
                    skipUntil = f.utf8End
                }
            case 0x5341:  // 十: 十四五
                if let f = plan(at: i) {
                    out.append(f)
                    skipUntil = f.utf8End
                    continue
                }
                fallthrough
            default:
                if v >= 0x30, v <= 0x39 {
                    // A bare year is four digits before 第 (E7 AC AC): test the bytes before reading it.
                    if i + 7 <= n, reader.bytes[i + 4] == 0xE7, reader.bytes[i + 5] == 0xAC, reader.bytes[i + 6] == 0xAC,
                        let f = bareYear(at: i)
                    {
                        out.append(f)
                        skipUntil = f.utf8End
                        continue
                    }
                    // Nowhere else in this digit run can a bare year start (a digit stands before it),
                    // and nothing else here reads ASCII digits: step over the run (the deferred step
                    // adds the last digit's byte).
                    var e = i + 1
                    while e < n, reader.bytes[e] >= 0x30, reader.bytes[e] <= 0x39 { e += 1 }
                    i = e - 1
                    continue
                }
                guard isChineseDigit(v), !isChineseDigit(reader.decode(before: i).value) else { continue }
                // Only a run of digits followed by 大, 届 or 中 can be a meeting: check that before parsing.
                var k = i
                var steps = 0
                while steps < 5, isChineseDigit(reader.decode(at: k).value) {
                    k += 3
                    steps += 1
                }
                let after = reader.decode(at: k).value
                guard after == 0x5927 || after == 0x5C4A || after == 0x4E2D else { continue }  // 大 届 中
                if let (fs, congress) = meeting(at: i, lastCongress: lastCongress) {
                    out.append(contentsOf: fs)
                    lastCongress = congress
                    skipUntil = fs.last!.utf8End
                }
            }
        }
        return out
    }

    /// The first scalars of `NamedLexicon.yearDivisions` and of `dateParts`: where the text after
    /// a year starts with none of them, neither list is read word by word.
    static let divisionStarts = ScalarSet(NamedLexicon.yearDivisions.map { String($0.word.unicodeScalars.first!) }, skipping: false)
    static let partStarts = ScalarSet(NamedLexicon.dateParts.map { String($0.word.unicodeScalars.first!) }, skipping: false)

    /// The scalars a date, plan or meeting can start at (a bare year starts at an ASCII digit).
    static let triggers = ScalarSet(["年第十一二两三四五六七八九〇零0123456789"])

    // MARK: Numbers

    func isChineseDigit(_ v: UInt32) -> Bool {
        switch v {
        case 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true
        default: return false
        }
    }

    /// A small Chinese or Arabic integer (up to 4 scalars) at `i`: 二十, 14, 三.
    func smallNumber(at i: Int) -> (value: Int, end: Int)? {
        var j = i
        var count = 0
        var arabic = 0
        var onlyArabic = true
        while count < 4 {
            let (v, l) = reader.decode(at: j)
            guard l > 0, isChineseDigit(v) || (v >= 0x30 && v <= 0x39) else { break }
            if v >= 0x30 && v <= 0x39 { arabic = arabic * 10 + Int(v - 0x30) } else { onlyArabic = false }
            j += l
            count += 1
        }
        guard j > i else { return nil }
        // Arabic digits without a leading zero are read as they stand; anything else by the grammar.
        if onlyArabic, reader.bytes[i] != 0x30 { return arabic > 0 && arabic < 200 ? (arabic, j) : nil }
        guard let q = ChineseNumeral.parse(bytes: UnsafeBufferPointer(rebasing: reader.bytes[i..<j])),
            q.kind == .number, q.qualifier == .exact, q.value.isInteger, !q.value.isNegative, q.value < ExactDecimal(200)
        else { return nil }
        var d = Int(q.value.significand)
        for _ in 0..<q.value.exponent { d *= 10 }
        guard d > 0 else { return nil }
        return (d, j)
    }

    /// Four digits that end right before `i` (ASCII, full-width or 二〇二四), as a year.
    func year(endingAt i: Int) -> (value: Int, start: Int)? {
        var j = i
        var digits: [Int] = []
        while digits.count < 4 {
            let (v, l) = reader.decode(before: j)
            guard l > 0, let d = yearDigit(v) else { break }
            digits.insert(d, at: 0)
            j -= l
        }
        guard digits.count == 4, yearDigit(reader.decode(before: j).value) == nil else { return nil }
        let y = digits.reduce(0) { $0 * 10 + $1 }
        guard y >= 1900, y <= 2100 else { return nil }
        return (y, j)
    }

    func yearDigit(_ v: UInt32) -> Int? {
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        switch v {
        case 0x3007, 0x96F6: return 0
        case 0x4E00: return 1
        case 0x4E8C: return 2
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }

    func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    // MARK: Dates

    /// The date whose 年 stands at byte `i`: 2024年, 2024年度, 2024年以来, 2024年12月末,
    /// 2025年2月28日, 2024年上半年, 2013—2017年, 2013年至2017年.
    func date(yearMarkAt i: Int) -> Fact? {
        guard let (y, ys) = year(endingAt: i) else { return nil }
        var start = ys
        var value = String(y)
        var end = i + 3
        var rule = "<年>年"
        // 2013—2017年 (the first year without 年) or 2013年至2017年.
        let connector = reader.decode(before: ys)
        if [0x2014, 0x2013, 0x2D, 0x7E, 0xFF5E, 0x81F3, 0x5230, 0xFF0D].contains(connector.value) {
            var k = ys - connector.length
            if connector.value == 0x2014, reader.decode(before: k).value == 0x2014 { k -= 3 }
            if reader.decode(before: k).value == 0x5E74 { k -= 3 }
            if let (y0, s0) = year(endingAt: k), y0 < y {
                start = s0
                value = "\(y0)/\(y)"
                rule = "<年>至<年>年"
                return fact(.date, start, end, .text(value), rule: rule)
            }
        }
        if reader.matches(scalar: "度", at: end) {
            var f = fact(.date, start, end + 3, .text(value), rule: "<年>年度")
            f.fiscal = true
            return f
        }
        var part: String? = nil
        // Month and day: 12月, 2月28日.
        if let (m, me) = monthOrDay(at: end, max: 12), reader.matches(scalar: "月", at: me) {
            value += "-" + pad(m)
            end = me + 3
            rule = "<年>年<月>月"
            if reader.matches(scalar: "份", at: end) { end += 3 }
            if let (d, de) = monthOrDay(at: end, max: 31), reader.matches(scalar: "日", at: de) || reader.matches(scalar: "号", at: de) {
                value += "-" + pad(d)
                end = de + 3
                rule = "<年>年<月>月<日>日"
            }
        } else if Self.divisionStarts.contains(reader.decode(at: end).value) {
            for (w, s) in NamedLexicon.yearDivisions where reader.matches(w, at: end) {
                if s.contains("/") {
                    let parts = s.split(separator: "/")
                    value = "\(y)-\(parts[0])/\(y)-\(parts[1])"
                } else {
                    value += "-" + s
                }
                end += w.utf8.count
                rule = "<年>年<季度>"
                break
            }
        }
        if Self.partStarts.contains(reader.decode(at: end).value) {
            for (w, p) in NamedLexicon.dateParts where reader.matches(w, at: end) {
                // 年初 年末 年底; 12月末.
                part = p
                end += w.utf8.count
                break
            }
        }
        var f = fact(.date, start, end, .text(value), rule: rule)
        f.part = part
        if reader.matches("以来", at: end) {
            f = fact(.date, start, end + 6, .text(value), rule: rule + "以来")
            f.part = part
            f.since = true
        }
        return f
    }

    /// 1–2 digits or a Chinese numeral up to `max` at `i`: 12, 二十八.
    func monthOrDay(at i: Int, max: Int) -> (Int, Int)? {
        var j = i
        var value = 0
        var nd = 0
        while nd < 2, j < reader.count, reader.bytes[j] >= 0x30, reader.bytes[j] <= 0x39 {
            value = value * 10 + Int(reader.bytes[j] - 0x30)
            j += 1
            nd += 1
        }
        if nd > 0 {
            guard yearDigit(reader.decode(at: j).value) == nil else { return nil }
            return value >= 1 && value <= max ? (value, j) : nil
        }
        if let (v, e) = smallNumber(at: i), v <= max { return (v, e) }
        return nil
    }

    /// A year written without 年 before 第: `2024第三届`.
    func bareYear(at i: Int) -> Fact? {
        guard yearDigit(reader.decode(before: i).value) == nil else { return nil }
        var j = i
        while j < reader.count, j - i < 5, reader.bytes[j] >= 0x30, reader.bytes[j] <= 0x39 { j += 1 }
        guard j - i == 4, let (y, _) = year(endingAt: j), reader.matches(scalar: "第", at: j) else { return nil }
        return fact(.date, i, j, .text(String(y)), rule: "<年>第")
    }

    // MARK: Plans

    /// 十四五: the Nth five-year plan (N from 十一 to 十九), quoted or before 规划, 时期 ….
    func plan(at i: Int) -> Fact? {
        guard !isChineseDigit(reader.decode(before: i).value) else { return nil }
        let (x, xl) = reader.decode(at: i + 3)
        guard let d = yearDigit(x), d >= 1, d <= 9, reader.matches(scalar: "五", at: i + 3 + xl) else { return nil }
        let end = i + 3 + xl + 3
        guard !isChineseDigit(reader.decode(at: end).value) else { return nil }
        let quoted = [0x201C, 0x300C].contains(reader.decode(before: i).value)
        guard quoted || NamedLexicon.planFollowers.contains(where: { reader.matches($0, at: end) }) else { return nil }
        return planFact(number: 10 + d, i, end, rule: "十<数>五")
    }

    func planFact(number: Int, _ a: Int, _ b: Int, rule: String) -> Fact {
        var f = fact(.plan, a, b, .number(ExactDecimal(number)), rule: rule)
        // The first plan ran 1953–1957, the second 1958–1962; after three years of
        // adjustment (1963–1965) the third began in 1966, and every plan since is five years.
        let first = number <= 2 ? 1953 + 5 * (number - 1) : 1951 + 5 * number
        f.period = "\(first)/\(first + 4)"
        return f
    }

    /// 第十四个五年规划.
    func ordinalPlan(at i: Int) -> Fact? {
        guard let (n, e) = smallNumber(at: i + 3), n >= 1, n <= 30 else { return nil }
        for w in ["个五年规划", "个五年计划"] where reader.matches(w, at: e) {
            return planFact(number: n, i, e + w.utf8.count, rule: "第<数>个五年规划")
        }
        return nil
    }

    // MARK: Meetings

    func meetingFact(_ congress: Int, plenum: Int?, _ a: Int, _ b: Int, rule: String) -> Fact {
        var f = fact(.meeting, a, b, .number(ExactDecimal(congress)), rule: rule)
        f.plenum = plenum
        return f
    }

    /// A session after a congress: `三中全会` (plenum 3), `二次会议`, `第二次会议`.
    func session(at i: Int) -> (plenum: Int, end: Int, isPlenum: Bool)? {
        var j = i
        if reader.matches(scalar: "第", at: j) { j += 3 }
        guard let (m, e) = smallNumber(at: j) else { return nil }
        if reader.matches("中全会", at: e) { return (m, e + 9, true) }
        if reader.matches("次全体会议", at: e) { return (m, e + 15, false) }
        if reader.matches("次会议", at: e) { return (m, e + 9, false) }
        return nil
    }

    /// 第十四届全国人民代表大会第二次会议.
    func numberedMeeting(at i: Int) -> (Fact, Int)? {
        guard let (n, e) = smallNumber(at: i + 3), reader.matches(scalar: "届", at: e) else { return nil }
        guard let fs = afterSession(congress: n, start: i, sessionAt: e + 3) else { return nil }
        return (fs, n)
    }

    func afterSession(congress n: Int, start: Int, sessionAt k: Int) -> Fact? {
        for body in ["全国人民代表大会", "全国人大常委会", "全国人大", "全国政协", "全国委员会", "中央委员会"] where reader.matches(body, at: k) {
            var j = k + body.utf8.count
            if reader.matches("常务委员会", at: j) { j += 15 }
            if let s = session(at: j), !s.isPlenum {
                return meetingFact(n, plenum: s.plenum, start, s.end, rule: "<数>届<机构><数>次会议")
            }
            if let s = session(at: j), s.isPlenum {
                return meetingFact(n, plenum: s.plenum, start, s.end, rule: "<数>届中央委员会<数>中全会")
            }
        }
        return nil
    }

    /// 二十大, 二十大三中全会, 二十届三中全会, 二十届二中、三中全会, 十四届全国人大二次会议,
    /// and a bare 三中全会 after a congress was named.
    func meeting(at i: Int, lastCongress: Int?) -> ([Fact], Int)? {
        guard let (n, e) = smallNumber(at: i) else { return nil }
        if reader.matches(scalar: "大", at: e) {
            let party = reader.matches("党的", endingAt: i) || reader.matches("中共", endingAt: i)
            guard party || (n >= 16 && n <= 30) else { return nil }
            let next = reader.decode(at: e + 3).value
            // 二十大代表 is fine; 二十大项 is not a congress.
            guard !"项类批个家".unicodeScalars.contains(where: { $0.value == next }) else { return nil }
            if let s = session(at: e + 3), s.isPlenum {
                return ([meetingFact(n, plenum: s.plenum, i, s.end, rule: "<数>大<数>中全会")], n)
            }
            return ([meetingFact(n, plenum: nil, i, e + 3, rule: "<数>大")], n)
        }
        if reader.matches(scalar: "届", at: e) {
            let k = e + 3
            if let f = afterSession(congress: n, start: i, sessionAt: k) { return ([f], n) }
            // 二十届二中、三中全会: a shared list.
            if let (m, me) = smallNumber(at: k), reader.matches(scalar: "中", at: me) {
                if reader.matches("中全会", at: me) {
                    return ([meetingFact(n, plenum: m, i, me + 9, rule: "<数>届<数>中全会")], n)
                }
                var out = [meetingFact(n, plenum: m, i, me + 3, rule: "<数>届<数>中")]
                var j = me + 3
                while reader.matches(scalar: "、", at: j) || reader.matches(scalar: "和", at: j) {
                    guard let (m2, e2) = smallNumber(at: j + 3), reader.matches(scalar: "中", at: e2) else { break }
                    if reader.matches("中全会", at: e2) {
                        out.append(meetingFact(n, plenum: m2, j + 3, e2 + 9, rule: "<数>中全会"))
                        break
                    }
                    out.append(meetingFact(n, plenum: m2, j + 3, e2 + 3, rule: "<数>中"))
                    j = e2 + 3
                }
                return (out, n)
            }
            if let s = session(at: k), !s.isPlenum {
                return ([meetingFact(n, plenum: s.plenum, i, s.end, rule: "<数>届<数>次会议")], n)
            }
            return nil
        }
        if let congress = lastCongress, reader.matches("中全会", at: e) {
            return ([meetingFact(congress, plenum: n, i, e + 9, rule: "<数>中全会")], congress)
        }
        return nil
    }
}
