/* Dense-layer products for small blocks, with the element-wise step after each fused in.
 *
 * Each kernel has a generic C version and, on x86-64 with AVX2, a register-blocked one chosen at
 * the first call. Both compute every element with the same operations in the same order, and
 * neither contracts a multiply and an add into one FMA (the pragma below, and no "fma" target),
 * so they give the same bits as each other and as the plain loops they replace: a vector lane
 * only ever holds what one scalar loop iteration would.
 */
#include "dense_kernels.h"

#pragma STDC FP_CONTRACT OFF

/* ------------------------------------------------------------------ generic versions */

static void forward_generic(const double *w, const double *b, const double *x, double *z,
                            long m, long n, long k) {
    for (long i = 0; i < m; i++) {
        double *zr = z + i * n;
        const double *wr = w + i * k;
        for (long j = 0; j < n; j++) zr[j] = b[i];
        for (long p = 0; p < k; p++) {
            const double s = wr[p], *xr = x + p * n;
            for (long j = 0; j < n; j++) zr[j] += s * xr[j];
        }
    }
}

static inline double finish(double g, int derivative, const double *z, const double *a, long e) {
    switch (derivative) {
    case MLPTOP_DERIVATIVE_SIGMOID: return g * (a[e] * (1 - a[e]));
    case MLPTOP_DERIVATIVE_TANH: return g * (1 - a[e] * a[e]);
    case MLPTOP_DERIVATIVE_RELU: return z[e] > 0 ? g : 0;
    default: return g;
    }
}

static void backward_generic(const double *w, const double *delta, double *out, long m, long n, long k,
                             int derivative, const double *z, const double *a) {
    for (long i = 0; i < m; i++) {
        double *o = out + i * n;
        for (long j = 0; j < n; j++) o[j] = 0;
        for (long p = 0; p < k; p++) {
            const double s = w[p * m + i], *dr = delta + p * n;
            for (long j = 0; j < n; j++) o[j] += s * dr[j];
        }
        for (long j = 0; j < n; j++) o[j] = finish(o[j], derivative, z, a, i * n + j);
    }
}

/* The four-partial-sum dot product of the header's contract. */
static inline double dot4(const double *x, const double *y, long k) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    long p = 0;
    for (; p + 4 <= k; p += 4) {
        s0 += x[p] * y[p];
        s1 += x[p + 1] * y[p + 1];
        s2 += x[p + 2] * y[p + 2];
        s3 += x[p + 3] * y[p + 3];
    }
    for (; p < k; p++) s0 += x[p] * y[p];
    return (s0 + s1) + (s2 + s3);
}

static inline double sum4(const double *x, long k) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    long p = 0;
    for (; p + 4 <= k; p += 4) {
        s0 += x[p];
        s1 += x[p + 1];
        s2 += x[p + 2];
        s3 += x[p + 3];
    }
    for (; p < k; p++) s0 += x[p];
    return (s0 + s1) + (s2 + s3);
}

static void weight_gradient_generic(const double *delta, const double *x, double *dw, double *db,
                                    long m, long n, long k) {
    for (long i = 0; i < m; i++) {
        const double *dr = delta + i * k;
        for (long j = 0; j < n; j++) dw[i * n + j] += dot4(dr, x + j * k, k);
        db[i] += sum4(dr, k);
    }
}


static void row_sums_generic(const double *x, double *sums, long m, long k) {
    for (long i = 0; i < m; i++) sums[i] += sum4(x + i * k, k);
}

static void fill_rows_generic(double *z, const double *b, long m, long n) {
    for (long i = 0; i < m; i++)
        for (long j = 0; j < n; j++) z[i * n + j] = b[i];
}

static void apply_derivative_generic(double *g, int derivative, const double *z, const double *a, long count) {
    for (long e = 0; e < count; e++) g[e] = finish(g[e], derivative, z, a, e);
}

#if defined(__x86_64__)
#include <immintrin.h>

/* ------------------------------------------------------------------ AVX2 versions */

#define AVX2 __attribute__((target("avx2")))

