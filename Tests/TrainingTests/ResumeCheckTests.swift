import Foundation
import MLPEngine
import Testing
@testable import Training

/// A snapshot's files must agree with each other before a run resumes from them: whatever is
/// wrong is a bad snapshot (status 65) naming the file, never a usage error or a run that quietly
/// trains something else.
@Suite(.serialized)
struct ResumeCheckTests {
    /// This test's folder (each test has its own instance), removed after it.
    let scratch: SnapshotTests.Scratch
    init() throws { scratch = try SnapshotTests.Scratch() }

    /// A snapshot of a moons run (Adam, hidden [8]) at epoch 6, written under the scratch folder.
    func snapshot() throws -> String {
        let (prepared, checkpoint) = try SnapshotTests.trained(epochs: 6)
        return try SnapshotWriter.write(checkpoint, run: prepared, screen: nil, under: scratch.path,
                                        runStarted: SnapshotTests.started)
    }

    /// `value` with the member at `path` (object keys) set to `replacement`.
    static func replacing(_ path: ArraySlice<String>, in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard let key = path.first, case .object(var members) = value else { return replacement }
        if let i = members.firstIndex(where: { $0.key == key }) {
            members[i].value = replacing(path.dropFirst(), in: members[i].value, with: replacement)
        } else {
            members.append((key, replacing(path.dropFirst(), in: .object([]), with: replacement)))
        }
        return .object(members)
    }

    /// Rewrites the JSON file at `path` with the member at `keys` set to `replacement`.
    static func edit(_ path: String, _ keys: [String], _ replacement: JSONValue) throws {
        let json = try JSONParser.parse(String(contentsOfFile: path, encoding: .utf8))
        try FileIO.writeAtomically(replacing(keys[...], in: json, with: replacement).formatted() + "\n", to: path)
    }

    static func resumeError(_ folder: String, epochs: Int? = nil) throws -> RunSetupError {
        try #require(throws: RunSetupError.self) { try SnapshotReader.resume(folder, epochs: epochs, threads: 1) }
    }

