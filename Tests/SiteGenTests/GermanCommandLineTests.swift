import Foundation
import Testing
@testable import SiteGen

/// The command line speaks the site's language: German for a German site, English with
/// `--messages en` (or SITEGEN_MESSAGES=en).
@Suite(.serialized) struct GermanCommandLineTests {
    let cli = CommandLineTests()
    let now = "2026-11-26T12:00:00+01:00"
    /// Empty: the environment does not choose, the site does.
    let unset = ["SITEGEN_MESSAGES": ""]

    func site(_ extra: [String: String] = [:]) -> String {
        let root = TestSupport.temporaryFolder("german-cli")
        TestSupport.write(TestSupport.minimalSite.merging(extra) { _, b in b }, under: root + "/content")
        return root
    }

    static let brokenLink = ["posts/2025/links.md": "---\ntitle: Links\ndate: 2025-03-01T10:00:00+01:00\nsummary: s\n---\n[fehlt](../2024/fehlt.md)\n"]

    /// --help, the lists of allowed values and an error of a command's own are German for a German
    /// site, with ArgumentParser's headings; English when asked.
    @Test func helpAndCommandLineErrorsAreGerman() throws {
        let root = site()
        let help = try cli.run(["build", "--help"], environment: unset, in: root)
        #expect(help.status == 0)
        for text in ["ÜBERSICHT: Baut die Website in den Ausgabeordner.", "AUFRUF: sitegen build <Optionen>", "OPTIONEN:",
                     "Ausgabeordner. (Vorgabe: public)", "Zeigt diese Hilfe."] {
            #expect(help.stdout.contains(text), "\(text) in \(help.stdout)")
        }
        #expect(!help.stdout.contains("USAGE") && !help.stdout.contains("Output folder"), "\(help.stdout)")
        let overview = try cli.run(["--help"], environment: unset, in: root)
        #expect(overview.stdout.contains("BEFEHLE:") && overview.stdout.contains("build (Vorgabe)"), "\(overview.stdout)")
        let format = try cli.run(["check", "--format", "xml"], environment: unset, in: root)
        #expect(format.status == 64)
        #expect(format.stderr.contains("Bitte geben Sie eines davon an: „text“ oder „json“."), "\(format.stderr)")
        let kind = try cli.run(["new", "artikel", "Titel"], environment: unset, in: root)
        #expect(kind.stderr.contains("„post“, „event“, „project“, „page“ oder „participation“."), "\(kind.stderr)")
        let now = try cli.run(["build", "--now", "morgen"], environment: unset, in: root)
        #expect(now.status == 64)
        #expect(now.stderr == "Fehler: --now muss ein Zeitpunkt nach ISO 8601 wie 2026-11-26T12:00:00+01:00 sein, ist aber „morgen“\n  Mehr dazu: sitegen build --help\n",
                "\(now.stderr)")
        let english = try cli.run(["build", "--help", "--messages", "en"], environment: unset, in: root)
        #expect(english.stdout.contains("USAGE: sitegen build <options>") && english.stdout.contains("Output folder."), "\(english.stdout)")
    }

    /// ArgumentParser wraps a long line of help at "(default:", so the phrase stood without its
    /// space and stayed English (serve's --drafts/--no-drafts).
    @Test func aWrappedDefaultInTheHelpIsGermanToo() throws {
        let help = try cli.run(["serve", "--help"], environment: unset, in: site())
        #expect(help.status == 0)
        #expect(!help.stdout.contains("default"), "\(help.stdout)")
        #expect(help.stdout.contains("(Vorgabe:\n"), "\(help.stdout)")
    }

    @Test func aGermanSitesBuildSpeaksGermanAndEnglishWhenAsked() throws {
        let root = site(Self.brokenLink)
        let args = ["build", "--templates", TestSupport.templates, "--now", now]
        let german = try cli.run(args, environment: unset, in: root)
        #expect(german.status == 1)
        #expect(german.stderr.contains("content/posts/2025/links.md:6: Fehler: Das Linkziel „../2024/fehlt.md“ gibt es nicht\n"), "\(german.stderr)")
        #expect(german.stderr.contains("content/pages/impressum.md: Warnung: Die Pflichtseite „Impressum“ fehlt; legen Sie content/pages/impressum.md an"),
                "\(german.stderr)")
        #expect(german.stderr.contains("Build fehlgeschlagen: 1 Fehler, "), "\(german.stderr)")
        #expect(german.stderr.hasSuffix("Warnungen. public/ bleibt, wie es war.\n"), "\(german.stderr)")
        #expect(!german.stderr.contains("error") && !german.stderr.contains("warning"), "\(german.stderr)")

        for english in [try cli.run(args + ["--messages", "en"], environment: unset, in: root), try cli.run(args, in: root)] {
            #expect(english.stderr.contains("content/posts/2025/links.md:6: error: link target '../2024/fehlt.md' does not exist\n"), "\(english.stderr)")
            #expect(english.stderr.contains("Build failed: 1 error, "), "\(english.stderr)")
            #expect(!english.stderr.contains("Fehler"), "\(english.stderr)")
        }
        // --messages wins over the environment.
        let chosen = try cli.run(args + ["--messages", "de"], environment: ["SITEGEN_MESSAGES": "en"], in: root)
        #expect(chosen.stderr.contains("Build fehlgeschlagen"), "\(chosen.stderr)")
    }

    @Test func aGoodBuildACheckAndNewSpeakGerman() throws {
        let root = site()
        let built = try cli.run(["build", "--templates", TestSupport.templates, "--now", now], environment: unset, in: root)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains(" Seiten in ") && built.stdout.contains(" gebaut (") && built.stdout.contains(" Warnungen)"), "\(built.stdout)")
        // German numbers have a decimal comma.
        #expect(built.stdout.contains(/\ Seiten in \d+,\d\d s gebaut/), "\(built.stdout)")
        let again = try cli.run(["build", "--templates", TestSupport.templates, "--now", now], environment: unset, in: root)
        #expect(again.stdout.hasPrefix("Aktuell: "), "\(again.stdout)")
        let checked = try cli.run(["check", "--templates", TestSupport.templates, "--now", now], environment: unset, in: root)
        #expect(checked.stderr.contains(" Seiten geprüft: 0 Fehler, "), "\(checked.stderr)")
        let created = try cli.run(["new", "post", "Ladesäulen in Hörde", "--now", now], environment: unset, in: root)
        #expect(created.stdout.hasPrefix("Angelegt: content/posts/2026/"), "\(created.stdout)")
        #expect(created.stdout.contains("Die Datei ist ein Entwurf (draft: true)"), "\(created.stdout)")
        let unquoted = try cli.run(["new", "post", "Ladesäulen", "in", "Hörde"], environment: unset, in: root)
        #expect(unquoted.stderr.contains("Setzen Sie den Titel in Anführungszeichen, damit er ein einziges Argument ist: sitegen new post \"Ladesäulen in Hörde\""),
                "\(unquoted.stderr)")
        let mistyped = try cli.run(["biuld"], environment: unset, in: root)
        #expect(mistyped.stderr.contains("Fehler: „biuld“ ist kein Befehl von sitegen (build, check, new, serve); meinten Sie „build“?"), "\(mistyped.stderr)")
        // ArgumentParser's errors too (its --help stays English).
        let option = try cli.run(["build", "--ouput", "x"], environment: unset, in: root)
        #expect(option.status == 64)
        #expect(option.stderr.hasPrefix("Fehler: Unbekannte Option „--ouput“. Meinten Sie „--output“?\nAufruf: sitegen build"), "\(option.stderr)")
        let english = try cli.run(["build", "--messages", "en", "--ouput", "x"], environment: unset, in: root)
        #expect(english.stderr.hasPrefix("Error: Unknown option '--ouput'. Did you mean '--output'?"), "\(english.stderr)")
    }

    @Test func anEnglishSiteSpeaksEnglish() throws {
        let root = site(Self.brokenLink.merging(["site.yml": "title: Test\nbase_url: https://example.org/\nlanguage: en\n"]) { _, b in b })
        let r = try cli.run(["build", "--templates", TestSupport.templates, "--now", now], environment: unset, in: root)
        // The theme has English UI strings (Templates/i18n/en.yml): the build reports the broken link, in English.
        #expect(!r.stderr.contains("UI strings for language 'en' are missing"), "\(r.stderr)")
        #expect(r.stderr.contains("content/posts/2025/links.md:6: error: link target '../2024/fehlt.md' does not exist\n"), "\(r.stderr)")
        #expect(r.stderr.contains("Build failed"), "\(r.stderr)")
    }
}
