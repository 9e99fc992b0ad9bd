// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (a CI clone may not be called "main").
let parentIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "ChineseFactsBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ChineseFactsBenchmarks",
            dependencies: [
                .product(name: "ChineseFacts", package: parentIdentity),
                .product(name: "ChineseNumerals", package: parentIdentity),
                .product(name: "ChineseTokenization", package: parentIdentity),
                .product(name: "Benchmark", package: "benchmark"),
                "ScanHarness",
            ],
            path: "Benchmarks/ChineseFactsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // What the benchmarks and scan-passes share: the fixtures and the trigger loop alone.
        .target(
            name: "ScanHarness",
            dependencies: [.product(name: "ChineseNumerals", package: parentIdentity)],
            path: "Sources/ScanHarness"
        ),
        // Passes of the scanning core for callgrind (instruction counts in the README).
        .executableTarget(
            name: "scan-passes",
            dependencies: ["ScanHarness", .product(name: "ChineseNumerals", package: parentIdentity)],
            path: "Sources/scan-passes"
        ),
    ]
)
