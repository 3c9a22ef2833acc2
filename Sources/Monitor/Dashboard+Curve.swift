import TerminalUI

extension Dashboard {
    /// The map panel's picture of a one-input regression: the data (x, target) as dots and the
    /// network's prediction `curve` (as `DecisionGrid` samples it) as a line over the x range.
    func curvePlot(curve: [Double]) -> FunctionPlot {
        FunctionPlot(points: run.curvePoints, curve: curve, xRange: run.xRange, yRange: run.yRange, theme: theme)
    }
}
