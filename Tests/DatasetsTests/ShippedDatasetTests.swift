import Datasets
import Foundation
import Testing

/// The CSVs in `datasets/` load with the strict reader and are exactly what the commands in
/// `datasets/README.md` make.
@Suite("Shipped data sets")
struct ShippedDatasetTests {
    struct Command: Sendable, CustomTestStringConvertible {
        let generator: BuiltInDataset
        let count: Int
        let noise: Double
        let seed: UInt64
        let output: String
        var testDescription: String { output }
    }

    /// Every `mlptop dataset …` command line in the README's table.
    static func readmeCommands() throws -> [Command] {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("datasets/README.md"), encoding: .utf8)
        return readme.split(separator: "\n").compactMap { line -> Command? in
            guard let start = line.range(of: "`mlptop dataset ") else { return nil }
            let words = line[start.upperBound...].prefix { $0 != "`" }.split(separator: " ").map(String.init)
            guard words.count == 9, let generator = BuiltInDataset.named(words[0]),
                  words[1] == "--n", let count = Int(words[2]), words[3] == "--noise", let noise = Double(words[4]),
                  words[5] == "--seed", let seed = UInt64(words[6]), words[7] == "-o" else { return nil }
            return Command(generator: generator, count: count, noise: noise, seed: seed, output: words[8])
        }
    }

    @Test func readmeHasOneCommandPerGenerator() throws {
        let commands = try Self.readmeCommands()
        #expect(commands.map(\.generator) == BuiltInDataset.allCases)
        #expect(commands.allSatisfy { $0.output == "datasets/\($0.generator.name).csv" })
        #expect(commands.allSatisfy { $0.count == $0.generator.defaultCount && $0.noise == $0.generator.defaultNoise })
    }

    @Test("matches its README command", arguments: try readmeCommands())
    func matchesItsCommand(command: Command) throws {
        let path = repositoryRoot.appendingPathComponent(command.output).path
        let shipped = try CSVDatasetReader.read(path: path)
        let regenerated = command.generator.generate(count: command.count, noise: command.noise, seed: command.seed)
        #expect(shipped.features.map(\.bitPattern) == regenerated.features.map(\.bitPattern))
        #expect(shipped.labels == regenerated.labels)
        #expect(shipped.classCount == command.generator.classCount)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes == Data(CSVDatasetWriter.text(of: regenerated).utf8))
    }

    @Test func loaderResolvesNamesAndPaths() throws {
        let generated = try DatasetLoader.load("Moons", seed: 1)
        #expect(generated == BuiltInDataset.moons.generate(count: 400, noise: 0.1, seed: 1))
        let path = repositoryRoot.appendingPathComponent("datasets/moons.csv").path
        let read = try DatasetLoader.load(path, seed: 99)
        #expect(read.name == "moons.csv" && read.features == generated.features)
        // A bare word that is neither is probably a misspelt name: the error lists the built-in ones.
        #expect(throws: DatasetError.cannotOpen(file: "no-such-set", reason: "no such file, and no built-in data set of that "
                                                + "name (xor, circle, gauss, spiral, spiral3, moons, plane, multigauss)")) {
            try DatasetLoader.load("no-such-set", seed: 1)
        }
        #expect(throws: DatasetError.cannotOpen(file: "/no/such.csv", reason: "no such file")) {
            try DatasetLoader.load("/no/such.csv", seed: 1)
        }
    }
}
