import COpenBLAS
import Foundation

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

    /// The kernels of the OpenBLAS loaded into this process.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> BLASKernels {
        BLASKernels(core: openblas_get_corename().map { String(cString: $0) } ?? "unknown",
                    forcedBy: environment["OPENBLAS_CORETYPE"], l2Size: environment["OPENBLAS_L2_SIZE"])
    }

    public init(core: String, forcedBy: String?, l2Size: String?) {
        self.core = core
        self.forcedBy = forcedBy
        self.l2Size = l2Size
    }

    /// `OpenBLAS kernels: Zen` or `OpenBLAS kernels: Haswell (forced by OPENBLAS_CORETYPE=Haswell;
    /// unset it to measure what users get)`.
    public var summary: String {
        let forced = [forcedBy.map { "OPENBLAS_CORETYPE=\($0)" }, l2Size.map { "OPENBLAS_L2_SIZE=\($0)" }]
            .compactMap { $0 }
        let base = "OpenBLAS kernels: \(core)"
        return forced.isEmpty ? base
            : base + " (forced by \(forced.joined(separator: ", ")); unset to measure what users get)"
    }

    /// `"blas_core": "Zen"`, plus `"blas_forced": "Haswell"` when the environment forced it.
    public var jsonFields: String {
        "\"blas_core\": \"\(core)\"" + (forcedBy.map { ", \"blas_forced\": \"\($0)\"" } ?? "")
            + (l2Size.map { ", \"blas_l2_size\": \"\($0)\"" } ?? "")
    }
}
