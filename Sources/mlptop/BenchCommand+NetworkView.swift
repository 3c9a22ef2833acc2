import Monitor
import TerminalUI
import Training

/// The network view's frame time, for `mlptop bench --workload render`.
enum NetworkViewRenderBenchmark {
    /// Milliseconds per network-view frame for `state` at 120×40 and 240×70, with the neuron
    /// pictures cached (a paused or slowly changing run) and evaluated every frame.
    static func run(state: TrainerState, run: MonitorRunInfo, seconds: Double) {
        StandardStreams.output("network view: the same state, every neuron's picture and the inspector")
        StandardStreams.output("size      glyphs+colours   ms/frame (pictures cached)   ms/frame (pictures evaluated)")
        var view = MonitorViewState(layerCount: state.network.shapes.count, seed: 1, sizes: state.network.sizes,
                                    sampleCount: run.trainingSet.count)
        view.screen = .network
        for (width, height) in [(120, 40), (240, 70)] {
            for (name, theme) in [("unicode+256", Theme(colorMode: .palette256, glyphs: .unicode)),
                                  ("ascii", Theme(colorMode: .none, glyphs: .ascii))] {
                let networkView = NetworkView(dashboard: Dashboard(run: run, theme: theme))
                var buffer = CellBuffer(width: width, height: height)
                var cache = NeuronPictureCache(run: run)
                let cached = RenderBenchmark.timePerCall(seconds: seconds / 8) {
                    let pictures = cache.pictures(for: state, now: 0)
                    networkView.render(MonitorFrame(state: state, view: view, pictures: pictures, now: 0), into: &buffer)
                }
                let evaluated = RenderBenchmark.timePerCall(seconds: seconds / 8) {
                    var fresh = NeuronPictureCache(run: run)
                    let pictures = fresh.pictures(for: state, now: 0)
                    networkView.render(MonitorFrame(state: state, view: view, pictures: pictures, now: 0), into: &buffer)
                }
                let label = "\(width)x\(height)".padding(toLength: 10, withPad: " ", startingAt: 0)
                    + name.padding(toLength: 16, withPad: " ", startingAt: 0)
                StandardStreams.output(label + String(format: "%15.3f %30.3f", cached * 1000, evaluated * 1000))
            }
        }
    }
}
