import COpenBLAS
import Dispatch
import MLPEngine
import Training

/// One benchmark measurement.
public struct BenchmarkResult: Sendable {
    public var workload: String
    public var threads: Int
    public var epochsPerSecond: Double
    public var gflops: Double
    public var seconds: Double
    /// The OpenBLAS kernels the process ran.
    public var kernels = BLASKernels.current()

    /// `{"workload": "large", "threads": 1, "epochs_per_s": 4.1, "gflops": 32.6, "seconds": 3.0,
    /// "blas_core": "Zen"}` (plus `"blas_forced"` when `OPENBLAS_CORETYPE` forced the kernels).
    public var json: String {
        func r(_ x: Double) -> String { (x * 1000).rounded() / 1000 == x ? x.description : ((x * 1000).rounded() / 1000).description }
        return "{\"workload\": \"\(workload)\", \"threads\": \(threads), \"epochs_per_s\": \(r(epochsPerSecond)), "
            + "\"gflops\": \(r(gflops)), \"seconds\": \(r(seconds)), \(kernels.jsonFields)}"
    }
}

/// Times workloads in this process: a warm-up, then whole epochs for about `seconds`.
public enum BenchmarkRunner {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Trains `workload` on `threads` threads for about `seconds` after a 0.3 s warm-up.
    public static func measure(_ workload: Workload, threads: Int, seconds: Double) -> BenchmarkResult {
        let run = workload.makeRun(threads: threads)
        let warmUpEnd = now() + min(0.3, seconds / 4)
        while now() < warmUpEnd { _ = run.runEpoch() }
        var epochs = 0
        let start = now()
        var elapsed = 0.0
        repeat {
            _ = run.runEpoch()
            epochs += 1
            elapsed = now() - start
        } while elapsed < seconds
        let rate = Double(epochs) / elapsed
        return BenchmarkResult(workload: workload.name, threads: threads, epochsPerSecond: rate,
                               gflops: rate * workload.flopsPerEpoch / 1e9, seconds: elapsed)
    }

    /// OpenBLAS DGEMM speed on this machine: C(n×n) = A·B with n = 1024, on `threads` threads.
    public static func peak(threads: Int, seconds: Double) -> BenchmarkResult {
        openblas_set_num_threads(Int32(threads))
        defer { openblas_set_num_threads(1) }
        let n = 1024
        var g = SeededGenerator(seed: 1)
        let a = (0..<(n * n)).map { _ in g.nextUniform(-1, 1) }
        let b = (0..<(n * n)).map { _ in g.nextUniform(-1, 1) }
        var c = [Double](repeating: 0, count: n * n)
        func multiply() {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1, a, Int32(n),
                        b, Int32(n), 0, &c, Int32(n))
        }
        multiply()
        var count = 0
        let start = now()
        var elapsed = 0.0
        repeat {
            multiply()
            count += 1
            elapsed = now() - start
        } while elapsed < seconds
        let flops = 2 * Double(n) * Double(n) * Double(n)
        return BenchmarkResult(workload: "peak", threads: threads, epochsPerSecond: Double(count) / elapsed,
                               gflops: Double(count) * flops / elapsed / 1e9, seconds: elapsed)
    }
}
