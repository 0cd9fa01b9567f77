/// A problem in a template, at its line and column.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let template: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(template: String, line: Int, column: Int, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(template):\(line):\(column): \(message)" }
}
