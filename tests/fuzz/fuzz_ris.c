/*
** fuzz_ris: the RIS cores (ext/ris/ris.c, risfields.c, risformat.c) on any
** bytes, without SQLite.
**
** Every record's columns are made; every diagnostic has a line and column;
** the fields JSON is valid UTF-8.  When ris_format() accepts a record, reading
** its output gives back exactly one record with the same type and fields
** (else abort: a finding).  Crashes, leaks, sanitizer reports, hangs too.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_check.h"
#include "ris/ris.h"
#include "ris/risfields.h"
#include "ris/risformat.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

static void columns(const RisRecord *r){
  PeBuf b;
  long y;
  pe_buf_init(&b);
  ris_title(r, &b); ris_names(r, 0, &b); ris_names(r, 1, &b); ris_year(r, &y); ris_date(r, &b);
  ris_venue(r, &b); ris_pages(r, &b); ris_doi(r, &b); ris_arxiv(r, &b); ris_url(r, &b);
  ris_list_json(r, "KW", &b); ris_joined(r, "N1", "\n\n", &b); ris_value(r, "AB", "N2", &b);
  pe_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *a, size_t n){
  char *z = pe_malloc(n ? n : 1);
  RisParser *p;
  const RisRecord *r;
  if( z==0 ) return 0;
  if( n ) memcpy(z, a, n);
  p = ris_open(z, n);
  while( p && ris_next(p, &r)==PE_OK && r ){
    int k;
    for(k=0; k<r->nDiag; k++) FUZZ_ASSERT(r->aDiag[k].line>=1 && r->aDiag[k].col>=1, "diag %d:%d", r->aDiag[k].line, r->aDiag[k].col);
    if( !r->bRecord ) continue;
    columns(r);
    {
      PeBuf fields, out, err;
      pe_buf_init(&fields); pe_buf_init(&out); pe_buf_init(&err);
      if( ris_fields_json(r, &fields)==1 ){
        FUZZ_ASSERT(fuzz_valid_utf8(fields.z, fields.n), "fields not UTF-8");
        if( ris_format(&out, &err, r->zText+r->iType, r->nType, fields.z, fields.n)==PE_OK ){
          RisParser *q = ris_open(out.z, out.n);
          const RisRecord *s;
          PeBuf f2;
          int nRec = 0;
          pe_buf_init(&f2);
          while( q && ris_next(q, &s)==PE_OK && s ){
            if( !s->bRecord ) continue;
            nRec++;
            FUZZ_ASSERT(s->nType==r->nType && memcmp(s->zText+s->iType, r->zText+r->iType, r->nType)==0, "type");
            pe_buf_reset(&f2);
            ris_fields_json(s, &f2);
            FUZZ_ASSERT(f2.n==fields.n && memcmp(f2.z, fields.z, fields.n)==0, "fields %.*s vs %.*s",
                        (int)fields.n, fields.z, (int)f2.n, f2.z);
          }
          FUZZ_ASSERT(q==0 || nRec==1, "%d records from one", nRec);
          pe_buf_free(&f2);
          ris_close(q);
        }
      }
      pe_buf_free(&fields); pe_buf_free(&out); pe_buf_free(&err);
    }
  }
  ris_close(p);
  pe_free(z);
  return 0;
}
