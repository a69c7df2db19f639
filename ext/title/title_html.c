/* title_html.c: see title_html.h. */
#include <string.h>
#include "common/strbuf.h"
#include "common/utf8.h"
#include "title_html.h"

typedef struct TitleEntity { const char *zName; unsigned cp; } TitleEntity;
#include "title_entities_generated.h"

#define MAX_ENTITY_NAME 8      /* the longest name of the table ('thetasym') */
#define MAX_TAG 256            /* a tag longer than this is not markup */

int pe_title_has_html(const char *z, size_t n){
  return memchr(z, '&', n)!=0 || memchr(z, '<', n)!=0;
}

static int is_alpha(char c){ return (c|0x20)>='a' && (c|0x20)<='z'; }
static int is_digit(char c){ return c>='0' && c<='9'; }
static int is_hex(char c){ return is_digit(c) || ((c|0x20)>='a' && (c|0x20)<='f'); }

static unsigned named_entity(const char *z, size_t n){
  int lo = 0, hi = (int)(sizeof(aTitleEntity)/sizeof(aTitleEntity[0]));
  while( lo<hi ){
    int mid = (lo+hi)/2;
    const char *e = aTitleEntity[mid].zName;
    int c = strncmp(e, z, n);
    if( c==0 && e[n]!=0 ) c = 1;
    if( c==0 ) return aTitleEntity[mid].cp;
    if( c<0 ) lo = mid+1; else hi = mid;
  }
  return 0;
}

/* The reference starting at z[0]=='&': its code point and length, or 0. */
static size_t reference(const char *z, size_t n, unsigned *pcp){
  size_t i = 1;
  unsigned long v = 0;
  if( i<n && z[i]=='#' ){
    int hex = 0, nDigit = 0;
    i++;
    if( i<n && (z[i]|0x20)=='x' ){ hex = 1; i++; }
    for(; i<n && (hex ? is_hex(z[i]) : is_digit(z[i])); i++, nDigit++){
      if( v>0x10FFFF ) continue;                   /* too big: keep reading, reject */
      v = v*(hex ? 16 : 10) + (unsigned long)(is_digit(z[i]) ? z[i]-'0' : (z[i]|0x20)-'a'+10);
    }
    if( nDigit==0 || i>=n || z[i]!=';' ) return 0;
    if( v==0 || v>0x10FFFF || (v>=0xD800 && v<=0xDFFF) ) return 0;
    *pcp = (unsigned)v;
    return i+1;
  }
  while( i<n && i<=MAX_ENTITY_NAME && (is_alpha(z[i]) || is_digit(z[i])) ) i++;
  if( i==1 || i>=n || z[i]!=';' ) return 0;
  *pcp = named_entity(z+1, i-1);
  return *pcp ? i+1 : 0;
}

/* Is z[0..n) (lower-cased by the caller's compare) an inline tag name? */
static int inline_tag(const char *z, size_t n, int *pBreak){
  static const char *const az[] = {
    "b", "em", "font", "i", "scp", "small", "span", "strong", "sub", "sup", "tt", "u",
  };
  char low[16];
  size_t k;
  *pBreak = 0;
  if( (n>4 && strncmp(z, "mml:", 4)==0) || (n>5 && strncmp(z, "jats:", 5)==0) ) return 1;
  if( n>=sizeof(low) ) return 0;
  for(k=0; k<n; k++) low[k] = (char)(z[k] | (is_alpha(z[k]) ? 0x20 : 0));
  low[n] = 0;
  if( strcmp(low, "br")==0 || strcmp(low, "p")==0 ){ *pBreak = 1; return 1; }
  for(k=0; k<sizeof(az)/sizeof(az[0]); k++) if( strcmp(low, az[k])==0 ) return 1;
  return 0;
}

/* The tag starting at z[0]=='<': its length, or 0 when it is not one. */
static size_t tag(const char *z, size_t n, int *pBreak){
  size_t i = 1, s;
  if( i<n && z[i]=='/' ) i++;
  s = i;
  while( i<n && (is_alpha(z[i]) || is_digit(z[i]) || z[i]==':' || z[i]=='-') ) i++;
  if( i==s || !is_alpha(z[s]) || !inline_tag(z+s, i-s, pBreak) ) return 0;
  if( i<n && z[i]!='>' && z[i]!='/' && z[i]!=' ' && z[i]!='\t' && z[i]!='\n' ) return 0;
  for(; i<n && i<MAX_TAG; i++){
    if( z[i]=='>' ) return i+1;
    if( z[i]=='<' ) return 0;
  }
  return 0;
}

int pe_title_html_decode(PeBuf *out, const char *z, size_t n){
  size_t i = 0, start = 0;
  while( i<n ){
    size_t len = 0;
    unsigned cp = 0;
    int brk = 0;
    if( z[i]=='&' ) len = reference(z+i, n-i, &cp);
    else if( z[i]=='<' ) len = tag(z+i, n-i, &brk);
    if( len==0 ){ i++; continue; }
    pe_buf_append(out, z+start, i-start);
    if( cp ) pe_buf_append_utf8(out, cp);
    else if( brk ) pe_buf_appendc(out, ' ');
    i += len;
    start = i;
  }
  pe_buf_append(out, z+start, n-start);
  return out->oom ? PE_NOMEM : PE_OK;
}
