import ArgumentParser
import CursesBackend
import Glibc
import TerminalUI

/// `mlptop ui-demo`: a hidden smoke test of the terminal backend, driven by the end-to-end tests.
///
/// Draws a border, `ui-demo WxH`, a moving braille wave and a frame counter at about 30 frames a
/// second, and the name of the last key pressed; `q` quits with status 0; a resize redraws at the
/// new size; SIGINT, SIGTERM and SIGHUP restore the terminal and exit with 128 + signal. Without a
/// usable terminal it says why on stderr and exits 0.
struct UIDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui-demo",
        abstract: "Draw a test pattern to check the terminal backend.",
        shouldDisplay: false
    )

    @Flag(name: .long, help: "Draw only ASCII characters.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    /// Time between frames: about 30 frames a second.
    static let frameInterval = Duration.milliseconds(33)

    func run() throws {
        let signals = TerminationSignals.install()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open(preferASCII: ascii, noColor: noColor || Self.noColorRequested())
        } catch {
            signals.uninstall()
            StandardStreams.error("mlptop: \(error); nothing to show")
            return
        }
        let clock = ContinuousClock()
        var nextFrame = clock.now
        var frameNumber = 0
        var lastKey: Key?
        var buffer = CellBuffer(width: 0, height: 0)
        while true {
            if let signalNumber = signals.received ?? (terminal.isHungUp ? SIGHUP : nil) {
                terminal.close()
                signals.uninstall()
                throw ExitCode(128 + signalNumber)
            }
            let size = terminal.size
            buffer.reset(width: size.columns, height: size.rows)
            UIDemoFrame(size: size, frameNumber: frameNumber, lastKey: lastKey, unicode: terminal.supportsUnicode)
                .render(into: &buffer)
            terminal.draw(buffer)
            frameNumber += 1
            nextFrame = max(nextFrame + Self.frameInterval, clock.now)
            waitForKeys: while signals.received == nil && !terminal.isHungUp {
                let remaining = clock.now.duration(to: nextFrame)
                let milliseconds = max(0, Int(remaining.components.seconds * 1000
                    + remaining.components.attoseconds / 1_000_000_000_000_000))
                switch terminal.readKey(timeoutMilliseconds: milliseconds) {
                case nil, .resize:
                    break waitForKeys
                case .character("q"):
                    terminal.close()
                    signals.uninstall()
                    return
                case let key?:
                    lastKey = key
                    break waitForKeys
                }
            }
        }
    }

    /// Whether the NO_COLOR convention (https://no-color.org) asks for no colour: set and not empty.
    static func noColorRequested() -> Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }
}

/// One frame of the ui-demo test pattern, drawn into a buffer.
struct UIDemoFrame {
    var size: TerminalSize
    var frameNumber: Int
    var lastKey: Key?
    var unicode: Bool

    /// Braille dot bits by [x % 2][y % 4] (U+2800 + bits).
    static let brailleDots: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    func render(into buffer: inout CellBuffer) {
        let width = buffer.width, height = buffer.height
        guard width >= 2, height >= 2 else {
            buffer.put("ui-demo \(size)", x: 0, y: 0)
            return
        }
        let border: [Unicode.Scalar] = unicode
            ? ["┌", "─", "┐", "│", "└", "┘"]
            : ["+", "-", "+", "|", "+", "+"]
        let frameStyle = CellStyle(foreground: .ansi(6))
        buffer.fill(Rect(x: 1, y: 0, width: width - 2, height: 1), with: Cell(border[1], style: frameStyle))
        buffer.fill(Rect(x: 1, y: height - 1, width: width - 2, height: 1), with: Cell(border[1], style: frameStyle))
        buffer.fill(Rect(x: 0, y: 1, width: 1, height: height - 2), with: Cell(border[3], style: frameStyle))
        buffer.fill(Rect(x: width - 1, y: 1, width: 1, height: height - 2), with: Cell(border[3], style: frameStyle))
        buffer[0, 0] = Cell(border[0], style: frameStyle)
        buffer[width - 1, 0] = Cell(border[2], style: frameStyle)
        buffer[0, height - 1] = Cell(border[4], style: frameStyle)
        buffer[width - 1, height - 1] = Cell(border[5], style: frameStyle)

        let inner = width - 4
        buffer.put("ui-demo \(size)", x: 2, y: 1, style: CellStyle(attributes: .bold), maxWidth: inner)
        buffer.put("frame \(frameNumber)", x: 2, y: 2, style: CellStyle(foreground: .ansi(2)), maxWidth: inner)
        renderWave(into: &buffer, row: 3, columns: inner)
        let keyText = lastKey.map { "last key: \($0)" } ?? "no key yet"
        buffer.put("q quits, \(keyText)", x: 2, y: 4, style: CellStyle(attributes: .dim), maxWidth: inner)
    }

    /// A sine wave two samples per cell and four dots high, moving one sample per frame.
    private func renderWave(into buffer: inout CellBuffer, row: Int, columns: Int) {
        let style = CellStyle(foreground: .palette(39))
        for column in 0..<max(0, columns) {
            var bits: UInt32 = 0
            var level = 0
            for half in 0..<2 {
                let phase = Double(column * 2 + half + frameNumber) / 6.0
                level = Int(((sin(phase) + 1) * 1.5).rounded())
                bits |= Self.brailleDots[half][3 - level]
            }
            let character: Unicode.Scalar = unicode
                ? Unicode.Scalar(0x2800 + bits)!
                : ["_", ".", "-", "'"][level]
            buffer[2 + column, row] = Cell(character, style: style)
        }
    }
}
