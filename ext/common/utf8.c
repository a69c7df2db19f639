/* utf8.c: see utf8.h. */
#include <string.h>
#include <utf8proc.h>
#include "pe_mem.h"
#include "strbuf.h"
#include "utf8.h"

int pe_utf8_decode(const unsigned char *z, size_t n, uint32_t *pc){
  uint32_t c = z[0];
  int len, i;
  uint32_t min;
  if( c<0x80 ){ *pc = c; return 1; }
  if( c>=0xC2 && c<=0xDF ){ len = 2; c &= 0x1F; min = 0x80; }
  else if( c>=0xE0 && c<=0xEF ){ len = 3; c &= 0x0F; min = 0x800; }
  else if( c>=0xF0 && c<=0xF4 ){ len = 4; c &= 0x07; min = 0x10000; }
  else { *pc = PE_REPLACEMENT; return 1; }
  if( (size_t)len>n ){ *pc = PE_REPLACEMENT; return 1; }
  for(i=1; i<len; i++){
    if( (z[i]&0xC0)!=0x80 ){ *pc = PE_REPLACEMENT; return 1; }
    c = (c<<6) | (z[i]&0x3F);
  }
  if( c<min || c>0x10FFFF || (c>=0xD800 && c<=0xDFFF) ){
    *pc = PE_REPLACEMENT; return 1;
  }
  *pc = c;
  return len;
}

int pe_utf8_encode(uint32_t c, char a[4]){
  if( c>0x10FFFF || (c>=0xD800 && c<=0xDFFF) ) c = PE_REPLACEMENT;
  if( c<0x80 ){ a[0] = (char)c; return 1; }
  if( c<0x800 ){
    a[0] = (char)(0xC0|(c>>6)); a[1] = (char)(0x80|(c&0x3F)); return 2;
  }
  if( c<0x10000 ){
    a[0] = (char)(0xE0|(c>>12)); a[1] = (char)(0x80|((c>>6)&0x3F));
    a[2] = (char)(0x80|(c&0x3F)); return 3;
  }
  a[0] = (char)(0xF0|(c>>18)); a[1] = (char)(0x80|((c>>12)&0x3F));
  a[2] = (char)(0x80|((c>>6)&0x3F)); a[3] = (char)(0x80|(c&0x3F));
  return 4;
}

size_t pe_utf8_count(const char *z, size_t n){
  size_t i = 0, count = 0;
  uint32_t c;
  while( i<n ){
    if( (unsigned char)z[i]<0x80 ){ i++; }
    else i += (size_t)pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    count++;
  }
  return count;
}

size_t pe_utf8_offset(const char *z, size_t n, size_t iChar){
  size_t i = 0;
  uint32_t c;
  while( i<n && iChar>0 ){
    i += (size_t)pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    iChar--;
  }
  return i;
}

static utf8proc_option_t proc_options(unsigned opts){
  utf8proc_option_t o = UTF8PROC_STABLE;
  if( opts & PE_FOLD_NFKC ) o |= UTF8PROC_COMPAT|UTF8PROC_COMPOSE;
  if( opts & PE_FOLD_NFC ) o |= UTF8PROC_COMPOSE;
  if( opts & PE_FOLD_CASE ) o |= UTF8PROC_CASEFOLD;
  if( opts & PE_FOLD_IGNORE ) o |= UTF8PROC_IGNORE;
  if( opts & PE_FOLD_STRIPMARK ) o |= UTF8PROC_STRIPMARK|UTF8PROC_COMPOSE;
  return o;
}

/* CJK Unified Ideographs and Extension A: stable under every folding. */
static int is_unified_han(uint32_t c){
  return (c>=0x4E00 && c<=0x9FFF) || (c>=0x3400 && c<=0x4DBF);
}

