import FoundationEssentials

/// An exact decimal number: a 128-bit significand times a power of ten.
///
/// Values are never rounded: `1349084亿` is exactly 134908400000000 and
/// `壹佰壹拾万贰仟陆佰壹拾肆元陆角` is exactly 1102614.6. Arithmetic that
/// would not fit (about 38 significant digits) returns nil instead of trapping
/// or losing digits. The value is kept normalized (no trailing zeros in the
/// significand), so equal numbers compare and hash equal: `5.0` == `5`.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The significand: the value is `significand × 10^exponent`.
    public private(set) var significand: Int128
    /// The power of ten.
    public private(set) var exponent: Int

    /// Zero.
    public static let zero = ExactDecimal(0)

    /// Creates the value `significand × 10^exponent`.
    public init(significand: Int128, exponent: Int = 0) {
        self.significand = significand
        self.exponent = significand == 0 ? 0 : exponent
        normalize()
    }

    /// Creates `significand × 10^exponent` from a significand of 64 bits at most, which is
    /// normalized in 64-bit arithmetic (the scanner's digit runs: `12.50` is 125 × 10^-1).
    @inline(__always)
    init(smallSignificand: Int, exponent: Int) {
        var s = smallSignificand
        var e = exponent
        if s == 0 {
            e = 0
        } else {
            while s % 10 == 0 {
                s /= 10
                e += 1
            }
        }
        significand = Int128(s)
        self.exponent = e
    }

    /// Creates an integer value: `ExactDecimal(2024)`.
    public init(_ value: Int) {
        self.init(significand: Int128(value), exponent: 0)
    }

    /// Parses a plain decimal string such as `"-0.99"` or `"134908400000000"`
    /// (no exponent, no separators); nil if it is not one or does not fit.
    public init?(_ string: String) {
        var s = Substring(string)
        var negative = false
        if s.first == "-" {
            negative = true
            s = s.dropFirst()
        }
        guard !s.isEmpty else { return nil }
        var sig: Int128 = 0
        var exp = 0
        var seenPoint = false
        var digits = 0
        for c in s.utf8 {
            if c == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard c >= 0x30 && c <= 0x39 else { return nil }
            let (m, o1) = sig.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int128(c - 0x30))
            if o1 || o2 { return nil }
            sig = a
            digits += 1
            if seenPoint { exp -= 1 }
        }
        guard digits > 0 else { return nil }
        self.init(significand: negative ? -sig : sig, exponent: exp)
    }

    private mutating func normalize() {
        if significand == 0 {
            exponent = 0
            return
        }
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
    }

    /// Whether the value is a whole number.
    public var isInteger: Bool { exponent >= 0 }

    /// Whether the value is below zero.
    public var isNegative: Bool { significand < 0 }

    /// The number of decimal digits in the significand (1 for zero).
    var digitCount: Int {
        var m = significand.magnitude
        var n = 1
        while m >= 10 {
            m /= 10
            n += 1
        }
        return n
    }

    static func powerOfTen(_ k: Int) -> Int128? {
        guard k >= 0 && k <= 38 else { return nil }
        var p: Int128 = 1
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// The significand rescaled to `exponent` (which must not exceed self's), or nil on overflow.
    func significand(atExponent e: Int) -> Int128? {
        if e == exponent { return significand }
        guard e < exponent, let p = Self.powerOfTen(exponent - e) else { return nil }
        let (r, o) = significand.multipliedReportingOverflow(by: p)
        return o ? nil : r
    }

    /// `self + other`, or nil if the exact sum does not fit.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        if other.significand == 0 { return self }
        if significand == 0 { return other }
        let e = Swift.min(exponent, other.exponent)
        guard let a = significand(atExponent: e), let b = other.significand(atExponent: e) else { return nil }
        let (s, o) = a.addingReportingOverflow(b)
        return o ? nil : ExactDecimal(significand: s, exponent: e)
    }

    /// `self × other`, or nil if the exact product does not fit.
    public func multiplied(by other: ExactDecimal) -> ExactDecimal? {
        let (m, o) = significand.multipliedReportingOverflow(by: other.significand)
        if o { return nil }
        let (e, eo) = exponent.addingReportingOverflow(other.exponent)
        if eo { return nil }
        return ExactDecimal(significand: m, exponent: e)
    }

    /// `self × 10^k`, or nil if the exponent leaves the supported range (±1000).
    public func scaled(byPowerOfTen k: Int) -> ExactDecimal? {
        if significand == 0 { return self }
        let e = exponent + k
        guard abs(e) <= 1000 else { return nil }
        var r = self
        r.exponent = e
        return r
    }

    /// `−self`.
    public var negated: ExactDecimal {
        ExactDecimal(significand: -significand, exponent: exponent)
    }

    /// `self ÷ other` rounded half-even to `digits` significant digits (for
    /// fractions such as 三分之二); nil when `other` is zero.
    public func divided(by other: ExactDecimal, significantDigits digits: Int = 20) -> ExactDecimal? {
        guard other.significand != 0 else { return nil }
        if significand == 0 { return .zero }
        var num = significand.magnitude
        let den = other.significand.magnitude
        let negative = (significand < 0) != (other.significand < 0)
        var exp = exponent - other.exponent
        // Long division producing `digits` significant digits.
        var q: UInt128 = 0
        var produced = 0
        var started = false
        // Integer part first.
        let intPart = num / den
        num = num % den
        q = intPart
        if intPart > 0 {
            started = true
            var t = intPart
            while t > 0 {
                produced += 1
                t /= 10
            }
        }
        while produced < digits && num != 0 {
            guard q <= (UInt128.max - 9) / 10, num <= UInt128.max / 10 else { break }
            num *= 10
            q = q * 10 + num / den
            num %= den
            exp -= 1
            if q > 0 { started = true }
            if started { produced += 1 }
        }
        guard q <= UInt128(Int128.max) else { return nil }
        let s = Int128(q)
        return ExactDecimal(significand: negative ? -s : s, exponent: exp)
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if a.isNegative != b.isNegative { return a.isNegative }
        if a.significand == 0 || b.significand == 0 { return a.significand < b.significand }
        // Same sign: compare magnitudes by the position of the leading digit first.
        let la = a.digitCount + a.exponent
        let lb = b.digitCount + b.exponent
        let magnitudeLess: Bool
        if la != lb {
            magnitudeLess = la < lb
        } else {
            let e = Swift.min(a.exponent, b.exponent)
            let ma = a.significand(atExponent: e)!.magnitude
            let mb = b.significand(atExponent: e)!.magnitude
            if ma == mb { return false }
            magnitudeLess = ma < mb
        }
        return a.isNegative ? !magnitudeLess : magnitudeLess
    }

    /// Plain decimal notation, never an exponent: `40000000`, `0.05`, `-0.99`.
    public var description: String {
        String(unsafeUninitializedCapacity: descriptionBound) { writeDescription(to: $0.baseAddress!) }
    }

    /// At most how many bytes `description` takes: a sign, 39 digits, a point, a leading zero
    /// and the zeros the exponent adds.
    public var descriptionBound: Int { 42 &+ Int(clamping: exponent.magnitude) }

    /// Writes the UTF-8 bytes of `description` at `out`, which has room for `descriptionBound`
    /// bytes, and returns how many it wrote.
    public func writeDescription(to out: UnsafeMutablePointer<UInt8>) -> Int {
        let sign = significand < 0 ? 1 : 0
        if sign == 1 { out[0] = UInt8(ascii: "-") }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            // The digits of the magnitude, written from the end of the buffer.
            var k = 40
            var magnitude = significand.magnitude
            if magnitude <= UInt128(UInt64.max) {
                var small = UInt64(magnitude)
                repeat {
                    k -= 1
                    buffer[k] = UInt8(truncatingIfNeeded: small % 10) &+ 0x30
                    small /= 10
                } while small > 0
            } else {
                repeat {
                    k -= 1
                    buffer[k] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                    magnitude /= 10
                } while magnitude > 0
            }
            let digits = buffer.baseAddress! + k
            let count = 40 - k
            // Written without nested functions that capture the position: those would check
            // exclusive access at run time on every call.
            var p = out + sign
            if exponent >= 0 {
                p.update(from: digits, count: count)
                p += count
                p.update(repeating: UInt8(ascii: "0"), count: exponent)
                p += exponent
            } else {
                let fraction = -exponent
                if count <= fraction {
                    p[0] = UInt8(ascii: "0")
                    p[1] = UInt8(ascii: ".")
                    p += 2
                    p.update(repeating: UInt8(ascii: "0"), count: fraction - count)
                    p += fraction - count
                    p.update(from: digits, count: count)
                    p += count
                } else {
                    p.update(from: digits, count: count - fraction)
                    p += count - fraction
                    p[0] = UInt8(ascii: ".")
                    p += 1
                    p.update(from: digits + (count - fraction), count: fraction)
                    p += fraction
                }
            }
            return out.distance(to: p)
        }
    }

    /// The value as a `Double` (may round; for display and statistics only).
    public var doubleValue: Double {
        Double(significand) * pow10(exponent)
    }

    private func pow10(_ e: Int) -> Double {
        var r = 1.0
        if e >= 0 {
            for _ in 0..<Swift.min(e, 400) { r *= 10 }
        } else {
            for _ in 0..<Swift.min(-e, 400) { r /= 10 }
        }
        return r
    }
}

extension ExactDecimal: Codable {
    /// The value as a Foundation `Decimal` (exact: both hold 38 digits).
    public var decimalValue: Decimal {
        Decimal(string: description) ?? .nan
    }

    /// Creates an exact decimal from a Foundation `Decimal`; nil for NaN or one that does not fit.
    public init?(_ decimal: Decimal) {
        guard !decimal.isNaN else { return nil }
        self.init(decimal.description)
    }

    /// Decodes from a JSON number (read exactly, as `Decimal`) or a decimal string.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self), let v = ExactDecimal(s) {
            self = v
        } else if let d = try? c.decode(Decimal.self), let v = ExactDecimal(d) {
            self = v
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a decimal number")
        }
    }

    /// Encodes as a JSON number (through `Decimal`, which keeps every digit).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(decimalValue)
    }
}
