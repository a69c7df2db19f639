/*
** fuzz_ident: the identifier core (ext/ident/ident.c) on fuzz input.
**
** Invariants (a broken one aborts):
**   arXiv: the id lies inside the text, is ASCII, has no 'v' version tail,
**     the version is >= 0; the id found alone is found whole; the id's URL
**     (pe_arxiv_url) gives back the same id and version.
**   DOI: starts with "10.", holds a '/', has no upper-case ASCII letter and
**     no trailing . , ; : ! ?; found again in its own text and in its URL
**     (pe_doi_url) it is the same DOI.
*/
#include "fuzz_check.h"
#include "ident/ident.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

static void check_arxiv(const char *z, size_t n){
  size_t i, iId, nId, iId2, nId2;
  int v, v2;
  PeBuf url;
  if( !pe_arxiv_find(z, n, &iId, &nId, &v) ) return;
  FUZZ_ASSERT(iId<=n && nId>0 && nId<=n-iId, "id span %zu+%zu outside %zu", iId, nId, n);
  FUZZ_ASSERT(v>=0, "version %d", v);
  for(i=0; i<nId; i++) FUZZ_ASSERT((unsigned char)z[iId+i]<0x80, "non-ASCII id");
  FUZZ_ASSERT(pe_arxiv_find(z+iId, nId, &iId2, &nId2, &v2) && iId2==0 && nId2==nId,
              "id '%.*s' not found alone", (int)nId, z+iId);
  pe_buf_init(&url);
  if( pe_arxiv_url(&url, z+iId, nId, v)==PE_OK ){
    FUZZ_ASSERT(pe_arxiv_find(url.z, url.n, &iId2, &nId2, &v2)
                && fuzz_same(url.z+iId2, nId2, z+iId, nId) && v2==v,
                "url '%s' does not give back '%.*s' v%d", url.z, (int)nId, z+iId, v);
  }
  pe_buf_free(&url);
}

static void check_doi(const char *z, size_t n){
  PeBuf d, again, url;
  size_t i;
  int rc;
  pe_buf_init(&d); pe_buf_init(&again); pe_buf_init(&url);
  rc = pe_doi_find(z, n, &d);
  if( rc==1 ){
    FUZZ_ASSERT(d.n>=4 && memcmp(d.z, "10.", 3)==0 && memchr(d.z, '/', d.n), "bad DOI '%s'", d.z);
    for(i=0; i<d.n; i++) FUZZ_ASSERT(!(d.z[i]>='A' && d.z[i]<='Z'), "upper case in '%s'", d.z);
    FUZZ_ASSERT(strchr(".,;:!?", d.z[d.n-1])==0, "trailing punctuation in '%s'", d.z);
    if( pe_doi_find(d.z, d.n, &again)==1 ){
      FUZZ_ASSERT(fuzz_same(again.z, again.n, d.z, d.n), "doi('%s') is '%s', not itself", d.z, again.z);
    }
    pe_buf_reset(&again);
    if( pe_doi_url(&url, d.z, d.n)==PE_OK ){
      int rc2 = pe_doi_find(url.z, url.n, &again);
      if( rc2>=0 ){
        FUZZ_ASSERT(rc2==1 && fuzz_same(again.z, again.n, d.z, d.n),
                    "url '%s' gives '%.*s', not '%s'", url.z, (int)again.n, again.z ? again.z : "", d.z);
      }
    }
  }
  pe_buf_free(&d); pe_buf_free(&again); pe_buf_free(&url);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  if( size>65536 ) return 0;
  check_arxiv((const char*)data, size);
  check_doi((const char*)data, size);
  return 0;
}
