import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MLPEngine
import Testing
@testable import Training

/// The snapshot pictures, read back as XML: sizes, titles, axes.
struct SnapshotPictureTests {
    /// The weights picture is as large as its content: no empty page below or beside it.
    @Test(arguments: [[2, 16, 16, 1], [3, 100, 1], [80, 8, 1]])
    func weightsPictureIsSizedToItsContent(sizes: [Int]) throws {
        let svg = try SVGElements(SnapshotPictures.weights(network: Fixtures.network(sizes)))
        let root = try #require(svg.elements.first { $0.name == "svg" })
        let width = try #require(Double(root["width"] ?? "")), height = try #require(Double(root["height"] ?? ""))
        #expect(root["viewBox"] == "0 0 \(root["width"]!) \(root["height"]!)")
        let cells = svg.elements.filter { $0.name == "rect" && $0["width"] != "100%" }
        let cellRight = cells.map { $0.number("x") + $0.number("width") }.max() ?? 0
        let cellBottom = cells.map { $0.number("y") + $0.number("height") }.max() ?? 0
        let texts = svg.elements.filter { $0.name == "text" }
        let textRight = texts.map { $0.number("x") + SVGDocument.estimatedWidth(of: $0.text, size: $0.number("font-size")) }.max() ?? 0
        let textBottom = texts.map { $0.number("y") }.max() ?? 0
        let right = max(cellRight, textRight), bottom = max(cellBottom, textBottom)
        #expect(width >= right && width <= right + 40, "width \(width), content reaches x = \(right)")
        #expect(height >= bottom && height <= bottom + 40, "height \(height), content reaches y = \(bottom)")
    }

    /// Layers are numbered from 1, as in the monitor ("layer 1/3").
    @Test func weightsPictureNumbersLayersFromOne() throws {
        let svg = try SVGElements(SnapshotPictures.weights(network: Fixtures.network([2, 16, 16, 1])))
        let titles = svg.elements.filter { $0.name == "text" && $0.text.hasPrefix("layer ") }.map(\.text)
        #expect(titles.count == 3)
        #expect(titles.first?.hasPrefix("layer 1 of 3: 2→16 tanh") == true)
        #expect(titles.last?.hasPrefix("layer 3 of 3: 16→1 sigmoid") == true)
        #expect(!titles.contains { $0.hasPrefix("layer 0") })
    }

    /// A loss history of `epochs` epochs falling from about 0.7 towards 0.005, kept in few buckets
    /// (so they span many epochs and the last is partial), and a test loss a little above it.
    static func history(epochs: Int, capacity: Int = 64) -> LossHistory {
        var history = LossHistory(capacity: capacity)
        for epoch in 1...epochs {
            let loss = 0.7 * exp(-Double(epoch) / Double(max(1, epochs / 12))) + 0.005
            history.record(EpochReport(epoch: epoch, trainLoss: loss, testLoss: loss * 1.2, trainAccuracy: 0.9,
                                       testAccuracy: 0.9, learningRate: 0.1, gradientNorms: [], seconds: 0,
                                       samplesPerSecond: 0))
        }
        return history
    }

    /// A label such as "0.05", "20k" or "1e-5" as a number.
    static func value(ofLabel label: String) -> Double? {
        if label.hasSuffix("k") { return Double(label.dropLast()).map { $0 * 1e3 } }
        if label.hasSuffix("M") { return Double(label.dropLast()).map { $0 * 1e6 } }
        return Double(label)
    }

    /// Whether `x` is 1, 2 or 5 × 10^k.
    static func isOneTwoFive(_ x: Double) -> Bool {
        guard x > 0 else { return false }
        let mantissa = x / pow(10, floor(log10(x) + 1e-9))
        return [1.0, 2, 5].contains { abs(mantissa - $0) < 1e-6 }
    }

    /// Ticks evenly spaced by a 1, 2 or 5 × 10^k step, each a multiple of it.
    static func areNiceLinearTicks(_ values: [Double]) -> Bool {
        guard values.count >= 2 else { return false }
        let step = values[1] - values[0]
        return isOneTwoFive(step) && zip(values, values.dropFirst()).allSatisfy { abs($1 - $0 - step) < step * 1e-6 }
            && values.allSatisfy { abs($0 / step - ($0 / step).rounded()) < 1e-6 }
    }