AVX2 static void forward_avx2(const double *w, const double *b, const double *x, double *z,
                              long m, long n, long k) {
    for (long i = 0; i < m; i++) {
        double *zr = z + i * n;
        const double *wr = w + i * k;
        const __m256d bias = _mm256_set1_pd(b[i]);
        long j = 0;
        for (; j + 16 <= n; j += 16) {
            __m256d a0 = bias, a1 = bias, a2 = bias, a3 = bias;
            for (long p = 0; p < k; p++) {
                const __m256d s = _mm256_broadcast_sd(wr + p);
                const double *xr = x + p * n + j;
                a0 = _mm256_add_pd(a0, _mm256_mul_pd(s, _mm256_loadu_pd(xr)));
                a1 = _mm256_add_pd(a1, _mm256_mul_pd(s, _mm256_loadu_pd(xr + 4)));
                a2 = _mm256_add_pd(a2, _mm256_mul_pd(s, _mm256_loadu_pd(xr + 8)));
                a3 = _mm256_add_pd(a3, _mm256_mul_pd(s, _mm256_loadu_pd(xr + 12)));
            }
            _mm256_storeu_pd(zr + j, a0);
            _mm256_storeu_pd(zr + j + 4, a1);
            _mm256_storeu_pd(zr + j + 8, a2);
            _mm256_storeu_pd(zr + j + 12, a3);
        }
        for (; j + 4 <= n; j += 4) {
            __m256d a0 = bias;
            for (long p = 0; p < k; p++)
                a0 = _mm256_add_pd(a0, _mm256_mul_pd(_mm256_broadcast_sd(wr + p), _mm256_loadu_pd(x + p * n + j)));
            _mm256_storeu_pd(zr + j, a0);
        }
        for (; j < n; j++) {
            double acc = b[i];
            for (long p = 0; p < k; p++) acc += wr[p] * x[p * n + j];
            zr[j] = acc;
        }
    }
}

/* f'(z, a) applied to four gradients at elements e…e+3. */
AVX2 static inline __m256d finish4(__m256d g, int derivative, const double *z, const double *a, long e) {
    const __m256d one = _mm256_set1_pd(1);
    switch (derivative) {
    case MLPTOP_DERIVATIVE_SIGMOID: {
        const __m256d av = _mm256_loadu_pd(a + e);
        return _mm256_mul_pd(g, _mm256_mul_pd(av, _mm256_sub_pd(one, av)));
    }
    case MLPTOP_DERIVATIVE_TANH: {
        const __m256d av = _mm256_loadu_pd(a + e);
        return _mm256_mul_pd(g, _mm256_sub_pd(one, _mm256_mul_pd(av, av)));
    }
    case MLPTOP_DERIVATIVE_RELU: {
        /* Ordered compare: false for NaN, as `z > 0` is; the masked-out lanes become +0. */
        const __m256d keep = _mm256_cmp_pd(_mm256_loadu_pd(z + e), _mm256_setzero_pd(), _CMP_GT_OQ);
        return _mm256_and_pd(keep, g);
    }
    default: return g;
    }
}

AVX2 static void backward_avx2(const double *w, const double *delta, double *out, long m, long n, long k,
                               int derivative, const double *z, const double *a) {
    for (long i = 0; i < m; i++) {
        double *o = out + i * n;
        long j = 0;
        for (; j + 16 <= n; j += 16) {
            __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
            for (long p = 0; p < k; p++) {
                const __m256d s = _mm256_broadcast_sd(w + p * m + i);
                const double *dr = delta + p * n + j;
                a0 = _mm256_add_pd(a0, _mm256_mul_pd(s, _mm256_loadu_pd(dr)));
                a1 = _mm256_add_pd(a1, _mm256_mul_pd(s, _mm256_loadu_pd(dr + 4)));
                a2 = _mm256_add_pd(a2, _mm256_mul_pd(s, _mm256_loadu_pd(dr + 8)));
                a3 = _mm256_add_pd(a3, _mm256_mul_pd(s, _mm256_loadu_pd(dr + 12)));
            }
            const long e = i * n + j;
            _mm256_storeu_pd(o + j, finish4(a0, derivative, z, a, e));
            _mm256_storeu_pd(o + j + 4, finish4(a1, derivative, z, a, e + 4));
            _mm256_storeu_pd(o + j + 8, finish4(a2, derivative, z, a, e + 8));
            _mm256_storeu_pd(o + j + 12, finish4(a3, derivative, z, a, e + 12));
        }
        for (; j + 4 <= n; j += 4) {
            __m256d a0 = _mm256_setzero_pd();
            for (long p = 0; p < k; p++)
                a0 = _mm256_add_pd(a0, _mm256_mul_pd(_mm256_broadcast_sd(w + p * m + i),
                                                     _mm256_loadu_pd(delta + p * n + j)));
            _mm256_storeu_pd(o + j, finish4(a0, derivative, z, a, i * n + j));
        }
        for (; j < n; j++) {
            double acc = 0;
            for (long p = 0; p < k; p++) acc += w[p * m + i] * delta[p * n + j];
            o[j] = finish(acc, derivative, z, a, i * n + j);
        }
    }
}


