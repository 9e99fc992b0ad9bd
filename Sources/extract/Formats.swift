import ChineseFacts
import Dispatch
import FoundationEssentials
import Glibc

/// Output formats of `extract`.
enum OutputFormat: String, CaseIterable {
    case jsonl, json, csv, tsv, table, html, sqlite
}

/// Turns one document's facts into output bytes. `render` runs on worker threads and
/// must not touch shared state; `header`, `separator` and `footer` frame the documents.
struct Renderer: Sendable {
    let format: OutputFormat
    let explain: Bool

    var header: [UInt8] {
        switch format {
        case .json: return Array("[".utf8)
        case .csv: return Array((csvColumns.joined(separator: ",") + "\r\n").utf8)
        case .tsv: return Array((csvColumns.joined(separator: "\t") + "\n").utf8)
        case .html: return Array(HTMLPage.head.utf8)
        default: return []
        }
    }

    var footer: [UInt8] {
        switch format {
        case .json: return Array("\n]\n".utf8)
        case .html: return Array(HTMLPage.foot.utf8)
        default: return []
        }
    }

    /// `render`, for a worker done with the facts: JSON Lines takes each fact out of the list
    /// (moved, not copied) and writes it; the list is left empty.
    func render(_ doc: InputDocument, movingFrom facts: inout [Fact], first: Bool) -> [UInt8] {
        guard format == .jsonl else {
            defer { facts = [] }
            return render(doc, facts, first: first)
        }
        var w = JSONWriter()
        w.reserveCapacity(facts.count * 320)
        facts.withUnsafeMutableBufferPointer { $0.reverse() }
        let field = JSONWriter.DocField(doc.id)
        while let f = facts.popLast() { w.write(f, doc: field, explain: explain) }
        return w.takeBytes()
    }

    /// Bytes for one document; for `json`, `first` says whether a comma must lead.
    func render(_ doc: InputDocument, _ facts: [Fact], first: Bool) -> [UInt8] {
        switch format {
        case .jsonl:
            // One JSON Lines writer: the moving one, on a copy (workers hand over their facts instead).
            var owned = facts
            return render(doc, movingFrom: &owned, first: first)
        case .json:
            var w = JSONWriter()
            var isFirst = first
            let field = JSONWriter.DocField(doc.id)
            for f in facts {
                w.writeRaw(isFirst ? "\n" : ",\n")
                w.write(f, doc: field, explain: explain, newline: false)
                isFirst = false
            }
            return w.takeBytes()
        case .csv, .tsv:
            return delimited(doc.id, facts, tab: format == .tsv)
        case .table:
            return Array(TextTable.render(doc: doc.document, facts: facts, explain: explain).utf8)
        case .html:
            return Array(HTMLPage.section(doc: doc.document, facts: facts).utf8)
        case .sqlite:
            return []
        }
    }

    // MARK: CSV and TSV

    var csvColumns: [String] {
        ["doc", "kind", "text", "start", "end", "value", "unit", "qualifier", "upper", "subject", "attribute", "change", "date", "extra"]
    }

    func delimited(_ id: String, _ facts: [Fact], tab: Bool) -> [UInt8] {
        var out: [UInt8] = []
        func field(_ s: String?) -> String {
            guard let s else { return "" }
            if tab {
                // TSV cannot hold tabs or line breaks in a field: they become spaces. Code points, not
                // characters: a tab that a combining mark follows is still a tab to a TSV reader.
                var t = String.UnicodeScalarView()
                for c in s.unicodeScalars { t.append(c == "\t" || c == "\n" || c == "\r" ? " " : c) }
                return String(t)
            }
            if s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + s.replacing(every: "\"", with: "\"\"") + "\""
            }
            return s
        }
        for f in facts {
            let cells: [String?] = [
                id, f.kind.rawValue, f.text, String(f.start), String(f.end), f.value.description, f.unit,
                f.qualifier?.rawValue, f.upper?.description, f.subject, f.attribute, f.change?.rawValue, f.date, extraJSON(f),
            ]
            out.append(contentsOf: cells.map(field).joined(separator: tab ? "\t" : ",").utf8)
            out.append(contentsOf: tab ? [0x0A] : [0x0D, 0x0A])
        }
        return out
    }

    /// The fields that have no column of their own, as one JSON object (empty when none).
    func extraJSON(_ f: Fact) -> String? {
        var w = JSONWriter()
        func field(_ key: String, _ write: (inout JSONWriter) -> Void) {
            w.writeRaw(w.count == 0 ? "{" : ",")
            w.writeString(key)
            w.writeRaw(":")
            write(&w)
        }
        if let p = f.part { field("part") { $0.writeString(p) } }
        if let s = f.since { field("since") { $0.writeRaw(s ? "true" : "false") } }
        if let s = f.fiscal { field("fiscal") { $0.writeRaw(s ? "true" : "false") } }
        if let p = f.period { field("period") { $0.writeString(p) } }
        if let p = f.plenum { field("plenum") { $0.writeRaw(String(p)) } }
        if explain, let r = f.rule { field("rule") { $0.writeString(r) } }
        guard w.count > 0 else { return nil }
        w.writeRaw("}")
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

/// An aligned plain-text table whose column widths count CJK characters as two.
enum TextTable {
    /// Terminal columns a scalar takes: 2 for East Asian wide and full-width, 0 for combining marks.
    static func width(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    static func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + width($1) } }

    /// `s` cut to at most `limit` columns, with … where it was cut; line breaks shown as ⏎.
    static func clip(_ s: String, _ limit: Int) -> String {
        var out = ""
        var w = 0
        let flat = s.replacing(every: "\r\n", with: "⏎").replacing(every: "\n", with: "⏎")
            .replacing(every: "\r", with: "⏎").replacing(every: "\t", with: " ")
        guard width(flat) > limit else { return flat }
        for sc in flat.unicodeScalars {
            let cw = width(sc)
            if w + cw > limit - 1 { break }
            out.unicodeScalars.append(sc)
            w += cw
        }
        return out + "…"
    }

    static func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - width(s))) }

    static func render(doc: Document, facts: [Fact], explain: Bool) -> String {
        var columns = ["kind", "text", "value", "unit", "qualifier", "subject", "attribute", "date"]
        if explain { columns.append("rule") }
        let limits = [8, 24, 20, 6, 9, 24, 12, 10, 24]
        var rows: [[String]] = [columns]
        for f in facts {
            var upperNote = ""
            if let u = f.upper { upperNote = "…" + u.description }
            var r = [
                f.kind.rawValue, f.text, f.value.description + upperNote, f.unit ?? "", f.qualifier?.rawValue ?? "",
                f.subject ?? "", f.attribute ?? "", f.date ?? "",
            ]
            if explain { r.append(f.rule ?? "") }
            rows.append(r.enumerated().map { clip($0.element, limits[$0.offset]) })
        }
        var widths = [Int](repeating: 0, count: columns.count)
        for r in rows { for (k, c) in r.enumerated() { widths[k] = max(widths[k], width(c)) } }
        var out = "\(doc.id)  (\(facts.count) fact\(facts.count == 1 ? "" : "s"))\n"
        for (n, r) in rows.enumerated() {
            var line = r.enumerated().map { pad($0.element, widths[$0.offset]) }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
            if n == 0 { out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out + "\n"
    }
}
