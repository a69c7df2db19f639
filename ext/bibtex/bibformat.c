/* bibformat.c: see bibformat.h. */
#include <string.h>
#include "bibformat.h"
#include "bibtex.h"
#include "common/pe_mem.h"
#include "common/utf8.h"

/* ------------------------------------------------ a JSON object reader */

typedef struct Json { const char *z; size_t n, i; } Json;

static void json_space(Json *j){
  while( j->i<j->n && (j->z[j->i]==' ' || j->z[j->i]=='\t' || j->z[j->i]=='\n' || j->z[j->i]=='\r') ) j->i++;
}

static int hex4(const char *z, uint32_t *pc){
  int k;
  *pc = 0;
  for(k=0; k<4; k++){
    char c = z[k];
    *pc <<= 4;
    if( c>='0' && c<='9' ) *pc |= (uint32_t)(c-'0');
    else if( c>='a' && c<='f' ) *pc |= (uint32_t)(c-'a'+10);
    else if( c>='A' && c<='F' ) *pc |= (uint32_t)(c-'A'+10);
    else return 0;
  }
  return 1;
}

/* A JSON string at j->i (the opening quote) decoded into out; 0 if malformed. */
static int json_string(Json *j, PeBuf *out){
  const char *z = j->z;
  size_t i = j->i+1;
  while( i<j->n ){
    char c = z[i];
    if( c=='"' ){ j->i = i+1; return 1; }
    if( (unsigned char)c<0x20 ) return 0;
    if( c!='\\' ){
      size_t s = i;
      while( i<j->n && z[i]!='"' && z[i]!='\\' && (unsigned char)z[i]>=0x20 ) i++;
      pe_buf_append(out, z+s, i-s);
      continue;
    }
    if( i+1>=j->n ) return 0;
    c = z[i+1];
    i += 2;
    switch( c ){
      case '"': case '\\': case '/': pe_buf_appendc(out, c); break;
      case 'b': pe_buf_appendc(out, '\b'); break;
      case 'f': pe_buf_appendc(out, '\f'); break;
      case 'n': pe_buf_appendc(out, '\n'); break;
      case 'r': pe_buf_appendc(out, '\r'); break;
      case 't': pe_buf_appendc(out, '\t'); break;
      case 'u': {
        uint32_t u, lo;
        if( i+4>j->n || !hex4(z+i, &u) ) return 0;
        i += 4;
        if( u>=0xD800 && u<=0xDBFF && i+6<=j->n && z[i]=='\\' && z[i+1]=='u'
         && hex4(z+i+2, &lo) && lo>=0xDC00 && lo<=0xDFFF ){
          u = 0x10000 + ((u-0xD800)<<10) + (lo-0xDC00);
          i += 6;
        }
        pe_buf_append_utf8(out, u);
        break;
      }
      default: return 0;
    }
  }
  return 0;
}

/* A scalar that is not a string: its text into out (numbers, true, false);
** 2 for null, 0 if it is not a scalar. */
static int json_scalar(Json *j, PeBuf *out){
  size_t s = j->i;
  if( j->n-s>=4 && memcmp(j->z+s, "null", 4)==0 ){ j->i += 4; return 2; }
  if( j->n-s>=4 && memcmp(j->z+s, "true", 4)==0 ){ j->i += 4; pe_buf_append(out, "true", 4); return 1; }
  if( j->n-s>=5 && memcmp(j->z+s, "false", 5)==0 ){ j->i += 5; pe_buf_append(out, "false", 5); return 1; }
  while( j->i<j->n && strchr("+-0123456789.eE", j->z[j->i]) && j->z[j->i] ) j->i++;
  if( j->i==s ) return 0;
  pe_buf_append(out, j->z+s, j->i-s);
  return 1;
}

/* ---------------------------------------------------------- checks */

static int error(PeBuf *pErr, const char *zMsg, const char *z, size_t n){
  pe_buf_reset(pErr);
  pe_buf_appendf(pErr, "bibtex_format: %s", zMsg);
  if( z ){
    pe_buf_append(pErr, " '", 2);
    pe_buf_append(pErr, z, n>60 ? 60 : n);
    pe_buf_append(pErr, n>60 ? "...'" : "'", n>60 ? 4 : 1);
  }
  return pErr->oom ? PE_NOMEM : PE_ERROR;
}

static int is_name(const char *z, size_t n){
  size_t i;
  if( n==0 || (z[0]>='0' && z[0]<='9') ) return 0;
  for(i=0; i<n; i++) if( !bib_is_name_char((unsigned char)z[i]) ) return 0;
  return 1;
}

