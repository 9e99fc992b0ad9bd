// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ChineseFacts",
    products: [
        .library(name: "ChineseFacts", targets: ["ChineseFacts"]),
        .library(name: "ChineseNumerals", targets: ["ChineseNumerals"]),
        .library(name: "ChineseTokenization", targets: ["ChineseTokenization"]),
        .executable(name: "extract", targets: ["extract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C shim over ICU 72: its public header uses no ICU type (see TOOLCHAIN notes in README).
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
                .linkedLibrary("stdc++"), .linkedLibrary("m"),
            ]
        ),
        // The system SQLite (libsqlite3-dev) for `extract --format sqlite`: no package to build, one C library to link.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "ChineseTokenization", dependencies: ["CICU", "ChineseNumerals"]),
        .target(name: "ChineseNumerals"),
        .target(name: "ChineseFacts", dependencies: ["ChineseNumerals", "ChineseTokenization"]),
        .executableTarget(
            name: "extract",
            dependencies: [
                "ChineseFacts", "ChineseNumerals", "ChineseTokenization", "CSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ChineseTokenizationTests", dependencies: ["ChineseTokenization"]),
        .testTarget(name: "ChineseNumeralsTests", dependencies: ["ChineseNumerals"]),
        .testTarget(name: "ChineseFactsTests", dependencies: ["ChineseFacts"]),
        .testTarget(name: "ExtractTests", dependencies: ["extract", "CSQLite"]),
    ],
    swiftLanguageModes: [.v6]
)
