import COpenBLAS
import Foundation
import MLPEngine
import Testing

/// The trainer parallelises itself, so OpenBLAS must not add threads of its own inside each
/// shard's products (that tripled a large net's epoch time on 2 cores).
@Suite struct BLASThreadTests {
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "OpenBLAS has one thread anyway"))
    func aWorkspacePinsOpenBLASToOneThread() throws {
        openblas_set_num_threads(2)
        try #require(openblas_get_num_threads() == 2)
        let network = try Network(sizes: [2, 64, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 1)
        _ = Workspace(for: network, capacity: 8)
        #expect(openblas_get_num_threads() == 1)
    }
}
