import ArgumentParser
import Foundation

extension MLPTop {
    /// The commands a user sees in `mlptop --help`, the ones a misspelt command is matched against.
    static var visibleCommands: [String] {
        configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
    }

    /// A first argument that is no command, as one line with the nearest command (within two
    /// edits) suggested, e.g. `Unknown command 'trian'. Did you mean 'train'?`; nil when the first
    /// argument is a flag or a command. (`train`, the default command, takes no positional
    /// arguments, so a bare word first is always a misspelt or unknown command.)
    static func unknownCommand(in arguments: [String]) -> ReportedFailure? {
        guard let word = arguments.first, !word.hasPrefix("-") else { return nil }
        let known = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !known.contains(word) else { return nil }
        let list = "commands: " + visibleCommands.joined(separator: ", ")
        let nearest = visibleCommands.map { (name: $0, distance: editDistance(word.lowercased(), $0)) }
            .filter { $0.distance <= 2 }.min { $0.distance < $1.distance }
        if let nearest {
            return ReportedFailure(message: "Unknown command '\(word)'. Did you mean '\(nearest.name)'? (\(list))", exitStatus: 64)
        }
        return ReportedFailure(message: "Unknown command '\(word)' (\(list); see 'mlptop --help')", exitStatus: 64)
    }

    /// Levenshtein distance between two short words. O(a × b).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Reports a parsing or validation error as one line on stderr (`mlptop: Unknown option
    /// '--lrr'. Did you mean '--lr'? (see 'mlptop train --help')`) and returns its status (64 for
    /// usage errors). Help and version requests print as ArgumentParser prints them, and exit.
    static func report(_ error: any Error) -> Int32 {
        let code = exitCode(for: error)
        guard code != .success else { exit(withError: error) }
        // A misspelt required flag is reported by ArgumentParser as missing; name the misspelling.
        if message(for: error).hasPrefix("Missing expected argument"),
           let misspelt = misspeltFlag(in: Array(CommandLine.arguments.dropFirst())) {
            return misspelt.report()
        }
        var line = message(for: error).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        let full = fullMessage(for: error)
        if let start = full.range(of: "See '"), let end = full[start.upperBound...].firstIndex(of: "'") {
            line += " (see '\(full[start.upperBound..<end])')"
        }
        return ReportedFailure(message: line, exitStatus: code.rawValue).report()
    }

    /// The first `--flag` in `arguments` that the command (the first argument, or the default
    /// `train`) does not take, as `Unknown option '--modle'. Did you mean '--model'?` when one of
    /// its flags is within two edits; nil when every flag is known or none is near.
    static func misspeltFlag(in arguments: [String]) -> ReportedFailure? {
        let command = configuration.subcommands.first { $0._commandName == arguments.first }
        let name = command?._commandName ?? "train"
        let help = (command ?? TrainCommand.self).helpMessage(columns: 200)
        var known = Set<String>()
        for word in help.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "[" || $0 == "(" }) where word.hasPrefix("--") {
            known.insert(String(word.prefix { $0 == "-" || $0.isLetter || $0.isNumber }))
        }
        for argument in arguments where argument.hasPrefix("--") && argument.count > 2 {
            let flag = String(argument.split(separator: "=", maxSplits: 1)[0])
            guard !known.contains(flag) else { continue }
            let nearest = known.map { (name: $0, distance: editDistance(flag, $0)) }.filter { $0.distance <= 2 }
                .min { ($0.distance, $0.name) < ($1.distance, $1.name) }
            guard let nearest else { continue }
            return ReportedFailure(message: "Unknown option '\(flag)'. Did you mean '\(nearest.name)'? (see 'mlptop \(name) --help')",
                                   exitStatus: 64)
        }
        return nil
    }
}
