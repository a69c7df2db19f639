/* Unit tests of the BibTeX cores: parser (streaming, bounded scratch,
** robustness), names, format, cite key. */
#include <stdlib.h>
#include "check.h"
#include "bibtex/bibformat.h"
#include "bibtex/bibnames.h"
#include "bibtex/bibtex.h"
#include "bibtex/citekey.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

static const char *zSample =
  "@string{acm = {ACM}}\n"
  "@article{a, author = {M{\\\"u}ller, J. and others}, title = {T {X}}, journal = acm # { J}}\n"
  "@misc(b, note = \"q {\"} q\", year = 2020)\n"
  "@misc{c, title = {open\n"
  "@book{d, crossref = {a}, title = {x} author = {y}}\n"
  "@comment{ignored}\n";

/* Count the entries (and all items) of z[0..n). */
static int count_items(const char *z, size_t n, unsigned flags, int *pnEntry){
  BibParser *p = bib_open(z, n, flags);
  const BibEntry *e;
  int nItem = 0;
  *pnEntry = 0;
  if( p==0 ) return -1;
  while( bib_next(p, &e)==PE_OK && e ){
    nItem++;
    if( e->eKind==BIB_ENTRY ) (*pnEntry)++;
  }
  bib_close(p);
  return nItem;
}

static char *names_row(const char *z){
  BibNameIter it;
  BibName nm;
  PeBuf b;
  pe_buf_init(&b);
  bib_names_start(&it, z, strlen(z));
  while( bib_names_next(&it, &nm) ){
    if( b.n ) pe_buf_appendc(&b, ';');
    pe_buf_appendf(&b, "%.*s|%.*s|%.*s|%.*s|", (int)nm.first.n, nm.first.z ? nm.first.z : "",
                   (int)nm.von.n, nm.von.z ? nm.von.z : "", (int)nm.last.n, nm.last.z ? nm.last.z : "",
                   (int)nm.jr.n, nm.jr.z ? nm.jr.z : "");
    bib_name_display(&b, &nm);
  }
  return pe_buf_finish(&b, 0);
}

