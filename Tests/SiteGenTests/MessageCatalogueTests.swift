import Testing
@testable import SiteGen

/// Messages in the editors' language: the English text in the code is the key of its German one.
@Suite struct MessageCatalogueTests {
    let catalogue = MessageCatalogue([
        ("link target '{}' does not exist", "Das Linkziel „{1}“ gibt es nicht"),
        ("'{}' is not a field of action{}", "„{1}“ ist kein Handlungsfeld{2}"),
        ("; did you mean '{}'?", "; meinten Sie „{1}“?"),
        ("move {} to {}", "verschieben Sie nach {2}: {1}"),
        ("{} errors", "{1} Fehler"),
        ("Build failed: {}.", "Build fehlgeschlagen: {1}."),
    ])

    @Test func variablePartsAreCarriedOverAndMayBeReordered() {
        #expect(catalogue.german("link target '../a b.md' does not exist") == "Das Linkziel „../a b.md“ gibt es nicht")
        #expect(catalogue.german("move x.md to pages/") == "verschieben Sie nach pages/: x.md")
    }

    @Test func aClauseThatIsAMessageOfItsOwnIsTranslatedToo() {
        #expect(catalogue.german("'bildung' is not a field of action; did you mean 'bildung-und-kultur'?")
                == "„bildung“ ist kein Handlungsfeld; meinten Sie „bildung-und-kultur“?")
        #expect(catalogue.german("'x' is not a field of action") == "„x“ ist kein Handlungsfeld")
        #expect(catalogue.german("Build failed: 3 errors.") == "Build fehlgeschlagen: 3 Fehler.")
    }

    @Test func anUnknownMessageStaysEnglish() {
        #expect(catalogue.german("something new") == nil)
        #expect(catalogue.translate("something new", to: .de) == "something new")
        #expect(catalogue.translate("link target 'a' does not exist", to: .en) == "link target 'a' does not exist")
        // A key must match whole, not as a prefix.
        #expect(catalogue.german("link target 'a' does not exist, really") == nil)
    }

    @Test func theLanguageFollowsTheOptionTheEnvironmentAndTheSite() {
        #expect(MessageLanguage.choose(option: nil, environment: nil, siteLanguage: "de") == .de)
        #expect(MessageLanguage.choose(option: nil, environment: nil, siteLanguage: "en") == .en)
        #expect(MessageLanguage.choose(option: nil, environment: "en", siteLanguage: "de") == .en)
        #expect(MessageLanguage.choose(option: "de", environment: "en", siteLanguage: "en") == .de)
        #expect(MessageLanguage.choose(option: nil, environment: nil, siteLanguage: nil) == .de)
    }

    @Test func germanTextUsesGermanLabels() {
        var formatter = DiagnosticFormatter()
        formatter.language = .de
        let d = Diagnostic.error("content/a.md", line: 3, "'/x/' does not exist in the built site (written by the templates)")
        #expect(formatter.lines([d]) == ["content/a.md:3: Fehler: „/x/“ gibt es in der gebauten Website nicht (aus den Templates)"])
        formatter.language = .en
        #expect(formatter.lines([d]) == [d.description])
    }
}