/* (s0 + s1) + (s2 + s3) of four partial sums after the tail p = body…k−1 went into s0 one term
   at a time: d[p]·x[p], or d[p] alone when x is NULL (a bias gradient), where d[p] is delta[p]
   finished by `derivative` (element e0 + p of z and a) — delta[p] itself for NONE. */
AVX2 static inline double finish_dot(__m256d partial, const double *delta, const double *x, long body, long k,
                                     int derivative, const double *z, const double *a, long e0) {
    double t[4];
    _mm256_storeu_pd(t, partial);
    for (long p = body; p < k; p++) {
        const double d = finish(delta[p], derivative, z, a, e0 + p);
        t[0] += x ? d * x[p] : d;
    }
    return (t[0] + t[1]) + (t[2] + t[3]);
}

/* The weight and bias gradients of the header's contract, of delta finished by `derivative` as it
   is read (NONE: delta as it is). Inlined with a constant `derivative`, so each caller's loops
   hold only the step it needs; a finished element is computed as `finish` computes it, so the
   sums see the bits apply_derivative would have stored. */
AVX2 static inline __attribute__((always_inline)) void weight_gradient_rows_avx2(
    const double *delta, int derivative, const double *z, const double *a, const double *x, double *dw, double *db,
    long m, long n, long k) {
    const long body = k & ~3L;
    for (long i = 0; i < m; i++) {
        const double *dr = delta + i * k;
        const long e0 = i * k;
        double *row = dw + i * n;
        long j = 0;
        for (; j + 4 <= n; j += 4) {
            const double *x0 = x + j * k, *x1 = x0 + k, *x2 = x1 + k, *x3 = x2 + k;
            __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
            for (long p = 0; p < body; p += 4) {
                const __m256d d = finish4(_mm256_loadu_pd(dr + p), derivative, z, a, e0 + p);
                a0 = _mm256_add_pd(a0, _mm256_mul_pd(d, _mm256_loadu_pd(x0 + p)));
                a1 = _mm256_add_pd(a1, _mm256_mul_pd(d, _mm256_loadu_pd(x1 + p)));
                a2 = _mm256_add_pd(a2, _mm256_mul_pd(d, _mm256_loadu_pd(x2 + p)));
                a3 = _mm256_add_pd(a3, _mm256_mul_pd(d, _mm256_loadu_pd(x3 + p)));
            }
            if (body == k) {
                /* No tail: (s0 + s1) + (s2 + s3) of the four dots at once. hadd pairs s0 with s1
                   and s2 with s3 of each dot; the permutes line the pairs up by dot. */
                const __m256d h01 = _mm256_hadd_pd(a0, a1), h23 = _mm256_hadd_pd(a2, a3);
                const __m256d sums = _mm256_add_pd(_mm256_permute2f128_pd(h01, h23, 0x20),
                                                   _mm256_permute2f128_pd(h01, h23, 0x31));
                _mm256_storeu_pd(row + j, _mm256_add_pd(_mm256_loadu_pd(row + j), sums));
                continue;
            }
            /* The tail goes into s0 one product at a time, as the scalar loop adds it. */
            row[j] += finish_dot(a0, dr, x0, body, k, derivative, z, a, e0);
            row[j + 1] += finish_dot(a1, dr, x1, body, k, derivative, z, a, e0);
            row[j + 2] += finish_dot(a2, dr, x2, body, k, derivative, z, a, e0);
            row[j + 3] += finish_dot(a3, dr, x3, body, k, derivative, z, a, e0);
        }
        /* The last n mod 4 columns and the bias gradient in one pass over the row of delta: up
           to four independent sums (one alone is bound by the add's latency), each in the order
           above. The branches are the same for the whole loop. */
        const long rest = n - j;
        /* Pointers only to the columns that exist (one past the end would be undefined). */
        const double *xa = rest > 0 ? x + j * k : x, *xb = rest > 1 ? xa + k : x, *xc = rest > 2 ? xb + k : x;
        __m256d c0 = _mm256_setzero_pd(), c1 = c0, c2 = c0, sum = c0;
        for (long p = 0; p < body; p += 4) {
            const __m256d d = finish4(_mm256_loadu_pd(dr + p), derivative, z, a, e0 + p);
            sum = _mm256_add_pd(sum, d);
            if (rest > 0) c0 = _mm256_add_pd(c0, _mm256_mul_pd(d, _mm256_loadu_pd(xa + p)));
            if (rest > 1) c1 = _mm256_add_pd(c1, _mm256_mul_pd(d, _mm256_loadu_pd(xb + p)));
            if (rest > 2) c2 = _mm256_add_pd(c2, _mm256_mul_pd(d, _mm256_loadu_pd(xc + p)));
        }
        if (rest > 0) row[j] += finish_dot(c0, dr, xa, body, k, derivative, z, a, e0);
        if (rest > 1) row[j + 1] += finish_dot(c1, dr, xb, body, k, derivative, z, a, e0);
        if (rest > 2) row[j + 2] += finish_dot(c2, dr, xc, body, k, derivative, z, a, e0);
        db[i] += finish_dot(sum, dr, NULL, body, k, derivative, z, a, e0);
    }
}

