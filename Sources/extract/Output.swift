import Foundation

/// Buffered writing to standard output and standard error.
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { p in
            var offset = 0
            while offset < p.count {
                let n = Glibc.write(1, p.baseAddress! + offset, p.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Prints one line on standard error.
func warn(_ message: String) {
    FileHandle.standardError.write(Data(("extract: " + message + "\n").utf8))
}


/// Reads a whole file (or standard input for "-") as bytes.
func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" {
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    let url = URL(fileURLWithPath: path)
    return Array(try Data(contentsOf: url))
}

/// The path of the seed document bundled with the package, if it can be found.
func bundledSeedPath() -> String? {
    let name = "seeds/000_071e48968401a800.txt"
    var candidates: [URL] = []
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var dir = exe.deletingLastPathComponent()
    for _ in 0..<6 {
        candidates.append(dir.appendingPathComponent(name))
        dir = dir.deletingLastPathComponent()
    }
    candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name))
    // The source tree this binary was built from.
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    candidates.append(source.appendingPathComponent(name))
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }?.path
}
