/* risformat.c: see risformat.h. */
#include <string.h>
#include "risformat.h"
#include "common/pejson.h"

static int error(PeBuf *pErr, const char *zMsg, const char *z, size_t n){
  pe_buf_reset(pErr);
  pe_buf_appendf(pErr, "ris_format: %s", zMsg);
  if( z ){
    pe_buf_append(pErr, " '", 2);
    pe_buf_append(pErr, z, n>60 ? 60 : n);
    pe_buf_append(pErr, n>60 ? "...'" : "'", n>60 ? 4 : 1);
  }
  return pErr->oom ? PE_NOMEM : PE_ERROR;
}

static int is_tag(const char *z, size_t n){
  return n==2 && z[0]>='A' && z[0]<='Z' && ((z[1]>='A' && z[1]<='Z') || (z[1]>='0' && z[1]<='9'));
}

/* Would the line z[0..n) read as a tag line ('XX  - ', 'XX - ')? */
static int looks_like_tag(const char *z, size_t n){
  size_t k = 2;
  while( n && (z[n-1]==' ' || z[n-1]=='\r') ) n--;
  if( n<3 || !is_tag(z, 2) ) return 0;
  if( z[2]!=' ' ) return 0;
  k = 3;
  if( k<n && z[k]==' ' ) k++;
  return k<n && z[k]=='-' && (k+1==n || z[k+1]==' ');
}

/* One value: 'XX  - ' and its lines. */
static int put_value(PeBuf *out, PeBuf *pErr, const char *zTag, const char *z, size_t n){
  size_t i = 0;
  int bFirst = 1;
  pe_buf_append(out, zTag, 2);
  pe_buf_append(out, "  - ", 4);
  while( bFirst || i<n ){
    const char *nl = memchr(z+i, '\n', n-i);
    size_t e = nl ? (size_t)(nl-z) : n, m = e;
    while( m>i && (z[m-1]=='\r' || z[m-1]==' ' || z[m-1]=='\t') ) m--;
    if( !bFirst && looks_like_tag(z+i, m-i) ){
      char zMsg[80];
      memcpy(zMsg, "a line of the value of ", 23);
      memcpy(zMsg+23, zTag, 2);
      memcpy(zMsg+25, " would read as a tag line:", 27);
      return error(pErr, zMsg, z+i, m-i);
    }
    /* a continuation line may not start with white space (it is trimmed) */
    if( !bFirst ){
      size_t s = i;
      while( s<m && (z[s]==' ' || z[s]=='\t') ) s++;
      if( s>i ) return error(pErr, "a continuation line cannot start with white space (it would be lost): field", zTag, 2);
    }
    pe_buf_append(out, z+i, m-i);
    pe_buf_append(out, "\r\n", 2);
    bFirst = 0;
    if( !nl ) break;
    i = e+1;
  }
  return out->oom ? PE_NOMEM : PE_OK;
}

int ris_format(PeBuf *out, PeBuf *pErr, const char *zType, size_t nType,
               const char *zJson, size_t nJson){
  PeJson j;
  PeBuf v;
  size_t k, at = out->n, e;
  int rc, i, m;
  for(k=0; k<nType; k++){
    char c = zType[k];
    if( !((c>='A' && c<='Z') || (c>='0' && c<='9')) ) break;
  }
  if( nType==0 || k<nType ) return error(pErr, "not a RIS type (JOUR, CONF, BOOK, ...):", zType, nType);
  pe_json_init(&j);
  pe_buf_init(&v);
  rc = pe_json_parse(&j, zJson, nJson, 0, &e);
  if( rc==PE_ERROR || (rc==PE_OK && pe_json_space(zJson, nJson, e)<nJson) ){
    rc = error(pErr, "malformed JSON", 0, 0);
    goto done;
  }
  if( rc!=PE_OK ) goto done;
  if( j.aNode[0].eType!=PE_JSON_OBJECT ){ rc = error(pErr, "fields must be a JSON object", 0, 0); goto done; }
  pe_buf_append(out, "TY  - ", 6);
  pe_buf_append(out, zType, nType);
  pe_buf_append(out, "\r\n", 2);
  for(i=1, m=0; m<j.aNode[0].nChild; m+=2){
    int iKey = i, iVal = i+1, n, q;
    const PeJsonNode *pv = &j.aNode[iVal];
    pe_buf_reset(&v);
    if( (rc = pe_json_text(&j, iKey, &v))!=PE_OK ) goto done;
    i = pv->iNext;
    if( !is_tag(v.z ? v.z : "", v.n) || (v.z[0]=='T' && v.z[1]=='Y') || (v.z[0]=='E' && v.z[1]=='R') ){
      rc = error(pErr, "not a RIS tag (two characters: a capital, then a capital or a digit; not TY, ER):", v.z, v.n);
      goto done;
    }
    {
      char zTag[2];
      zTag[0] = v.z[0]; zTag[1] = v.z[1];
      if( pv->eType==PE_JSON_NULL ) continue;
      if( pv->eType==PE_JSON_OBJECT ){
        rc = error(pErr, "a value must be a string, a number or an array of them: tag", zTag, 2);
        goto done;
      }
      if( pv->eType!=PE_JSON_ARRAY ){
        pe_buf_reset(&v);
        if( (rc = pe_json_text(&j, iVal, &v))!=PE_OK ) goto done;
        if( (rc = put_value(out, pErr, zTag, v.z ? v.z : "", v.n))!=PE_OK ) goto done;
        continue;
      }
      for(n=iVal+1, q=0; q<pv->nChild; q++, n=j.aNode[n].iNext){
        if( j.aNode[n].eType==PE_JSON_NULL ) continue;
        if( j.aNode[n].eType==PE_JSON_ARRAY || j.aNode[n].eType==PE_JSON_OBJECT ){
          rc = error(pErr, "a value must be a string, a number or an array of them: tag", zTag, 2);
          goto done;
        }
        pe_buf_reset(&v);
        if( (rc = pe_json_text(&j, n, &v))!=PE_OK ) goto done;
        if( (rc = put_value(out, pErr, zTag, v.z ? v.z : "", v.n))!=PE_OK ) goto done;
      }
    }
  }
  pe_buf_append(out, "ER  - \r\n", 8);
  rc = out->oom ? PE_NOMEM : PE_OK;
done:
  if( rc!=PE_OK ){ out->n = at; if( out->z ) out->z[at] = 0; }
  if( v.oom && rc==PE_OK ) rc = PE_NOMEM;
  pe_json_free(&j);
  pe_buf_free(&v);
  return rc;
}