static int is_key(const char *z, size_t n){
  size_t i;
  for(i=0; i<n; i++){
    char c = z[i];
    if( c==',' || c=='}' || c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f' || c=='\v' ) return 0;
  }
  return 1;
}

static int balanced(const char *z, size_t n){
  size_t i, depth = 0;
  for(i=0; i<n; i++){
    if( z[i]=='{' ) depth++;
    else if( z[i]=='}' ){ if( depth==0 ) return 0; depth--; }
  }
  return depth==0;
}

/* ---------------------------------------------------------- format */

typedef struct Pair { size_t iName, nName, iVal, nVal; } Pair;

int bib_format(PeBuf *out, PeBuf *pErr,
               const char *zType, size_t nType,
               const char *zKey, size_t nKey,
               const char *zJson, size_t nJson){
  Json j;
  PeBuf text;                 /* the decoded names and values */
  Pair *aPair = 0;
  size_t nPair = 0, nAlloc = 0, width = 0, k;
  int rc = PE_OK;
  if( !is_name(zType, nType) ) return error(pErr, "not a valid entry type", zType, nType);
  if( !is_key(zKey, nKey) ) return error(pErr, "a key cannot hold a comma, '}' or white space:", zKey, nKey);
  pe_buf_init(&text);
  j.z = zJson; j.n = nJson; j.i = 0;
  json_space(&j);
  if( j.i>=j.n || j.z[j.i]!='{' ){ rc = error(pErr, "fields must be a JSON object", 0, 0); goto done; }
  j.i++;
  json_space(&j);
  if( j.i<j.n && j.z[j.i]=='}' ) j.i++;
  else for(;;){
    Pair p;
    int r;
    json_space(&j);
    if( j.i>=j.n || j.z[j.i]!='"' ){ rc = error(pErr, "malformed JSON object", 0, 0); goto done; }
    p.iName = text.n;
    if( !json_string(&j, &text) ){ rc = error(pErr, "malformed JSON string", 0, 0); goto done; }
    p.nName = text.n-p.iName;
    if( text.oom ){ rc = PE_NOMEM; goto done; }
    json_space(&j);
    if( j.i>=j.n || j.z[j.i]!=':' ){ rc = error(pErr, "malformed JSON object", 0, 0); goto done; }
    j.i++;
    json_space(&j);
    p.iVal = text.n;
    if( j.i<j.n && j.z[j.i]=='"' ) r = json_string(&j, &text);
    else r = json_scalar(&j, &text);
    if( r==0 ){
      rc = error(pErr, "a field value must be a string or a number: field", text.z+p.iName, p.nName);
      goto done;
    }
    p.nVal = text.n-p.iVal;
    if( text.oom ){ rc = PE_NOMEM; goto done; }
    if( r==1 ){
      if( nPair==nAlloc ){
        Pair *a = pe_realloc(aPair, (nAlloc = nAlloc ? nAlloc*2 : 16)*sizeof(Pair));
        if( a==0 ){ rc = PE_NOMEM; goto done; }
        aPair = a;
      }
      aPair[nPair++] = p;
    }
    json_space(&j);
    if( j.i<j.n && j.z[j.i]==',' ){ j.i++; continue; }
    if( j.i<j.n && j.z[j.i]=='}' ){ j.i++; break; }
    rc = error(pErr, "malformed JSON object", 0, 0);
    goto done;
  }
  json_space(&j);
  if( j.i<j.n ){ rc = error(pErr, "text after the JSON object", 0, 0); goto done; }
  for(k=0; k<nPair; k++){
    const char *zName = text.z+aPair[k].iName, *zVal = text.z+aPair[k].iVal;
    if( !is_name(zName, aPair[k].nName) ){
      rc = error(pErr, "not a valid field name:", zName, aPair[k].nName);
      goto done;
    }
    if( !balanced(zVal, aPair[k].nVal) ){
      rc = error(pErr, "unbalanced braces in the value of field", zName, aPair[k].nName);
      goto done;
    }
    if( aPair[k].nName>width ) width = aPair[k].nName;
  }
  pe_buf_appendc(out, '@');
  pe_buf_append(out, zType, nType);
  pe_buf_appendc(out, '{');
  pe_buf_append(out, zKey, nKey);
  for(k=0; k<nPair; k++){
    size_t pad = width-aPair[k].nName;
    pe_buf_append(out, ",\n  ", 4);
    pe_buf_append(out, text.z+aPair[k].iName, aPair[k].nName);
    while( pad-- ) pe_buf_appendc(out, ' ');
    pe_buf_append(out, " = {", 4);
    pe_buf_append(out, text.z+aPair[k].iVal, aPair[k].nVal);
    pe_buf_appendc(out, '}');
  }
  pe_buf_append(out, "\n}\n", 3);
  if( out->oom ) rc = PE_NOMEM;
done:
  if( text.oom && rc==PE_OK ) rc = PE_NOMEM;
  pe_free(aPair);
  pe_buf_free(&text);
  return rc;
}
