/* cslfields.c: see cslfields.h. */
#include <string.h>
#include "cslfields.h"
#include "ident/ident.h"

static int done(PeBuf *out){ return out->oom ? -1 : 1; }

int csl_string(const PeJson *j, const char *zKey, PeBuf *out){
  int v = pe_json_member(j, 0, zKey);
  size_t at = out->n;
  if( v<0 ) return 0;
  if( j->aNode[v].eType!=PE_JSON_STRING && j->aNode[v].eType!=PE_JSON_NUMBER ) return 0;
  if( pe_json_text(j, v, out)!=PE_OK ) return -1;
  return out->n>at ? 1 : 0;
}

/* Does a name part need braces to stay one part in BibTeX? (' and ', ',') */
static int needs_braces(const char *z, size_t n){
  size_t i;
  if( memchr(z, ',', n) ) return 1;
  for(i=0; i+5<=n; i++){
    if( z[i]==' ' && (z[i+1]|0x20)=='a' && (z[i+2]|0x20)=='n' && (z[i+3]|0x20)=='d' && z[i+4]==' ' ) return 1;
  }
  return 0;
}

static int part(const PeJson *j, int iName, const char *zKey, PeBuf *b){
  int v = pe_json_member(j, iName, zKey);
  pe_buf_reset(b);
  if( v<0 ) return 0;
  if( pe_json_text(j, v, b)!=PE_OK ) return -1;
  return b->n>0;
}

int csl_name_bibtex(const PeJson *j, int iName, PeBuf *out){
  PeBuf fam, giv, ndp, dp, suf, lit;
  int r = 0;
  pe_buf_init(&fam); pe_buf_init(&giv); pe_buf_init(&ndp);
  pe_buf_init(&dp); pe_buf_init(&suf); pe_buf_init(&lit);
  if( j->aNode[iName].eType!=PE_JSON_OBJECT ) goto end;
  if( part(j, iName, "literal", &lit)==1 || (part(j, iName, "family", &fam)!=1 && part(j, iName, "given", &lit)==1) ){
    pe_buf_appendc(out, '{');
    pe_buf_append(out, lit.z, lit.n);
    pe_buf_appendc(out, '}');
    r = 1;
    goto end;
  }
  if( part(j, iName, "family", &fam)!=1 ) goto end;
  part(j, iName, "given", &giv);
  part(j, iName, "non-dropping-particle", &ndp);
  part(j, iName, "dropping-particle", &dp);
  part(j, iName, "suffix", &suf);
  if( ndp.n ){ pe_buf_append(out, ndp.z, ndp.n); pe_buf_appendc(out, ' '); }
  if( dp.n ){ pe_buf_append(out, dp.z, dp.n); pe_buf_appendc(out, ' '); }
  if( needs_braces(fam.z, fam.n) ){
    pe_buf_appendc(out, '{'); pe_buf_append(out, fam.z, fam.n); pe_buf_appendc(out, '}');
  }else{
    pe_buf_append(out, fam.z, fam.n);
  }
  if( suf.n ){ pe_buf_append(out, ", ", 2); pe_buf_append(out, suf.z, suf.n); }
  if( giv.n || suf.n ){
    pe_buf_append(out, ", ", 2);
    if( needs_braces(giv.z ? giv.z : "", giv.n) ){
      pe_buf_appendc(out, '{'); pe_buf_append(out, giv.z, giv.n); pe_buf_appendc(out, '}');
    }else{
      pe_buf_append(out, giv.z, giv.n);
    }
  }
  r = 1;
end:
  if( fam.oom || giv.oom || ndp.oom || dp.oom || suf.oom || lit.oom ) r = -1;
  pe_buf_free(&fam); pe_buf_free(&giv); pe_buf_free(&ndp);
  pe_buf_free(&dp); pe_buf_free(&suf); pe_buf_free(&lit);
  return r<0 ? -1 : r ? done(out) : 0;
}

int csl_names(const PeJson *j, const char *zKey, PeBuf *out){
  int v = pe_json_member(j, 0, zKey), c, q, nOut = 0;
  if( v<0 || j->aNode[v].eType!=PE_JSON_ARRAY ) return 0;
  for(c=v+1, q=0; q<j->aNode[v].nChild; q++, c=j->aNode[c].iNext){
    size_t at = out->n;
    int r;
    if( nOut ) pe_buf_append(out, " and ", 5);
    r = csl_name_bibtex(j, c, out);
    if( r<0 ) return -1;
    if( r==0 ){ out->n = at; if( out->z ) out->z[at] = 0; continue; }
    nOut++;
  }
  return nOut ? done(out) : 0;
}

