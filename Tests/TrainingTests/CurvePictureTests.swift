import Foundation
import MLPEngine
import Testing
@testable import Training

/// boundary.svg of a regression on one input column: the data as dots and the prediction ŷ(x)
/// as a line, placed by the engine's own outputs.
struct CurvePictureTests {
    let scratch: SnapshotTests.Scratch
    init() throws { scratch = try SnapshotTests.Scratch() }

    @Test func aOneInputRegressionIsDrawnAsTheDataAndThePredictionsCurve() throws {
        let path = scratch.path + "/sin.csv"
        let rows = (0..<40).map { i -> String in
            let x = -3 + 6 * Double(i) / 39
            return "\(x),\(sin(x))"
        }
        try ("x,y\n" + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var c = RunConfiguration()
        c.dataset = path
        c.task = .regression
        c.hiddenSizes = [4]
        let prepared = try c.prepare()
        let network = prepared.network
        let svg = try SVGElements(SnapshotPictures.boundary(run: prepared, network: network, epoch: 0))
        #expect(svg.elements.first { $0["class"] == "title" }?.text == "Prediction: sin.csv, 1-4-1 tanh, epoch 0")
        #expect(svg.elements.filter { $0["class"]?.hasPrefix("point") == true }.count == 40)
        // One unbroken line of 300 points; the first at x = the first sample's, y = the network's output there.
        let lines = svg.elements.filter { $0["class"] == "prediction" }
        try #require(lines.count == 1)
        let points = try #require(lines[0]["d"]).split(separator: " ").map { Double($0.filter { $0 != "M" && $0 != "L" })! }
        #expect(points.count == 600)
        let (x0, x1) = (-3 - 0.48, 3 + 0.48)
        let first = x0 + 0.5 / 300 * (x1 - x0)
        let ys = prepared.rawTrainingSet.targets + prepared.rawTestSet.targets
        let y1 = ys.max()! + 0.08 * (ys.max()! - ys.min()!), y0 = ys.min()! - 0.08 * (ys.max()! - ys.min()!)
        let predicted = network.outputs(features: prepared.networkInput([first]))[0]
        #expect(abs(points[0] - (70 + (first - x0) / (x1 - x0) * 600)) < 0.01)
        #expect(abs(points[1] - (46 + (y1 - predicted) / (y1 - y0) * 400)) < 0.01)
        #expect(svg.elements.contains { $0.name == "text" && $0.text.hasPrefix("dots: the data") })
    }
}
