extension ChineseNumeral {
    /// How to write a number in Chinese characters.
    public enum Style: Sendable, Hashable {
        /// 一千二百三十四, 二百, 一万零四十.
        case standard
        /// 两 before 百 千 万 亿: 两千二百, 两万.
        case liang
        /// Financial capitals, as on cheques: 壹仟贰佰叁拾肆.
        case financial
    }

    /// Writes a number in Chinese characters: `format(ExactDecimal(1234))` → `一千二百三十四`;
    /// `format(ExactDecimal("3.14")!)` → `三点一四`; negatives start with 负.
    ///
    /// Whole numbers of any size the value holds are written with 万 and 亿
    /// (10^16 is 一亿亿). `parse(format(v))` gives `v` back.
    public static func format(_ value: ExactDecimal, style: Style = .standard) -> String {
        let (integer, fraction) = digits(of: value)
        var out = value.isNegative ? "负" : ""
        out += formatInteger(integer, style: style, leading: true)
        if !fraction.isEmpty {
            out += "点"
            let names = style == .financial ? financialDigits : standardDigits
            for d in fraction { out.append(names[d]) }
        }
        return out
    }

    /// Writes an amount of yuan in financial capitals, as on invoices and cheques:
    /// `formatAmount(ExactDecimal("1234.56")!)` → `壹仟贰佰叁拾肆元伍角陆分`; whole amounts end in 整.
    /// Amounts are rounded toward zero to the fen.
    public static func formatAmount(_ value: ExactDecimal) -> String {
        let (intDigits, fraction) = digits(of: value)
        var frac = fraction
        while frac.count < 2 { frac.append(0) }
        var out = value.isNegative ? "负" : ""
        out += formatInteger(intDigits, style: .financial, leading: true) + "元"
        let (jiao, fen) = (frac[0], frac[1])
        if jiao == 0 && fen == 0 { return out + "整" }
        if jiao > 0 { out += String(financialDigits[jiao]) + "角" } else if intDigits != [0] { out += "零" }
        if fen > 0 { out += String(financialDigits[fen]) + "分" }
        return out
    }

    /// The decimal digits of a value's magnitude, before and after the point: 12.5 → ([1, 2], [5]).
    static func digits(of value: ExactDecimal) -> (integer: [Int], fraction: [Int]) {
        let parts = value.description.drop { $0 == "-" }.split(separator: ".", maxSplits: 1)
        let integer = parts[0].utf8.map { Int($0 - 0x30) }
        let fraction = parts.count == 2 ? parts[1].utf8.map { Int($0 - 0x30) } : []
        return (integer, fraction)
    }

    static let standardDigits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let financialDigits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]

    /// Writes a whole number given as decimal digits (most significant first).
    static func formatInteger(_ digits: [Int], style: Style, leading: Bool) -> String {
        var d = digits
        while d.count > 1 && d.first == 0 { d.removeFirst() }
        if d == [0] || d.isEmpty { return "零" }
        // Split off 亿 (eight digits), recursively: 10^16 is 一亿亿.
        if d.count > 8 {
            let high = Array(d[..<(d.count - 8)])
            let low = Array(d[(d.count - 8)...])
            var s = formatInteger(high, style: style, leading: leading) + "亿"
            if low.contains(where: { $0 != 0 }) {
                if low.first == 0 { s += "零" }
                s += formatInteger(low, style: style, leading: false)
            }
            return s
        }
        if d.count > 4 {
            let high = Array(d[..<(d.count - 4)])
            let low = Array(d[(d.count - 4)...])
            var s = formatGroup(high, style: style, leading: leading, beforeLargeUnit: true) + "万"
            if low.contains(where: { $0 != 0 }) {
                if low.first == 0 { s += "零" }
                s += formatGroup(low, style: style, leading: false, beforeLargeUnit: false)
            }
            return s
        }
        return formatGroup(d, style: style, leading: leading, beforeLargeUnit: false)
    }

    /// Writes 1…9999 with 千 百 十 and the 零 that inner zeros need.
    static func formatGroup(_ digits: [Int], style: Style, leading: Bool, beforeLargeUnit: Bool) -> String {
        var d = digits
        while d.count > 1 && d.first == 0 { d.removeFirst() }
        let units: [String] = style == .financial ? ["", "拾", "佰", "仟"] : ["", "十", "百", "千"]
        let names = style == .financial ? financialDigits : standardDigits
        var out = ""
        var pendingZero = false
        let n = d.count
        for (k, digit) in d.enumerated() {
            let place = n - 1 - k
            if digit == 0 {
                pendingZero = true
                continue
            }
            if pendingZero && !out.isEmpty { out += "零" }
            pendingZero = false
            // 十二 rather than 一十二 at the very start of a number.
            if place == 1 && digit == 1 && k == 0 && leading && style != .financial {
                out += units[1]
                continue
            }
            var name = String(names[digit])
            if style == .liang && digit == 2 && k == 0 && leading && (place >= 2 || (n == 1 && beforeLargeUnit)) { name = "两" }
            out += name + units[place]
        }
        return out
    }
}
