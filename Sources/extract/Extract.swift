import ArgumentParser
import ChineseFacts
import ChineseNumerals
import ChineseTokenization
import Dispatch
import FoundationEssentials
import Glibc

@main
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract structured facts from Chinese government-report prose.",
        discussion: """
            Examples:
              extract                                  facts of the bundled seed document
              extract report.txt --format jsonl        facts of one file as JSON Lines
              extract reports/ -o facts.csv            every .txt/.md/.jsonl under a folder, as CSV
              extract reports/ --format sqlite -o facts.db
              extract seed.txt --format html -o seed.html
              cat docs.jsonl | extract --input jsonl --id-field url --text-field body
              cat report.txt | extract -               facts of standard input
              extract tokenize report.txt              ICU words, one JSON object a line
              extract tokenize --sentences report.txt  sentences instead of words
              extract normalize 4000余万 百分之三至五     values of numeral expressions
            """,
        subcommands: [Facts.self, Tokenize.self, Normalize.self],
        defaultSubcommand: Facts.self
    )

    /// Runs the command; a usage error exits with status 2 (not ArgumentParser's 64).
    static func main() {
        // The extractors' tables are built on the other core while the arguments are parsed.
        DispatchQueue.global().async { FactExtractor.prepare() }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Reads each path (or stdin for "-") whole, as one document each, the way `facts` reads text
/// inputs: invalid UTF-8 replaced with one warning, UTF-16 decoded, an unreadable path an error.
func loadDocuments(_ paths: [String], reporter: Reporter) -> [Document] {
    let items = paths.map { InputItem(path: $0, format: .text, size: nil) }
    var stream = DocumentStream(items: items, idField: "id", textField: "text", strict: false, reporter: reporter)
    var docs: [Document] = []
    while let doc = stream.next() { docs.append(doc.document) }
    return docs
}

struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print ICU words (or sentences) as JSON Lines: {\"doc\",\"sentence\",\"text\",\"start\",\"end\",\"kind\"}.")

    @Flag(help: "Print sentences instead of words.")
    var sentences = false

    @Argument(help: "Files to read; standard input when none is given.")
    var paths: [String] = []

    func run() throws {
        let reporter = Reporter(quiet: false)
        let docs = loadDocuments(paths.isEmpty ? ["-"] : paths, reporter: reporter)
        let tokenizer = Tokenizer()
        var out = OutputSink(fd: STDOUT_FILENO)
        for doc in docs {
            let sents = try tokenizer.sentences(in: doc.text)
            for (n, s) in sents.enumerated() {
                var w = JSONWriter()
                if sentences {
                    w.writeRaw("{\"doc\":")
                    w.writeString(doc.id)
                    w.writeRaw(",\"sentence\":\(n),\"text\":")
                    w.writeString(s.text)
                    w.writeRaw(",\"start\":\(s.span.start),\"end\":\(s.span.end)}\n")
                } else {
                    for t in try tokenizer.words(in: doc.text, span: s.span) {
                        w.writeRaw("{\"doc\":")
                        w.writeString(doc.id)
                        w.writeRaw(",\"sentence\":\(n),\"text\":")
                        w.writeString(t.text)
                        w.writeRaw(",\"start\":\(t.span.start),\"end\":\(t.span.end),\"kind\":\"\(t.kind.rawValue)\"}\n")
                    }
                }
                out.write(w.bytes)
            }
        }
        _ = out.flush()
        if reporter.errors > 0 { throw ExitCode(1) }
    }
}

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the value of each numeral expression: {\"input\",\"value\",\"qualifier\",\"upper\",\"kind\"}.",
        discussion: "Reads the expressions given, or standard input one per line. \"value\" is null when the whole input is not a numeral expression.")

    @Argument(help: "Expressions such as 4000余万 or 百分之三至五.")
    var expressions: [String] = []

    func run() throws {
        var out = OutputSink(fd: STDOUT_FILENO)
        var inputs = expressions
        if inputs.isEmpty {
            let text = DecodedText(bytes: readAll(fd: STDIN_FILENO) ?? []).text
            inputs = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.hasSuffix("\r") ? $0.dropLast() : $0)
            }
            if inputs.last == "" { inputs.removeLast() }
        }
        for input in inputs {
            var w = JSONWriter()
            w.writeRaw("{\"input\":")
            w.writeString(input)
            if let q = ChineseNumeral.parse(input) {
                w.writeRaw(",\"value\":\(q.value),\"qualifier\":\"\(q.qualifier.rawValue)\",\"upper\":")
                w.writeRaw(q.upper.map { $0.description } ?? "null")
                w.writeRaw(",\"kind\":\"\(q.kind.rawValue)\"")
                if let u = q.percentUnit { w.writeRaw(",\"unit\":\"\(u)\"") }
                if let f = q.fraction { w.writeRaw(",\"numerator\":\(f.numerator),\"denominator\":\(f.denominator)") }
                if q.fromEnd { w.writeRaw(",\"fromEnd\":true") }
                w.writeRaw("}\n")
            } else {
                w.writeRaw(",\"value\":null,\"qualifier\":null,\"upper\":null,\"kind\":null}\n")
            }
            out.write(w.bytes)
        }
        _ = out.flush()
    }
}
