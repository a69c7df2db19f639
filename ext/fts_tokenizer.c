/* fts_tokenizer.c: see fts_tokenizer.h. */
#include <string.h>
#include "fts_tokenizer.h"
#include "pe_mem.h"
#include "utf8.h"

uint32_t pe_fts_fold(uint32_t c){
  int lo = 0, hi = pe_fts_fold_count - 1;
  /* Full-width digits and Latin letters: U+FF10.. -> '0'.., same layout as ASCII. */
  if( c>=0xFF10 && c<=0xFF5A ){
    if( c<=0xFF19 || (c>=0xFF21 && c<=0xFF3A) || c>=0xFF41 ) return c - 0xFEE0;
    return c;
  }
  if( c<pe_fts_fold_table[0].from ) return c;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( pe_fts_fold_table[mid].from==c ) return pe_fts_fold_table[mid].to;
    if( pe_fts_fold_table[mid].from<c ) lo = mid+1; else hi = mid-1;
  }
  return c;
}

static int is_fullwidth_alnum(uint32_t c){
  return c>=0xFF10 && c<=0xFF5A && pe_fts_fold(c)<0x80;
}

/* The state of one pe_fts_tokenize() call. */
typedef struct Walk {
  const char *z;
  int n;
  unsigned flags;
  const PeFtsSink *pSink;
  int nomem;
  int prevCjkEnd;     /* end of the last CJK char if no token followed it, else -1 */
  char *zScratch;     /* lower-cased ASCII token / folded run */
  int nScratch;
  int *aMap;          /* offsets of a folded run's bytes in z */
  int nMap;
} Walk;

static int grow(Walk *w, int nByte, int withMap){
  if( nByte>w->nScratch ){
    char *p = pe_realloc(w->zScratch, (size_t)nByte);
    if( p==0 ) return w->nomem;
    w->zScratch = p;
    w->nScratch = nByte;
  }
  if( withMap && nByte+1>w->nMap ){
    int *a = pe_realloc(w->aMap, sizeof(int)*(size_t)(nByte+1));
    if( a==0 ) return w->nomem;
    w->aMap = a;
    w->nMap = nByte+1;
  }
  return 0;
}

static int is_ascii_alnum(unsigned char c){
  return (c>='0' && c<='9') || (c>='a' && c<='z') || (c>='A' && c<='Z');
}

/* unicode61 with its default options on pure ASCII: maximal runs of
** letters and digits, lower-cased.  (remove_diacritics has nothing to do
** on ASCII; tokenchars/separators/categories turn this path off.) */
static int ascii_run(Walk *w, int iStart, int iEnd, int *pnToken){
  const unsigned char *z = (const unsigned char*)w->z;
  int i = iStart, rc;
  *pnToken = 0;
  while( i<iEnd ){
    int s, k;
    while( i<iEnd && !is_ascii_alnum(z[i]) ) i++;
    if( i>=iEnd ) break;
    s = i;
    while( i<iEnd && is_ascii_alnum(z[i]) ) i++;
    if( (rc = grow(w, i-s, 0))!=0 ) return rc;
    for(k=s; k<i; k++){
      unsigned char c = z[k];
      w->zScratch[k-s] = (char)((c>='A' && c<='Z') ? c+32 : c);
    }
    rc = w->pSink->xToken(w->pSink->pCtx, 0, w->zScratch, i-s, s, i);
    if( rc ) return rc;
    (*pnToken)++;
  }
  return 0;
}

/* A run with full-width letters or digits under `fold 1`: hand over a copy
** with them turned into ASCII, and the map back to the original offsets. */
static int folded_run(Walk *w, int iStart, int iEnd, int *pnToken){
  int i = iStart, o = 0, rc;
  if( (rc = grow(w, iEnd-iStart, 1))!=0 ) return rc;
  while( i<iEnd ){
    uint32_t c;
    int len = pe_utf8_decode((const unsigned char*)w->z+i, (size_t)(iEnd-i), &c);
    if( is_fullwidth_alnum(c) ){
      w->aMap[o] = i;
      w->zScratch[o++] = (char)pe_fts_fold(c);
    }else{
      int k;
      for(k=0; k<len; k++){ w->aMap[o] = i+k; w->zScratch[o++] = w->z[i+k]; }
    }
    i += len;
  }
  w->aMap[o] = iEnd;
  return w->pSink->xRun(w->pSink->pCtx, w->zScratch, o, iStart, w->aMap, pnToken);
}

