/// A run as changed in the settings panel or by a data edit, ready for the trainer to adopt at
/// the next epoch boundary.
///
/// `keepsWeights` changes (optimiser settings, regularisation, batch size, edited points) go on
/// from the current weights, epoch, optimiser state (kept while its kind stays) and shuffle
/// stream. Other changes (data set, size, noise, split, features, layers, activation, loss, seed)
/// start again at epoch 0 with the fresh weights `prepared` drew from its seed, exactly as
/// `mlptop train` with the new settings would.
public struct RunRedefinition: Sendable, Equatable {
    /// The new run (its network and optimiser are used only when the weights start again).
    public var prepared: PreparedRun
    /// What changed, as the command log and the message line say it (`hidden=17,16`).
    public var summary: String
    /// Whether the run goes on from its current weights.
    public var keepsWeights: Bool
    /// Whether the change itself sets the learning rate (a switch to or from Adam starts at the
    /// new optimiser's default rate); otherwise the rate in force stays, whatever `+`/`-` did meanwhile.
    public var setsLearningRate = false

    /// A redefinition to `prepared`, described by `summary`.
    public init(prepared: PreparedRun, summary: String, keepsWeights: Bool, setsLearningRate: Bool = false) {
        self.prepared = prepared
        self.summary = summary
        self.keepsWeights = keepsWeights
        self.setsLearningRate = setsLearningRate
    }

    /// Equal when they describe the same change to the same configuration and data.
    public static func == (a: RunRedefinition, b: RunRedefinition) -> Bool {
        a.summary == b.summary && a.keepsWeights == b.keepsWeights && a.setsLearningRate == b.setsLearningRate
            && a.prepared.configuration == b.prepared.configuration
            && a.prepared.rawTrainingSet == b.prepared.rawTrainingSet && a.prepared.rawTestSet == b.prepared.rawTestSet
    }
}
