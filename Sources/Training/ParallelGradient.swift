import Dispatch
import MLPEngine

/// Computes a batch gradient data-parallel across threads, with a result that does not depend on
/// the number of threads.
///
/// The batch is cut into a fixed number of chunks that depends only on the batch size and the
/// network's shape; each chunk accumulates its own gradient (in workspace-sized shards, in order),
/// and the chunk gradients are added in chunk order. Threads only decide who computes which chunk,
/// so `--threads 1` and `--threads 2` give the same bits. The threads are the caller and a
/// `WorkerPool` that stays awake between epochs.
/// **Not thread-safe**: owned by one training loop; it fans out internally.
final class ParallelGradient {
    /// Fewer multiply-adds than this per chunk would not repay a thread hand-off.
    static let multiplyAddsPerChunk = 400_000
    /// At most this many chunks (and gradient buffers).
    static let maxChunks = 8

    let threads: Int
    /// `threads − 1` workers that stay awake between epochs, made at the first batch that splits.
    private var pool: WorkerPool?
    /// One workspace per worker thread (not per chunk): a worker's chunks reuse the same scratch
    /// memory, so fewer blocks compete for the caches. Scratch only: results do not depend on it.
    private var workspaces: [Workspace] = []
    /// One gradient buffer per chunk, `parameterCount` numbers each, allocated once per shape.
    private var chunkGradients: [UnsafeMutablePointer<Double>] = []
    private var parameterCount = 0
    private var shape: [LayerShape] = []

    /// A gradient computer that uses up to `threads` threads.
    init(threads: Int) {
        self.threads = max(1, threads)
    }

    deinit {
        chunkGradients.forEach { $0.deallocate() }
    }

    /// Samples per shard for a network: wide layers get narrower shards so a shard's activations
    /// stay in cache. Depends only on the network's shape.
    ///
    /// At most 256: a shard's z, a and δ arrays (six of `width × shard` doubles) then stay within
    /// a 512 KB L2 up to width 32. Measured on an EPYC (family 25), 1 thread, against 512: the
    /// 2-32-32-1 medium workload 7 % faster (1,480 against 1,380 epochs/s; 384 and 192 in between,
    /// 128 slower), 2-16-16-1 and 2-64-64-1 nets on 2,000 samples 4–6 % faster. Wide nets keep
    /// 32768 / width (128 for width 256: 64 and 256 were slower there).
    static let maxShard = 256

    static func shardCapacity(for network: Network) -> Int {
        min(maxShard, max(32, 32_768 / network.maxWidth))
    }

    /// How many chunks a batch of `count` samples is cut into: a power of two (so 2 or 4 threads
    /// share them evenly), at most `maxChunks`, each worth a thread hand-off and at least a shard.
    /// Depends only on its inputs.
    static func chunkCount(batch count: Int, network: Network) -> Int {
        let work = count * network.weightCount
        let limit = min(maxChunks, max(1, work / multiplyAddsPerChunk), max(1, count / shardCapacity(for: network)))
        var chunks = 1
        while chunks * 2 <= limit { chunks *= 2 }
        return chunks
    }

    private func prepare(for network: Network, chunks: Int, workers: Int) {
        if shape != network.shapes {
            shape = network.shapes
            workspaces = []
            chunkGradients.forEach { $0.deallocate() }
            chunkGradients = []
            parameterCount = network.parameters.count
        }
        let capacity = ParallelGradient.shardCapacity(for: network)
        while workspaces.count < workers { workspaces.append(Workspace(for: network, capacity: capacity)) }
        while chunkGradients.count < chunks { chunkGradients.append(.allocate(capacity: parameterCount)) }
    }

    /// The loss and accuracy totals and the gradient (divided by the batch size) of samples
    /// `range` of `order` (or of the table itself when `order` is empty), written into `gradient`.
    func compute(
        network: Network, features: [Double], labels: [Int], order: [Int], range: Range<Int>,
        into gradient: inout [Double]
    ) -> PassTotals {
        let count = range.count
        let chunks = ParallelGradient.chunkCount(batch: count, network: network)
        let workers = min(threads, chunks)
        prepare(for: network, chunks: chunks, workers: workers)
        if chunks == 1 {
            // One chunk (every mini-batch, every small net): straight into `gradient`, no chunk
            // buffer to copy and no totals array. The same sums as the general path below.
            let workspace = workspaces[0]
            return features.withUnsafeBufferPointer { f in
                labels.withUnsafeBufferPointer { l in
                    order.withUnsafeBufferPointer { o in
                        gradient.withUnsafeMutableBufferPointer { g in
                            g.update(repeating: 0)
                            return network.accumulateGradient(
                                features: f.baseAddress!, labels: l.baseAddress!, featureCount: network.inputCount,
                                range: range, order: order.isEmpty ? nil : o.baseAddress, batchSize: count,
                                workspace: workspace, into: g.baseAddress!)
                        }
                    }
                }
            }
        }
        var totals = [PassTotals](repeating: PassTotals(), count: chunks)
        let featureCount = network.inputCount

        func runChunk(_ chunk: Int, _ worker: Int, _ f: UnsafePointer<Double>, _ l: UnsafePointer<Int>, _ o: UnsafePointer<Int>?,
                      _ g: UnsafeMutablePointer<Double>, _ t: UnsafeMutablePointer<PassTotals>) {
            let lower = range.lowerBound + count * chunk / chunks
            let upper = range.lowerBound + count * (chunk + 1) / chunks
            g.update(repeating: 0, count: network.parameters.count)
            t[chunk] = network.accumulateGradient(
                features: f, labels: l, featureCount: featureCount, range: lower..<upper, order: o,
                batchSize: count, workspace: workspaces[worker], into: g)
        }

        features.withUnsafeBufferPointer { f in
            labels.withUnsafeBufferPointer { l in
                order.withUnsafeBufferPointer { o in
                    totals.withUnsafeMutableBufferPointer { t in
                        let orderBase = order.isEmpty ? nil : o.baseAddress
                        if chunks == 1 || threads == 1 {
                            for chunk in 0..<chunks {
                                runChunk(chunk, 0, f.baseAddress!, l.baseAddress!, orderBase, chunkGradients[chunk], t.baseAddress!)
                            }
                        } else {
                            // The job is @Sendable; these pointers stay valid for the whole call
                            // (`run` returns when every index has finished) and every chunk writes
                            // only its own gradient buffer and totals slot.
                            let pool = self.pool ?? WorkerPool(workers: threads - 1)
                            self.pool = pool
                            nonisolated(unsafe) let shared = (f.baseAddress!, l.baseAddress!, orderBase, t.baseAddress!, chunkGradients)
                            nonisolated(unsafe) let work = runChunk
                            pool.run(iterations: workers) { worker in
                                // Worker w computes chunks w, w + workers, …: disjoint buffers, no locks.
                                for chunk in stride(from: worker, to: chunks, by: workers) {
                                    work(chunk, worker, shared.0, shared.1, shared.2, shared.4[chunk], shared.3)
                                }
                            }
                        }
                    }
                }
            }
        }
        // Reduce in chunk order: the same additions whatever the thread count.
        gradient.withUnsafeMutableBufferPointer { g in
            g.baseAddress!.update(from: chunkGradients[0], count: g.count)
            for chunk in 1..<chunks {
                let c = chunkGradients[chunk]
                for i in 0..<g.count { g[i] += c[i] }
            }
        }
        return totals.dropFirst().reduce(totals[0], +)
    }
}
