/* fts_query.c: see fts_query.h. */
#include <string.h>
#include <utf8proc.h>
#include "fts_query.h"
#include "common/strbuf.h"
#include "common/utf8.h"

enum { OP_NONE, OP_AND, OP_OR, OP_NOT };

/* Bytes of white space, NUL or full-width (CJK) punctuation at z[0..n), or 0:
** both separate terms, so 記憶體，學習 is two phrases, as it reads. */
static size_t separator_len(const char *z, size_t n){
  uint32_t c;
  int len;
  unsigned char b = (unsigned char)z[0];
  /* NUL too: FTS5 reads the expression as a C string. */
  if( b<0x80 ) return (b==' ' || (b>=0x09 && b<=0x0D) || b==0) ? 1 : 0;
  len = pe_utf8_decode((const unsigned char*)z, n, &c);
  if( c==PE_REPLACEMENT && len==1 ) return 0;
  if( pe_is_space(c) ) return (size_t)len;
  if( (c>=0x3001 && c<=0x3004) || (c>=0x3008 && c<=0x3011) || (c>=0x3014 && c<=0x301F)
   || (c>=0xFF01 && c<=0xFF0F) || (c>=0xFF1A && c<=0xFF20) || (c>=0xFF3B && c<=0xFF40)
   || (c>=0xFF5B && c<=0xFF65) ){
    return (size_t)len;
  }
  return 0;
}

/* Does z[0..n) hold something a tokenizer would index? */
static int has_word_char(const char *z, size_t n){
  size_t i = 0;
  while( i<n ){
    uint32_t c;
    i += (size_t)pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    if( c<0x80 ){
      if( (c>='0' && c<='9') || (c>='a' && c<='z') || (c>='A' && c<='Z') ) return 1;
    }else if( pe_is_cjk(c) ){
      return 1;
    }else{
      switch( utf8proc_category((utf8proc_int32_t)c) ){
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_CO:
          return 1;
        default: break;
      }
    }
  }
  return 0;
}

static int operator_of(const char *z, size_t n){
  if( n==3 && memcmp(z, "AND", 3)==0 ) return OP_AND;
  if( n==2 && memcmp(z, "OR", 2)==0 ) return OP_OR;
  if( n==3 && memcmp(z, "NOT", 3)==0 ) return OP_NOT;
  return OP_NONE;
}

/* Append z[0..n) as an FTS5 string, then * when a prefix. */
static void append_term(PeBuf *out, const char *z, size_t n, int isPrefix){
  size_t i;
  pe_buf_appendc(out, '"');
  for(i=0; i<n; i++){
    if( z[i]=='"' ) pe_buf_appendc(out, '"');
    pe_buf_appendc(out, z[i]);
  }
  pe_buf_appendc(out, '"');
  if( isPrefix ) pe_buf_appendc(out, '*');
}

int pe_fts_query(PeBuf *out, const char *z, size_t n){
  size_t i = 0, start = out->n;
  int nTerm = 0, pendingOp = OP_NONE;
  while( i<n ){
    const char *zTerm;
    size_t nT;
    int isPrefix = 0, isPhrase = 0;
    size_t nSep = separator_len(z+i, n-i);
    if( nSep ){ i += nSep; continue; }
    if( z[i]=='"' ){
      size_t s = ++i;
      while( i<n && z[i]!='"' ) i++;
      zTerm = z+s; nT = i-s;
      if( i<n ) i++;                       /* the closing quote */
      isPhrase = 1;
    }else{
      size_t s = i;
      while( i<n && z[i]!='"' && separator_len(z+i, n-i)==0 ) i++;
      zTerm = z+s; nT = i-s;
    }
    if( !isPhrase ){
      int op = operator_of(zTerm, nT);
      if( op!=OP_NONE ){ if( nTerm>0 ) pendingOp = op; continue; }
      while( nT>0 && zTerm[nT-1]=='*' ){ nT--; isPrefix = 1; }
    }else if( i<n && z[i]=='*' ){
      isPrefix = 1;
      while( i<n && z[i]=='*' ) i++;
    }
    if( !has_word_char(zTerm, nT) ) continue;
    if( nTerm>0 ){
      pe_buf_appends(out, pendingOp==OP_OR ? " OR " : pendingOp==OP_NOT ? " NOT " : " AND ");
    }
    append_term(out, zTerm, nT, isPrefix);
    nTerm++;
    pendingOp = OP_NONE;
  }
  if( nTerm==0 ){
    out->n = start;
    pe_buf_appends(out, "\"\"");
  }
  return out->oom ? PE_NOMEM : PE_OK;
}
