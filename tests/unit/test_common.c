/* Unit tests of the shared cores: strbuf.c and utf8.c. */
#include <stdlib.h>
#include "check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include <utf8proc.h>

static char *fold(const char *z, unsigned opts){
  PeBuf b;
  pe_buf_init(&b);
  pe_fold_append(&b, z, strlen(z), opts);
  return pe_buf_finish(&b, 0);
}

/* Folding a long text is done a chunk at a time (utf8.c cuts before
** characters that never compose with what precedes them): the result must
** be that of utf8proc folding the whole text at once.  Random texts from
** pieces chosen to compose, reorder or expand across any cut. */
static void check_fold_chunks(void){
  static const char *const azPiece[] = {
    "a", "A", " ", "e\xCC\x81", "\xCC\x81", "\xCC\xA3", "\xCD\x85", "\xEA\xB0\x80",
    "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8", "\xEF\xBD\xB6", "\xEF\xBE\x9E",
    "\xE3\x81\x8B", "\xE3\x82\x99", "\xE6\xBC\xA2", "\xEF\xAC\x81", "\xE1\xBA\x9E",
    "\xCE\xA9", "\xC2\xAD", "\xE2\x80\x8B", "\xEF\xA4\x80", "\xE3\x8C\x80",
  };
  static const struct { unsigned pe; utf8proc_option_t proc; } aOpt[] = {
    { PE_FOLD_NFKC|PE_FOLD_CASE|PE_FOLD_IGNORE|PE_FOLD_STRIPMARK,
      UTF8PROC_STABLE|UTF8PROC_COMPAT|UTF8PROC_COMPOSE|UTF8PROC_CASEFOLD|UTF8PROC_IGNORE|UTF8PROC_STRIPMARK },
    { PE_FOLD_NFC, UTF8PROC_STABLE|UTF8PROC_COMPOSE },
    { PE_FOLD_NFKC|PE_FOLD_CASE, UTF8PROC_STABLE|UTF8PROC_COMPAT|UTF8PROC_COMPOSE|UTF8PROC_CASEFOLD },
  };
  unsigned seed = 12345;
  int t, k, nBad = 0;
  for(t=0; t<60; t++){
    PeBuf text, got;
    utf8proc_uint8_t *want = 0;
    pe_buf_init(&text);
    for(k=0; k<12000; k++){
      seed = seed*1103515245u + 12345u;
      pe_buf_appends(&text, azPiece[(seed>>16) % (sizeof(azPiece)/sizeof(azPiece[0]))]);
    }
    for(k=0; k<3; k++){
      utf8proc_ssize_t nWant;
      pe_buf_init(&got);
      pe_fold_append(&got, text.z, text.n, aOpt[k].pe);
      nWant = utf8proc_map((const utf8proc_uint8_t*)text.z, (utf8proc_ssize_t)text.n, &want, aOpt[k].proc);
      if( nWant<0 || (size_t)nWant!=got.n || memcmp(want, got.z, got.n)!=0 ) nBad++;
      free(want);
      pe_buf_free(&got);
    }
    pe_buf_free(&text);
  }
  CHECK_INT(nBad, 0);
  /* a long run of marks in any order: sorted by combining class, as utf8proc
  ** sorts it (counting sort, not the quadratic insertion) */
  {
    PeBuf text, got;
    utf8proc_uint8_t *want = 0;
    utf8proc_ssize_t nWant;
    pe_buf_init(&text);
    pe_buf_appends(&text, "e");
    for(k=0; k<3000; k++) pe_buf_appends(&text, "\xCC\x81\xCD\x85\xCC\xA3");
    pe_buf_appends(&text, "o\xCC\x88");
    pe_buf_init(&got);
    CHECK_INT(pe_fold_append(&got, text.z, text.n, PE_FOLD_NFC), PE_OK);
    nWant = utf8proc_map((const utf8proc_uint8_t*)text.z, (utf8proc_ssize_t)text.n, &want,
                         UTF8PROC_STABLE|UTF8PROC_COMPOSE);
    CHECK(nWant>0 && (size_t)nWant==got.n && memcmp(want, got.z, got.n)==0);
    free(want);
    pe_buf_free(&got);
    pe_buf_free(&text);
  }
}

int main(void){
  PeBuf b;
  uint32_t c;
  char *z;
  size_t n;

  /* strbuf: appends, JSON quoting, an empty buffer finishes as "" */
  pe_buf_init(&b);
  pe_buf_appends(&b, "ab");
  pe_buf_appendf(&b, "-%d-", 42);
  pe_buf_append_json(&b, "q\"\\\n\x01", 5);
  z = pe_buf_finish(&b, &n);
  CHECK_STR(z, "ab-42-\"q\\\"\\\\\\n\\u0001\"");
  CHECK_INT(n, strlen(z));
  pe_free(z);
  pe_buf_init(&b);
  z = pe_buf_finish(&b, &n);
  CHECK_STR(z, "");
  CHECK_INT(n, 0);
  pe_free(z);

  /* utf8: decoding, invalid bytes as U+FFFD one byte at a time */
  CHECK_INT(pe_utf8_decode((const unsigned char*)"\xE8\xA8\x98", 3, &c), 3);
  CHECK_INT(c, 0x8A18);
  CHECK_INT(pe_utf8_decode((const unsigned char*)"\xE8\xA8", 2, &c), 1);
  CHECK_INT(c, PE_REPLACEMENT);
  CHECK_INT(pe_utf8_decode((const unsigned char*)"\xC0\x80", 2, &c), 1);   /* overlong */
  CHECK_INT(c, PE_REPLACEMENT);
  CHECK_INT(pe_utf8_decode((const unsigned char*)"\xED\xA0\x80", 3, &c), 1); /* surrogate */
  CHECK_INT(pe_utf8_count("a記憶體\xFF", 11), 5);
  CHECK_INT(pe_utf8_offset("a記憶體", 10, 2), 4);

  /* folding with utf8proc */
  z = fold("Ｓｃｈöｌｋｏｐｆ ﬁ", PE_FOLD_NFKC|PE_FOLD_CASE);
  CHECK_STR(z, "schölkopf fi");
  pe_free(z);
  z = fold("Scho\xCC\x88lkopf", PE_FOLD_NFKC|PE_FOLD_CASE|PE_FOLD_STRIPMARK);
  CHECK_STR(z, "scholkopf");
  pe_free(z);
  z = fold("co\xC2\xADop\xE2\x80\x8B", PE_FOLD_NFKC|PE_FOLD_IGNORE);
  CHECK_STR(z, "coop");
  pe_free(z);
  z = fold("bad\xFF" "byte", PE_FOLD_NFKC);
  CHECK_STR(z, "bad\xEF\xBF\xBD" "byte");
  pe_free(z);
  z = fold("STRASSE Straße", PE_FOLD_CASE);
  CHECK_STR(z, "strasse strasse");
  pe_free(z);

  CHECK(pe_is_cjk(0x8A18) && pe_is_cjk(0x3042) && pe_is_cjk(0x20000) && !pe_is_cjk('a'));
  CHECK(!pe_is_cjk(0x3002));  /* 。 is punctuation, not a character of a word */
  check_fold_chunks();
  return CHECK_REPORT("common");
}
