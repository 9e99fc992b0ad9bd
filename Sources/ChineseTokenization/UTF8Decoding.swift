#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

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
            // Well-formed input (the common case) needs no count of replaced bytes.
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
    ///
    /// `DecodedText.isValidUTF8` on the bytes of `二〇二四年` is true; on `E4 B8` (一 cut short) it is false.
    /// On x86-64, text of ASCII and three-byte characters (Chinese prose) is checked 16 bytes
    /// at a time with SSE2 (several GB/s); everything else goes through a byte loop.
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        #if arch(x86_64)
        // Whether the last step was a block, which may end inside a character.
        var inBlocks = false
        #endif
        while i < n {
            #if arch(x86_64)
            if i >= 2 && i + 16 <= n {
                if Self.blockIsPlain(base + i) {
                    // A lead at the block's end has its continuations checked by the next block.
                    i += 16
                    inBlocks = true
                    continue
                }
            }
            if inBlocks {
                // Back to the start of the character the blocks left unfinished: a lead at i - 1 or i - 2
                // (every byte before i is accounted for).
                if base[i - 1] >= 0xE0 && base[i - 1] < 0xF0 {
                    i -= 1
                } else if base[i - 2] >= 0xE0 && base[i - 2] < 0xF0 {
                    i -= 2
                }
                inBlocks = false
            }
            #endif
            // Eight ASCII bytes at a time.
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func cont(_ k: Int) -> Bool { k < n && base[k] & 0xC0 == 0x80 }
            switch b0 {
            case 0xC2...0xDF:
                guard cont(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard cont(i + 1), cont(i + 2) else { return false }
                let b1 = base[i + 1]
                if b0 == 0xE0 && b1 < 0xA0 { return false }
                if b0 == 0xED && b1 > 0x9F { return false }
                i += 3
            case 0xF0...0xF4:
                guard cont(i + 1), cont(i + 2), cont(i + 3) else { return false }
                let b1 = base[i + 1]
                if b0 == 0xF0 && b1 < 0x90 { return false }
                if b0 == 0xF4 && b1 > 0x8F { return false }
                i += 4
            default:
                return false
            }
        }
        #if arch(x86_64)
        // Blocks that reach the end leave no room for a last lead's continuations.
        if inBlocks, (base[n - 1] >= 0xE0 && base[n - 1] < 0xF0) || (base[n - 2] >= 0xE0 && base[n - 2] < 0xF0) {
            return false
        }
        #endif
        return true
    }

    #if arch(x86_64)
    /// Whether the 16 bytes at `p` hold only ASCII, continuation bytes and three-byte leads
    /// other than E0 and ED (whose second byte has a narrower range), with every
    /// continuation one or two bytes after a three-byte lead and every byte that follows such
    /// a lead by one or two a continuation. `p - 2` must be readable.
    @inline(__always)
    static func blockIsPlain(_ p: UnsafePointer<UInt8>) -> Bool {
        let cur = _mm_loadu_si128(UnsafeRawPointer(p).assumingMemoryBound(to: __m128i.self))
        let p1 = _mm_loadu_si128(UnsafeRawPointer(p - 1).assumingMemoryBound(to: __m128i.self))
        let p2 = _mm_loadu_si128(UnsafeRawPointer(p - 2).assumingMemoryBound(to: __m128i.self))
        // As signed bytes: continuations 80...BF are -128...-65, three-byte leads E0...EF are -32...-17.
        let isCont = _mm_cmplt_epi8(cur, _mm_set1_epi8(-64))
        let lead1 = _mm_and_si128(_mm_cmpgt_epi8(p1, _mm_set1_epi8(-33)), _mm_cmplt_epi8(p1, _mm_set1_epi8(-16)))
        let lead2 = _mm_and_si128(_mm_cmpgt_epi8(p2, _mm_set1_epi8(-33)), _mm_cmplt_epi8(p2, _mm_set1_epi8(-16)))
        // Bytes C0...DF and F0...FF (other leads, invalid bytes), and the leads E0 and ED.
        let high = _mm_cmplt_epi8(cur, _mm_setzero_si128())
        let notLead3 = _mm_or_si128(_mm_cmplt_epi8(cur, _mm_set1_epi8(-32)), _mm_cmpgt_epi8(cur, _mm_set1_epi8(-17)))
        let special = _mm_or_si128(_mm_cmpeq_epi8(cur, _mm_set1_epi8(-32)), _mm_cmpeq_epi8(cur, _mm_set1_epi8(-19)))
        let bad = _mm_and_si128(_mm_andnot_si128(isCont, high), _mm_or_si128(notLead3, special))
        let mismatch = _mm_or_si128(_mm_xor_si128(isCont, _mm_or_si128(lead1, lead2)), bad)
        return _mm_movemask_epi8(mismatch) == 0
    }
    #endif
}
