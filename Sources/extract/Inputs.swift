import ChineseFacts
import ChineseTokenization
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// How an input's bytes become documents.
enum InputFormat: String, CaseIterable {
    /// The whole input is one document.
    case text
    /// One JSON object a line, `{"id": …, "text": …}`.
    case jsonl
}

/// One input named on the command line, or found in a folder.
struct InputItem {
    /// The path as given (or as found under a folder); "-" for standard input.
    var path: String
    var format: InputFormat
    /// Its size in bytes when known (for progress).
    var size: Int?
}

/// A document as read: its id, and its text as well-formed UTF-8 bytes. The text's String is
/// made only where an output needs it (tables, HTML, SQLite), so that the reading thread does
/// not validate the text a second time: workers read the bytes (`FactExtractor.facts(wellFormedUTF8:)`).
struct InputDocument: Sendable {
    var id: String
    /// Well-formed UTF-8: invalid input was replaced with U+FFFD when it was read.
    var utf8: [UInt8]

    /// The text as a String.
    var text: String { String(decoding: utf8, as: UTF8.self) }
    /// The document as the library's type.
    var document: Document { Document(id: id, text: text) }
}

/// Counts warnings and errors and prints each as one line on standard error.
final class Reporter: Sendable {
    private let counts = Mutex((warnings: 0, errors: 0))
    let quiet: Bool

    init(quiet: Bool) { self.quiet = quiet }

    /// Warnings reported so far.
    var warnings: Int { counts.withLock { $0.warnings } }
    /// Errors reported so far.
    var errors: Int { counts.withLock { $0.errors } }

    func warning(_ message: String) {
        counts.withLock { $0.warnings += 1 }
        if !quiet { printError("extract: warning: " + message) }
    }

    func error(_ message: String) {
        counts.withLock { $0.errors += 1 }
        printError("extract: error: " + message)
    }
}

func printError(_ line: String) {
    writeStandardError(line + "\n")
}

/// Expands paths into inputs: files as given, folders walked recursively (entries sorted,
/// each real folder visited once so that symlink loops end), "-" for standard input.
func expandInputs(_ paths: [String], globs: [String], forced: InputFormat?, reporter: Reporter) -> [InputItem] {
    var out: [InputItem] = []
    let fm = FileManager.default
    for path in paths {
        if path == "-" {
            out.append(InputItem(path: "-", format: forced ?? .text, size: nil))
            continue
        }
        var st = stat()
        guard stat(path, &st) == 0 else {
            reporter.error("\(path): \(String(cString: strerror(errno)))")
            continue
        }
        if st.st_mode & S_IFMT == S_IFDIR {
            var visited = Set<[UInt64]>()
            var found: [InputItem] = []
            walk(path, fm: fm, globs: globs, forced: forced, visited: &visited, into: &found, reporter: reporter)
            if found.isEmpty {
                reporter.error("\(path): no file matching \(globs.joined(separator: " ")) in this folder")
            }
            out += found
        } else {
            out.append(InputItem(path: path, format: forced ?? format(of: path), size: Int(st.st_size)))
        }
    }
    return out
}

func format(of path: String) -> InputFormat {
    path.lowercased().hasSuffix(".jsonl") || path.lowercased().hasSuffix(".ndjson") ? .jsonl : .text
}

private func walk(
    _ dir: String, fm: FileManager, globs: [String], forced: InputFormat?, visited: inout Set<[UInt64]>,
    into out: inout [InputItem], reporter: Reporter
) {
    var st = stat()
    guard stat(dir, &st) == 0 else { return }
    guard visited.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else { return }
    let entries: [String]
    do {
        entries = try fm.contentsOfDirectory(atPath: dir).sorted()
    } catch {
        reporter.error("\(dir): cannot list the folder")
        return
    }
    for name in entries where !name.hasPrefix(".") {
        let child = dir.hasSuffix("/") ? dir + name : dir + "/" + name
        var cst = stat()
        guard stat(child, &cst) == 0 else { continue }  // a dangling link
        if cst.st_mode & S_IFMT == S_IFDIR {
            walk(child, fm: fm, globs: globs, forced: forced, visited: &visited, into: &out, reporter: reporter)
        } else if cst.st_mode & S_IFMT == S_IFREG, globs.contains(where: { fnmatch($0, name, 0) == 0 }) {
            out.append(InputItem(path: child, format: forced ?? format(of: child), size: Int(cst.st_size)))
        }
    }
}

