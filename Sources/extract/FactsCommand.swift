import ArgumentParser
import ChineseFacts
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

extension OutputFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

/// An unsafe buffer that worker threads write into at distinct indices.
struct SharedSlots<T>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<T?>
}

struct Facts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Print the facts of each document (the default command).",
        discussion: """
            Inputs: files; folders, recursively (--glob, default *.txt *.md *.jsonl); '-' for standard input.
            With no path: standard input when it is not a terminal, else the bundled seed document.
            A text file is one document, read whole (so one huge document is held in memory);
            a .jsonl file (or --input jsonl) is read as a stream, one {"id","text"} document a line,
            so memory stays flat however long the file.

            Output (--format): jsonl (default when standard output is not a terminal), json, csv, tsv,
            table (default on a terminal), html (one self-contained page), sqlite (needs -o).
            Exit status: 0 all well, 1 some input failed, 2 usage error.
            """)

    @Option(name: .long, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat?

    @Option(name: .long, help: "How to read inputs: text or jsonl (default: by extension; stdin is text).")
    var input: InputFormat?

    @Option(name: .long, help: "JSON Lines field that holds a document's id.")
    var idField = "id"

    @Option(name: .long, help: "JSON Lines field that holds a document's text.")
    var textField = "text"

    @Option(name: .long, help: "File-name patterns to take from folders (repeatable).")
    var glob: [String] = []

    @Option(name: .long, help: "Kinds to report, comma-separated: count,money,percent,… (default all).")
    var kinds: String?

    @Flag(help: "Add the rule that produced each fact.")
    var explain = false

    @Option(name: .shortAndLong, help: "Write to FILE (through a temporary file renamed at the end).")
    var output: String?

    @Option(name: .customShort("j"), help: "Documents processed in parallel (default: all cores).")
    var jobs: Int?

    @Flag(help: "Show progress on standard error (default when it is a terminal).")
    var progress = false

    @Flag(help: "Only errors on standard error: no warnings, progress or summary.")
    var quiet = false

    @Flag(help: "Treat invalid UTF-8 as an error instead of replacing it.")
    var strict = false

    @Argument(help: "Files, folders or '-'.")
    var paths: [String] = []

    /// The kinds named by --kinds, and the names that are no kind.
    var parsedKinds: (kinds: Set<FactKind>, unknown: [String])? {
        guard let kinds else { return nil }
        var set = Set<FactKind>()
        var unknown: [String] = []
        for name in kinds.split(separator: ",").map({ String($0).trimmedOfSpaces }) {
            if let k = FactKind(rawValue: name) { set.insert(k) } else { unknown.append(name) }
        }
        return (set, unknown)
    }

    func validate() throws {
        if let bad = parsedKinds?.unknown.first {
            throw ValidationError("unknown kind '\(bad)'; kinds are \(FactKind.allCases.map(\.rawValue).joined(separator: ","))")
        }
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1") }
        if resolvedFormat == .sqlite && output == nil { throw ValidationError("--format sqlite needs -o FILE") }
    }

    var resolvedFormat: OutputFormat {
        if let format { return format }
        if let output {
            let ext = PathName.ext(output).lowercased()
            switch ext {
            case "json": return .json
            case "csv": return .csv
            case "tsv": return .tsv
            case "html", "htm": return .html
            case "sqlite", "sqlite3", "db": return .sqlite
            case "txt": return .table
            default: return .jsonl
            }
        }
        return isatty(STDOUT_FILENO) != 0 ? .table : .jsonl
    }

    func run() throws {
        let reporter = Reporter(quiet: quiet)
        let started = DispatchTime.now().uptimeNanoseconds
        var inputPaths = paths
        if inputPaths.isEmpty {
            if isatty(STDIN_FILENO) == 0 {
                inputPaths = ["-"]
            } else if let seed = bundledSeedPath() {
                inputPaths = [seed]
            } else {
                throw ValidationError("no input given and the bundled seed document was not found")
            }
        }
        let globs = glob.isEmpty ? ["*.txt", "*.md", "*.jsonl"] : glob
        let items = expandInputs(inputPaths, globs: globs, forced: input, reporter: reporter)
        let totalBytes = items.contains { $0.size == nil } ? nil : items.reduce(0) { $0 + ($1.size ?? 0) }
        let format = resolvedFormat
        let renderer = Renderer(format: format, explain: explain)
        let extractor = FactExtractor(kinds: parsedKinds?.kinds)
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let showProgress = !quiet && (progress || isatty(STDERR_FILENO) != 0)

        // Where the output goes: standard output, or a temporary file beside -o.
        var sink: OutputSink
        var sqlite: SQLiteOutput? = nil
        var temporary: String? = nil
        if let output {
            let dir = PathName.folder(output)
            let tmp = (dir.isEmpty ? "." : dir) + "/.\(PathName.last(output)).\(getpid()).tmp"
            temporary = tmp
            unlink(tmp)
            if format == .sqlite {
                do { sqlite = try SQLiteOutput(path: tmp) } catch {
                    printError("extract: error: \(output): \(error)")
                    throw ExitCode(1)
                }
                sink = OutputSink(fd: -1)
            } else {
                let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard fd >= 0 else {
                    printError("extract: error: \(output): \(String(cString: strerror(errno)))")
                    throw ExitCode(1)
                }
                sink = OutputSink(fd: fd)
            }
        } else {
            sink = OutputSink(fd: STDOUT_FILENO)
        }
        func abandon() {
            if let temporary { unlink(temporary) }
        }

        var stream = DocumentStream(items: items, idField: idField, textField: textField, strict: strict, reporter: reporter)
        var documents = 0
        var factCount = 0
        var first = true
        sink.write(renderer.header)
        // 2 MB a worker, two workers' worth at most: at -j 16, batches of 32 MB kept the workers
        // waiting for the first and the last (100 MB on 16 cores: 0.241 s against 0.214 s, the
        // medians of 5 rounds) and held 191 MB at the peak (now 50 MB).
        let batchBytes = (2 << 20) * min(max(1, workers), 2)
        let batchDocs = 1024 * min(max(1, workers), 2)
        func emit(_ batch: [InputDocument], _ results: [DocumentResult]) throws {
            for (k, r) in results.enumerated() {
                if let sqlite {
                    do { try sqlite.add(batch[k].document, r.facts, explain: explain) } catch {
                        printError("extract: error: \(output ?? ""): \(error)")
                        abandon()
                        throw ExitCode(1)
                    }
                } else {
                    // JSON needs to know whether a comma leads, which depends on earlier documents: rendered here, in order.
                    let bytes = format == .json ? renderer.render(batch[k], r.facts, first: first) : r.bytes
                    if !sink.write(bytes) {
                        printError("extract: error: \(output ?? "standard output"): \(String(cString: strerror(errno)))")
                        abandon()
                        throw ExitCode(1)
                    }
                }
                if r.count > 0 { first = false }
                factCount += r.count
            }
            documents += batch.count
            if showProgress {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                let mb = Double(stream.bytesDone) / 1e6
                var line = "\rextract: \(documents) documents, \(fixed(mb, 1)) MB, \(fixed(mb / max(seconds, 1e-3), 1)) MB/s"
                if let totalBytes, totalBytes > 0, stream.bytesDone > 0 {
                    let left = seconds * Double(totalBytes - stream.bytesDone) / Double(stream.bytesDone)
                    line += ", \(fixed(max(0, left), 0)) s left"
                }
                writeStandardError(line + "   ")
            }
        }
        // Reading the next batch overlaps with extracting the current one, and writing a finished
        // batch with extracting the next: the workers never wait for the output.
        var running: (job: BatchJob, batch: [InputDocument])? = nil
        while true {
            // A batch: bounded in documents and bytes, so memory stays flat (three batches at
            // most: one being written, one extracted, one read).
            var batch: [InputDocument] = []
            var bytes = 0
            while batch.count < batchDocs, bytes < batchBytes, let doc = stream.next() {
                bytes += doc.utf8.count
                batch.append(doc)
            }
            var finished: (job: BatchJob, batch: [InputDocument])? = nil
            if let r = running {
                r.job.done.wait()
                finished = r
                running = nil
            }
            if !batch.isEmpty {
                let job = BatchJob()
                let todo = batch
                DispatchQueue.global().async {
                    job.results = Facts.process(todo, extractor: extractor, renderer: renderer, workers: workers)
                    job.done.signal()
                }
                running = (job, batch)
            }
            if let f = finished { try emit(f.batch, f.job.results) }
            if batch.isEmpty { break }
        }
        if showProgress { writeStandardError("\n") }
        sink.write(renderer.footer)
        let flushed = sink.flush()
        if let sqlite {
            do { try sqlite.finish() } catch {
                printError("extract: error: \(output ?? ""): \(error)")
                abandon()
                throw ExitCode(1)
            }
        }
        if sink.fd > 2 { close(sink.fd) }
        sqlite = nil
        if !flushed {
            printError("extract: error: \(output ?? "standard output"): \(String(cString: strerror(errno)))")
            abandon()
            throw ExitCode(1)
        }
        if let output, let temporary {
            if documents == 0 && reporter.errors > 0 {
                // Nothing could be read: leave no file behind.
                abandon()
            } else if rename(temporary, output) != 0 {
                printError("extract: error: \(output): \(String(cString: strerror(errno)))")
                abandon()
                throw ExitCode(1)
            }
        }
        if !quiet {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let mb = Double(stream.bytesDone) / 1e6
            printError(
                "extract: \(documents) document\(documents == 1 ? "" : "s"), \(factCount) facts, \(reporter.warnings) warnings, "
                    + "\(reporter.errors) errors, \(fixed(mb, 2)) MB in \(fixed(seconds, 2)) s "
                    + "(\(fixed(mb / max(seconds, 1e-6), 1)) MB/s)")
        }
        if reporter.errors > 0 { throw ExitCode(1) }
    }

    /// Extracts and renders a batch on `workers` threads; results keep the batch's order.
    static func process(
        _ batch: [InputDocument], extractor: FactExtractor, renderer: Renderer, workers: Int
    ) -> [DocumentResult] {
        var results = [DocumentResult?](repeating: nil, count: batch.count)
        // Facts rendered in the worker are dropped there too, so that the reading thread does not free them.
        let renderInWorker = renderer.format != .json && renderer.format != .sqlite
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = SharedSlots(base: buffer)
            let n = min(workers, batch.count)
            let one: @Sendable (Int) -> Void = { (k: Int) in
                // The reader checked the bytes (JSONLine.utf8Fields, decodeUTF8): no second check.
                var fs = batch[k].utf8.withUnsafeBufferPointer { extractor.facts(wellFormedUTF8: $0) }
                let count = fs.count
                if renderInWorker {
                    let bytes = renderer.render(batch[k], movingFrom: &fs, first: false)
                    slots.base[k] = DocumentResult(facts: [], count: count, bytes: bytes)
                } else {
                    slots.base[k] = DocumentResult(facts: fs, count: count, bytes: [])
                }
            }
            if n <= 1 {
                for k in batch.indices { one(k) }
            } else {
                // Each worker takes the next document not yet taken, so that long documents
                // do not leave one worker idle while another finishes its share.
                let next = Atomic<Int>(0)
                DispatchQueue.concurrentPerform(iterations: n) { _ in
                    while true {
                        let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        if k >= batch.count { break }
                        one(k)
                    }
                }
            }
        }
        return results.map { $0 ?? DocumentResult(facts: [], count: 0, bytes: []) }
    }
}

/// What a worker made of one document: its facts where the reading thread still needs them
/// (JSON, SQLite), their number, and the rendered bytes of the other formats.
struct DocumentResult {
    var facts: [Fact]
    var count: Int
    var bytes: [UInt8]
}

/// One batch being extracted in the background.
final class BatchJob: @unchecked Sendable {
    var results: [DocumentResult] = []
    let done = DispatchSemaphore(value: 0)
}

/// Buffered writes to a file descriptor; reports failure instead of trapping.
struct OutputSink {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var failed = false

    init(fd: Int32) { self.fd = fd }

    @discardableResult
    mutating func write(_ bytes: [UInt8]) -> Bool {
        guard fd >= 0 else { return true }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { return flush() }
        return !failed
    }

    mutating func flush() -> Bool {
        guard fd >= 0, !buffer.isEmpty, !failed else { return !failed }
        buffer.withUnsafeBufferPointer { p in
            var offset = 0
            while offset < p.count {
                let n = Glibc.write(fd, p.baseAddress! + offset, p.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failed = true
                    break
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
        return !failed
    }
}