AVX2 static void weight_gradient_avx2(const double *delta, const double *x, double *dw, double *db,
                                      long m, long n, long k) {
    weight_gradient_rows_avx2(delta, MLPTOP_DERIVATIVE_NONE, NULL, NULL, x, dw, db, m, n, k);
}

AVX2 static void finishing_weight_gradient_avx2(double *g, int derivative, const double *z, const double *a,
                                                const double *x, double *dw, double *db, long m, long n, long k) {
    switch (derivative) {
    case MLPTOP_DERIVATIVE_SIGMOID:
        weight_gradient_rows_avx2(g, MLPTOP_DERIVATIVE_SIGMOID, z, a, x, dw, db, m, n, k);
        break;
    case MLPTOP_DERIVATIVE_TANH: weight_gradient_rows_avx2(g, MLPTOP_DERIVATIVE_TANH, z, a, x, dw, db, m, n, k); break;
    case MLPTOP_DERIVATIVE_RELU: weight_gradient_rows_avx2(g, MLPTOP_DERIVATIVE_RELU, z, a, x, dw, db, m, n, k); break;
    default: weight_gradient_rows_avx2(g, MLPTOP_DERIVATIVE_NONE, z, a, x, dw, db, m, n, k); break;
    }
}

/* Four rows at a time: four independent sums, each in the header's order. */
AVX2 static void row_sums_avx2(const double *x, double *sums, long m, long k) {
    const long body = k & ~3L;
    long i = 0;
    for (; i + 4 <= m; i += 4) {
        const double *r0 = x + i * k, *r1 = r0 + k, *r2 = r1 + k, *r3 = r2 + k;
        __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;
        for (long p = 0; p < body; p += 4) {
            s0 = _mm256_add_pd(s0, _mm256_loadu_pd(r0 + p));
            s1 = _mm256_add_pd(s1, _mm256_loadu_pd(r1 + p));
            s2 = _mm256_add_pd(s2, _mm256_loadu_pd(r2 + p));
            s3 = _mm256_add_pd(s3, _mm256_loadu_pd(r3 + p));
        }
        sums[i] += finish_dot(s0, r0, NULL, body, k, MLPTOP_DERIVATIVE_NONE, NULL, NULL, 0);
        sums[i + 1] += finish_dot(s1, r1, NULL, body, k, MLPTOP_DERIVATIVE_NONE, NULL, NULL, 0);
        sums[i + 2] += finish_dot(s2, r2, NULL, body, k, MLPTOP_DERIVATIVE_NONE, NULL, NULL, 0);
        sums[i + 3] += finish_dot(s3, r3, NULL, body, k, MLPTOP_DERIVATIVE_NONE, NULL, NULL, 0);
    }
    for (; i < m; i++) {
        const double *r = x + i * k;
        __m256d s = _mm256_setzero_pd();
        for (long p = 0; p < body; p += 4) s = _mm256_add_pd(s, _mm256_loadu_pd(r + p));
        sums[i] += finish_dot(s, r, NULL, body, k, MLPTOP_DERIVATIVE_NONE, NULL, NULL, 0);
    }
}