/// Bytes as well-formed UTF-8 text: the bytes themselves when they are UTF-8 already; UTF-16
/// after a byte-order mark, or without one when the bytes are clean UTF-16 and not UTF-8;
/// otherwise UTF-8 with invalid bytes replaced (and counted in a warning, or an error with `strict`).
func decodeUTF8(_ bytes: [UInt8], name: String, strict: Bool, reporter: Reporter) -> [UInt8]? {
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
        let little = bytes[0] == 0xFF
        reporter.warning("\(name): UTF-16\(little ? "LE" : "BE") with a byte-order mark, decoded as such")
        return Array(utf16Text(bytes, from: 2, little: little).utf8)
    }
    if bytes.withUnsafeBufferPointer({ DecodedText.isValidUTF8($0) }) { return bytes }
    let decoded = DecodedText(bytes: bytes)
    if decoded.replacedBytes > 0, bytes.count >= 4, bytes.count % 2 == 0,
        let (text, little) = plausibleUTF16(bytes)
    {
        // Mostly invalid as UTF-8 but clean as UTF-16: a file saved without a byte-order mark.
        reporter.warning("\(name): not UTF-8; decoded as UTF-16\(little ? "LE" : "BE") without a byte-order mark")
        return Array(text.utf8)
    }
    if decoded.replacedBytes > 0 {
        if strict {
            reporter.error("\(name): \(decoded.replacedBytes) bytes of invalid UTF-8 (--strict)")
            return nil
        }
        reporter.warning("\(name): \(decoded.replacedBytes) bytes of invalid UTF-8 replaced with U+FFFD")
    }
    return Array(decoded.text.utf8)
}

/// The bytes from `start` decoded as UTF-16, little- or big-endian (unpaired surrogates become U+FFFD).
func utf16Text(_ bytes: [UInt8], from start: Int, little: Bool) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var k = start
    while k + 1 < bytes.count {
        units.append(little ? UInt16(bytes[k]) | UInt16(bytes[k + 1]) << 8 : UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1]))
        k += 2
    }
    return String(decoding: units, as: UTF16.self)
}

/// The bytes as UTF-16 (little- or big-endian) when nearly every scalar is a CJK character,
/// printable ASCII or common punctuation; nil otherwise.
func plausibleUTF16(_ bytes: [UInt8]) -> (String, Bool)? {
    for little in [true, false] {
        let text = utf16Text(bytes, from: 0, little: little)
        var good = 0
        var total = 0
        for s in text.unicodeScalars {
            total += 1
            let v = s.value
            if (v >= 0x20 && v < 0x7F) || v == 0x0A || v == 0x0D || v == 0x09 || (v >= 0x3000 && v <= 0x9FFF)
                || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x2010 && v <= 0x206F)
            {
                good += 1
            }
        }
        if total > 0, good * 100 >= total * 95 { return (text, little) }
    }
    return nil
}

/// Reads a file descriptor line by line in 1 MiB chunks; a line longer than the
/// buffer grows it (one huge line is held whole).
struct LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private(set) var bytesRead = 0

    init(fd: Int32) { self.fd = fd }

    /// Calls `body` with the next line, without its line feed (and a trailing CR), read in
    /// place in the buffer; nil at the end.
    mutating func withNextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        while true {
            let found = buffer.withUnsafeBufferPointer { p -> Int? in
                guard start < p.count, let q = memchr(p.baseAddress! + start, 0x0A, p.count - start) else { return nil }
                return p.baseAddress!.distance(to: q.assumingMemoryBound(to: UInt8.self))
            }
            if found != nil || eof {
                guard let end = found ?? (start < buffer.count ? buffer.count : nil) else { return nil }
                let from = start
                start = found == nil ? end : end + 1
                return buffer.withUnsafeBufferPointer { p in
                    var line = UnsafeBufferPointer(rebasing: p[from..<end])
                    if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
                    return body(line)
                }
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let chunk = 1 << 20
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            let n = buffer.withUnsafeMutableBufferPointer { p in read(fd, p.baseAddress! + old, chunk) }
            if n <= 0 {
                buffer.removeLast(chunk)
                eof = true
            } else {
                buffer.removeLast(chunk - n)
                bytesRead += n
            }
        }
    }
}

