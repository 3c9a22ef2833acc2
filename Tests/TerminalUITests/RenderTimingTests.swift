import Foundation
import Testing
import TerminalUI

/// Times full dashboard-like frames. Prints, never asserts on time (machines differ); runs only
/// with MLPTOP_RENDER_TIMING=1, ideally as `MLPTOP_RENDER_TIMING=1 swift test -c release --filter RenderTiming`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MLPTOP_RENDER_TIMING"] == "1"))
struct RenderTimingTests {
    /// A dashboard-like frame: status bar, loss chart, decision map, heatmap, gradient norms, keys.
    static func drawFrame(into buffer: inout CellBuffer, theme: Theme, widgets: FrameWidgets) {
        buffer.reset(width: buffer.width, height: buffer.height)
        let rows = buffer.area.rows([.fixed(1), .ratio(3, 5), .fill, .fixed(1)])
        widgets.status.render(in: rows[0], into: &buffer)
        let top = rows[1].columns([.ratio(1, 2), .fill])
        widgets.loss.render(in: Panel(title: "Loss", theme: theme).draw(in: top[0], into: &buffer), into: &buffer)
        widgets.map.render(in: Panel(title: "Decision map", theme: theme).draw(in: top[1], into: &buffer), into: &buffer)
        let bottom = rows[2].columns([.ratio(1, 2), .fill])
        widgets.heatmap.render(in: Panel(title: "Weights", theme: theme).draw(in: bottom[0], into: &buffer), into: &buffer)
        widgets.gradients.render(in: Panel(title: "Gradients", theme: theme).draw(in: bottom[1], into: &buffer), into: &buffer)
        widgets.keys.render(in: rows[3], into: &buffer)
    }

    struct FrameWidgets {
        let status: StatusBar, loss: LossChart, map: DecisionMap, heatmap: Heatmap, gradients: GradientNormTable, keys: KeyLegend

        init(theme: Theme) {
            status = StatusBar(left: [StatusSegment("epoch 1234"), StatusSegment("loss 0.0123")],
                               right: [StatusSegment("running")], theme: theme)
            loss = SampleWidgets.lossChart(theme: theme, points: 240)
            map = SampleWidgets.decisionMap(theme: theme)
            heatmap = SampleWidgets.heatmap(theme: theme)
            gradients = SampleWidgets.gradientTable(theme: theme)
            keys = KeyLegend(SampleWidgets.keys, theme: theme)
        }
    }

    @Test(arguments: [(120, 40), (240, 70)])
    func fullFrame(width: Int, height: Int) {
        for theme in [TestThemes.paletteUnicode, TestThemes.plainASCII] {
            let widgets = FrameWidgets(theme: theme)
            var buffer = CellBuffer(width: width, height: height)
            Self.drawFrame(into: &buffer, theme: theme, widgets: widgets)
            if width <= 120 { print(buffer.lines.joined(separator: "\n")) }
            let frames = 200
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for _ in 0..<frames { Self.drawFrame(into: &buffer, theme: theme, widgets: widgets) }
            }
            let perFrame = (Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000) / Double(frames)
            print("render \(width)×\(height) \(theme.colorMode) \(theme.glyphs.isASCII ? "ascii" : "unicode"): "
                  + NumberFormat.fixed(perFrame, decimals: 3) + " ms/frame")
            #expect(buffer.lines.joined().contains("Loss"))
        }
    }
}
