import Datasets
import Dispatch
import Foundation

/// The `--log RUN.jsonl` writer: one JSON object per epoch, buffered, flushed at least once a
/// second so another program can follow the run.
///
/// Thread-safe: `record` is called on the training thread, `flush` from anywhere.
public final class RunLog: Sendable {
    private struct State {
        var fd: Int32
        var buffer: [UInt8] = []
        var lastFlush = DispatchTime.now().uptimeNanoseconds
        var failure: FileError?
    }

    public let path: String
    /// Whether the run is a regression: its lines say `train_r2`/`test_r2` for the accuracies.
    public let regression: Bool
    private let state: LockedValue<State>
    /// Writes the buffer out every second, so a paused or slow run is still followed promptly.
    private let timer: LockedValue<DispatchSourceTimer>

    /// Creates (truncates) the log file; a status-73 error when it cannot be created.
    public init(path: String, regression: Bool = false) throws(FileError) {
        self.regression = regression
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(path: path, reason: FileError.reason("cannot create", errno: errno), exitStatus: 73) }
        self.path = path
        let state = LockedValue(State(fd: fd))
        self.state = state
        timer = LockedValue(Self.makeTimer())
        timer.withLock { source in
            source.setEventHandler { [weak self] in self?.flush() }
            source.resume()
        }
    }

    private static func makeTimer() -> sending DispatchSourceTimer {
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "mlptop.log-flush", qos: .utility))
        source.schedule(deadline: .now() + 1, repeating: 1)
        return source
    }

    deinit {
        timer.withLock { $0.cancel() }
        state.withLock { state in
            Self.write(&state, path: path)
            close(state.fd)
        }
    }

    /// The first write error, if any (the run goes on; the caller reports it).
    public var failure: FileError? { state.withLock { $0.failure } }

    /// The JSON line for one epoch. A regression run's loss is the MSE, and R² takes the
    /// accuracy's place (`train_r2`, `test_r2`).
    public static func line(for report: EpochReport, regression: Bool = false) -> String {
        let quality = regression ? "r2" : "accuracy"
        func number(_ x: Double?) -> String {
            guard let x else { return "null" }
            return x.isFinite ? x.description : "null"
        }
        let norms = report.gradientNorms.map { "[\(number($0.weights)), \(number($0.biases))]" }.joined(separator: ", ")
        return "{\"epoch\": \(report.epoch), \"train_loss\": \(number(report.trainLoss)), "
            + "\"test_loss\": \(number(report.testLoss)), \"train_\(quality)\": \(number(report.trainAccuracy)), "
            + "\"test_\(quality)\": \(number(report.testAccuracy)), \"lr\": \(number(report.learningRate)), "
            + "\"grad_norms\": [\(norms)], \"seconds\": \(number(report.seconds))}\n"
    }

    /// Appends one epoch; writes the buffer out when a second has passed since the last write.
    public func record(_ report: EpochReport) {
        let text = RunLog.line(for: report, regression: regression)
        state.withLock { state in
            state.buffer.append(contentsOf: text.utf8)
            let now = DispatchTime.now().uptimeNanoseconds
            if now - state.lastFlush >= 1_000_000_000 || state.buffer.count > 1 << 20 {
                Self.write(&state, path: path)
                state.lastFlush = now
            }
        }
    }

    /// Writes out everything buffered.
    public func flush() {
        state.withLock { Self.write(&$0, path: path) }
    }

    private static func write(_ state: inout State, path: String) {
        guard !state.buffer.isEmpty, state.failure == nil else { return }
        let code = state.buffer.withUnsafeBytes { PosixFile.writeAll($0, to: state.fd) }
        if code != 0 {
            state.failure = FileError(path: path, reason: FileError.reason("cannot write", errno: code), exitStatus: 74)
        }
        state.buffer.removeAll(keepingCapacity: true)
    }
}
