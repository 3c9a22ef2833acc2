import COpenBLAS
import CVectorMath

/// The three matrix products of a dense layer, on row-major blocks, each with the element-wise
/// step around it.
///
/// Small products (where a BLAS call costs more than the arithmetic) go to the fused C kernels of
/// `dense_kernels.c`, which add the bias, the activation's derivative or the bias gradient in the
/// same pass, and give the same bits as the plain loops they replaced (same operations in the same
/// order, no FMA; checked by `DenseKernelTests`). Larger ones of a layer at most 64 wide go to the
/// register-tiled AVX2 + FMA kernels of `tiled_products.c` (no packing, bias fill or zeroing:
/// the 2-32-32-1 medium workload 10–11 % faster than through OpenBLAS; `TiledProductTests`), and
/// the rest, or all of them on a CPU without AVX2 + FMA, to OpenBLAS `cblas_dgemm`.
enum MatrixProduct {
    /// Products with fewer multiply-adds than this run in the small kernels.
    static let blasThreshold = 32 * 32 * 32

    /// Products past the small kernels' threshold whose weight block is at most this wide on each
    /// side run in the register-tiled kernels of `tiled_products.c` where the CPU has AVX2 + FMA.
    static let tiledWidth = 64

    /// Whether the tiled kernels run here (probed once).
    static let tiled = mlptop_tiled_products_available() != 0

    /// Sets OpenBLAS to one thread unless it already is. The trainer runs its own shards on every
    /// core; OpenBLAS threads inside each shard's products would oversubscribe the cores (measured:
    /// a 2-256-256-2 net on 4,000 samples trained 3× slower on 2 threads without the pin).
    /// Results do not depend on it (checked: the same model file, bit for bit, with 1 or 2 threads).
    static func pinBLASToOneThread() {
        if openblas_get_num_threads() != 1 { openblas_set_num_threads(1) }
    }

