/* Register-tiled products for layers up to 64 wide (see tiled_products.h for the contract).
 *
 * Forward and backward are one product, out(i, j) = start(i) + Σ_p w(i, p) · x(p, j), with
 * w(i, p) = w[i·ws_i + p·ws_p]: a tile keeps 6 rows × 8 columns of sums in twelve AVX registers,
 * broadcasts w one number at a time and reads x from a packed panel of 16 columns (k × 16,
 * contiguous; the rows of a shard are 2 KiB apart and would crowd a few L1 sets if read in
 * place). The weights are read in place: at most 64 × 64 numbers (32 KiB), L1 keeps most of them.
 *
 * The weight gradient is the other shape, dw(i, j) += Σ_p delta(i, p) · x(j, p), both operands
 * contiguous along the sum: a tile keeps 4 × 3 four-lane sums and reads 4 + 3 rows as they lie.
 *
 * Every sum is a chain of fused multiply-adds in a fixed order (written out in the portable
 * versions, which give the same bits as the vector ones: TiledProductTests), so a product's bits
 * do not depend on the tile an element falls in or on the number of threads.
 */
#include "tiled_products.h"
#include <math.h>

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

/* ------------------------------------------------------------------ portable versions */

static void product_portable(const double *w, long ws_i, long ws_p, const double *start, const double *x,
                             double *out, long m, long n, long k) {
    for (long i = 0; i < m; i++)
        for (long j = 0; j < n; j++) {
            double sum = start ? start[i] : 0;
            for (long p = 0; p < k; p++) sum = fma(w[i * ws_i + p * ws_p], x[p * n + j], sum);
            out[i * n + j] = sum;
        }
}

void mlptop_tiled_forward_portable(const double *w, const double *b, const double *x, double *z,
                                   long m, long n, long k) {
    product_portable(w, k, 1, b, x, z, m, n, k);
}

void mlptop_tiled_backward_portable(const double *w, const double *delta, double *g, long m, long n, long k) {
    product_portable(w, 1, m, 0, delta, g, m, n, k);
}

/* The four-lane sum of the weight gradient's contract. */
static inline double lane_dot(const double *d, const double *x, long k) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    long p = 0;
    for (; p + 4 <= k; p += 4) {
        s0 = fma(d[p], x[p], s0);
        s1 = fma(d[p + 1], x[p + 1], s1);
        s2 = fma(d[p + 2], x[p + 2], s2);
        s3 = fma(d[p + 3], x[p + 3], s3);
    }
    double sum = (s0 + s1) + (s2 + s3);
    for (; p < k; p++) sum = fma(d[p], x[p], sum);
    return sum;
}

void mlptop_tiled_weight_gradient_portable(const double *delta, const double *x, double *dw,
                                           long m, long n, long k) {
    for (long i = 0; i < m; i++)
        for (long j = 0; j < n; j++) dw[i * n + j] += lane_dot(delta + i * k, x + j * k, k);
}

#if defined(__x86_64__)
#include <immintrin.h>

/* ------------------------------------------------------------------ AVX2 + FMA versions */

#define AVX2_FMA __attribute__((target("avx2,fma")))
#define INLINE static inline __attribute__((always_inline))
enum { TILE_ROWS = 6, MAX_DEPTH = 64 };

/* R rows × V vectors of out = start + w · panel, the panel's row p at panel + p·ps; R, V constants
   (R·V ≤ 12: twelve sums, V vectors of the panel and a broadcast fill the sixteen registers). */
INLINE AVX2_FMA void product_tile(int R, int V, const double *w, long ws_i, long ws_p, const double *start,
                                  const double *panel, long ps, long k, double *out, long ld) {
    __m256d acc[TILE_ROWS][4];
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++) {
        const __m256d s = start ? _mm256_broadcast_sd(start + r) : _mm256_setzero_pd();
#pragma clang loop unroll(full)
        for (int v = 0; v < V; v++) acc[r][v] = s;
    }
    for (long p = 0; p < k; p++) {
        __m256d x[4];
#pragma clang loop unroll(full)
        for (int v = 0; v < V; v++) x[v] = _mm256_loadu_pd(panel + p * ps + 4 * v);
#pragma clang loop unroll(full)
        for (int r = 0; r < R; r++) {
            const __m256d s = _mm256_broadcast_sd(w + r * ws_i + p * ws_p);
#pragma clang loop unroll(full)
            for (int v = 0; v < V; v++) acc[r][v] = _mm256_fmadd_pd(s, x[v], acc[r][v]);
        }
    }
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++)
#pragma clang loop unroll(full)
        for (int v = 0; v < V; v++) _mm256_storeu_pd(out + r * ld + 4 * v, acc[r][v]);
}

