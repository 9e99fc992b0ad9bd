import ChineseFacts
import Foundation
import Testing

@Suite("JSON Lines reader")
struct JSONLineTests {
    @Test func fieldsAndEscapes() throws {
        let r = try JSONLine.fields(in: #"{"id":"a\"1","text":"新成立\n党组织\u0031\u0031个 \ud83d\ude00","x":[1,2,{"y":null}]}"#, id: "id", text: "text")
        #expect(r.id == "a\"1")
        #expect(r.text == "新成立\n党组织11个 😀")
        let n = try JSONLine.fields(in: #" { "text" : "共3个" , "id" : -12.5e3 } "#, id: "id", text: "text")
        #expect(n.id == "-12.5e3" && n.text == "共3个")
        let none = try JSONLine.fields(in: "{}", id: "id", text: "text")
        #expect(none.id == nil && none.text == nil)
        // A lone surrogate becomes U+FFFD instead of failing.
        #expect(try JSONLine.fields(in: #"{"text":"\ud800x"}"#, id: "id", text: "text").text == "\u{FFFD}x")
    }

    @Test(arguments: [
        "", "[]", "{", "{\"text\"}", "{\"text\":}", "{\"text\":\"a\"", "{\"text\":\"a\"} x", "{\"text\":1}",
        "{\"text\":\"\\q\"}", "{\"a\":tru}", "{\"a\":-}", "{\"text\":\"a\nb\"}", "{\"text\":\"\\u12\"}",
    ])
    func invalid(_ line: String) {
        #expect(throws: JSONLineError.self) { try JSONLine.fields(in: line, id: "id", text: "text") }
    }

    /// Random strings of quotes, backslashes, control characters, ASCII and Chinese, written by
    /// JSONSerialization, read back equal; control characters left raw are an error.
    @Test func randomStringsRoundTrip() throws {
        let alphabet = Array("ab\"\\/\n\t\u{01}\u{1F} 党组织11个😀é")
        var state: UInt64 = 99
        for length in 0..<300 {
            let text = randomText(alphabet, length: length, state: &state)
            let data = try JSONSerialization.data(withJSONObject: ["text": text, "id": "d\(length)"])
            let line = String(decoding: data, as: UTF8.self)
            let r = try JSONLine.fields(in: line, id: "id", text: "text")
            #expect(r.text == text, "length \(length)")
            #expect(r.id == "d\(length)")
            if text.contains(where: { $0.asciiValue.map { $0 < 0x20 } ?? false }) {
                let raw = "{\"text\":\"" + text.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "\"", with: "") + "\"}"
                #expect(throws: JSONLineError.self) { try JSONLine.fields(in: raw, id: "id", text: "text") }
            }
        }
    }

    /// The writer escapes what RFC 8259 requires (quote, backslash, U+0000–U+001F) and nothing
    /// else, at every position of strings long enough for the 16-byte scan: Foundation reads
    /// each string back unchanged, and the control characters take their short or \u00XX forms.
    @Test func writerEscapesExactlyWhatJSONRequires() throws {
        let alphabet = Array("ab\"\\/\n\r\t\u{00}\u{08}\u{0B}\u{1A}\u{1F}\u{7F} 党组织11个😀é")
        var state: UInt64 = 7
        for length in 0..<120 {
            let text = randomText(alphabet, length: length, state: &state)
            var w = JSONWriter()
            w.writeString(text)
            let back = try JSONSerialization.jsonObject(with: Data(("[" + String(decoding: w.bytes, as: UTF8.self) + "]").utf8))
            #expect(back as? [String] == [text], "length \(length)")
        }
        var w = JSONWriter()
        w.writeString("党\u{00}\u{0B}\u{1A}\u{1F}\n\r\t\"\\/\u{7F}组织")
        #expect(String(decoding: w.bytes, as: UTF8.self) == #""党\u0000\u000b\u001a\u001f\n\r\t\"\\/\#u{7F}组织""#)
    }

    /// A document field escaped once (`DocField`) writes each fact as `{"doc":` + the escaped
    /// name + `,` + the rest of the fact's object, and Foundation reads the name back, for names
    /// with quotes, backslashes, control characters, Chinese and emoji; `doc: String` writes the same.
    @Test func docFieldWritesWhatTheDocNameWrites() throws {
        let facts = FactExtractor().facts(in: "2024年，安庆市新成立党组织11个、工会4个，占比约50%。")
        #expect(facts.count >= 4)
        for doc in ["seed.txt", "", "a\"b\\c", "行\n\t\u{01}\u{1F}", "报告😀/2024.jsonl", String(repeating: "长", count: 300)] {
            let field = JSONWriter.DocField(doc)
            var escaped = JSONWriter()
            escaped.writeString(doc)
            for f in facts {
                for explain in [false, true] {
                    var bare = JSONWriter(), withField = JSONWriter(), withName = JSONWriter()
                    bare.write(f, doc: nil, explain: explain)
                    withField.write(f, doc: field, explain: explain)
                    withName.write(f, doc: doc, explain: explain)
                    let expected = Array("{\"doc\":".utf8) + escaped.bytes + Array(",".utf8) + bare.bytes.dropFirst()
                    #expect(withField.bytes == expected, "\(doc.debugDescription)")
                    #expect(withName.bytes == expected, "\(doc.debugDescription)")
                    let object = try JSONSerialization.jsonObject(with: Data(withField.bytes)) as? [String: Any]
                    #expect(object?["doc"] as? String == doc)
                }
            }
        }
    }

    /// One writer over many writes (room made in steps and kept) holds what fresh writers give
    /// piece by piece: strings up to past the 16 KiB of zeroes one step copies, raw text, facts;
    /// `count`, `bytes`, a replaced `bytes`, `reserveCapacity` and `takeBytes` agree with it.
    @Test func oneWriterEqualsFreshWritersPieceByPiece() {
        let facts = FactExtractor().facts(in: "2024年，安庆市新成立党组织11个、工会4个，占比约50%。")
        var state: UInt64 = 17
        var w = JSONWriter()
        var expected: [UInt8] = []
        for step in 0..<600 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var fresh = JSONWriter()
            switch Int(state >> 33) % 4 {
            case 0:
                let n = Int(state >> 40) % (step % 50 == 0 ? 20000 : 200)
                let text = String(repeating: "党\"a\n", count: n / 4)
                w.writeString(text)
                fresh.writeString(text)
            case 1:
                w.writeRaw(",")
                fresh.writeRaw(",")
            case 2:
                let f = facts[Int(state >> 35) % facts.count]
                w.write(f, doc: "d\(step)")
                fresh.write(f, doc: "d\(step)")
            default:
                w.reserveCapacity(Int(state >> 45) % 5000)
            }
            expected += fresh.bytes
            #expect(w.count == expected.count)
        }
        #expect(w.bytes == expected)
        w.bytes = Array("[".utf8)
        w.writeRaw("1]")
        #expect(w.count == 3 && w.bytes == Array("[1]".utf8))
        #expect(w.takeBytes() == Array("[1]".utf8))
        #expect(w.count == 0 && w.bytes.isEmpty)
    }

