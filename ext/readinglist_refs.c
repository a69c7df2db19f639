/* readinglist_refs.c: TEMPORARY SHIM until ext/tags.h and ext/ident.h are merged. */
#include <string.h>
#include "readinglist_refs.h"

static int norm_into(PeBuf *out, const char *z, size_t n){
  size_t i;
  size_t start = out->n;
  while( n && (z[0]=='#' || z[0]=='[' || z[0]==' ') ){ z++; n--; }
  if( n>=3 && memcmp(z, "\xE3\x80\x90", 3)==0 ){ z += 3; n -= 3; }
  while( n && (z[n-1]==']' || z[n-1]==' ') ) n--;
  if( n>=3 && memcmp(z+n-3, "\xE3\x80\x91", 3)==0 ) n -= 3;
  for(i=0; i<n; i++){
    char c = z[i];
    if( c>='A' && c<='Z' ) c = (char)(c+32);
    if( c==' ' || c=='_' ) c = '-';
    pe_buf_appendc(out, c);
  }
  (void)start;
  return out->oom ? 1 : 0;
}

int pe_rl_tags_in(PeBuf *out, const char *z, size_t n, int onlyHashtags){
  size_t i;
  if( !onlyHashtags ){
    norm_into(out, z, n);
    pe_buf_appendc(out, 0);
    return out->oom;
  }
  for(i=0; i<n; i++){
    if( z[i]=='#' && (i==0 || z[i-1]==' ') && i+1<n && z[i+1]!=' ' && z[i+1]!='#' ){
      size_t e = i+1;
      while( e<n && z[e]!=' ' ) e++;
      norm_into(out, z+i, e-i);
      pe_buf_appendc(out, 0);
      i = e;
    }
  }
  return out->oom;
}

int pe_rl_tag_norm(PeBuf *out, const char *z, size_t n){ return norm_into(out, z, n); }

int pe_rl_find_ids(PeBuf *arxiv, PeBuf *doi, const char *z, size_t n){
  (void)arxiv; (void)doi; (void)z; (void)n;
  return 0;
}