#define TILE(R, V, col) \
    product_tile(R, V, w + i * ws_i, ws_i, ws_p, start ? start + i : 0, panel + (col), ps, k, out + i * n + (col), n)

/* Every row block of a panel 4V wide (V = 1 or 2): 6-row tiles, then the rest in one tile. */
INLINE AVX2_FMA void product_panel(int V, const double *w, long ws_i, long ws_p, const double *start,
                                   const double *panel, long ps, double *out, long m, long n, long k) {
    long i = 0;
    for (; i + TILE_ROWS <= m; i += TILE_ROWS) TILE(TILE_ROWS, V, 0);
    switch (m - i) {
    case 5: TILE(5, V, 0); break;
    case 4: TILE(4, V, 0); break;
    case 3: TILE(3, V, 0); break;
    case 2: TILE(2, V, 0); break;
    case 1: TILE(1, V, 0); break;
    default: break;
    }
}

/* Every row block of a panel 16 wide: 6 × 8 tiles on each half, and the last 1–3 rows 16 wide
   (a 2 × 8 tile has four sums in flight, too few to hide the multiply-add's latency). */
INLINE AVX2_FMA void product_wide_panel(const double *w, long ws_i, long ws_p, const double *start,
                                        const double *panel, double *out, long m, long n, long k) {
    const long ps = 16;
    long i = 0;
    for (; i + TILE_ROWS <= m; i += TILE_ROWS) {
        TILE(TILE_ROWS, 2, 0);
        TILE(TILE_ROWS, 2, 8);
    }
    switch (m - i) {
    case 5: TILE(5, 2, 0); TILE(5, 2, 8); break;
    case 4: TILE(4, 2, 0); TILE(4, 2, 8); break;
    case 3: TILE(3, 4, 0); break;
    case 2: TILE(2, 4, 0); break;
    case 1: TILE(1, 4, 0); break;
    default: break;
    }
}

AVX2_FMA static void product_avx2(const double *w, long ws_i, long ws_p, const double *start, const double *x,
                                  double *out, long m, long n, long k) {
    double panel[MAX_DEPTH * 16] __attribute__((aligned(32)));
    long j = 0;
    for (; j + 16 <= n; j += 16) {
        for (long p = 0; p < k; p++)
            for (int v = 0; v < 4; v++) _mm256_store_pd(panel + p * 16 + 4 * v, _mm256_loadu_pd(x + p * n + j + 4 * v));
        product_wide_panel(w, ws_i, ws_p, start, panel, out + j, m, n, k);
    }
    if (j + 8 <= n) {
        for (long p = 0; p < k; p++)
            for (int v = 0; v < 2; v++) _mm256_store_pd(panel + p * 8 + 4 * v, _mm256_loadu_pd(x + p * n + j + 4 * v));
        product_panel(2, w, ws_i, ws_p, start, panel, 8, out + j, m, n, k);
        j += 8;
    }
    if (j + 4 <= n) {
        for (long p = 0; p < k; p++) _mm256_store_pd(panel + p * 4, _mm256_loadu_pd(x + p * n + j));
        product_panel(1, w, ws_i, ws_p, start, panel, 4, out + j, m, n, k);
        j += 4;
    }
    /* The last n mod 4 columns: the portable sums. */
    for (long i = 0; i < m; i++)
        for (long c = j; c < n; c++) {
            double sum = start ? start[i] : 0;
            for (long p = 0; p < k; p++) sum = fma(w[i * ws_i + p * ws_p], x[p * n + c], sum);
            out[i * n + c] = sum;
        }
}
#undef TILE

