/* Vectorised exp and tanh through glibc's libmvec.
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

#if defined(__x86_64__) && defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
#include <immintrin.h>

__m128d _ZGVbN2v_exp(__m128d);
__m128d _ZGVbN2v_tanh(__m128d);
__attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_exp(__m256d);
__attribute__((target("avx2,fma"))) __m256d _ZGVdN4v_tanh(__m256d);
__attribute__((target("avx512f"))) __m512d _ZGVeN8v_exp(__m512d);
__attribute__((target("avx512f"))) __m512d _ZGVeN8v_tanh(__m512d);

/* 2: AVX-512, 1: AVX2 + FMA, 0: SSE2, -1: not probed yet. The level is probed at the first call
 * and cached. Threads may race to probe it first; they all compute the same value, and the cache
 * is read and written atomically, so that race is well-defined (and ThreadSanitizer agrees). */
static int cached_level = -1;

void mlptop_vector_forget_cpu_level(void) { __atomic_store_n(&cached_level, -1, __ATOMIC_RELAXED); }

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
DEFINE_KERNEL(mlptop_vector_tanh, _ZGVeN8v_tanh, _ZGVdN4v_tanh, _ZGVbN2v_tanh, tanh)

#else

void mlptop_vector_forget_cpu_level(void) {}

void mlptop_vector_exp(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) y[i] = exp(x[i]);
}

void mlptop_vector_tanh(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) y[i] = tanh(x[i]);
}

#endif