/* Can text be cut before c, and each part folded alone, with the result
** of folding it whole?  Yes when c is a starter that never composes with
** what precedes it (ASCII, Han, kana, Hangul syllables): composition and
** canonical reordering never reach back across it. */
static int is_fold_boundary(uint32_t c){
  return c<0x80 || is_unified_han(c)
      || (c>=0xAC00 && c<=0xD7A3) || (c>=0x3041 && c<=0x3096) || (c>=0x30A1 && c<=0x30FA);
}

/* The canonical combining class of c (0 below U+0300: no mark there). */
static int combining_class(utf8proc_int32_t c){
  return c<0x300 ? 0 : utf8proc_get_property(c)->combining_class;
}

/* Sort the run of marks a[0..n) by combining class, stably: insertion for a
** short run, counting sort through tmp[0..n) for a long one, so that a text
** of nothing but marks stays linear. */
static void sort_marks(utf8proc_int32_t *a, size_t n, utf8proc_int32_t *tmp){
  size_t i, j;
  if( tmp==0 ){
    for(i=1; i<n; i++){
      utf8proc_int32_t c = a[i];
      int cc = combining_class(c);
      for(j=i; j>0 && combining_class(a[j-1])>cc; j--) a[j] = a[j-1];
      a[j] = c;
    }
  }else{
    size_t start[257];
    memset(start, 0, sizeof(start));
    for(i=0; i<n; i++) start[combining_class(a[i])+1]++;
    for(i=1; i<=256; i++) start[i] += start[i-1];
    for(i=0; i<n; i++) tmp[start[combining_class(a[i])]++] = a[i];
    memcpy(a, tmp, n*sizeof(*a));
  }
}

/* Canonical ordering (Unicode 3.11): each run of marks sorted by combining
** class, so 'e' U+0301 U+0323 and 'e' U+0323 U+0301 are one text.  (utf8proc
** does it inside utf8proc_decompose(), which we do not call.) */
static int canonical_order(utf8proc_int32_t *a, size_t len){
  utf8proc_int32_t *tmp = 0;
  size_t i = 0, s;
  while( i<len ){
    if( combining_class(a[i])==0 ){ i++; continue; }
    for(s=i; i<len && combining_class(a[i])!=0; i++){}
    if( i-s>16 && tmp==0 ){
      tmp = pe_malloc(len*sizeof(*tmp));
      if( tmp==0 ) return PE_NOMEM;
    }
    if( i-s>1 ) sort_marks(a+s, i-s, i-s>16 ? tmp : 0);
  }
  pe_free(tmp);
  return PE_OK;
}

/* Normalize the decomposed a[0..len) and append it to out as UTF-8. */
static int fold_flush(PeBuf *out, utf8proc_int32_t *a, size_t len, utf8proc_option_t o){
  utf8proc_ssize_t r, k;
  if( (o & (UTF8PROC_COMPOSE|UTF8PROC_DECOMPOSE)) && canonical_order(a, len) ) return PE_NOMEM;
  r = utf8proc_normalize_utf32(a, (utf8proc_ssize_t)len, o);
  if( r<0 ) r = (utf8proc_ssize_t)len;
  if( pe_buf_reserve(out, (size_t)r*4) ) return PE_NOMEM;
  for(k=0; k<r; k++){
    out->n += (size_t)pe_utf8_encode((uint32_t)a[k], out->z + out->n);
  }
  out->z[out->n] = 0;
  return PE_OK;
}

/* Code points decomposed before a flush at the next boundary: keeps the
** working buffer small for a text of any size.  A text with no boundary for
** FOLD_CHUNK_MAX code points (only marks, say) is cut there all the same,
** as UAX #15's stream-safe format cuts runs of marks: the result may then
** differ from folding it whole, but memory and time stay bounded. */
#define FOLD_CHUNK     4096
#define FOLD_CHUNK_MAX 65536

