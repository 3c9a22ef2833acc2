import Datasets
import MLPEngine
import Testing
@testable import Training

@Suite("Confusion matrix")
struct ConfusionMatrixTests {
    static let classes = ClassNames.names(["cat", "dog", "a, b"])

    /// 3 cats (2 right, 1 as dog), 2 dogs (right), 1 "a, b" (as cat).
    static let matrix = ConfusionMatrix(classes: classes, labels: [0, 0, 0, 1, 1, 2], predicted: [0, 0, 1, 1, 1, 0])

    @Test func countsRowsTrueColumnsPredicted() {
        #expect(Self.matrix.counts == [2, 1, 0, 0, 2, 0, 1, 0, 0])
        #expect(Self.matrix.total == 6)
        #expect(Self.matrix.accuracy == 4.0 / 6)
        #expect(Self.matrix.json == .array([.array([.number(2), .number(1), .number(0)]),
                                            .array([.number(0), .number(2), .number(0)]),
                                            .array([.number(1), .number(0), .number(0)])]))
    }

    @Test func precisionRecallAndF1ByHand() {
        let scores = Self.matrix.perClass
        // cat: predicted 3 times, 2 right; 3 cats, 2 found.
        #expect(scores[0] == .init(precision: 2.0 / 3, recall: 2.0 / 3, f1: 2 * (2.0 / 3) * (2.0 / 3) / (2.0 / 3 + 2.0 / 3), support: 3))
        // dog: predicted 3 times, 2 right; 2 dogs, both found.
        #expect(scores[1] == .init(precision: 2.0 / 3, recall: 1, f1: 2 * (2.0 / 3) * 1 / (2.0 / 3 + 1), support: 2))
        // "a, b": never predicted, never found: 0, as scikit-learn's zero_division default.
        #expect(scores[2] == .init(precision: 0, recall: 0, f1: 0, support: 1))
    }

    @Test func textAndCSV() {
        #expect(Self.matrix.tableLines == [
            "true \\ predicted  cat  dog  a, b",
            "cat                 2    1     0",
            "dog                 0    2     0",
            "a, b                1    0     0",
        ])
        #expect(Self.matrix.scoreLines[0] == "class  precision  recall     f1  support")
        #expect(Self.matrix.scoreLines[1] == "cat        0.667   0.667  0.667        3")
        #expect(Self.matrix.csvHeader == "set,true_class,cat,dog,\"a, b\"")
        #expect(Self.matrix.csvRows(set: "test") == ["test,cat,2,1,0", "test,dog,0,2,0", "test,\"a, b\",1,0,0"])
    }

    /// The matrix's accuracy is the engine's, for one sigmoid unit and for softmax.
    @Test(arguments: [[2, 5, 1], [2, 5, 3]])
    func accuracyIsTheEngines(sizes: [Int]) throws {
        let k = sizes.last == 1 ? 2 : sizes.last!
        let network = try Network(sizes: sizes, hidden: .tanh, output: k == 2 ? .sigmoid : .softmax,
                                  loss: k == 2 ? .bce : .softmaxCrossEntropy, seed: 4)
        var g = SeededGenerator(seed: 9)
        let features = (0..<200).map { _ in g.nextUniform(-2, 2) }
        let labels = (0..<100).map { $0 % k }
        let data = Dataset(name: "d", featureNames: ["x1", "x2"], features: features, labels: labels, classCount: k)
        let matrix = ConfusionMatrix(network: network, data: data)
        #expect(matrix.accuracy == network.batchGradient(features: features, labels: labels).accuracy)
        #expect(matrix.total == 100)
    }
}
