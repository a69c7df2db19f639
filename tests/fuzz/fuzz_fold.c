/*
** fuzz_fold: Unicode folding (ext/common/utf8.c, pe_fold_append) against utf8proc.
**
** Byte 0 picks the options; the rest is the text.  Invariants (a broken one
** aborts):
**   - on valid UTF-8 of fewer than 65536 code points (where no forced cut
**     happens), the result is exactly utf8proc_map()'s with the same
**     options: chunked folding and our canonical ordering change nothing;
**   - on any bytes, the result is valid UTF-8 (bad bytes become U+FFFD);
**   - folding with NFKC|CASE twice gives the same as once;
**   - where pe_fold_is_trivial() says so, folding is a copy with A-Z lowered.
*/
#include <utf8proc.h>
#include "fuzz_check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "common/utf8.h"

static const struct { unsigned pe; utf8proc_option_t proc; } aOpt[] = {
  { PE_FOLD_NFKC|PE_FOLD_CASE|PE_FOLD_IGNORE|PE_FOLD_STRIPMARK,
    UTF8PROC_STABLE|UTF8PROC_COMPAT|UTF8PROC_COMPOSE|UTF8PROC_CASEFOLD|UTF8PROC_IGNORE|UTF8PROC_STRIPMARK },
  { PE_FOLD_NFKC|PE_FOLD_CASE, UTF8PROC_STABLE|UTF8PROC_COMPAT|UTF8PROC_COMPOSE|UTF8PROC_CASEFOLD },
  { PE_FOLD_NFC, UTF8PROC_STABLE|UTF8PROC_COMPOSE },
  { PE_FOLD_NFKC, UTF8PROC_STABLE|UTF8PROC_COMPAT|UTF8PROC_COMPOSE },
  { PE_FOLD_CASE, UTF8PROC_STABLE|UTF8PROC_CASEFOLD },
};
#define N_OPT (sizeof(aOpt)/sizeof(aOpt[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  const char *z;
  size_t n;
  unsigned k;
  PeBuf got, again;
  if( size<1 || size>65536 ) return 0;
  k = data[0] % N_OPT;
  z = (const char*)data+1;
  n = size-1;
  pe_buf_init(&got);
  pe_buf_init(&again);
  if( pe_fold_append(&got, z, n, aOpt[k].pe)==PE_OK ){
    FUZZ_ASSERT(fuzz_valid_utf8(got.z ? got.z : "", got.n), "fold gave invalid UTF-8");
    if( fuzz_valid_utf8(z, n) ){
      utf8proc_uint8_t *want = 0;
      utf8proc_ssize_t nWant = utf8proc_map((const utf8proc_uint8_t*)z, (utf8proc_ssize_t)n,
                                            &want, aOpt[k].proc);
      if( nWant>=0 ){
        FUZZ_ASSERT(fuzz_same(got.z ? got.z : "", got.n, (const char*)want, (size_t)nWant),
                    "options %u: fold gave %zu bytes, utf8proc_map %zd", k, got.n, (ssize_t)nWant);
      }
      free(want);
      if( pe_fold_is_trivial(z, n) ){
        /* then folding is a copy, A-Z lowered when the options fold case */
        char *zLow = malloc(n+1);
        size_t i;
        for(i=0; i<n; i++){
          zLow[i] = (aOpt[k].pe & PE_FOLD_CASE) && z[i]>='A' && z[i]<='Z' ? (char)(z[i]+32) : z[i];
        }
        FUZZ_ASSERT(fuzz_same(got.z ? got.z : "", got.n, zLow, n), "called trivial, but folding did more");
        free(zLow);
      }
    }
    if( k==1 && pe_fold_append(&again, got.z ? got.z : "", got.n, aOpt[k].pe)==PE_OK ){
      FUZZ_ASSERT(fuzz_same(again.z ? again.z : "", again.n, got.z ? got.z : "", got.n),
                  "NFKC+casefold not idempotent");
    }
  }
  pe_buf_free(&got);
  pe_buf_free(&again);
  return 0;
}
