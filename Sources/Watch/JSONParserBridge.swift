import MLPEngine

/// The project's strict JSON reader, for the rare text the fast line scanner hands on.
enum JSONParserBridge {
    /// The string a JSON string literal (quotes included) stands for.
    static func string(from literal: [UInt8]) throws -> String {
        guard case .string(let text) = try JSONParser.parse(bytes: literal) else { return "" }
        return text
    }
}
