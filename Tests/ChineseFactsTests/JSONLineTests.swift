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
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
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

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: JSONLineError.self) { try JSONLine.fields(in: deep, id: "id", text: "text") }
    }
}
