/*
** io_decode.c: bytes of a named encoding to UTF-8, with glibc's iconv.
**
** A few names map to the superset users mean: Shift_JIS files from Windows
** are cp932 (NEC and IBM extensions), Big5 files are cp950 more often than
** not, and GBK/GB2312 text is a part of GB18030.  Latin-1 is read as
** windows-1252 only when asked.  A byte that is not of the encoding is an
** error with its offset: nothing is dropped or replaced.
*/
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include "io.h"

/* "Shift_JIS" -> "shiftjis": case, '-' and '_' do not matter in names. */
static void squash(const char *z, char *out, size_t nOut){
  size_t j = 0;
  for(; *z && j+1<nOut; z++){
    char c = *z;
    if( c=='-' || c=='_' || c==' ' ) continue;
    out[j++] = (c>='A' && c<='Z') ? (char)(c + 32) : c;
  }
  out[j] = 0;
}

/* The iconv name to use for what the user wrote (zSq: 64 bytes of scratch). */
static const char *iconv_name(const char *zEnc, char *zSq){
  static const struct { const char *zSquashed, *zIconv; } aAlias[] = {
    { "big5", "CP950" }, { "cp950", "CP950" }, { "big5hkscs", "BIG5-HKSCS" },
    { "gbk", "GB18030" }, { "gb2312", "GB18030" }, { "gb18030", "GB18030" },
    { "euccn", "GB18030" }, { "cp936", "GB18030" },
    { "shiftjis", "CP932" }, { "sjis", "CP932" }, { "cp932", "CP932" },
    { "windows31j", "CP932" }, { "mskanji", "CP932" },
    { "latin1", "ISO-8859-1" }, { "iso88591", "ISO-8859-1" },
    { "cp1252", "WINDOWS-1252" }, { "windows1252", "WINDOWS-1252" },
    { "utf16", "UTF-16" }, { "utf16le", "UTF-16LE" }, { "utf16be", "UTF-16BE" },
    { "utf8", "UTF-8" },
  };
  size_t k;
  squash(zEnc, zSq, 64);
  for(k=0; k<sizeof(aAlias)/sizeof(aAlias[0]); k++){
    if( strcmp(zSq, aAlias[k].zSquashed)==0 ) return aAlias[k].zIconv;
  }
  return zEnc;   /* EUC-JP, EUC-KR, KOI8-R ...: iconv's own names */
}

/* Encoding names are short words of letters, digits and - _ . : ( ) and
** spaces: a '/' would let iconv's //IGNORE or //TRANSLIT drop or change
** bytes, and glibc's iconv_open costs the square of a name's length. */
#define PE_IO_MAX_ENCODING_NAME 40
static int name_ok(const char *zEnc){
  size_t i;
  for(i=0; zEnc[i]; i++){
    char c = zEnc[i];
    if( i>=PE_IO_MAX_ENCODING_NAME ) return 0;
    if( !((c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9') || strchr("-_.:() ", c)) ){
      return 0;
    }
  }
  return i>0;
}

int pe_io_decode(PeBuf *out, const char *z, size_t n, const char *zEnc,
                 size_t *pBad, char *zErr, size_t nErr){
  char zSq[64];
  iconv_t cd;
  char *in = (char*)z;
  size_t nIn = n;
  int rc = PE_OK;
  *pBad = n;                      /* no byte to blame, unless one is found */
  if( !name_ok(zEnc) ){
    snprintf(zErr, nErr, "unknown encoding '%.*s%s' (a name is at most %d letters, digits, "
             "spaces and - _ . : ( ))", PE_IO_MAX_ENCODING_NAME, zEnc,
             strlen(zEnc)>PE_IO_MAX_ENCODING_NAME ? "..." : "", PE_IO_MAX_ENCODING_NAME);
    return PE_ERROR;
  }
  cd = iconv_open("UTF-8", iconv_name(zEnc, zSq));
  if( cd==(iconv_t)-1 ){
    snprintf(zErr, nErr, "unknown encoding '%s'", zEnc);
    return PE_ERROR;
  }
  while( nIn>0 ){
    char *o;
    size_t nRoom, r;
    if( pe_buf_reserve(out, nIn*2 + 16) ){ rc = PE_NOMEM; break; }
    o = out->z + out->n;
    nRoom = out->cap - out->n - 1;
    r = iconv(cd, &in, &nIn, &o, &nRoom);
    out->n = (size_t)(o - out->z);
    if( r!=(size_t)-1 ) break;
    if( errno==E2BIG ) continue;           /* grow and go on */
    *pBad = (size_t)(in - z);
    snprintf(zErr, nErr, errno==EINVAL ? "the text ends inside a %s character"
                                       : "a byte sequence that is not %s", zEnc);
    rc = PE_ERROR;
    break;
  }
  iconv_close(cd);
  if( out->z ) out->z[out->n] = 0;
  /* a BOM from UTF-16 or UTF-8 is not text */
  if( rc==PE_OK && out->n>=3 && memcmp(out->z, "\xEF\xBB\xBF", 3)==0 ){
    memmove(out->z, out->z+3, out->n-2);
    out->n -= 3;
  }
  return rc;
}
