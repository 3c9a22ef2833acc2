import Datasets
import MLPEngine
import Monitor
import Testing
@testable import Training

@Suite("The decision grid: a batched forward pass, cached by generation, epoch and size")
struct DecisionGridTests {
    /// One sigmoid unit that says class 1 right of x = 0: P = σ(5·x₁).
    static let rightIsOne: Network = {
        var network = try! Network(sizes: [2, 1], activations: [.sigmoid], loss: .bce)
        network.parameters = [5, 0, 0]
        return network
    }()

    func state(epoch: Int, status: RunStatus = .running, generation: Int = 0) -> TrainerState {
        var state = TrainerState(network: Self.rightIsOne, learningRate: 0.1, targetEpochs: 0, epoch: epoch, status: status)
        state.generation = generation
        return state
    }

    @Test("a linearly separable boundary: class 1 on the right, class 0 on the left, even across each row")
    func boundary() throws {
        var grid = DecisionGrid(run: MonitorFixtures.runInfo())
        let result = grid.samples(for: state(epoch: 1), width: 10, height: 4, now: 0)
        let samples = try #require(result)
        #expect(samples.probabilities.count == 40)
        #expect(samples.classCount == 2)
        for row in 0..<4 {
            let line = samples.probabilities[(row * 10)..<(row * 10 + 10)]
            #expect(line.prefix(5).allSatisfy { $0 < 0.5 })
            #expect(line.suffix(5).allSatisfy { $0 > 0.5 })
            #expect(zip(line, line.dropFirst()).allSatisfy { $0 < $1 })
        }
    }