/* R × C four-lane sums of dw(i, j) += Σ_p delta(i, p) · x(j, p); R, C constants. */
INLINE AVX2_FMA void gradient_tile(int R, int C, const double *delta, const double *x, double *dw,
                                   long n, long k) {
    __m256d acc[4][3];
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++)
#pragma clang loop unroll(full)
        for (int c = 0; c < C; c++) acc[r][c] = _mm256_setzero_pd();
    long p = 0;
    for (; p + 4 <= k; p += 4) {
        __m256d xv[3];
#pragma clang loop unroll(full)
        for (int c = 0; c < C; c++) xv[c] = _mm256_loadu_pd(x + c * k + p);
#pragma clang loop unroll(full)
        for (int r = 0; r < R; r++) {
            const __m256d d = _mm256_loadu_pd(delta + r * k + p);
#pragma clang loop unroll(full)
            for (int c = 0; c < C; c++) acc[r][c] = _mm256_fmadd_pd(d, xv[c], acc[r][c]);
        }
    }
#pragma clang loop unroll(full)
    for (int r = 0; r < R; r++)
#pragma clang loop unroll(full)
        for (int c = 0; c < C; c++) {
            double lanes[4];
            _mm256_storeu_pd(lanes, acc[r][c]);
            double sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
            for (long q = p; q < k; q++) sum = fma(delta[r * k + q], x[c * k + q], sum);
            dw[r * n + c] += sum;
        }
}

INLINE AVX2_FMA void gradient_rows(int R, const double *delta, const double *x, double *dw, long n, long k) {
    long j = 0;
    for (; j + 3 <= n; j += 3) gradient_tile(R, 3, delta, x + j * k, dw + j, n, k);
    switch (n - j) {
    case 2: gradient_tile(R, 2, delta, x + j * k, dw + j, n, k); break;
    case 1: gradient_tile(R, 1, delta, x + j * k, dw + j, n, k); break;
    default: break;
    }
}

AVX2_FMA static void weight_gradient_avx2(const double *delta, const double *x, double *dw, long m, long n, long k) {
    long i = 0;
    for (; i + 4 <= m; i += 4) gradient_rows(4, delta + i * k, x, dw + i * n, n, k);
    switch (m - i) {
    case 3: gradient_rows(3, delta + i * k, x, dw + i * n, n, k); break;
    case 2: gradient_rows(2, delta + i * k, x, dw + i * n, n, k); break;
    case 1: gradient_rows(1, delta + i * k, x, dw + i * n, n, k); break;
    default: break;
    }
}

/* 1: AVX2 + FMA, 0: neither, −1: not probed (threads racing to probe all store the same value). */
static int tiled_level = -1;

int mlptop_tiled_products_available(void) {
    int level = __atomic_load_n(&tiled_level, __ATOMIC_RELAXED);
    if (level < 0) {
        __builtin_cpu_init();
        level = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
        __atomic_store_n(&tiled_level, level, __ATOMIC_RELAXED);
    }
    return level;
}

void mlptop_tiled_forward(const double *w, const double *b, const double *x, double *z, long m, long n, long k) {
    if (k > MAX_DEPTH) { mlptop_tiled_forward_portable(w, b, x, z, m, n, k); return; }
    product_avx2(w, k, 1, b, x, z, m, n, k);
}

void mlptop_tiled_backward(const double *w, const double *delta, double *g, long m, long n, long k) {
    if (k > MAX_DEPTH) { mlptop_tiled_backward_portable(w, delta, g, m, n, k); return; }
    product_avx2(w, 1, m, 0, delta, g, m, n, k);
}

void mlptop_tiled_weight_gradient(const double *delta, const double *x, double *dw, long m, long n, long k) {
    weight_gradient_avx2(delta, x, dw, m, n, k);
}

#else

int mlptop_tiled_products_available(void) { return 0; }

void mlptop_tiled_forward(const double *w, const double *b, const double *x, double *z, long m, long n, long k) {
    mlptop_tiled_forward_portable(w, b, x, z, m, n, k);
}

void mlptop_tiled_backward(const double *w, const double *delta, double *g, long m, long n, long k) {
    mlptop_tiled_backward_portable(w, delta, g, m, n, k);
}

void mlptop_tiled_weight_gradient(const double *delta, const double *x, double *dw, long m, long n, long k) {
    mlptop_tiled_weight_gradient_portable(delta, x, dw, m, n, k);
}

#endif
