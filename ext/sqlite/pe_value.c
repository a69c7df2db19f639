/* pe_value.c: the value and result helpers every binding uses (pe_sqlite.h),
** and the shared per-connection state of a unit (pe_register.h). */
#include <stdarg.h>
#include "pe_sqlite.h"
#include "pe_register.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

struct PeShared { int nRef; void *pState; void (*xFree)(void*); };

void *pe_state(sqlite3_context *ctx){
  PeShared *p = (PeShared*)sqlite3_user_data(ctx);
  return p ? p->pState : 0;
}

const char *pe_value_text(sqlite3_value *v, size_t *pn){
  const char *z = (const char*)sqlite3_value_text(v);
  *pn = z ? (size_t)sqlite3_value_bytes(v) : 0;
  return z;
}

void pe_result_status(sqlite3_context *ctx, int rc, const char *zMsg){
  if( rc==PE_NOMEM ){ sqlite3_result_error_nomem(ctx); return; }
  if( rc==PE_TOOBIG && zMsg==0 ){ sqlite3_result_error_toobig(ctx); return; }
  sqlite3_result_error(ctx, zMsg ? zMsg : "paperext: unknown error", -1);
}

void pe_result_text_owned(sqlite3_context *ctx, char *z, size_t n){
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text64(ctx, z, n, pe_free, SQLITE_UTF8);
}

void pe_result_buf(sqlite3_context *ctx, int rc, PeBuf *b){
  if( rc!=PE_OK ){
    pe_buf_free(b);
    pe_result_status(ctx, rc, 0);
    return;
  }
  {
    size_t n;
    char *z = pe_buf_finish(b, &n);      /* NULL when the buffer ran out of memory */
    pe_result_text_owned(ctx, z, n);     /* which reports NOMEM */
  }
}

int pe_vtab_error(sqlite3_vtab *pVtab, const char *zFormat, ...){
  va_list ap;
  va_start(ap, zFormat);
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = sqlite3_vmprintf(zFormat, ap);
  va_end(ap);
  return pVtab->zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

int pe_any_null(int argc, sqlite3_value **argv){
  int i;
  for(i=0; i<argc; i++){
    if( sqlite3_value_type(argv[i])==SQLITE_NULL ) return 1;
  }
  return 0;
}

/* --- the shared state (pe_register.h) --- */
PeShared *pe_shared_new(void *pState, void (*xFree)(void*)){
  PeShared *p = sqlite3_malloc(sizeof(*p));
  if( p ){ p->nRef = 1; p->pState = pState; p->xFree = xFree; }
  return p;
}
void pe_shared_ref(PeShared *p){ p->nRef++; }
void pe_shared_unref(void *pShared){
  PeShared *p = (PeShared*)pShared;
  if( p && --p->nRef==0 ){
    if( p->xFree ) p->xFree(p->pState);
    sqlite3_free(p);
  }
}
void *pe_shared_state(const PeShared *p){ return p ? p->pState : 0; }
