/* risfields.c: see risfields.h. */
#include <string.h>
#include "risfields.h"
#include "ident/ident.h"

static int done(PeBuf *out){ return out->oom ? -1 : 1; }

static int is_tag(const RisField *f, const char *zTag){
  return f->tag[0]==zTag[0] && f->tag[1]==zTag[1];
}

static int type_is(const RisRecord *r, const char *zType){
  size_t m = strlen(zType);
  return r->nType==m && memcmp(r->zText+r->iType, zType, m)==0;
}

/* Append a value with its line breaks read as spaces (titles, venues). */
static int put_line(PeBuf *out, const char *z, size_t n){
  size_t i;
  for(i=0; i<n; i++){
    char c = z[i];
    if( c=='\n' ){
      if( out->n && out->z[out->n-1]!=' ' ) pe_buf_appendc(out, ' ');
      continue;
    }
    pe_buf_appendc(out, c);
  }
  return done(out);
}

static int first_of(const RisRecord *r, const char *const *azTag, int nTag, PeBuf *out){
  int k;
  for(k=0; k<nTag; k++){
    const char *z;
    size_t n;
    if( ris_get(r, azTag[k], &z, &n) && n ) return put_line(out, z, n);
  }
  return 0;
}

int ris_title(const RisRecord *r, PeBuf *out){
  static const char *const az[] = { "TI", "T1", "CT" };
  int rc = first_of(r, az, 3, out);
  if( rc==0 && (type_is(r, "BOOK") || type_is(r, "EBOOK")) ){
    static const char *const azBook[] = { "BT" };
    rc = first_of(r, azBook, 1, out);
  }
  return rc;
}

/* One RIS name as BibTeX reads it: 'Last, First, Suffix' -> 'Last, Suffix, First'. */
static void put_name(PeBuf *out, const char *z, size_t n){
  const char *c1 = memchr(z, ',', n);
  const char *c2 = c1 ? memchr(c1+1, ',', (size_t)(z+n-c1-1)) : 0;
  if( c2 ){
    const char *s = c2+1;
    size_t nSuffix = (size_t)(z+n-s);
    while( nSuffix && *s==' ' ){ s++; nSuffix--; }
    pe_buf_append(out, z, (size_t)(c1-z));          /* Last */
    pe_buf_append(out, ", ", 2);
    pe_buf_append(out, s, nSuffix);                 /* Suffix */
    pe_buf_appendc(out, ',');
    put_line(out, c1+1, (size_t)(c2-c1-1));         /* First (with its space) */
    return;
  }
  put_line(out, z, n);
}

int ris_names(const RisRecord *r, int bEditors, PeBuf *out){
  int k, nOut = 0;
  for(k=0; k<r->nField; k++){
    const RisField *f = &r->aField[k];
    if( bEditors ? !(is_tag(f, "ED") || is_tag(f, "A2")) : !(is_tag(f, "AU") || is_tag(f, "A1")) ) continue;
    if( f->nVal==0 ) continue;
    if( nOut++ ) pe_buf_append(out, " and ", 5);
    put_name(out, r->zText+f->iVal, f->nVal);
  }
  return nOut ? done(out) : 0;
}

static int digits(const char *z, size_t n, size_t i){
  size_t k = i;
  while( k<n && z[k]>='0' && z[k]<='9' ) k++;
  return (int)(k-i);
}

/* The first run of exactly four digits: its offset, or -1. */
static long year_in(const char *z, size_t n, size_t *pAt){
  size_t i;
  for(i=0; i<n; i++){
    if( z[i]>='0' && z[i]<='9' ){
      int d = digits(z, n, i);
      if( d==4 ){
        *pAt = i;
        return (z[i]-'0')*1000L + (z[i+1]-'0')*100 + (z[i+2]-'0')*10 + (z[i+3]-'0');
      }
      i += (size_t)d;
    }
  }
  return -1;
}

int ris_year(const RisRecord *r, long *pYear){
  static const char *const az[] = { "PY", "Y1", "DA" };
  int k;
  for(k=0; k<3; k++){
    const char *z;
    size_t n, at;
    long y;
    if( ris_get(r, az[k], &z, &n) && (y = year_in(z, n, &at))>0 ){ *pYear = y; return 1; }
  }
  return 0;
}

static const char *const azMonth[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
  "sep", "oct", "nov", "dec" };

