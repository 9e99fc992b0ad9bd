/// Finds the facts of a document.
///
/// `FactExtractor().facts(in: "新成立非公企业党组织11个、工会4个")` gives two count
/// facts: 11 个 (subject 非公企业党组织) and 4 个 (subject 工会), sorted by start.
public struct FactExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// The facts of `text`, sorted by start offset.
    public func facts(in text: String) -> [Fact] {
        var copy = text
        return copy.withUTF8 { QuantityExtractor(bytes: $0).facts() }
    }
}
