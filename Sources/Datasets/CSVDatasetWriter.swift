#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLPEngine

/// Writes a data set as the CSV that `CSVDatasetReader` reads back bit for bit.
///
/// A header of the feature names and `label`, then one sample a line (the label as the file that
/// was read wrote it: a class name when it had names), numbers in Swift's
/// shortest round-trip spelling, LF line ends, a final newline; no comments, so a plain
/// "skip one line, split on commas" reader (Python, awk) takes it too. Stateless, thread-safe.
public enum CSVDatasetWriter {
    /// The whole CSV text of `dataset`. O(count × featureCount).
    public static func text(of dataset: Dataset) -> String {
        var text = (dataset.featureNames + ["label"]).map(cell).joined(separator: ",")
        text += "\n"
        text.reserveCapacity(dataset.count * (dataset.featureCount * 20 + 4))
        for row in 0..<dataset.count {
            for column in 0..<dataset.featureCount {
                text += dataset.feature(row, column).description
                text += ","
            }
            text += dataset.isRegression ? RegressionTarget.value(dataset.labels[row]).description
                : dataset.classes.isIndices ? String(dataset.labels[row])
                : cell(dataset.classes.name(of: dataset.labels[row]))
            text += "\n"
        }
        return text
    }

    /// Writes `dataset` to `path` atomically: a temporary file in the same folder, then `rename`.
    /// On failure nothing is left behind and the error says why (exit status 73 or 74).
    public static func write(_ dataset: Dataset, toPath path: String) throws(DatasetError) {
        try writeAtomically(Array(text(of: dataset).utf8), toPath: path)
    }

    /// Writes `bytes` to `path` through a temporary sibling file and `rename`.
    static func writeAtomically(_ bytes: [UInt8], toPath path: String) throws(DatasetError) {
        do {
            try PosixFile.writeAtomically(bytes, to: path)
        } catch {
            switch error {
            case .create(let code):
                throw .cannotCreate(file: path, reason: code == ENOENT ? "no such directory" : DatasetError.reason(errno: code))
            case .write(let code), .rename(let code):
                throw .cannotWrite(file: path, reason: DatasetError.reason(errno: code))
            case .notRegularFile:
                throw .cannotCreate(file: path, reason: "not a regular file")
            }
        }
    }

    /// A header name or class name, quoted when it holds a comma, a quote, or spaces at either end.
    public static func cell(_ name: String) -> String {
        let needsQuotes = name.contains(",") || name.contains("\"") || name.first == " " || name.last == " "
        guard needsQuotes else { return name }
        return "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
