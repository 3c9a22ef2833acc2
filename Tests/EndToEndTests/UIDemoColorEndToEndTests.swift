import Foundation
import Testing
import TestSupport

/// Starts `mlptop ui-demo` in tmux and returns its screen with colour escapes once the frame is up.
private func coloredScreen(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> [String] {
    let mlptop = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
    let session = try TmuxSession(command: [mlptop, "ui-demo"] + arguments, environment: environment)
    try session.waitUntil(timeout: .seconds(30), "ui-demo 120x40") { $0.contains { $0.contains("ui-demo 120x40") } }
    return try session.captureWithEscapes()
}

/// Whether `text` sets a foreground colour (basic `ESC[3Nm` or 256-colour `ESC[38;5;Nm`).
private func setsForegroundColor(_ text: String) -> Bool {
    text.contains(#/\x1B\[(?:3[0-7]|38;5;[0-9]+)m/#)
}

/// The braille wave's row (row 3) as captured, or "" when the capture is shorter.
private func waveRow(_ screen: [String]) -> String {
    screen.count > 3 ? screen[3] : ""
}

@Suite("ui-demo colours in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct UIDemoColorEndToEndTests {
    @Test("a 256-colour terminal shows palette colours as they are")
    func paletteOn256ColorTerminal() throws {
        let wave = waveRow(try coloredScreen())
        #expect(wave.contains(#/\x1B\[38;5;39m[\u{2800}-\u{28FF}]/#), "wave row: \(wave.debugDescription)")
    }

    @Test("an 8-colour terminal shows palette 39 as its nearest basic colour, cyan")
    func paletteOn8ColorTerminal() throws {
        let wave = waveRow(try coloredScreen(environment: ["TERM": "screen"]))
        #expect(!wave.contains("38;5;"), "wave row: \(wave.debugDescription)")
        #expect(wave.contains(#/\x1B\[36m[\u{2800}-\u{28FF}]/#), "wave row: \(wave.debugDescription)")
    }

    @Test("NO_COLOR and --no-color draw without colour but keep attributes",
          arguments: [([String](), ["NO_COLOR": "1"]), (["--no-color"], [String: String]())])
    func noColor(arguments: [String], environment: [String: String]) throws {
        let screen = try coloredScreen(arguments, environment: environment)
        let colored = screen.filter(setsForegroundColor)
        #expect(colored.isEmpty, "coloured rows: \(colored.map(\.debugDescription))")
        #expect(screen.joined().contains("\u{1B}[1mui-demo 120x40"))
    }
}
