/// Writes JSON by hand into a byte buffer: about 7× faster than `JSONEncoder`
/// on this project's facts, and byte-for-byte stable.
///
/// `var w = JSONWriter(); w.write(fact, doc: "seed.txt")` appends
/// `{"doc":"seed.txt","kind":"count","text":"11个",…}` and a newline.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init() {}

    /// Appends a JSON string literal, escaped as RFC 8259 requires.
    public mutating func writeString(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ writeString(utf8: $0) }) == nil {
            var copy = s
            copy.withUTF8 { writeString(utf8: $0) }
        }
    }

    /// Appends UTF-8 bytes as a JSON string literal, escaped as RFC 8259 requires.
    mutating func writeString(utf8 u: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        // Runs with nothing to escape are copied at once.
        var runStart = 0
        var k = 0
        let n = u.count
        while k < n {
            let b = u[k]
            k += 1
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<(k - 1)]))
            runStart = k
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<n]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends ASCII known when compiling (keys and punctuation).
    @inline(__always) mutating func writeStatic(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends an integer in decimal.
    mutating func writeInt(_ v: Int) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var x = v.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buf in
            var k = 20
            repeat {
                k -= 1
                buf[k] = UInt8(truncatingIfNeeded: x % 10) + 0x30
                x /= 10
            } while x > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[k...]))
        }
    }

    /// `"kind":"…"` for each kind, by `FactKind.orderIndex`.
    static let kindFields: [[UInt8]] = {
        var fields = [[UInt8]](repeating: [], count: FactKind.allCases.count)
        for k in FactKind.allCases { fields[k.orderIndex] = Array("\"kind\":\"\(k.rawValue)\"".utf8) }
        return fields
    }()

    /// Appends raw ASCII (a number, `true`, punctuation).
    public mutating func writeRaw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// Appends one fact as a JSON object (with `doc` first when given) and, if
    /// `newline`, a line feed: one line of JSON Lines. Fields that are absent are left out.
    public mutating func write(_ f: Fact, doc: String?, explain: Bool = false, newline: Bool = true) {
        bytes.append(UInt8(ascii: "{"))
        if let doc {
            writeStatic("\"doc\":")
            writeString(doc)
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(contentsOf: Self.kindFields[f.kind.orderIndex])
        writeStatic(",\"text\":")
        writeString(f.text)
        writeStatic(",\"start\":")
        writeInt(f.start)
        writeStatic(",\"end\":")
        writeInt(f.end)
        writeStatic(",\"value\":")
        switch f.value {
        case .number(let d): d.appendDescription(to: &bytes)
        case .text(let s): writeString(s)
        }
        if let u = f.unit {
            writeStatic(",\"unit\":")
            writeString(u)
        }
        if let q = f.qualifier, q != .exact {
            writeStatic(",\"qualifier\":")
            writeString(q.rawValue)
        }
        if let u = f.upper {
            writeStatic(",\"upper\":")
            u.appendDescription(to: &bytes)
        }
        if let s = f.subject {
            writeStatic(",\"subject\":")
            writeString(s)
        }
        if let a = f.attribute {
            writeStatic(",\"attribute\":")
            writeString(a)
        }
        if let c = f.change {
            writeStatic(",\"change\":")
            writeString(c.rawValue)
        }
        if let d = f.date {
            writeStatic(",\"date\":")
            writeString(d)
        }
        if let p = f.part {
            writeStatic(",\"part\":")
            writeString(p)
        }
        if let s = f.since {
            writeStatic(s ? ",\"since\":true" : ",\"since\":false")
        }
        if let s = f.fiscal {
            writeStatic(s ? ",\"fiscal\":true" : ",\"fiscal\":false")
        }
        if let p = f.period {
            writeStatic(",\"period\":")
            writeString(p)
        }
        if let p = f.plenum {
            writeStatic(",\"plenum\":")
            writeInt(p)
        }
        if explain, let r = f.rule {
            writeStatic(",\"rule\":")
            writeString(r)
        }
        bytes.append(UInt8(ascii: "}"))
        if newline { bytes.append(0x0A) }
    }
}
