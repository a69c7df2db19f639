/* merge_keys.c: the index keys of a record (see merge.h, pe_merge_keys). */
#include <string.h>
#include "merge.h"
#include "merge_int.h"
#include "title/title.h"

static void key(PeBuf *out, int *pFirst, const char *zPrefix, const char *z, size_t n){
  PeBuf k;
  pe_buf_init(&k);
  pe_buf_appends(&k, zPrefix);
  pe_buf_append(&k, z, n);
  pe_buf_appendc(out, *pFirst ? '[' : ',');
  *pFirst = 0;
  if( k.oom ) out->oom = 1;
  else pe_buf_append_json(out, k.z, k.n);
  pe_buf_free(&k);
}

int pe_merge_keys(PeBuf *out, const char *zTitle, const char *zDoi, const char *zArxiv){
  PeBuf full, main;
  int first = 1;
  pe_buf_init(&full);
  pe_buf_init(&main);
  if( zDoi && zDoi[0] ) key(out, &first, "doi:", zDoi, strlen(zDoi));
  if( zArxiv && zArxiv[0] ) key(out, &first, "arxiv:", zArxiv, strlen(zArxiv));
  if( zTitle && zTitle[0] ){
    size_t nTitle = strlen(zTitle), nMain = pe_merge_main_title(zTitle, nTitle);
    pe_title_key(&full, zTitle, nTitle);
    if( full.n ) key(out, &first, "t:", full.z, full.n);
    /* the title without its subtitle, and without a leading 'Name:' (an
    ** acronym added in citations: 'BERT: Pre-training of ...'), are keys
    ** of the same kind: so 'X' meets 'X: subtitle' and 'Name: X' */
    if( nMain<nTitle ){
      pe_title_key(&main, zTitle, nMain);
      if( main.n && !(main.n==full.n && memcmp(main.z, full.z, full.n)==0) ){
        key(out, &first, "t:", main.z, main.n);
      }
    }
    {
      size_t nName = pe_merge_name_prefix(zTitle, nTitle);
      if( nName ){
        pe_buf_reset(&main);
        pe_title_key(&main, zTitle + nName, nTitle - nName);
        if( main.n ) key(out, &first, "t:", main.z, main.n);
      }
    }
    if( full.n ){
      /* halves of the words: one word changed leaves one of them whole */
      size_t nWord = 1, i, w = 0, cut = 0;
      for(i=0; i<full.n; i++) nWord += full.z[i]==' ';
      if( nWord>=4 ){
        size_t nHead = (nWord+1)/2;
        for(i=0; i<full.n; i++){
          if( full.z[i]==' ' && ++w==nHead ){ cut = i; break; }
        }
        key(out, &first, "h:", full.z, cut);
        key(out, &first, "e:", full.z+cut+1, full.n-cut-1);
      }
    }
  }
  if( first ) pe_buf_appendc(out, '[');
  pe_buf_appendc(out, ']');
  {
    int oom = full.oom || main.oom || out->oom;
    pe_buf_free(&full);
    pe_buf_free(&main);
    return oom ? PE_NOMEM : PE_OK;
  }
}
