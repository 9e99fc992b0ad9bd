@_exported import struct ChineseNumerals.TextSpan

/// What a token is made of.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// Digits, ASCII or full-width, with number punctuation: `2024`, `１２．５`, `1,200`, `32%`.
    case number
    /// Letters of alphabetic scripts (and kana): `GDP`, `RCEP`.
    case letter
    /// Han characters: `安庆`, `组织`.
    case ideograph
    /// Punctuation and symbols, emoji included: `，`, `《`, `😀`.
    case punctuation
    /// Spaces and line breaks, the ideographic space U+3000 included.
    case whitespace
}

/// One word of a text, from ICU's dictionary word break for Chinese.
///
/// `Tokenizer().words(in: "2024年，安庆")` gives `2024` (number, scalars 0..<4),
/// `年` (ideograph, 4..<5), `，` (punctuation, 5..<6), `安庆` (ideograph, 6..<8).
public struct Token: Sendable, Hashable {
    /// The token's text, exactly as in the document.
    public var text: String
    /// Where it stands: Unicode-scalar and UTF-8 offsets, ends exclusive.
    public var span: TextSpan
    /// What it is made of.
    public var kind: TokenKind
}

/// One sentence of a text.
///
/// `Tokenizer().sentences(in: "一是。二是《甲。乙》。")` gives `一是。` and `二是《甲。乙》。`:
/// a sentence never ends inside 《…》 or “…”.
public struct Sentence: Sendable, Hashable {
    /// The sentence's text, trailing spaces and line break included, so that
    /// the sentences of a text concatenate back to it.
    public var text: String
    /// Where it stands: Unicode-scalar and UTF-8 offsets, ends exclusive.
    public var span: TextSpan
}

/// Splits Chinese text into sentences and words with ICU (locale `zh`).
///
/// The tokenizer keeps no state between calls: each call opens its own ICU
/// iterator, so one value may be used from many tasks at once.
/// `Tokenizer().words(in: "新成立党组织11个")` → `新|成立|党组织|11|个`.
///
/// - Complexity: ICU's dictionary word break runs at about 5–8 MiB/s; use it
///   on the clause you need, not on a whole corpus.
public struct Tokenizer: Sendable {
    /// The ICU locale, `zh` unless chosen otherwise.
    public let locale: String

    /// Creates a tokenizer for an ICU locale (default `zh`).
    public init(locale: String = "zh") {
        self.locale = locale
    }

    /// The version of the ICU library the tokenizer uses, e.g. `72.1`.
    public static var icuVersion: String { BreakIterator.icuVersion }

    // MARK: Words

    /// The words of a whole text, in order; their texts concatenate to `text`.
    ///
    /// `words(in: "提供授信4000余万元")` → `提供|授信|4000|余|万元`.
    public func words(in text: String) throws(TokenizerError) -> [Token] {
        try words(in: text[...], base: Base())
    }

    /// The words of the part of `text` that `span` covers (for example one
    /// sentence); offsets still count from the start of `text`.
    public func words(in text: String, span: TextSpan) throws(TokenizerError) -> [Token] {
        let piece = text[utf8: span]
        return try words(in: piece, base: Base(scalar: span.start, utf8: span.utf8Start))
    }

    struct Base {
        var scalar = 0
        var utf8 = 0
    }

    private func words(in text: Substring, base: Base) throws(TokenizerError) -> [Token] {
        if text.isEmpty { return [] }
        let utf16 = Array(text.utf16)
        guard utf16.count < Int(Int32.max) else { throw .textTooLong(utf16Count: utf16.count) }
        let iterator = try BreakIterator(.word, locale: locale)
        let bounds = try iterator.boundaries(utf16: utf16)
        var tokens: [Token] = []
        tokens.reserveCapacity(bounds.count)
        var walker = OffsetWalker(text: text, base: base)
        var previous = walker.position
        for (offset, status) in bounds.dropFirst() {
            let here = walker.advance(toUTF16: offset)
            let piece = walker.slice(from: previous, to: here)
            let kind = Self.kind(of: piece, status: status)
            tokens.append(Token(text: String(piece), span: walker.span(from: previous, to: here), kind: kind))
            previous = here
        }
        return Self.mergingNumberPunctuation(tokens)
    }

    static func kind(of text: Substring, status: Int32) -> TokenKind {
        switch status {
        case 100..<200: return .number
        case 200..<400: return .letter
        case 400..<500: return .ideograph
        default: break
        }
        guard let first = text.unicodeScalars.first else { return .punctuation }
        if CharacterClass.isDigit(first) { return .number }
        if first.properties.isWhitespace { return .whitespace }
        if first.properties.isIdeographic { return .ideograph }
        if first.properties.isAlphabetic { return .letter }
        return .punctuation
    }

