import ArgumentParser
import Foundation
import Training

/// One `--vary KEY=V1,V2,…`: a setting (a train flag's name without the dashes, or an alias such
/// as `l2`, exactly the keys of the fork prompt) and the values it takes across the grid.
struct VariedSetting: Equatable {
    /// The key as typed.
    var key: String
    /// The train flag it sets (`--weight-decay` for `l2`).
    var flag: String
    var values: [String]

    /// Parses `KEY=V1,V2,…` with `ConfigurationChange`, and checks each value alone as the fork
    /// prompt checks it (same messages); an error names the problem in one line.
    init(parsing spec: String) throws(ReportedFailure) {
        let parsed: (key: ConfigurationChange.Key, values: [String])
        do throws(RunSetupError) { parsed = try ConfigurationChange.parseValues(spec) } catch {
            throw ReportedFailure(message: "--vary \(spec): \(error.description)", exitStatus: 64)
        }
        key = parsed.key.name
        flag = parsed.key.flag
        values = parsed.values
        if parsed.key.isList, values.count == 1, let only = values.first, only.contains(",") {
            // Written as lr's values are: one run with those layers, surely not what was meant.
            let runs = only.split(separator: ",").joined(separator: "/")
            throw ReportedFailure(message: "--vary \(spec) is one run (\(key) \(only)); \(key)'s runs are separated by /, "
                                  + "e.g. --vary \(key)=\(runs)", exitStatus: 64)
        }
        for value in values {
            do throws(RunSetupError) {
                _ = try RunConfiguration().applying(ConfigurationChange(key: key, value: value))
            } catch {
                throw ReportedFailure(message: "--vary \(key)=\(value): \(error.description)", exitStatus: 64)
            }
        }
    }

    /// The train arguments that set this key to `value` (`standardize` is a flag without a value).
    func arguments(_ value: String) throws(ReportedFailure) -> [String] {
        guard key == "standardize" else { return [flag, value] }
        return value == "true" ? [flag] : []
    }
}

/// One run of a comparison: the value each varied key takes in it.
struct GridRun {
    var settings: [(key: String, value: String)]
    /// The train arguments for these settings (after the shared ones).
    var arguments: [String]

    /// `lr=0.1,optimizer=adam`.
    var name: String { settings.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
}

/// Every combination of the `--vary` values, first key slowest, checked for the mistakes that
/// need no training flag parsed.
struct CompareGrid {
    /// More runs than this are refused.
    static let maximumRuns = 64

    let varied: [VariedSetting]
    let runs: [GridRun]

    /// The grid of `specs`; `trainArguments` are the shared train flags (a varied key may not be
    /// among them).
    init(specs: [String], trainArguments: [String]) throws(ReportedFailure) {
        func fail(_ text: String) -> ReportedFailure { ReportedFailure(message: text, exitStatus: 64) }
        guard !specs.isEmpty else { throw fail("compare needs at least one --vary KEY=V1,V2,… (e.g. --vary lr=0.03,0.1,0.3)") }
        var varied: [VariedSetting] = []
        for spec in specs {
            let setting = try VariedSetting(parsing: spec)
            if varied.contains(where: { $0.flag == setting.flag }) { throw fail("--vary \(setting.key) is given twice") }
            let flags = TrainOptions.flags(in: trainArguments)
            if flags.contains(setting.flag) {
                throw fail("\(setting.flag) is both varied (--vary \(spec)) and given as a flag; drop one")
            }
            varied.append(setting)
        }
        let count = varied.reduce(1) { min($0 * $1.values.count, Self.maximumRuns + 1) }
        if count > Self.maximumRuns {
            let sizes = varied.map { String($0.values.count) }.joined(separator: " × ")
            throw fail("--vary makes \(sizes) = \(varied.reduce(1) { $0 * $1.values.count }) runs; at most \(Self.maximumRuns)")
        }
        var runs = [GridRun(settings: [], arguments: [])]
        for setting in varied {
            var next: [GridRun] = []
            for run in runs {
                for value in setting.values {
                    next.append(GridRun(settings: run.settings + [(setting.key, value)],
                                        arguments: run.arguments + (try setting.arguments(value))))
                }
            }
            runs = next
        }
        self.varied = varied
        self.runs = runs
    }

    /// `lr × optimizer`.
    var title: String { varied.map(\.key).joined(separator: " × ") }

    /// One folder name per run, named after what it varies (`ComparisonFiles.folderNames`).
    var folderNames: [String] { ComparisonFiles.folderNames(runs.map(\.name)) }
}

extension CompareGrid {
    /// The train options of every run, each parsed and validated exactly as `mlptop train` would
    /// the same flags. A failure names the varied value that fails alone the same way, or else
    /// the run; one that every run shares through a shared flag is reported as train reports it.
    func options(trainArguments: [String]) throws(ReportedFailure) -> [TrainOptions] {
        func parse(_ extra: [String]) -> Result<TrainOptions, ReportedFailure> {
            let arguments = trainArguments + extra
            do {
                let options = try TrainOptions.parse(arguments)
                try options.validate(given: TrainOptions.flags(in: arguments))
                return .success(options)
            } catch {
                return .failure(ReportedFailure(message: TrainOptions.message(for: error), exitStatus: 64))
            }
        }
        let results = runs.map { parse($0.arguments) }
        let failures = results.enumerated().compactMap { index, result -> (Int, ReportedFailure)? in
            if case .failure(let failure) = result { return (index, failure) }
            return nil
        }
        guard let (index, failure) = failures.first else {
            return results.compactMap { try? $0.get() }
        }
        let run = runs[index]
        // The varied value that fails alone the same way, if one does.
        let blamed = run.settings.first { key, value in
            guard let arguments = try? varied.first(where: { $0.key == key })!.arguments(value),
                  case .failure(let alone) = parse(arguments) else { return false }
            return alone.message == failure.message
        }
        var sharedFails = false
        if case .failure(let shared) = parse([]), shared.message == failure.message { sharedFails = true }
        let everyRunFails = failures.count == runs.count && failures.allSatisfy { $0.1.message == failure.message }
        if let blamed, !sharedFails || !everyRunFails {
            throw ReportedFailure(message: "--vary \(blamed.key)=\(blamed.value): \(failure.message)", exitStatus: 64)
        }
        // A shared flag every run trips over is reported as train reports it.
        if everyRunFails { throw failure }
        throw ReportedFailure(message: "--vary \(run.name): \(failure.message)", exitStatus: 64)
    }
}
