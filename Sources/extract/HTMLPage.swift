import ChineseFacts

/// One self-contained HTML page (no network): each document's text with every fact
/// highlighted by kind, a colour legend, the fact's value on hover and in a side table.
enum HTMLPage {
    static let colours: [(FactKind, String)] = [
        (.count, "#ffd58a"), (.money, "#9be7a1"), (.percent, "#8fd3ff"), (.measure, "#c9b6ff"), (.duration, "#ffb3c7"),
        (.ordinal, "#ffe98a"), (.number, "#d9d9d9"), (.date, "#ffc49b"), (.plan, "#f7a8ff"), (.meeting, "#ff9f9f"),
        (.title, "#b8e0d2"), (.term, "#c7ecff"), (.org, "#ffd1a8"), (.place, "#c3f0a0"), (.person, "#f5c2ff"),
    ]

    static var head: String {
        var css = """
            body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#fafafa;color:#222}
            header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:8px 16px;z-index:2}
            h1{font-size:18px;margin:0 0 6px}
            .legend span{display:inline-block;margin:2px 4px 2px 0;padding:1px 6px;border-radius:3px;font-size:13px}
            section{display:flex;gap:16px;padding:12px 16px;border-bottom:1px solid #ddd}
            h2{font-size:15px;margin:0 0 8px;word-break:break-all}
            .text{flex:3;white-space:pre-wrap;line-height:1.9;font-size:16px;background:#fff;padding:12px;border:1px solid #e4e4e4;border-radius:4px}
            .side{flex:2;max-height:90vh;overflow:auto;font-size:13px}
            table{border-collapse:collapse;width:100%}
            td,th{border-bottom:1px solid #eee;padding:2px 4px;text-align:left;vertical-align:top}
            mark{border-radius:2px;padding:0 1px;color:inherit}
            mark mark{outline:1px solid rgba(0,0,0,.35)}
            mark:hover{outline:2px solid #333}

            """
        for (k, c) in colours { css += "mark.k-\(k.rawValue),.legend .k-\(k.rawValue),td.k-\(k.rawValue){background:\(c)}\n" }
        var legend = ""
        for (k, _) in colours { legend += "<span class=\"k-\(k.rawValue)\">\(k.rawValue)</span>" }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>ChineseFacts: extracted facts</title>
            <style>
            \(css)</style></head>
            <body><header><h1>ChineseFacts — extracted facts</h1><div class="legend">\(legend)</div></header>

            """
    }

    static let foot = "</body></html>\n"

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The hover text of a fact: `count · 11 个 · subject 非公企业党组织`.
    static func summary(_ f: Fact) -> String {
        var parts = [f.kind.rawValue, f.value.description + (f.unit.map { " " + $0 } ?? "")]
        if let q = f.qualifier { parts.append(q.rawValue + (f.upper.map { " " + $0.description } ?? "")) }
        if let s = f.subject { parts.append("subject " + s) }
        if let a = f.attribute { parts.append("attribute " + a) }
        if let c = f.change { parts.append(c.rawValue) }
        if let d = f.date { parts.append("date " + d) }
        if let p = f.plenum { parts.append("plenum \(p)") }
        if let p = f.period { parts.append("period " + p) }
        return parts.joined(separator: " · ")
    }

    /// One document: its text with nested `<mark>` elements, and the side table.
    ///
    /// Facts nest by start (then longer first). A fact that starts inside another and
    /// ends after it is closed and reopened at the other's end: its text then spans two
    /// `<mark>` elements that share `data-f`.
    static func section(doc: Document, facts: [Fact]) -> String {
        var out = "<section><div class=\"text\"><h2>\(escape(doc.id))</h2>"
        let utf8 = Array(doc.text.utf8)
        func text(_ a: Int, _ b: Int) -> String {
            guard a < b, b <= utf8.count else { return "" }
            return escape(String(decoding: utf8[a..<b], as: UTF8.self))
        }
        let order = facts.indices.sorted { a, b in
            let fa = facts[a], fb = facts[b]
            if fa.utf8Start != fb.utf8Start { return fa.utf8Start < fb.utf8Start }
            if fa.utf8End != fb.utf8End { return fa.utf8End > fb.utf8End }
            return a < b
        }
        var rank = [Int](repeating: 0, count: facts.count)
        for (r, k) in order.enumerated() { rank[k] = r }
        var bounds = Set<Int>([0, utf8.count])
        for f in facts where f.utf8End <= utf8.count {
            bounds.insert(f.utf8Start)
            bounds.insert(f.utf8End)
        }
        let points = bounds.sorted()
        var open: [Int] = []  // fact indices, outermost first
        var opened = Set<Int>()
        var next = 0  // next fact in `order` to start
        var active: [Int] = []
        for (n, p) in points.enumerated() {
            active.removeAll { facts[$0].utf8End <= p }
            while next < order.count, facts[order[next]].utf8Start <= p {
                if facts[order[next]].utf8End > p { active.append(order[next]) }
                next += 1
            }
            active.sort { rank[$0] < rank[$1] }
            var common = 0
            while common < open.count, common < active.count, open[common] == active[common] { common += 1 }
            for _ in common..<open.count {
                out += "</mark>"
                open.removeLast()
            }
            for k in active[common...] {
                let f = facts[k]
                let id = opened.insert(k).inserted ? " id=\"f\(k)\"" : ""
                out += "<mark class=\"k-\(f.kind.rawValue)\" data-f=\"\(k)\"\(id) title=\"\(escape(summary(f)))\">"
                open.append(k)
            }
            if n + 1 < points.count { out += text(p, points[n + 1]) }
        }
        for _ in open { out += "</mark>" }
        out += "</div><div class=\"side\"><table><tr><th>kind</th><th>text</th><th>value</th><th>unit</th><th>subject</th></tr>\n"
        for (k, f) in facts.enumerated() {
            out += "<tr><td class=\"k-\(f.kind.rawValue)\">\(f.kind.rawValue)</td><td><a href=\"#f\(k)\">\(escape(f.text))</a></td>"
            out += "<td>\(escape(f.value.description))\(f.upper.map { "…" + $0.description } ?? "")</td>"
            out += "<td>\(escape(f.unit ?? ""))</td><td>\(escape(f.subject ?? ""))</td></tr>\n"
        }
        out += "</table></div></section>\n"
        return out
    }
}
