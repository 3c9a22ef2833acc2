import Foundation
import MLPEngine
import Testing
@testable import Training

/// A fork in a comparison's loss.svg: its history up to the fork epoch is its parent's, so it is
/// drawn from the fork epoch on (the parent draws the shared part), its start marked.
@Suite struct ComparisonForkPictureTests {
    /// Records epochs `epochs` into `history`, the loss falling from `start`.
    static func record(_ epochs: ClosedRange<Int>, start: Double, into history: inout LossHistory) {
        for epoch in epochs {
            let loss = start * exp(-Double(epoch) / 100) + 0.01
            history.record(EpochReport(epoch: epoch, trainLoss: loss, testLoss: loss * 1.2, trainAccuracy: 0.9,
                                       testAccuracy: 0.8, learningRate: 0.1, gradientNorms: [], seconds: 0,
                                       samplesPerSecond: 0))
        }
    }

    /// The x coordinates of an element's points (`d` of a path, `points` of a polyline or polygon).
    static func xs(_ element: SVGElements.Element) -> [Double] {
        let numbers = (element["d"] ?? element["points"] ?? "").split { " ,ML".contains($0) }.compactMap { Double($0) }
        return stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
    }

    @Test("a fork at epoch 200 of 400 is drawn from x(200) on, with a ring there; its parent from x(0)")
    func forkDrawnFromItsForkEpoch() throws {
        var parent = LossHistory(capacity: 32)
        Self.record(1...200, start: 0.7, into: &parent)
        var fork = parent
        Self.record(201...400, start: 0.7, into: &parent)
        Self.record(201...400, start: 0.3, into: &fork)
        let svg = try SVGElements(ComparisonFiles.lossPicture(names: ["main", "lr=0.3"], histories: [parent, fork],
                                                              title: "Loss", forkEpochs: [nil, 200]))
        // The panels span epochs 0…400 over x = 80…770: epoch 200 is at x = 425.
        let forkX = 80 + 200.0 / 400 * 690
        let forkDrawn = svg.elements.filter { $0["data-run"] == "2 lr=0.3" && ["band", "raw", "curve"].contains($0["class"] ?? "") }
        #expect(forkDrawn.count == 12)
        for element in forkDrawn {
            let xs = Self.xs(element)
            #expect(!xs.isEmpty && xs.allSatisfy { $0 >= forkX - 0.01 }, "\(element["class"] ?? "") starts at \(xs.min() ?? 0)")
            #expect(abs((xs.min() ?? 0) - forkX) < 0.01, "\(element["class"] ?? "") \(element["data-series"] ?? "") starts at the fork")
        }
        let parentCurves = svg.elements.filter { $0["data-run"] == "1 main" && $0["class"] == "curve" }
        // The parent from its first epoch, 1, at x = 81.725.
        #expect(parentCurves.count == 4 && parentCurves.allSatisfy { abs((Self.xs($0).min() ?? 0) - 81.725) < 0.01 })
        // One ring per panel where the fork leaves its parent, on its train curve's start.
        let rings = svg.elements.filter { $0["class"] == "fork-point" }
        #expect(rings.count == 2 && rings.allSatisfy { $0["data-run"] == "2 lr=0.3" && abs($0.number("cx") - forkX) < 0.01 })
    }

    @Test("without a fork epoch a run is drawn from its first epoch, and has no ring")
    func runOfItsOwn() throws {
        var history = LossHistory(capacity: 32)
        Self.record(1...400, start: 0.7, into: &history)
        let svg = try SVGElements(ComparisonFiles.lossPicture(names: ["a", "b"], histories: [history, history], title: "Loss"))
        #expect(svg.elements.filter { $0["class"] == "curve" }.allSatisfy { abs((Self.xs($0).min() ?? 0) - 81.725) < 0.01 })
        #expect(!svg.elements.contains { $0["class"] == "fork-point" })
    }
}
