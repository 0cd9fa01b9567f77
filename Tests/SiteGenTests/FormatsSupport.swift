import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SiteGen

/// A small site built in memory for the format tests: content under /fc, the real templates.
enum FormatsFixture {
    static let templates: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Templates"
    }()

    static let now = DateTime.parse("2026-11-26T12:00:00+01:00")!

    /// A long German sentence with umlauts and ß, longer than one iCalendar line many times over.
    static let longGerman = "Größere Übungsräume für Bürgerinnen und Bürger: Öffentliche Straßenbeleuchtung, "
        + "Fußgängerzonen und Grünflächen – gemeinsam gestaltet; mit Äpfeln, Ölbäumen und süßen Grüßen aus Dortmund\\Schwerte."

    static let scriptTitle = "Hallo </script><script>alert(1)</script> & \"Welt\""

    static let files: [String: String] = [
        "site.yml": """
            title: "Smart City Test"
            base_url: "https://example.org/"
            author: "Team Test"
            description: "Eine Test-Site."
            publisher:
              name: "Stadt Test"
              url: "https://stadt.example/"
              email: "test@example.org"
            license:
              name: "Datenlizenz Deutschland – Namensnennung – Version 2.0"
              url: "https://www.govdata.de/dl-de/by-2-0"

            """,
        "fields/daten.md": "---\ntitle: Daten und Plattformen\norder: 1\nsummary: Offene Daten.\n---\nDaten sind wichtig.\n",
        "fields/mobil.md": "---\ntitle: Intelligente Mobilität\norder: 2\n---\nVerkehr und Wege.\n",
        "posts/2026/sensoren.md": """
            ---
            title: "Neue Sensoren im Quartier"
            date: 2026-10-01T10:00:00+02:00
            updated: 2026-10-05T09:30:00+02:00
            author: "Erika Muster"
            fields: [daten]
            summary: "Wir messen jetzt die Luftqualität."
            image: /images/bild.svg
            image_alt: "Ein Sensor"
            ---
            Die Messstationen erfassen Feinstaub und Stickoxide. Das Wort Quetzalcoatlus steht nur hier.

            Mehr im [Projekt](../../projects/plattform.md) und [unten](#details).

            ## Details

            Noch mehr Text.
            """,
        "posts/2026/script.md": """
            ---
            title: "\(scriptTitle.replacingOccurrences(of: "\"", with: "\\\""))"
            date: 2026-09-01T10:00:00+02:00
            fields: [mobil]
            summary: "Ein Titel mit Tücken."
            ---
            Text.
            """,
        "posts/2025/entwurf.md": """
            ---
            title: "Geheimer Entwurf"
            date: 2025-05-01T10:00:00+02:00
            draft: true
            summary: "Noch nicht fertig."
            ---
            Entwurfstext Zauberwort.
            """,
        "events/2026/workshop.md": """
            ---
            title: "Workshop; Daten, Karten \\\\ mehr"
            start: 2026-12-03T18:00:00+01:00
            end: 2026-12-03T20:00:00+01:00
            location:
              name: "Stadtlabor"
              address: "Kleppingstraße 28, 44135 Dortmund"
            fields: [daten, mobil]
            summary: "\(longGerman.replacingOccurrences(of: "\\", with: "\\\\"))"
            ---
            Programm folgt.
            """,
        "events/2027/fest.md": """
            ---
            title: "Ganztägiges Fest"
            start: 2027-03-20
            end: 2027-03-21
            location:
              name: "Marktplatz"
            fields: [mobil]
            summary: "Zwei Tage Programm."
            ---
            Fest.
            """,
        "events/2026/online.md": """
            ---
            title: "Online-Sprechstunde"
            start: 2026-05-12T17:00:00+02:00
            online: "https://meet.example.org/raum"
            fields: [daten]
            status: abgesagt
            updated: 2026-05-10T09:00:00+02:00
            summary: "Fällt aus."
            ---
            Abgesagt.
            """,
        "projects/plattform.md": """
            ---
            title: "Datenplattform"
            status: umsetzung
            fields: [daten]
            cities: [Dortmund]
            partners: ["Partner A"]
            start: 2024-01-01
            code: "DP 01"
            summary: "Eine Plattform für offene Daten."
            ---
            Die Plattform sammelt Daten.
            """,
        "strategy.md": "---\ntitle: Strategie\npdf: https://example.org/strategie.pdf\npdf_size: 1000\npublished: 2024-06-01\n---\nDie Strategie.\n",
        "pages/impressum.md": "---\ntitle: Impressum\nmenu: 1\n---\nAnschrift.\n",
        "pages/intern.md": "---\ntitle: Intern\nsearch: false\n---\nVerstecktes Geheimwort.\n",
        "images/bild.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>\n",
    ]

    /// Builds the fixture (optionally changed) and returns the report and the files.
    static func build(_ changes: [String: String?] = [:], options: BuildOptions? = nil) -> (BuildReport, MemorySink) {
        var all = files
        for (path, text) in changes { all[path] = text }
        let memory = MemoryFileSystem(Dictionary(uniqueKeysWithValues: all.map { ("/fc/" + $0.key, $0.value) }))
        let fs = OverlayFileSystem(memory: memory, memoryRoot: "/fc")
        let builder = Builder(location: SiteLocation(content: "/fc", templates: templates, output: "/fc-out"),
                              options: options ?? BuildOptions(now: now), fileSystem: fs)
        let sink = MemorySink(fileSystem: fs)
        let (report, _) = builder.run(into: sink)
        return (report, sink)
    }

    static let built: (BuildReport, MemorySink) = build()
    static var sink: MemorySink { built.1 }

    static func text(_ path: String) -> String? { sink.text(path) }
}

