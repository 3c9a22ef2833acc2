#ifndef MLPTOP_COPENBLAS_SHIM_H
#define MLPTOP_COPENBLAS_SHIM_H
#include <cblas.h>
/* Debian's OpenBLAS declares this in cblas.h; repeated here so the module does not depend on it. */
void openblas_set_num_threads(int num_threads);
#endif
