/* bibprotect.c: see bibprotect.h. */
#include <string.h>
#include <utf8proc.h>
#include "bibprotect.h"
#include "common/utf8.h"

/* 'u' upper, 'l' lower, 'd' digit, 0 none (not a word character). */
static char kind_of(uint32_t c){
  if( c<0x80 ){
    if( c>='A' && c<='Z' ) return 'u';
    if( c>='a' && c<='z' ) return 'l';
    if( c>='0' && c<='9' ) return 'd';
    return 0;
  }
  if( !pe_is_word_char(c) ) return 0;
  if( (uint32_t)utf8proc_tolower((utf8proc_int32_t)c)!=c ) return 'u';
  if( (uint32_t)utf8proc_toupper((utf8proc_int32_t)c)!=c ) return 'l';
  return 'd';     /* a letter without case (CJK), a mark: part of the word */
}

/* Does the part z[a..b) (letters and digits) need protection alone? 2 for
** a single capital letter (which protects a hyphenated word it is part of). */
static int part_needs(const char *z, size_t a, size_t b){
  size_t i = a;
  int nChar = 0, nUpper = 0, bInner = 0;
  while( i<b ){
    uint32_t c;
    char k;
    i += (size_t)pe_utf8_decode((const unsigned char*)z+i, b-i, &c);
    k = kind_of(c);
    if( k=='u' ){ nUpper++; if( nChar>0 ) bInner = 1; }
    nChar++;
  }
  if( bInner ) return 1;
  if( nChar==1 && nUpper==1 ) return 2;
  return 0;
}

int bib_protect(PeBuf *out, const char *z, size_t n){
  size_t i = 0;
  int depth = 0;
  while( i<n ){
    unsigned char c = (unsigned char)z[i];
    uint32_t u;
    int k;
    if( c=='{' ){ depth++; pe_buf_appendc(out, '{'); i++; continue; }
    if( c=='}' ){ if( depth ) depth--; pe_buf_appendc(out, '}'); i++; continue; }
    if( c=='\\' ){
      /* a command: its name (or one symbol) as is */
      size_t s = i++;
      if( i<n && ((z[i]|0x20)>='a' && (z[i]|0x20)<='z') ) while( i<n && ((z[i]|0x20)>='a' && (z[i]|0x20)<='z') ) i++;
      else if( i<n ) i++;
      pe_buf_append(out, z+s, i-s);
      continue;
    }
    if( c=='$' && depth==0 ){
      size_t s = i++;
      while( i<n && !(z[i]=='$' && z[i-1]!='\\') ) i++;
      if( i<n ) i++;
      pe_buf_append(out, z+s, i-s);
      continue;
    }
    k = pe_utf8_decode((const unsigned char*)z+i, n-i, &u);
    if( depth>0 || kind_of(u)==0 ){
      pe_buf_append(out, z+i, (size_t)k);
      i += (size_t)k;
      continue;
    }
    {
      /* a word: parts of letters and digits joined by '-' or an apostrophe */
      size_t s = i, e = i, a = i;
      int nPart = 0, bProtect = 0, bSingle = 0;
      for(;;){
        uint32_t v;
        int m;
        a = e;
        while( e<n ){
          m = pe_utf8_decode((const unsigned char*)z+e, n-e, &v);
          if( kind_of(v)==0 ) break;
          e += (size_t)m;
        }
        nPart++;
        switch( part_needs(z, a, e) ){
          case 1: bProtect = 1; break;
          case 2: bSingle = 1; break;
          default: break;
        }
        /* joined on: '-' or an apostrophe followed by a word character */
        if( e+1<n && (z[e]=='-' || z[e]=='\'') ){
          m = pe_utf8_decode((const unsigned char*)z+e+1, n-e-1, &v);
          if( kind_of(v) ){ e++; continue; }
        }
        break;
      }
      if( bSingle && nPart>1 ) bProtect = 1;
      if( bProtect ) pe_buf_appendc(out, '{');
      pe_buf_append(out, z+s, e-s);
      if( bProtect ) pe_buf_appendc(out, '}');
      i = e;
    }
  }
  return out->oom ? PE_NOMEM : PE_OK;
}
