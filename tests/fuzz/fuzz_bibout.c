/*
** fuzz_bibout: what writes BibTeX for papers from any source, on any bytes:
** bibtex_protect (ext/bibtex/bibprotect.c), latex_escape
** (ext/latex/latexescape.c), CJK romanization and cite keys
** (ext/bibtex/romanize.c, citekey.c) and Zotero's note HTML to text
** (ext/zotero/zotnote.c).
**
** Findings: bibtex_protect not idempotent, or adding unbalanced braces to a
** balanced title; latex_escape leaving a LaTeX special unescaped; a cite key
** that is not lowercase ASCII letters and digits.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_check.h"
#include "bibtex/bibprotect.h"
#include "bibtex/citekey.h"
#include "bibtex/romanize.h"
#include "latex/latexescape.h"
#include "zotero/zotnote.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

static int balanced(const char *z, size_t n){
  size_t i;
  long d = 0;
  for(i=0; i<n; i++){
    if( z[i]=='{' ) d++;
    else if( z[i]=='}' && --d<0 ) return 0;
  }
  return d==0;
}

int LLVMFuzzerTestOneInput(const uint8_t *a, size_t n){
  char *z = pe_malloc(n ? n : 1);
  PeBuf p1, p2, e, k, t;
  size_t i;
  if( z==0 ) return 0;
  if( n ) memcpy(z, a, n);
  pe_buf_init(&p1); pe_buf_init(&p2); pe_buf_init(&e); pe_buf_init(&k); pe_buf_init(&t);
  if( bib_protect(&p1, z, n)==PE_OK && bib_protect(&p2, p1.z ? p1.z : "", p1.n)==PE_OK ){
    FUZZ_ASSERT(p1.n==p2.n && (p1.n==0 || memcmp(p1.z, p2.z, p1.n)==0), "protect not idempotent");
    if( balanced(z, n) ) FUZZ_ASSERT(balanced(p1.z ? p1.z : "", p1.n), "protect unbalanced");
  }
  if( pe_latex_escape(&e, z, n, n && (a[0]&1))==PE_OK ){
    for(i=0; i<e.n; i++){
      char c = e.z[i];
      if( c=='\\' ){
        /* a control symbol (\& \% \' \^ ...) or a command: skip it */
        if( i+1<e.n && !((e.z[i+1]|0x20)>='a' && (e.z[i+1]|0x20)<='z') ){ i++; continue; }
        while( i+1<e.n && ((e.z[i+1]|0x20)>='a' && (e.z[i+1]|0x20)<='z') ) i++;
        continue;
      }
      FUZZ_ASSERT(!strchr("&%#_$^", c) || c==0, "unescaped '%c' in %.*s", c, (int)e.n, e.z);
    }
    /* braces only come in pairs the escaper wrote: {\"u}, \textbraceleft{} */
    FUZZ_ASSERT(balanced(e.z ? e.z : "", e.n), "escape unbalanced");
  }
  {
    size_t h = n/2;
    if( bib_cite_key(&k, z, h, "2020", 4, z+h, n-h)==PE_OK ){
      for(i=0; i<k.n; i++){
        char c = k.z[i];
        FUZZ_ASSERT((c>='a' && c<='z') || (c>='0' && c<='9'), "key %.*s", (int)k.n, k.z);
      }
    }
  }
  zot_note_text(&t, z, n);
  pe_buf_reset(&t);
  bib_romanize(&t, z, n, n && (a[0]&2), n && (a[0]&4));
  pe_buf_free(&p1); pe_buf_free(&p2); pe_buf_free(&e); pe_buf_free(&k); pe_buf_free(&t);
  pe_free(z);
  return 0;
}
