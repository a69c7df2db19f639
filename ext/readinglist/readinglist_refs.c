/* readinglist_refs.c: the reading-list parser's use of tags.h and ident.h. */
#include <string.h>
#include "common/pe_mem.h"
#include "readinglist_refs.h"
#include "tags/tags.h"
#include "ident/ident.h"

int pe_rl_tags_in(PeBuf *out, const char *z, size_t n, int onlyHashtags){
  PeTagIter it;
  int rc;
  pe_tags_init(&it, z, n, PE_TAGS_MARKED_ONLY);
  while( (rc = pe_tags_next(&it))==PE_TAG_ROW ){
    if( onlyHashtags && !(it.nRaw>0 && z[it.iRaw]=='#') ) continue;
    pe_buf_append(out, it.zTag, it.nTag);
    pe_buf_appendc(out, 0);
  }
  pe_tags_close(&it);
  if( rc!=PE_OK ) return PE_NOMEM;
  return out->oom ? PE_NOMEM : PE_OK;
}

int pe_rl_tag_norm(PeBuf *out, const char *z, size_t n){
  return pe_tag_norm(out, z, n);
}

struct PeRlTags { PeTagSet set; };

int pe_rl_tags_add(PeRlTags **pp, const char *z, size_t n){
  if( *pp==0 ){
    if( (*pp = pe_malloc(sizeof(PeRlTags)))==0 ) return PE_NOMEM;
    pe_tagset_init(&(*pp)->set);
  }
  return pe_tagset_add(&(*pp)->set, z, n);
}

int pe_rl_tags_json(const PeRlTags *p, PeBuf *out){
  if( p ) return pe_tagset_json(&p->set, out);
  pe_buf_appends(out, "[]");
  return out->oom ? PE_NOMEM : PE_OK;
}

void pe_rl_tags_clear(PeRlTags *p){ if( p ) pe_tagset_free(&p->set); }

void pe_rl_tags_free(PeRlTags *p){
  if( p ){ pe_tagset_free(&p->set); pe_free(p); }
}

/* Could z hold an arXiv id?  Every id has 'DDDD.DDDD' (new style) or
** '/DDDDDDD' (old style): a cheap test that spares most notes the search. */
static int may_hold_arxiv(const char *z, size_t n){
  const char *p = z, *end = z + n;
  while( (p = memchr(p, '.', (size_t)(end - p)))!=0 ){
    size_t i = (size_t)(p - z), k;
    int ok = i>=4 && i+4<n;
    for(k=1; ok && k<=4; k++){
      ok = z[i-k]>='0' && z[i-k]<='9' && z[i+k]>='0' && z[i+k]<='9';
    }
    if( ok ) return 1;
    p++;
  }
  p = z;
  while( (p = memchr(p, '/', (size_t)(end - p)))!=0 ){
    size_t i = (size_t)(p - z), k;
    int ok = i+7<n;
    for(k=1; ok && k<=7; k++) ok = z[i+k]>='0' && z[i+k]<='9';
    if( ok ) return 1;
    p++;
  }
  return 0;
}

int pe_rl_find_ids(PeBuf *arxiv, PeBuf *doi, const char *z, size_t n){
  if( z==0 || n==0 ) return PE_OK;
  if( arxiv->n==0 && may_hold_arxiv(z, n) ){
    size_t i, len;
    int version;
    if( pe_arxiv_find(z, n, &i, &len, &version) ) pe_buf_append(arxiv, z+i, len);
  }
  if( doi->n==0 && memchr(z, '/', n) ){
    if( pe_doi_find(z, n, doi)<0 ) return PE_NOMEM;
  }
  return arxiv->oom || doi->oom ? PE_NOMEM : PE_OK;
}