/* A date-part (a number or a digit string) as an integer, or -1. */
static long date_part(const PeJson *j, int k){
  const PeJsonNode *p = &j->aNode[k];
  size_t i = p->iStart, e = p->iEnd;
  long v = 0;
  int nDigit = 0;
  if( p->eType==PE_JSON_STRING ){ i++; e--; }
  else if( p->eType!=PE_JSON_NUMBER ) return -1;
  for(; i<e; i++){
    char c = j->z[i];
    if( c<'0' || c>'9' ){
      if( p->eType==PE_JSON_NUMBER && c=='.' ) break;   /* 2020.0 */
      return -1;
    }
    if( ++nDigit>6 ) return -1;
    v = v*10 + (c-'0');
  }
  return nDigit ? v : -1;
}

/* 'YYYY[-MM[-DD]]' at the start of z (EDTF, ISO), or its first year: parts in a[]. */
static int iso_parts(const char *z, size_t n, long a[3]){
  size_t i = 0;
  int k = 0;
  while( i<n && (z[i]==' ' || z[i]=='\t') ) i++;
  while( k<3 && i<n && z[i]>='0' && z[i]<='9' ){
    size_t s = i;
    long v = 0;
    while( i<n && z[i]>='0' && z[i]<='9' ){ v = v*10 + (z[i]-'0'); i++; }
    if( (k==0 && i-s!=4) || (k>0 && i-s>2) ) break;
    a[k++] = v;
    if( i<n && (z[i]=='-' || z[i]=='/') ) i++;
    else break;
  }
  if( k ) return k;
  /* a year somewhere: 'Spring 2020', 'June 12, 2020' */
  for(i=0; i+4<=n; i++){
    if( z[i]>='0' && z[i]<='9' && (i==0 || z[i-1]<'0' || z[i-1]>'9') ){
      size_t e = i;
      while( e<n && z[e]>='0' && z[e]<='9' ) e++;
      if( e-i==4 ){ a[0] = (z[i]-'0')*1000L + (z[i+1]-'0')*100 + (z[i+2]-'0')*10 + (z[i+3]-'0'); return 1; }
      i = e;
    }
  }
  return 0;
}

/* The date's parts: 1..3, 0 when none; *piLiteral the literal node or -1. */
static int date_of(const PeJson *j, const char *zKey, long a[3], int *piLiteral){
  int v = pe_json_member(j, 0, zKey), dp, k = 0;
  *piLiteral = -1;
  if( v<0 ) return 0;
  if( j->aNode[v].eType==PE_JSON_STRING || j->aNode[v].eType==PE_JSON_NUMBER ){
    size_t s = j->aNode[v].iStart + (j->aNode[v].eType==PE_JSON_STRING);
    size_t e = j->aNode[v].iEnd - (j->aNode[v].eType==PE_JSON_STRING);
    return iso_parts(j->z+s, e-s, a);
  }
  if( j->aNode[v].eType!=PE_JSON_OBJECT ) return 0;
  if( (dp = pe_json_member(j, v, "date-parts"))>=0 && j->aNode[dp].eType==PE_JSON_ARRAY
   && j->aNode[dp].nChild>0 && j->aNode[dp+1].eType==PE_JSON_ARRAY ){
    int c = dp+2, q;
    for(q=0; q<j->aNode[dp+1].nChild && k<3; q++, c=j->aNode[c].iNext){
      long x = date_part(j, c);
      if( x<0 ) break;
      a[k++] = x;
    }
    if( k && a[0]>0 ) return k;
    k = 0;
  }
  if( (dp = pe_json_member(j, v, "raw"))>=0 && j->aNode[dp].eType==PE_JSON_STRING ){
    k = iso_parts(j->z+j->aNode[dp].iStart+1, j->aNode[dp].iEnd-j->aNode[dp].iStart-2, a);
    if( k ) return k;
  }
  if( (dp = pe_json_member(j, v, "literal"))>=0 && j->aNode[dp].eType==PE_JSON_STRING ){
    *piLiteral = dp;
    return iso_parts(j->z+j->aNode[dp].iStart+1, j->aNode[dp].iEnd-j->aNode[dp].iStart-2, a) ? -1 : 0;
  }
  return 0;
}

int csl_date(const PeJson *j, const char *zKey, PeBuf *out){
  long a[3];
  int iLit, k = date_of(j, zKey, a, &iLit);
  if( iLit>=0 ) return pe_json_text(j, iLit, out)==PE_OK ? done(out) : -1;
  if( k<=0 ) return 0;
  pe_buf_appendf(out, "%04ld", a[0]);
  if( k>1 && a[1]>=1 && a[1]<=12 ){
    pe_buf_appendf(out, "-%02ld", a[1]);
    if( k>2 && a[2]>=1 && a[2]<=31 ) pe_buf_appendf(out, "-%02ld", a[2]);
  }
  return done(out);
}

