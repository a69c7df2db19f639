/* title_words.c: see title_words.h. */
#include <string.h>
#include "common/utf8.h"
#include "title_words.h"

/* Function words: they weigh PE_TITLE_FUNCTION_WEIGHT in a comparison (sorted). */
static const char *const azFunctionWord[] = {
  "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from",
  "in", "into", "is", "it", "its", "of", "on", "onto", "or", "our", "over", "that",
  "the", "their", "these", "this", "those", "through", "to", "toward", "towards",
  "under", "using", "via", "we", "with", "your",
};

static int in_list(const char *const *az, int nList, const char *z, size_t n){
  int lo = 0, hi = nList;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    int c = strncmp(az[mid], z, n);
    if( c==0 && az[mid][n]!=0 ) c = 1;
    if( c==0 ) return 1;
    if( c<0 ) lo = mid+1; else hi = mid;
  }
  return 0;
}
#define IN_LIST(a, z, n) in_list(a, (int)(sizeof(a)/sizeof(a[0])), z, n)

int pe_title_is_function_word(const char *z, size_t n){
  return IN_LIST(azFunctionWord, z, n);
}

double pe_title_word_weight(const char *z, size_t n){
  uint32_t c;
  if( (size_t)pe_utf8_decode((const unsigned char*)z, n, &c)==n && pe_is_letter(c)
      && !pe_is_cjk(c) ){
    return PE_TITLE_FUNCTION_WEIGHT;             /* a lone letter: '?p', 'Mask R-CNN' */
  }
  return pe_title_is_function_word(z, n) ? PE_TITLE_FUNCTION_WEIGHT : 1.0;
}

/* ------------------------------------------------------------ words */

/* The next word of key k[0..n) from *pi (a space-separated run; a CJK
** character alone): its start and length, or 0 at the end. */
static size_t next_word(const char *k, size_t n, size_t *pi, size_t *pStart){
  size_t i = *pi, s;
  uint32_t c;
  int len;
  while( i<n && k[i]==' ' ) i++;
  if( i>=n ){ *pi = n; return 0; }
  s = i;
  len = pe_utf8_decode((const unsigned char*)k+i, n-i, &c);
  if( pe_is_cjk(c) ){
    *pi = i+(size_t)len;
  }else{
    while( i<n && k[i]!=' ' ){
      len = pe_utf8_decode((const unsigned char*)k+i, n-i, &c);
      if( pe_is_cjk(c) ) break;
      i += (size_t)len;
    }
    *pi = i;
  }
  *pStart = s;
  return *pi - s;
}

int pe_title_content_words(const char *k, size_t n){
  size_t i = 0, s, len;
  int nContent = 0;
  while( (len = next_word(k, n, &i, &s))>0 ){
    if( pe_title_word_weight(k+s, len)>=1.0 ) nContent++;
  }
  return nContent;
}

int pe_title_starts_with_genre(const char *k, size_t n){
  static const char *const azGenre[] = {
    "introduction", "overview", "primer", "review", "survey", "tutorial",
  };
  size_t i = 0, s, len;
  while( (len = next_word(k, n, &i, &s))>0 ){
    if( pe_title_word_weight(k+s, len)<1.0 ) continue;
    return IN_LIST(azGenre, k+s, len);
  }
  return 0;
}

/* ---------------------------------------------------------- numbers */

/* The value of a Roman numeral of i, v, x (1..39) written canonically, or 0. */
static int roman_value(const char *z, size_t n){
  static const char *const azUnit[] = { "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix" };
  size_t tens = 0;
  int u;
  while( tens<n && tens<3 && z[tens]=='x' ) tens++;
  for(u=0; u<10; u++){
    size_t lu = strlen(azUnit[u]);
    if( tens+lu==n && memcmp(z+tens, azUnit[u], lu)==0 ) return (int)tens*10 + u;
  }
  return 0;
}

static int is_numeral_marker(const char *z, size_t n){
  static const char *const azMarker[] = {
    "book", "chapter", "part", "phase", "stage", "type", "vol", "volume",
  };
  return IN_LIST(azMarker, z, n);
}

/* Reads the numbers of a key one by one. */
typedef struct NumberCursor {
  const char *k;
  size_t n, i;          /* the key, the next word */
  size_t iWord, nWord;  /* the word being read, and where in it (iIn) */
  size_t iIn;
  int afterMarker;      /* the word before was 'part', 'volume', ... */
  char roman[4];        /* a Roman numeral's value in decimal */
} NumberCursor;

/* The next number (decimal digits, no leading zeros but for "0"): 1 and
** *pz, *pn set, or 0 at the end. */
static int next_number(NumberCursor *c, const char **pz, size_t *pn){
  for(;;){
    const char *w = c->k + c->iWord;
    while( c->iIn<c->nWord ){                      /* digit runs of this word */
      size_t s = c->iIn, e;
      if( !(w[s]>='0' && w[s]<='9') ){ c->iIn++; continue; }
      for(e=s; e<c->nWord && w[e]>='0' && w[e]<='9'; e++){}
      c->iIn = e;
      while( s+1<e && w[s]=='0' ) s++;
      *pz = w+s; *pn = e-s;
      return 1;
    }
    {
      size_t s, len = next_word(c->k, c->n, &c->i, &s);
      int marker = c->afterMarker, v;
      if( len==0 ) return 0;
      c->iWord = s; c->nWord = len; c->iIn = 0;
      c->afterMarker = is_numeral_marker(c->k+s, len);
      v = (len>=2 || marker) ? roman_value(c->k+s, len) : 0;
      if( v ){
        c->iIn = len;
        if( v>=10 ){ c->roman[0] = (char)('0'+v/10); c->roman[1] = (char)('0'+v%10); *pn = 2; }
        else{ c->roman[0] = (char)('0'+v); *pn = 1; }
        *pz = c->roman;
        return 1;
      }
    }
  }
}

static void cursor_init(NumberCursor *c, const char *k, size_t n){
  memset(c, 0, sizeof(*c));
  c->k = k;
  c->n = n;
}

int pe_title_numbers_equal(const char *ka, size_t na, const char *kb, size_t nb){
  NumberCursor a, b;
  cursor_init(&a, ka, na);
  cursor_init(&b, kb, nb);
  for(;;){
    const char *za, *zb;
    size_t la, lb;
    int ha = next_number(&a, &za, &la), hb = next_number(&b, &zb, &lb);
    if( !ha || !hb ) return ha==hb;
    if( la!=lb || memcmp(za, zb, la)!=0 ) return 0;
  }
}

int pe_title_has_number_word(const char *k, size_t n){
  size_t i = 0, s, len, j;
  int marker = 0;
  while( (len = next_word(k, n, &i, &s))>0 ){
    for(j=0; j<len && k[s+j]>='0' && k[s+j]<='9'; j++){}
    if( j==len ) return 1;
    if( (len>=2 || marker) && roman_value(k+s, len) ) return 1;
    marker = is_numeral_marker(k+s, len);
  }
  return 0;
}
