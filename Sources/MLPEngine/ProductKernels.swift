/// Which kernels the engine's matrix products run on this CPU, for figures to say what produced
/// them (`mlptop bench`).
public enum ProductKernels {
    /// Whether the products of layers up to `tiledWidth` neurons and inputs run in mlptop's
    /// register-tiled AVX2 + FMA kernels (x86-64 with both); otherwise they go to OpenBLAS.
    public static var tiled: Bool { MatrixProduct.tiled }
    /// The widest layer whose products the tiled kernels take.
    public static var tiledWidth: Int { MatrixProduct.tiledWidth }
}
