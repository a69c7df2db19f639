/* title_parts.c: see title_parts.h. */
#include <string.h>
#include "common/strbuf.h"
#include "common/utf8.h"
#include "title.h"
#include "title_parts.h"
#include "title_words.h"

static int is_ws(char c){ return c==' ' || c=='\t' || c=='\n' || c=='\r'; }

/* The first subtitle separator of z[0..n): its start (n when none) and, in
** *pAfter, where the text after it (and its white space) begins. */
static size_t first_separator(const char *z, size_t n, size_t *pAfter){
  size_t i;
  int depth = 0, math = 0;
  for(i=0; i<n; i++){
    char c = z[i];
    size_t e = 0;
    if( c=='\\' ){ i++; continue; }
    if( c=='{' ){ depth++; continue; }
    if( c=='}' ){ if( depth>0 ) depth--; continue; }
    if( c=='$' ){ math = !math; continue; }
    if( depth>0 || math ) continue;
    if( c==':' && i>0 && !(i+1<n && z[i-1]>='0' && z[i-1]<='9' && z[i+1]>='0' && z[i+1]<='9') ){
      e = i+1;
    }else if( c=='-' && i>0 && is_ws(z[i-1]) ){
      size_t j = i;
      while( j<n && j<i+3 && z[j]=='-' ) j++;
      if( j<n && is_ws(z[j]) ) e = j;
    }else if( (unsigned char)c==0xE2 && i+2<n && (unsigned char)z[i+1]==0x80 ){
      unsigned char d = (unsigned char)z[i+2];
      if( (d==0x94 || d==0x95) && i>0 ) e = i+3;                      /* — ― */
      else if( d==0x93 && i>0 && is_ws(z[i-1]) && i+3<n && is_ws(z[i+3]) ) e = i+3;   /* – */
    }
    if( e ){
      while( e<n && is_ws(z[e]) ) e++;
      *pAfter = e;
      return i;
    }
  }
  *pAfter = n;
  return n;
}

/* z[0..n) without white space and '.' at its end. */
static size_t trim_end(const char *z, size_t n){
  while( n>0 && (is_ws(z[n-1]) || z[n-1]=='.') ) n--;
  return n;
}

/* Where a parenthetical ending z[0..n) opens, or n when there is none (or
** nothing but white space before it). */
static size_t trailing_parenthetical(const char *z, size_t n){
  size_t m = trim_end(z, n), i;
  int depth = 0;
  char open, close;
  if( m==0 || (z[m-1]!=')' && z[m-1]!=']') ) return n;
  close = z[m-1];
  open = close==')' ? '(' : '[';
  for(i=m; i>0; i--){
    if( z[i-1]==close ) depth++;
    else if( z[i-1]==open && --depth==0 ) break;
  }
  if( i==0 ) return n;
  i--;                                            /* the opening bracket */
  if( trim_end(z, i)==0 ) return n;
  return i;
}

/* The main title of z[0..n) as [0, *pEnd), and where the first separator's
** text after it starts (*pAfter, n when none). */
static size_t main_end(const char *z, size_t n, size_t *pSep, size_t *pAfter){
  size_t sep = first_separator(z, n, pAfter), p;
  *pSep = sep;
  p = trailing_parenthetical(z, sep);
  return trim_end(z, p<sep ? p : sep);
}

void pe_title_main(const char *z, size_t n, size_t *pi, size_t *pn){
  size_t i = 0, sep, after, e = main_end(z, n, &sep, &after);
  if( e==0 ) e = trim_end(z, n);                /* '(DDPM)' alone: the whole */
  while( i<e && is_ws(z[i]) ) i++;
  *pi = i;
  *pn = e-i;
}

/* Does the raw text hold a coined word: two capitals ('COCO', 'R-CNN'), a
** capital after a small letter ('PyTorch') or letters with digits
** ('word2vec')?  Capitals do not count when the whole title has no small
** letter. */
static int has_coined_word(const char *z, size_t n, int allCaps){
  size_t i = 0;
  while( i<n ){
    int nUpper = 0, lowerThenUpper = 0, nAlpha = 0, nDigit = 0, lastLower = 0;
    for(; i<n && !((z[i]|0x20)>='a' && (z[i]|0x20)<='z') && !(z[i]>='0' && z[i]<='9'); i++){}
    for(; i<n && (((z[i]|0x20)>='a' && (z[i]|0x20)<='z') || (z[i]>='0' && z[i]<='9')); i++){
      char c = z[i];
      if( c>='0' && c<='9' ){ nDigit++; lastLower = 0; continue; }
      nAlpha++;
      if( c>='A' && c<='Z' ){ nUpper++; if( lastLower ) lowerThenUpper = 1; lastLower = 0; }
      else lastLower = 1;
    }
    if( nAlpha && nDigit ) return 1;
    if( !allCaps && (nUpper>=2 || lowerThenUpper) ) return 1;
  }
  return 0;
}

