/// An instruction to a running trainer; each takes effect at the next epoch boundary, in the order
/// sent. None is lost.
public enum TrainerCommand: Sendable, Equatable {
    case pause
    case resume
    /// Pause if running, resume if paused or diverged.
    case togglePause
    /// Train exactly one epoch, then stay paused (ignored while running).
    case step
    /// Use exactly this learning rate from the next epoch on (non-finite or ≤ 0 is refused).
    case setLearningRate(Double)
    /// Multiply the learning rate (e.g. 2, 0.5, 1.1).
    case scaleLearningRate(Double)
    /// Start again from fresh weights drawn with this seed, at epoch 0.
    case reset(seed: UInt64)
    /// Train at most this many epochs per second (nil: as fast as possible), to watch a run that
    /// would otherwise finish before the eye can follow. Does not change the results.
    case limitSpeed(Double?)
    /// Set one weight or bias (an index into `Network.parameters`) to a finite value, keeping the
    /// optimiser's state: an edit typed in the inspector.
    case setParameter(index: Int, value: Double)
    /// Go back to the rewind point at this epoch (weights, optimiser, shuffle stream) and train on
    /// from there; the later history is kept apart as the abandoned future.
    case rewind(toEpoch: Int)
    /// Adopt a run redefined in the settings panel or by a data edit (see `RunRedefinition`).
    case redefine(RunRedefinition)
    /// Hand a checkpoint of the current state to the snapshot handler.
    case snapshot
    /// Finish: the trainer publishes its last state and its thread ends.
    case stop
}

/// What the trainer is doing.
public enum RunStatus: String, Sendable, Equatable {
    case running = "RUNNING"
    case paused = "PAUSED"
    /// Stopped itself after a NaN or infinity; weights restored; resumes when told.
    case diverged = "DIVERGED"
    /// Reached `--epochs`; still answers commands (a step or lr change) until stopped.
    case done = "DONE"
    /// Stopped for good.
    case stopped = "STOPPED"
}

/// A line for the user, numbered so a display can tell new messages from old.
public struct TrainerMessage: Sendable, Equatable {
    public var id: Int
    public var text: String
    /// The epoch at which it was said.
    public var epoch: Int
}

/// A learning-rate change and the epoch after which it took effect.
public struct LearningRateChange: Sendable, Equatable, Codable {
    public var epoch: Int
    public var learningRate: Double
}
