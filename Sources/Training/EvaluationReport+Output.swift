import Datasets
import MLPEngine

extension EvaluationReport {
    /// `mlptop.eval/v1`:
    /// `{"format": "mlptop.eval/v1", "task": "classification", "samples": n, "loss": …,
    /// "accuracy": …, "classes": [...], "confusion": [[…]], "per_class": [{"precision": …,
    /// "recall": …, "f1": …, "support": …}]}`; without labels only format, task, samples and
    /// classes. `confusion` rows are true classes, columns predicted ones; a loss too large for a
    /// Double is `null`.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string("mlptop.eval/v1")), ("task", .string("classification")), ("samples", .number(samples)),
        ]
        if let meanLoss, let accuracy {
            members += [("loss", .measurement(meanLoss)), ("accuracy", .number(accuracy))]
        }
        members.append(("classes", classes.json ?? .array(classes.allNames.indices.map { .number($0) })))
        if let confusion {
            members.append(("confusion", confusion.json))
            members.append(("per_class", .array(confusion.perClass.map { scores in
                .object([("precision", .number(scores.precision)), ("recall", .number(scores.recall)),
                         ("f1", .number(scores.f1)), ("support", .number(scores.support))])
            })))
        }
        return .object(members)
    }

    /// The report to read: the loss and accuracy (shortest round-trip digits), the confusion
    /// matrix and the per-class scores; without labels, a line saying there are only predictions.
    public func text(dataPath: String, modelPath: String, architecture: String) -> String {
        var lines = ["\(dataPath): \(samples) samples; model \(modelPath) (\(architecture), \(loss.rawValue)); "
                     + "classes \(classes.shortList)"]
        if let meanLoss, let confusion {
            let right = (0..<classes.count).reduce(0) { $0 + confusion.count(true: $1, predicted: $1) }
            let percent = (confusion.accuracy * 1000).rounded() / 10
            lines.append("loss \(meanLoss)  accuracy \(confusion.accuracy) (\(right) of \(samples) right, \(percent)%)")
            lines += ["", "confusion matrix (rows: true class, columns: predicted)"] + confusion.tableLines
            lines += [""] + confusion.scoreLines
        } else {
            lines.append("no label column: predictions only")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The predictions as CSV: `row` (0-based, as `inspect --sample`), the true `label` when the
    /// data has one, `p(<class>)` for each class (`output(<class>)` for an `mse` model), and the
    /// `predicted` class name; numbers in shortest round-trip form.
    public var predictionsCSV: String {
        let k = classes.count
        let prefix = loss == .mse ? "output" : "p"
        var header = ["row"] + (labels == nil ? [] : ["label"])
        header += classes.allNames.map { CSVDatasetWriter.cell("\(prefix)(\($0))") }
        header.append("predicted")
        var text = header.joined(separator: ",") + "\n"
        for s in 0..<samples {
            var cells = [String(s)]
            if let labels { cells.append(CSVDatasetWriter.cell(classes.name(of: labels[s]))) }
            cells += probabilities[(s * k)..<((s + 1) * k)].map(\.description)
            cells.append(CSVDatasetWriter.cell(classes.name(of: predicted[s])))
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }
}