    /// Joins a number with the percent, per-mille or number punctuation that
    /// ICU leaves outside it: `32` `%` → `32%`, `１２` `．` `５` → `１２．５`.
    static func mergingNumberPunctuation(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            var t = tokens[i]
            if t.kind == .number {
                while i + 1 < tokens.count {
                    let next = tokens[i + 1]
                    if CharacterClass.isPercentSign(next.text) {
                        t = joined(t, next)
                        i += 1
                    } else if CharacterClass.isNumberSeparator(next.text), i + 2 < tokens.count,
                        tokens[i + 2].kind == .number
                    {
                        t = joined(joined(t, next), tokens[i + 2])
                        i += 2
                    } else {
                        break
                    }
                }
            }
            out.append(t)
            i += 1
        }
        return out
    }

    private static func joined(_ a: Token, _ b: Token) -> Token {
        Token(
            text: a.text + b.text,
            span: TextSpan(start: a.span.start, end: b.span.end, utf8Start: a.span.utf8Start, utf8End: b.span.utf8End),
            kind: a.kind)
    }

    // MARK: Sentences

    /// The sentences of a text, in order; their texts concatenate to `text`.
    ///
    /// ICU's sentence break, refined: 。！？； (and their ASCII forms) and line
    /// breaks end a sentence, and no sentence ends inside 《…》 or “…” (an
    /// unclosed bracket is closed by the end of its line).
    /// `sentences(in: "会议指出：“要实干。”随后散会。")` → one sentence.
    public func sentences(in text: String) throws(TokenizerError) -> [Sentence] {
        if text.isEmpty { return [] }
        let utf16 = Array(text.utf16)
        guard utf16.count < Int(Int32.max) else { throw .textTooLong(utf16Count: utf16.count) }
        let iterator = try BreakIterator(.sentence, locale: locale)
        let icu = try iterator.boundaries(utf16: utf16)
        let cuts = Self.refinedSentenceBoundaries(utf16: utf16, icu: icu.map(\.offset))
        var sentences: [Sentence] = []
        sentences.reserveCapacity(cuts.count)
        var walker = OffsetWalker(text: text[...], base: Base())
        var previous = walker.position
        for cut in cuts where cut > 0 {
            let here = walker.advance(toUTF16: cut)
            sentences.append(
                Sentence(text: String(walker.slice(from: previous, to: here)), span: walker.span(from: previous, to: here)))
            previous = here
        }
        return sentences
    }

    /// Boundaries in UTF-16 offsets, ascending, ending with `utf16.count`.
    static func refinedSentenceBoundaries(utf16: [UInt16], icu: [Int]) -> [Int] {
        let n = utf16.count
        var isCut = [Bool](repeating: false, count: n + 1)
        for b in icu where b > 0 && b <= n { isCut[b] = true }
        var depth = 0  // inside 《…》 or “…” (“ and ” are distinct characters)
        var i = 0
        while i < n {
            let c = utf16[i]
            switch c {
            case 0x300A, 0x201C, 0x300C, 0x300E:  // 《 “ 「 『
                depth += 1
            case 0x300B, 0x201D, 0x300D, 0x300F:  // 》 ” 」 』
                if depth > 0 { depth -= 1 }
            case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x3B, 0x21, 0x3F:  // 。！？； ; ! ?
                if depth == 0 { isCut[i + 1] = true }
            case 0x0A, 0x2028, 0x2029, 0x85, 0x0B, 0x0C:
                isCut[i + 1] = true
                depth = 0
            case 0x0D:
                if i + 1 < n, utf16[i + 1] == 0x0A {
                    isCut[i + 1] = false
                    isCut[i + 2] = true
                    i += 2
                    depth = 0
                    continue
                }
                isCut[i + 1] = true
                depth = 0
            default:
                break
            }
            // A boundary inside brackets is dropped; so is one inside a CR LF pair.
            if depth > 0 && i + 1 < n { isCut[i + 1] = false }
            i += 1
        }
        // Never split a surrogate pair.
        var cuts: [Int] = []
        for b in 1...n where isCut[b] {
            if b < n, (0xDC00...0xDFFF).contains(utf16[b]) { continue }
            cuts.append(b)
        }
        if cuts.last != n { cuts.append(n) }
        return cuts
    }
}

/// Walks a text once, turning increasing UTF-16 offsets into scalar and UTF-8 offsets.
struct OffsetWalker {
    struct Position {
        var index: String.Index
        var utf16: Int
        var scalar: Int
        var utf8: Int
    }

    let text: Substring
    let base: Tokenizer.Base
    private(set) var position: Position

    init(text: Substring, base: Tokenizer.Base) {
        self.text = text
        self.base = base
        position = Position(index: text.startIndex, utf16: 0, scalar: 0, utf8: 0)
    }

    mutating func advance(toUTF16 target: Int) -> Position {
        let scalars = text.unicodeScalars
        var p = position
        while p.utf16 < target, p.index < scalars.endIndex {
            let s = scalars[p.index]
            p.utf16 += s.utf16.count
            p.utf8 += s.utf8.count
            p.scalar += 1
            p.index = scalars.index(after: p.index)
        }
        position = p
        return p
    }

    func slice(from a: Position, to b: Position) -> Substring {
        Substring(text.unicodeScalars[a.index..<b.index])
    }

    func span(from a: Position, to b: Position) -> TextSpan {
        TextSpan(
            start: base.scalar + a.scalar, end: base.scalar + b.scalar,
            utf8Start: base.utf8 + a.utf8, utf8End: base.utf8 + b.utf8)
    }
}
