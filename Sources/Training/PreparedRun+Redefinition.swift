import Datasets
import MLPEngine

/// One change typed or chosen in the settings panel: a setting and its new value as text.
public struct SettingChange: Sendable, Hashable, CustomStringConvertible {
    public var setting: RunSetting
    public var value: String

    public init(_ setting: RunSetting, _ value: String) {
        self.setting = setting
        self.value = value
    }

    /// `hidden=17,16`, as the command log records it.
    public var description: String { "\(setting.rawValue)=\(value)" }
}

extension PreparedRun {
    /// The run `changes` make of this one, validated, for the trainer to adopt; the learning rate
    /// in force is `learningRate` (changed with `+`/`-` since the run was prepared).
    ///
    /// When every change keeps the shape and the data, the run goes on from its weights. Otherwise
    /// it is prepared anew (the data loaded and split again when a change touches them, else the
    /// current data, edits included), its fresh weights drawn from its seed. A data set that
    /// cannot be read, a feature the data lacks or bce on three classes throws with the reason,
    /// and the run stays as it was.
    public func redefinition(applying changes: [SettingChange], learningRate: Double) throws(RunSetupError) -> RunRedefinition {
        var configuration = self.configuration
        configuration.optimizer.learningRate = learningRate
        for change in changes { configuration = try configuration.applying(change.setting, change.value) }
        let summary = "settings " + changes.map(\.description).joined(separator: " ")
        let setsLearningRate = configuration.optimizer.learningRate != learningRate
        guard changes.contains(where: \.setting.forcesReset) else {
            var next = self
            next.configuration = configuration
            next.configuration.batch = configuration.batch ?? batch
            return RunRedefinition(prepared: next, summary: summary, keepsWeights: true, setsLearningRate: setsLearningRate)
        }
        // A run that began from a model file starts again from the settings, not from the file
        // (keeping the features and standardisation it took from the file, while the data stay).
        if configuration.initFrom != nil, !changes.contains(where: { $0.setting.changesData || $0.setting == .features }) {
            configuration.features = configuration.features ?? featureMap.spec
            configuration.standardize = configuration.standardize || standardizer != nil
        }
        configuration.initFrom = nil
        let keepsData = dataEdited && !changes.contains(where: \.setting.changesData)
        var next = keepsData ? try configuration.prepare(split: (rawTrainingSet, rawTestSet)) : try configuration.prepare()
        next.notes = []
        return RunRedefinition(prepared: next, summary: summary + " (fresh weights, seed \(configuration.seed))",
                               keepsWeights: false, setsLearningRate: true)
    }

    /// The run with one point of class `label` added to the raw training set at (`x`, `y`), or the
    /// training point nearest to it removed: the data change a click or key on the decision map
    /// asks for, going on from the current weights. Nil when there is nothing to remove, the data
    /// are not two raw features, or the label is not a class.
    public func editingData(adding add: Bool, x: Double, y: Double, label: Int) -> RunRedefinition? {
        let raw = rawTrainingSet
        guard raw.featureCount == 2, (0..<raw.classCount).contains(label), x.isFinite, y.isFinite else { return nil }
        var edited = raw
        let summary: String
        if add {
            edited.features += [x, y]
            edited.labels.append(label)
            summary = "data add (\(x), \(y)) class \(raw.classes.name(of: label))"
        } else {
            guard raw.count > 1 else { return nil }
            let nearest = (0..<raw.count).min { a, b in
                let da = (raw.feature(a, 0) - x) * (raw.feature(a, 0) - x) + (raw.feature(a, 1) - y) * (raw.feature(a, 1) - y)
                let db = (raw.feature(b, 0) - x) * (raw.feature(b, 0) - x) + (raw.feature(b, 1) - y) * (raw.feature(b, 1) - y)
                return da < db
            } ?? 0
            edited = raw.selecting(rows: (0..<raw.count).filter { $0 != nearest })
            summary = "data remove (\(raw.feature(nearest, 0)), \(raw.feature(nearest, 1))) class \(raw.classes.name(of: raw.labels[nearest]))"
        }
        // The features and standardisation in force (perhaps taken from a model file) stay.
        var configuration = self.configuration
        configuration.initFrom = nil
        configuration.features = featureMap.spec
        configuration.standardize = standardizer != nil
        guard var next = try? configuration.prepare(split: (edited, rawTestSet)) else { return nil }
        next.configuration = self.configuration
        next.startEpoch = startEpoch
        return RunRedefinition(prepared: next, summary: summary, keepsWeights: true)
    }
}