    /// Z (m×n) = W (m×k) · A (k×n) + b: the forward product, each row of Z starting from its bias.
    @inline(__always)
    static func forward(
        weights w: UnsafePointer<Double>, biases b: UnsafePointer<Double>, input a: UnsafePointer<Double>,
        into z: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int
    ) {
        guard m * n * k >= blasThreshold && k >= 8 else {
            mlptop_dense_forward(w, b, a, z, m, n, k)
            return
        }
        if tiled && m <= tiledWidth && k <= tiledWidth {
            mlptop_tiled_forward(w, b, a, z, m, n, k)
            return
        }
        mlptop_fill_rows(z, b, m, n)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                    1, w, Int32(k), a, Int32(n), 1, z, Int32(n))
    }

    /// dW (m×n) += δ (m×k) · Aᵀ where A is n×k, and db (m) += Σ δ along each row: the weight and
    /// bias gradients of a layer with m neurons and n inputs over k samples.
    @inline(__always)
    static func weightGradient(
        delta: UnsafePointer<Double>, input a: UnsafePointer<Double>, weights dw: UnsafeMutablePointer<Double>,
        biases db: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int
    ) {
        guard m * n * k >= blasThreshold && m >= 8 && n >= 8 else {
            mlptop_dense_weight_gradient(delta, a, dw, db, m, n, k)
            return
        }
        if tiled && m <= tiledWidth && n <= tiledWidth {
            mlptop_tiled_weight_gradient(delta, a, dw, m, n, k)
            mlptop_row_sums(delta, db, m, k)
            return
        }
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                    1, delta, Int32(k), a, Int32(k), 1, dw, Int32(n))
        mlptop_row_sums(delta, db, m, k)
    }

    /// G (m×n) = f'(Z, A) ⊙ (Wᵀ · δ) where W is k×m and δ is k×n: ∂E/∂z of the layer below (m
    /// neurons, n samples) from the δ of a layer with k neurons; `activation`, `z` and `a` are the
    /// layer below's.
    @inline(__always)
    static func backward(
        weights w: UnsafePointer<Double>, delta: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>,
        m: Int, n: Int, k: Int, activation: Activation, z: UnsafePointer<Double>, a: UnsafePointer<Double>
    ) {
        if m * n * k >= blasThreshold && k >= 8 {
            largeBackward(weights: w, delta: delta, into: g, m: m, n: n, k: k)
            applyDerivative(activation, to: g, z: z, a: a, neurons: m, count: n)
            return
        }
        let derivative = kernelDerivative(activation)
        mlptop_dense_backward(w, delta, g, m, n, k, Int32((derivative ?? MLPTOP_DERIVATIVE_NONE).rawValue), z, a)
        if derivative == nil { activation.backpropagate(g, z: z, a: a, neurons: m, count: n) }
    }

    /// G (m×n) ← f'(Z, A) ⊙ G for a layer of m neurons and n samples, as a step of its own: the
    /// bits of the same step fused into `backward` (it applies the derivative to the finished sum).
    @inline(__always)
    static func applyDerivative(
        _ activation: Activation, to g: UnsafeMutablePointer<Double>, z: UnsafePointer<Double>, a: UnsafePointer<Double>,
        neurons m: Int, count n: Int
    ) {
        if let derivative = kernelDerivative(activation) {
            mlptop_apply_derivative(g, Int32(derivative.rawValue), z, a, m * n)
        } else {
            activation.backpropagate(g, z: z, a: a, neurons: m, count: n)
        }
    }

    /// G (m×n) = Wᵀ · δ for products past the small kernels' threshold: tiled or BLAS.
    @inline(__always)
    static func largeBackward(
        weights w: UnsafePointer<Double>, delta: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>,
        m: Int, n: Int, k: Int
    ) {
        if tiled && m <= tiledWidth && k <= tiledWidth {
            mlptop_tiled_backward(w, delta, g, m, n, k)
        } else {
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                        1, w, Int32(m), delta, Int32(n), 0, g, Int32(n))
        }
    }

    /// The derivative step for `activation` in the kernels' terms (nil for softmax, whose
    /// Jacobian is not element-wise).
    static func kernelDerivative(_ activation: Activation) -> mlptop_derivative? {
        switch activation {
        case .sigmoid: MLPTOP_DERIVATIVE_SIGMOID
        case .tanh: MLPTOP_DERIVATIVE_TANH
        case .relu: MLPTOP_DERIVATIVE_RELU
        case .linear: MLPTOP_DERIVATIVE_NONE
        case .softmax: nil
        }
    }

    /// The last two steps of a backward pass in one where that is faster: δ₀ = f'(Z₀, A₀) ⊙ (W₁ᵀ·δ₁)
    /// by BLAS without its derivative step (into `scratch`), then the first layer's gradients
    /// dW₀ += δ₀·Xᵀ and db₀ += Σ δ₀ with each element of δ₀ finished as it is read — the bits of
    /// `backward` then `weightGradient`, one pass over δ₀ fewer and δ₀ never stored (the 2-32-32-1
    /// medium workload: 2.7 % fewer instructions an epoch, 1–3 % faster). Applies when the product goes to BLAS and the
    /// first layer's gradient to the small kernel with at most 4 inputs (more would take the
    /// derivative again for every 4 of them); returns false, having done nothing, otherwise.
    ///
    /// `first` is the first layer (m neurons, `first.inputs` inputs), W₁ is k×m, δ₁ k×n, X the
    /// pass's inputs.
    @inline(__always)
    static func backwardToFirstLayerGradient(
        weights w: UnsafePointer<Double>, delta: UnsafePointer<Double>, scratch g: UnsafeMutablePointer<Double>,
        first: LayerShape, n: Int, k: Int, z: UnsafePointer<Double>, a: UnsafePointer<Double>,
        input x: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>
    ) -> Bool {
        let m = first.outputs, inputs = first.inputs
        guard m * n * k >= blasThreshold && k >= 8, inputs <= 4,
              let derivative = kernelDerivative(first.activation) else { return false }
        largeBackward(weights: w, delta: delta, into: g, m: m, n: n, k: k)
        mlptop_dense_finishing_weight_gradient(g, Int32(derivative.rawValue), z, a, x,
                                               gradient + first.weightOffset, gradient + first.biasOffset,
                                               m, inputs, n)
        return true
    }
}

