import Dispatch

/// A checkpoint another thread waits for: the trainer's queue fills it in at an epoch boundary.
final class CheckpointRequest: Sendable {
    let answer = LockedValue<TrainingCheckpoint?>(nil)
    let answered = DispatchSemaphore(value: 0)
}

/// The checkpoints asked for and not yet answered, and whether the training loop is there to answer.
struct CheckpointRequests: Sendable {
    var loopRunning = false
    var waiting: [CheckpointRequest] = []
}

extension Trainer {
    /// The run and its published state at one epoch boundary, for a snapshot or a fork: taken by
    /// the trainer's queue between its changes (so it waits for the epoch or command in flight),
    /// or read at once when the loop is not running (not started, or stopped: nothing changes).
    ///
    /// The run and the state are changed under two locks, one after the other: read apart, the
    /// state could already hold the next epoch, and a fork then recorded that epoch twice into
    /// one history bucket (`state.json: bad bucket` when its snapshot was shown).
    /// Not to be called on the trainer's queue (its observer or checkpoint handler).
    public func checkpoint() -> TrainingCheckpoint {
        let request = CheckpointRequest()
        let queued = checkpointRequests.withLock { requests in
            guard requests.loopRunning else { return false }
            requests.waiting.append(request)
            return true
        }
        guard queued else { return checkpointAtBoundary() }
        wakeUp.signal()
        request.answered.wait()
        return request.answer.withLock { $0! }
    }

    /// The checkpoint as things stand: only where the run and its state cannot change in between
    /// (on the trainer's queue between its changes, or with the loop not running).
    func checkpointAtBoundary() -> TrainingCheckpoint {
        let parts = run.withLock { run in (run.network, run.optimizer, run.epoch, run.generator) }
        return TrainingCheckpoint(network: parts.0, optimizer: parts.1, epoch: parts.2, generator: parts.3, state: state)
    }

    /// Answers every checkpoint asked for (trainer queue only, between its changes).
    func answerCheckpointRequests() {
        let waiting = checkpointRequests.withLock { requests in
            let taken = requests.waiting
            requests.waiting.removeAll()
            return taken
        }
        guard !waiting.isEmpty else { return }
        let checkpoint = checkpointAtBoundary()
        for request in waiting {
            request.answer.withLock { $0 = checkpoint }
            request.answered.signal()
        }
    }

    /// Answers what is still asked for as the loop ends; later checkpoints are read at once.
    func endCheckpointRequests() {
        checkpointRequests.withLock { $0.loopRunning = false }
        answerCheckpointRequests()
    }
}