    @Test("a network too big for the frame budget is evaluated on a coarser grid and shown in blocks")
    func bigNetworksUseACoarserGrid() throws {
        let big = try Network(sizes: [2, 512, 512, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 1)
        let state = TrainerState(network: big, learningRate: 0.1, targetEpochs: 0, epoch: 1, status: .running)
        var grid = DecisionGrid(run: MonitorFixtures.runInfo())
        let result = grid.samples(for: state, width: 100, height: 60, now: 0)
        let samples = try #require(result)
        #expect(samples.probabilities.count == 6_000)
        // 100×60 × 263k weights is over budget: the factor is 6, so cells come in 6-wide runs.
        #expect(samples.probabilities[0] == samples.probabilities[5])
        #expect(samples.probabilities[0] == samples.probabilities[100 * 5])
        let distinct = Set(samples.probabilities.map(\.bitPattern)).count
        #expect(distinct <= (100 / 6) * (60 / 6))
        #expect(distinct > 1)
    }

    @Test("the grid goes through the run's input mapping before the network")
    func inputMapping() throws {
        var run = MonitorFixtures.runInfo()
        run.networkInput = { [-$0[0], $0[1]] }
        var grid = DecisionGrid(run: run)
        let result = grid.samples(for: state(epoch: 1), width: 10, height: 1, now: 0)
        let samples = try #require(result)
        #expect(samples.probabilities[0] > 0.5)
        #expect(samples.probabilities[9] < 0.5)
    }

    @Test("the same generation, epoch and size come from the cache")
    func cacheHit() {
        var grid = DecisionGrid(run: MonitorFixtures.runInfo())
        let first = grid.samples(for: state(epoch: 5), width: 20, height: 10, now: 0)
        let again = grid.samples(for: state(epoch: 5), width: 20, height: 10, now: 100)
        #expect(first == again)
        #expect(grid.evaluationCount == 1)
    }

    @Test("while running, a new epoch is evaluated at most once per interval; paused, at once")
    func throttle() {
        var grid = DecisionGrid(run: MonitorFixtures.runInfo(), minimumInterval: 0.2)
        _ = grid.samples(for: state(epoch: 5), width: 20, height: 10, now: 0)
        _ = grid.samples(for: state(epoch: 6), width: 20, height: 10, now: 0.1)
        #expect(grid.evaluationCount == 1)
        _ = grid.samples(for: state(epoch: 7), width: 20, height: 10, now: 0.25)
        #expect(grid.evaluationCount == 2)
        _ = grid.samples(for: state(epoch: 8, status: .paused), width: 20, height: 10, now: 0.26)
        #expect(grid.evaluationCount == 3)
    }

    @Test("a reset or a new size is evaluated at once")
    func resetAndResize() {
        var grid = DecisionGrid(run: MonitorFixtures.runInfo(), minimumInterval: 10)
        _ = grid.samples(for: state(epoch: 5), width: 20, height: 10, now: 0)
        _ = grid.samples(for: state(epoch: 0, generation: 1), width: 20, height: 10, now: 0.01)
        #expect(grid.evaluationCount == 2)
        let resized = grid.samples(for: state(epoch: 0, generation: 1), width: 30, height: 12, now: 0.02)
        #expect(grid.evaluationCount == 3)
        #expect(resized?.width == 30 && resized?.height == 12)
    }

    @Test("no grid for data of one input column, or an empty size")
    func noGrid() {
        let line = Dataset(name: "line", featureNames: ["t"], features: [0, 1], labels: [0, 1], classCount: 2)
        let run = MonitorRunInfo(datasetName: "line", architecture: "1-4-1", optimizer: "sgd", seed: 1,
                                 rawTrainingSet: line, rawTestSet: line, networkInput: { $0 })
        var grid = DecisionGrid(run: run)
        #expect(grid.samples(for: state(epoch: 1), width: 10, height: 10, now: 0) == nil)
        var flat = DecisionGrid(run: MonitorFixtures.runInfo())
        let empty = flat.samples(for: state(epoch: 1), width: 0, height: 10, now: 0)
        #expect(empty == nil)
        #expect(grid.evaluationCount == 0 && flat.evaluationCount == 0)
    }

    @Test("three input columns: the grid is the network's forward pass on the slice, the third column at its mean")
    func sliceGrid() throws {
        // a, b, c with c's training mean 2; the network's output is sigmoid(c − 2 + a): on the
        // slice a × b it is sigmoid(a), whatever b is.
        let data = Dataset(name: "cube", featureNames: ["a", "b", "c"], features: [-1, -1, 1, 1, 1, 3],
                           labels: [0, 1], classCount: 2)
        var network = try Network(sizes: [3, 1], activations: [.sigmoid], loss: .bce)
        network.parameters = [1, 0, 1, -2]
        let run = MonitorRunInfo(datasetName: "cube", architecture: "3-1", optimizer: "sgd", seed: 1,
                                 rawTrainingSet: data, rawTestSet: data, networkInput: { $0 })
        #expect(run.slice?.means == [0, 0, 2])
        var grid = DecisionGrid(run: run)
        let state = TrainerState(network: network, learningRate: 0.1, targetEpochs: 0, epoch: 1, status: .paused)
        let result = grid.samples(for: state, width: 4, height: 3, now: 0)
        let samples = try #require(result)
        let dx = (run.xRange.upperBound - run.xRange.lowerBound) / 4
        for j in 0..<3 {
            for i in 0..<4 {
                let a = run.xRange.lowerBound + (Double(i) + 0.5) * dx
                let expected = network.outputs(features: [a, 0.123, 2])[0]
                #expect(abs(samples.probabilities[j * 4 + i] - expected) < 1e-15)
            }
        }
        // Column c across instead of a: the map now varies along c.
        var cGrid = DecisionGrid(run: run.sliced(run.slice!.cycled(axis: 0)))
        let cResult = cGrid.samples(for: state, width: 4, height: 3, now: 0)
        let cSamples = try #require(cResult)
        #expect(cSamples.probabilities[0] < cSamples.probabilities[3])
        #expect(cGrid.run.points.map(\.x) == [1, 3, 1, 3])
    }
}
