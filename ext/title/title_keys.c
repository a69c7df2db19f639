/* title_keys.c: blocking keys of a title (pe_title_keys; see title.h). */
#include <string.h>
#include "common/strbuf.h"
#include "common/utf8.h"
#include "title.h"
#include "title_parts.h"

#define MAX_KEYS 12       /* t, 3 m, the halves of t and of the main title */

typedef struct KeyList {
  PeBuf *out;
  size_t aStart[MAX_KEYS], aLen[MAX_KEYS];   /* keys written: where in out */
  int n;
} KeyList;

/* Append "<tag>:<k[0..n)>" unless empty or written already. */
static void add_key(KeyList *l, char tag, const char *k, size_t n){
  PeBuf *o = l->out;
  size_t start;
  int i;
  if( n==0 || l->n>=MAX_KEYS ) return;
  for(i=0; i<l->n; i++){
    const char *z = o->z + l->aStart[i];
    if( l->aLen[i]==n+4 && z[1]==tag && memcmp(z+3, k, n)==0 ) return;
  }
  if( l->n>0 ) pe_buf_appendc(o, ',');
  start = o->n;
  pe_buf_appendc(o, '"');
  pe_buf_appendc(o, tag);
  pe_buf_appendc(o, ':');
  pe_buf_append(o, k, n);           /* a key holds letters, digits and spaces only */
  pe_buf_appendc(o, '"');
  if( o->oom ) return;
  l->aStart[l->n] = start;
  l->aLen[l->n] = o->n - start;
  l->n++;
}

/* The key of z[0..n) as "<tag>:..." */
static int add_key_of(KeyList *l, PeBuf *tmp, char tag, const char *z, size_t n){
  pe_buf_reset(tmp);
  if( pe_title_key(tmp, z, n) ) return PE_NOMEM;
  add_key(l, tag, tmp->z ? tmp->z : "", tmp->n);
  return PE_OK;
}

/* Words of key k: space-separated runs, and each CJK character (as the
** comparison splits them).  Scan to word number iWord (0-based): its start
** and end; returns the number of words seen (all of them when iWord is
** past the end). */
static size_t word_at(const char *k, size_t n, size_t iWord, size_t *pStart, size_t *pEnd){
  size_t i = 0, nw = 0;
  while( i<n ){
    uint32_t c;
    int len;
    size_t s;
    while( i<n && k[i]==' ' ) i++;
    if( i>=n ) break;
    s = i;
    len = pe_utf8_decode((const unsigned char*)k+i, n-i, &c);
    if( pe_is_cjk(c) ){
      i += (size_t)len;
    }else{
      while( i<n && k[i]!=' ' ){
        if( (unsigned char)k[i]<0x80 ){ i++; continue; }   /* ASCII: never CJK */
        len = pe_utf8_decode((const unsigned char*)k+i, n-i, &c);
        if( pe_is_cjk(c) ) break;
        i += (size_t)len;
      }
    }
    if( nw==iWord ){ *pStart = s; *pEnd = i; return nw+1; }
    nw++;
  }
  return nw;
}

/* The halves of the key: its first and its last h words, for h = floor(w/2)
** and floor((w-1)/2) of its w words, when h >= 2. */
static void add_halves(KeyList *l, const char *k, size_t n){
  size_t s, e, w = word_at(k, n, (size_t)-1, &s, &e), pass;
  for(pass=0; pass<2; pass++){
    size_t h = pass==0 ? w/2 : (w-1)/2;
    if( w<4 || h<2 ) continue;
    word_at(k, n, h-1, &s, &e);
    add_key(l, 'a', k, e);
    word_at(k, n, w-h, &s, &e);
    add_key(l, 'z', k+s, n-s);
  }
}

int pe_title_keys(PeBuf *out, const char *z, size_t n){
  PeBuf key, mainKey, tmp;
  KeyList l;
  size_t iMain, nMain, iRest;
  int oom = 0;
  pe_buf_init(&key);
  pe_buf_init(&mainKey);
  pe_buf_init(&tmp);
  l.out = out;
  l.n = 0;
  pe_buf_appendc(out, '[');
  pe_title_main(z, n, &iMain, &nMain);
  if( pe_title_key(&key, z, n) || pe_title_key(&mainKey, z+iMain, nMain) ){ oom = 1; goto done; }
  add_key(&l, 't', key.z ? key.z : "", key.n);
  add_key(&l, 'm', mainKey.z ? mainKey.z : "", mainKey.n);
  if( pe_title_rest(z, n, &iRest, &oom) ){
    if( add_key_of(&l, &tmp, 'm', z+iRest, n-iRest) ){ oom = 1; goto done; }
    pe_title_main(z+iRest, n-iRest, &iMain, &nMain);
    if( add_key_of(&l, &tmp, 'm', z+iRest+iMain, nMain) ){ oom = 1; goto done; }
  }
  add_halves(&l, key.z ? key.z : "", key.n);
  if( mainKey.n!=key.n || (key.n && memcmp(mainKey.z, key.z, key.n)) ){
    add_halves(&l, mainKey.z ? mainKey.z : "", mainKey.n);
  }
done:
  pe_buf_appendc(out, ']');
  pe_buf_free(&key);
  pe_buf_free(&mainKey);
  pe_buf_free(&tmp);
  return oom || out->oom ? PE_NOMEM : PE_OK;
}
