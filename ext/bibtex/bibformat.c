/* bibformat.c: see bibformat.h. */
#include <string.h>
#include "bibformat.h"
#include "bibtex.h"
#include "common/pe_mem.h"
#include "common/pejson.h"
#include "common/utf8.h"

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
  PeJson j;
  PeBuf text;                 /* the decoded names and values */
  Pair *aPair = 0;
  size_t nPair = 0, nAlloc = 0, width = 0, k;
  int rc = PE_OK;
  if( !is_name(zType, nType) ) return error(pErr, "not a valid entry type", zType, nType);
  if( !is_key(zKey, nKey) ) return error(pErr, "a key cannot hold a comma, '}' or white space:", zKey, nKey);
  pe_buf_init(&text);
  pe_json_init(&j);
  {
    size_t iEnd;
    int iNode;
    int r = pe_json_parse(&j, zJson, nJson, 0, &iEnd);
    if( r==PE_NOMEM ){ rc = PE_NOMEM; goto done; }
    if( r==PE_OK && j.aNode[0].eType!=PE_JSON_OBJECT ){
      rc = error(pErr, "fields must be a JSON object", 0, 0);
      goto done;
    }
    if( r!=PE_OK ){ rc = error(pErr, "malformed JSON object", 0, 0); goto done; }
    if( pe_json_space(zJson, nJson, iEnd)<nJson ){ rc = error(pErr, "text after the JSON object", 0, 0); goto done; }
    /* the members: a key node, then its value's subtree */
    for(iNode=1; iNode<j.aNode[0].iNext; iNode = j.aNode[iNode+1].iNext){
      int iVal = iNode+1, eType = j.aNode[iVal].eType;
      Pair p;
      p.iName = text.n;
      pe_json_text(&j, iNode, &text);
      p.nName = text.n-p.iName;
      if( text.oom ){ rc = PE_NOMEM; goto done; }
      if( eType==PE_JSON_ARRAY || eType==PE_JSON_OBJECT ){
        rc = error(pErr, "a field value must be a string or a number: field", text.z+p.iName, p.nName);
        goto done;
      }
      if( eType==PE_JSON_NULL ) continue;            /* a null field is no field */
      p.iVal = text.n;
      pe_json_text(&j, iVal, &text);
      p.nVal = text.n-p.iVal;
      if( text.oom ){ rc = PE_NOMEM; goto done; }
      if( nPair==nAlloc ){
        Pair *a = pe_realloc(aPair, (nAlloc = nAlloc ? nAlloc*2 : 16)*sizeof(Pair));
        if( a==0 ){ rc = PE_NOMEM; goto done; }
        aPair = a;
      }
      aPair[nPair++] = p;
    }
  }
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
  pe_json_free(&j);
  return rc;
}
