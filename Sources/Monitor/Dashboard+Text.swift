import TerminalUI
import Training

extension Dashboard {
    /// The dashboard for `state` as plain text, `width` × `height`, with no message showing: what
    /// a headless snapshot saves as `screen.txt` and what `mlptop show --print` writes.
    public func textLines(state: TrainerState, width: Int, height: Int) -> [String] {
        var buffer = CellBuffer(width: width, height: height)
        let layout = self.layout(width: width, height: height)
        var grid = DecisionGrid(run: run, minimumInterval: 0)
        let samples = gridSize(in: layout).flatMap { grid.samples(for: state, width: $0.width, height: $0.height, now: 0) }
        let view = MonitorViewState(layerCount: state.network.shapes.count, seed: 0)
        render(state: state, view: view, samples: samples, now: 0, into: &buffer)
        return buffer.lines
    }
}
