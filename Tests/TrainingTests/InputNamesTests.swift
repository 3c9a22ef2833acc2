import Foundation
import Testing
import TestSupport
@testable import Training

/// The names the weight map and weights.svg give the network's inputs.
struct InputNamesTests {
    /// The CSV header's names, in computed features too (`x1*x2` of columns `age`, `dose`).
    @Test(arguments: [
        (nil, ["age", "dose"]), (["x1", "x2", "x1*x2", "sin(x2)", "x2^2"], ["age", "dose", "age*dose", "sin(dose)", "dose^2"]),
    ] as [([String]?, [String])])
    func inputsAreNamedByTheCSVHeader(features: [String]?, expected: [String]) throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-names")
        let path = scratch.file("data.csv")
        try "age,dose,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n".write(toFile: path, atomically: true, encoding: .utf8)
        var configuration = RunConfiguration()
        configuration.dataset = path
        configuration.features = features
        configuration.testFraction = 0
        #expect(try configuration.prepare().inputNames == expected)
    }
}
