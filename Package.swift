// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Signpost",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "signpost", targets: ["signpost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The system C library cmark. Knows nothing of Signpost.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // A small Swift wrapper over cmark: parse, walk, edit and render a Markdown tree. Knows nothing of sites.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        // The content model: site config, pages, front matter decoding, diagnostics, file access.
        .target(name: "SiteModel", dependencies: ["Markdown", .product(name: "Yams", package: "Yams")]),
        // The easy-read checker: rules over the Markdown tree of each page. Its word lists in Data/ are built into the
        // binary by Scripts/embed-files.py, so the binary needs no resource bundle beside it.
        .target(name: "EasyReadChecker", dependencies: ["SiteModel", "Markdown"], exclude: ["Data"]),
        // The service directory: services, their checks, the search index and Open Referral UK exports.
        .target(name: "ServiceDirectory", dependencies: ["SiteModel", "Markdown"]),
        // Self-advocacy group review: an easy-read page's points and version, review files, sign-off and the pack's data.
        .target(name: "Review", dependencies: ["SiteModel", "Markdown", "EasyReadChecker"]),
        // Question guides and the charges estimator, written as content: reading, checking, unfolding, the arithmetic.
        .target(name: "Guides", dependencies: ["SiteModel", "Markdown", "EasyReadChecker"]),
        // The build pipeline: load, validate, check, render, write.
        .target(
            name: "SiteBuilder",
            dependencies: [
                "SiteModel", "Markdown", "EasyReadChecker", "ServiceDirectory", "Review", "Guides",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `signpost serve`: a small web server for the built site, a file watcher, live reload, and the error overlay
        // and findings panel shown only while serving.
        .target(
            name: "Preview",
            dependencies: ["SiteBuilder", "SiteModel", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // The thin command-line tool.
        .executableTarget(
            name: "signpost",
            dependencies: ["SiteBuilder", "SiteModel", "EasyReadChecker", "Review", "Guides", "Preview", "ServiceDirectory",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "SignpostTests",
            dependencies: ["SiteBuilder", "SiteModel", "Markdown", "EasyReadChecker", "ServiceDirectory", "Review", "Guides",
                           "Preview"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (Fuzz/README.md), added only when SIGNPOST_FUZZ is set, so a normal `swift build` and `swift test`
// build exactly what they did before. `make fuzz` and `make fuzz-seeds` set it and build them into `.build-fuzz`.
if Context.environment["SIGNPOST_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("fuzz-front-matter", ["SiteModel", "Markdown"]),
        ("fuzz-yaml-files", ["SiteModel", "EasyReadChecker"]),
        ("fuzz-checker", ["SiteModel", "Markdown", "EasyReadChecker"]),
        ("fuzz-service", ["SiteModel", "ServiceDirectory"]),
        ("fuzz-template", ["SiteBuilder", "SiteModel"]),
        ("fuzz-openreferral-feed", ["SiteModel", "ServiceDirectory"]),
        ("fuzz-review-answers", ["SiteModel", "Review"]),
    ]
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies, path: "Fuzz/Targets/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
