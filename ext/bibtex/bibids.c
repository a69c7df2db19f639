/* bibids.c: see bibids.h. */
#include <string.h>
#include "bibids.h"
#include "bibscan.h"

static int lower(int c){ return (c>='A' && c<='Z') ? c+32 : c; }
static int is_digit(char c){ return c>='0' && c<='9'; }

/* Case-insensitive search for zNeedle (lowercase) in z[0..n). */
static const char *find_ci(const char *z, size_t n, const char *zNeedle){
  size_t m = strlen(zNeedle), i, k;
  char c0 = zNeedle[0], c1 = (c0>='a' && c0<='z') ? (char)(c0-32) : c0;
  if( m==0 || m>n ) return m==0 ? z : 0;
  /* candidates: the first character in either case, 16 bytes at a time */
  for(i=0; (i = bibscan_find3(z, i, n-m+1, c0, c1, c1))<n-m+1; i++){
    for(k=1; k<m && lower((unsigned char)z[i+k])==zNeedle[k]; k++){}
    if( k==m ) return z+i;
  }
  return 0;
}

void bib_unescape(PeBuf *out, const char *z, size_t n){
  size_t i;
  for(i=0; i<n; i++){
    char c = z[i];
    if( c=='{' || c=='}' ) continue;
    if( c=='\\' && i+1<n && strchr("_%&#~$", z[i+1]) ){ c = z[++i]; }
    pe_buf_appendc(out, c);
  }
}

/* Trim white space of the cleaned text appended at out->z[at..]. */
static void trim_from(PeBuf *out, size_t at){
  size_t a = at;
  if( out->oom ) return;
  while( a<out->n && (out->z[a]==' ' || out->z[a]=='\t') ) a++;
  if( a>at ){ memmove(out->z+at, out->z+a, out->n-a); out->n -= a-at; }
  while( out->n>at && (out->z[out->n-1]==' ' || out->z[out->n-1]=='\t') ) out->n--;
  out->z[out->n] = 0;
}

/* Remove a prefix (case-insensitive) from the text at out->z[at..]. */
static int drop_prefix(PeBuf *out, size_t at, const char *zPrefix){
  size_t m = strlen(zPrefix), k;
  if( out->oom || out->n-at<m ) return 0;
  for(k=0; k<m; k++) if( lower((unsigned char)out->z[at+k])!=zPrefix[k] ) return 0;
  memmove(out->z+at, out->z+at+m, out->n-at-m);
  out->n -= m;
  out->z[out->n] = 0;
  return 1;
}

static const char *const azDoiPrefix[] = {
  "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:",
};

int bib_entry_doi(const BibEntry *e, PeBuf *out){
  BibText t = bib_field(e, "doi", 0);
  size_t at = out->n, k;
  if( t.z && t.n ){
    bib_unescape(out, t.z, t.n);
    trim_from(out, at);
    for(k=0; k<sizeof(azDoiPrefix)/sizeof(azDoiPrefix[0]); k++){
      if( drop_prefix(out, at, azDoiPrefix[k]) ) break;
    }
    trim_from(out, at);
    if( out->n>at ) return 1;
  }
  t = bib_field(e, "url", 0);
  if( t.z ){
    const char *p = find_ci(t.z, t.n, "doi.org/10.");
    if( p ){
      p += 8;
      bib_unescape(out, p, t.n-(size_t)(p-t.z));
      trim_from(out, at);
      return out->n>at;
    }
  }
  return 0;
}

/* Append the arXiv identifier that starts at z[0..n), without version;
** 0 if there is none. */
static int arxiv_id(PeBuf *out, const char *z, size_t n){
  size_t i = 0, s;
  while( i<n && (z[i]==' ' || z[i]=='{') ) i++;
  s = i;
  /* new style: 0704.0001 .. 2401.12345 */
  if( n-i>=9 && is_digit(z[i]) && is_digit(z[i+1]) && is_digit(z[i+2]) && is_digit(z[i+3]) && z[i+4]=='.' ){
    i += 5;
    while( i<n && is_digit(z[i]) ) i++;
    if( i-s<9 || i-s>10 ) return 0;
    pe_buf_append(out, z+s, i-s);
    return 1;
  }
  /* old style: archive(.subject)/YYMMNNN */
  while( i<n && ((z[i]>='a' && z[i]<='z') || z[i]=='-' || z[i]=='.' || (z[i]>='A' && z[i]<='Z')) ) i++;
  if( i>s && i<n && z[i]=='/' && n-i>7 ){
    size_t k;
    for(k=1; k<=7; k++) if( !is_digit(z[i+k]) ) return 0;
    pe_buf_append(out, z+s, i+8-s);
    return 1;
  }
  return 0;
}

int bib_entry_arxiv(const BibEntry *e, PeBuf *out){
  static const char *const azText[] = { "journal", "note", "volume", "howpublished", "journaltitle" };
  BibText t = bib_field(e, "eprint", 0), p;
  size_t k;
  if( t.z ){
    BibText a = bib_field(e, "archiveprefix", 0), b = bib_field(e, "eprinttype", 0);
    const char *zPre = find_ci(t.z, t.n, "arxiv:");
    if( zPre && arxiv_id(out, zPre+6, t.n-(size_t)(zPre+6-t.z)) ) return 1;
    if( (a.z && find_ci(a.z, a.n, "arxiv")) || (b.z && find_ci(b.z, b.n, "arxiv"))
     || (!a.z && !b.z) ){
      if( arxiv_id(out, t.z, t.n) ) return 1;
    }
  }
  t = bib_field(e, "url", 0);
  if( t.z ){
    const char *z = find_ci(t.z, t.n, "arxiv.org/abs/");
    if( !z ) z = find_ci(t.z, t.n, "arxiv.org/pdf/");
    if( z && arxiv_id(out, z+14, t.n-(size_t)(z+14-t.z)) ) return 1;
  }
  t = bib_field(e, "doi", 0);
  if( t.z ){
    const char *z = find_ci(t.z, t.n, "10.48550/arxiv.");
    if( z && arxiv_id(out, z+15, t.n-(size_t)(z+15-t.z)) ) return 1;
  }
  for(k=0; k<sizeof(azText)/sizeof(azText[0]); k++){
    p = bib_field(e, azText[k], 0);
    if( p.z ){
      const char *z = find_ci(p.z, p.n, "arxiv:");
      if( z && arxiv_id(out, z+6, p.n-(size_t)(z+6-p.z)) ) return 1;
    }
  }
  return 0;
}

int bib_entry_url(const BibEntry *e, PeBuf *out){
  BibText t = bib_field(e, "url", 0);
  size_t at = out->n;
  if( t.z==0 ) return 0;
  if( t.n>5 && memcmp(t.z, "\\url{", 5)==0 && t.z[t.n-1]=='}' ){ t.z += 5; t.n -= 6; }
  bib_unescape(out, t.z, t.n);
  trim_from(out, at);
  return out->n>at;
}
