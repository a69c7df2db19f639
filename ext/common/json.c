/* json.c: reading JSON text in the cores (see json.h). */
#include <string.h>
#include "json.h"

void pe_json_space(PeJson *j){
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

int pe_json_string(PeJson *j, PeBuf *out){
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

int pe_json_scalar(PeJson *j, PeBuf *out){
  size_t s = j->i;
  if( j->n-s>=4 && memcmp(j->z+s, "null", 4)==0 ){ j->i += 4; return 2; }
  if( j->n-s>=4 && memcmp(j->z+s, "true", 4)==0 ){ j->i += 4; pe_buf_append(out, "true", 4); return 1; }
  if( j->n-s>=5 && memcmp(j->z+s, "false", 5)==0 ){ j->i += 5; pe_buf_append(out, "false", 5); return 1; }
  while( j->i<j->n && strchr("+-0123456789.eE", j->z[j->i]) && j->z[j->i] ) j->i++;
  if( j->i==s ) return 0;
  pe_buf_append(out, j->z+s, j->i-s);
  return 1;
}

/* Skip one value of any kind (nested arrays and objects counted, not
** recursed into): 0 if malformed. */
int pe_json_skip(PeJson *j){
  size_t depth = 0;
  PeBuf scratch;
  int ok = 1;
  pe_buf_init(&scratch);
  do{
    pe_json_space(j);
    if( j->i>=j->n ){ ok = 0; break; }
    switch( j->z[j->i] ){
      case '[': case '{': depth++; j->i++; break;
      case ']': case '}':
        if( depth==0 ){ ok = 0; break; }
        depth--; j->i++; break;
      case ',': case ':':
        if( depth==0 ){ ok = 0; break; }
        j->i++; break;
      case '"':
        pe_buf_reset(&scratch);
        if( !pe_json_string(j, &scratch) ) ok = 0;
        break;
      default:
        pe_buf_reset(&scratch);
        if( pe_json_scalar(j, &scratch)==0 ) ok = 0;
        break;
    }
  }while( ok && depth>0 );
  pe_buf_free(&scratch);
  return ok;
}

int pe_json_get(const char *z, size_t n, const char *zKey, PeBuf *out){
  PeJson j;
  PeBuf key;
  size_t nKey = strlen(zKey);
  int found = 0;
  j.z = z; j.n = n; j.i = 0;
  pe_buf_init(&key);
  pe_json_space(&j);
  if( j.i>=j.n || j.z[j.i]!='{' ) return -1;
  j.i++;
  pe_json_space(&j);
  if( j.i<j.n && j.z[j.i]=='}' ) return 0;
  for(;;){
    int match;
    pe_json_space(&j);
    pe_buf_reset(&key);
    if( j.i>=j.n || j.z[j.i]!='"' || !pe_json_string(&j, &key) ){ found = -1; break; }
    match = key.n==nKey && memcmp(key.z, zKey, nKey)==0;
    pe_json_space(&j);
    if( j.i>=j.n || j.z[j.i]!=':' ){ found = -1; break; }
    j.i++;
    pe_json_space(&j);
    if( match && j.i<j.n && j.z[j.i]=='"' ){
      found = pe_json_string(&j, out) ? 1 : -1;
      break;
    }
    if( match && j.i<j.n && j.z[j.i]!='[' && j.z[j.i]!='{' ){
      int r = pe_json_scalar(&j, out);
      found = r==0 ? -1 : r;
      break;
    }
    if( !pe_json_skip(&j) ){ found = -1; break; }
    if( match ){ found = 3; break; }
    pe_json_space(&j);
    if( j.i<j.n && j.z[j.i]==',' ){ j.i++; continue; }
    if( j.i<j.n && j.z[j.i]=='}' ) break;
    found = -1;
    break;
  }
  pe_buf_free(&key);
  if( out->oom ) return -2;
  return found;
}
