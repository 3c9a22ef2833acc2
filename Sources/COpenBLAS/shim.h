#ifndef MLPTOP_COPENBLAS_SHIM_H
#define MLPTOP_COPENBLAS_SHIM_H
#include <cblas.h>
/* Debian's OpenBLAS declares these in cblas.h; repeated here so the module does not depend on it. */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_corename(void);
char *openblas_get_config(void);
#endif
