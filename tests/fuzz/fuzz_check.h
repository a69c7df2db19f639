/*
** fuzz_check.h: invariant checks shared by the core harnesses.
** A broken invariant prints what and where, then aborts (a libFuzzer finding).
*/
#ifndef FUZZ_CHECK_H
#define FUZZ_CHECK_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_ASSERT(cond, ...) do{ if( !(cond) ){ \
  fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, __LINE__, #cond); \
  fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } }while(0)

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
static inline int fuzz_valid_utf8(const char *zIn, size_t n){
  const unsigned char *z = (const unsigned char*)zIn;
  size_t i = 0;
  while( i<n ){
    unsigned c = z[i];
    size_t len, k;
    uint32_t cp;
    if( c<0x80 ){ i++; continue; }
    if( c>=0xC2 && c<=0xDF ){ len = 2; cp = c & 0x1F; }
    else if( c>=0xE0 && c<=0xEF ){ len = 3; cp = c & 0x0F; }
    else if( c>=0xF0 && c<=0xF4 ){ len = 4; cp = c & 0x07; }
    else return 0;
    if( i+len>n ) return 0;
    for(k=1; k<len; k++){
      if( (z[i+k] & 0xC0)!=0x80 ) return 0;
      cp = (cp<<6) | (z[i+k] & 0x3F);
    }
    if( (len==3 && cp<0x800) || (len==4 && (cp<0x10000 || cp>0x10FFFF))
     || (cp>=0xD800 && cp<=0xDFFF) ) return 0;
    i += len;
  }
  return 1;
}

static inline int fuzz_same(const char *a, size_t na, const char *b, size_t nb){
  return na==nb && (na==0 || memcmp(a, b, na)==0);
}

#endif
