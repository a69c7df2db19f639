/*
** fuzz_fts: the FTS5 tokenizer core (ext/fts/fts_tokenizer.c, fts_options.c)
** on fuzz input, without SQLite.
**
** Byte 0 picks the flags (its low 4 bits: every combination of fold, bigram,
** query and the ASCII fast path) and byte 1 a sink call that fails (0:
** none); the rest is the text.  Invariants (a broken one aborts):
**   - every token is non-empty valid UTF-8 with 0 <= start < end <= n;
**     starts of non-colocated tokens never go back; a colocated token
**     shares the previous token's start;
**   - without fold, a CJK token is the text's own bytes at its start, and
**     an ASCII fast-path token is the text lower-cased;
**   - every run given to xRun is non-empty valid UTF-8 holding no CJK,
**     its offset map strictly increasing, inside the text, after the last
**     token; without a map it is the text's own bytes;
**   - pe_fts_tokenize returns 0, or exactly the code the failing call gave.
** The same text also goes through pe_fts_split_args + pe_fts_options.
*/
#include "fuzz_check.h"
#include "fts/fts_tokenizer.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "common/utf8.h"

typedef struct Inv {
  const char *z; int n; unsigned flags;
  int nCall, failAt;
  int lastStart, lastEnd, nToken;
} Inv;

static int fail_here(Inv *v){ return ++v->nCall==v->failAt ? 1234 : 0; }

static int has_cjk(const char *z, int n){
  int i = 0;
  while( i<n ){
    uint32_t c;
    i += pe_utf8_decode((const unsigned char*)z+i, (size_t)(n-i), &c);
    if( pe_is_cjk(c) ) return 1;
  }
  return 0;
}

static int inv_token(void *p, int flags, const char *zTok, int nTok, int iStart, int iEnd){
  Inv *v = (Inv*)p;
  FUZZ_ASSERT(nTok>0 && fuzz_valid_utf8(zTok, (size_t)nTok), "token not UTF-8 (%d bytes)", nTok);
  FUZZ_ASSERT(iStart>=0 && iStart<iEnd && iEnd<=v->n, "token span %d..%d of %d", iStart, iEnd, v->n);
  if( flags & PE_FTS_COLOCATED ){
    FUZZ_ASSERT(v->nToken>0 && iStart==v->lastStart, "colocated at %d after %d", iStart, v->lastStart);
  }else{
    FUZZ_ASSERT(iStart>=v->lastStart, "token at %d after %d", iStart, v->lastStart);
  }
  if( !(v->flags & PE_FTS_FOLD) && !(flags & PE_FTS_COLOCATED) && !(v->flags & PE_FTS_QUERY)
   && !(nTok==PE_FTS_BREAK_LEN && memcmp(zTok, PE_FTS_BREAK, 3)==0) ){
    int k;
    FUZZ_ASSERT(nTok<=iEnd-iStart, "token longer than its span");
    for(k=0; k<nTok; k++){
      char c = v->z[iStart+k];
      if( c>='A' && c<='Z' ) c = (char)(c+32);
      FUZZ_ASSERT(c==zTok[k], "token '%.*s' is not the text at %d", nTok, zTok, iStart);
    }
  }
  v->lastStart = iStart;
  if( iEnd>v->lastEnd ) v->lastEnd = iEnd;
  v->nToken++;
  return fail_here(v);
}

static int inv_run(void *p, const char *zRun, int nRun, int iBase, const int *aMap, int *pnToken){
  Inv *v = (Inv*)p;
  int a = pe_fts_map_offset(iBase, aMap, 0), b = pe_fts_map_offset(iBase, aMap, nRun), k;
  FUZZ_ASSERT(nRun>0 && fuzz_valid_utf8(zRun, (size_t)nRun), "run not UTF-8");
  FUZZ_ASSERT(!has_cjk(zRun, nRun), "CJK inside a run");
  FUZZ_ASSERT(a>=v->lastEnd && a<b && b<=v->n, "run %d..%d (last end %d, n %d)", a, b, v->lastEnd, v->n);
  if( aMap ){
    for(k=0; k<nRun; k++) FUZZ_ASSERT(aMap[k]<aMap[k+1], "map not increasing at %d", k);
  }else{
    FUZZ_ASSERT(memcmp(zRun, v->z+iBase, (size_t)nRun)==0, "run is not the text");
  }
  *pnToken = nRun & 1;            /* some runs "make tokens", some not */
  if( *pnToken ){ v->lastStart = a; v->lastEnd = b; v->nToken++; }
  return fail_here(v);
}

static void check_options(const char *z, size_t n){
  char *zText = pe_malloc(n+1);
  char **azArg = 0;
  int nArg = 0;
  char zErr[200];
  if( zText==0 ) return;
  memcpy(zText, z, n);
  zText[n] = 0;
  zErr[0] = 0;
  if( pe_fts_split_args(zText, &azArg, &nArg, zErr, sizeof zErr)==PE_OK ){
    const char **azRest = pe_malloc(sizeof(char*)*(size_t)(nArg+1));
    unsigned flags = 0;
    int nRest = 0, i;
    FUZZ_ASSERT(nArg>=0 && (nArg==0 || azArg), "split gave %d", nArg);
    for(i=0; i<nArg; i++) FUZZ_ASSERT(azArg[i] && strlen(azArg[i])<=n, "word %d", i);
    if( azRest ){
      zErr[0] = 0;
      if( pe_fts_options((const char*const*)azArg, nArg, &flags, azRest, &nRest, zErr, sizeof zErr)==0 ){
        FUZZ_ASSERT(nRest>=0 && nRest<=nArg, "rest %d of %d", nRest, nArg);
        FUZZ_ASSERT((flags & ~(unsigned)(PE_FTS_FOLD|PE_FTS_BIGRAM|PE_FTS_ASCII_FAST))==0, "flags %x", flags);
      }else{
        FUZZ_ASSERT(zErr[0] && memchr(zErr, 0, sizeof zErr), "error without a message");
      }
    }
    pe_free(azRest);
  }
  pe_free(azArg);
  pe_free(zText);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  Inv v;
  PeFtsSink s;
  int rc;
  if( size<2 || size>65536 ) return 0;
  memset(&v, 0, sizeof v);
  v.flags = data[0] & 0x0F;
  v.failAt = data[1];
  v.z = (const char*)data+2; v.n = (int)(size-2);
  s.pTokenCtx = &v; s.xToken = inv_token; s.pRunCtx = &v; s.xRun = inv_run;
  rc = pe_fts_tokenize(v.z, v.n, v.flags, &s, 99);
  FUZZ_ASSERT(rc==0 || (rc==1234 && v.nCall==v.failAt) || rc==99, "rc %d after %d calls (fail at %d)",
              rc, v.nCall, v.failAt);
  if( v.failAt && v.nCall>=v.failAt ) FUZZ_ASSERT(rc==1234 && v.nCall==v.failAt, "went on after a failure");
  check_options(v.z, (size_t)v.n);
  return 0;
}
