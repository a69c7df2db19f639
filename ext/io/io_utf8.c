/* io_utf8.c: where UTF-8 stops being valid, and where that is (line:col). */
#include "io.h"
#include "common/utf8.h"

size_t pe_io_utf8_invalid(const char *z, size_t n){
  size_t i = 0;
  while( i<n ){
    unsigned char c = (unsigned char)z[i];
    uint32_t cp;
    int len;
    if( c<0x80 ){ i++; continue; }
    len = pe_utf8_decode((const unsigned char*)z + i, n - i, &cp);
    if( cp==PE_REPLACEMENT && len==1 ) return i;   /* a literal U+FFFD takes 3 bytes */
    i += (size_t)len;
  }
  return n;
}

void pe_io_position(const char *z, size_t off, int *pLine, int *pCol){
  int line = 1, col = 1;
  size_t i;
  for(i=0; i<off; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='\n' ){ line++; col = 1; }
    else if( (c & 0xC0)!=0x80 ) col++;   /* a continuation byte is in its character */
  }
  *pLine = line;
  *pCol = col;
}