/*
** Decompose code point by code point into a buffer of our own (so utf8proc
** never allocates and invalid bytes become U+FFFD instead of an error),
** order the marks, then let utf8proc compose, a chunk at a time.
*/
int pe_fold_append(PeBuf *out, const char *z, size_t n, unsigned opts){
  utf8proc_option_t o = proc_options(opts);
  utf8proc_int32_t local[256];
  utf8proc_int32_t *a = local;
  size_t cap = sizeof(local)/sizeof(local[0]), len = 0, i = 0;
  int boundclass = 0;
  utf8proc_ssize_t r;
  int rc = PE_OK;
  while( i<n ){
    uint32_t c;
    i += (size_t)pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    if( len>=FOLD_CHUNK && (is_fold_boundary(c) || len>=FOLD_CHUNK_MAX) ){
      rc = fold_flush(out, a, len, o);
      if( rc ) goto done;
      len = 0;
    }
    for(;;){
      r = utf8proc_decompose_char((utf8proc_int32_t)c, a+len,
                                  (utf8proc_ssize_t)(cap-len), o, &boundclass);
      if( r<0 ){ r = 0; break; }                 /* cannot happen for valid c */
      if( (size_t)r <= cap-len ) break;
      {
        size_t ncap = cap*2 + (size_t)r;
        utf8proc_int32_t *na = pe_malloc(ncap*sizeof(*na));
        if( na==0 ){ rc = PE_NOMEM; goto done; }
        memcpy(na, a, len*sizeof(*a));
        if( a!=local ) pe_free(a);
        a = na;
        cap = ncap;
      }
    }
    len += (size_t)r;
  }
  rc = fold_flush(out, a, len, o);
done:
  if( a!=local ) pe_free(a);
  return rc;
}

int pe_fold_is_trivial(const char *z, size_t n){
  size_t i = 0;
  while( i<n ){
    uint32_t c;
    if( (unsigned char)z[i]<0x80 ){ i++; continue; }
    i += (size_t)pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    if( !is_unified_han(c) ) return 0;
  }
  return 1;
}

int pe_is_cjk(uint32_t c){
  return (c>=0x4E00 && c<=0x9FFF)       /* CJK Unified Ideographs */
      || (c>=0x3400 && c<=0x4DBF)       /* Extension A */
      || (c>=0x20000 && c<=0x3134F)     /* Extensions B-H (planes 2-3) */
      || (c>=0xF900 && c<=0xFAFF)       /* Compatibility Ideographs */
      || (c>=0x2F800 && c<=0x2FA1F)     /* Compatibility Supplement */
      || (c>=0x2E80 && c<=0x2FDF)       /* Radicals, Kangxi radicals */
      || c==0x3005 || c==0x3007 || (c>=0x3021 && c<=0x3029) /* 々 〇 Hangzhou */
      || (c>=0x3041 && c<=0x30FF)       /* Hiragana, Katakana */
      || (c>=0x31F0 && c<=0x31FF)       /* Katakana Phonetic Extensions */
      || (c>=0xFF66 && c<=0xFF9F)       /* Halfwidth Katakana */
      || (c>=0x3100 && c<=0x312F)       /* Bopomofo */
      || (c>=0x31A0 && c<=0x31BF)       /* Bopomofo Extended */
      || (c>=0x1B000 && c<=0x1B16F);    /* Kana Supplement/Extended */
}

int pe_is_letter(uint32_t c){
  if( c<0x80 ) return (c|0x20)>='a' && (c|0x20)<='z';
  switch( utf8proc_category((utf8proc_int32_t)c) ){
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return 1;
    default: return 0;
  }
}

int pe_is_word_char(uint32_t c){
  if( c<0x80 ) return ((c|0x20)>='a' && (c|0x20)<='z') || (c>='0' && c<='9');
  switch( utf8proc_category((utf8proc_int32_t)c) ){
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return 1;
    default: return 0;
  }
}

int pe_is_space(uint32_t c){
  return c==' ' || (c>=0x09 && c<=0x0D) || c==0x85 || c==0xA0 || c==0x1680
      || (c>=0x2000 && c<=0x200A) || c==0x2028 || c==0x2029 || c==0x202F
      || c==0x205F || c==0x3000;
}
