import Foundation
import MLPEngine
import TestSupport
import Testing
@testable import Training

/// network.svg: the network as the Playground draws it, read back as XML.
struct NetworkPictureTests {
    /// Class 0's blue and class 1's orange, as boundary.svg shades the classes.
    static let blue = "#1f78b5", orange = "#ff800d"

    /// A 2-3-1 tanh/sigmoid network with set weights: hidden neuron 1 is tanh(x1), neuron 2
    /// tanh(−2·x2 + 0.5), neuron 3 tanh(0.25·x1 − 3·x2 − 0.2); the output σ(2·h1 − h2 + 0.5·h3 − 0.5).
    static func smallNetwork() throws -> Network {
        var network = try Network(sizes: [2, 3, 1], activations: [.tanh, .sigmoid], loss: .bce)
        network.parameters = [1, 0, 0, -2, 0.25, -3, 0, 0.5, -0.2, 2, -1, 0.5, -0.5]
        return network
    }

    /// The plane −1…1 on both axes, fed to the network as it is.
    static let unitPlane = SnapshotPictures.InputPlane(x: -1...1, y: -1...1, networkInput: { $0 })

    static func picture(_ network: Network, plane: SnapshotPictures.InputPlane? = unitPlane, epoch: Int = 1234) throws -> SVGElements {
        try SVGElements(SnapshotPictures.network(network, dataset: "spiral", inputNames: ["x1", "x2"][..<min(2, network.inputCount)]
            + (2..<max(2, network.inputCount)).map { "f\($0 + 1)" }, epoch: epoch, plane: plane))
    }

    /// One thumbnail group per neuron, column by column; a line per weight in the colour of its
    /// sign, as wide as its share of the layer's largest; a bias bar per neuron; the title.
    @Test func aSmallNetworkHasAThumbnailPerNeuronAndALinePerWeight() throws {
        let network = try Self.smallNetwork()
        let svg = try Self.picture(network)
        let neurons = svg.elements.filter { $0.name == "g" && $0["class"] == "neuron" }
        #expect(neurons.map { $0["data-column"] ?? "" } == ["0", "0", "1", "1", "1", "2"])
        #expect(neurons.map { $0["data-neuron"] ?? "" } == ["0", "1", "0", "1", "2", "0"])
        // Every thumbnail is a grid of cells (paths inside the neuron's scaled group).
        #expect(svg.elements.filter { $0.name == "path" }.count >= 6)

        let lines = svg.elements.filter { $0.name == "line" && $0["class"] == "weight" }
        #expect(lines.count == 2 * 3 + 3 * 1)
        for line in lines {
            let layer = try #require(Int(line["data-layer"] ?? "")), from = try #require(Int(line["data-from"] ?? ""))
            let to = try #require(Int(line["data-to"] ?? ""))
            let weight = network.parameters[network.parameterIndex(layer: layer - 1, neuron: to, input: from)]
            #expect(line.number("data-value") == weight)
            #expect(line["stroke"] == (weight < 0 ? Self.blue : Self.orange), "layer \(layer) w(\(to),\(from)) = \(weight)")
        }
        // Stroke width grows with |w| within a layer: the largest of layer 1 (|−3|) is the widest.
        let firstLayer = lines.filter { $0["data-layer"] == "1" }
        let widest = try #require(firstLayer.max { $0.number("stroke-width") < $1.number("stroke-width") })
        #expect(widest.number("data-value") == -3)
        #expect(firstLayer.allSatisfy { $0.number("data-value") == 0 ? $0.number("stroke-width") < 0.5 : true })

        let biases = svg.elements.filter { $0.name == "rect" && $0["class"] == "bias" }
        #expect(biases.map { $0.number("data-value") } == [0, 0.5, -0.2, -0.5])
        #expect(biases.map { $0["fill"] } == [Self.orange, Self.orange, Self.blue, Self.blue])

        let title = try #require(svg.elements.first { $0["class"] == "title" })
        #expect(title.text == "spiral · 2-3-1 · epoch 1234")
        #expect(svg.elements.filter { $0["class"] == "heading" }.map(\.text) == ["2 inputs", "3 tanh", "1 sigmoid"])
        #expect(svg.elements.filter { $0["class"] == "input-name" }.map(\.text) == ["x1", "x2"])
        #expect(!svg.elements.contains { $0["class"] == "more" })
    }

