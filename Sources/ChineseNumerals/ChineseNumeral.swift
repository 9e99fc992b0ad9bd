/// Parses and formats Chinese numeral expressions, exactly.
///
/// ```swift
/// ChineseNumeral.parse("一百九十万零三千九百七十一")?.value  // 1903971
/// ChineseNumeral.parse("4000余万")                          // 40000000, .over
/// ChineseNumeral.parse("百分之三至五")                       // percent 3, .range, upper 5
/// ChineseNumeral.format(ExactDecimal(1234))                 // "一千二百三十四"
/// ```
public enum ChineseNumeral {
    /// The value of a whole numeral expression, or nil when `text` is not one.
    ///
    /// The whole text must be the expression: hedges before (约 超过 近 …) and
    /// after (余 多 左右 以上 …) are read into the qualifier; 第 makes an
    /// ordinal; % ‰ 百分之 千分之 a percent; 分之 a fraction.
    /// `parse("约3.5万")` → 35000, `.about`; `parse("一些")` → nil.
    public static func parse(_ text: String) -> Quantity? {
        var text = text
        return text.withUTF8 { buffer in
            parse(bytes: buffer)
        }
    }

    /// The value of a whole numeral expression in UTF-8 bytes, or nil.
    public static func parse(bytes buffer: UnsafeBufferPointer<UInt8>) -> Quantity? {
        let parser = NumeralParser(UTF8Reader(buffer))
        var start = 0
        var prefix: Qualifier? = nil
        for (w, q) in NumeralParser.prefixHedges where parser.reader.matches(w.bytes, at: 0) {
            if parser.expression(at: w.bytes.count) != nil {
                prefix = q
                start = w.bytes.count
                break
            }
        }
        guard var e = parser.expression(at: start) else { return nil }
        var end = e.end
        if let (q, n, _) = parser.suffixHedge(at: end) {
            if e.quantity.qualifier == .exact { e.quantity.qualifier = q }
            end += n
        }
        guard end == buffer.count else { return nil }
        if let prefix, e.quantity.qualifier == .exact || e.quantity.qualifier == .over {
            e.quantity.qualifier = prefix
        }
        return e.quantity
    }
}
