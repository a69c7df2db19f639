/* pejson.c: see pejson.h. */
#include <string.h>
#include "pejson.h"
#include "pe_mem.h"

void pe_json_init(PeJson *j){ memset(j, 0, sizeof(*j)); }
void pe_json_free(PeJson *j){ pe_free(j->aNode); memset(j, 0, sizeof(*j)); }

size_t pe_json_space(const char *z, size_t n, size_t i){
  while( i<n && (z[i]==' ' || z[i]=='\t' || z[i]=='\n' || z[i]=='\r') ) i++;
  return i;
}

typedef struct P { PeJson *j; const char *z; size_t n, i; } P;

static int fail(P *p, const char *zErr){
  p->j->iErr = p->i;
  p->j->zErr = zErr;
  return PE_ERROR;
}

static int new_node(P *p, int eType){
  PeJson *j = p->j;
  if( j->nNode==j->nAlloc ){
    int nNew = j->nAlloc ? j->nAlloc*2 : 64;
    PeJsonNode *a = pe_realloc(j->aNode, (size_t)nNew*sizeof(PeJsonNode));
    if( a==0 ) return -1;
    j->aNode = a;
    j->nAlloc = nNew;
  }
  memset(&j->aNode[j->nNode], 0, sizeof(PeJsonNode));
  j->aNode[j->nNode].eType = (unsigned char)eType;
  j->aNode[j->nNode].iStart = p->i;
  return j->nNode++;
}

static int is_hex(char c){ return (c>='0' && c<='9') || ((c|0x20)>='a' && (c|0x20)<='f'); }

static int string(P *p){
  size_t i = p->i+1;
  while( i<p->n ){
    unsigned char c = (unsigned char)p->z[i];
    if( c=='"' ){ p->i = i+1; return PE_OK; }
    if( c<0x20 ){ p->i = i; return fail(p, "a control character inside a string (write \\n, \\t)"); }
    if( c=='\\' ){
      char e = i+1<p->n ? p->z[i+1] : 0;
      if( e=='u' ){
        if( i+6>p->n || !is_hex(p->z[i+2]) || !is_hex(p->z[i+3]) || !is_hex(p->z[i+4]) || !is_hex(p->z[i+5]) ){
          p->i = i; return fail(p, "a \\u escape needs four hex digits");
        }
        i += 6;
        continue;
      }
      if( e==0 || !strchr("\"\\/bfnrt", e) ){ p->i = i; return fail(p, "an unknown escape in a string"); }
      i += 2;
      continue;
    }
    i++;
  }
  return fail(p, "a string not closed (no '\"' before the end)");
}

static int number(P *p){
  size_t i = p->i;
  const char *z = p->z;
  if( i<p->n && z[i]=='-' ) i++;
  if( i<p->n && z[i]=='0' ) i++;
  else if( i<p->n && z[i]>='1' && z[i]<='9' ) while( i<p->n && z[i]>='0' && z[i]<='9' ) i++;
  else return fail(p, "expected a value");
  if( i<p->n && z[i]=='.' ){
    i++;
    if( i>=p->n || z[i]<'0' || z[i]>'9' ){ p->i = i; return fail(p, "a digit must follow '.'"); }
    while( i<p->n && z[i]>='0' && z[i]<='9' ) i++;
  }
  if( i<p->n && (z[i]=='e' || z[i]=='E') ){
    i++;
    if( i<p->n && (z[i]=='+' || z[i]=='-') ) i++;
    if( i>=p->n || z[i]<'0' || z[i]>'9' ){ p->i = i; return fail(p, "a digit must follow the exponent"); }
    while( i<p->n && z[i]>='0' && z[i]<='9' ) i++;
  }
  p->i = i;
  return PE_OK;
}

static int value(P *p, int depth);

static int container(P *p, int depth, int iNode, char close){
  int bObject = close=='}';
  p->i++;
  p->i = pe_json_space(p->z, p->n, p->i);
  if( p->i<p->n && p->z[p->i]==close ){ p->i++; return PE_OK; }
  for(;;){
    int rc;
    p->i = pe_json_space(p->z, p->n, p->i);
    if( bObject ){
      int k;
      if( p->i>=p->n || p->z[p->i]!='"' ) return fail(p, "expected a member name in quotes");
      if( (k = new_node(p, PE_JSON_STRING))<0 ) return PE_NOMEM;
      if( (rc = string(p))!=PE_OK ) return rc;
      p->j->aNode[k].iEnd = p->i;
      p->j->aNode[k].iNext = k+1;
      p->j->aNode[iNode].nChild++;
      p->i = pe_json_space(p->z, p->n, p->i);
      if( p->i>=p->n || p->z[p->i]!=':' ) return fail(p, "expected ':' after the member name");
      p->i = pe_json_space(p->z, p->n, p->i+1);
    }
    if( (rc = value(p, depth+1))!=PE_OK ) return rc;
    p->j->aNode[iNode].nChild++;
    p->i = pe_json_space(p->z, p->n, p->i);
    if( p->i<p->n && p->z[p->i]==',' ){ p->i++; continue; }
    if( p->i<p->n && p->z[p->i]==close ){ p->i++; return PE_OK; }
    return fail(p, bObject ? "expected ',' or '}' after the member" : "expected ',' or ']' after the element");
  }
}

