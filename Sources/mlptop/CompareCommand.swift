import ArgumentParser
import Foundation
import Monitor
import Training

/// `mlptop compare`: train every combination of a few settings at once and compare the runs.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Train a grid of runs that differ in a few settings, all at once, and compare them.",
        discussion: """
            Every combination of the --vary values is one run; every other flag of `mlptop train` \
            (--dataset, --epochs, --hidden, …) applies to all of them and is checked as train checks it. \
            The runs share the cores and train at once; each equals the same settings trained alone \
            with `mlptop train`, bit for bit. With --headless a table compares them at the end: \
            final and best losses, accuracies, the epoch --target-loss was first reached, and time. \
            In the monitor, s writes a snapshot of all the runs into --snapshot-dir (default snapshots).

              e.g. --vary lr=0.03,0.3 --vary optimizer=sgd,adam --epochs 500 --headless

            Values are separated by commas, except for hidden and features, whose values are lists \
            themselves, separated by /: --vary hidden=8/8,8/32 is three runs (8, then 8,8, then 32). \
            standardize takes true,false.
            """
    )

    @Option(name: .customLong("vary"), help: ArgumentHelp(
        "A train flag's name without the dashes and the values it takes, e.g. lr=0.03,0.1,0.3 (repeatable).",
        valueName: "KEY=V1,V2,…"))
    var vary: [String] = []

    @Option(name: .customLong("out-dir"), help: ArgumentHelp(
        "Write one folder per run, named after what varied (lr=0.1/), with model.json and run.jsonl, and summary.json.",
        valueName: "dir"))
    var outDirectory: String?

    @Option(name: .customLong("target-loss"), parsing: .unconditional, help: ArgumentHelp(
        "Report the first epoch whose train loss is at or below this.", valueName: "loss"))
    var targetLoss: Double?

    @Flag(help: "No monitor: train, print progress once a second and a table at the end.")
    var headless = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Flags of `mlptop train` shared by every run.",
                                                          valueName: "train flags"))
    var trainArguments: [String] = []

    func run() throws {
        let status: Int32
        do {
            status = try prepareAndRun()
        } catch {
            status = error.report()
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Flags of `train` that make no sense for a grid, with what to use instead.
    static let refusedFlags = [
        "--save": "each run's model.json goes to --out-dir", "--log": "each run's run.jsonl goes to --out-dir",
        "--resume": "compare starts every run afresh (--init-from starts them from a model)",
        "--snapshot-every": Self.onlyKeySnapshots, "--snapshot-on-exit": Self.onlyKeySnapshots,
        "--keep-snapshots": Self.onlyKeySnapshots,
        "--print-config": "it prints one run's configuration: use it with mlptop train",
    ]

    /// Why the periodic and final snapshot flags are refused: they would snapshot run 1 alone.
    static let onlyKeySnapshots = "compare snapshots all its runs at once, with s in the monitor (--snapshot-dir says where)"

    /// Why `--snapshot-dir` is refused without the monitor: only the monitor's `s` writes snapshots.
    static let headlessSnapshots = "it writes no snapshots (s in the monitor does; --out-dir gets each run's "
        + "model.json and run.jsonl)"

    private func prepareAndRun() throws(ReportedFailure) -> Int32 {
        func fail(_ text: String) -> ReportedFailure { ReportedFailure(message: text, exitStatus: 64) }
        let varied = Set(vary.compactMap { $0.split(separator: "=").first.map(String.init) })
        let (trainArguments, lesson) = try Self.expandingConfig(trainArguments, varied: varied)
        if let flag = TrainOptions.flags(in: trainArguments).first(where: { Self.refusedFlags[$0] != nil }) {
            throw fail("\(flag) does not apply to compare: \(Self.refusedFlags[flag]!)")
        }
        if let targetLoss, !targetLoss.isFinite {
            throw fail("--target-loss must be a finite number, not \(targetLoss)")
        }
        if let outDirectory, outDirectory.isEmpty { throw fail("--out-dir needs a folder name") }
        let grid = try CompareGrid(specs: vary, trainArguments: trainArguments)
        let options = try grid.options(trainArguments: trainArguments)
        let monitored = !headless && isatty(STDOUT_FILENO) == 1
        if !monitored, TrainOptions.flags(in: trainArguments).contains("--snapshot-dir") {
            let how = headless ? "compare --headless" : "compare without a terminal (headless)"
            throw fail("--snapshot-dir does not apply to \(how): \(Self.headlessSnapshots)")
        }
        if monitored, outDirectory != nil {
            throw fail("--out-dir needs --headless: the monitor keeps its runs until q (--save one with train)")
        }
        if monitored, grid.runs.count > MonitorViewState.maximumRuns {
            throw fail("compare: the monitor shows at most \(MonitorViewState.maximumRuns) runs side by side "
                       + "(this grid has \(grid.runs.count)); add --headless for a table of them all")
        }
        // Runs share the cores: a run's gradient fans out only when there are fewer runs than cores.
        let threads = max(1, min(8, RunGroup.defaultWidth / grid.runs.count))
        var prepared: [PreparedRun] = []
        for (run, options) in zip(grid.runs, options) {
            if !monitored, (options.epochs ?? 0) == 0 {
                // Without a terminal a comparison runs headless though --headless was not typed: say so.
                let how = headless ? "compare --headless" : "compare without a terminal (headless)"
                throw fail("\(how) needs --epochs N (or --vary epochs=…): each run trains to its epoch "
                           + "count, then the table is printed")
            }
            do throws(RunSetupError) {
                // Prepared as train prepares it (a model's recorded settings, unless given, for --init-from).
                let given = TrainOptions.flags(in: trainArguments + run.arguments)
                var (ready, _) = try options.prepareRun(given: given, defaultThreads: threads)
                ready.notes = ready.notes.map { "\(run.name): \($0)" }
                prepared.append(ready)
            } catch {
                throw ReportedFailure(message: "\(run.name): \(error.description)", exitStatus: error.exitStatus)
            }
        }
        if monitored {
            // Side by side in the monitor: the first run with the others beside it, each named by what varies.
            var session = MonitorSession(prepared: prepared[0], options: options[0])
            session.label = grid.runs[0].name
            session.lesson = lesson
            session.siblings = zip(prepared.dropFirst(), grid.runs.dropFirst()).map { ($0, $1.name) }
            return session.run()
        }
        let speedGiven = TrainOptions.flags(in: self.trainArguments).contains("--speed")
        if let note = Self.headlessSpeedNote(speed: options[0].speed, fromLesson: !speedGiven) { prepared[0].notes.append(note) }
        return try CompareSession(grid: grid, prepared: prepared, outDirectory: outDirectory, targetLoss: targetLoss).run()
    }
}
