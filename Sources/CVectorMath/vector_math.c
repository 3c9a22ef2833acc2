/* Vectorised exp and tanh through glibc's libmvec.
 *
 * libmvec (glibc >= 2.22 for exp, >= 2.35 for tanh) exports SIMD variants under the vector
 * function ABI names: _ZGVdN4v_* take 4 doubles in an AVX2 register, _ZGVbN2v_* take 2 in an
 * SSE2 register. Both are accurate to 4 ulp (glibc's documented bound), far below what the
 * training comparisons can see. The AVX2 kernels are chosen once, at the first call, when the CPU
 * supports AVX2 and FMA; the SSE2 ones otherwise (every x86-64 CPU has SSE2). On other
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

static int has_avx2(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return cached;
}

#define DEFINE_KERNEL(NAME, AVX, SSE, SCALAR)                                                  \
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
        if (has_avx2()) NAME##_avx2(x, y, n); else NAME##_sse2(x, y, n);                     \
    }

DEFINE_KERNEL(mlptop_vector_exp, _ZGVdN4v_exp, _ZGVbN2v_exp, exp)
DEFINE_KERNEL(mlptop_vector_tanh, _ZGVdN4v_tanh, _ZGVbN2v_tanh, tanh)

#else

void mlptop_vector_exp(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) y[i] = exp(x[i]);
}

void mlptop_vector_tanh(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) y[i] = tanh(x[i]);
}

#endif