/* Month and day of a date text: 'YYYY/MM/DD', 'YYYY-MM-DD', 'June 12, 2020', 'July'. */
static void month_day(const char *z, size_t n, int *pMonth, int *pDay){
  size_t i, at;
  *pMonth = *pDay = 0;
  if( year_in(z, n, &at)>=0 && at+4<n && (z[at+4]=='/' || z[at+4]=='-') ){
    size_t k = at+5;
    int d = digits(z, n, k);
    if( d==1 || d==2 ){
      int m = d==1 ? z[k]-'0' : (z[k]-'0')*10 + z[k+1]-'0';
      if( m>=1 && m<=12 ){
        *pMonth = m;
        k += (size_t)d;
        if( k<n && (z[k]=='/' || z[k]=='-') ){
          int dd = digits(z, n, k+1);
          if( dd==1 || dd==2 ){
            int day = dd==1 ? z[k+1]-'0' : (z[k+1]-'0')*10 + z[k+2]-'0';
            if( day>=1 && day<=31 ) *pDay = day;
          }
        }
      }
    }
    return;
  }
  /* a month name, and a day number next to it */
  for(i=0; i+3<=n; i++){
    int m;
    if( i>0 && ((z[i-1]|0x20)>='a' && (z[i-1]|0x20)<='z') ) continue;
    for(m=0; m<12; m++){
      if( (z[i]|0x20)==azMonth[m][0] && (z[i+1]|0x20)==azMonth[m][1] && (z[i+2]|0x20)==azMonth[m][2] ){
        size_t k = i+3;
        while( k<n && ((z[k]|0x20)>='a' && (z[k]|0x20)<='z') ) k++;
        if( k<n && z[k]=='.' ) k++;
        while( k<n && z[k]==' ' ) k++;
        *pMonth = m+1;
        if( digits(z, n, k)>=1 && digits(z, n, k)<=2 ){
          int day = digits(z, n, k)==1 ? z[k]-'0' : (z[k]-'0')*10 + z[k+1]-'0';
          if( day>=1 && day<=31 ) *pDay = day;
        }
        return;
      }
    }
  }
}

int ris_date(const RisRecord *r, PeBuf *out){
  static const char *const az[] = { "DA", "PY", "Y1" };
  long year = 0;
  int month = 0, day = 0, k;
  if( !ris_year(r, &year) ) return 0;
  for(k=0; k<3 && month==0; k++){
    const char *z;
    size_t n, at;
    long y;
    if( !ris_get(r, az[k], &z, &n) ) continue;
    y = year_in(z, n, &at);
    if( y>0 && y!=year ) continue;      /* another year's month is not this date's */
    month_day(z, n, &month, &day);
  }
  pe_buf_appendf(out, "%04ld", year);
  if( month ) pe_buf_appendf(out, "-%02d", month);
  if( month && day ) pe_buf_appendf(out, "-%02d", day);
  return done(out);
}

int ris_venue(const RisRecord *r, PeBuf *out){
  static const char *const az[] = { "T2", "JF", "JO", "BT", "JA", "J2" };
  int k;
  for(k=0; k<6; k++){
    const char *z;
    size_t n;
    if( k==3 && (type_is(r, "BOOK") || type_is(r, "EBOOK")) ) continue;
    if( ris_get(r, az[k], &z, &n) && n ) return put_line(out, z, n);
  }
  return 0;
}

int ris_pages(const RisRecord *r, PeBuf *out){
  const char *zs, *ze;
  size_t ns, ne;
  int bS = ris_get(r, "SP", &zs, &ns) && ns, bE = ris_get(r, "EP", &ze, &ne) && ne;
  if( !bS && !bE ) return 0;
  if( bS ) pe_buf_append(out, zs, ns);
  if( bS && bE && !(ns==ne && memcmp(zs, ze, ns)==0) ) pe_buf_appendc(out, '-');
  if( bE && !(bS && ns==ne && memcmp(zs, ze, ns)==0) ) pe_buf_append(out, ze, ne);
  return done(out);
}

static int contains(const char *z, size_t n, const char *zNeedle, int bNoCase){
  size_t m = strlen(zNeedle), i, k;
  for(i=0; i+m<=n; i++){
    for(k=0; k<m; k++){
      char c = z[i+k];
      if( bNoCase && c>='A' && c<='Z' ) c = (char)(c+32);
      if( c!=zNeedle[k] ) break;
    }
    if( k==m ) return 1;
  }
  return 0;
}

int ris_doi(const RisRecord *r, PeBuf *out){
  static const char *const azDirect[] = { "DO", "DI" };
  static const char *const azText[] = { "M3", "N1" };
  static const char *const azUrl[] = { "UR", "L2", "L3", "L1" };
  int k, j;
  for(k=0; k<2; k++){
    const char *z;
    size_t n;
    int rc;
    if( ris_get(r, azDirect[k], &z, &n) && (rc = pe_doi_find(z, n, out))!=0 ) return rc;
  }
  for(k=0; k<2; k++){
    const char *z;
    size_t n;
    int rc;
    if( ris_get(r, azText[k], &z, &n) && contains(z, n, "10.", 0) && (rc = pe_doi_find(z, n, out))!=0 ) return rc;
  }
  for(j=0; j<r->nField; j++){
    const RisField *f = &r->aField[j];
    for(k=0; k<4; k++){
      if( is_tag(f, azUrl[k]) && contains(r->zText+f->iVal, f->nVal, "doi.org/", 1) ){
        int rc = pe_doi_find(r->zText+f->iVal, f->nVal, out);
        if( rc ) return rc;
      }
    }
  }
  return 0;
}

