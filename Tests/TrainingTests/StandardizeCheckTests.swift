import Foundation
import MLPEngine
import Testing
@testable import Training

/// --standardize refuses data it cannot standardise, and a model's stored standardisation must be usable.
struct StandardizeCheckTests {
    let scratch: SnapshotTests.Scratch
    init() throws { scratch = try SnapshotTests.Scratch() }

    /// A CSV of six rows, the third of which is `big` in both columns.
    func csv(big: String) throws -> String {
        let path = scratch.path + "/data.csv"
        try "x1,x2,label\n0.1,0.2,0\n0.3,0.5,1\n\(big),\(big),0\n0.5,0.1,1\n0.2,0.9,0\n0.7,0.3,1\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: ["1e308", "-1e200"])
    func dataTooLargeToStandardiseIsRefusedUpFront(big: String) throws {
        var c = RunConfiguration()
        c.dataset = try csv(big: big)
        c.standardize = true
        c.testFraction = 0
        #expect(throws: RunSetupError("\(c.dataset): feature x1: values too large to standardise", exitStatus: 65)) {
            try c.prepare()
        }
        // Without --standardize the same data prepares (training on it is another matter).
        c.standardize = false
        #expect(try c.prepare().standardizer == nil)
    }

    @Test(arguments: [("[0.5, 1e400]", "[1.0, 1.0]"), ("[0.5, 0.5]", "[1.0, 0]")])
    func aModelsStoredStandardisationMustBeUsable(means: String, deviations: String) throws {
        var c = RunConfiguration()
        c.dataset = try csv(big: "0.4")
        c.standardize = true
        let model = scratch.path + "/model.json"
        let prepared = try c.prepare()
        var file = prepared.modelFile(network: prepared.network, epoch: 0)
        file.setMetadata("standardize", .object([("means", .number("0")), ("deviations", .number("0"))]))
        let text = file.encoded().replacingOccurrences(
            of: "\"means\": 0,\n  \"deviations\": 0", with: "\"means\": \(means),\n  \"deviations\": \(deviations)")
        #expect(text.contains(means))
        try FileIO.writeAtomically(text, to: model)
        c.initFrom = model
        #expect(throws: RunSetupError("\(model): \"standardize\": means must be finite numbers and deviations finite "
                                      + "numbers above 0", exitStatus: 65)) { try c.prepare() }
    }
}
