/* tanh over arrays, the same bits on every x86-64 (and any IEEE-754) machine.
 *
 * For y = |x| (clamped to 20, where tanh already rounds to 1):
 *   e = expm1(2y) = 2^k·p + (2^k − 1),  2y = k·ln2 + r, |r| ≤ ln2/2, p = expm1(r),
 *   tanh(y) = e / (e + 2),  tanh(x) = copysign(tanh(y), x).
 * expm1(r) = r + r²·q(r) with q the Taylor polynomial of degree 11 (p of degree 13; the
 * truncation is below 10⁻¹⁷ relative on |r| ≤ ln2/2), q by Estrin's scheme for short dependency
 * chains (the loop is latency-bound otherwise). ln2 is split Cody–Waite style so k·ln2_hi is
 * exact, and k is found by the round-to-nearest shifter 1.5·2⁵², so no float→integer conversion is
 * needed. Every form with 2y ≥ 0 adds terms of one sign or cancels by less than a factor 1.5, so
 * the result is within 3 ulp of tanh (2.52 the worst seen: TanhKernelTests, against 80-bit tanh).
 *
 * Every step is a correctly rounded IEEE operation (+ − × ÷ and fused multiply-add, written out
 * with fma(); the compiler contracts nothing else in this file) in one fixed order, and the AVX2
 * loop is the compiler's vectorisation of the same function: the vector and the portable paths
 * give the same bits (TanhKernelTests), so a run trains to the same weights on any CPU with FMA
 * (x86 with AVX2 + FMA runs the vector loop, x86 with FMA but no AVX2 and other architectures the
 * portable one). x86 CPUs without FMA use glibc's scalar tanh: as accurate, but not the same bits.
 * NaN stays NaN, ±∞ gives ±1, −0 gives −0.
 * Replaced glibc's libmvec tanh: 3.5 ns an element against 1.5 ns on an AMD EPYC (family 25),
 * where tanh was 41 % of the medium benchmark's time.
 */
#include "vector_math.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

#define TANH_CLAMP 20.0
#define INV_LN2 0x1.71547652b82fep+0
#define LN2_HI 0x1.62e42fee00000p-1 /* 32 significant bits: k·LN2_HI is exact for k < 2²¹ */
#define LN2_LO 0x1.a39ef35793c76p-33
#define SHIFTER 0x1.8p52 /* adding it rounds a small double to an integer, held in the low bits */
/* 1/n! for n = 13 down to 2: q(r) = Σ r^(n−2)/n!. */
#define C13 (1.0 / 6227020800.0)
#define C12 (1.0 / 479001600.0)
#define C11 (1.0 / 39916800.0)
#define C10 (1.0 / 3628800.0)
#define C9 (1.0 / 362880.0)
#define C8 (1.0 / 40320.0)
#define C7 (1.0 / 5040.0)
#define C6 (1.0 / 720.0)
#define C5 (1.0 / 120.0)
#define C4 (1.0 / 24.0)
#define C3 (1.0 / 6.0)
#define C2 0.5
static inline double from_bits(uint64_t u) { double d; memcpy(&d, &u, sizeof d); return d; }
static inline uint64_t to_bits(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }
/* tanh of one number; every path below is a loop over exactly this. */
static inline __attribute__((always_inline)) double tanh_one(double x) {
    double y = fabs(x);
    y = y > TANH_CLAMP ? TANH_CLAMP : y; /* NaN stays NaN */
    const double t = y + y;
    const double shifted = fma(t, INV_LN2, SHIFTER);
    const double kd = shifted - SHIFTER;
    const int64_t k = (int64_t)(to_bits(shifted) - to_bits(SHIFTER));
    const double r = fma(-kd, LN2_LO, fma(-kd, LN2_HI, t));
    const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    const double q0 = fma(fma(C5, r, C4), r2, fma(C3, r, C2));
    const double q1 = fma(fma(C9, r, C8), r2, fma(C7, r, C6));
    const double q2 = fma(fma(C13, r, C12), r2, fma(C11, r, C10));
    const double q = fma(q2, r8, fma(q1, r4, q0));
    const double p = fma(r2, q, r);
    const double two_k = from_bits((uint64_t)(k + 1023) << 52);
    /* 2^k·p + (2^k − 1), rounded once. For k ≤ 53, 2^k − 1 is exact and scaling by 2^k commutes
       with rounding, so this is 2^k·round(p + (1 − 2^−k)), the bits of the earlier form
       `two_k * (p + (1.0 - two_minus_k))` with two operations fewer (1.32 against 1.41 ns an
       element, EPYC family 25); above (y > 18.5) the quotient below rounds alike either way
       (no difference in 4·10⁷ values on [12, 20]). */
    const double e = fma(two_k, p, two_k - 1.0);
    return copysign(e / (e + 2.0), x);
}
void mlptop_tanh_portable(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) y[i] = tanh_one(x[i]);
}

#if defined(__x86_64__)

/* The same loop compiled for AVX2 + FMA: four numbers a vector, two vectors an iteration (1.9 ns
 * an element without the interleaving: the dependency chain of one number is ~60 cycles). */
__attribute__((target("avx2,fma"))) static void tanh_avx2(const double *x, double *y, long n) {
#pragma clang loop vectorize(enable) interleave_count(2)
    for (long i = 0; i < n; i++) y[i] = tanh_one(x[i]);
}

/* 2: AVX2 + FMA vectors, 1: portable (FMA without AVX2), 0: no FMA, −1: not probed; read and
   written atomically (threads racing to probe first all store the same value). */
static int tanh_level = -1;

void mlptop_tanh_forget_cpu_level(void) { __atomic_store_n(&tanh_level, -1, __ATOMIC_RELAXED); }

int mlptop_tanh_path(void) {
    int level = __atomic_load_n(&tanh_level, __ATOMIC_RELAXED);
    if (level < 0) {
        __builtin_cpu_init();
        level = !__builtin_cpu_supports("fma") ? 0 : __builtin_cpu_supports("avx2") ? 2 : 1;
        __atomic_store_n(&tanh_level, level, __ATOMIC_RELAXED);
    }
    return level;
}

void mlptop_vector_tanh(const double *x, double *y, long n) {
    switch (mlptop_tanh_path()) {
    case 2: tanh_avx2(x, y, n); break;
    case 1: mlptop_tanh_portable(x, y, n); break;
    default:
        /* Without FMA in hardware fma() is emulated (tens of ns a call): glibc's own tanh is the
           fast choice there, at the cost of bits that differ from the FMA machines'. */
        for (long i = 0; i < n; i++) y[i] = tanh(x[i]);
    }
}

#else

void mlptop_tanh_forget_cpu_level(void) {}

int mlptop_tanh_path(void) { return 1; }

void mlptop_vector_tanh(const double *x, double *y, long n) { mlptop_tanh_portable(x, y, n); }

#endif
