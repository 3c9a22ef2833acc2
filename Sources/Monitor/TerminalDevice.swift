import Glibc
import TerminalUI
import Training
import Watch

/// The little the monitor needs of a terminal: its size and abilities, a way to show a frame,
/// and keys. The curses backend is one; `OffscreenTerminal` and test fakes are others.
///
/// Used from one thread only (the monitor's).
public protocol TerminalDevice: AnyObject {
    /// The screen's width in cells.
    var screenWidth: Int { get }
    /// The screen's height in cells.
    var screenHeight: Int { get }
    /// Whether glyphs beyond ASCII can be shown.
    var supportsUnicode: Bool { get }
    /// Which colours can be shown.
    var colorMode: ColorMode { get }
    /// Shows `buffer` (its size is the screen's as last read).
    func draw(_ buffer: CellBuffer)
    /// Waits up to `timeoutMilliseconds` for a key; nil when none came.
    func readKey(timeoutMilliseconds: Int) -> Key?
}

/// What the monitor reads: the latest state of a run, and a way to send commands. Both sources
/// of runs satisfy it: the `Trainer` (a run mlptop trains) and the `WatchSource` (a log another
/// program writes, `mlptop watch`), so one monitor loop, one dashboard and one set of keys serve both.
public protocol MonitorSource: AnyObject {
    /// A consistent copy of the latest published state.
    var state: TrainerState { get }
    /// Queues a command for the next epoch boundary; never blocks for long.
    func send(_ command: TrainerCommand)
    /// The epochs a rewind can go back to, oldest first.
    var rewindEpochs: [Int] { get }
    /// The weights kept at a rewind point.
    func rewindParameters(at epoch: Int) -> [Double]?
}

/// The name the monitor's code used first, when a trainer was the only source.
public typealias TrainerConnection = MonitorSource

extension MonitorSource {
    public var rewindEpochs: [Int] { [] }
    public func rewindParameters(at epoch: Int) -> [Double]? { nil }
}

extension Trainer: MonitorSource {}
extension WatchSource: MonitorSource {}

/// A terminal that exists only in memory: it keeps the last frame drawn and hands out queued keys.
///
/// For benchmarks (drawing at a real frame rate without a screen) and tests. With `waits`,
/// `readKey` sleeps out its timeout when no key is queued, as a real terminal would.
/// Not thread-safe.
public final class OffscreenTerminal: TerminalDevice {
    public var screenWidth: Int
    public var screenHeight: Int
    public let supportsUnicode: Bool
    public let colorMode: ColorMode
    /// Keys handed out first, oldest first.
    public var pendingKeys: [Key] = []
    /// Asked for a key when none is queued (e.g. `q` once a deadline has passed).
    public var nextKey: () -> Key? = { nil }
    /// The last frame drawn.
    public private(set) var lastFrame: CellBuffer?
    /// How many frames have been drawn.
    public private(set) var framesDrawn = 0
    private let waits: Bool

    /// A `width` × `height` terminal; `waits` makes `readKey` sleep out its timeout.
    public init(width: Int, height: Int, supportsUnicode: Bool = true, colorMode: ColorMode = .palette256, waits: Bool) {
        screenWidth = width
        screenHeight = height
        self.supportsUnicode = supportsUnicode
        self.colorMode = colorMode
        self.waits = waits
    }

    public func draw(_ buffer: CellBuffer) {
        lastFrame = buffer
        framesDrawn += 1
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
        if let key = nextKey() { return key }
        if waits, timeoutMilliseconds > 0 { usleep(UInt32(min(timeoutMilliseconds, 1000) * 1000)) }
        return nil
    }
}
