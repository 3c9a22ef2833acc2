import Datasets
import TerminalUI

extension MonitorRunInfo {
    /// Whether the map panel draws the one-input picture: the data (x, target) and the
    /// network's prediction ŷ(x) over the x range (a regression on one input column).
    public var hasCurve: Bool { isRegression && rawFeatureCount == 1 && !curvePoints.isEmpty }

    /// Takes the points of a one-input regression and the ranges around them (8 % margin).
    mutating func showCurve(train: Dataset, test: Dataset) {
        curvePoints = [(train, false), (test, true)].flatMap { data, isTest in
            zip(data.features, data.targets).map { DataPoint(x: $0, y: $1, label: 0, isTest: isTest) }
        }
        xRange = Self.paddedRange(curvePoints.map(\.x))
        yRange = Self.paddedRange(curvePoints.map(\.y))
    }
}