    /// Known weights give known pictures: each thumbnail cell holds the neuron's activation at the
    /// cell's centre, top row first, scaled to −1…1 (tanh as it is, sigmoid 2a − 1, inputs by
    /// their largest magnitude).
    @Test func thumbnailsHoldEachNeuronsActivationOverThePlane() throws {
        let network = try Self.smallNetwork()
        let grid = 10
        let columns = try #require(SnapshotPictures.thumbnails(network, plane: Self.unitPlane, gridSize: grid))
        #expect(columns.map(\.count) == [2 * grid * grid, 3 * grid * grid, grid * grid])
        for row in 0..<grid {
            for col in 0..<grid {
                let x1 = -1 + (Double(col) + 0.5) / Double(grid) * 2, x2 = 1 - (Double(row) + 0.5) / Double(grid) * 2
                let cell = row * grid + col, n = grid * grid
                #expect(abs(columns[0][cell] - x1 / 0.9) < 1e-12)
                #expect(abs(columns[0][n + cell] - x2 / 0.9) < 1e-12)
                let h = [tanh(x1), tanh(-2 * x2 + 0.5), tanh(0.25 * x1 - 3 * x2 - 0.2)]
                for i in 0..<3 { #expect(abs(columns[1][i * n + cell] - h[i]) < 1e-12) }
                let output = 1 / (1 + exp(-(2 * h[0] - h[1] + 0.5 * h[2] - 0.5)))
                #expect(abs(columns[2][cell] - (2 * output - 1)) < 1e-12)
            }
        }
        // Drawn: hidden neuron 1 (tanh(x1)) has its left column blue and its right column orange,
        // every cell in one of 41 shades.
        #expect(SnapshotPictures.fill(-1) == Self.blue && SnapshotPictures.fill(1) == Self.orange && SnapshotPictures.fill(0) == "#ffffff")
        let paths = SnapshotPictures.thumbnailPaths(columns[1][0..<(grid * grid)], gridSize: grid).split(separator: "\n")
        let left = try #require(paths.first { $0.contains("d=\"M0 0h1v1h-1z") })
        let right = try #require(paths.first { $0.contains("d=\"M\(grid - 1) 0h1v1h-1z") })
        #expect(left.contains("fill=\"\(SnapshotPictures.fill((tanh(-0.9) * 20).rounded() / 20))\""), "\(left)")
        #expect(right.contains("fill=\"\(SnapshotPictures.fill((tanh(0.9) * 20).rounded() / 20))\""), "\(right)")
        #expect(SnapshotPictures.fill((tanh(-0.9) * 20).rounded() / 20) == "#62a0cb")
    }

    /// Columns wider than 32 show their first 32 neurons and say how many more there are; weights
    /// are drawn between the neurons shown.
    @Test func aWideLayerShowsItsFirst32NeuronsAndTheCountOfTheRest() throws {
        let network = try Network(sizes: [2, 40, 1], hidden: .relu, output: .sigmoid, loss: .bce, seed: 3)
        let svg = try Self.picture(network)
        let neurons = svg.elements.filter { $0.name == "g" && $0["class"] == "neuron" }
        #expect(neurons.filter { $0["data-column"] == "1" }.count == 32)
        #expect(neurons.count == 2 + 32 + 1)
        #expect(svg.elements.filter { $0["class"] == "more" }.map(\.text) == ["+8 more"])
        #expect(svg.elements.filter { $0.name == "line" && $0["class"] == "weight" }.count == 2 * 32 + 32)
        #expect(svg.elements.filter { $0["class"] == "heading" }.map(\.text) == ["2 inputs", "40 relu", "1 sigmoid"])
    }

    /// A prepared run names its inputs by the features in use (--features), and draws each of them
    /// over the raw data's plane.
    @Test func aRunsInputsAreNamedByTheFeaturesInUse() throws {
        var c = RunConfiguration()
        c.dataset = "moons"
        c.sampleCount = 50
        c.hiddenSizes = [3]
        c.features = ["x1", "x2", "x1*x2", "sin(x1)"]
        c.standardize = true
        let run = try c.prepare()
        let svg = try SVGElements(SnapshotPictures.network(run: run, network: run.network, epoch: 9))
        #expect(svg.elements.filter { $0["class"] == "input-name" }.map(\.text) == ["x1", "x2", "x1*x2", "sin(x1)"])
        #expect(svg.elements.first { $0["class"] == "title" }?.text == "moons · 4-3-1 · epoch 9")
        let neurons = svg.elements.filter { $0.name == "g" && $0["class"] == "neuron" }
        #expect(neurons.count == 4 + 3 + 1)
        #expect(!svg.elements.contains { $0.name == "circle" })
        let plane = try #require(SnapshotPictures.InputPlane(run: run))
        #expect(plane.networkInput([0.5, -0.25]) == run.networkInput([0.5, -0.25]))
    }

    /// Without a 2-D input plane, neurons are circles and the weights are still drawn.
    @Test func withoutAnInputPlaneNeuronsAreCircles() throws {
        let network = Fixtures.network([3, 4, 1])
        let svg = try Self.picture(network, plane: nil)
        let neurons = svg.elements.filter { $0.name == "g" && $0["class"] == "neuron" }
        #expect(neurons.count == 3 + 4 + 1)
        #expect(svg.elements.filter { $0.name == "circle" }.count == 8)
        #expect(!svg.elements.contains { $0.name == "path" })
        #expect(svg.elements.filter { $0.name == "line" && $0["class"] == "weight" }.count == 3 * 4 + 4 * 1)
        #expect(svg.elements.filter { $0["class"] == "input-name" }.map(\.text) == ["x1", "x2", "f3"])
        // Long names push the columns right rather than leave the picture.
        let long = try SVGElements(SnapshotPictures.network(network, dataset: "d", inputNames: ["a", "petal_length_in_centimetres", "c"],
                                                            epoch: 1, plane: nil))
        let name = try #require(long.elements.first { $0["class"] == "input-name" && $0.text.hasPrefix("petal") })
        #expect(name.number("x") - SVGDocument.estimatedWidth(of: name.text, size: 12) >= 0)
    }

    /// The document is sized to its content, and librsvg renders it.
    @Test(.enabled(if: ProcessRunner.locate("rsvg-convert") != nil, "needs rsvg-convert (librsvg2-bin)"),
          arguments: [[2, 3, 1], [2, 16, 16, 1], [2, 40, 3]])
    func thePictureRendersWithLibrsvg(sizes: [Int]) throws {
        let network = try Network(sizes: sizes, hidden: .tanh, output: sizes.last == 1 ? .sigmoid : .softmax,
                                  loss: sizes.last == 1 ? .bce : .softmaxCrossEntropy, seed: 5)
        let text = SnapshotPictures.network(network, dataset: "spiral", inputNames: ["x1", "x2"], epoch: 7, plane: Self.unitPlane)
        let svg = try SVGElements(text)
        let root = try #require(svg.elements.first { $0.name == "svg" })
        let width = root.number("width"), height = root.number("height")
        let rects = svg.elements.filter { $0.name == "rect" && $0["width"] != "100%" }
        #expect(rects.allSatisfy { $0.number("x") + $0.number("width") <= width && $0.number("y") + $0.number("height") <= height })

        let directory = try ProcessScratchDirectory(prefix: "mlptop-network-svg")
        let input = directory.path + "/network.svg", output = directory.path + "/network.png"
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(try #require(ProcessRunner.locate("rsvg-convert")), [input, "-o", output],
                                           environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "rsvg-convert: \(result.standardError)")
        let png = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
