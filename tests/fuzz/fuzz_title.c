/*
** fuzz_title: the title core (ext/title/title.c) on fuzz input, without SQLite.
**
** The input is two titles separated by the first NUL byte (or split in the
** middle when there is none).  Invariants (a broken one aborts):
**   - pe_title_key gives valid UTF-8, no leading/trailing/double space, and
**     is idempotent: key(key(x)) == key(x);
**   - similarity is symmetric, in [0,1], 1 for a title with itself, and
**     1 between a title and its key;
**   - the relation is symmetric, 'same' for a title with itself, never
**     'different' when title_same holds, and 'same' only with similarity 1;
**   - the main title lies inside the title; the blocking keys are a JSON
**     array holding "t:<key>" (when the key is not empty).
*/
#include <math.h>
#include "fuzz_check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "title/title.h"
#include "title/title_parts.h"

static void check_parts(const char *z, size_t n){
  size_t i, len;
  PeBuf k, j;
  pe_title_main(z, n, &i, &len);
  FUZZ_ASSERT(i<=n && len<=n-i, "main out of the title");
  pe_buf_init(&k); pe_buf_init(&j);
  if( pe_title_key(&k, z, n)==PE_OK && pe_title_keys(&j, z, n)==PE_OK ){
    FUZZ_ASSERT(j.n>=2 && j.z[0]=='[' && j.z[j.n-1]==']', "keys not an array");
    if( k.n>0 ){
      PeBuf t;
      pe_buf_init(&t);
      pe_buf_appendf(&t, "\"t:%s\"", k.z);
      FUZZ_ASSERT(t.oom || strstr(j.z, t.z)!=0, "keys lack the key: %s", j.z);
      pe_buf_free(&t);
    }
  }
  pe_buf_free(&k); pe_buf_free(&j);
}

static void check_key(const char *z, size_t n){
  PeBuf a, b;
  pe_buf_init(&a); pe_buf_init(&b);
  if( pe_title_key(&a, z, n)==PE_OK && pe_title_key(&b, a.z ? a.z : "", a.n)==PE_OK ){
    FUZZ_ASSERT(fuzz_valid_utf8(a.z, a.n), "key not UTF-8");
    FUZZ_ASSERT(a.n==0 || (a.z[0]!=' ' && a.z[a.n-1]!=' ' && strstr(a.z, "  ")==0),
                "key spacing: '%.*s'", (int)a.n, a.z);
    FUZZ_ASSERT(fuzz_same(a.z, a.n, b.z, b.n), "not idempotent: '%.*s' -> '%.*s'",
                (int)a.n, a.z ? a.z : "", (int)b.n, b.z ? b.z : "");
    if( a.n>0 ){
      double s = pe_title_similarity(z, n, a.z, a.n);
      FUZZ_ASSERT(s<0 || s==1.0, "similarity(title, key) = %.17g", s);
    }
  }
  pe_buf_free(&a); pe_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  const char *z = (const char*)data, *zB;
  const char *zNul;
  size_t nA, nB;
  double ab, ba, aa;
  if( size>16384 ) return 0;
  zNul = size ? memchr(z, 0, size) : 0;
  if( zNul ){ nA = (size_t)(zNul - z); zB = zNul+1; nB = size - nA - 1; }
  else{ nA = size/2; zB = z+nA; nB = size-nA; }
  check_key(z, nA);
  check_key(zB, nB);
  check_parts(z, nA);
  check_parts(zB, nB);
  ab = pe_title_similarity(z, nA, zB, nB);
  ba = pe_title_similarity(zB, nB, z, nA);
  aa = pe_title_similarity(z, nA, z, nA);
  if( ab<0 || ba<0 || aa<0 ) return 0;      /* OOM */
  FUZZ_ASSERT(!isnan(ab) && ab>=0.0 && ab<=1.0, "similarity %.17g", ab);
  FUZZ_ASSERT(ab==ba, "not symmetric: %.17g vs %.17g", ab, ba);
  FUZZ_ASSERT(aa==1.0, "self similarity %.17g", aa);
  {
    int rab, rba, raa;
    double sab;
    if( pe_title_relation(z, nA, zB, nB, &rab, &sab) || pe_title_relation(zB, nB, z, nA, &rba, 0)
        || pe_title_relation(z, nA, z, nA, &raa, 0) ) return 0;   /* OOM */
    FUZZ_ASSERT(sab==ab, "relation's similarity %.17g, similarity %.17g", sab, ab);
    FUZZ_ASSERT(rab==rba, "relation not symmetric: %d vs %d", rab, rba);
    FUZZ_ASSERT(raa==PE_TITLE_EQUAL, "relation with itself %d", raa);
    FUZZ_ASSERT(ab<PE_TITLE_SAME || rab!=PE_TITLE_DIFFERENT, "same but no relation (%.17g)", ab);
    FUZZ_ASSERT(rab!=PE_TITLE_EQUAL || ab==1.0, "equal keys, similarity %.17g", ab);
  }
  return 0;
}