static int has_lower(const char *z, size_t n){
  size_t i;
  for(i=0; i<n; i++) if( z[i]>='a' && z[i]<='z' ) return 1;
  return 0;
}

typedef struct Keys { PeBuf kept, cut; } Keys;

/*
** Can the title z[0..e) stand for z[0..n) (a subtitle or parenthetical
** z[e..n) cut)?  0 when the cut holds a number word.  *pSameOk: when
** title_same may rest on it: the kept title has 2 content words, or 1 that
** is a coined word ('YOLOv3', 'ImageNet') or when the cut is one word, and
** the cut does not start with a genre ('Deep Learning: A Survey').
*/
static int tail_cut(Keys *k, const char *z, size_t e, size_t n, int allCaps,
                    int *pSameOk, int *pOom){
  int nContent, nCut;
  pe_buf_reset(&k->kept);
  pe_buf_reset(&k->cut);
  if( pe_title_key(&k->kept, z, e) || pe_title_key(&k->cut, z+e, n-e) ){ *pOom = 1; return 0; }
  if( k->cut.n==0 || k->kept.n==0 ) return 0;
  if( pe_title_has_number_word(k->cut.z, k->cut.n) ) return 0;
  nContent = pe_title_content_words(k->kept.z, k->kept.n);
  nCut = pe_title_content_words(k->cut.z, k->cut.n);
  *pSameOk = !pe_title_starts_with_genre(k->cut.z, k->cut.n)
          && (nContent>=2 || (nContent==1 && (nCut<=1 || has_coined_word(z, e, allCaps))));
  return 1;
}

int pe_title_rest(const char *z, size_t n, size_t *pi, int *pOom){
  size_t after, sep = first_separator(z, n, &after), nWord = 1, j;
  PeBuf k;
  if( sep>=n || after>=n ) return 0;
  pe_buf_init(&k);
  if( pe_title_key(&k, z, sep) ){ *pOom = 1; pe_buf_free(&k); return 0; }
  for(j=0; j<k.n; j++) nWord += k.z[j]==' ';
  j = k.n;
  pe_buf_free(&k);
  if( j==0 || nWord>2 ) return 0;
  *pi = after;
  return 1;
}

/* Append the variant z[i..i+len) with its key (taken from *pKey when given,
** which is then emptied, else computed).  PE_OK or PE_NOMEM. */
static int add_variant(PeTitleVariant *a, int *pn, const char *z, size_t i, size_t len,
                       int nCut, int tailCut, int sameOk, PeBuf *pKey){
  PeTitleVariant *v = &a[(*pn)++];
  v->i = i; v->n = len; v->nCut = nCut; v->tailCut = tailCut; v->sameOk = sameOk;
  if( pKey ){
    v->key = *pKey;
    pe_buf_init(pKey);
    return PE_OK;
  }
  pe_buf_init(&v->key);
  return pe_title_key(&v->key, z+i, len);
}

void pe_title_variants_free(PeTitleVariant *a, int n){
  int k;
  for(k=0; k<n; k++) pe_buf_free(&a[k].key);
}

int pe_title_variants(const char *z, size_t n, PeTitleVariant *a, int *pn){
  Keys k;
  size_t sep, after, e, iRest;
  int oom = 0, sameOk = 0, allCaps = !has_lower(z, n);
  *pn = 0;
  pe_buf_init(&k.kept);
  pe_buf_init(&k.cut);
  e = main_end(z, n, &sep, &after);
  if( e>0 && tail_cut(&k, z, e, n, allCaps, &sameOk, &oom) ){
    add_variant(a, pn, z, 0, e, 1, 1, sameOk, &k.kept);
  }
  if( !oom && pe_title_rest(z, n, &iRest, &oom) ){
    const char *r = z+iRest;
    size_t nr = n-iRest, re, rsep, rafter;
    if( add_variant(a, pn, z, iRest, nr, 1, 0, 1, 0) ) oom = 1;
    re = main_end(r, nr, &rsep, &rafter);
    if( !oom && re>0 && tail_cut(&k, r, re, nr, allCaps, &sameOk, &oom) ){
      add_variant(a, pn, z, iRest, re, 2, 1, sameOk, &k.kept);
    }
  }
  pe_buf_free(&k.kept);
  pe_buf_free(&k.cut);
  if( oom ){
    pe_title_variants_free(a, *pn);
    *pn = 0;
    return PE_NOMEM;
  }
  return PE_OK;
}
