/* Unit tests of the cores of the import/export formats: pejson (ext/common),
** Zotero note HTML (ext/zotero/zotnote.c), RIS (ext/ris), CSL-JSON
** (ext/csljson), case protection and romanization (ext/bibtex), LaTeX
** escaping (ext/latex). */
#include <stdlib.h>
#include "check.h"
#include "common/pejson.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "zotero/zotnote.h"
#include "ris/ris.h"
#include "ris/risfields.h"
#include "csljson/cslwrite.h"
#include "bibtex/bibprotect.h"
#include "bibtex/romanize.h"
#include "latex/latexescape.h"

static char *ring[8];
static int iRing = 0;
static const char *keep(PeBuf *b){
  iRing = (iRing+1)%8;
  pe_free(ring[iRing]);
  ring[iRing] = pe_buf_finish(b, 0);
  return ring[iRing] ? ring[iRing] : "(nomem)";
}
static const char *note(const char *z){ PeBuf b; pe_buf_init(&b); zot_note_text(&b, z, strlen(z)); return keep(&b); }
static const char *protect(const char *z){ PeBuf b; pe_buf_init(&b); bib_protect(&b, z, strlen(z)); return keep(&b); }
static const char *roman(const char *z, int f, int t){ PeBuf b; pe_buf_init(&b); bib_romanize(&b, z, strlen(z), f, t); return keep(&b); }
static const char *esc(const char *z, int a){ PeBuf b; pe_buf_init(&b); pe_latex_escape(&b, z, strlen(z), a); return keep(&b); }
static const char *item(const char *z){
  PeBuf b, e;
  pe_buf_init(&b); pe_buf_init(&e);
  if( csl_item(&b, &e, z, strlen(z))!=PE_OK ){ pe_buf_free(&b); return keep(&e); }
  pe_buf_free(&e);
  return keep(&b);
}

