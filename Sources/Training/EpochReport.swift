/// The L2 norms of one layer's gradients ∂E/∂W and ∂E/∂b.
public struct GradientNorm: Sendable, Equatable, Codable {
    public var weights: Double
    public var biases: Double

    public init(weights: Double, biases: Double) {
        self.weights = weights
        self.biases = biases
    }
}

/// What the trainer publishes after every epoch.
public struct EpochReport: Sendable, Equatable {
    /// Epochs completed in the model's life (the first epoch is 1).
    public var epoch: Int
    /// Mean loss of the training samples in the forward passes whose gradients were applied.
    public var trainLoss: Double
    /// Mean loss on the test set after the epoch's updates (nil without a test set).
    public var testLoss: Double?
    /// Fraction of training samples classified correctly in those forward passes; for a regression
    /// run (squared error) R² = 1 − MSE/Var(y) of those passes instead.
    public var trainAccuracy: Double
    /// Fraction of test samples classified correctly after the epoch, or R² for a regression run
    /// (nil without a test set).
    public var testAccuracy: Double?
    /// The learning rate the epoch's updates used.
    public var learningRate: Double
    /// Per-layer gradient norms of the epoch's last step.
    public var gradientNorms: [GradientNorm]
    /// Wall time of the epoch, in seconds.
    public var seconds: Double
    /// Training samples processed per second in this epoch.
    public var samplesPerSecond: Double

    public init(
        epoch: Int, trainLoss: Double, testLoss: Double?, trainAccuracy: Double, testAccuracy: Double?,
        learningRate: Double, gradientNorms: [GradientNorm], seconds: Double, samplesPerSecond: Double
    ) {
        self.epoch = epoch
        self.trainLoss = trainLoss
        self.testLoss = testLoss
        self.trainAccuracy = trainAccuracy
        self.testAccuracy = testAccuracy
        self.learningRate = learningRate
        self.gradientNorms = gradientNorms
        self.seconds = seconds
        self.samplesPerSecond = samplesPerSecond
    }
}
