/// Scratch memory for forward and backward passes over up to `capacity` samples at a time.
///
/// Allocated once per network shape; a pass allocates nothing. Holds the cached `z` and `a` of
/// every layer (one row per neuron, one column per sample) that backpropagation reuses.
/// **Not thread-safe**: each thread uses its own workspace.
public final class Workspace {
    /// The most samples one pass can hold.
    public let capacity: Int
    /// The layer shapes this workspace was sized for.
    public let shapes: [LayerShape]
    /// Inputs of the current samples, `inputCount × count` (a₀).
    public let input: UnsafeMutablePointer<Double>
    /// Class labels of the current samples.
    public let labels: UnsafeMutablePointer<Int>
    /// Pre-activations zₗ of each layer, `outputs × count`.
    public let z: [UnsafeMutablePointer<Double>]
    /// Activations aₗ of each layer, `outputs × count`.
    public let a: [UnsafeMutablePointer<Double>]
    /// Two scratch blocks for ∂E/∂z and ∂E/∂a, `maxWidth × count` each.
    let deltaCurrent: UnsafeMutablePointer<Double>
    let deltaPrevious: UnsafeMutablePointer<Double>
    /// The number of samples loaded by the last `load` call.
    public private(set) var count = 0

    /// A workspace for `network`'s shape holding up to `capacity` samples.
    ///
    /// Also pins OpenBLAS to one thread (see `MatrixProduct.pinBLASToOneThread`): every pass
    /// runs through a workspace, so no product runs before the pin.
    public init(for network: Network, capacity: Int) {
        precondition(capacity > 0, "workspace capacity must be positive")
        MatrixProduct.pinBLASToOneThread()
        self.capacity = capacity
        self.shapes = network.shapes
        input = .allocate(capacity: network.inputCount * capacity)
        labels = .allocate(capacity: capacity)
        z = network.shapes.map { .allocate(capacity: $0.outputs * capacity) }
        a = network.shapes.map { .allocate(capacity: $0.outputs * capacity) }
        deltaCurrent = .allocate(capacity: network.maxWidth * capacity)
        deltaPrevious = .allocate(capacity: network.maxWidth * capacity)
        input.initialize(repeating: 0, count: network.inputCount * capacity)
        labels.initialize(repeating: 0, count: capacity)
    }

    deinit {
        input.deallocate()
        labels.deallocate()
        z.forEach { $0.deallocate() }
        a.forEach { $0.deallocate() }
        deltaCurrent.deallocate()
        deltaPrevious.deallocate()
    }

    /// Whether this workspace fits `network` (same layer shapes).
    public func fits(_ network: Network) -> Bool { shapes == network.shapes }

    /// Copies samples into the input block, transposing rows into columns.
    ///
    /// `features` is row-major `n × featureCount`; `indices` picks the samples (in order) or, when
    /// nil, takes `range`. O(count × featureCount).
    public func load(
        features: UnsafePointer<Double>, labels source: UnsafePointer<Int>, featureCount: Int,
        range: Range<Int>, indices: UnsafePointer<Int>? = nil
    ) {
        let n = range.count
        precondition(n <= capacity, "\(n) samples do not fit a workspace of \(capacity)")
        precondition(featureCount == shapes[0].inputs, "feature count does not match the network")
        let input = self.input, labels = self.labels
        if let indices {
            let picked = indices + range.lowerBound
            for column in 0..<n {
                let sample = picked[column], row = features + sample * featureCount
                for j in 0..<featureCount { input[j * n + column] = row[j] }
                labels[column] = source[sample]
            }
        } else {
            let first = features + range.lowerBound * featureCount
            for column in 0..<n {
                let row = first + column * featureCount
                for j in 0..<featureCount { input[j * n + column] = row[j] }
            }
            labels.update(from: source + range.lowerBound, count: n)
        }
        count = n
    }
}
