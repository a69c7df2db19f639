/* merge_keys.c: the index keys of a record (see merge.h, pe_merge_keys):
** its identifiers, then the title's blocking keys (pe_title_keys). */
#include <string.h>
#include "merge.h"
#include "title/title.h"

static void key(PeBuf *out, int *pFirst, const char *zPrefix, const char *z){
  PeBuf k;
  pe_buf_init(&k);
  pe_buf_appends(&k, zPrefix);
  pe_buf_appends(&k, z);
  pe_buf_appendc(out, *pFirst ? '[' : ',');
  *pFirst = 0;
  if( k.oom ) out->oom = 1;
  else pe_buf_append_json(out, k.z, k.n);
  pe_buf_free(&k);
}

int pe_merge_keys(PeBuf *out, const char *zTitle, const char *zDoi, const char *zArxiv){
  int first = 1;
  if( zDoi && zDoi[0] ) key(out, &first, "doi:", zDoi);
  if( zArxiv && zArxiv[0] ) key(out, &first, "arxiv:", zArxiv);
  if( zTitle && zTitle[0] ){
    PeBuf t;
    pe_buf_init(&t);
    if( pe_title_keys(&t, zTitle, strlen(zTitle))==PE_OK && t.n>2 ){
      /* its elements, after ours: "[...]" without the brackets */
      pe_buf_appendc(out, first ? '[' : ',');
      pe_buf_append(out, t.z+1, t.n-2);
      first = 0;
    }
    if( t.oom ) out->oom = 1;
    pe_buf_free(&t);
  }
  if( first ) pe_buf_appendc(out, '[');
  pe_buf_appendc(out, ']');
  return out->oom ? PE_NOMEM : PE_OK;
}
