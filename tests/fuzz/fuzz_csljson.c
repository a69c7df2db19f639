/*
** fuzz_csljson: the CSL-JSON cores (ext/csljson/cslread.c, cslfields.c,
** cslwrite.c, ext/common/pejson.c) on any bytes, without SQLite.
**
** Every item's columns are made; diagnostics have a line and column.  When
** csljson_item() accepts an item, its output is one item with no syntax
** problem, and csljson_item() of it gives it back unchanged (idempotence).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_check.h"
#include "csljson/cslread.h"
#include "csljson/cslfields.h"
#include "csljson/cslwrite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

static void columns(const PeJson *j){
  PeBuf b;
  long y;
  pe_buf_init(&b);
  csl_string(j, "title", &b); csl_names(j, "author", &b); csl_names(j, "editor", &b);
  csl_date(j, "issued", &b); csl_year(j, "issued", &y); csl_venue(j, &b); csl_doi(j, &b);
  csl_arxiv(j, &b); csl_keywords(j, &b);
  pe_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *a, size_t n){
  char *z = pe_malloc(n ? n : 1);
  CslReader *p;
  const CslEntry *e;
  if( z==0 ) return 0;
  if( n ) memcpy(z, a, n);
  p = csl_open(z, n);
  while( p && csl_next(p, &e)==PE_OK && e ){
    int k;
    for(k=0; k<e->nDiag; k++) FUZZ_ASSERT(e->aDiag[k].line>=1 && e->aDiag[k].col>=1, "diag");
    if( !e->bItem ) continue;
    columns(e->pJson);
    {
      PeBuf o1, o2, err;
      pe_buf_init(&o1); pe_buf_init(&o2); pe_buf_init(&err);
      if( csl_item(&o1, &err, z+e->iStart, e->iEnd-e->iStart)==PE_OK ){
        CslReader *q = csl_open(o1.z, o1.n);
        const CslEntry *f;
        int nItem = 0;
        while( q && csl_next(q, &f)==PE_OK && f ){
          for(k=0; k<f->nDiag; k++) FUZZ_ASSERT(strcmp(f->aDiag[k].zKind, "syntax")!=0, "syntax: %s in %.*s", f->aDiag[k].zMsg, (int)o1.n, o1.z);
          nItem += f->bItem;
        }
        FUZZ_ASSERT(q==0 || nItem==1, "%d items", nItem);
        csl_close(q);
        if( csl_item(&o2, &err, o1.z, o1.n)==PE_OK ){
          FUZZ_ASSERT(o1.n==o2.n && memcmp(o1.z, o2.z, o1.n)==0, "not idempotent: %.*s vs %.*s",
                      (int)o1.n, o1.z, (int)o2.n, o2.z);
        }
      }
      pe_buf_free(&o1); pe_buf_free(&o2); pe_buf_free(&err);
    }
  }
  csl_close(p);
  pe_free(z);
  return 0;
}
