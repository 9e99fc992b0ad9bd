import Glibc

// What `extract` needed full Foundation for, written out so that it links only
// FoundationEssentials: full Foundation loads ICU 76 and its own libraries at start-up.

/// Path helpers on plain strings (as NSString's, for the cases `extract` meets).
enum PathName {
    /// The last component: `out/facts.jsonl` → `facts.jsonl`.
    static func last(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        if let slash = p.lastIndex(of: "/"), p.count > 1 { return String(p[p.index(after: slash)...]) }
        return String(p)
    }

    /// The folder part: `out/facts.jsonl` → `out`, `facts.jsonl` → ``, `/facts.jsonl` → `/`.
    static func folder(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        if slash == p.startIndex { return "/" }
        return String(p[..<slash])
    }

    /// The extension of the last component without its dot: `facts.CSV` → `CSV`; `` when none.
    static func ext(_ path: String) -> String {
        let name = last(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }
}

/// `x` with `digits` digits after the point, as printf's `%.Nf` writes it (ties aside, which this
/// rounds away from zero): `fixed(2.345, 1)` → `2.3`, `fixed(-0.04, 1)` → `-0.0`.
func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e18 else { return String(x) }
    let n = UInt64(scaled)
    let p = UInt64(scale)
    var s = (x.sign == .minus ? "-" : "") + String(n / p)
    if digits > 0 {
        let frac = String(n % p)
        s += "." + String(repeating: "0", count: digits - frac.count) + frac
    }
    return s
}

/// Writes `text` to standard error as it is (no line break added), retrying after signals.
func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var done = 0
        while done < bytes.count {
            let n = write(STDERR_FILENO, bytes.baseAddress! + done, bytes.count - done)
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

extension String {
    /// The string with every `target` replaced by `replacement`, compared by UTF-8 bytes
    /// (as NSString does by code units, not by grapheme clusters); `target` not empty.
    func replacing(every target: String, with replacement: String) -> String {
        let t = Array(target.utf8), s = Array(utf8)
        guard !t.isEmpty, s.count >= t.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == t[0], i + t.count <= s.count, s[i..<(i + t.count)].elementsEqual(t) {
                out.append(contentsOf: replacement.utf8)
                i += t.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The string without white space other than line breaks at either end (Foundation's `.whitespaces`).
    var trimmedOfSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let a = firstIndex(where: { !isSpace($0) }), let b = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[a...b])
    }
}
