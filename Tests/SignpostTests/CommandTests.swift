import Foundation
import Testing

/// The `signpost` command as people and CI jobs use it: exit codes, and output that scripts can read.
@Suite("The signpost command")
struct CommandTests {
    /// The binary `swift build --product signpost` made for this checkout, found by asking SwiftPM where it builds
    /// (once per run), so that these tests never run a binary left over in another folder or configuration.
    static let binPath: Result<URL, BinaryNotFound> = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--show-bin-path"]
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(BinaryNotFound(reason: "could not run swift: \(error)")) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !path.isEmpty else {
            return .failure(BinaryNotFound(reason: "`swift build --show-bin-path` exited \(process.terminationStatus)"))
        }
        return .success(URL(fileURLWithPath: path).appendingPathComponent("signpost"))
    }()

    struct BinaryNotFound: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// The signpost binary, or a failure that says how to make it.
    static func binary() throws -> URL {
        let binary = try binPath.get()
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BinaryNotFound(reason: "no signpost binary at \(binary.path): run `swift build --product signpost` "
                                 + "first (`make swift-test` does)")
        }
        // A binary older than the code it is built from tests yesterday's command.
        let built = try FileManager.default.attributesOfItem(atPath: binary.path)[.modificationDate] as? Date ?? .distantPast
        let sources = repositoryRoot.appendingPathComponent("Sources")
        for path in try FileManager.default.subpathsOfDirectory(atPath: sources.path) where path.hasSuffix(".swift") {
            let changed = try FileManager.default.attributesOfItem(atPath: sources.appendingPathComponent(path).path)[.modificationDate]
            if let changed = changed as? Date, changed > built {
                throw BinaryNotFound(reason: "\(binary.path) is older than Sources/\(path): run "
                                     + "`swift build --product signpost` first (`make swift-test` does)")
            }
        }
        return binary
    }

    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   errors: String(decoding: err, as: UTF8.self))
    }

    /// A content folder with one easy-read page that has one error and one warning.
    func contentWithProblems() throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("easy-read"), withIntermediateDirectories: true)
        try minimalConfig.write(to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try pageFile("title: Home\nsummary: Home.").write(to: folder.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try pageFile("title: A\nsummary: A page.\nformat: easy-read", "No picture here. Come on 12/03/2026.")
            .write(to: folder.appendingPathComponent("easy-read/a.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func checkExitsOneOnErrorsAndPrintsOneJSONObject() throws {
        let content = try contentWithProblems()
        let result = try run(["check", "--content", content.path, "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(Set(findings.compactMap { $0["rule"] as? String }) == ["picture-cue", "date-format"])
        #expect(findings.allSatisfy { $0["file"] as? String == "easy-read/a.md" && $0["line"] as? Int == 6 })
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let content = try contentWithProblems()
        let page = content.appendingPathComponent("easy-read/a.md")
        try pageFile("title: A\nsummary: A page.\nformat: easy-read", "![A house](../pictures/house.svg) Come on 12/03/2026.")
            .write(to: page, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("pictures"), withIntermediateDirectories: true)
        try "<svg/>".write(to: content.appendingPathComponent("pictures/house.svg"), atomically: true, encoding: .utf8)
        #expect(try run(["check", "--content", content.path]).status == 0)
        let strict = try run(["check", "--content", content.path, "--strict"], environment: ["NO_COLOR": "1"])
        #expect(strict.status == 1)
        #expect(strict.output.contains("easy-read/a.md:6:"))
        #expect(strict.output.contains("[date-format]"))
        #expect(!strict.output.contains("\u{1B}["), "plain text when NO_COLOR is set")
    }

    @Test func badUsageAndUnreadableSitesExitTwo() throws {
        #expect(try run(["check", "--content", "/no/such/folder"]).status == 2)
        #expect(try run(["check", "--format", "xml"]).status == 2)
        let empty = try temporaryFolder()
        #expect(try run(["check", "--content", empty.path]).status == 2)
    }

    @Test func githubAnnotations() throws {
        let result = try run(["check", "--content", try contentWithProblems().path, "--format", "github"])
        #expect(result.output.contains("::error file="))
        #expect(result.output.contains("easy-read/a.md,line=6,col=1,title=picture-cue::"))
    }
}
