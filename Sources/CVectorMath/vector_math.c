/* Vectorised exp (and σ from it) through glibc's libmvec; tanh has its own kernel (tanh.c).
 *
 * libmvec (glibc >= 2.22 for exp, >= 2.35 for tanh) exports SIMD variants under the vector
 * function ABI names: _ZGVdN4v_* take 4 doubles in an AVX2 register, _ZGVbN2v_* take 2 in an
 * SSE2 register, _ZGVeN8v_* 8 in an AVX-512 register. All are accurate to 4 ulp (glibc's
 * documented bound), far below what the training comparisons can see. The widest the CPU supports
 * is chosen once, at the first call (every x86-64 CPU has SSE2). On other
 * architectures, or with an older glibc, the scalar libm functions are used.
 */
#include "vector_math.h"
#include <math.h>

void mlptop_tanh_forget_cpu_level(void); /* tanh.c */

/* softplus(z) = max(z, 0) + log1p(e^−|z|), for the BCE total's scalar tail and its portable form. */
static inline double softplus_tail(double z) { return (z > 0 ? z : 0) + log1p(exp(-fabs(z))); }

#if defined(__x86_64__) && defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
#include <immintrin.h>

__m128d _ZGVbN2v_exp(__m128d);
__attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_exp(__m256d);
__attribute__((target("avx512f"))) __m512d _ZGVeN8v_exp(__m512d);
__m128d _ZGVbN2v_log1p(__m128d);
__attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_log1p(__m256d);

/* 2: AVX-512, 1: AVX2 + FMA, 0: SSE2, -1: not probed yet. The level is probed at the first call
 * and cached. Threads may race to probe it first; they all compute the same value, and the cache
 * is read and written atomically, so that race is well-defined (and ThreadSanitizer agrees). */
static int cached_level = -1;

void mlptop_vector_forget_cpu_level(void) {
    __atomic_store_n(&cached_level, -1, __ATOMIC_RELAXED);
    mlptop_tanh_forget_cpu_level();
}

static int vector_level(void) {
    int level = __atomic_load_n(&cached_level, __ATOMIC_RELAXED);
    if (level < 0) {
        __builtin_cpu_init();
        level = __builtin_cpu_supports("avx512f") ? 2
            : (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) ? 1 : 0;
        __atomic_store_n(&cached_level, level, __ATOMIC_RELAXED);
    }
    return level;
}

#define DEFINE_KERNEL(NAME, AVX512, AVX, SSE, SCALAR)                                          \
    __attribute__((target("avx512f"))) static void NAME##_avx512(const double *x, double *y,   \
                                                                 long n) {                   \
        long i = 0;                                                                          \
        for (; i + 8 <= n; i += 8) _mm512_storeu_pd(y + i, AVX512(_mm512_loadu_pd(x + i)));  \
        for (; i < n; i++) y[i] = SCALAR(x[i]);                                              \
    }                                                                                        \
    __attribute__((target("avx2,fma"))) static void NAME##_avx2(const double *x, double *y,  \
                                                                 long n) {                   \
        long i = 0;                                                                          \
        for (; i + 4 <= n; i += 4) _mm256_storeu_pd(y + i, AVX(_mm256_loadu_pd(x + i)));     \
        for (; i < n; i++) y[i] = SCALAR(x[i]);                                              \
    }                                                                                        \
    static void NAME##_sse2(const double *x, double *y, long n) {                            \
        long i = 0;                                                                          \
        for (; i + 2 <= n; i += 2) _mm_storeu_pd(y + i, SSE(_mm_loadu_pd(x + i)));           \
        for (; i < n; i++) y[i] = SCALAR(x[i]);                                              \
    }                                                                                        \
    void NAME(const double *x, double *y, long n) {                                          \
        switch (vector_level()) {                                                            \
        case 2: NAME##_avx512(x, y, n); break;                                               \
        case 1: NAME##_avx2(x, y, n); break;                                                 \
        default: NAME##_sse2(x, y, n);                                                       \
        }                                                                                    \
    }

DEFINE_KERNEL(mlptop_vector_exp, _ZGVeN8v_exp, _ZGVdN4v_exp, _ZGVbN2v_exp, exp)

/* σ(x) in one pass: e = exp(−|x|), then 1/(1+e) where x ≥ 0 and e/(1+e) elsewhere (NaN too).
 * Each element takes the same exp (vector or scalar, by its position in blocks of the vector
 * width) as mlptop_vector_exp over the same array would give it, so the bits are those of the
 * three passes this replaces. −|x| is x with the sign bit set. */
static inline double sigmoid_tail(double x) {
    const double e = exp(-fabs(x));
    return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

__attribute__((target("avx512f"))) static void sigmoid_avx512(const double *x, double *y, long n) {
    const __m512i sign = _mm512_set1_epi64((long long)0x8000000000000000ULL);
    const __m512d one = _mm512_set1_pd(1);
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m512d v = _mm512_loadu_pd(x + i);
        const __m512d e = _ZGVeN8v_exp(_mm512_castsi512_pd(_mm512_or_epi64(_mm512_castpd_si512(v), sign)));
        const __m512d d = _mm512_add_pd(one, e);
        const __mmask8 nonnegative = _mm512_cmp_pd_mask(v, _mm512_setzero_pd(), _CMP_GE_OQ);
        _mm512_storeu_pd(y + i, _mm512_mask_blend_pd(nonnegative, _mm512_div_pd(e, d), _mm512_div_pd(one, d)));
    }
    for (; i < n; i++) y[i] = sigmoid_tail(x[i]);
}

