import ArgumentParser
import Datasets
import Foundation

/// `mlptop dataset NAME`: generates a built-in data set and writes it as CSV.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Write a built-in data set as CSV (header x1,x2,label).",
        discussion: "Data sets:\n" + BuiltInDataset.allCases.map { generator in
            "  \(generator.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(generator.summary)\n"
                + "           defaults: --n \(generator.defaultCount) --noise \(generator.defaultNoise)"
        }.joined(separator: "\n")
    )

    @Argument(help: "The data set: \(BuiltInDataset.namesList).")
    var name: String

    @Option(name: .customLong("n"), help: "The number of samples (default: the data set's own).")
    var count: Int?

    @Option(help: "The noise level (default: the data set's own; see datasets/README.md).")
    var noise: Double?

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(name: [.customShort("o"), .customLong("output")], help: "The file to write (default: standard output).")
    var output: String?

    func validate() throws {
        guard BuiltInDataset.named(name) != nil else {
            throw ValidationError("unknown data set \"\(name)\"; choose one of: \(BuiltInDataset.namesList)")
        }
        if let count, count < 1 || count > 10_000_000 {
            throw ValidationError("--n must be between 1 and 10000000, not \(count)")
        }
        if let noise, !(noise >= 0 && noise <= 100) {
            throw ValidationError("--noise must be between 0 and 100, not \(noise)")
        }
    }

    func run() throws {
        let generator = BuiltInDataset.named(name)!
        let dataset = generator.generate(count: count ?? generator.defaultCount,
                                         noise: noise ?? generator.defaultNoise, seed: seed)
        guard let output else {
            StandardStreams.raw(CSVDatasetWriter.text(of: dataset))
            return
        }
        do {
            try CSVDatasetWriter.write(dataset, toPath: output)
        } catch {
            StandardStreams.error("mlptop: \(error)")
            throw ExitCode(error.exitStatus)
        }
    }
}
