import Foundation
import Testing
@testable import SiteGen

/// What editors see of their content: each case feeds an input and checks the exact behaviour.
@Suite struct EditorTests {
    func page(_ files: [String: String], _ path: String) throws -> String {
        let (report, sink) = TestSupport.buildInMemory(TestSupport.minimalSite.merging(files) { _, b in b })
        #expect(report.diagnostics.errorMessages.isEmpty, "\(report.diagnostics.errorMessages)")
        return String(decoding: try #require(sink.files[path], "\(path) was not written"), as: UTF8.self)
    }

    func project(_ dates: String) -> [String: String] {
        ["projects/messnetz.md": "---\ntitle: Messnetz\nstatus: umsetzung\n\(dates)---\nText.\n"]
    }

    /// A project with only a start date read as lasting one month ("Zeitraum: September 2026").
    @Test func aProjectsPeriodSaysSinceOrUntilWhenOneEndIsOpen() throws {
        let fact = { (html: String) in html.components(separatedBy: "<dt>Zeitraum</dt><dd>").dropFirst().first?.components(separatedBy: "</dd>").first }
        #expect(fact(try page(project("start: 2026-09-01\n"), "projekte/messnetz/index.html")) == "seit September 2026")
        #expect(fact(try page(project("end: 2027-12-31\n"), "projekte/messnetz/index.html")) == "bis Dezember 2027")
        #expect(fact(try page(project("start: 2026-09-01\nend: 2027-12-31\n"), "projekte/messnetz/index.html")) == "September 2026 – Dezember 2027")
        #expect(fact(try page(project("start: 2026-09-01\nend: 2026-09-30\n"), "projekte/messnetz/index.html")) == "September 2026")
        #expect(fact(try page(project(""), "projekte/messnetz/index.html")) == nil, "no period, no fact")
    }
}