__attribute__((target("avx2,fma"))) static void sigmoid_avx2(const double *x, double *y, long n) {
    const __m256d sign = _mm256_set1_pd(-0.0), one = _mm256_set1_pd(1);
    long i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d v = _mm256_loadu_pd(x + i);
        const __m256d e = _ZGVdN4v_exp(_mm256_or_pd(v, sign));
        const __m256d d = _mm256_add_pd(one, e);
        const __m256d nonnegative = _mm256_cmp_pd(v, _mm256_setzero_pd(), _CMP_GE_OQ);
        _mm256_storeu_pd(y + i, _mm256_blendv_pd(_mm256_div_pd(e, d), _mm256_div_pd(one, d), nonnegative));
    }
    for (; i < n; i++) y[i] = sigmoid_tail(x[i]);
}

static void sigmoid_sse2(const double *x, double *y, long n) {
    const __m128d sign = _mm_set1_pd(-0.0), one = _mm_set1_pd(1);
    long i = 0;
    for (; i + 2 <= n; i += 2) {
        const __m128d v = _mm_loadu_pd(x + i);
        const __m128d e = _ZGVbN2v_exp(_mm_or_pd(v, sign));
        const __m128d d = _mm_add_pd(one, e);
        const __m128d nonnegative = _mm_cmpge_pd(v, _mm_setzero_pd());
        _mm_storeu_pd(y + i, _mm_or_pd(_mm_and_pd(nonnegative, _mm_div_pd(one, d)),
                                       _mm_andnot_pd(nonnegative, _mm_div_pd(e, d))));
    }
    for (; i < n; i++) y[i] = sigmoid_tail(x[i]);
}

void mlptop_vector_sigmoid(const double *x, double *y, long n) {
    switch (vector_level()) {
    case 2: sigmoid_avx512(x, y, n); break;
    case 1: sigmoid_avx2(x, y, n); break;
    default: sigmoid_sse2(x, y, n);
    }
}

/* Σ softplus(z) − y·z, softplus(z) = max(z, 0) + log1p(e^−|z|), added in order; the softplus of
   four (two) numbers at a time through libmvec, the tail through libm. */
__attribute__((target("avx2,fma"))) static double bce_total_avx2(const double *z, const long *labels, long n) {
    const __m256d sign = _mm256_set1_pd(-0.0), zero = _mm256_setzero_pd();
    double sum = 0, sp[4];
    long i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d v = _mm256_loadu_pd(z + i);
        const __m256d e = _ZGVdN4v_exp(_mm256_or_pd(v, sign));
        /* max(z, 0) as `z > 0 ? z : 0` (NaN gives 0, then NaN from the log1p term anyway). */
        const __m256d positive = _mm256_and_pd(_mm256_cmp_pd(v, zero, _CMP_GT_OQ), v);
        _mm256_storeu_pd(sp, _mm256_add_pd(positive, _ZGVdN4v_log1p(e)));
        for (int k = 0; k < 4; k++) sum += sp[k] - (double)labels[i + k] * z[i + k];
    }
    for (; i < n; i++) sum += softplus_tail(z[i]) - (double)labels[i] * z[i];
    return sum;
}

static double bce_total_sse2(const double *z, const long *labels, long n) {
    const __m128d sign = _mm_set1_pd(-0.0), zero = _mm_setzero_pd();
    double sum = 0, sp[2];
    long i = 0;
    for (; i + 2 <= n; i += 2) {
        const __m128d v = _mm_loadu_pd(z + i);
        const __m128d e = _ZGVbN2v_exp(_mm_or_pd(v, sign));
        const __m128d positive = _mm_and_pd(_mm_cmpgt_pd(v, zero), v);
        _mm_storeu_pd(sp, _mm_add_pd(positive, _ZGVbN2v_log1p(e)));
        for (int k = 0; k < 2; k++) sum += sp[k] - (double)labels[i + k] * z[i + k];
    }
    for (; i < n; i++) sum += softplus_tail(z[i]) - (double)labels[i] * z[i];
    return sum;
}

double mlptop_bce_total(const double *z, const long *labels, long n) {
    /* AVX-512 machines take the AVX2 path: four numbers a call are plenty for one output unit. */
    return vector_level() >= 1 ? bce_total_avx2(z, labels, n) : bce_total_sse2(z, labels, n);
}

#else

void mlptop_vector_forget_cpu_level(void) { mlptop_tanh_forget_cpu_level(); }

void mlptop_vector_exp(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) y[i] = exp(x[i]);
}

double mlptop_bce_total(const double *z, const long *labels, long n) {
    double sum = 0;
    for (long i = 0; i < n; i++) sum += softplus_tail(z[i]) - (double)labels[i] * z[i];
    return sum;
}

void mlptop_vector_sigmoid(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) {
        const double e = exp(-fabs(x[i]));
        y[i] = x[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
    }
}

#endif
