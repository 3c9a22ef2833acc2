import MLPEngine

/// What the optimiser did in the last step of an epoch, kept for the inspector: the gradient it
/// was given, the change it made to every parameter, and its state after the step.
///
/// Recorded by `TrainingRun` itself when `recordsLastStep` is on, so the numbers on screen are the
/// trainer's, not a re-derivation.
public struct StepRecord: Sendable, Equatable {
    /// The epoch the step belongs to (1-based).
    public var epoch: Int
    /// How many samples the step's batch held (the m of the batch mean).
    public var batchSize: Int
    /// ∂E/∂parameters, the batch mean the optimiser was given (before weight decay).
    public var gradient: [Double]
    /// The parameters before the step.
    public var before: [Double]
    /// What the step changed: `after − before`, parameter by parameter.
    public var change: [Double]
    /// The optimiser after the step (settings, step count t, momentum buffer or Adam's m and v).
    public var optimizer: Optimizer
    /// The optimiser's momentum buffer or Adam's m before the step (empty for sgd).
    public var previousFirstMoment: [Double] = []
    /// Which step of its epoch this is (1-based) and how many steps the epoch made: ⌈n/B⌉ for
    /// mini-batches of B, 1 for the full batch. The record is always of the epoch's last step.
    public var stepInEpoch = 1
    public var stepsInEpoch = 1
    /// The parameters at the start of the epoch, before its first step (empty when not recorded).
    public var epochStart: [Double] = []
    /// The trainer's count of weight edits (`TrainerState.parameterEdits`) when the step was made:
    /// an edit that brought the count past it came after the step.
    public var parameterEdits = 0
}