    /// loss.svg marks round numbers: 1/2/5 × 10^k steps on the linear axes, powers of ten on the
    /// log axis (here the loss spans more than two decades), labelled compactly ("20k").
    @Test(arguments: [84534, 3000, 7])
    func lossPictureTicksAreNiceNumbers(epochs: Int) throws {
        let svg = try SVGElements(SnapshotPictures.loss(history: Self.history(epochs: epochs), learningRateChanges: []))
        func labels(_ axis: String, _ panel: String) -> [String] {
            svg.elements.filter { $0.name == "text" && $0["class"] == axis && $0["data-panel"] == panel }.map(\.text)
        }
        for panel in ["linear", "log"] {
            let x = labels("x-tick", panel)
            let xValues = x.compactMap(Self.value(ofLabel:))
            #expect(xValues.count == x.count && x.count >= 3 && x.count <= 9, "\(panel) x ticks \(x)")
            #expect(Self.areNiceLinearTicks(xValues), "\(panel) x ticks \(x)")
            #expect(xValues.first == 0)
            #expect(x.allSatisfy { $0.count <= 5 }, "\(panel) x ticks \(x)")
        }
        #expect(labels("x-tick", "linear") == (epochs == 84534 ? ["0", "20k", "40k", "60k", "80k"] : labels("x-tick", "linear")))
        let linear = labels("y-tick", "linear").compactMap(Self.value(ofLabel:))
        #expect(Self.areNiceLinearTicks(linear) && linear.first == 0 && linear.count <= 7, "linear y ticks \(linear)")
        let log = labels("y-tick", "log")
        #expect(log.count >= 3 && log.compactMap(Self.value(ofLabel:)).filter(Self.isOneTwoFive).count == log.count,
                "log y ticks \(log)")
        if epochs >= 3000 { #expect(log == ["0.01", "0.1", "1"], "log y ticks \(log)") }
    }

