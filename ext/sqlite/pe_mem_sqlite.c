/* pe_mem_sqlite.c: pe_mem.h on top of SQLite's allocator (extension build). */
#include "pe_sqlite.h"
#include "common/pe_mem.h"

void *pe_malloc(size_t n){ return sqlite3_malloc64(n ? n : 1); }
void *pe_realloc(void *p, size_t n){ return sqlite3_realloc64(p, n ? n : 1); }
void pe_free(void *p){ sqlite3_free(p); }
