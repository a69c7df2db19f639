/* pe_mem_libc.c: pe_mem.h on top of libc, for unit tests and fuzzers. */
#include <stdlib.h>
#include "common/pe_mem.h"

void *pe_malloc(size_t n){ return malloc(n ? n : 1); }
void *pe_realloc(void *p, size_t n){ return realloc(p, n ? n : 1); }
void pe_free(void *p){ free(p); }
