#ifndef MLPTOP_DENSE_KERNELS_H
#define MLPTOP_DENSE_KERNELS_H

/* The three products of a dense layer for blocks too small for a BLAS call, row-major, each with
   the element-wise step that follows it fused in. Every sum is taken in a fixed order, the same
   with AVX2 as without, with no fused multiply-add: the results are the bits of the plain loops
   they replace (see dense_kernels.c). */

/* How a backward product is finished, element by element, with the cached z and a of the layer
   below: nothing, σ' = a(1 − a), tanh' = 1 − a², or relu' (keep where z > 0, else 0). */
enum mlptop_derivative {
    MLPTOP_DERIVATIVE_NONE = 0,
    MLPTOP_DERIVATIVE_SIGMOID = 1,
    MLPTOP_DERIVATIVE_TANH = 2,
    MLPTOP_DERIVATIVE_RELU = 3,
};

/* Forward: z (m×n) = b + w (m×k) · x (k×n); z[i][j] starts at b[i] and adds w[i][p]·x[p][j] for
   p = 0, 1, …, k−1 in that order. */
void mlptop_dense_forward(const double *w, const double *b, const double *x, double *z,
                          long m, long n, long k);

/* Backward to the inputs: out (m×n) = f'(z, a) ⊙ (wᵀ · delta) with w k×m and delta k×n; the sum
   starts at 0 and adds w[p][i]·delta[p][j] for p = 0, 1, …, k−1. `z` and `a` are m×n (either may
   be NULL when `derivative` does not read it). */
void mlptop_dense_backward(const double *w, const double *delta, double *out, long m, long n, long k,
                           int derivative, const double *z, const double *a);

/* Weight and bias gradients: dw (m×n) += delta (m×k) · xᵀ with x n×k, and db[i] += Σ_p delta[i][p].
   Each sum of k terms uses four partial sums s_l over the positions p ≡ l (mod 4) below the last
   multiple of 4, the rest added to s_0, combined as (s_0 + s_1) + (s_2 + s_3). */
void mlptop_dense_weight_gradient(const double *delta, const double *x, double *dw, double *db,
                                  long m, long n, long k);

/* The weight and bias gradients above of delta = f'(z, a) ⊙ g (g, z and a m×k), each element of
   delta finished as it is read, as mlptop_apply_derivative finishes it: the bits of
   mlptop_apply_derivative(g, …, m·k) then mlptop_dense_weight_gradient(g, …), without storing delta
   and without the second pass over it (on x86-64 with AVX2; elsewhere those two calls, and g then
   holds delta). For the first layer, whose delta nothing else reads, and for few inputs (the
   derivative is taken again for every four columns of x). */
void mlptop_dense_finishing_weight_gradient(double *g, int derivative, const double *z, const double *a,
                                            const double *x, double *dw, double *db, long m, long n, long k);

/* z[i][j] = b[i] for the m rows of z (m×n): the start of a forward product BLAS adds to. */
void mlptop_fill_rows(double *z, const double *b, long m, long n);

/* Bias gradients of a block BLAS multiplied: sums[i] += Σ_p x[i][p] for each of the m rows of x
   (m×k), each sum in the order of the weight gradient's. */
void mlptop_row_sums(const double *x, double *sums, long m, long k);

/* g[e] = f'(z, a)[e] · g[e] for e < count: a backward product's derivative step on its own, after a
   BLAS product. `z` or `a` may be NULL when `derivative` does not read it. */
void mlptop_apply_derivative(double *g, int derivative, const double *z, const double *a, long count);

/* Forgets the cached CPU level (for tests that run both paths). */
void mlptop_dense_kernels_force_generic(int generic);

#endif
