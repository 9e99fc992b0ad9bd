import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The built `extract` executable: `EXTRACT_BIN` when set (the Makefile points it at the
/// release build), else the one next to the test bundle.
var extractURL: URL {
    if let bin = ProcessInfo.processInfo.environment["EXTRACT_BIN"], !bin.isEmpty {
        return URL(fileURLWithPath: bin, relativeTo: packageRoot)
    }
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundle, bundle.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")]
    for c in candidates where FileManager.default.isExecutableFile(atPath: c.appendingPathComponent("extract").path) {
        return c.appendingPathComponent("extract")
    }
    return packageRoot.appendingPathComponent(".build/debug/extract")
}

struct Run {
    var status: Int32
    var timedOut = false
    var stdout: Data
    var stderr: String
    var lines: [String] { String(decoding: stdout, as: UTF8.self).split(separator: "\n").map(String.init) }
}

/// Runs `extract` as a process with arguments and optional standard input.
func run(_ args: [String], stdin: Data? = nil, timeout: Double = 300) throws -> Run {
    let p = Process()
    p.executableURL = extractURL
    p.arguments = args
    p.currentDirectoryURL = packageRoot
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    let writer = Thread {
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try? inp.fileHandleForWriting.close()
    }
    writer.start()
    let killer = DispatchWorkItem { if p.isRunning { p.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
    let errBox = DataBox()
    let errReader = Thread { errBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
    errReader.start()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    killer.cancel()
    let e = errBox.wait()
    var r = Run(status: p.terminationStatus, stdout: o, stderr: String(decoding: e, as: UTF8.self))
    r.timedOut = p.terminationReason == .uncaughtSignal
    return r
}

/// Runs `extract` with its output discarded and returns its exit status and peak resident
/// memory in kilobytes, from `wait4` (Foundation's `Process` does not report it).
func peakKilobytes(_ args: [String]) throws -> (status: Int32, kilobytes: Int) {
    let argv = ([extractURL.path] + args).map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, extractURL.path, &actions, nil, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    // The exit status when the process exited, else 128 and the signal, as shells report it.
    let exited = status & 0x7F == 0
    return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), usage.ru_maxrss)
}

/// Data handed from one thread to another.
final class DataBox: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    func set(_ d: Data) {
        data = d
        done.signal()
    }
    func wait() -> Data {
        done.wait()
        return data
    }
}

func json(_ line: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
}

@Suite("extract command", .serialized)
struct CommandTests {
    @Test func factsOfTheSeedAsJSONLines() throws {
        let r = try run(["--format", "jsonl", "seeds/000_071e48968401a800.txt"])
        #expect(r.status == 0)
        let objects = try r.lines.map(json)
        #expect(objects.count > 90)
        #expect(objects.allSatisfy { $0["doc"] as? String == "seeds/000_071e48968401a800.txt" })
        let money = objects.first { $0["text"] as? String == "4000余万元" }
        #expect(money?["value"] as? Int == 40_000_000)
        #expect(money?["qualifier"] as? String == "over")
        #expect(money?["unit"] as? String == "CNY")
        // Same facts, byte for byte, every run.
        #expect(try run(["--format", "jsonl", "seeds/000_071e48968401a800.txt"]).stdout == r.stdout)
    }

    @Test func stdinAndMissingFiles() throws {
        let r = try run(["-"], stdin: Data("新成立非公企业党组织11个、工会4个".utf8))
        #expect(r.status == 0)
        #expect(r.lines.count == 2)
        let bad = try run(["no/such/file.txt", "-"], stdin: Data("共3个".utf8))
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("no/such/file.txt"))
        #expect(bad.lines.count == 1)
    }

    @Test(arguments: [
        "seeds/000_071e48968401a800.txt", "Fixtures/documents/hailar-2017.txt",
        "Fixtures/documents/provincial-2026-hebei.txt", "Fixtures/documents/communique-2024.txt",
        "Fixtures/documents/central-2024.txt", "Fixtures/documents/central-gr2015.txt",
    ])
    func tokenizeTilesTheDocument(_ path: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        let r = try run(["tokenize", path])
        #expect(r.status == 0)
        var joined = ""
        for line in r.lines {
            let o = try json(line)
            let t = try #require(o["text"] as? String)
            let s = try #require(o["start"] as? Int), e = try #require(o["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[s..<e])) == t)
            #expect(o["kind"] is String && o["sentence"] is Int)
            joined += t
        }
        #expect(joined == text)
    }

    @Test func tokenizeRandomBytes() throws {
        var rng = SystemRandomNumberGenerator()
        let bytes = Data((0..<2_000_000).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let r = try run(["tokenize"], stdin: bytes)
        #expect(r.status == 0)
        #expect(r.stderr.contains("invalid UTF-8 replaced"))
        #expect(!r.lines.isEmpty)
    }

    @Test func normalize() throws {
        let r = try run(["normalize", "4000余万", "百分之三至五", "一些", "千分之三"])
        let o = try r.lines.map(json)
        #expect(o.count == 4)
        #expect(o[0]["value"] as? Int == 40_000_000)
        #expect(o[0]["qualifier"] as? String == "over")
        #expect(o[1]["upper"] as? Int == 5)
        #expect(o[1]["kind"] as? String == "percent")
        #expect(o[2]["value"] is NSNull)
        #expect(o[3]["unit"] as? String == "‰")
        let s = try run(["normalize"], stdin: Data("三万五\n一百二\n".utf8))
        #expect(try s.lines.map(json).map { $0["value"] as? Int } == [35000, 120])
    }
}
