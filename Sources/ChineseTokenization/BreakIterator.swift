internal import CICU

/// The one file that talks to ICU's break iterators (through the CICU shim).
struct BreakIterator: ~Copyable {
    enum Kind: Int32 {
        case character = 0, word = 1, line = 2, sentence = 3
    }

    private let handle: OpaquePointer

    init(_ kind: Kind, locale: String) throws(TokenizerError) {
        var status: Int32 = 0
        guard let h = cicu_brk_open(kind.rawValue, locale, &status), status <= 0 else {
            throw .icu(status: Int(status))
        }
        handle = h
    }

    deinit { cicu_brk_close(handle) }

    /// Boundaries (UTF-16 offsets, 0 and the end included) and, for each
    /// segment that ends at a boundary, the rule status.
    func boundaries(utf16 text: [UInt16]) throws(TokenizerError) -> [(offset: Int, status: Int32)] {
        var status: Int32 = 0
        var result: [(offset: Int, status: Int32)] = []
        result.reserveCapacity(text.count / 2 + 2)
        try text.withUnsafeBufferPointer { (buffer) throws(TokenizerError) in
            cicu_brk_set_text(handle, buffer.baseAddress, Int32(buffer.count), &status)
            if status > 0 { throw .icu(status: Int(status)) }
            result.append((Int(cicu_brk_first(handle)), 0))
            while true {
                let b = cicu_brk_next(handle)
                if b < 0 { break }
                result.append((Int(b), cicu_brk_rule_status(handle)))
            }
        }
        return result
    }

    /// The version of the ICU library in use, e.g. "72.1".
    static var icuVersion: String { String(cString: cicu_version()) }
}

/// Errors from the tokenizer.
public enum TokenizerError: Error, Sendable, Equatable {
    /// ICU failed with this `UErrorCode`.
    case icu(status: Int)
    /// Text over 2 GiB of UTF-16 cannot be handed to ICU at once.
    case textTooLong(utf16Count: Int)
}
