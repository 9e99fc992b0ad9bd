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
        let valid: String? = bytes.withContiguousStorageIfAvailable { buffer in
            String(validating: buffer, as: UTF8.self)
        } ?? String(validating: Array(bytes), as: UTF8.self)
        if let valid {
            text = valid
            replacedBytes = 0
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
}
