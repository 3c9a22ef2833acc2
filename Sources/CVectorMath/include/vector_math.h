#ifndef MLPTOP_VECTOR_MATH_H
#define MLPTOP_VECTOR_MATH_H

/* Element-wise exp over an array, using glibc's vector math library (libmvec) where the processor
   has it, and the scalar libm function elsewhere. `x` and `y` may be the same array. */
void mlptop_vector_exp(const double *x, double *y, long count);
/* Element-wise tanh within 3 ulp, the same bits on every CPU with FMA (AVX2 + FMA vectors on
   x86 that has both, the portable form on other CPUs with FMA; glibc's tanh on x86 without FMA;
   see tanh.c).
   `x` and `y` may be the same array. */
void mlptop_vector_tanh(const double *x, double *y, long count);
/* The portable form of mlptop_vector_tanh (for tests comparing the paths). */
void mlptop_tanh_portable(const double *x, double *y, long count);
/* Which path mlptop_vector_tanh takes here: 2 AVX2 + FMA vectors, 1 the portable form, 0 glibc's
   tanh (x86 without FMA). */
int mlptop_tanh_path(void);
/* σ(x) = 1/(1 + e^−x), stable for both signs, with the exp of mlptop_vector_exp. `x` and `y` may
   be the same array. */
void mlptop_vector_sigmoid(const double *x, double *y, long count);

/* The summed binary cross-entropy of n samples from their logits: Σ softplus(z) − y·z with
   softplus(z) = max(z, 0) + ln(1 + e^−|z|), y the 0/1 labels, added in sample order (exp and log1p
   through libmvec, 4 ulp). */
double mlptop_bce_total(const double *z, const long *labels, long n);

/* Forgets the cached CPU level so the next call probes it again (for tests of first-call races). */
void mlptop_vector_forget_cpu_level(void);

#endif
