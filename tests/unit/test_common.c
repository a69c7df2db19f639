/* Unit tests of the shared cores: strbuf.c and utf8.c. */
#include <stdlib.h>
#include "check.h"
#include "pe_mem.h"
#include "strbuf.h"
#include "utf8.h"

static char *fold(const char *z, unsigned opts){
  PeBuf b;
  pe_buf_init(&b);
  pe_fold_append(&b, z, strlen(z), opts);
  return pe_buf_finish(&b, 0);
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
  return CHECK_REPORT("common");
}
