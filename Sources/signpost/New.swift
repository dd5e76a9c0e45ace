import ArgumentParser
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Makes a new site ready to edit.")
    func run() throws {}
}