int main(void){
  int nEntry, i;
  size_t n = strlen(zSample);
  char *z;

  /* the sample: 4 entries (c is cut short by d's line: resumes there) */
  CHECK_INT(count_items(zSample, n, 0, &nEntry), 6);
  CHECK_INT(nEntry, 4);
  /* structure-only parsing finds the same entries */
  CHECK_INT(count_items(zSample, n, BIB_NO_VALUES, &nEntry), 6);
  CHECK_INT(nEntry, 4);
  /* without lines and raw text (count(*)): the same keys, errors and ends */
  {
    unsigned fast = BIB_NO_VALUES|BIB_NO_DIAGS|BIB_NO_INHERIT|BIB_NO_LINES|BIB_NO_RAW;
    BibParser *pa = bib_open(zSample, n, BIB_NO_VALUES|BIB_NO_DIAGS);
    BibParser *pb = bib_open(zSample, n, fast);
    const BibEntry *ea, *eb;
    int nSame = 0;
    while( bib_next(pa, &ea)==PE_OK && ea && bib_next(pb, &eb)==PE_OK && eb ){
      CHECK(eb->line==0 && eb->raw.z==0 && ea->line>0 && ea->raw.z!=0);
      CHECK(ea->iStart==eb->iStart && ea->iEnd==eb->iEnd && ea->eKind==eb->eKind);
      CHECK(ea->key.n==eb->key.n && (ea->key.n==0 || memcmp(ea->key.z, eb->key.z, ea->key.n)==0));
      CHECK(ea->error.n==eb->error.n
            && (ea->error.n==0 || memcmp(ea->error.z, eb->error.z, ea->error.n)==0));
      nSame++;
    }
    CHECK_INT(nSame, 6);
    bib_close(pa);
    bib_close(pb);
  }

  /* every prefix of the sample parses without reading past its end (the
  ** ASan build checks), and so does the sample with each byte changed */
  for(i=0; i<=(int)n; i++){
    char *zCut = malloc((size_t)i + 1);
    memcpy(zCut, zSample, (size_t)i);
    count_items(zCut, (size_t)i, 0, &nEntry);
    free(zCut);
  }
  {
    static const char aByte[] = { '{', '}', '"', '@', ',', '=', '#', '(', ')', '\0', '\xE9', '\n' };
    char *zCopy = malloc(n);
    for(i=0; i<(int)n; i++){
      size_t k;
      for(k=0; k<sizeof(aByte); k++){
        memcpy(zCopy, zSample, n);
        zCopy[i] = aByte[k];
        count_items(zCopy, n, (unsigned)k & BIB_LATIN1, &nEntry);
      }
    }
    free(zCopy);
  }

  /* deep nesting is not recursion: 200000 open braces */
  {
    size_t m = 200000, k;
    char *zDeep = malloc(m + 32);
    memcpy(zDeep, "@misc{k, t = ", 13);
    for(k=13; k<m; k++) zDeep[k] = '{';
    CHECK_INT(count_items(zDeep, m, 0, &nEntry), 1);
    CHECK_INT(nEntry, 1);
    free(zDeep);
  }

  /* streaming: 20000 entries, the per-item scratch stays small */
  {
    PeBuf big;
    BibParser *p;
    const BibEntry *e;
    size_t maxScratch = 0;
    int nRow = 0;
    pe_buf_init(&big);
    for(i=0; i<20000; i++){
      pe_buf_appendf(&big, "@article{key%d, author = {Author %d and Other, A.}, title = {Title %d},"
                           " journal = {J}, year = %d}\n", i, i, i, 1900 + i%100);
    }
    p = bib_open(big.z, big.n, 0);
    while( bib_next(p, &e)==PE_OK && e ){
      size_t s = bib_scratch_bytes(p);
      if( s>maxScratch ) maxScratch = s;
      nRow++;
    }
    CHECK_INT(nRow, 20000);
    CHECK(maxScratch < 4096);
    bib_close(p);
    pe_buf_free(&big);
  }

  /* linear time on broken input: 100000 values left open, one per line
  ** (each is reported; a quadratic recovery would take minutes) */
  {
    PeBuf bad;
    BibParser *p;
    const BibEntry *e;
    int nErr = 0;
    pe_buf_init(&bad);
    for(i=0; i<100000; i++) pe_buf_appends(&bad, "@a{k,t={x\n");
    p = bib_open(bad.z, bad.n, 0);
    while( bib_next(p, &e)==PE_OK && e ) nErr += e->error.z!=0;
    CHECK_INT(nErr, 100000);
    bib_close(p);
    /* 100000 entries whose '{' is never closed, and 100000 whose value's
    ** '{' took the entry's '}': each names the delimiter left open */
    pe_buf_reset(&bad);
    for(i=0; i<100000; i++) pe_buf_appends(&bad, "@a{k, t = {x},\n  y = 1\n@b{k, t = {x,\n  y = 1\n}\n");
    p = bib_open(bad.z, bad.n, 0);
    nErr = 0;
    i = 0;
    while( bib_next(p, &e)==PE_OK && e ){
      const char *zWant = (i++ & 1) ? "(the '{' opened at 3:11 is not closed)" : "(the '{' opened at 1:3 is not closed)";
      if( e->error.z && strstr(e->error.z, "is not closed)") ) nErr++;
      if( i<=2 ) CHECK(e->error.z && strstr(e->error.z, zWant)!=0);
    }
    CHECK_INT(nErr, 200000);
    bib_close(p);
    /* and an entry with 100000 fields, each twice: the second ones warn */
    pe_buf_reset(&bad);
    pe_buf_appends(&bad, "@misc{k");
    for(i=0; i<200000; i++) pe_buf_appendf(&bad, ", f%d = %d", i%100000, i);
    pe_buf_appends(&bad, "}");
    p = bib_open(bad.z, bad.n, 0);
    CHECK_INT(bib_next(p, &e), PE_OK);
    CHECK_INT(e ? e->nField : -1, 100000);
    CHECK_INT(e ? e->nDiag : -1, 100000);
    CHECK(e && e->aField[99999].value.n==5 && memcmp(e->aField[99999].value.z, "99999", 5)==0);
    bib_close(p);
    pe_buf_free(&bad);
  }

  /* names */
  z = names_row("Ludwig van Beethoven and von Neumann, Jr., John and {IEEE} and others");
  CHECK_STR(z, "Ludwig|van|Beethoven||Ludwig van Beethoven;John|von|Neumann|Jr.|John von Neumann, Jr.;"
               "||{IEEE}||IEEE;||others||others");
  pe_free(z);
  /* empty names are skipped; a trailing "and" with nothing after is a word */
  z = names_row("A and  and , and B and");
  CHECK_STR(z, "||A||A;B||and||B and");
  pe_free(z);

  /* format: aligned, and refused when BibTeX could not read it back */
  {
    PeBuf out, err;
    pe_buf_init(&out); pe_buf_init(&err);
    const char *zJson = "{\"title\":\"T\",\"publisher\":\"P\"}";
    CHECK_INT(bib_format(&out, &err, "book", 4, "k", 1, zJson, strlen(zJson)), PE_OK);
    CHECK_STR(out.z, "@book{k,\n  title     = {T},\n  publisher = {P}\n}\n");
    zJson = "{\"t\":\"}{\"}";
    CHECK_INT(bib_format(&out, &err, "book", 4, "k", 1, zJson, strlen(zJson)), PE_ERROR);
    CHECK_STR(err.z, "bibtex_format: unbalanced braces in the value of field 't'");
    pe_buf_reset(&out);
    zJson = "{\"t\":\"\\ud83d\\ude00\"}";    /* a surrogate pair: U+1F600 */
    CHECK_INT(bib_format(&out, &err, "book", 4, "k", 1, zJson, strlen(zJson)), PE_OK);
    CHECK_STR(out.z, "@book{k,\n  t = {\xF0\x9F\x98\x80}\n}\n");
    pe_buf_free(&out); pe_buf_free(&err);
  }

  /* cite key */
  {
    PeBuf out;
    pe_buf_init(&out);
    bib_cite_key(&out, "Erd{\\H{o}}s, Paul", 17, "1947", 4, "Some remarks on the theory of graphs", 36);
    CHECK_STR(out.z, "erdos1947some");
    pe_buf_free(&out);
  }
  return CHECK_REPORT("bibtex");
}
