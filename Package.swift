// swift-tools-version:6.0
import PackageDescription

// One module, one job; data flows one way:
// Core ← Markdown ← Content ← Templates ← Site ← Preview ← herald, with Accessibility
// (Core, Markdown, CGumbo) feeding Site. `Core` holds the vocabulary every module shares
// (source locations, diagnostics, the file system and clock seams), so no module has to
// import a sibling just to report an error.
let package = Package(
    name: "Herald",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        // Already in the graph through Hummingbird; named because Preview uses its graceful
        // shutdown and signal handling directly.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CGumbo", pkgConfig: "gumbo", providers: [.apt(["libgumbo-dev"])]),
        .target(name: "Core"),
        .target(name: "Markdown", dependencies: ["CMark", "Core"]),
        .target(name: "Content", dependencies: ["Core", .product(name: "Yams", package: "Yams")]),
        .target(name: "Templates", dependencies: ["Core", "Content", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "Accessibility", dependencies: ["Core", "Markdown", "CGumbo"]),
        .target(name: "Site", dependencies: ["Core", "Markdown", "Content", "Templates", "Accessibility"]),
        .target(name: "Preview", dependencies: [
            "Core",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "herald", dependencies: [
            "Core", "Site", "Preview", "Accessibility",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // mimalloc in place of glibc's malloc for the whole process (the Swift runtime,
            // libgumbo and libcmark too): a build allocates millions of small, short-lived
            // blocks on both cores, and glibc's allocator was an eighth of its CPU time.
            // docs/benchmarks.md has the measurements.
            .linkedLibrary("mimalloc", .when(platforms: [.linux])),
        ]),
        // Helpers the test targets share (a seeded random generator); no product uses it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"]),
        .testTarget(name: "AccessibilityTests", dependencies: ["Accessibility", "Markdown", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "TestSupport"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview"]),
        .testTarget(name: "HeraldCLITests", dependencies: ["herald", "TestSupport"]),
    ]
)
