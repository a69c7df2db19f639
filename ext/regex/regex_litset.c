/* regex_litset.c: see regex_litset.h. */
#include <stdint.h>
#include <string.h>
#include "regex_litset.h"

/*
** How common a byte is in the notes we search, from common to rare: ASCII
** by English and LaTeX letter frequency (lowercase before uppercase), then
** UTF-8.  Only the order matters.
*/
static const char zAsciiByFrequency[] =
  " etaoinsrhldcumfpgwybv,.\n-k0'1)(2x$\\9_{}3j5:48;67/q=z\"^?!+*[]&%|<>@#~`"
  "TAISCMBPNDERWHLFOGVUKYJQXZ";
enum {
  RANK_CJK_LEAD = 8,     /* 0xE4-0xE9 lead most CJK ideographs */
  RANK_CONTINUATION = 40,/* 0x80-0xBF: frequent in Chinese, over 64 values */
  RANK_OTHER_LEAD = 120, /* other UTF-8 lead bytes */
  RANK_UNLISTED = 200    /* control bytes and the like */
};

static int byte_rank(unsigned char c){
  const char *p;
  if( c>=0xE4 && c<=0xE9 ) return RANK_CJK_LEAD;
  if( c>=0x80 && c<=0xBF ) return RANK_CONTINUATION;
  if( c>=0x80 ) return RANK_OTHER_LEAD;
  if( c==0 || (p = strchr(zAsciiByFrequency, (char)c))==0 ) return RANK_UNLISTED;
  return (int)(p - zAsciiByFrequency);
}

size_t pe_literal_rare_byte(const char *zLit, size_t nLit){
  size_t i, best = 0;
  for(i=1; i<nLit; i++){
    if( byte_rank((unsigned char)zLit[i]) > byte_rank((unsigned char)zLit[best]) ) best = i;
  }
  return best;
}

size_t pe_literal_find(const char *zLit, size_t nLit, size_t iRare,
                       const char *z, size_t iFrom, size_t n){
  const char *p, *pLast;
  if( iFrom>n || n-iFrom<nLit ) return PE_LITSET_NONE;
  p = z + iFrom + iRare;
  pLast = z + n - nLit + iRare;          /* the last place the rare byte can be */
  while( p<=pLast && (p = memchr(p, zLit[iRare], (size_t)(pLast-p) + 1))!=0 ){
    const char *zCand = p - iRare;
    /* First and last byte inline: most false candidates end here. */
    if( zCand[0]==zLit[0] && zCand[nLit-1]==zLit[nLit-1]
     && memcmp(zCand, zLit, nLit)==0 ){
      return (size_t)(zCand - z);
    }
    p++;
  }
  return PE_LITSET_NONE;
}

static int is_meta(char c){ return c==0 || strchr("\\^$.[|()?*+{", c)!=0; }
static int is_alpha(unsigned char c){ return (c|0x20)>='a' && (c|0x20)<='z'; }

/* A byte a literal may hold in a case-insensitive set (see the header). */
static int caseless_ok(unsigned char c){
  return c>=0x20 && c<0x7F && (c|0x20)!='k' && (c|0x20)!='s';
}

int pe_litset_parse(const char *zPat, size_t nPat, int caseless, int extended, PeLitSet *p){
  size_t i, start;
  memset(p, 0, sizeof(*p));
  if( extended ) return 0;                    /* spaces and # mean other things */
  if( nPat>=4 && memcmp(zPat, "(?i)", 4)==0 ){ caseless = 1; zPat += 4; nPat -= 4; }
  for(i=start=0; i<=nPat; i++){
    if( i<nPat && zPat[i]!='|' ){
      unsigned char c = (unsigned char)zPat[i];
      if( is_meta((char)c) || (caseless && !caseless_ok(c)) ){ p->n = 0; return 0; }
      continue;
    }
    if( i==start || p->n==PE_LITSET_MAX || i-start>PE_LITSET_MAX_LEN ){
      /* an empty alternative, too many, or too long */
      p->n = 0;
      return 0;
    }
    p->az[p->n] = zPat + start;
    p->an[p->n] = i - start;
    if( i-start > p->maxLen ) p->maxLen = i - start;
    p->n++;
    start = i+1;
  }
  p->caseless = caseless;
  return p->n>0;
}

