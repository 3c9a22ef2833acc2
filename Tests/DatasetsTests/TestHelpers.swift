import Datasets
import Foundation

/// FNV-1a over the bit patterns of every feature and every label: a data set's fingerprint.
func fingerprint(_ dataset: Dataset) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ word: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            hash ^= (word >> UInt64(shift)) & 0xFF
            hash = hash &* 0x0000_0100_0000_01B3
        }
    }
    dataset.features.forEach { mix($0.bitPattern) }
    dataset.labels.forEach { mix(UInt64($0)) }
    return hash
}

/// Reads CSV text through the in-memory entry point, as file `bad.csv`.
func readCSV(_ text: String, name: String = "bad.csv") -> Result<Dataset, DatasetError> {
    readCSV(bytes: Array(text.utf8), name: name)
}

/// Reads CSV bytes through the in-memory entry point.
func readCSV(bytes: [UInt8], name: String = "bad.csv") -> Result<Dataset, DatasetError> {
    do throws(DatasetError) {
        return .success(try CSVDatasetReader.read(bytes: bytes, name: name))
    } catch {
        return .failure(error)
    }
}

/// The error message of a failed read, or a note that it succeeded.
func message(_ result: Result<Dataset, DatasetError>) -> String {
    switch result {
    case .success(let dataset): "read \(dataset.count) rows"
    case .failure(let error): error.description
    }
}

/// A fresh empty temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("mlptop-datasets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository's root folder, found from this source file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
