import CursesBackend
import Glibc
import MLPEngine
import Monitor
import TerminalUI
import Training

/// Runs a prepared training run in the live monitor: the dashboard on the terminal, keys to
/// steer, `q` or a termination signal to stop. Without a usable terminal it says why and runs
/// headless instead.
///
/// Order matters: signals are caught before curses starts (so ncurses leaves them alone), and on
/// every exit path the trainer stops and the terminal is restored before anything is printed or
/// saved. Main thread only.
struct MonitorSession {
    let prepared: PreparedRun
    let options: TrainOptions

    /// Trains until `q` or a signal and returns the process exit status: 0 after `q`, 128 + signal
    /// after a signal (or a file error's status when --save or --log failed).
    func run() -> Int32 {
        let signals = TerminationSignals.install()
        defer { signals.uninstall() }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open(preferASCII: options.ascii,
                                               noColor: options.noColor || UIDemoCommand.noColorRequested())
        } catch {
            signals.uninstall()
            StandardStreams.error("mlptop: \(error); running headless")
            return HeadlessSession(prepared: prepared, options: options).run()
        }
        let log: RunLog?
        do {
            log = try options.log.map { path throws(FileError) in try RunLog(path: path) }
        } catch {
            terminal.close()
            return ReportedFailure(message: error.description, exitStatus: error.exitStatus).report()
        }
        var observer: Trainer.EpochObserver?
        if let log { observer = { report in log.record(report) } }
        let trainer = Self.makeTrainer(prepared, observer: observer)
        trainer.start()
        let ending = MonitorLoop(run: MonitorRunInfo(prepared: prepared))
            .run(trainer: trainer, terminal: terminal, pendingSignal: { signals.received })
        trainer.send(.stop)
        trainer.waitUntilStopped()
        terminal.close()
        log?.flush()
        var status: Int32 = 0
        let final = trainer.state
        if let path = options.save {
            do {
                try FileIO.writeAtomically(prepared.modelFile(network: final.network, epoch: final.epoch).encoded(), to: path)
                StandardStreams.output("mlptop: saved the model of epoch \(final.epoch) to \(path)")
            } catch {
                status = ReportedFailure(message: error.description, exitStatus: error.exitStatus).report()
            }
        }
        if let failure = log?.failure {
            status = ReportedFailure(message: failure.description, exitStatus: failure.exitStatus).report()
        }
        if case .signal(let number) = ending { return 128 + number }
        return status
    }

    /// The trainer for `prepared`, built as `HeadlessSession` builds it: the same run, shuffle
    /// seed and reset factory, so a monitored run and a headless one train identically.
    static func makeTrainer(_ prepared: PreparedRun, observer: Trainer.EpochObserver?) -> Trainer {
        let configuration = prepared.configuration
        let trainingRun = TrainingRun(
            network: prepared.network, optimizer: prepared.optimizer, trainingSet: prepared.trainingSet,
            testSet: prepared.testSet, batchSize: configuration.batch, threads: configuration.threads,
            epoch: prepared.startEpoch, generator: SeededGenerator(seed: configuration.seed ^ 0x5EED))
        return Trainer(run: trainingRun, targetEpochs: configuration.epochs,
                       makeNetwork: { seed in prepared.freshNetwork(seed: seed) }, observer: observer)
    }
}

extension CursesTerminal: TerminalDevice {
    public var screenWidth: Int { size.columns }
    public var screenHeight: Int { size.rows }
    public var colorMode: ColorMode {
        switch colorSupport {
        case .none: .none
        case .eight: .ansi8
        case .full256: .palette256
        }
    }
}