    @Test func aFeatureTheDataLacksIsRunJSONsFaultNotAFlags() throws {
        let folder = try snapshot()
        try Self.edit(folder + "/run.json", ["configuration", "features"], .array([.string("x1"), .string("bogus")]))
        let error = try Self.resumeError(folder)
        #expect(error.exitStatus == 65)
        #expect(error.description.hasPrefix(folder + "/run.json: configuration: --features: unknown feature \"bogus\""),
                "\(error)")
    }

    @Test func aBadEpochsOrThreadsOverrideIsStillAUsageError() throws {
        let folder = try snapshot()
        #expect(throws: RunSetupError("--threads must be between 1 and 256, not 0", exitStatus: 64)) {
            try SnapshotReader.resume(folder, epochs: nil, threads: 0)
        }
        #expect(throws: RunSetupError("--epochs must be 0 (until stopped) or more, not -1", exitStatus: 64)) {
            try SnapshotReader.resume(folder, epochs: -1, threads: 1)
        }
    }

    @Test(arguments: [999, 7, 5, -5])
    func theResumeEpochMustBeModelJSONs(epoch: Int) throws {
        let folder = try snapshot()
        try Self.edit(folder + "/run.json", ["resume", "epoch"], .number(epoch))
        #expect(try Self.resumeError(folder, epochs: 30) == RunSetupError(
            "\(folder)/run.json: the resume epoch \(epoch) does not match \(folder)/model.json, which is at epoch 6",
            exitStatus: 65))
    }

    @Test func withoutAnEpochInTheModelTheResumeEpochMustStillNotBeNegative() throws {
        let folder = try snapshot()
        var model = try FileIO.readModel(folder + "/model.json")
        model.metadata.removeAll { $0.key == "epoch" }
        try FileIO.writeAtomically(model.encoded(), to: folder + "/model.json")
        #expect(try SnapshotReader.resume(folder, epochs: nil, threads: 1).startEpoch == 6)
        try Self.edit(folder + "/run.json", ["resume", "epoch"], .number(-5))
        #expect(try Self.resumeError(folder) == RunSetupError("\(folder)/run.json: the resume epoch -5 is negative",
                                                               exitStatus: 65))
    }

    @Test(arguments: [JSONValue.number(-3), .number("2.5"), .string("6")])
    func aModelsEpochMustBeAWholeNumberNotBelowZero(epoch: JSONValue) throws {
        let folder = try snapshot()
        try Self.edit(folder + "/model.json", ["epoch"], epoch)
        #expect(try Self.resumeError(folder) == RunSetupError(
            "\(folder)/model.json: \"epoch\" must be a whole number of epochs, 0 or more", exitStatus: 65))
        var c = RunConfiguration()
        c.dataset = "moons"
        c.initFrom = folder + "/model.json"
        #expect(throws: RunSetupError("\(folder)/model.json: \"epoch\" must be a whole number of epochs, 0 or more",
                                      exitStatus: 65)) { try c.prepare() }
    }

    /// Puts `network` in the snapshot's model.json, keeping the metadata.
    static func replaceNetwork(in folder: String, with network: Network) throws {
        var model = try FileIO.readModel(folder + "/model.json")
        model.network = network
        try FileIO.writeAtomically(model.encoded(), to: folder + "/model.json")
    }

    @Test func aModelOfOtherLayersThanRunJSONBuildsIsRefused() throws {
        let folder = try snapshot()
        try Self.replaceNetwork(in: folder, with: Network(sizes: [2, 3002, 1], hidden: .tanh, output: .sigmoid,
                                                          loss: .bce, seed: 1))
        #expect(try Self.resumeError(folder) == RunSetupError(
            "\(folder)/model.json: the model has layer sizes 2-3002-1, but \(folder)/run.json builds 2-8-1", exitStatus: 65))
        try Self.replaceNetwork(in: folder, with: Network(sizes: [2, 8, 1], hidden: .relu, output: .sigmoid,
                                                          loss: .bce, seed: 1))
        #expect(try Self.resumeError(folder) == RunSetupError(
            "\(folder)/model.json: the model has activations relu,sigmoid, but \(folder)/run.json builds tanh,sigmoid",
            exitStatus: 65))
        try Self.replaceNetwork(in: folder, with: Network(sizes: [2, 8, 1], hidden: .tanh, output: .sigmoid,
                                                          loss: .mse, seed: 1))
        #expect(try Self.resumeError(folder) == RunSetupError(
            "\(folder)/model.json: the model has loss mse, but \(folder)/run.json builds bce", exitStatus: 65))
    }

    @Test func aRunStartedFromAModelFileKeepsThatFilesLayers() throws {
        let folder = try snapshot()
        // Resumed, the run still says its network was built from the configuration.
        #expect(try SnapshotReader.resume(folder, epochs: nil, threads: 1).configuration.initFrom == nil)
        // --init-from takes the layers from the file, whatever --hidden said.
        try Self.edit(folder + "/run.json", ["configuration", "hidden"], .array([.number(16), .number(16)]))
        try Self.edit(folder + "/run.json", ["configuration", "init_from"], .string("/elsewhere/model.json"))
        let resumed = try SnapshotReader.resume(folder, epochs: nil, threads: 1)
        #expect(resumed.network.sizes == [2, 8, 1])
        #expect(resumed.configuration.initFrom == "/elsewhere/model.json")
    }

    @Test func optimizerJSONMustAgreeWithRunJSONAndModelJSON() throws {
        let folder = try snapshot()
        let path = folder + "/optimizer.json"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        func expectRefused(_ keys: [String], _ value: JSONValue, in file: String = path, _ message: String) throws {
            let saved = try String(contentsOfFile: file, encoding: .utf8)
            try Self.edit(file, keys, value)
            #expect(try Self.resumeError(folder) == RunSetupError(message, exitStatus: 65))
            try FileIO.writeAtomically(saved, to: file)
        }
        let invalid = "\(path): not a valid mlptop.optimizer/v1 file (format, a step count from 0 to 2^53, finite moments)"
        try expectRefused(["step"], .number(-3), invalid)
        try expectRefused(["second_moment"], .array([.number(-1.0)]), invalid)
        try expectRefused(["first_moment"], .array([.number(0.5)]), "\(path): optimiser state has 1+33 numbers, expected 33+33")
        try expectRefused(["kind"], .string("sgd"),
                          "\(path): kind sgd does not match the adam optimiser of \(folder)/run.json")
        try expectRefused(["kind"], .string("bogus"),
                          "\(path): kind bogus does not match the adam optimiser of \(folder)/run.json")
        try expectRefused(["step"], .number(9),
                          "\(path): step 9 does not match the step 6 of \"optimizer_step\" in \(folder)/run.json")
        try expectRefused(["resume", "optimizer_step"], .number(4), in: folder + "/run.json",
                          "\(path): step 6 does not match the step 4 of \"optimizer_step\" in \(folder)/run.json")
        try expectRefused(["optimizer_state", "step"], .number(9), in: folder + "/model.json",
                          "\(path): step 6 does not match the step 9 of \"optimizer_state\" in \(folder)/model.json")
        try expectRefused(["learning_rate"], .number(0.5), "\(path): learning_rate 0.5 does not match the learning_rate "
                          + "0.02 of \"resume\" in \(folder)/run.json")
        // Put back as it was, the snapshot resumes.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(try SnapshotReader.resume(folder, epochs: nil, threads: 1).optimizer.step == 6)
    }

    @Test func epochsBelowTheSnapshotsEpochIsAUsageError() throws {
        let folder = try snapshot()
        #expect(try Self.resumeError(folder, epochs: 3) == RunSetupError("--epochs 3 is below the snapshot's epoch 6",
                                                                         exitStatus: 64))
        #expect(try SnapshotReader.resume(folder, epochs: 6, threads: 1).configuration.epochs == 6)
        #expect(try SnapshotReader.resume(folder, epochs: 0, threads: 1).configuration.epochs == 0)
        // A saved total the run has passed (a monitored run stepped on past its end) is a run that is done.
        try Self.edit(folder + "/run.json", ["configuration", "epochs"], .number(2))
        let resumed = try SnapshotReader.resume(folder, epochs: nil, threads: 1)
        #expect(resumed.configuration.epochs == 2 && resumed.startEpoch == 6)
    }

    @Test func epochsBelowAnInitModelsEpochIsAUsageError() throws {
        let folder = try snapshot()
        var c = RunConfiguration()
        c.dataset = "moons"
        c.initFrom = folder + "/model.json"
        c.epochs = 5
        #expect(throws: RunSetupError("--epochs 5 is below the epoch 6 of the model in \(folder)/model.json", exitStatus: 64)) {
            try c.prepare()
        }
        c.epochs = 6
        #expect(try c.prepare().startEpoch == 6)
        c.epochs = 0
        #expect(try c.prepare().startEpoch == 6)
    }
}
