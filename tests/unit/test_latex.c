/* Unit tests of the LaTeX decoder (ext/latex/latex.c). */
#include <stdlib.h>
#include "check.h"
#include "latex/latex.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

/* Decode z; the result is kept in a ring so CHECK_STR can take it inline. */
static char *ring[8];
static int iRing = 0;
static const char *tex(const char *z){
  PeBuf b;
  pe_buf_init(&b);
  if( pe_latex_to_unicode(&b, z, strlen(z))!=PE_OK ){ pe_buf_free(&b); return "(nomem)"; }
  iRing = (iRing+1)%8;
  pe_free(ring[iRing]);
  ring[iRing] = pe_buf_finish(&b, 0);
  return ring[iRing];
}

int main(void){
  int i;
  /* accents in every brace style, composed to NFC (one code point) */
  CHECK_STR(tex("M{\\\"u}ller"), "M\xC3\xBCller");
  CHECK_STR(tex("M\\\"{u}ller"), "M\xC3\xBCller");
  CHECK_STR(tex("M\\\"uller"), "M\xC3\xBCller");
  CHECK_STR(tex("Caf\\'e"), "Caf\xC3\xA9");
  CHECK_STR(tex("\\'{E}cole"), "\xC3\x89" "cole");
  CHECK_STR(tex("{\\`a} la"), "\xC3\xA0 la");
  CHECK_STR(tex("\\^{o}\\~n\\=a\\.z"), "\xC3\xB4\xC3\xB1\xC4\x81\xC5\xBC");
  CHECK_STR(tex("Fran\\c{c}ois"), "Fran\xC3\xA7ois");
  CHECK_STR(tex("Fran\\c cois"), "Fran\xC3\xA7ois");
  CHECK_STR(tex("\\v{S}koda \\v s"), "\xC5\xA0koda \xC5\xA1");
  CHECK_STR(tex("Erd\\H{o}s"), "Erd\xC5\x91s");
  CHECK_STR(tex("\\k{a}\\r{u}\\u{g}"), "\xC4\x85\xC5\xAF\xC4\x9F");
  CHECK_STR(tex("\\d{s}"), "\xE1\xB9\xA3");
  /* dotless i under an accent is a plain i */
  CHECK_STR(tex("Pe\\~{n}a Nu\\~nez, \\'{\\i}ndice, na\\\"{\\i}ve, \\'\\i"),
            "Pe\xC3\xB1" "a Nu\xC3\xB1" "ez, \xC3\xAD" "ndice, na\xC3\xAF" "ve, \xC3\xAD");
  /* an accent on a letter that has no precomposed form keeps the mark */
  CHECK_STR(tex("\\\"{q}"), "q\xCC\x88");
  /* special letters */
  CHECK_STR(tex("Stra{\\ss}e"), "Stra\xC3\x9F" "e");
  CHECK_STR(tex("Stra\\ss e"), "Stra\xC3\x9F" "e");
  CHECK_STR(tex("{\\o}ster {\\O}"), "\xC3\xB8ster \xC3\x98");
  CHECK_STR(tex("\\aa{}ngstr\\\"om \\AA"), "\xC3\xA5ngstr\xC3\xB6m \xC3\x85");
  CHECK_STR(tex("\\L{}ukasiewicz \\l"), "\xC5\x81ukasiewicz \xC5\x82");
  CHECK_STR(tex("{\\ae} {\\OE}"), "\xC3\xA6 \xC5\x92");
  /* an accent on a special letter composes too: \'{\o} is U+01FF */
  CHECK_STR(tex("\\'{\\o}"), "\xC7\xBF");
  /* dashes, ties, quotes */
  CHECK_STR(tex("pages 1--10"), "pages 1\xE2\x80\x93" "10");
  CHECK_STR(tex("yes---no"), "yes\xE2\x80\x94no");
  CHECK_STR(tex("a-b"), "a-b");
  CHECK_STR(tex("D.~E. Knuth"), "D.\xC2\xA0" "E. Knuth");
  CHECK_STR(tex("``quoted''"), "\xE2\x80\x9Cquoted\xE2\x80\x9D");
  CHECK_STR(tex("O'Brien"), "O'Brien");
  /* escaped specials */
  CHECK_STR(tex("R\\&D 5\\% a\\_b \\$3 \\#1 \\{x\\}"), "R&D 5% a_b $3 #1 {x}");
  /* symbols */
  CHECK_STR(tex("\\S 3, \\copyright, \\ldots"), "\xC2\xA7" "3, \xC2\xA9, \xE2\x80\xA6");
  CHECK_STR(tex("\\LaTeX\\ and {\\TeX}"), "LaTeX and TeX");
  CHECK_STR(tex("\\textendash\\textemdash"), "\xE2\x80\x93\xE2\x80\x94");
  /* case-protecting braces go; font commands keep their text */
  CHECK_STR(tex("{BERT}: Pre-training of {D}eep"), "BERT: Pre-training of Deep");
  CHECK_STR(tex("\\emph{Deep} {\\em Learning} \\textbf{x}"), "Deep Learning x");
  CHECK_STR(tex("{\\it a}{\\bf b}"), "ab");
  /* math stays as written */
  CHECK_STR(tex("The $\\alpha$-{LSTM} and $$x_{1}--y$$"), "The $\\alpha$-LSTM and $$x_{1}--y$$");
  CHECK_STR(tex("\\(a~b\\) and \\[c\\]"), "\\(a~b\\) and \\[c\\]");
  CHECK_STR(tex("\\ensuremath{\\beta} x"), "\\ensuremath{\\beta} x");
  CHECK_STR(tex("cost \\$5 and $x"), "cost $5 and $x");  /* unclosed math kept */
  /* unknown commands are kept, with their arguments, as written */
  CHECK_STR(tex("\\foo{b{a}r} x"), "\\foo{b{a}r} x");
  CHECK_STR(tex("\\mathbb{R}"), "\\mathbb{R}");
  /* url verbatim, href text, sorting tricks dropped */
  CHECK_STR(tex("\\url{http://a.b/~c--d}"), "http://a.b/~c--d");
  CHECK_STR(tex("\\href{http://x}{the {S}ite}"), "the Site");
  CHECK_STR(tex("{\\noopsort{1973b}}1973"), "1973");
  /* already Unicode: normalized to NFC, otherwise untouched */
  CHECK_STR(tex("Mu\xCC\x88ller"), "M\xC3\xBCller");
  CHECK_STR(tex("\xE8\xA8\x98\xE6\x86\xB6\xE9\xAB\x94"), "\xE8\xA8\x98\xE6\x86\xB6\xE9\xAB\x94");
  CHECK_STR(tex("plain text"), "plain text");
  CHECK_STR(tex(""), "");
  /* bad input never reads past the end */
  CHECK_STR(tex("\\"), "\\");
  CHECK_STR(tex("{{{\\\"u"), "\xC3\xBC");
  CHECK_STR(tex("a}}b{"), "ab");
  CHECK_STR(tex("\\'"), "\xCC\x81");
  CHECK_STR(tex("\\\"{"), "\xCC\x88");
  CHECK_STR(tex("\\url{abc"), "abc");
  CHECK_STR(tex("\\\xC3"), "\\\xEF\xBF\xBD");
  /* deep accent nesting is bounded (copied as written past the limit) */
  {
    char deep[400];
    size_t k = 0;
    for(i=0; i<60; i++){ deep[k++] = '\\'; deep[k++] = '\''; deep[k++] = '{'; }
    deep[k++] = 'e';
    for(i=0; i<60; i++) deep[k++] = '}';
    deep[k] = 0;
    CHECK(strlen(tex(deep))>0);
  }
  /* the cheap pre-test */
  CHECK_INT(pe_latex_needs_decoding("plain-text's", 12), 0);
  CHECK_INT(pe_latex_needs_decoding("a--b", 4), 1);
  CHECK_INT(pe_latex_needs_decoding("{A}", 3), 1);
  for(i=0; i<8; i++) pe_free(ring[i]);
  return CHECK_REPORT("latex");
}
