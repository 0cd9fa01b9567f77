import CZlib
import Testing
@testable import SiteGen

/// A PDF the site offers must be accessible as its pages are (BITV 2.0): tagged, with its language
/// and a title. An untagged one went out without a word.
@Suite struct PDFAccessibilityTests {
    /// A PDF as older tools write it: every dictionary in plain text.
    static func plainPDF(catalog: String, info: String = "") -> [UInt8] {
        Array("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R \(catalog) >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< \(info) >>\nendobj\ntrailer\n<< /Root 1 0 R /Info 3 0 R >>\n%%EOF\n".utf8)
    }

    static let accessible = plainPDF(catalog: "/Lang (de-DE) /MarkInfo << /Marked true >> /StructTreeRoot 4 0 R",
                                     info: "/Title <FEFF0053007400720061007400650067006900650020>")

    /// zlib data, as a FlateDecode stream holds it.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var size = compressBound(UInt(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        #expect(compress2(&out, &size, data, UInt(data.count), 9) == Z_OK)
        return Array(out[..<Int(size)])
    }

    /// A PDF 1.5 whose catalogue lies in a compressed object stream: the plain text shows none of it.
    static func objectStreamPDF(catalog: String) -> [UInt8] {
        let objects = zlib(Array("1 0 << /Type /Catalog /Pages 2 0 R \(catalog) >>".utf8))
        return Array("%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length \(objects.count) >>\nstream\r\n".utf8)
            + objects + Array("\r\nendstream\nendobj\n6 0 obj\n<< /Type /XRef /Root 1 0 R /Info 7 0 R >>\nstream\nxx\nendstream\nendobj\n%%EOF\n".utf8)
    }

    @Test func whatAPDFSaysOfItselfIsRead() {
        #expect(PDFAccessibility.facts(Self.accessible) == .init(tagged: true, language: true, title: true))
        #expect(PDFAccessibility.problem(Self.accessible) == nil)
        // Word without the tags option: language and title, no structure.
        #expect(PDFAccessibility.facts(Self.plainPDF(catalog: "/Lang (de-DE)", info: "/Title (Haushalt 2026)"))
            == .init(tagged: false, language: true, title: true))
        // Empty values and look-alike keys say nothing.
        #expect(PDFAccessibility.facts(Self.plainPDF(catalog: "/Lang ()", info: "/Title <FEFF> /TitleFont (Arial) /Author (Erika)"))
            == .init(tagged: false, language: false, title: false, author: "Erika"))
        // A title in the XMP metadata counts; a reference is taken as set.
        let xmp = Self.plainPDF(catalog: "/Lang 9 0 R /StructTreeRoot 4 0 R") + Array("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Plan</rdf:li></rdf:Alt></dc:title>".utf8)
        #expect(PDFAccessibility.facts(xmp) == .init(tagged: true, language: true, title: true))
        #expect(PDFAccessibility.facts(Array("<html>kein PDF</html>".utf8)) == nil)
    }

    @Test func aCatalogueInACompressedObjectStreamIsRead() {
        let tagged = Self.objectStreamPDF(catalog: "/StructTreeRoot 3 0 R /Lang (en) /Title (x)")
        #expect(!tagged.containsBytes("/StructTreeRoot"))
        #expect(PDFAccessibility.facts(tagged) == .init(tagged: true, language: true, title: true))
        #expect(PDFAccessibility.facts(Self.objectStreamPDF(catalog: "/Lang (en)")) == .init(tagged: false, language: true, title: false))
        // Not zlib data, or cut short: nothing read from it, no crash.
        let broken = Self.objectStreamPDF(catalog: "/Lang (en)").map { $0 == 0x78 ? 0x79 : $0 }
        #expect(PDFAccessibility.facts(broken)?.language == false)
        #expect(PDFAccessibility.inflate(Self.zlib(Array("abc".utf8))[...], limit: 100) == Array("abc".utf8))
        #expect((PDFAccessibility.inflate(Self.zlib(Array("abc".utf8)).dropLast(6), limit: 100) ?? []).count < 3)
    }

    /// An encrypted PDF's object streams cannot be read: no warning rather than a wrong one.
    @Test func anEncryptedPDFWhoseCatalogueCannotBeReadIsNotWarnedAbout() {
        let encrypted = Self.objectStreamPDF(catalog: "/StructTreeRoot 3 0 R") + Array("trailer\n<< /Encrypt 8 0 R >>\n".utf8)
        #expect(PDFAccessibility.facts(encrypted) == nil && PDFAccessibility.problem(encrypted) == nil)
    }

    @Test func aPublishedPDFThatIsNotAccessibleIsWarnedAboutInGerman() throws {
        var files = TestSupport.minimalSite
        files["posts/2025/haushalt.md"] = "---\ntitle: Haushalt\ndate: 2025-03-01\nfields: [daten-und-plattformen]\n---\n"
            + "Der [Haushaltsplan](../../downloads/haushalt.pdf) und die [Satzung](../../downloads/satzung.pdf).\n"
        files["downloads/haushalt.pdf"] = String(decoding: Self.plainPDF(catalog: "/Lang (de-DE)"), as: UTF8.self)
        files["downloads/satzung.pdf"] = String(decoding: Self.accessible, as: UTF8.self)
        files["downloads/entwurf.pdf"] = String(decoding: Self.plainPDF(catalog: ""), as: UTF8.self)  // not linked: not published, not checked
        let (report, sink) = TestSupport.buildInMemory(files)
        #expect(report.succeeded)
        let warnings = report.diagnostics.filter { $0.message.hasPrefix("this PDF is not accessible") }
        #expect(warnings.map(\.file) == ["/c/downloads/haushalt.pdf"], "\(report.diagnostics)")
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning && sink.files["downloads/haushalt.pdf"] != nil)
        #expect(warning.message.hasPrefix("this PDF is not accessible; it has no tags (the structure screen readers read); it has no title; export it again"))
        #expect(warning.translated(to: .de).message.hasPrefix(
            "Diese PDF-Datei ist nicht barrierefrei; sie hat keine Tags (die Struktur, die Screenreader lesen); sie hat keinen Titel; exportieren Sie sie erneut"))
    }

    /// The author a PDF's properties name, as Word (UTF-16 hex), older tools (a literal with
    /// escapes, PDFDocEncoding) and XMP write it.
    @Test func theAuthorAPDFNamesIsRead() {
        func author(_ info: String) -> String? { PDFAccessibility.facts(Self.plainPDF(catalog: "", info: info))?.author }
        #expect(author("/Author <FEFF00450072006900 6B0061002000FC>") == "Erika ü")
        #expect(author("/Author (Erika \\(M\\) M\\374ller)") == "Erika (M) Müller")
        #expect(author("/Author (M\\374ller \\\nJ. \\t)") == "Müller J.", "a backslash before a line end joins the lines")
        #expect(author("/Author (a (b) c)") == "a (b) c")
        #expect(author("/Author <EFBBBF4AC3B67267>") == "Jörg")
        #expect(author("/Author () /Title (x)") == nil, "empty: no author")
        #expect(author("/Author 9 0 R") == nil, "a reference is not followed")
        #expect(author("/AuthorX (x)") == nil)
        let xmp = Self.plainPDF(catalog: "") + Array("<dc:creator><rdf:Seq><rdf:li>Erika &amp; Max</rdf:li></rdf:Seq></dc:creator>".utf8)
        #expect(PDFAccessibility.facts(xmp)?.author == "Erika & Max")
        // Cut short inside a string: what is there, no crash.
        #expect(author("/Author (abc") != nil)
        #expect(PDFText.string(in: Array("(ab".utf8), at: 0) == "ab")
        #expect(PDFText.string(in: Array("<4".utf8), at: 0) == "@")
    }

    @Test func anAuthorIsAProblemUnlessTheSitePublishesTheName() {
        let names = ["Smart-City-Team", "Stadt Dortmund"]
        #expect(PDFAuthor.problem(nil, publicNames: names) == nil)
        #expect(PDFAuthor.problem("stadt  dortmund", publicNames: names) == nil, "case and spaces do not count")
        let problem = PDFAuthor.problem("mmustermann", publicNames: names)
        #expect(problem?.hasPrefix("this PDF names 'mmustermann' as its author") == true)
        #expect(problem?.contains("(for example 'Smart-City-Team' from site.yml)") == true)
    }

    @Test func aPublishedPDFNamingAPersonIsWarnedAboutInGerman() throws {
        var files = TestSupport.minimalSite
        files["posts/2025/haushalt.md"] = "---\ntitle: Haushalt\ndate: 2025-03-01\nfields: [daten-und-plattformen]\n---\n"
            + "Der [Haushaltsplan](../../downloads/haushalt.pdf) und die [Satzung](../../downloads/satzung.pdf).\n"
        let catalog = "/Lang (de-DE) /StructTreeRoot 4 0 R"
        files["downloads/haushalt.pdf"] = String(decoding: Self.plainPDF(catalog: catalog, info: "/Title (Plan) /Author (Erika Muster)"), as: UTF8.self)
        files["downloads/satzung.pdf"] = String(decoding: Self.plainPDF(catalog: catalog, info: "/Title (Satzung) /Author <FEFF0054006500730074>"), as: UTF8.self)
        let (report, _) = TestSupport.buildInMemory(files)
        #expect(report.succeeded)
        let warnings = report.diagnostics.filter { $0.message.hasPrefix("this PDF names") }
        #expect(warnings.map(\.file) == ["/c/downloads/haushalt.pdf"], "the site's own name is no problem: \(report.diagnostics)")
        let german = try #require(warnings.first).translated(to: .de).message
        #expect(german.hasPrefix("Diese PDF-Datei nennt in ihren Dokumenteigenschaften „Erika Muster“ als Autorin oder Autor"), "\(german)")
        #expect(german.contains("(zum Beispiel „"), "\(german)")
    }
}
