#ifndef MLPTOP_TILED_PRODUCTS_H
#define MLPTOP_TILED_PRODUCTS_H

/* The three products of a dense layer of at most 64 neurons and 64 inputs, register-tiled with
   AVX2 + FMA: for shards of a few hundred samples they need no packing of the weights, no bias
   fill and no zeroing pass, which a BLAS call spends a fifth of its time on at this size.
   Row-major; every sum a chain of fused multiply-adds in the order stated, the same bits in every
   tile, with any number of threads, and in the portable versions (TiledProductTests). */

/* 1 where the AVX2 + FMA versions run (x86-64 with both); 0 elsewhere (use BLAS there: the
   portable versions are the contract written out, for tests, not a fast path). */
int mlptop_tiled_products_available(void);

/* Forward: z (m×n) = b + w (m×k) · x (k×n); z[i][j] = fma(w[i][k−1], x[k−1][j], … fma(w[i][0],
   x[0][j], b[i])). Fast for k ≤ 64 (deeper: the portable loop). */
void mlptop_tiled_forward(const double *w, const double *b, const double *x, double *z, long m, long n, long k);

/* Backward: g (m×n) = wᵀ · delta with w k×m and delta k×n; the chain over p = 0 … k−1 starts at 0.
   Fast for k ≤ 64, as forward. */
void mlptop_tiled_backward(const double *w, const double *delta, double *g, long m, long n, long k);

/* Weight gradient: dw (m×n) += delta (m×k) · xᵀ with x n×k. Each sum keeps four lanes s_l, chains
   over the positions p ≡ l (mod 4) below the last multiple of 4, adds them as (s_0 + s_1) +
   (s_2 + s_3), chains the remaining positions onto that, and is then added to dw. */
void mlptop_tiled_weight_gradient(const double *delta, const double *x, double *dw, long m, long n, long k);

/* The contracts above as plain loops (for tests comparing the paths). */
void mlptop_tiled_forward_portable(const double *w, const double *b, const double *x, double *z,
                                   long m, long n, long k);
void mlptop_tiled_backward_portable(const double *w, const double *delta, double *g, long m, long n, long k);
void mlptop_tiled_weight_gradient_portable(const double *delta, const double *x, double *dw,
                                           long m, long n, long k);

#endif