static int flush_run(Walk *w, int iStart, int iEnd, int isAscii, int hasWide){
  int nToken = 0, rc;
  if( isAscii && (w->flags & PE_FTS_ASCII_FAST) ){
    rc = ascii_run(w, iStart, iEnd, &nToken);
  }else if( hasWide ){
    rc = folded_run(w, iStart, iEnd, &nToken);
  }else{
    rc = w->pSink->xRun(w->pSink->pCtx, w->z+iStart, iEnd-iStart, iStart, 0, &nToken);
  }
  if( nToken>0 ) w->prevCjkEnd = -1;
  return rc;
}

/* One CJK character c at [iStart, iEnd); cNext is the CJK character that
** directly follows it, ending at iNextEnd, or 0. */
static int emit_cjk(Walk *w, uint32_t c, int iStart, int iEnd,
                    uint32_t cNext, int iNextEnd){
  const PeFtsSink *s = w->pSink;
  char a[8];
  int n, rc;
  if( w->prevCjkEnd>=0 && w->prevCjkEnd<iStart ){
    rc = s->xToken(s->pCtx, 0, PE_FTS_BREAK, PE_FTS_BREAK_LEN, w->prevCjkEnd, iStart);
    if( rc ) return rc;
  }
  w->prevCjkEnd = iEnd;
  if( w->flags & PE_FTS_FOLD ){
    c = pe_fts_fold(c);
    if( cNext ) cNext = pe_fts_fold(cNext);
  }
  n = pe_utf8_encode(c, a);
  if( cNext==0 || (w->flags & PE_FTS_BIGRAM)==0 ){
    return s->xToken(s->pCtx, 0, a, n, iStart, iEnd);
  }
  if( w->flags & PE_FTS_QUERY ){
    int m = n + pe_utf8_encode(cNext, a+n);
    return s->xToken(s->pCtx, 0, a, m, iStart, iNextEnd);
  }
  rc = s->xToken(s->pCtx, 0, a, n, iStart, iEnd);
  if( rc==0 ){
    int m = n + pe_utf8_encode(cNext, a+n);
    rc = s->xToken(s->pCtx, PE_FTS_COLOCATED, a, m, iStart, iNextEnd);
  }
  return rc;
}

int pe_fts_tokenize(const char *z, int n, unsigned flags,
                    const PeFtsSink *pSink, int nomem_rc){
  const unsigned char *u = (const unsigned char*)z;
  Walk w;
  int i = 0, rc = 0;
  int runStart = -1, runAscii = 1, runWide = 0;
  memset(&w, 0, sizeof(w));
  w.z = z; w.n = n; w.flags = flags; w.pSink = pSink; w.nomem = nomem_rc;
  w.prevCjkEnd = -1;
  while( i<n && rc==0 ){
    uint32_t c;
    int len;
    if( u[i]<0x80 ){
      if( runStart<0 ){ runStart = i; runAscii = 1; runWide = 0; }
      i++;
      continue;
    }
    len = pe_utf8_decode(u+i, (size_t)(n-i), &c);
    if( (c==PE_REPLACEMENT && len==1) || pe_is_cjk(c) ){
      if( runStart>=0 ){
        rc = flush_run(&w, runStart, i, runAscii, runWide);
        runStart = -1;
        if( rc ) break;
      }
      if( len==1 ){ i++; continue; }     /* an invalid byte: a separator */
      {
        uint32_t cNext = 0;
        int lenNext = 0;
        if( i+len<n ){
          lenNext = pe_utf8_decode(u+i+len, (size_t)(n-i-len), &cNext);
          if( !pe_is_cjk(cNext) ) cNext = 0;
        }
        rc = emit_cjk(&w, c, i, i+len, cNext, i+len+lenNext);
      }
      i += len;
      continue;
    }
    if( runStart<0 ){ runStart = i; runWide = 0; }
    runAscii = 0;
    if( (flags & PE_FTS_FOLD) && is_fullwidth_alnum(c) ) runWide = 1;
    i += len;
  }
  if( rc==0 && runStart>=0 ) rc = flush_run(&w, runStart, n, runAscii, runWide);
  pe_free(w.zScratch);
  pe_free(w.aMap);
  return rc;
}