static int value(P *p, int depth){
  int k, rc = PE_OK;
  char c;
  p->i = pe_json_space(p->z, p->n, p->i);
  if( p->i>=p->n ) return fail(p, "expected a value, found the end of the text");
  if( depth>PE_JSON_MAX_DEPTH ) return fail(p, "nested too deeply");
  c = p->z[p->i];
  k = new_node(p, c=='{' ? PE_JSON_OBJECT : c=='[' ? PE_JSON_ARRAY : c=='"' ? PE_JSON_STRING
              : c=='t' ? PE_JSON_TRUE : c=='f' ? PE_JSON_FALSE : c=='n' ? PE_JSON_NULL : PE_JSON_NUMBER);
  if( k<0 ) return PE_NOMEM;
  if( c=='{' || c=='[' ) rc = container(p, depth, k, c=='{' ? '}' : ']');
  else if( c=='"' ) rc = string(p);
  else if( c=='t' || c=='f' || c=='n' ){
    const char *zWord = c=='t' ? "true" : c=='f' ? "false" : "null";
    size_t m = strlen(zWord);
    if( p->n-p->i<m || memcmp(p->z+p->i, zWord, m)!=0 ) return fail(p, "expected a value");
    p->i += m;
  }
  else rc = number(p);
  if( rc!=PE_OK ) return rc;
  p->j->aNode[k].iEnd = p->i;
  p->j->aNode[k].iNext = p->j->nNode;
  return PE_OK;
}

int pe_json_parse(PeJson *j, const char *z, size_t n, size_t i, size_t *piEnd){
  P p;
  int rc;
  p.j = j; p.z = z; p.n = n; p.i = i;
  j->z = z;
  j->nNode = 0;
  j->zErr = 0;
  rc = value(&p, 0);
  if( piEnd ) *piEnd = p.i;
  return rc;
}

int pe_json_eq(const PeJson *j, int iNode, const char *zKey){
  const PeJsonNode *k = &j->aNode[iNode];
  size_t m = strlen(zKey);
  if( k->eType!=PE_JSON_STRING ) return 0;
  if( k->iEnd-k->iStart==m+2 && memcmp(j->z+k->iStart+1, zKey, m)==0 ) return 1;
  if( memchr(j->z+k->iStart, '\\', k->iEnd-k->iStart) ){
    PeBuf b;
    int r;
    pe_buf_init(&b);
    r = pe_json_text(j, iNode, &b)==PE_OK && b.n==m && memcmp(b.z ? b.z : "", zKey, m)==0;
    pe_buf_free(&b);
    return r;
  }
  return 0;
}

int pe_json_member(const PeJson *j, int iObj, const char *zKey){
  int i, k;
  if( iObj<0 || j->aNode[iObj].eType!=PE_JSON_OBJECT ) return -1;
  i = iObj+1;
  for(k=0; k<j->aNode[iObj].nChild; k+=2){
    int v = i+1;
    if( pe_json_eq(j, i, zKey) ) return v;
    i = j->aNode[v].iNext;
  }
  return -1;
}

static unsigned hex4(const char *z){
  unsigned u = 0;
  int k;
  for(k=0; k<4; k++){
    char c = z[k];
    u = u*16 + (unsigned)(c<='9' ? c-'0' : (c|0x20)-'a'+10);
  }
  return u;
}

int pe_json_text(const PeJson *j, int iNode, PeBuf *out){
  const PeJsonNode *k = &j->aNode[iNode];
  const char *z = j->z;
  size_t i, e;
  if( k->eType==PE_JSON_NULL ) return PE_OK;
  if( k->eType==PE_JSON_ARRAY || k->eType==PE_JSON_OBJECT ) return PE_ERROR;
  if( k->eType!=PE_JSON_STRING ){
    pe_buf_append(out, z+k->iStart, k->iEnd-k->iStart);
    return out->oom ? PE_NOMEM : PE_OK;
  }
  i = k->iStart+1;
  e = k->iEnd-1;
  while( i<e ){
    size_t s = i;
    while( i<e && z[i]!='\\' ) i++;
    pe_buf_append(out, z+s, i-s);
    if( i>=e ) break;
    switch( z[i+1] ){
      case 'b': pe_buf_appendc(out, '\b'); break;
      case 'f': pe_buf_appendc(out, '\f'); break;
      case 'n': pe_buf_appendc(out, '\n'); break;
      case 'r': pe_buf_appendc(out, '\r'); break;
      case 't': pe_buf_appendc(out, '\t'); break;
      case 'u': {
        unsigned u = hex4(z+i+2);
        i += 6;
        if( u>=0xD800 && u<=0xDBFF && i+6<=e && z[i]=='\\' && z[i+1]=='u' ){
          unsigned lo = hex4(z+i+2);
          if( lo>=0xDC00 && lo<=0xDFFF ){ u = 0x10000 + ((u-0xD800)<<10) + (lo-0xDC00); i += 6; }
        }
        pe_buf_append_utf8(out, u);
        continue;
      }
      default: pe_buf_appendc(out, z[i+1]); break;
    }
    i += 2;
  }
  return out->oom ? PE_NOMEM : PE_OK;
}

int pe_json_compact(const PeJson *j, int iNode, PeBuf *out){
  const PeJsonNode *k = &j->aNode[iNode];
  if( k->eType==PE_JSON_ARRAY || k->eType==PE_JSON_OBJECT ){
    int c = iNode+1, q;
    int bObject = k->eType==PE_JSON_OBJECT;
    pe_buf_appendc(out, bObject ? '{' : '[');
    for(q=0; q<k->nChild; q++, c=j->aNode[c].iNext){
      if( q ) pe_buf_appendc(out, bObject && (q&1) ? ':' : ',');
      if( pe_json_compact(j, c, out)!=PE_OK ) return PE_NOMEM;
    }
    pe_buf_appendc(out, bObject ? '}' : ']');
  }else{
    pe_buf_append(out, j->z+k->iStart, k->iEnd-k->iStart);
  }
  return out->oom ? PE_NOMEM : PE_OK;
}
