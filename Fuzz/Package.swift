// swift-tools-version: 6.1
// libFuzzer targets, kept out of the main package so that `swift build` and `swift test`
// never link them. Build and run with `Tests/fuzz.sh SECONDS`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (a CI clone may not be called "main").
let parentIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "ChineseFactsFuzz",
    dependencies: [.package(path: "../")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver (linked by -sanitize=fuzzer).
        .target(name: "CFuzzDriver"),
        .executableTarget(
            name: "FuzzNumerals",
            dependencies: ["CFuzzDriver", .product(name: "ChineseNumerals", package: parentIdentity)]),
        .executableTarget(
            name: "FuzzFacts",
            dependencies: [
                "CFuzzDriver", .product(name: "ChineseFacts", package: parentIdentity),
                .product(name: "ChineseTokenization", package: parentIdentity),
            ]),
        .executableTarget(
            name: "FuzzJSONLine",
            dependencies: ["CFuzzDriver", .product(name: "ChineseFacts", package: parentIdentity)]),
    ],
    swiftLanguageModes: [.v6]
)
