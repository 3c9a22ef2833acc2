extension JSONValue {
    /// The value as JSON text: objects one member per line (indented), arrays of scalars on one
    /// line, arrays of arrays one inner array per line. Deterministic: same value, same bytes.
    public func formatted() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let text): out += text
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(into: &out, indent: indent)
                }
                out += "]"
            } else {
                let pad = String(repeating: " ", count: indent + 1)
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ",\n" + pad }
                    item.write(into: &out, indent: indent + 1)
                }
                out += "]"
            }
        case .object(let members):
            let pad = String(repeating: " ", count: indent + 1)
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += ",\n" + pad }
                JSONValue.writeString(member.key, into: &out)
                out += ": "
                member.value.write(into: &out, indent: indent + 1)
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
