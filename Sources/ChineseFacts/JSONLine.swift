import ChineseTokenization
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Why a line of JSON Lines could not be read as a document.
public struct JSONLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong: `expected ':' after a key`.
    public var message: String
    /// The byte offset in the line where it went wrong.
    public var offset: Int

    public var description: String { "\(message) at byte \(offset)" }
}

/// Reads the document fields of one JSON Lines object, without Foundation and
/// without building the whole object: `{"id": "a1", "text": "新成立党组织11个"}`.
///
/// Strings are unescaped (with `\uXXXX` surrogate pairs); a number, `true`,
/// `false` or `null` as an id is kept as written. Other fields are validated and
/// skipped. Nesting is limited to 512 levels so that no input exhausts the stack.
public enum JSONLine {
    /// The values of `idField` and `textField` in the JSON object `line` (nil where absent).
    ///
    /// `JSONLine.fields(in: #"{"id":7,"text":"二〇二四年"}"#, id: "id", text: "text")` → ("7", "二〇二四年").
    public static func fields(in line: String, id: String, text: String) throws(JSONLineError) -> (id: String?, text: String?) {
        var copy = line
        let result: Result<(id: String?, text: String?), JSONLineError> = copy.withUTF8 { buffer in
            do throws(JSONLineError) {
                return .success(try fields(in: buffer, id: id, text: text))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The values of `idField` and `textField` in a JSON object given as UTF-8 bytes.
    public static func fields(
        in bytes: UnsafeBufferPointer<UInt8>, id idField: String, text textField: String
    ) throws(JSONLineError) -> (id: String?, text: String?) {
        try fields(in: bytes, id: idField, text: textField) { String(decoding: $0, as: UTF8.self) }
    }

    /// The value of `idField`, and that of `textField` as well-formed UTF-8 bytes, in a JSON
    /// object given as UTF-8 bytes: the text's String is never made, so that a reader can hand
    /// the bytes to `FactExtractor.facts(wellFormedUTF8:)` on another thread. Invalid UTF-8 in the text is
    /// replaced with U+FFFD as `String(decoding:as:)` replaces it.
    ///
    /// `JSONLine.utf8Fields(in: line, id: "id", text: "text")` on `{"id":7,"text":"二〇二四年"}`
    /// → ("7", the 15 bytes of 二〇二四年).
    public static func utf8Fields(
        in bytes: UnsafeBufferPointer<UInt8>, id idField: String, text textField: String
    ) throws(JSONLineError) -> (id: String?, text: [UInt8]?) {
        try fields(in: bytes, id: idField, text: textField) { raw in
            DecodedText.isValidUTF8(raw) ? Array(raw) : Array(String(decoding: raw, as: UTF8.self).utf8)
        }
    }

    /// The fields, with the text's unescaped bytes made into a `T` by `makeText`.
    static func fields<T>(
        in bytes: UnsafeBufferPointer<UInt8>, id idField: String, text textField: String,
        makeText: (UnsafeBufferPointer<UInt8>) -> T
    ) throws(JSONLineError) -> (id: String?, text: T?) {
        var p = Parser(bytes: bytes)
        p.skipSpace()
        guard p.peek == UInt8(ascii: "{") else { throw p.error("expected '{' at the start of a document") }
        p.i += 1
        var idValue: String? = nil
        var textValue: T? = nil
        p.skipSpace()
        if p.peek == UInt8(ascii: "}") {
            p.i += 1
        } else {
            while true {
                p.skipSpace()
                guard p.peek == UInt8(ascii: "\"") else { throw p.error("expected a key") }
                let key = try p.string()
                p.skipSpace()
                guard p.peek == UInt8(ascii: ":") else { throw p.error("expected ':' after a key") }
                p.i += 1
                p.skipSpace()
                if key == idField {
                    if p.peek == UInt8(ascii: "\"") {
                        idValue = try p.string()
                    } else {
                        let s = p.i
                        try p.skipValue(depth: 0)
                        idValue = String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<p.i]), as: UTF8.self)
                    }
                } else if key == textField {
                    guard p.peek == UInt8(ascii: "\"") else { throw p.error("field \"\(textField)\" is not a string") }
                    textValue = try p.unescaped(makeText)
                } else {
                    try p.skipValue(depth: 0)
                }
                p.skipSpace()
                if p.peek == UInt8(ascii: ",") {
                    p.i += 1
                    continue
                }
                guard p.peek == UInt8(ascii: "}") else { throw p.error("expected ',' or '}'") }
                p.i += 1
                break
            }
        }
        p.skipSpace()
        guard p.i == bytes.count else { throw p.error("text after the object") }
        return (idValue, textValue)
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        func error(_ message: String) -> JSONLineError { JSONLineError(message: message, offset: i) }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        mutating func hex4() throws(JSONLineError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw error("short \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: throw error("bad hex digit in \\u escape")
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }

        /// The first offset at or after `from` that holds `"`, `\` or a control character
        /// (or the end): sixteen bytes tested at a time on x86-64 (SSE2), eight elsewhere.
        static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var i = start
            let n = bytes.count
            if let base = bytes.baseAddress {
                #if arch(x86_64)
                // Sixteen bytes at a time with SSE2: `"`, `\`, and 00...1F (non-negative as signed bytes, below 0x20).
                while i + 16 <= n {
                    let x = _mm_loadu_si128(UnsafeRawPointer(base + i).assumingMemoryBound(to: __m128i.self))
                    let control = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(-1)), _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)))
                    let special = _mm_or_si128(
                        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(0x22)), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x5C))), control)
                    let mask = _mm_movemask_epi8(special)
                    if mask != 0 { return i + mask.trailingZeroBitCount }
                    i += 16
                }
                #endif
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                while i + 8 <= n {
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let quote = x ^ (ones &* 0x22), backslash = x ^ (ones &* 0x5C)
                    let found =
                        ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((x &- ones &* 0x20) & ~x)
                    if found & highs != 0 { break }
                    i += 8
                }
            }
            while i < n, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 { i += 1 }
            return i
        }

        /// A string starting at the opening quote; invalid UTF-8 inside is replaced with U+FFFD.
        mutating func string() throws(JSONLineError) -> String {
            try unescaped { String(decoding: $0, as: UTF8.self) }
        }

        /// A string starting at the opening quote, its unescaped bytes (which may hold invalid
        /// UTF-8) made into a `T` by `make`.
        mutating func unescaped<T>(_ make: (UnsafeBufferPointer<UInt8>) -> T) throws(JSONLineError) -> T {
            i += 1
            let start = i
            // Fast path: no escapes.
            i = Self.plainRunEnd(bytes, from: i)
            if i < bytes.count, bytes[i] < 0x20 { throw error("control character in a string") }
            guard i < bytes.count else { throw error("unterminated string") }
            if bytes[i] == 0x22 {
                let s = make(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                i += 1
                return s
            }
            var out: [UInt8] = []
            out.reserveCapacity(i - start + 4096)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 {
                    i += 1
                    return out.withUnsafeBufferPointer(make)
                }
                if b < 0x20 { throw error("control character in a string") }
                if b != 0x5C {
                    // A run without quotes, escapes or control characters, copied at once.
                    let run = i
                    i = Self.plainRunEnd(bytes, from: i + 1)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    continue
                }
                i += 1
                guard i < bytes.count else { throw error("unterminated escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var v = try hex4()
                    if v >= 0xD800 && v < 0xDC00 {
                        // A high surrogate: a low one should follow.
                        if i + 6 <= bytes.count, bytes[i] == 0x5C, bytes[i + 1] == UInt8(ascii: "u") {
                            let save = i
                            i += 2
                            let low = try hex4()
                            if low >= 0xDC00 && low < 0xE000 {
                                v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                i = save
                                v = 0xFFFD
                            }
                        } else {
                            v = 0xFFFD
                        }
                    } else if v >= 0xDC00 && v < 0xE000 {
                        v = 0xFFFD
                    }
                    out.append(contentsOf: String(Character(Unicode.Scalar(v) ?? "\u{FFFD}")).utf8)
                default:
                    throw error("unknown escape")
                }
            }
            throw error("unterminated string")
        }

        mutating func skipValue(depth: Int) throws(JSONLineError) {
            guard depth < 512 else { throw error("nested too deeply") }
            guard let b = peek else { throw error("expected a value") }
            switch b {
            case 0x22: _ = try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                i += 1
                skipSpace()
                if peek == close {
                    i += 1
                    return
                }
                while true {
                    skipSpace()
                    if close == UInt8(ascii: "}") {
                        guard peek == 0x22 else { throw error("expected a key") }
                        _ = try string()
                        skipSpace()
                        guard peek == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
                        i += 1
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    guard peek == close else { throw error("expected ',' or a closing bracket") }
                    i += 1
                    return
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), 0x30...0x39:
                let s = i
                if peek == UInt8(ascii: "-") { i += 1 }
                var digits = 0
                while let c = peek, c >= 0x30 && c <= 0x39 || c == UInt8(ascii: ".") || c == UInt8(ascii: "e")
                    || c == UInt8(ascii: "E") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
                {
                    if c >= 0x30 && c <= 0x39 { digits += 1 }
                    i += 1
                }
                guard digits > 0 else {
                    i = s
                    throw error("bad number")
                }
            default:
                throw error("unexpected character")
            }
        }

        mutating func literal(_ word: String) throws(JSONLineError) {
            var k = i
            for b in word.utf8 {
                guard k < bytes.count, bytes[k] == b else { throw error("bad literal") }
                k += 1
            }
            i = k
        }
    }
}
