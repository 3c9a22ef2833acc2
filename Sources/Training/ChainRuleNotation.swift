/// How chain-rule lines are spelt: in the seeds' notation (`z = Σ w·a + b`, `δ = ∂E/∂z`,
/// `∂E/∂w = δ·a`) or, for a terminal whose locale is not UTF-8, in plain ASCII (`delta`,
/// `dE/dw`, `sum`, `*`).
///
/// Lines are composed once, in the Unicode notation; `spell` transliterates them symbol by
/// symbol. Numbers are ASCII already (Swift's shortest round-trip form, `-` for a negative sign),
/// so they pass through untouched and still read back bit-exact. A value type, `Sendable`.
public enum ChainRuleNotation: Sendable, Equatable {
    /// `δ`, `∂E/∂w`, `Σ w·a`, `ŷ − y`, `½`, `f′(z)`.
    case unicode
    /// `delta`, `dE/dw`, `sum w*a`, `y^ - y`, `1/2`, `f'(z)`: the monitor inspector's ASCII words.
    case ascii

    /// Each Unicode symbol the lines use and its ASCII spelling.
    static let asciiSpellings: [Character: String] = [
        "δ": "delta", "∂": "d", "Σ": "sum", "·": "*", "ŷ": "y^", "−": "-", "½": "1/2", "²": "^2",
        "′": "'", "α": "lr", "←": "<-", "…": "...",
    ]

    /// `line` in this notation.
    public func spell(_ line: String) -> String {
        guard self == .ascii else { return line }
        var result = ""
        for character in line {
            if let spelling = Self.asciiSpellings[character] { result += spelling } else { result.append(character) }
        }
        return result
    }

    /// The notation a terminal with `environment` can show: ASCII when the user chose a locale
    /// (the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set and not empty) and it is not UTF-8,
    /// Unicode otherwise. The monitor decides the same way (it falls back to `C.UTF-8` when no
    /// locale is chosen).
    public static func forLocale(environment: [String: String]) -> ChainRuleNotation {
        let chosen = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let chosen else { return .unicode }
        let name = chosen.uppercased()
        return name.contains("UTF-8") || name.contains("UTF8") ? .unicode : .ascii
    }
}

