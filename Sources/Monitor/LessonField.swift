import MLPEngine

/// A training flag as a lesson field: its name (the flag without dashes) and the JSON it takes.
public struct LessonField: Sendable, Equatable {
    /// The JSON a field takes.
    public enum Kind: Sendable, Equatable {
        /// A string (`"dataset": "xor"`).
        case text
        /// A number (`"lr": 0.3`).
        case number
        /// A whole number (`"epochs": 500`).
        case integer
        /// `true` gives the flag, `false` leaves it out (`"standardize": true`).
        case flag
        /// Layer sizes: an array of whole numbers or the flag's string (`[2]`, `"16,16"`, `[]` for none).
        case sizes
        /// A list: an array of strings or the flag's comma-separated string (`["x1", "x2"]`).
        case list
        /// A whole number or `"full"`.
        case batch
    }

    /// The flag's name without its dashes.
    public var name: String
    /// The JSON it takes.
    public var kind: Kind

    /// The field `name`, taking `kind`.
    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// Every flag of `mlptop train`, in `--help` order.
    public static let all: [LessonField] = [
        LessonField("dataset", .text), LessonField("n", .integer), LessonField("noise", .number),
        LessonField("features", .list), LessonField("standardize", .flag), LessonField("slice", .text),
        LessonField("hidden", .sizes),
        LessonField("activation", .text), LessonField("loss", .text), LessonField("task", .text),
        LessonField("optimizer", .text),
        LessonField("lr", .number), LessonField("momentum", .number), LessonField("beta1", .number),
        LessonField("beta2", .number), LessonField("eps", .number), LessonField("weight-decay", .number),
        LessonField("l1", .number), LessonField("batch", .batch), LessonField("epochs", .integer),
        LessonField("seed", .integer), LessonField("test-fraction", .number), LessonField("threads", .integer),
        LessonField("speed", .number), LessonField("rewind-memory", .number), LessonField("init-from", .text),
        LessonField("save", .text), LessonField("log", .text), LessonField("resume", .text),
        LessonField("snapshot-dir", .text), LessonField("snapshot-every", .integer),
        LessonField("keep-snapshots", .integer), LessonField("snapshot-on-exit", .flag), LessonField("headless", .flag),
        LessonField("paused", .flag), LessonField("ascii", .flag), LessonField("no-color", .flag),
    ]

    /// The field called `name`, if it is one.
    public static func named(_ name: String) -> LessonField? { all.first { $0.name == name } }

    /// The flag arguments `value` stands for (`["--lr=0.3"]`); `null` and `false` stand for none
    /// (the flag's default). The error is the reason only (`must be a number, not a string`).
    public func arguments(for value: JSONValue) -> Result<[String], LessonFieldError> {
        let flag = "--" + name
        if value == .null { return .success([]) }
        // `--lr=0.3` (so a value starting with '-' is not taken for a flag), but `--hidden ""`:
        // the parser reads `--hidden=` as a missing value.
        func option(_ text: String) -> [String] { text.isEmpty ? [flag, ""] : ["\(flag)=\(text)"] }
        func wrong(_ expected: String) -> Result<[String], LessonFieldError> {
            .failure(LessonFieldError("must be \(expected), not \(value.kindName)"))
        }
        switch (kind, value) {
        case (.text, .string(let text)):
            return .success(option(text))
        case (.text, _):
            return wrong("a string")
        case (.number, .number(let text)):
            return .success(option(text))
        case (.number, _):
            return wrong("a number")
        case (.integer, .number(let text)):
            guard text.allSatisfy({ $0.isNumber || $0 == "-" }) else {
                return .failure(LessonFieldError("must be a whole number, not \(text)"))
            }
            return .success(option(text))
        case (.integer, _):
            return wrong("a whole number")
        case (.flag, .bool(let on)):
            return .success(on ? [flag] : [])
        case (.flag, _):
            return wrong("true or false")
        case (.sizes, .string(let text)), (.list, .string(let text)):
            return .success(option(text))
        case (.sizes, .array(let items)):
            var sizes: [String] = []
            for item in items {
                guard case .number(let text) = item, text.allSatisfy(\.isNumber) else {
                    let shown = if case .number(let text) = item { text } else { item.kindName }
                    return .failure(LessonFieldError("must be an array of layer sizes (whole numbers), not one with \(shown)"))
                }
                sizes.append(text)
            }
            return .success(option(sizes.joined(separator: ",")))
        case (.sizes, _):
            return wrong("an array of layer sizes or a string like \"16,16\"")
        case (.list, .array(let items)):
            var names: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    return .failure(LessonFieldError("must be an array of strings, not one with \(item.kindName)"))
                }
                names.append(text)
            }
            return .success(option(names.joined(separator: ",")))
        case (.list, _):
            return wrong("an array of strings or a comma-separated string")
        case (.batch, .number(let text)), (.batch, .string(let text)):
            return .success(option(text))
        case (.batch, _):
            return wrong("a whole number or \"full\"")
        }
    }
}

/// Why a field's value was refused (the reason only; the caller names file and field).
public struct LessonFieldError: Error, Equatable {
    /// What is wrong, one short phrase (`must be a number, not a string`).
    public var reason: String
    /// The error saying `reason`.
    public init(_ reason: String) { self.reason = reason }
}