    /// Facts made by the public initializer (which goes through the memberwise one) carry every
    /// field it takes and leave the others nil; every fact of a real document, with the fields only
    /// time facts set (part, since, fiscal, period, plenum), survives JSONEncoder and JSONDecoder.
    @Test func factsKeepEveryFieldThroughTheInitializerAndCodable() throws {
        let f = Fact(
            kind: .money, text: "约3万元", start: 1, end: 5, value: .number(ExactDecimal(30000)), unit: "CNY", qualifier: .about,
            upper: ExactDecimal(40000), subject: "资金", attribute: "余额", change: .increase, date: "2024", rule: "r",
            utf8Start: 3, utf8End: 14)
        #expect(f.kind == .money && f.text == "约3万元" && f.start == 1 && f.end == 5 && f.unit == "CNY" && f.qualifier == .about)
        #expect(f.upper == ExactDecimal(40000) && f.subject == "资金" && f.attribute == "余额" && f.change == .increase)
        #expect(f.date == "2024" && f.rule == "r" && f.utf8Start == 3 && f.utf8End == 14)
        #expect(f.part == nil && f.since == nil && f.fiscal == nil && f.period == nil && f.plenum == nil)
        let text = try String(contentsOfFile: "Fixtures/documents/central-gr2015.txt", encoding: .utf8)
        let facts = FactExtractor().facts(in: text + "\n2024年度计划。2020年以来累计新增5个。") + [f]
        for field in [\Fact.part, \Fact.period] { #expect(facts.contains { $0[keyPath: field] != nil }) }
        #expect(facts.contains { $0.plenum != nil } && facts.contains { $0.since == true } && facts.contains { $0.fiscal == true })
        let back = try JSONDecoder().decode([Fact].self, from: JSONEncoder().encode(facts))
        #expect(back == facts)
    }

    /// Integers (start, end, plenum) are written two digits a step: every digit count, both signs
    /// and the extremes read back as `String(v)` writes them.
    @Test func writerIntegersEqualTheirDescription() throws {
        var values = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1009, 9999, 10000, 10001, 99999, 100000, Int.max, Int.min, -1, -10, -100]
        var p = 1
        while p < Int.max / 10 {
            p *= 10
            values += [p - 1, p, p + 1, -p, -(p - 1)]
        }
        var state: UInt64 = 11
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int(truncatingIfNeeded: state) >> Int(state % 63))
        }
        for v in values {
            var f = Fact(kind: .count, text: "1个", start: v, end: v, value: .number(ExactDecimal(1)))
            f.plenum = v
            var w = JSONWriter()
            w.write(f, doc: nil)
            let line = String(decoding: w.bytes, as: UTF8.self)
            #expect(line.contains("\"start\":\(v),\"end\":\(v),") && line.contains("\"plenum\":\(v)}"), "\(v): \(line)")
        }
    }

    /// The byte form of the text equals the String form's UTF-8, invalid bytes replaced the
    /// same way, with and without escapes, in strings long enough for 16-byte scanning.
    @Test func utf8FieldsEqualTheStringFields() throws {
        let pieces: [[UInt8]] = [
            Array("党组织11个".utf8), Array("\\n".utf8), Array("\\\"".utf8), Array("\\u4e00".utf8), Array("\\ud83d\\ude00".utf8),
            [0xFF], [0xE4, 0xB8], [0xED, 0xA0, 0x80], Array("abc ".utf8), Array("😀".utf8),
        ]
        var state: UInt64 = 3
        for length in 0..<400 {
            var line = Array(#"{"id":"d","text":""#.utf8)
            for _ in 0..<(length % 40) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                line += pieces[Int(state >> 33) % pieces.count]
            }
            line += Array(#"","n":1}"#.utf8)
            let (id, text) = try line.withUnsafeBufferPointer { try JSONLine.fields(in: $0, id: "id", text: "text") }
            let bytes = try line.withUnsafeBufferPointer { try JSONLine.utf8Fields(in: $0, id: "id", text: "text") }
            #expect(bytes.id == id)
            #expect(bytes.text == text.map { Array($0.utf8) }, "line \(length)")
        }
        let missing = try Array("{}".utf8).withUnsafeBufferPointer { try JSONLine.utf8Fields(in: $0, id: "id", text: "text") }
        #expect(missing.id == nil && missing.text == nil)
    }

    /// Where a plain run of a string ends: the first `"`, `\` or control character, at every
    /// offset of strings longer than one 16-byte block, as a byte-by-byte scan finds it.
    @Test func plainRunEndFindsTheFirstSpecialByte() throws {
        let base = Array("新成立非公企业党组织11个、工会4个，覆盖率达到100%".utf8)
        for special: UInt8 in [0x22, 0x5C, 0x00, 0x0A, 0x1F] {
            for position in 0..<base.count {
                var text = base
                text[position] = special
                let line = Array(#"{"text":""#.utf8) + text + Array(#""}"#.utf8)
                let result = try? line.withUnsafeBufferPointer { try JSONLine.fields(in: $0, id: "id", text: "text") }
                if special < 0x20 {
                    #expect(result == nil, "control \(special) at \(position) must be an error")
                } else if special == 0x22 {
                    // The string ends at the quote; what follows is not JSON.
                    #expect(result == nil, "quote at \(position)")
                } else {
                    // A backslash escapes the byte after it: only `"`, `\`, `/`, `u` and b f n r t may follow.
                    // None of the bytes after it here (digits, %, parts of Chinese characters, the closing quote) is one.
                    #expect(result == nil, "backslash at \(position)")
                }
            }
        }
        let whole = Array(#"{"text":""#.utf8) + base + Array(#""}"#.utf8)
        let r = try whole.withUnsafeBufferPointer { try JSONLine.fields(in: $0, id: "id", text: "text") }
        #expect(r.text.map { Array($0.utf8) } == base)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: JSONLineError.self) { try JSONLine.fields(in: deep, id: "id", text: "text") }
    }
}

/// `length` characters drawn from `alphabet` by a linear congruential generator (repeatable).
func randomText(_ alphabet: [Character], length: Int, state: inout UInt64) -> String {
    var text = ""
    for _ in 0..<length {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(state >> 33) % alphabet.count])
    }
    return text
}
