import Datasets
import MLPEngine
import Testing
import Training

/// `ModelInputTransform` feeds a saved model the inputs its training saw: the stored features and
/// standardisation, bit for bit as `RunConfiguration.prepare` applied them.
@Suite struct ModelInputTransformTests {
    /// A run on moons with computed features and standardisation, and no test split.
    static func preparedRun() throws -> PreparedRun {
        var configuration = RunConfiguration()
        configuration.dataset = "moons"
        configuration.sampleCount = 80
        configuration.features = ["x1", "x2", "x1*x2", "sin(x2)"]
        configuration.standardize = true
        configuration.hiddenSizes = [3]
        configuration.testFraction = 0
        return try configuration.prepare()
    }

    @Test func aSavedModelsTransformGivesTheTrainingSetBitForBit() throws {
        let run = try Self.preparedRun()
        let file = run.modelFile(network: run.network, epoch: 0)
        let transform = try ModelInputTransform(model: file, path: "m.json", dataPath: "d.csv",
                                                rawFeatureCount: run.rawData.featureCount)
        #expect(transform.featureMap == run.featureMap)
        #expect(transform.standardizer == run.standardizer)
        let inputs = try ModelInputTransform.networkData(model: file, modelPath: "m.json", dataset: run.rawData,
                                                         dataPath: "d.csv")
        #expect(inputs.features == run.trainingSet.features)
        #expect(inputs.labels == run.trainingSet.labels)
        #expect(transform.transform(point: [0.5, -0.25]) == run.networkInput([0.5, -0.25]))
    }

    @Test func aModelWithoutMetadataTakesTheColumnsAsTheyAre() throws {
        let network = try Network(sizes: [2, 1], activations: [.sigmoid], loss: .bce)
        let data = Dataset(name: "d", featureNames: ["a", "b"], features: [1, 2, 3, 4], labels: [0, 1], classCount: 2)
        let inputs = try ModelInputTransform.networkData(model: ModelFile(network: network), modelPath: "m.json",
                                                         dataset: data, dataPath: "d.csv")
        #expect(inputs.features == [1, 2, 3, 4])
    }

    static func failure(_ metadata: [(key: String, value: JSONValue)], sizes: [Int] = [2, 1], columns: Int = 2,
                        classes: Int = 2) throws -> RunSetupError? {
        let outputs = sizes.last!
        let network = try Network(sizes: sizes, activations: Array(repeating: .tanh, count: sizes.count - 2)
                                  + [outputs == 1 ? .sigmoid : .softmax], loss: outputs == 1 ? .bce : .softmaxCrossEntropy)
        let data = Dataset(name: "d", featureNames: (0..<columns).map { "c\($0)" },
                           features: Array(repeating: 0.5, count: columns * classes), labels: Array(0..<classes),
                           classCount: classes)
        do {
            _ = try ModelInputTransform.networkData(model: ModelFile(network: network, metadata: metadata),
                                                    modelPath: "m.json", dataset: data, dataPath: "d.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test func dataOrMetadataThatDoNotFitAreStatus65NamingTheFiles() throws {
        #expect(try Self.failure([], columns: 3)
                == RunSetupError("m.json: the model takes 2 inputs but d.csv has 3 feature columns", exitStatus: 65))
        #expect(try Self.failure([("features", .array([.string("x1"), .string("x3")]))])
                == RunSetupError("m.json: \"features\": feature \"x3\" needs 3 input columns, the data has 2", exitStatus: 65))
        #expect(try Self.failure([("features", .array([.string("x1"), .string("x2"), .string("x1*x2")]))])
                == RunSetupError("m.json: the model takes 2 inputs but its \"features\" give 3", exitStatus: 65))
        #expect(try Self.failure([("features", .string("x1,x2"))])
                == RunSetupError("m.json: \"features\" must be an array of feature names", exitStatus: 65))
        let short: JSONValue = .object([("means", .array([.number(0.0)])), ("deviations", .array([.number(1.0)]))])
        #expect(try Self.failure([("standardize", short)])
                == RunSetupError("m.json: \"standardize\" must hold \"means\" and \"deviations\", 2 numbers each",
                                 exitStatus: 65))
        let zero: JSONValue = .object([("means", .array([.number(0.0), .number(0.0)])),
                                       ("deviations", .array([.number(1.0), .number(0.0)]))])
        #expect(try Self.failure([("standardize", zero)])
                == RunSetupError("m.json: \"standardize\": means must be finite numbers and deviations finite numbers "
                                 + "above 0", exitStatus: 65))
        let names: JSONValue = .array([.string("x1"), .string("x2")])
        #expect(try Self.failure([("input_names", names), ("features", .array([.string("x1"), .string("x1*x2")]))],
                                 columns: 3)
                == RunSetupError("m.json: the model was trained on 2 input columns (x1, x2) but d.csv has 3", exitStatus: 65))
        #expect(try Self.failure([], sizes: [2, 3], classes: 2)
                == RunSetupError("m.json: the model predicts 3 classes but d.csv has 2", exitStatus: 65))
    }
}
