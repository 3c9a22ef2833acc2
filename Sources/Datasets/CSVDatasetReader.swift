#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a labelled data set from CSV, strictly: every problem is an error naming
/// `file:line:column` and the reason, never a crash and never a silent guess.
///
/// The format: a header line of column names (the last column is the label), then one sample a
/// line: feature numbers, then the label: a whole number or a class name, at least two distinct
/// ones, mapped to classes 0..<K by `ClassNames`' rule (names sorted, numbers in numeric order;
/// files labelled 0..K−1 keep their numbers). Accepted as real files have them: a UTF-8
/// byte-order mark, CRLF or LF line ends, spaces around cells, blank lines, quoted cells, a last line with or without a newline.
/// Rejected: an empty file or a header alone, a row with the wrong number of fields, a cell that
/// is not a decimal number, NaN or infinity, a label that is a fraction, labels mixing names and
/// numbers, a single class or more than 1000, NUL bytes or invalid UTF-8 ("not a text file").
///
/// Files stream through a fixed 64 KiB buffer (POSIX `open`/`read`) straight into the feature
/// array: O(file size) time, memory of the data set plus one buffer. Stateless and thread-safe.
public enum CSVDatasetReader {
    /// The size of the read buffer, in bytes.
    public static let chunkSize = 1 << 16

    /// Reads the CSV file at `path`; errors name the file as `path` is spelled.
    public static func read(path: String) throws(DatasetError) -> Dataset {
        try read(path: path, options: CSVReadOptions()).dataset
    }

    /// Reads the CSV file at `path` for a trained model, as `options` say (its classes and input
    /// columns; a file without the label column is allowed then).
    public static func read(path: String, options: CSVReadOptions) throws(DatasetError) -> CSVReadResult {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .cannotOpen(file: path, reason: DatasetError.reason(errno: errno))
        }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var parser = CSVDatasetParser(fileName: path, options: options)
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(file: path, reason: DatasetError.reason(errno: errno))
            }
            if count == 0 { break }
            try parser.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        let dataset = try parser.finish()
        return CSVReadResult(dataset: dataset, hasLabels: parser.hasLabelColumn)
    }

    /// Reads CSV text held in memory; `name` stands for the file name in errors. For tests and
    /// fuzzing, and for data that did not come from a file.
    public static func read(bytes: [UInt8], name: String) throws(DatasetError) -> Dataset {
        try read(bytes: bytes, name: name, options: CSVReadOptions()).dataset
    }

    /// Reads CSV text held in memory for a trained model, as `options` say.
    public static func read(bytes: [UInt8], name: String, options: CSVReadOptions) throws(DatasetError) -> CSVReadResult {
        var parser = CSVDatasetParser(fileName: name, options: options)
        let result = bytes.withUnsafeBytes { raw -> Result<Void, DatasetError> in
            do throws(DatasetError) {
                try parser.consume(raw)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        let dataset = try parser.finish()
        return CSVReadResult(dataset: dataset, hasLabels: parser.hasLabelColumn)
    }
}