AVX2 static void apply_derivative_avx2(double *g, int derivative, const double *z, const double *a, long count) {
    long e = 0;
    for (; e + 4 <= count; e += 4) _mm256_storeu_pd(g + e, finish4(_mm256_loadu_pd(g + e), derivative, z, a, e));
    for (; e < count; e++) g[e] = finish(g[e], derivative, z, a, e);
}

/* Whole 32-byte stores (Swift's own fill loop, compiled for the x86-64 baseline, stores 16). */
AVX2 static void fill_rows_avx2(double *z, const double *b, long m, long n) {
    for (long i = 0; i < m; i++) {
        double *row = z + i * n;
        const __m256d v = _mm256_set1_pd(b[i]);
        long j = 0;
        for (; j + 8 <= n; j += 8) {
            _mm256_storeu_pd(row + j, v);
            _mm256_storeu_pd(row + j + 4, v);
        }
        for (; j < n; j++) row[j] = b[i];
    }
}

/* 1: AVX2, 0: generic, -1: not probed yet (read and written atomically; racing probes agree). */
static int cached_level = -1;

static int kernel_level(void) {
    int level = __atomic_load_n(&cached_level, __ATOMIC_RELAXED);
    if (level < 0) {
        __builtin_cpu_init();
        level = __builtin_cpu_supports("avx2") ? 1 : 0;
        __atomic_store_n(&cached_level, level, __ATOMIC_RELAXED);
    }
    return level;
}

void mlptop_dense_kernels_force_generic(int generic) {
    __atomic_store_n(&cached_level, generic ? 0 : -1, __ATOMIC_RELAXED);
}

#else

static int kernel_level(void) { return 0; }
void mlptop_dense_kernels_force_generic(int generic) { (void)generic; }

#endif

/* ------------------------------------------------------------------ entry points */

void mlptop_dense_forward(const double *w, const double *b, const double *x, double *z,
                          long m, long n, long k) {
#if defined(__x86_64__)
    if (kernel_level() == 1) {
        forward_avx2(w, b, x, z, m, n, k);
        return;
    }
#endif
    forward_generic(w, b, x, z, m, n, k);
}

void mlptop_dense_backward(const double *w, const double *delta, double *out, long m, long n, long k,
                           int derivative, const double *z, const double *a) {
#if defined(__x86_64__)
    if (kernel_level() == 1) {
        backward_avx2(w, delta, out, m, n, k, derivative, z, a);
        return;
    }
#endif
    backward_generic(w, delta, out, m, n, k, derivative, z, a);
}

void mlptop_dense_weight_gradient(const double *delta, const double *x, double *dw, double *db,
                                  long m, long n, long k) {
#if defined(__x86_64__)
    if (kernel_level() == 1) {
        weight_gradient_avx2(delta, x, dw, db, m, n, k);
        return;
    }
#endif
    weight_gradient_generic(delta, x, dw, db, m, n, k);
}

void mlptop_dense_finishing_weight_gradient(double *g, int derivative, const double *z, const double *a,
                                            const double *x, double *dw, double *db, long m, long n, long k) {
#if defined(__x86_64__)
    if (kernel_level() == 1) {
        finishing_weight_gradient_avx2(g, derivative, z, a, x, dw, db, m, n, k);
        return;
    }
#endif
    /* The generic path in two passes: the same bits (finish, then the same sums). */
    apply_derivative_generic(g, derivative, z, a, m * k);
    weight_gradient_generic(g, x, dw, db, m, n, k);
}

void mlptop_fill_rows(double *z, const double *b, long m, long n) {
#if defined(__x86_64__)
    if (kernel_level() == 1) {
        fill_rows_avx2(z, b, m, n);
        return;
    }
#endif
    fill_rows_generic(z, b, m, n);
}

void mlptop_row_sums(const double *x, double *sums, long m, long k) {
#if defined(__x86_64__)
    if (kernel_level() == 1) {
        row_sums_avx2(x, sums, m, k);
        return;
    }
#endif
    row_sums_generic(x, sums, m, k);
}

void mlptop_apply_derivative(double *g, int derivative, const double *z, const double *a, long count) {
#if defined(__x86_64__)
    if (kernel_level() == 1) {
        apply_derivative_avx2(g, derivative, z, a, count);
        return;
    }
#endif
    apply_derivative_generic(g, derivative, z, a, count);
}
