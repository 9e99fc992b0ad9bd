/// Character classes the tokenizer needs beyond ICU's rule status.
///
/// Full-width digits and number punctuation (`０`–`９`, `．`, `，`, `％`) count
/// as digits and number punctuation; the text itself is never changed.
public enum CharacterClass {
    /// Whether a scalar is an ASCII or full-width decimal digit: `7`, `７`.
    public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }

    /// The value of an ASCII or full-width digit: `７` → 7; nil otherwise.
    public static func digitValue(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    /// Whether a string is a percent or per-mille sign: `%`, `％`, `‰`.
    public static func isPercentSign(_ s: String) -> Bool {
        s == "%" || s == "％" || s == "‰"
    }

    /// Whether a string is a decimal point or thousands separator: `.`, `．`, `,`, `，`.
    public static func isNumberSeparator(_ s: String) -> Bool {
        s == "." || s == "．" || s == "," || s == "，"
    }
}