    /// The epoch axis runs to the last epoch recorded, not to the middle of the last history
    /// bucket; the curves and a learning-rate change at the last epoch end there too.
    @Test(arguments: [84534, 3000, 70])
    func lossPictureEpochAxisEndsAtTheLastEpoch(epochs: Int) throws {
        let history = Self.history(epochs: epochs, capacity: 16)
        #expect(history.trainLoss.buckets.last!.count > 1, "the test needs a last bucket of several epochs")
        let changes = [LearningRateChange(epoch: epochs, learningRate: 0.05)]
        let svg = try SVGElements(SnapshotPictures.loss(history: history, learningRateChanges: changes))
        for panel in ["linear", "log"] {
            let ticks = svg.elements.filter { $0.name == "text" && $0["class"] == "x-tick" && $0["data-panel"] == panel }
            let first = try #require(ticks.first), last = try #require(ticks.last)
            let firstEpoch = try #require(Self.value(ofLabel: first.text)), lastTickEpoch = try #require(Self.value(ofLabel: last.text))
            #expect(firstEpoch == 0)
            let pixelsPerEpoch = (last.number("x") - first.number("x")) / (lastTickEpoch - firstEpoch)
            let axis = try #require(svg.elements.first { $0["class"] == "x-axis" && $0["data-panel"] == panel })
            let axisEnd = axis.number("x2")
            #expect(abs(first.number("x") - axis.number("x1")) < 0.02)
            #expect(abs(first.number("x") + Double(epochs) * pixelsPerEpoch - axisEnd) < 0.1,
                    "\(panel): the axis ends at epoch \((axisEnd - first.number("x")) / pixelsPerEpoch), not \(epochs)")
            let curves = svg.elements.filter { $0.name == "path" && $0["data-panel"] == panel }
            #expect(curves.count == 2)
            for curve in curves {
                let numbers = (curve["d"] ?? "").split { " ML".contains($0) }.compactMap { Double($0) }
                #expect(numbers.count >= 4)
                #expect(abs(numbers[0] - (first.number("x") + pixelsPerEpoch)) < 0.02, "\(panel) curve starts at epoch 1")
                #expect(abs(numbers[numbers.count - 2] - axisEnd) < 0.02, "\(panel) curve ends at the last epoch")
            }
            let change = try #require(svg.elements.first { $0["class"] == "lr-change" && $0["data-panel"] == panel })
            #expect(abs(change.number("x1") - axisEnd) < 0.02)
        }
    }

    /// Without a test set there is no test curve, and the legend does not list one.
    @Test func lossPictureLegendListsOnlyCurvesDrawn() throws {
        var history = LossHistory(capacity: 64)
        for epoch in 1...50 {
            history.record(EpochReport(epoch: epoch, trainLoss: 1 / Double(epoch), testLoss: nil, trainAccuracy: 0.5,
                                       testAccuracy: nil, learningRate: 0.1, gradientNorms: [], seconds: 0, samplesPerSecond: 0))
        }
        let svg = try SVGElements(SnapshotPictures.loss(history: history, learningRateChanges: []))
        #expect(svg.elements.filter { $0.name == "path" }.map { $0["data-series"] } == ["train", "train"])
        let texts = svg.elements.filter { $0.name == "text" }.map(\.text)
        #expect(texts.filter { $0 == "train" }.count == 2)
        #expect(!texts.contains("test"))
    }

    @Test func boundaryPictureUsesEqualUnitsOnBothAxes() throws {
        // Moons spread wider than tall: the picture's y range grows to the x range's length, so a
        // unit is as many pixels across as up (read from the tick labels' places).
        let (prepared, checkpoint) = try SnapshotTests.trained(epochs: 2)
        let svg = try SVGElements(SnapshotPictures.boundary(run: prepared, network: checkpoint.network))
        func pixelsPerUnit(_ kind: String, _ coordinate: String) throws -> Double {
            let ticks = svg.elements.filter { $0.name == "text" && $0["class"] == kind }
                .compactMap { tick -> (Double, Double)? in
                    guard let value = Double(tick.text.replacingOccurrences(of: "−", with: "-")),
                          let place = tick[coordinate].flatMap(Double.init) else { return nil }
                    return (value, place)
                }
            try #require(ticks.count >= 3, "\(ticks)")
            return abs((ticks.last!.1 - ticks.first!.1) / (ticks.last!.0 - ticks.first!.0))
        }
        let (x, y) = (try pixelsPerUnit("x-tick", "x"), try pixelsPerUnit("y-tick", "y"))
        #expect(abs(x - y) / x < 0.01, "x: \(x) px a unit, y: \(y)")
    }

    /// boundary.svg has a title naming the data set, network and epoch, tick labels on both axes
    /// and one key entry per class; weights.svg a title, column names (the inputs' for layer 1)
    /// and a colour bar per layer; loss.svg a title and a label on each learning-rate line.
    @Test func picturesAreTitledAndLabelled() throws {
        let (prepared, checkpoint) = try SnapshotTests.trained(epochs: 2)
        let boundary = try SVGElements(SnapshotPictures.boundary(run: prepared, network: checkpoint.network, epoch: 2))
        let texts = boundary.elements.filter { $0.name == "text" }
        #expect(texts.first { $0["class"] == "title" }?.text == "Decision boundary: moons, 2-8-1 tanh, epoch 2")
        #expect(texts.filter { $0["class"] == "x-tick" }.count >= 3 && texts.filter { $0["class"] == "y-tick" }.count >= 3)
        #expect(texts.map(\.text).filter { $0.hasPrefix("class ") } == ["class 0", "class 1"])
        let weights = try SVGElements(SnapshotPictures.weights(network: checkpoint.network, inputNames: ["width", "height"],
                                                               title: "Weights: moons"))
        let names = weights.elements.filter { $0["class"] == "column-name" }.map(\.text)
        #expect(Array(names.prefix(3)) == ["width", "height", "b"], "\(names)")
        #expect(weights.elements.filter { $0["class"] == "colour-bar" }.count == 24 * checkpoint.network.shapes.count)
        #expect(weights.elements.contains { $0["class"] == "title" && $0.text == "Weights: moons" })
        var history = LossHistory(capacity: 64)
        for epoch in 1...50 {
            history.record(EpochReport(epoch: epoch, trainLoss: 1 / Double(epoch), testLoss: nil, trainAccuracy: 0.5,
                                       testAccuracy: nil, learningRate: 0.1, gradientNorms: [], seconds: 0, samplesPerSecond: 0))
        }
        let loss = try SVGElements(SnapshotPictures.loss(history: history, learningRateChanges: [
            LearningRateChange(epoch: 20, learningRate: 0.05)], title: "Loss: moons"))
        #expect(loss.elements.filter { $0["class"] == "lr-label" }.map(\.text) == ["lr 0.05", "lr 0.05"])
        #expect(loss.elements.contains { $0["class"] == "title" && $0.text == "Loss: moons" })
        // The legend is above the plot, not on it: below the panel's top, no legend line.
        let legendLines = loss.elements.filter { $0["class"] == "legend" }.compactMap { $0["y1"].flatMap(Double.init) }
        #expect(!legendLines.isEmpty && legendLines.allSatisfy { $0 < 70 || ($0 > 320 && $0 < 380) }, "\(legendLines)")
    }

    @Test func axisTicksAreRoundAndCompact() {
        let epochs = AxisTicks.linear(0, 84534, maxIntervals: 8, extend: false, thousands: true)
        #expect(epochs.labels == ["0", "20k", "40k", "60k", "80k"])
        #expect(epochs.upper == 84534)
        #expect(AxisTicks.linear(0, 3000, maxIntervals: 8, extend: false, thousands: true).labels
                == ["0", "500", "1000", "1500", "2000", "2500", "3000"])
        let loss = AxisTicks.linear(0, 0.711, extend: true)
        #expect(loss.labels == ["0", "0.2", "0.4", "0.6", "0.8"])
        #expect(loss.upper == 0.8)
        #expect(AxisTicks.linear(0, 0.0012, extend: true).labels == ["0", "0.0002", "0.0004", "0.0006", "0.0008", "0.001", "0.0012"])
        #expect(AxisTicks.linear(0, 3.4e-6, extend: true).labels == ["0", "1e-6", "2e-6", "3e-6", "4e-6"])
        // Log axes: powers of ten, every few decades over a wide range, 1/2/5 within a decade.
        #expect(AxisTicks.logarithmic(0.00621, 0.711).labels == ["0.01", "0.1", "1"])
        #expect(AxisTicks.logarithmic(0.03, 0.6).labels == ["0.02", "0.05", "0.1", "0.2", "0.5", "1"])
        #expect(AxisTicks.logarithmic(0.3, 0.7).labels == ["0.2", "0.5", "1"])
        let wide = AxisTicks.logarithmic(3e-13, 0.7)
        #expect(wide.labels == ["1e-12", "1e-10", "1e-8", "1e-6", "0.0001", "0.01", "1"])
        #expect(wide.lower <= 3e-13 && wide.upper >= 0.7)
        let narrow = AxisTicks.logarithmic(0.421, 0.448)
        #expect(narrow.labels == ["0.42", "0.43", "0.44", "0.45"])
        // Many ranges (seeded): evenly stepped round values, covering the data when extended.
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let a = pow(10, Double.random(in: -8...8, using: &generator)), b = a * Double.random(in: 1.001...1000, using: &generator)
            let t = AxisTicks.linear(0, b, extend: true)
            #expect(Self.areNiceLinearTicks(t.values) && t.lower == 0 && t.upper >= b && t.values.count <= 7, "0…\(b): \(t.labels)")
            let l = AxisTicks.logarithmic(a, b)
            #expect(l.lower <= a && l.upper >= b && l.values.count >= 2 && l.values.count <= 8, "\(a)…\(b): \(l.labels)")
            #expect(l.values.allSatisfy(Self.isOneTwoFive) || Self.areNiceLinearTicks(l.values), "\(a)…\(b): \(l.labels)")
        }
    }
}

/// Every element of an SVG document in order, with its attributes and text.
struct SVGElements {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        subscript(_ key: String) -> String? { attributes[key] }
        /// A numeric attribute (0 when missing or not a number).
        func number(_ key: String) -> Double { Double(attributes[key] ?? "") ?? 0 }
    }

    let elements: [Element]

    init(_ text: String) throws {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw CocoaError(.propertyListReadCorrupt) }
        elements = collector.elements
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributeDict))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            open.removeLast()
        }
    }
}
