/*
** pe_mem.h: the one allocator every pure core uses.
**
** Cores never call malloc() directly.  Inside the extension these map to
** sqlite3_malloc64() and friends (pe_mem_sqlite.c), so SQLite's allocation
** accounting, limits and fault injection (SQLITE_CONFIG_MALLOC) cover the
** cores too.  Unit tests and fuzzers link pe_mem_libc.c instead.
**
** Every core function that allocates reports failure to its caller (a
** PE_NOMEM code or a NULL result); the binding turns that into SQLITE_NOMEM.
*/
#ifndef PE_MEM_H
#define PE_MEM_H
#include <stddef.h>

void *pe_malloc(size_t n);
void *pe_realloc(void *p, size_t n);
void pe_free(void *p);

#endif
