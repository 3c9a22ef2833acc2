import Datasets
import Foundation
import Testing

@Suite("Feature maps")
struct FeatureMapTests {
    @Test func playgroundFeatures() throws {
        let map = try FeatureMap(parsing: "x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)")
        #expect(map.spec == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"])
        #expect(map.transform(point: [2, -3]) == [2, -3, 4, 9, -6, sin(2), sin(-3)])
        #expect(try FeatureMap(spec: map.spec) == map)
    }

    @Test func spacesAndCaseAreIgnored() throws {
        let map = try FeatureMap(parsing: " X1 , sin( x2 ) ,x2 * x1 ")
        #expect(map.spec == ["x1", "sin(x2)", "x2*x1"])
        #expect(map.terms == [.column(0), .sine(1), .product(1, 0)])
    }

    @Test func applyRenamesAndComputes() throws {
        let dataset = Dataset(name: "d", featureNames: ["a", "b"], features: [1, 2, 3, 4], labels: [0, 1], classCount: 2)
        let mapped = try FeatureMap(parsing: "x2^2,x1*x2").apply(to: dataset)
        #expect(mapped == Dataset(name: "d", featureNames: ["x2^2", "x1*x2"], features: [4, 2, 16, 12],
                                  labels: [0, 1], classCount: 2))
    }

    @Test func moreInputColumns() throws {
        let map = try FeatureMap(parsing: "x3,x1*x3", inputCount: 3)
        #expect(map.transform(point: [2, 5, 7]) == [7, 14])
        #expect(FeatureMap.identity(inputCount: 3).spec == ["x1", "x2", "x3"])
    }

    @Test(arguments: [
        ("x1,x3", "feature \"x3\" needs 3 input columns, the data has 2"),
        ("x1,cos(x1)", "unknown feature \"cos(x1)\"; known: x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)"),
        ("x1,x1^3", "unknown feature \"x1^3\"; known: x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)"),
        ("x0", "unknown feature \"x0\"; known: x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)"),
        ("x1,x1", "feature \"x1\" is listed twice"),
        ("x1,,x2", "empty feature name in \"x1,,x2\""),
        ("", "empty feature name in \"\""),
    ])
    func rejects(text: String, expected: String) {
        #expect(throws: FeatureMapError.self) { try FeatureMap(parsing: text) }
        do {
            _ = try FeatureMap(parsing: text)
        } catch {
            #expect(error.description == expected)
            #expect(error.exitStatus == 64)
        }
    }

    @Test func unknownWithMoreColumnsDescribesThePattern() {
        #expect(FeatureMapError.unknown(name: "y", inputCount: 4).description
                == "unknown feature \"y\"; known: xN, xN^2, xN*xM, sin(xN) for N, M in 1...4")
    }
}

@Suite("Standardizer")
struct StandardizerTests {
    @Test func fitsMeanAndDeviation() {
        let dataset = Dataset(name: "d", featureNames: ["a", "b"], features: [1, 5, 3, 5, 5, 5], labels: [0, 1, 0], classCount: 2)
        let standardizer = Standardizer(fitting: dataset)
        #expect(standardizer.means == [3, 5])
        #expect(standardizer.deviations == [(8.0 / 3).squareRoot(), 1])
        let scaled = standardizer.apply(to: dataset)
        #expect(scaled.features[1] == 0 && scaled.features[2] == 0)
        #expect(abs(scaled.features[0] + 1.224744871391589) < 1e-12)
        #expect(standardizer.transform(point: [5, 6]) == [2 / (8.0 / 3).squareRoot(), 1])
        #expect(Standardizer(means: standardizer.means, deviations: standardizer.deviations) == standardizer)
    }

    @Test func valuesTooLargeToStandardiseMakeTheirFeatureUnusable() {
        func fit(_ features: [Double]) -> Standardizer {
            Standardizer(fitting: Dataset(name: "d", featureNames: ["a", "b"], features: features,
                                          labels: Array(repeating: 0, count: features.count / 2), classCount: 2))
        }
        // The sum of the second column overflows: its mean is infinite.
        let hugeMean = fit([0.1, 1e308, 0.3, 1e308, 0.2, 0])
        #expect(hugeMean.means[1] == .infinity)
        #expect(hugeMean.unusableFeature == 1)
        // A mean of 0, but the squared spread overflows: the deviation is infinite (it used to become 1).
        let hugeSpread = fit([1e200, 0.5, -1e200, 0.5])
        #expect(hugeSpread.means == [0, 0.5])
        #expect(hugeSpread.deviations[0] == .infinity)
        #expect(hugeSpread.unusableFeature == 0)
        // Large but representable, and constant, features are fine.
        #expect(fit([1e150, 1, -1e150, 1]).unusableFeature == nil)
        #expect(Standardizer(means: [0, .nan], deviations: [1, 1]).unusableFeature == 1)
        #expect(Standardizer(means: [0, 0], deviations: [1, 0]).unusableFeature == 1)
    }
}
