/*
** fuzz_latex: the LaTeX decoder (ext/latex/latex.c) on fuzz input.
**
** Invariants (a broken one aborts):
**   - the output of valid UTF-8 input is valid UTF-8 holding no NUL that
**     the input did not hold;
**   - a text pe_latex_needs_decoding() calls plain decodes to itself;
**   - appending keeps what the buffer held before.
*/
#include "fuzz_check.h"
#include "latex/latex.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  const char *z = (const char*)data;
  PeBuf out;
  if( size>65536 ) return 0;
  pe_buf_init(&out);
  pe_buf_appends(&out, "<kept>");
  if( pe_latex_to_unicode(&out, z, size)==PE_OK ){
    const char *zOut = out.z+6;
    size_t nOut = out.n-6;
    FUZZ_ASSERT(memcmp(out.z, "<kept>", 6)==0, "prefix lost");
    if( fuzz_valid_utf8(z, size) ){
      FUZZ_ASSERT(fuzz_valid_utf8(zOut, nOut), "output not UTF-8");
      if( !memchr(z, 0, size) ) FUZZ_ASSERT(!memchr(zOut, 0, nOut), "NUL made up");
    }
    if( !pe_latex_needs_decoding(z, size) ){
      FUZZ_ASSERT(fuzz_same(zOut, nOut, z, size), "plain text changed: '%.*s' -> '%.*s'",
                  (int)size, z, (int)nOut, zOut);
    }
  }
  pe_buf_free(&out);
  return 0;
}
