import Datasets
import Foundation

extension ConfusionMatrix {
    /// The matrix as a table to read, class names heading rows and columns (cut to 16 characters):
    /// ```
    /// true \ predicted  setosa  versicolor  virginica
    /// setosa                10           0          0
    /// ```
    public var tableLines: [String] {
        let names = classes.allNames.map { $0.count > 16 ? String($0.prefix(15)) + "…" : $0 }
        let corner = "true \\ predicted"
        let firstWidth = max(corner.count, names.map(\.count).max() ?? 0)
        let widths = names.enumerated().map { c, name in
            max(name.count, (0..<classes.count).map { String(count(true: $0, predicted: c)).count }.max() ?? 1)
        }
        func pad(_ text: String, _ width: Int, left: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + fill : fill + text
        }
        var lines = [([pad(corner, firstWidth, left: true)] + zip(names, widths).map { pad($0, $1, left: false) })
            .joined(separator: "  ")]
        for t in 0..<classes.count {
            let cells = widths.enumerated().map { p, width in pad(String(count(true: t, predicted: p)), width, left: false) }
            lines.append(([pad(names[t], firstWidth, left: true)] + cells).joined(separator: "  "))
        }
        return lines
    }

    /// Per-class precision, recall, F1 (3 decimals) and support as a table to read.
    public var scoreLines: [String] {
        let names = classes.allNames.map { $0.count > 16 ? String($0.prefix(15)) + "…" : $0 }
        let width = max(5, names.map(\.count).max() ?? 0)
        func left(_ text: String) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines = [left("class") + "  precision  recall     f1  support"]
        for (name, scores) in zip(names, perClass) {
            lines.append(left(name) + String(format: "  %9.3f  %6.3f  %5.3f  %7d", scores.precision, scores.recall,
                                             scores.f1, scores.support))
        }
        return lines
    }

    /// CSV rows for the set called `set` (`train`, `test`): one per true class, the class name then
    /// the count of each predicted class. `csvHeader` is the matching header.
    public func csvRows(set: String) -> [String] {
        (0..<classes.count).map { t in
            ([set, CSVDatasetWriter.cell(classes.name(of: t))] + (0..<classes.count).map { String(count(true: t, predicted: $0)) })
                .joined(separator: ",")
        }
    }

    /// `set,true_class,<predicted class names…>`.
    public var csvHeader: String {
        (["set", "true_class"] + classes.allNames.map(CSVDatasetWriter.cell)).joined(separator: ",")
    }
}
