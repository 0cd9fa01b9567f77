import Foundation
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

    /// A part that holds a placeholder of its own is put in as it is: the real catalogue said
    /// "Der Oberflächentext „pagination.next“ enthält pagination.next" for a de.yml string that
    /// lost its {1} (the {1} put in for the second part was then replaced by the first).
    @Test func aPartWithANumberInBracesIsPutInAsItIs() {
        #expect(catalogue.german("move {2} to {1}") == "verschieben Sie nach {1}: {2}")
        #expect(MessageCatalogue.german.german("the UI string 'pagination.next' has {1}, which no value fills, so the pages of this language show it as written; remove it")
                == "Der Oberflächentext „pagination.next“ enthält {1}, das kein Wert füllt, die Seiten dieser Sprache zeigen es also so, wie es dasteht; entfernen Sie es")
    }

    @Test func aClauseThatIsAMessageOfItsOwnIsTranslatedToo() {
        #expect(catalogue.german("'bildung' is not a field of action; did you mean 'bildung-und-kultur'?")
                == "„bildung“ ist kein Handlungsfeld; meinten Sie „bildung-und-kultur“?")
        #expect(catalogue.german("'x' is not a field of action") == "„x“ ist kein Handlungsfeld")
        #expect(catalogue.german("Build failed: 3 errors.") == "Build fehlgeschlagen: 3 Fehler.")
    }

    /// The German text names the key's varying parts by number ({1}, {2} …; a part may be left
    /// out, as the English plural "s"): a bare {} or a number the key has not would be shown as it is.
    @Test func everyGermanTextNamesVaryingPartsByNumber() {
        for (english, german) in GermanMessages.pairs {
            let parts = english.components(separatedBy: "{}").count - 1
            #expect(!german.contains("{}"), "\(german)")
            #expect(!german.contains("{\(parts + 1)}"), "\(english) → \(german)")
        }
    }

    /// A key is split into its fixed texts on the bytes, as a split by Characters would.
    @Test func aKeysFixedTextsAreThoseBetweenItsPlaceholders() {
        let keys = GermanMessages.pairs.map(\.english) + ["{}", "{}{}", "a{}", "{}}", "{{}", "ä{}ö{}", ""]
        for key in keys {
            #expect(MessageCatalogue.pieces(key) == key.split(separator: "{}", omittingEmptySubsequences: false).map(String.init), "\(key)")
        }
    }

    @Test func durationsHaveTheLanguagesDecimalMark() {
        #expect(DurationText.of(0.0123, in: .en) == "12.3 ms" && DurationText.of(0.0123, in: .de) == "12,3 ms")
        #expect(DurationText.of(1.2449, in: .en) == "1.24 s" && DurationText.of(1.05, in: .de) == "1,05 s")
        #expect(DurationText.seconds(0.57, in: .de) == "0,57 s" && DurationText.seconds(0.57, in: .en) == "0.57 s")
    }

    @Test func anUnknownMessageStaysEnglish() {
        #expect(catalogue.german("something new") == nil)
        #expect(catalogue.translate("something new", to: .de) == "something new")
        #expect(catalogue.translate("link target 'a' does not exist", to: .en) == "link target 'a' does not exist")
        // A key must match whole, not as a prefix.
        #expect(catalogue.german("link target 'a' does not exist, really") == nil)
    }

    /// Of two keys a text has the shape of, the one with more fixed text wins (the shorter one's
    /// last part would swallow the rest).
    @Test func aKeyWithMoreFixedTextIsTriedFirst() {
        let c = MessageCatalogue([("Built {} pages in {}", "{1} Seiten in {2} gebaut"), ("Built {} pages in {} ({})", "{1} Seiten in {2} gebaut ({3})"),
                                  ("{} warnings", "{1} Warnungen")])
        #expect(c.german("Built 3 pages in 0.10 s (2 warnings)") == "3 Seiten in 0.10 s gebaut (2 Warnungen)")
        #expect(c.german("Built 3 pages in 0.10 s") == "3 Seiten in 0.10 s gebaut")
    }

    /// A value is no count: "…, lang, draft" in a list of keys is not "1 draft".
    @Test func aValueThatEndsLikeACountStaysAsItIs() {
        let c = MessageCatalogue.german
        #expect(c.german("unknown key 'farbe'; known keys are: title, summary, lang, draft")
                == "Unbekannte Angabe „farbe“; bekannt sind: title, summary, lang, draft")
        #expect(c.german("Not published: 1 draft (--drafts includes them).") == "Nicht veröffentlicht: 1 Entwurf (mit --drafts werden sie gebaut).")
        #expect(c.german("2 drafts") == "2 Entwürfe")
    }

    /// One message of each class, before and after, with the real catalogue.
    @Test(arguments: [
        ("the quote opened in line 2 is never closed; end the value with \" on the same line",
         "Das Anführungszeichen aus Zeile 2 wird nie geschlossen; beenden Sie den Wert in derselben Zeile mit \""),
        ("YAML syntax error: did not find expected key (while parsing a block mapping)",
         "Falscher YAML-Aufbau: Hier wird eine neue Angabe (name: Wert) erwartet; prüfen Sie die Einrückung dieser Zeile und der Zeile davor"),
        ("YAML syntax error: mapping values are not allowed in this context; put text that contains a colon in quotes, e.g. title: \"Stadt: Wandel\"",
         "Falscher YAML-Aufbau: Hier darf kein Doppelpunkt mit Leerzeichen stehen; setzen Sie Text mit einem Doppelpunkt in Anführungszeichen, z. B. title: \"Stadt: Wandel\""),
        ("required key 'start' is missing; add e.g. start: 2026-11-26T18:00:00+01:00",
         "Die Pflichtangabe „start“ fehlt; ergänzen Sie z. B. start: 2026-11-26T18:00:00+01:00"),
        ("'date' is 2026-02-30, but February 2026 has 28 days; write a date that exists",
         "„date“ ist 2026-02-30, aber Februar 2026 hat 28 Tage; schreiben Sie ein Datum, das es gibt"),
        ("link target 'b.md#zeil': there is no heading with the id 'zeil', did you mean '#ziel'?",
         "Linkziel „b.md#zeil“: Es gibt keine Überschrift mit der Kennung „zeil“, meinten Sie „#ziel“?"),
        ("'/x/' does not exist in the built site (written by the templates)", "„/x/“ gibt es in der gebauten Website nicht (aus den Templates)"),
        ("no key 'titel' here; did you mean 'title'?", "Hier gibt es keinen Schlüssel „titel“; meinten Sie „title“?"),
        ("no key 'post' here (included from Templates/post-list.mustache:11:19)",
         "Hier gibt es keinen Schlüssel „post“ (eingebunden in Templates/post-list.mustache:11:19)"),
        ("no key 'feedHref' here; the views of Templates/post-list.mustache, … have it (included from Templates/home.mustache:64:19)",
         "Hier gibt es keinen Schlüssel „feedHref“; die Ansichten von Templates/post-list.mustache, … haben ihn (eingebunden in Templates/home.mustache:64:19)"),
        ("template syntax error: the closing tag {{/pots}} does not match {{#post}} at line 3",
         "Falsche Template-Syntax: Das schließende Tag {{/pots}} passt nicht zu {{#post}} in Zeile 3"),
        ("'html' is HTML: {{html}} prints it escaped, as text; write {{{html}}}",
         "„html“ ist HTML: {{html}} gibt es maskiert als Text aus; schreiben Sie {{{html}}}"),
        ("Build failed: 1 error, 5 warnings. public/ was left as it was.", "Build fehlgeschlagen: 1 Fehler, 5 Warnungen. public/ bleibt, wie es war."),
        ("Not published: 1 draft and 2 posts dated in the future (--drafts --future includes them; --verbose lists them).",
         "Nicht veröffentlicht: 1 Entwurf und 2 Beiträge mit einem Datum in der Zukunft (mit --drafts --future werden sie gebaut; --verbose zählt sie auf)."),
        ("public/.public.staging-7/a.html: cannot be written (No space left on device)",
         "public/.public.staging-7/a.html: kann nicht geschrieben werden (kein Speicherplatz frei)"),
    ])
    func theCatalogueTranslatesAMessageOfEachClass(_ english: String, _ german: String) {
        #expect(MessageCatalogue.german.german(english) == german)
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
