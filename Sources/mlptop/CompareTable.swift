import MLPEngine
import TerminalUI
import Training

/// The table `mlptop compare --headless` prints at the end: one row per run, its varied values
/// first, then how it ended, its final and best losses, accuracies, the target epoch and time.
struct CompareTable {
    let grid: CompareGrid
    let results: [CompareResult]
    /// Whether to show the `target at` column (with `--target-loss`).
    let showsTarget: Bool
    /// Whether the runs are regressions: R² where a classifier's columns show accuracy.
    var regression = false

    /// The header and one line per run, columns separated by two spaces.
    var lines: [String] {
        var header = grid.varied.map(\.key) + ["status", "epochs", "train loss", "best train", "test loss", "best test",
                                               regression ? "train R2" : "train acc", regression ? "test R2" : "test acc"]
        if showsTarget { header.append("target at") }
        header.append("seconds")
        var rows = [header]
        for (run, result) in zip(grid.runs, results) {
            let s = result.summary
            var row = run.settings.map(\.value)
            row += [result.status, String(result.progress.epoch),
                    ProgressLine.loss(s.latest?.trainLoss), Self.best(s.bestTrain),
                    ProgressLine.loss(s.latest?.testLoss), Self.best(s.bestTest),
                    quality(s.latest?.trainAccuracy), quality(s.latest?.testAccuracy)]
            if showsTarget { row.append(s.targetEpoch.map(String.init) ?? "–") }
            row.append(String(format: "%.2f", result.progress.seconds))
            rows.append(row)
        }
        // Numbers right-aligned, words and the varied values left-aligned.
        let numeric = Set(header.indices.filter { $0 >= grid.varied.count + 1 })
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return numeric.contains(column) ? pad + text : text + pad
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
    }

    /// An accuracy as a percentage, or R² to four decimals.
    private func quality(_ value: Double?) -> String {
        regression ? value.map { NumberFormat.score($0, decimals: 4) } ?? "–" : ProgressLine.percent(value)
    }

    /// `0.3456 @187`, or `–`.
    static func best(_ best: RunSummary.Best?) -> String {
        guard let best else { return "–" }
        return "\(ProgressLine.loss(best.loss)) @\(best.epoch)"
    }
}

extension String {
    /// The string without spaces at its end.
    fileprivate func replacingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// `summary.json` of a comparison (`ComparisonFiles.summary`): what varied, and per run its
/// settings, folder, ending, final and best losses, target epoch and time.
struct CompareSummaryFile {
    let grid: CompareGrid
    let results: [CompareResult]
    let folders: [String]
    let targetLoss: Double?

    var json: JSONValue {
        let members = zip(grid.runs, results).map { run, result in
            var divergence: String?
            if case .diverged(let reason) = result.progress.status { divergence = reason.description }
            return ComparisonMember(name: run.name, settings: run.settings, status: result.status, epoch: result.progress.epoch,
                                    summary: result.summary, seconds: result.progress.seconds, divergence: divergence)
        }
        return ComparisonFiles.summary(varied: grid.varied.map(\.key), members: members, folders: folders, targetLoss: targetLoss)
    }
}
