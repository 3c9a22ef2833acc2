import MLPEngine

extension Trainer {
    /// Adopts `redefinition` at this epoch boundary (trainer queue only).
    ///
    /// Going on from the current weights, the learning rate in force stays unless the change sets
    /// it. Starting again, the run becomes `redefinition.prepared` at epoch 0: a fresh history,
    /// rewind points and command log (which begins with the change), like a reset.
    func redefine(_ redefinition: RunRedefinition, status: inout RunStatus) {
        var prepared = redefinition.prepared
        if redefinition.keepsWeights {
            let (epoch, oldRate, network) = run.withLock { run in (run.epoch, run.learningRate, run.network) }
            guard prepared.trainingSet.count > 0, prepared.trainingSet.featureCount == network.inputCount else {
                publish { $0.say("\(redefinition.summary) refused: it needs training data of \(network.inputCount) inputs") }
                return
            }
            if !redefinition.setsLearningRate { prepared.configuration.optimizer.learningRate = oldRate }
            let settings = prepared.configuration.optimizer
            run.withLock { run in
                run.adopt(settings: settings, batchSize: prepared.batch, trainingSet: prepared.trainingSet,
                          testSet: prepared.testSet)
            }
            // Rewind points hold the old optimiser and data: a rewind past this change would mix the two.
            rewindStore.withLock { $0.removeAll() }
            offerRewindPoint()
            let adopted = prepared
            publish { state in
                state.definition = adopted
                state.definitionVersion += 1
                if settings.learningRate != oldRate {
                    state.learningRate = settings.learningRate
                    state.learningRateChanges.append(LearningRateChange(epoch: epoch, learningRate: settings.learningRate))
                }
                state.commandLog.append(CommandRecord(epoch: epoch, command: redefinition.summary))
                state.say("\(redefinition.summary): in force from epoch \(epoch + 1)")
            }
            return
        }
        let recordsSteps = run.withLock { $0.recordsLastStep }
        let fresh = prepared
        run.withLock { run in
            run = fresh.makeTrainingRun()
            run.recordsLastStep = recordsSteps
        }
        lossWatch.withLock { $0.reset() }
        rewindStore.withLock { $0.removeAll() }
        offerRewindPoint()
        if status == .diverged || status == .done { status = .paused }
        let network = prepared.network
        publish { state in
            state.history.removeAll()
            state.metrics.removeAll()
            state.gradientNormHistory = TrainerState.emptyGradientHistories(for: network)
            state.learningRateChanges.removeAll()
            state.learningRate = fresh.configuration.optimizer.learningRate
            state.network = network
            state.latest = nil
            state.lastStep = nil
            state.abandonedLoss = nil
            state.divergence = nil
            state.epoch = fresh.startEpoch
            state.endedAt = nil
            state.weightsSeed = nil
            state.definition = fresh
            state.definitionVersion += 1
            // The run starts again: its command log does too, with the change that began it.
            state.commandLog = [CommandRecord(epoch: fresh.startEpoch, command: redefinition.summary)]
            state.generation += 1
            state.say("\(redefinition.summary): starting again at epoch 0")
        }
    }
}