int main(void){
  PeJson j;
  size_t end;
  PeBuf b;
  int k;
  /* pejson */
  pe_json_init(&j);
  {
    const char *z = "{\"a\": [1, \"x\\u00e9\"], \"b\": null}";
    CHECK_INT(pe_json_parse(&j, z, strlen(z), 0, &end), PE_OK);
  }
  CHECK_INT(j.aNode[0].nChild, 4);
  k = pe_json_member(&j, 0, "a");
  CHECK_INT(j.aNode[k].eType, PE_JSON_ARRAY);
  pe_buf_init(&b);
  pe_json_text(&j, k+2, &b);
  CHECK_STR(keep(&b), "x\xC3\xA9");
  pe_buf_init(&b);
  pe_json_compact(&j, 0, &b);
  CHECK_STR(keep(&b), "{\"a\":[1,\"x\\u00e9\"],\"b\":null}");
  CHECK_INT(pe_json_parse(&j, "[1, 2", 5, 0, &end), PE_ERROR);
  CHECK_INT((int)j.iErr, 5);
  CHECK_INT(pe_json_parse(&j, "[01]", 4, 0, &end), PE_ERROR);
  {
    /* nesting deeper than the limit is an error, not a stack overflow */
    char *deep = malloc(20001);
    memset(deep, '[', 20000); deep[20000] = 0;
    CHECK_INT(pe_json_parse(&j, deep, 20000, 0, &end), PE_ERROR);
    free(deep);
  }
  pe_json_free(&j);

  /* Zotero notes */
  CHECK_STR(note("<div><h1>T</h1><p>a &amp; b<br>c</p><ul><li>x</li><li>y</li></ul></div>"), "T\na & b\nc\n- x\n- y");
  CHECK_STR(note("<ol><li>one</li><li>two</li></ol><p>  spaced\n  out  </p>"), "1. one\n2. two\nspaced out");
  CHECK_STR(note("<p>&#955; &#x3bb; &nbsp;&unknown; &lt;b&gt;</p><script>x<y</script><style>p{}</style><!-- c -->z"), "\xCE\xBB \xCE\xBB  &unknown; <b>\nz");
  CHECK_STR(note("<table><tr><td>a</td><td>b</td></tr></table><pre>x\n  y</pre>"), "a\tb\nx\n  y");
  CHECK_STR(note(""), "");
  CHECK_STR(note("<p>unclosed <b"), "unclosed");

  /* RIS */
  {
    const char *z = "\xEF\xBB\xBFTY  - JOUR\r\nAU  - Ford, Henry, Jr.\r\nTI  - A\r\n  b\r\nPY  - 2020///\r\nER  - \r\n";
    RisParser *p = ris_open(z, strlen(z));
    const RisRecord *r;
    long y = 0;
    CHECK_INT(ris_next(p, &r), PE_OK);
    CHECK(r && r->bRecord && r->nField==3);
    pe_buf_init(&b); ris_names(r, 0, &b); CHECK_STR(keep(&b), "Ford, Jr., Henry");
    pe_buf_init(&b); ris_title(r, &b); CHECK_STR(keep(&b), "A b");
    CHECK(ris_year(r, &y)==1 && y==2020);
    CHECK_INT(ris_next(p, &r), PE_OK);
    CHECK(r==0);
    ris_close(p);
  }

  /* CSL items: a CSL type wins over a BibTeX one of the same name (article) */
  CHECK_STR(item("{\"type\":\"article\",\"id\":\"k\",\"issued\":\"2020-06\",\"author\":\"\xE6\x9D\x8E \xE5\x9B\x9B\"}"),
            "{\"id\":\"k\",\"type\":\"article\",\"issued\":{\"date-parts\":[[2020,6]]},\"author\":[{\"family\":\"\xE6\x9D\x8E\",\"given\":\"\xE5\x9B\x9B\"}]}");
  CHECK_STR(item("{\"id\":\"k\"}"), "csljson_item: an item needs a \"type\"");

  /* case protection */
  CHECK_STR(protect("ConvBERT: Improving BERT with Span-based Dynamic Convolution"),
            "{ConvBERT}: Improving {BERT} with Span-based Dynamic Convolution");
  CHECK_STR(protect("{BERT} $O(n)$ \\emph{x} A I"), "{BERT} $O(n)$ \\emph{x} A I");
  CHECK_STR(protect("U-Net t-SNE Self-Supervised X"), "{U-Net} {t-SNE} Self-Supervised X");

  /* romanization */
  CHECK_STR(roman("\xE5\xBC\xA0", 1, 0), "zhang");                     /* 张 */
  CHECK_STR(roman("\xE6\x9B\xBE", 1, 0), "zeng");                      /* 曾 as a surname */
  CHECK_STR(roman("\xE6\x9B\xBE", 0, 0), "ceng");
  CHECK_STR(roman("\xE4\xBF\xA1\xE6\x81\xAF\xE8\x8C\xA7\xE6\x88\xBF", 0, 1), "xinxi jianfang");   /* 信息茧房 */
  CHECK_STR(roman("\xE3\x81\x8C\xE3\x81\xA3\xE3\x81\x93\xE3\x81\x86", 0, 0), "gakkou");    /* がっこう */
  CHECK_STR(roman("\xE3\x81\x8D\xE3\x82\x83", 0, 0), "kya");           /* きゃ */
  CHECK_STR(roman("\xEA\xB9\x80", 1, 0), "kim");                       /* 김 */
  CHECK_STR(roman("\xEC\x98\x81\xEC\x83\x81", 0, 0), "yeongsang");     /* 영상 */
  CHECK_STR(roman("abc", 0, 1), "abc");

  /* LaTeX escaping */
  CHECK_STR(esc("a&b%c#d_e$f{g}h~i^j\\k", 0),
            "a\\&b\\%c\\#d\\_e\\$f\\textbraceleft{}g\\textbraceright{}h\\textasciitilde{}i\\textasciicircum{}j\\textbackslash{}k");
  CHECK_STR(esc("M\xC3\xBCller", 0), "M\xC3\xBCller");
  CHECK_STR(esc("M\xC3\xBCller \xC5\x99 \xC3\x9F \xE2\x80\x93", 1), "M{\\\"u}ller {\\v{r}} {\\ss} --");
  CHECK_STR(esc("Mu\xCC\x88ller", 1), "M{\\\"u}ller");                 /* decomposed ü: NFC first */

  for(k=0; k<8; k++) pe_free(ring[k]);
  return CHECK_REPORT("formats");
}
