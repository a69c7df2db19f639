/*
** fuzz_bibtex: the BibTeX cores (ext/bibtex/bibtex.c, bibnames.c, latex.c,
** bibformat.c, citekey.c) on fuzz input, without SQLite.
**
** Byte 0 holds the parser flags (BIB_LATIN1, BIB_NO_INHERIT, BIB_NO_VALUES,
** BIB_NO_DIAGS); the rest is the BibTeX text.  For every entry: its author
** field goes through the name splitter, its title through the LaTeX
** decoder, all three through cite_key, and its fields through
** bibtex_format; when the formatter accepts an entry that parsed without
** error, parsing the output must give back the same type, key and fields
** (else abort: a finding).  Crashes, leaks, sanitizer reports and hangs
** are findings too.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bibtex/bibformat.h"
#include "bibtex/bibnames.h"
#include "bibtex/bibtex.h"
#include "bibtex/citekey.h"
#include "latex/latex.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

static int same_text(BibText a, BibText b){
  return (a.z==0)==(b.z==0) && a.n==b.n && (a.n==0 || memcmp(a.z, b.z, a.n)==0);
}

/* Format e and parse the result again: the same type, key and fields. */
static void round_trip(const BibEntry *e, unsigned flags){
  PeBuf json, out, err;
  int k;
  pe_buf_init(&json); pe_buf_init(&out); pe_buf_init(&err);
  pe_buf_appendc(&json, '{');
  for(k=0; k<e->nField; k++){
    if( k ) pe_buf_appendc(&json, ',');
    pe_buf_append_json(&json, e->aField[k].name.z, e->aField[k].name.n);
    pe_buf_appendc(&json, ':');
    pe_buf_append_json(&json, e->aField[k].value.z, e->aField[k].value.n);
  }
  pe_buf_appendc(&json, '}');
  if( !json.oom && e->key.z
   && bib_format(&out, &err, e->type.z, e->type.n, e->key.z, e->key.n, json.z, json.n)==PE_OK ){
    BibParser *q = bib_open(out.z, out.n, (flags & ~BIB_LATIN1) | BIB_NO_INHERIT);
    const BibEntry *f = 0;
    if( q && bib_next(q, &f)==PE_OK ){
      int bSame = f && f->eKind==BIB_ENTRY && f->error.z==0 && same_text(f->type, e->type)
               && same_text(f->key, e->key) && f->nField==e->nField;
      for(k=0; bSame && k<e->nField; k++){
        bSame = same_text(f->aField[k].name, e->aField[k].name)
             && same_text(f->aField[k].value, e->aField[k].value);
      }
      if( !bSame ){
        fprintf(stderr, "round trip failed for:\n%.*s\nformatted as:\n%s\n",
                (int)e->raw.n, e->raw.z, out.z);
        abort();
      }
    }
    bib_close(q);
  }
  pe_buf_free(&json); pe_buf_free(&out); pe_buf_free(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *a, size_t n){
  unsigned flags;
  BibParser *p;
  const BibEntry *e;
  if( n<1 ) return 0;
  flags = a[0] & (BIB_LATIN1|BIB_NO_INHERIT|BIB_NO_VALUES|BIB_NO_DIAGS);
  p = bib_open((const char*)a+1, n-1, flags);
  if( p==0 ) return 0;
  while( bib_next(p, &e)==PE_OK && e ){
    BibText author = bib_field(e, "author", 1), title = bib_field(e, "title", 1);
    BibText year = bib_field(e, "year", 1);
    PeBuf b;
    pe_buf_init(&b);
    if( author.z ){
      BibNameIter it;
      BibName name;
      bib_names_start(&it, author.z, author.n);
      while( bib_names_next(&it, &name) ){
        pe_buf_reset(&b);
        bib_name_display(&b, &name);
      }
    }
    if( title.z ) pe_latex_to_unicode(&b, title.z, title.n);
    bib_cite_key(&b, author.z, author.n, year.z, year.n, title.z, title.n);
    pe_buf_free(&b);
    if( e->eKind==BIB_ENTRY && e->error.z==0 && !(flags & BIB_NO_VALUES) ) round_trip(e, flags);
  }
  bib_close(p);
  return 0;
}
