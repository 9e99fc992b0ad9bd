/// Text decoded from bytes that may not be valid UTF-8.
///
/// Invalid sequences become U+FFFD, as `String(decoding:as:)` does, and the
/// number of bytes that were replaced is kept so that callers can warn.
/// `DecodedText(bytes: [0xE4, 0xB8, 0x80, 0xFF])` is `"一\u{FFFD}"` with one replaced byte.
public struct DecodedText: Sendable {
    /// The decoded text.
    public var text: String
    /// How many input bytes were not valid UTF-8 and were replaced by U+FFFD.
    public var replacedBytes: Int

    /// Decodes bytes as UTF-8, replacing and counting invalid bytes.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public init<C: Collection>(bytes: C) where C.Element == UInt8 {
        let fast: String? = bytes.withContiguousStorageIfAvailable { buffer in
            // Validate with a byte loop (about 1 GB/s), then copy without a second check.
            Self.isValidUTF8(buffer) ? String(decoding: buffer, as: UTF8.self) : nil
        } ?? nil
        if let fast {
            text = fast
            replacedBytes = 0
            return
        }
        let counted: (String, Int)? = bytes.withContiguousStorageIfAvailable { buffer in
            (String(decoding: buffer, as: UTF8.self), Self.invalidByteCount(buffer))
        }
        if let counted {
            text = counted.0
            replacedBytes = counted.1
            return
        }
        var replaced = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .error(let length): replaced += length
            case .emptyInput: break loop
            }
        }
        text = String(decoding: bytes, as: UTF8.self)
        replacedBytes = replaced
    }

    /// How many bytes of `bytes` are not part of well-formed UTF-8 (what `String(decoding:)`
    /// replaces): each maximal ill-formed prefix of a sequence counts its bytes.
    public static func invalidByteCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var i = 0
        var bad = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default:
                bad += 1
                i += 1
                continue
            }
            // The first continuation byte has its own range; the rest are 80…BF.
            var k = 1
            var ok = true
            while k <= need {
                guard i + k < n else { ok = false; break }
                let b = bytes[i + k]
                let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                if b < l || b > h { ok = false; break }
                k += 1
            }
            if ok {
                i += need + 1
            } else {
                // The lead byte and the continuation bytes that fit form one ill-formed subsequence.
                bad += k
                i += k
            }
        }
        return bad
    }

    /// Whether `bytes` are well-formed UTF-8 (Unicode Table 3-7: no overlong forms,
    /// no surrogates, nothing above U+10FFFF).
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            // Eight ASCII bytes at a time.
            if i + 8 <= n {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func cont(_ k: Int) -> Bool { k < n && bytes[k] & 0xC0 == 0x80 }
            switch b0 {
            case 0xC2...0xDF:
                guard cont(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard cont(i + 1), cont(i + 2) else { return false }
                let b1 = bytes[i + 1]
                if b0 == 0xE0 && b1 < 0xA0 { return false }
                if b0 == 0xED && b1 > 0x9F { return false }
                i += 3
            case 0xF0...0xF4:
                guard cont(i + 1), cont(i + 2), cont(i + 3) else { return false }
                let b1 = bytes[i + 1]
                if b0 == 0xF0 && b1 < 0x90 { return false }
                if b0 == 0xF4 && b1 > 0x8F { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
