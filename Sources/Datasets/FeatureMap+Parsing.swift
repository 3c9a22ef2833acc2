extension FeatureMap {
    /// The term a normalised name (lower case, no spaces) stands for, or nil.
    static func term(named name: String) -> Term? {
        if let i = column(named: name) { return .column(i) }
        if name.hasSuffix("^2"), let i = column(named: String(name.dropLast(2))) { return .square(i) }
        if name.hasPrefix("sin("), name.hasSuffix(")"),
           let i = column(named: String(name.dropFirst(4).dropLast())) {
            return .sine(i)
        }
        let factors = name.split(separator: "*", omittingEmptySubsequences: false)
        if factors.count == 2, let i = column(named: String(factors[0])), let j = column(named: String(factors[1])) {
            return .product(i, j)
        }
        return nil
    }

    /// The 0-based column of `xN` (N ≥ 1, no leading zeros), or nil.
    private static func column(named name: String) -> Int? {
        guard name.first == "x", name.count >= 2, name.count <= 5 else { return nil }
        let digits = name.dropFirst()
        guard digits.first != "0", digits.allSatisfy(\.isASCII), let number = Int(digits) else { return nil }
        return number - 1
    }

    /// The columns a term reads.
    static func columns(of term: Term) -> [Int] {
        switch term {
        case .column(let i), .square(let i), .sine(let i): [i]
        case .product(let i, let j): [i, j]
        }
    }

    /// The canonical name of a term.
    static func name(of term: Term) -> String {
        switch term {
        case .column(let i): "x\(i + 1)"
        case .square(let i): "x\(i + 1)^2"
        case .product(let i, let j): "x\(i + 1)*x\(j + 1)"
        case .sine(let i): "sin(x\(i + 1))"
        }
    }
}

/// Why a `--features` list was rejected; exit status 64 (`EX_USAGE`).
public enum FeatureMapError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A name that is no known feature.
    case unknown(name: String, inputCount: Int)
    /// A feature that reads a column the data does not have.
    case missingColumn(name: String, needed: Int, available: Int)
    /// The same feature twice.
    case duplicate(name: String)
    /// An empty entry in the list.
    case emptyName(list: String)

    /// The one-line message.
    public var description: String {
        switch self {
        case let .unknown(name, inputCount):
            let known = inputCount == 2
                ? "x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)"
                : "xN, xN^2, xN*xM, sin(xN) for N, M in 1...\(inputCount)"
            return "unknown feature \"\(name)\"; known: \(known)"
        case let .missingColumn(name, needed, available):
            return "feature \"\(name)\" needs \(needed) input columns, the data has \(available)"
        case let .duplicate(name):
            return "feature \"\(name)\" is listed twice"
        case let .emptyName(list):
            return "empty feature name in \"\(list)\""
        }
    }

    /// The process exit status: 64, a usage error.
    public var exitStatus: Int32 { 64 }
}

extension String {
    /// The string without spaces and tabs at either end.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
