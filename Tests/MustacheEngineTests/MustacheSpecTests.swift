import Foundation
import MustacheEngine
import Testing

/// The official Mustache specification (mustache/spec, read from `../shared/mustache-spec/`): every
/// case of the core modules and of inheritance must pass. Lambdas and dynamic names are left out.
@Suite struct MustacheSpecTests {
    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    struct SpecFile: Decodable { let tests: [SpecCase] }
    struct SpecCase: Decodable {
        let name: String
        let data: JSONValue
        let template: String
        let expected: String
        let partials: [String: String]?
    }

    /// Where the spec files are: `SITEGEN_MUSTACHE_SPEC`, else `shared/mustache-spec` beside the repository.
    static var specFolder: URL {
        if let path = ProcessInfo.processInfo.environment["SITEGEN_MUSTACHE_SPEC"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")
    }

    static func render(_ test: SpecCase) -> String {
        var sources = test.partials ?? [:]
        sources["\u{0}test"] = test.template
        do {
            let library = try TemplateLibrary(sources: sources) { _ in .html }
            let renderer = Renderer(library: library)
            return String(decoding: renderer.render("\u{0}test", test.data.value) ?? [], as: UTF8.self)
        } catch {
            return "error: \(error.errors)"
        }
    }

    @Test func everyCasePasses() throws {
        var passed = 0
        var total = 0
        var failures: [String] = []
        for module in Self.modules {
            let url = Self.specFolder.appendingPathComponent(module + ".json")
            let file = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
            for test in file.tests {
                total += 1
                let output = Self.render(test)
                if output == test.expected { passed += 1 } else {
                    failures.append("\(module) – \(test.name): expected \(test.expected.debugDescription), got \(output.debugDescription)")
                }
            }
        }
        print("mustache spec: \(passed) of \(total) cases passed")
        for f in failures { print("  failed: \(f)") }
        #expect(total == 163)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

/// Spec data: JSON turned into the engine's values.
enum JSONValue: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String)
    case array([JSONValue]), object([(String, JSONValue)])

    init(from decoder: Decoder) throws {
        if let c = try? decoder.container(keyedBy: Key.self) {
            self = .object(try c.allKeys.sorted { $0.stringValue < $1.stringValue }.map { ($0.stringValue, try c.decode(JSONValue.self, forKey: $0)) })
            return
        }
        if var c = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !c.isAtEnd { items.append(try c.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) } else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var value: Value {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .string(let s): .text(s)
        case .array(let a): .list(ValueArray(a.map(\.value)))
        case .object(let entries): .object(DictionaryObject(entries.map { ($0.0, $0.1.value) }))
        }
    }
}