/// Reads a whole file descriptor.
func readAll(fd: Int32) -> [UInt8]? {
    var st = stat()
    if fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0 {
        // A regular file: one buffer of its size, then whatever was appended since.
        let size = Int(st.st_size)
        var out = [UInt8](repeating: 0, count: size)
        var got = 0
        while got < size {
            let n = out.withUnsafeMutableBufferPointer { p in read(fd, p.baseAddress! + got, size - got) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            got += n
        }
        out.removeLast(size - got)
        if got < size { return out }
        guard let rest = readAll(pipe: fd) else { return nil }
        return out + rest
    }
    return readAll(pipe: fd)
}

private func readAll(pipe fd: Int32) -> [UInt8]? {
    var out: [UInt8] = []
    let chunk = 1 << 20
    while true {
        let old = out.count
        out.append(contentsOf: repeatElement(0, count: chunk))
        let n = out.withUnsafeMutableBufferPointer { p in read(fd, p.baseAddress! + old, chunk) }
        if n < 0 { return nil }
        out.removeLast(chunk - max(n, 0))
        if n == 0 { return out }
    }
}

/// Yields the documents of the inputs in order, reading JSON Lines as a stream.
struct DocumentStream {
    var items: [InputItem]
    let idField: String
    let textField: String
    let strict: Bool
    let reporter: Reporter

    private var index = 0
    private var lines: LineReader? = nil
    private var lineNumber = 0
    private var currentPath = ""
    private(set) var bytesDone = 0
    private var finishedBytes = 0

    init(items: [InputItem], idField: String, textField: String, strict: Bool, reporter: Reporter) {
        self.items = items
        self.idField = idField
        self.textField = textField
        self.strict = strict
        self.reporter = reporter
    }

    private func open(_ path: String) -> Int32? {
        if path == "-" { return 0 }
        let fd = Glibc.open(path, O_RDONLY)
        if fd < 0 {
            reporter.error("\(path): \(String(cString: strerror(errno)))")
            return nil
        }
        return fd
    }

    /// The next document, or nil when every input is read.
    mutating func next() -> InputDocument? {
        while true {
            if lines != nil {
                while true {
                    let isFirst = lineNumber == 0
                    guard let read = lines!.withNextLine({ raw -> Result<(id: String?, text: [UInt8]?), JSONLineError>? in
                        var line = raw
                        if isFirst, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeBufferPointer(rebasing: line.dropFirst(3)) }
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
                        do throws(JSONLineError) {
                            return .success(try JSONLine.utf8Fields(in: line, id: idField, text: textField))
                        } catch {
                            return .failure(error)
                        }
                    }) else { break }
                    lineNumber += 1
                    bytesDone = finishedBytes + lines!.bytesRead
                    guard let read else { continue }
                    let parsed: (id: String?, text: [UInt8]?)
                    switch read {
                    case .success(let fields): parsed = fields
                    case .failure(let error):
                        reporter.warning("\(currentPath):\(lineNumber): invalid JSON (\(error)); line skipped")
                        continue
                    }
                    guard let text = parsed.text else {
                        reporter.warning("\(currentPath):\(lineNumber): no string field \"\(textField)\"; line skipped")
                        continue
                    }
                    let id = parsed.id ?? "\(currentPath):\(lineNumber)"
                    return InputDocument(id: id, utf8: text)
                }
                if lines!.fd != 0 { close(lines!.fd) }
                finishedBytes += lines!.bytesRead
                bytesDone = finishedBytes
                lines = nil
                continue
            }
            guard index < items.count else { return nil }
            let item = items[index]
            index += 1
            guard let fd = open(item.path) else { continue }
            currentPath = item.path == "-" ? "stdin" : item.path
            switch item.format {
            case .jsonl:
                lines = LineReader(fd: fd)
                lineNumber = 0
            case .text:
                let bytes = readAll(fd: fd)
                if fd != 0 { close(fd) }
                guard let bytes else {
                    reporter.error("\(item.path): \(String(cString: strerror(errno)))")
                    continue
                }
                finishedBytes += bytes.count
                bytesDone = finishedBytes
                guard let text = decodeUTF8(bytes, name: item.path, strict: strict, reporter: reporter) else { continue }
                return InputDocument(id: item.path == "-" ? "stdin" : item.path, utf8: text)
            }
        }
    }
}
