/// Where a piece of text stands in its document, in two units.
///
/// Scalar offsets count Unicode scalars, as Python's `str` and annotation tools
/// (doccano, Label Studio) do; UTF-8 offsets count bytes. Both ends are exclusive.
/// For `"2024年，安庆"`, the span of `安庆` is scalars 6..<8 and bytes 10..<16.
public struct TextSpan: Sendable, Hashable, Codable {
    /// First Unicode scalar of the span, from the start of the document.
    public var start: Int
    /// One past the last Unicode scalar of the span.
    public var end: Int
    /// First UTF-8 byte of the span, from the start of the document.
    public var utf8Start: Int
    /// One past the last UTF-8 byte of the span.
    public var utf8End: Int

    /// Creates a span from scalar and UTF-8 offsets (ends exclusive).
    public init(start: Int, end: Int, utf8Start: Int, utf8End: Int) {
        self.start = start
        self.end = end
        self.utf8Start = utf8Start
        self.utf8End = utf8End
    }

    /// The number of Unicode scalars in the span.
    public var scalarCount: Int { end - start }
}

extension String {
    /// The text at a span's UTF-8 offsets, e.g. `"2024年，安庆"[utf8: span of 安庆] == "安庆"`.
    public subscript(utf8 span: TextSpan) -> Substring {
        let u = utf8
        let lo = u.index(u.startIndex, offsetBy: span.utf8Start)
        let hi = u.index(lo, offsetBy: span.utf8End - span.utf8Start)
        return self[lo..<hi]
    }
}
