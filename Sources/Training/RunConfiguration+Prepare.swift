import Datasets
import MLPEngine

extension RunConfiguration {
    /// Loads the data, applies features and the split, and builds (or reads) the network.
    public func prepare() throws(RunSetupError) -> PreparedRun {
        try prepareReadingModel().run
    }

    /// `prepare` on data already split into raw training and test sets (an edited data set, or
    /// the one a snapshot's data.csv holds) instead of loading and splitting `dataset`.
    public func prepare(split: (train: Dataset, test: Dataset)) throws(RunSetupError) -> PreparedRun {
        var run = try prepareReadingModel(split: split).run
        run.dataEdited = true
        return run
    }

    /// `prepare`, also returning the model file read from `initFrom` (nil without one), for the
    /// snapshot reader to check the snapshot's files against each other.
    func prepareReadingModel(split given: (train: Dataset, test: Dataset)? = nil) throws(RunSetupError)
        -> (run: PreparedRun, model: ModelFile?) {
        try validate()
        let raw: Dataset
        if let given {
            raw = given.train.appending(given.test)
        } else {
            do {
                raw = try DatasetLoader.load(dataset, count: sampleCount, noise: noise, seed: seed, task: task)
            } catch {
                throw RunSetupError(error.description, exitStatus: error.exitStatus)
            }
        }
        try checkTask(of: raw)
        var model: ModelFile?
        var startEpoch = 0
        if let initFrom {
            do { model = try FileIO.readModel(initFrom) } catch {
                throw RunSetupError(error.description, exitStatus: error.exitStatus)
            }
            if let saved = model?[metadata: "epoch"] {
                guard let epoch = saved.intValue, epoch >= 0 else {
                    throw RunSetupError("\(initFrom): \"epoch\" must be a whole number of epochs, 0 or more", exitStatus: 65)
                }
                startEpoch = epoch
            }
            try model?.checkClasses(of: raw, path: initFrom, dataPath: dataset)
            // --epochs is the model's total: one it has passed would train nothing.
            if epochs > 0, epochs < startEpoch {
                throw RunSetupError("--epochs \(epochs) is below the epoch \(startEpoch) of the model in \(initFrom)",
                                    exitStatus: 64)
            }
        }
        let featureMap = try resolveFeatures(raw: raw, model: model)
        // The split's own rows (which data row each training sample is), kept for the inspector;
        // a split given whole has none.
        let rows = given == nil ? DatasetSplit.stratifiedRows(raw, testFraction: testFraction, seed: seed) : nil
        let split = given ?? (raw.selecting(rows: rows!.train), raw.selecting(rows: rows!.test))
        var train = featureMap.apply(to: split.train)
        var test = featureMap.apply(to: split.test)
        var standardizer: Standardizer?
        if let model, let initFrom, let stored = try model.storedStandardizer(featureCount: train.featureCount, path: initFrom) {
            standardizer = stored
        } else if standardize {
            let fitted = Standardizer(fitting: train)
            if let feature = fitted.unusableFeature {
                throw RunSetupError("\(dataset): feature \(train.featureNames[feature]): values too large to standardise",
                                    exitStatus: 65)
            }
            standardizer = fitted
        }
        if let standardizer {
            train = standardizer.apply(to: train)
            test = standardizer.apply(to: test)
        }
        let network = try makeNetwork(model: model, inputs: train.featureCount, classes: raw.classCount, task: raw.task)
        let optimizer = Optimizer(settings: optimizer, parameterCount: network.parameters.count)
        var resolved = self
        resolved.batch = batch ?? (train.count <= RunConfiguration.fullBatchLimit ? .full : .samples(RunConfiguration.largeSetBatch))
        let run = PreparedRun(configuration: resolved, rawData: raw, trainingSet: train, testSet: test,
                              rawTrainingSet: split.train, rawTestSet: split.test, featureMap: featureMap,
                              standardizer: standardizer, network: network, optimizer: optimizer,
                              startEpoch: startEpoch,
                              generator: TrainingRun.shuffleGenerator(seed: seed), trainingRows: rows?.train)
        return (run, model)
    }

    private func resolveFeatures(raw: Dataset, model: ModelFile?) throws(RunSetupError) -> FeatureMap {
        var spec = features
        if spec == nil, let saved = model?[metadata: "features"]?.arrayValue {
            spec = saved.compactMap(\.stringValue)
        }
        guard let spec else { return .identity(inputCount: raw.featureCount) }
        do {
            return try FeatureMap(spec: spec, inputCount: raw.featureCount)
        } catch {
            throw RunSetupError("--features: \(error.description)", exitStatus: 64)
        }
    }

    private func makeNetwork(model: ModelFile?, inputs: Int, classes: Int, task: LearningTask) throws(RunSetupError) -> Network {
        if let model, let initFrom {
            let network = model.network
            try Self.checkModel(network, path: initFrom, fits: task)
            guard network.inputCount == inputs else {
                throw RunSetupError("\(initFrom): the model takes \(network.inputCount) inputs but the data has "
                                    + "\(inputs) features", exitStatus: 65)
            }
            guard task == .regression || network.classCount == classes || (network.outputCount == 1 && classes == 2) else {
                throw RunSetupError("\(initFrom): the model predicts \(network.classCount) classes but the data has "
                                    + "\(classes)", exitStatus: 65)
            }
            return network
        }
        let shape = try networkShape(inputs: inputs, classes: classes, task: task)
        do {
            return try Network(sizes: shape.sizes, activations: shape.activations, loss: shape.loss, seed: seed)
        } catch {
            throw RunSetupError(error.description, exitStatus: 64)
        }
    }

    /// The layer sizes, activations and loss of the network this configuration builds for data of
    /// `inputs` features (after `features`) and `classes` classes.
    func networkShape(inputs: Int, classes: Int, task: LearningTask = .classification) throws(RunSetupError)
        -> (sizes: [Int], activations: [Activation], loss: Loss) {
        if task == .regression {
            return try regressionShape(inputs: inputs)
        }
        let loss = self.loss ?? (classes == 2 ? .bce : .softmaxCrossEntropy)
        let outputs: Int
        let output: Activation
        switch loss {
        case .squaredError:
            throw RunSetupError("--loss squared-error is for regression, but the data has classes "
                                + "(--task regression reads real-valued targets)", exitStatus: 64)
        case .bce:
            guard classes == 2 else {
                throw RunSetupError("--loss bce needs two classes, but the data has \(classes); use softmax-ce or mse",
                                    exitStatus: 64)
            }
            (outputs, output) = (1, .sigmoid)
        case .softmaxCrossEntropy:
            (outputs, output) = (classes, .softmax)
        case .mse:
            (outputs, output) = classes == 2 ? (1, .sigmoid) : (classes, .sigmoid)
        }
        try Self.checkSize([inputs] + hiddenSizes + [outputs])
        return ([inputs] + hiddenSizes + [outputs], Array(repeating: activation, count: hiddenSizes.count) + [output], loss)
    }
}
