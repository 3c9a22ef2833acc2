import COpenBLAS
import Foundation
import MLPEngine

/// Which OpenBLAS kernel set this process runs, so every figure says what produced it.
///
/// OpenBLAS built with DYNAMIC_ARCH (Debian's) picks its kernels from the CPU at load time,
/// unless `OPENBLAS_CORETYPE` in the environment forces a set: a figure measured under a forced
/// set is not what a user's machine (without that variable) gets.
public struct BLASKernels: Sendable, Equatable {
    /// The kernel set OpenBLAS chose, e.g. `Haswell`, `Zen`, `Cooperlake` (`openblas_get_corename()`).
    public var core: String
    /// The value of `OPENBLAS_CORETYPE` when set (then it forced `core`), else nil.
    public var forcedBy: String?
    /// `OPENBLAS_L2_SIZE` when set: it changes the blocking of the products.
    public var l2Size: String?
    /// Whether layers up to `ProductKernels.tiledWidth` wide ran in mlptop's own AVX2 + FMA tiles
    /// rather than in OpenBLAS (the medium workload's do, the large one's do not).
    public var tiledProducts: Bool

    /// The kernels of the OpenBLAS loaded into this process.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> BLASKernels {
        BLASKernels(core: openblas_get_corename().map { String(cString: $0) } ?? "unknown",
                    forcedBy: environment["OPENBLAS_CORETYPE"], l2Size: environment["OPENBLAS_L2_SIZE"],
                    tiledProducts: ProductKernels.tiled)
    }

    public init(core: String, forcedBy: String?, l2Size: String?, tiledProducts: Bool) {
        self.core = core
        self.forcedBy = forcedBy
        self.l2Size = l2Size
        self.tiledProducts = tiledProducts
    }

    /// `OpenBLAS kernels: Zen; layers up to 64 wide: mlptop's AVX2+FMA tiles`, with
    /// `(forced by OPENBLAS_CORETYPE=Haswell; unset to measure what users get)` after the kernel set
    /// when the environment forced it, and `OpenBLAS` after the colon on a CPU without AVX2 + FMA.
    public var summary: String {
        let forced = [forcedBy.map { "OPENBLAS_CORETYPE=\($0)" }, l2Size.map { "OPENBLAS_L2_SIZE=\($0)" }]
            .compactMap { $0 }
        let base = "OpenBLAS kernels: \(core)"
            + (forced.isEmpty ? "" : " (forced by \(forced.joined(separator: ", ")); unset to measure what users get)")
        return base + "; layers up to \(ProductKernels.tiledWidth) wide: "
            + (tiledProducts ? "mlptop's AVX2+FMA tiles" : "OpenBLAS")
    }

    /// `"blas_core": "Zen"`, plus `"blas_forced": "Haswell"` when the environment forced it, and
    /// `"tiled_products": true` when the tiles ran.
    public var jsonFields: String {
        "\"blas_core\": \"\(core)\"" + (forcedBy.map { ", \"blas_forced\": \"\($0)\"" } ?? "")
            + (l2Size.map { ", \"blas_l2_size\": \"\($0)\"" } ?? "")
            + ", \"tiled_products\": \(tiledProducts)"
    }
}
