/*
** fuzz_merge: the merge core (ext/merge/) on fuzz input, without SQLite.
**
** The input is two records separated by the first NUL byte (JSON objects,
** or any bytes: a text that is not an object is refused).  Invariants (a
** broken one aborts):
**   - the verdict does not depend on the order of the two records, and its
**     score is in [0,1];
**   - a record compared with itself is never DIFFERENT;
**   - the keys of any title are a JSON array (UTF-8 for a UTF-8 title).
*/
#include "fuzz_check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "merge/merge.h"

static void check_keys(const char *z, size_t n){
  PeBuf title, keys;
  pe_buf_init(&title); pe_buf_init(&keys);
  if( pe_buf_append(&title, z, n)==PE_OK && pe_buf_appendc(&title, 0)==PE_OK ){
    if( pe_merge_keys(&keys, title.z, title.z, 0)==PE_OK ){
      FUZZ_ASSERT(keys.n>=2 && keys.z[0]=='[' && keys.z[keys.n-1]==']', "keys not an array: %.*s",
                  (int)keys.n, keys.z);
      FUZZ_ASSERT(fuzz_valid_utf8(keys.z, keys.n) || !fuzz_valid_utf8(title.z, strlen(title.z)),
                  "keys of a UTF-8 title are not UTF-8");
    }
  }
  pe_buf_free(&title); pe_buf_free(&keys);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  const char *z = (const char*)data;
  const char *zNul = size ? memchr(z, 0, size) : 0;
  size_t nA = zNul ? (size_t)(zNul - z) : size/2;
  size_t nB = size - nA - (zNul ? 1 : 0);
  const char *zB = z + nA + (zNul ? 1 : 0);
  PeMergeJson a, b;
  PeMergeVerdict ab, ba, aa;
  int ra, rb;
  if( size>16384 ) return 0;
  check_keys(z, nA);
  ra = pe_merge_from_json(&a, z, nA);   /* both are set up whatever they return */
  rb = pe_merge_from_json(&b, zB, nB);
  if( ra==PE_OK && rb==PE_OK
   && pe_merge_decide(&a.r, &b.r, &ab)==PE_OK && pe_merge_decide(&b.r, &a.r, &ba)==PE_OK
   && pe_merge_decide(&a.r, &a.r, &aa)==PE_OK ){
    FUZZ_ASSERT(ab.eVerdict==ba.eVerdict, "order matters: %d vs %d (%s / %s)", ab.eVerdict,
                ba.eVerdict, ab.zReason, ba.zReason);
    FUZZ_ASSERT(ab.score>=0.0 && ab.score<=1.0, "score %g", ab.score);
    FUZZ_ASSERT(aa.eVerdict!=PE_MERGE_DIFFERENT, "a record differs from itself: %s", aa.zReason);
  }
  pe_merge_json_free(&a);
  pe_merge_json_free(&b);
  return 0;
}