/// A parsed XML element: enough of a DOM to check feeds and sitemaps.
final class FormatsXMLElement {
    let name: String
    let attributes: [String: String]
    var children: [FormatsXMLElement] = []
    var text = ""
    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }
    func all(_ name: String) -> [FormatsXMLElement] { children.filter { $0.name == name } }
    func first(_ name: String) -> FormatsXMLElement? { children.first { $0.name == name } }
}

/// Parses XML with FoundationXML's XMLParser; nil when it is not well-formed.
final class FormatsXML: NSObject, XMLParserDelegate {
    private var stack: [FormatsXMLElement] = []
    private(set) var root: FormatsXMLElement?
    private(set) var error: String?

    static func parse(_ text: String) -> (root: FormatsXMLElement?, error: String?) {
        let parser = XMLParser(data: Data(text.utf8))
        let delegate = FormatsXML()
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        let ok = parser.parse()
        if !ok { return (nil, parser.parserError.map { "\($0)" } ?? delegate.error ?? "parse failed") }
        return (delegate.root, nil)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        let e = FormatsXMLElement(name: elementName, attributes: attributeDict)
        stack.last?.children.append(e)
        if stack.isEmpty { root = e }
        stack.append(e)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = "\(parseError)" }
}

/// Unfolded iCalendar content lines with their properties.
struct FormatsICS {
    let raw: [UInt8]
    let lines: [String]

    init(_ bytes: [UInt8]) {
        raw = bytes
        let text = String(decoding: bytes, as: UTF8.self)
        lines = ContentLines.unfold(text).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// Lines that start with `name` followed by `:` or `;`.
    func values(_ name: String) -> [String] {
        lines.filter { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }
    }

    /// The VEVENT blocks.
    var events: [[String]] {
        var result: [[String]] = []
        var current: [String]?
        for l in lines {
            if l == "BEGIN:VEVENT" { current = [] } else if l == "END:VEVENT" {
                if let c = current { result.append(c) }
                current = nil
            } else { current?.append(l) }
        }
        return result
    }

    /// Undoes TEXT escaping.
    static func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped {
                out.append(c == "n" || c == "N" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// Parses JSON text with JSONSerialization.
func formatsJSON(_ text: String?) -> Any? {
    guard let text else { return nil }
    return try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}
