// Fuzz target: the same bytes read as `site.yml` (`SiteConfig`, then the checker settings made from it) and as
// `glossary.yml` (`Glossary`), through `YAMLReader.decode`. Content errors are fine; only crashes, hangs and running
// out of memory count.
import EasyReadChecker
import Foundation
import SiteModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLFiles(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Content files that are not UTF-8 are refused before YAML sees them, as `ContentSource.readText` does.
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    var sink = 0

    let config = YAMLReader.decode(SiteConfig.self, from: text, file: ContentLoader.configFile)
    sink &+= config.diagnostics.map { "\($0)" }.joined().count + config.keyPositions.count
    if let value = config.value {
        let (_, diagnostics) = CheckSettings.from(value, positions: config.keyPositions)
        sink &+= diagnostics.count
        let environment = CheckEnvironment(siteWords: value.words, synonyms: value.synonyms)
        sink &+= environment.knownWords.count
    }

    let glossary = YAMLReader.decode(Glossary.self, from: text, file: ContentLoader.glossaryFile)
    sink &+= glossary.diagnostics.map { "\($0)" }.joined().count
    if let value = glossary.value {
        sink &+= value.knownWords.count + CheckEnvironment(glossary: value).knownTerms.count
    }
    if sink == -1 { print(sink) }  // keeps the work from being optimised away
    return 0
}