/* Does literal k occur at z[j]? */
static int literal_at(const PeLitSet *p, int k, const char *z, size_t j, size_t n){
  const unsigned char *a = (const unsigned char*)p->az[k];
  const unsigned char *t = (const unsigned char*)z + j;
  size_t q, len = p->an[k];
  if( len > n-j ) return 0;
  if( !p->caseless ) return memcmp(a, t, len)==0;
  for(q=0; q<len; q++){
    if( is_alpha(a[q]) ? (t[q]|0x20)!=(a[q]|0x20) : t[q]!=a[q] ) return 0;
  }
  return 1;
}

static int any_literal_at(const PeLitSet *p, const char *z, size_t j, size_t n){
  int k;
  for(k=0; k<p->n; k++) if( literal_at(p, k, z, j, n) ) return 1;
  return 0;
}

#if defined(__GNUC__)
/* 16 bytes at a time with GCC's generic vectors. */
typedef unsigned char PeVec __attribute__((vector_size(16)));

static PeVec vec_load(const char *z){ PeVec v; memcpy(&v, z, 16); return v; }
static PeVec vec_splat(unsigned char c){ PeVec v; memset(&v, c, 16); return v; }
static int vec_any(PeVec v){
  uint64_t w[2];
  memcpy(w, &v, 16);
  return (w[0]|w[1])!=0;
}

size_t pe_litset_find(const PeLitSet *p, const char *z, size_t iFrom, size_t n){
  /* Per literal: its first and last byte, and the bit that folds ASCII case. */
  PeVec aFirst[PE_LITSET_MAX], aLast[PE_LITSET_MAX], aFoldFirst[PE_LITSET_MAX], aFoldLast[PE_LITSET_MAX];
  size_t aLastAt[PE_LITSET_MAX];
  size_t i = iFrom, j;
  int k;
  if( iFrom>n ) return PE_LITSET_NONE;
  for(k=0; k<p->n; k++){
    unsigned char f = (unsigned char)p->az[k][0], l = (unsigned char)p->az[k][p->an[k]-1];
    unsigned char ff = p->caseless && is_alpha(f) ? 0x20 : 0, fl = p->caseless && is_alpha(l) ? 0x20 : 0;
    aFirst[k] = vec_splat(f|ff);
    aLast[k] = vec_splat(l|fl);
    aFoldFirst[k] = vec_splat(ff);
    aFoldLast[k] = vec_splat(fl);
    aLastAt[k] = p->an[k]-1;
  }
  while( i<n ){
    /* The last block reads from a zero-padded copy (no literal holds a NUL). */
    char aPad[16 + PE_LITSET_MAX_LEN];
    const char *zBlock = z+i;
    PeVec block, hit = vec_splat(0);
    if( n-i < 16 + p->maxLen ){
      memset(aPad, 0, sizeof(aPad));
      memcpy(aPad, z+i, n-i);
      zBlock = aPad;
    }
    block = vec_load(zBlock);
    for(k=0; k<p->n; k++){
      PeVec last = vec_load(zBlock+aLastAt[k]);
      hit |= (PeVec)((block|aFoldFirst[k])==aFirst[k]) & (PeVec)((last|aFoldLast[k])==aLast[k]);
    }
    if( vec_any(hit) ){
      unsigned char aHit[16];
      memcpy(aHit, &hit, 16);
      for(j=0; j<16 && i+j<n; j++){
        if( aHit[j] && any_literal_at(p, z, i+j, n) ) return i+j;
      }
    }
    i += 16;
  }
  return PE_LITSET_NONE;
}

#else
size_t pe_litset_find(const PeLitSet *p, const char *z, size_t iFrom, size_t n){
  size_t i;
  for(i=iFrom; i<n; i++){
    if( any_literal_at(p, z, i, n) ) return i;
  }
  return PE_LITSET_NONE;
}
#endif
