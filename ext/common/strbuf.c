/* strbuf.c: see strbuf.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "pe_mem.h"
#include "strbuf.h"
#include "utf8.h"

void pe_buf_init(PeBuf *b){ memset(b, 0, sizeof(*b)); }

void pe_buf_free(PeBuf *b){ pe_free(b->z); pe_buf_init(b); }

void pe_buf_reset(PeBuf *b){ b->n = 0; if( b->z ) b->z[0] = 0; }

#define PE_BUF_MAX_STEP ((size_t)0x7FFFFF00)

int pe_buf_reserve(PeBuf *b, size_t extra){
  size_t need, cap;
  char *z;
  if( b->oom ) return PE_NOMEM;
  need = b->n + extra + 1;
  if( need <= b->cap && b->z ) return PE_OK;
  if( need < b->n ){ b->oom = 1; return PE_NOMEM; }        /* overflow */
  cap = b->cap ? b->cap : 64;
  while( cap < need ) cap = cap*2 > cap ? cap*2 : need;
  /* Doubling past 2 GiB would ask more than SQLite ever allocates at once
  ** (SQLITE_MAX_ALLOCATION_SIZE): ask what is needed. */
  if( cap > PE_BUF_MAX_STEP && need <= PE_BUF_MAX_STEP ) cap = need;
  z = pe_realloc(b->z, cap);
  if( z==0 ){ b->oom = 1; return PE_NOMEM; }
  b->z = z;
  b->cap = cap;
  return PE_OK;
}

int pe_buf_append(PeBuf *b, const char *z, size_t n){
  if( pe_buf_reserve(b, n) ) return PE_NOMEM;
  if( n ) memcpy(b->z + b->n, z, n);
  b->n += n;
  b->z[b->n] = 0;
  return PE_OK;
}

int pe_buf_appends(PeBuf *b, const char *z){ return pe_buf_append(b, z, strlen(z)); }

int pe_buf_appendc(PeBuf *b, char c){ return pe_buf_append(b, &c, 1); }

int pe_buf_appendf(PeBuf *b, const char *zFormat, ...){
  va_list ap, apCount;
  int n, rc = PE_OK;
  va_start(ap, zFormat);
  va_copy(apCount, ap);
  /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): va_copy initializes it (a clang 14 false positive) */
  n = vsnprintf(0, 0, zFormat, apCount);
  va_end(apCount);
  if( n<0 ) rc = PE_ERROR;
  else if( pe_buf_reserve(b, (size_t)n) ) rc = PE_NOMEM;
  else{
    vsnprintf(b->z + b->n, (size_t)n + 1, zFormat, ap);
    b->n += (size_t)n;
  }
  va_end(ap);
  return rc;
}

int pe_buf_append_utf8(PeBuf *b, uint32_t c){
  char a[4];
  return pe_buf_append(b, a, pe_utf8_encode(c, a));
}

/* Bytes a JSON string cannot hold as they are: '"', '\\' and controls. */
static int json_special(unsigned char c){ return c<0x20 || c=='"' || c=='\\'; }

int pe_buf_append_json(PeBuf *b, const char *z, size_t n){
  size_t i = 0;
  if( pe_buf_appendc(b, '"') ) return PE_NOMEM;
  while( i<n ){
    size_t start = i;
    unsigned char c;
    const char *esc;
    char hex[8];
    while( i<n && !json_special((unsigned char)z[i]) ) i++;    /* a plain run, copied at once */
    if( i>start ) pe_buf_append(b, z+start, i-start);
    if( i>=n ) break;
    c = (unsigned char)z[i++];
    if( c=='"' ) esc = "\\\"";
    else if( c=='\\' ) esc = "\\\\";
    else if( c=='\n' ) esc = "\\n";
    else if( c=='\r' ) esc = "\\r";
    else if( c=='\t' ) esc = "\\t";
    else{ snprintf(hex, sizeof hex, "\\u%04x", c); esc = hex; }
    pe_buf_appends(b, esc);
  }
  return pe_buf_appendc(b, '"');
}

char *pe_buf_finish(PeBuf *b, size_t *pn){
  char *z;
  if( !b->oom && b->z==0 ) pe_buf_reserve(b, 0);
  if( b->oom ){ pe_buf_free(b); if( pn ) *pn = 0; return 0; }
  b->z[b->n] = 0;
  z = b->z;
  if( pn ) *pn = b->n;
  pe_buf_init(b);
  return z;
}