int ris_arxiv(const RisRecord *r, PeBuf *out){
  static const struct { const char *zTag, *zNeed; } a[] = {
    { "UR", "arxiv.org/" }, { "L1", "arxiv.org/" }, { "L2", "arxiv.org/" }, { "DO", "10.48550/arxiv." },
    { "JO", "arxiv" }, { "T2", "arxiv" }, { "N1", "arxiv:" }, { "M3", "arxiv:" },
  };
  size_t k;
  int j;
  for(k=0; k<sizeof(a)/sizeof(a[0]); k++){
    for(j=0; j<r->nField; j++){
      const RisField *f = &r->aField[j];
      const char *z = r->zText+f->iVal;
      size_t iId, nId;
      int v;
      if( !is_tag(f, a[k].zTag) || !contains(z, f->nVal, a[k].zNeed, 1) ) continue;
      if( pe_arxiv_find(z, f->nVal, &iId, &nId, &v) ){
        pe_buf_append(out, z+iId, nId);
        return done(out);
      }
    }
  }
  return 0;
}

int ris_url(const RisRecord *r, PeBuf *out){
  static const char *const az[] = { "UR", "L2" };
  int k;
  for(k=0; k<2; k++){
    const char *z;
    size_t n;
    if( ris_get(r, az[k], &z, &n) && n ){
      const char *nl = memchr(z, '\n', n);     /* some write several URLs, one a line */
      pe_buf_append(out, z, nl ? (size_t)(nl-z) : n);
      return done(out);
    }
  }
  return 0;
}

int ris_list_json(const RisRecord *r, const char *zTag, PeBuf *out){
  int k, nOut = 0;
  pe_buf_appendc(out, '[');
  for(k=0; k<r->nField; k++){
    const RisField *f = &r->aField[k];
    if( !is_tag(f, zTag) || f->nVal==0 ) continue;
    if( nOut++ ) pe_buf_appendc(out, ',');
    pe_buf_append_json(out, r->zText+f->iVal, f->nVal);
  }
  pe_buf_appendc(out, ']');
  return done(out);
}

int ris_joined(const RisRecord *r, const char *zTag, const char *zSep, PeBuf *out){
  int k, nOut = 0;
  for(k=0; k<r->nField; k++){
    const RisField *f = &r->aField[k];
    if( !is_tag(f, zTag) || f->nVal==0 ) continue;
    if( nOut++ ) pe_buf_appends(out, zSep);
    pe_buf_append(out, r->zText+f->iVal, f->nVal);
  }
  return nOut ? done(out) : 0;
}

int ris_value(const RisRecord *r, const char *zTag, const char *zElse, PeBuf *out){
  const char *z;
  size_t n;
  if( (ris_get(r, zTag, &z, &n) && n) || (zElse && ris_get(r, zElse, &z, &n) && n) ){
    pe_buf_append(out, z, n);
    return done(out);
  }
  return 0;
}

/* A tag's slot: [A-Z][A-Z0-9], as ris.c only makes such tags. */
#define RIS_NTAG (26*36)
static int tag_slot(const char *t){ return (t[0]-'A')*36 + (t[1]>='A' ? t[1]-'A' : 26 + t[1]-'0'); }

int ris_fields_json(const RisRecord *r, PeBuf *out){
  int aCount[RIS_NTAG];
  unsigned char aDone[RIS_NTAG];
  int k, j, nOut = 0;
  memset(aCount, 0, sizeof(aCount));
  memset(aDone, 0, sizeof(aDone));
  for(k=0; k<r->nField; k++) aCount[tag_slot(r->aField[k].tag)]++;
  pe_buf_appendc(out, '{');
  for(k=0; k<r->nField; k++){
    const RisField *f = &r->aField[k];
    int slot = tag_slot(f->tag), nSame = 0;
    if( aDone[slot] ) continue;               /* written with its first occurrence */
    aDone[slot] = 1;
    if( nOut++ ) pe_buf_appendc(out, ',');
    pe_buf_append_json(out, f->tag, 2);
    pe_buf_appendc(out, ':');
    if( aCount[slot]==1 ){
      pe_buf_append_json(out, r->zText+f->iVal, f->nVal);
      continue;
    }
    pe_buf_appendc(out, '[');
    for(j=k; j<r->nField && nSame<aCount[slot]; j++){   /* at most 936 tags: linear */
      if( !is_tag(&r->aField[j], f->tag) ) continue;
      if( nSame++ ) pe_buf_appendc(out, ',');
      pe_buf_append_json(out, r->zText+r->aField[j].iVal, r->aField[j].nVal);
    }
    pe_buf_appendc(out, ']');
  }
  pe_buf_appendc(out, '}');
  return done(out);
}
