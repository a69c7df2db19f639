/* fts_tokenizer.c: see fts_tokenizer.h. */
#include <string.h>
#include "fts_tokenizer.h"
#include "common/strbuf.h"
#include "common/pe_mem.h"
#include "common/utf8.h"

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
  if( w->zScratch==0 || nByte>w->nScratch ){
    char *p = pe_realloc(w->zScratch, (size_t)nByte+1);
    if( p==0 ) return w->nomem;
    w->zScratch = p;
    w->nScratch = nByte;
  }
  if( withMap && (w->aMap==0 || nByte+1>w->nMap) ){
    int *a = pe_realloc(w->aMap, sizeof(int)*(size_t)(nByte+1));
    if( a==0 ) return w->nomem;
    w->aMap = a;
    w->nMap = nByte+1;
  }
  return 0;
}

/* ASCII character classes of unicode61's default: 0 separator, 1 digit or
** lower-case letter, 2 upper-case letter. */
static const unsigned char aAsciiClass[128] = {
  0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,
  0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0, 1,1,1,1,1,1,1,1, 1,1,0,0,0,0,0,0,
  0,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2, 2,2,2,0,0,0,0,0,
  0,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1, 1,1,1,0,0,0,0,0,
};

/* unicode61 with its default options on pure ASCII: maximal runs of
** letters and digits, lower-cased.  (remove_diacritics has nothing to do
** on ASCII; tokenchars/separators/categories turn this path off.)  A token
** without capitals is passed straight from the text. */
static int ascii_run(Walk *w, int iStart, int iEnd, int *pnToken){
  const unsigned char *z = (const unsigned char*)w->z;
  int i = iStart, rc;
  *pnToken = 0;
  while( i<iEnd ){
    int s, k, upper = 0;
    const char *zTok;
    while( i<iEnd && aAsciiClass[z[i]]==0 ) i++;
    if( i>=iEnd ) break;
    s = i;
    while( i<iEnd && aAsciiClass[z[i]] ) upper |= aAsciiClass[z[i++]];
    zTok = w->z + s;
    if( upper & 2 ){
      if( (rc = grow(w, i-s, 0))!=0 ) return rc;
      for(k=s; k<i; k++){
        unsigned char c = z[k];
        w->zScratch[k-s] = (char)(aAsciiClass[c]==2 ? c+32 : c);
      }
      zTok = w->zScratch;
    }
    rc = w->pSink->xToken(w->pSink->pTokenCtx, 0, zTok, i-s, s, i);
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
  return w->pSink->xRun(w->pSink->pRunCtx, w->zScratch, o, iStart, w->aMap, pnToken);
}

static int flush_run(Walk *w, int iStart, int iEnd, int isAscii, int hasWide){
  int nToken = 0, rc;
  if( isAscii && (w->flags & PE_FTS_ASCII_FAST) ){
    rc = ascii_run(w, iStart, iEnd, &nToken);
  }else if( hasWide ){
    rc = folded_run(w, iStart, iEnd, &nToken);
  }else{
    rc = w->pSink->xRun(w->pSink->pRunCtx, w->z+iStart, iEnd-iStart, iStart, 0, &nToken);
  }
  if( nToken>0 ) w->prevCjkEnd = -1;
  return rc;
}

/* pe_utf8_encode(), with the 3-byte case (the BMP's CJK) in line. */
static inline int put_utf8(uint32_t c, char *a){
  if( c>=0x800 && c<0x10000 && (c<0xD800 || c>0xDFFF) ){
    a[0] = (char)(0xE0|(c>>12));
    a[1] = (char)(0x80|((c>>6)&0x3F));
    a[2] = (char)(0x80|(c&0x3F));
    return 3;
  }
  return pe_utf8_encode(c, a);
}

/* One CJK character c at [iStart, iEnd); cNext is the CJK character that
** directly follows it, ending at iNextEnd, or 0. */
static int emit_cjk(Walk *w, uint32_t c, int iStart, int iEnd,
                    uint32_t cNext, int iNextEnd){
  const PeFtsSink *s = w->pSink;
  char a[8];
  int n, rc;
  if( w->prevCjkEnd>=0 && w->prevCjkEnd<iStart ){
    rc = s->xToken(s->pTokenCtx, 0, PE_FTS_BREAK, PE_FTS_BREAK_LEN, w->prevCjkEnd, iStart);
    if( rc ) return rc;
  }
  w->prevCjkEnd = iEnd;
  if( w->flags & PE_FTS_FOLD ){
    c = pe_fts_fold(c);
    if( cNext ) cNext = pe_fts_fold(cNext);
  }
  if( cNext==0 || (w->flags & PE_FTS_BIGRAM)==0 ){
    if( (w->flags & PE_FTS_FOLD)==0 ){     /* the text's own bytes (CJK: 3 or 4) */
      return s->xToken(s->pTokenCtx, 0, w->z+iStart, c<0x10000 ? 3 : 4, iStart, iEnd);
    }
    n = put_utf8(c, a);
    return s->xToken(s->pTokenCtx, 0, a, n, iStart, iEnd);
  }
  n = put_utf8(c, a);
  if( w->flags & PE_FTS_QUERY ){
    int m = n + put_utf8(cNext, a+n);
    return s->xToken(s->pTokenCtx, 0, a, m, iStart, iNextEnd);
  }
  rc = s->xToken(s->pTokenCtx, 0, a, n, iStart, iEnd);
  if( rc==0 ){
    int m = n + put_utf8(cNext, a+n);
    rc = s->xToken(s->pTokenCtx, PE_FTS_COLOCATED, a, m, iStart, iNextEnd);
  }
  return rc;
}

/* Bytes of variation selectors at z[0..n): they belong to the CJK
** character before them (its span), not to its token, so 葛 with and
** without a selector are one character to search. */
static int variation_len(const unsigned char *z, int n){
  int len = 0;
  /* U+FE00..FE0F is EF B8 80..8F, U+E0100..E01EF is F3 A0 84..87 xx */
  while( len+3<=n && ((z[len]==0xEF && z[len+1]==0xB8) || (z[len]==0xF3 && z[len+1]==0xA0)) ){
    uint32_t c;
    int k = pe_utf8_decode(z+len, (size_t)(n-len), &c);
    if( !((c>=0xFE00 && c<=0xFE0F) || (c>=0xE0100 && c<=0xE01EF)) ) break;
    len += k;
  }
  return len;
}

#define KIND_OTHER   0
#define KIND_CJK     1
#define KIND_INVALID 2

/* The non-ASCII character at u[0..n): code point, kind, and length (a CJK
** character's includes the variation selectors after it).  Decodes the
** 3-byte sequences of the BMP, where nearly all CJK text lives, in line:
** this is the tokenizer's inner loop. */
#if defined(__GNUC__)
# define ALWAYS_INLINE inline __attribute__((always_inline))
#else
# define ALWAYS_INLINE inline
#endif
static ALWAYS_INLINE int char_at(const unsigned char *u, int n, uint32_t *pc, int *pKind){
  uint32_t c = 0;
  int len = 0;
  if( (u[0]&0xF0)==0xE0 && n>=3 && (u[1]&0xC0)==0x80 && (u[2]&0xC0)==0x80 ){
    c = ((uint32_t)(u[0]&0x0F)<<12) | ((uint32_t)(u[1]&0x3F)<<6) | (uint32_t)(u[2]&0x3F);
    if( c>=0x800 && (c<0xD800 || c>0xDFFF) ) len = 3;
  }
  if( len==0 ) len = pe_utf8_decode(u, (size_t)n, &c);
  *pc = c;
  if( len==1 ){ *pKind = KIND_INVALID; return 1; }   /* a lead byte >= 0x80 alone */
  if( (c>=0x4E00 && c<=0x9FFF) || (c>=0x2E80 && pe_is_cjk(c)) ){
    *pKind = KIND_CJK;
    if( len+3<=n && (u[len]==0xEF || u[len]==0xF3) ) len += variation_len(u+len, n-len);
  }else{
    *pKind = KIND_OTHER;
  }
  return len;
}

int pe_fts_tokenize(const char *z, int n, unsigned flags,
                    const PeFtsSink *pSink, int nomem_rc){
  const unsigned char *u = (const unsigned char*)z;
  Walk w;
  int i = 0, rc = 0;
  int runStart = -1, runAscii = 1, runWide = 0;
  int havePeek = 0, lenPeek = 0, kindPeek = 0;   /* the char after a CJK char, decoded */
  uint32_t cPeek = 0;
  memset(&w, 0, sizeof(w));
  w.z = z; w.n = n; w.flags = flags; w.pSink = pSink; w.nomem = nomem_rc ? nomem_rc : PE_NOMEM;   /* never 0: that reads as success */
  w.prevCjkEnd = -1;
  while( i<n && rc==0 ){
    uint32_t c;
    int len, kind;
    if( u[i]<0x80 ){
      if( runStart<0 ){ runStart = i; runAscii = 1; runWide = 0; }
      i++;
      while( i+8<=n ){                 /* 8 bytes at a time through ASCII */
        uint64_t v;
        memcpy(&v, u+i, 8);
        if( v & 0x8080808080808080ull ) break;
        i += 8;
      }
      while( i<n && u[i]<0x80 ) i++;
      continue;
    }
    if( havePeek ){
      c = cPeek; len = lenPeek; kind = kindPeek; havePeek = 0;
    }else{
      len = char_at(u+i, n-i, &c, &kind);
    }
    if( kind!=KIND_OTHER ){
      uint32_t cNext = 0;
      int iNextEnd = i+len;
      if( runStart>=0 ){
        /* (a lone space between two CJK characters is common: no call) */
        if( i-runStart>1 || aAsciiClass[u[runStart]]!=0 || !runAscii
         || (flags & PE_FTS_ASCII_FAST)==0 ){
          rc = flush_run(&w, runStart, i, runAscii, runWide);
          if( rc ) break;
        }
        runStart = -1;
      }
      if( kind==KIND_INVALID ){ i++; continue; }     /* a separator */
      if( i+len<n && u[i+len]>=0x80 ){
        lenPeek = char_at(u+i+len, n-i-len, &cPeek, &kindPeek);
        havePeek = 1;
        if( kindPeek==KIND_CJK ){
          cNext = cPeek;
          iNextEnd = i+len+lenPeek;
        }
      }
      rc = emit_cjk(&w, c, i, i+len, cNext, iNextEnd);
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