int csl_year(const PeJson *j, const char *zKey, long *pYear){
  long a[3];
  int iLit, k = date_of(j, zKey, a, &iLit);
  if( k==0 ) return 0;
  if( iLit>=0 ){
    const PeJsonNode *p = &j->aNode[iLit];
    if( !iso_parts(j->z+p->iStart+1, p->iEnd-p->iStart-2, a) ) return 0;
  }
  *pYear = a[0];
  return 1;
}

int csl_venue(const PeJson *j, PeBuf *out){
  static const char *const az[] = { "container-title", "event-title", "event", "collection-title" };
  size_t k;
  for(k=0; k<sizeof(az)/sizeof(az[0]); k++){
    int r = csl_string(j, az[k], out);
    if( r ) return r;
  }
  return 0;
}

static int member_text(const PeJson *j, const char *zKey, PeBuf *b){
  int v = pe_json_member(j, 0, zKey);
  pe_buf_reset(b);
  if( v<0 || j->aNode[v].eType==PE_JSON_ARRAY || j->aNode[v].eType==PE_JSON_OBJECT ) return 0;
  if( pe_json_text(j, v, b)!=PE_OK ) return -1;
  return b->n>0;
}

static int has_ci(const PeBuf *b, const char *zNeedle){
  size_t m = strlen(zNeedle), i, k;
  for(i=0; i+m<=b->n; i++){
    for(k=0; k<m; k++){
      char c = b->z[i+k];
      if( c>='A' && c<='Z' ) c = (char)(c+32);
      if( c!=zNeedle[k] ) break;
    }
    if( k==m ) return 1;
  }
  return 0;
}

int csl_doi(const PeJson *j, PeBuf *out){
  PeBuf b;
  int r = 0;
  pe_buf_init(&b);
  if( member_text(j, "DOI", &b)==1 ) r = pe_doi_find(b.z, b.n, out);
  if( r==0 && member_text(j, "URL", &b)==1 && has_ci(&b, "doi.org/") ) r = pe_doi_find(b.z, b.n, out);
  if( b.oom ) r = -1;
  pe_buf_free(&b);
  return r;
}

int csl_arxiv(const PeJson *j, PeBuf *out){
  static const struct { const char *zKey, *zNeed; int bNeedArxivHome; } a[] = {
    { "URL", "arxiv.org/", 0 }, { "DOI", "10.48550/arxiv.", 0 }, { "number", "", 1 },
    { "archive_location", "", 1 }, { "note", "arxiv:", 0 }, { "container-title", "arxiv", 0 },
  };
  PeBuf b, home;
  size_t k;
  int r = 0, bArxivHome;
  pe_buf_init(&b);
  pe_buf_init(&home);
  bArxivHome = (member_text(j, "publisher", &home)==1 && has_ci(&home, "arxiv"))
            || (member_text(j, "archive", &home)==1 && has_ci(&home, "arxiv"));
  for(k=0; k<sizeof(a)/sizeof(a[0]) && r==0; k++){
    size_t iId, nId;
    int v;
    if( a[k].bNeedArxivHome && !bArxivHome ) continue;
    if( member_text(j, a[k].zKey, &b)!=1 || !has_ci(&b, a[k].zNeed) ) continue;
    if( pe_arxiv_find(b.z, b.n, &iId, &nId, &v) ){
      pe_buf_append(out, b.z+iId, nId);
      r = done(out);
    }
  }
  if( b.oom || home.oom ) r = -1;
  pe_buf_free(&b);
  pe_buf_free(&home);
  return r;
}

int csl_keywords(const PeJson *j, PeBuf *out){
  PeBuf b;
  size_t i = 0;
  int nOut = 0, r;
  pe_buf_init(&b);
  r = member_text(j, "keyword", &b);
  pe_buf_appendc(out, '[');
  while( r==1 && i<b.n ){
    size_t s, e;
    while( i<b.n && (b.z[i]==' ' || b.z[i]==',' || b.z[i]==';') ) i++;
    s = i;
    while( i<b.n && b.z[i]!=',' && b.z[i]!=';' ) i++;
    e = i;
    while( e>s && b.z[e-1]==' ' ) e--;
    if( e>s ){
      if( nOut++ ) pe_buf_appendc(out, ',');
      pe_buf_append_json(out, b.z+s, e-s);
    }
  }
  pe_buf_appendc(out, ']');
  r = (r<0 || b.oom) ? -1 : done(out);
  pe_buf_free(&b);
  return r;
}
