/* ident.c: see ident.h. */
#include <string.h>
#include <strings.h>
#include "common/strbuf.h"
#include "ident.h"

static int is_digit(char c){ return c>='0' && c<='9'; }
static int is_alpha(char c){ return (c|0x20)>='a' && (c|0x20)<='z'; }
static int is_alnum(char c){ return is_digit(c) || is_alpha(c); }

/* Value of the k digits at z[i] (the caller checked they are digits). */
static int digits_value(const char *z, size_t i, int k){
  int v = 0;
  while( k-- > 0 ) v = v*10 + (z[i++]-'0');
  return v;
}

/* Are z[i..i+k) all digits? */
static int digits_at(const char *z, size_t n, size_t i, size_t k){
  size_t j;
  if( i+k>n ) return 0;
  for(j=0; j<k; j++) if( !is_digit(z[i+j]) ) return 0;
  return 1;
}

/* An optional version 'vN' at z[*pi]: its value (0 when none, or v0); moves *pi. */
static int read_version(const char *z, size_t n, size_t *pi){
  size_t i = *pi, j;
  if( i+1>=n || z[i]!='v' || !is_digit(z[i+1]) ) return 0;
  for(j=i+1; j<n && is_digit(z[j]); j++){}
  if( j-i-1>4 || (j<n && is_alpha(z[j])) ) return 0;
  *pi = j;
  return digits_value(z, i+1, (int)(j-i-1));
}

/* Nothing id-like right after the id (and its version)? */
static int ends_id(const char *z, size_t n, size_t i){
  if( i>=n ) return 1;
  if( is_alnum(z[i]) ) return 0;
  if( z[i]=='.' && i+1<n && is_digit(z[i+1]) ) return 0;
  return 1;
}

/* New style YYMM.NNNN(N) at z[i]: the id length, 0 when not one. */
static size_t match_new(const char *z, size_t n, size_t i, int *pVersion){
  int yy, mm;
  size_t k, j;
  if( i>0 ){
    char p = z[i-1];
    if( is_alnum(p) ) return 0;
    if( p=='.' ){
      if( i<6 || strncasecmp(z+i-6, "arxiv.", 6)!=0 ) return 0;
    }
  }
  if( !digits_at(z, n, i, 4) || i+4>=n || z[i+4]!='.' ) return 0;
  yy = digits_value(z, i, 2);
  mm = digits_value(z, i+2, 2);
  if( mm<1 || mm>12 || yy<7 || (yy==7 && mm<4) ) return 0;
  k = yy<=14 ? 4 : 5;
  if( !digits_at(z, n, i+5, k) ) return 0;
  j = i+5+k;
  if( j<n && is_digit(z[j]) ) return 0;
  *pVersion = read_version(z, n, &j);
  if( !ends_id(z, n, j) ) return 0;
  return 5+k;
}

/* arXiv's archives of the old-style ids (before April 2007). */
static const char *const azArchive[] = {
  "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an",
  "chao-dyn", "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an",
  "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th", "nlin",
  "nucl-ex", "nucl-th", "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "quant-ph",
  "solv-int", "supr-con",
};

/* Old style archive[.SC]/YYMMNNN at z[i]: the id length, 0 when not one. */
static size_t match_old(const char *z, size_t n, size_t i, int *pVersion){
  size_t k, j = 0, a;
  int yy, mm;
  if( i>0 && (is_alnum(z[i-1]) || z[i-1]=='-' || z[i-1]=='.') ) return 0;
  for(k=0; k<sizeof(azArchive)/sizeof(azArchive[0]); k++){
    size_t len = strlen(azArchive[k]);
    if( len<=n-i && memcmp(z+i, azArchive[k], len)==0
        && i+len<n && (z[i+len]=='/' || z[i+len]=='.') ){
      j = i+len;
      break;
    }
  }
  if( j==0 ) return 0;
  if( z[j]=='.' ){                                  /* subject class: math.GT */
    a = j+1;
    while( a<n && (is_alpha(z[a]) || z[a]=='-') && a-j<=8 ) a++;
    if( a==j+1 || a>=n || z[a]!='/' ) return 0;
    j = a;
  }
  j++;                                              /* the '/' */
  if( !digits_at(z, n, j, 7) ) return 0;
  yy = digits_value(z, j, 2);
  mm = digits_value(z, j+2, 2);
  if( mm<1 || mm>12 ) return 0;
  if( !((yy==91 && mm>=7) || yy>91 || yy<7 || (yy==7 && mm<=3)) ) return 0;
  j += 7;
  if( j<n && is_digit(z[j]) ) return 0;
  a = j;
  *pVersion = read_version(z, n, &a);
  if( !ends_id(z, n, a) ) return 0;
  return j-i;
}

int pe_arxiv_find(const char *z, size_t n, size_t *piId, size_t *pnId, int *pVersion){
  size_t i, len;
  int version = 0;
  for(i=0; i<n; i++){
    char c = z[i];
    if( is_digit(c) ) len = match_new(z, n, i, &version);
    else if( c>='a' && c<='s' ) len = match_old(z, n, i, &version);
    else continue;
    if( len ){
      *piId = i;
      *pnId = len;
      *pVersion = version;
      return 1;
    }
  }
  return 0;
}

/* ------------------------------------------------------------------ DOI */

static int hex_value(char c){
  if( is_digit(c) ) return c-'0';
  c = (char)(c|0x20);
  if( c>='a' && c<='f' ) return c-'a'+10;
  return -1;
}

/* '/' or its escape %2F at z[i]: its length, else 0. */
static size_t slash_at(const char *z, size_t n, size_t i){
  if( i<n && z[i]=='/' ) return 1;
  if( i+2<n && z[i]=='%' && z[i+1]=='2' && (z[i+2]=='F' || z[i+2]=='f') ) return 3;
  return 0;
}

/* A DOI prefix "10.NNNN[.NNN]/" at z[i]: the index after the '/', else 0. */
static size_t match_prefix(const char *z, size_t n, size_t i){
  size_t j, k, s;
  if( i+3>=n || z[i]!='1' || z[i+1]!='0' || z[i+2]!='.' ) return 0;
  if( i>0 && (is_alnum(z[i-1]) || z[i-1]=='.') ){
    /* ...unless that is the end of an escaped '/': doi.org%2F10.1145%2F... */
    if( !(i>=3 && slash_at(z, n, i-3)==3) ) return 0;
  }
  j = i+3;
  for(k=j; k<n && is_digit(z[k]); k++){}
  if( k-j<4 || k-j>9 ) return 0;
  while( k+1<n && z[k]=='.' && is_digit(z[k+1]) ){
    for(k=k+1; k<n && is_digit(z[k]); k++){}
  }
  s = slash_at(z, n, k);
  return s ? k+s : 0;
}

/* Does c end a DOI?  In an escaped URL (a DOI written with %2F), '&' starts
** the next query parameter and ends it too. */
static int ends_doi(char c, int inEscapedUrl){
  return (unsigned char)c<=' ' || (unsigned char)c>=0x7F || c=='"' || c=='\'' || c=='{'
      || c=='}' || c=='|' || c=='\\' || c=='#' || c=='`' || c=='^' || c=='?'
      || (c=='&' && inEscapedUrl);
}

/* Which bracket c is: 0..2 for ( [ <, 3..5 for ) ] >, -1 for none. */
static int bracket_kind(char c){
  const char *p = c ? strchr("([<)]>", c) : 0;
  return p ? (int)(p - "([<)]>") : -1;
}

/* The bracket kinds (bit 0: ( ), bit 1: [ ], bit 2: < >) that z[0..n)
** closes without opening: the suffix scan of pe_doi_find() would end there. */
static int unmatched_closers(const char *z, size_t n){
  int depth[3] = {0, 0, 0}, mask = 0;
  size_t i;
  for(i=0; i<n; i++){
    int k = bracket_kind(z[i]);
    if( k>=3 && --depth[k-3]<0 ){ mask |= 1<<(k-3); depth[k-3] = 0; }
    if( k>=0 && k<3 ) depth[k]++;
  }
  return mask;
}

/* Two hex digits at z[j]? */
static int is_hex_pair(const char *z, size_t n, size_t j){
  return j+1<n && hex_value(z[j])>=0 && hex_value(z[j+1])>=0;
}

/* The character of the %XX escape at z[j], or -1 when there is none (or it
** would be white space, a control or non-ASCII, which stay escaped). */
static int escape_at(const char *z, size_t n, size_t j){
  int c;
  if( z[j]!='%' || !is_hex_pair(z, n, j+1) ) return -1;
  c = hex_value(z[j+1])*16 + hex_value(z[j+2]);
  return c>0x20 && c<0x7F ? c : -1;
}

/* Append z[0..n) to out with its %XX escapes decoded and ASCII lowercased.
** An escape stays as written (lowercased) when its character, written as
** such, would end or change the DOI where the result is read again: a stop
** character of ends_doi(), a '%' or hex digit that would make another
** escape with its neighbours ('%25' + '41', '%' + '%34' + '1'), and a
** closing bracket without an opener so far, or of a kind in keepClosers (a
** mask as unmatched_closers() makes).  So a resolver still reads
** "10.1/a%29b" as the DOI 10.1/a)b, and doi() of doi()'s result is that
** result. */
static void emit_decoded(const char *z, size_t n, int keepClosers, PeBuf *out){
  int depth[3] = {0, 0, 0};
  size_t j = 0, start = out->n;
  while( j<n ){
    int c = escape_at(z, n, j), k;
    if( c>=0 ){
      size_t m = out->n - start;           /* written so far, ending at out->z[out->n-1] */
      int afterPercent = (m>=1 && out->z[out->n-1]=='%')
                      || (m>=2 && out->z[out->n-2]=='%' && hex_value(out->z[out->n-1])>=0);
      k = bracket_kind((char)c);
      if( ends_doi((char)c, 0) || (c=='%' && is_hex_pair(z, n, j+3))
       || (hex_value((char)c)>=0 && afterPercent)
       || (k>=3 && ((keepClosers & (1<<(k-3))) || depth[k-3]==0)) ){
        c = -1;             /* keep the escape: its digits follow as written */
      }
    }
    if( c<0 ){
      c = (unsigned char)z[j++];
    }else{
      j += 3;
    }
    k = bracket_kind((char)c);
    if( k>=0 ) depth[k%3] += k<3 ? 1 : -1;
    pe_buf_appendc(out, (char)(c>='A' && c<='Z' ? c+32 : c));
  }
}

/*
** Hosts whose URLs write more after the DOI than the DOI: the DOI follows
** the path (zPath, right before '10.') of a URL of the host (zHost, after
** '//' or '.', followed by '/'; '/' may be written %2F), and ends where the
** shape says.
*/
typedef enum UrlTail {
  TAIL_RXIV,       /* 10.1101/<digits and dots>, then the URL's vN, .full, .full.pdf... */
  TAIL_PDF,        /* the URL's '.pdf' after the DOI */
  TAIL_VIEW,       /* the URL's '/full', '/pdf', '/abstract', '/text' after the DOI */
} UrlTail;

static const struct { const char *zHost, *zPath; UrlTail eTail; } aUrlShape[] = {
  { "biorxiv.org", "/content/", TAIL_RXIV },      /* bioRxiv, medRxiv: DOIs without version */
  { "medrxiv.org", "/content/", TAIL_RXIV },
  { "link.springer.com", "/content/pdf/", TAIL_PDF },
  { "frontiersin.org", "/articles/", TAIL_VIEW },  /* also /journals/<name>/articles/ */
};
#define MAX_URL_BEFORE_DOI 256   /* how far before the DOI its URL's host may be */

/* '/' or %2F ending z[0..i): its length, else 0. */
static size_t slash_before(const char *z, size_t i){
  if( i>=1 && z[i-1]=='/' ) return 1;
  if( i>=3 && z[i-3]=='%' && z[i-2]=='2' && (z[i-1]|0x20)=='f' ) return 3;
  return 0;
}

/* Does z[0..i) end with zPath ('/' as '/' or %2F, ASCII case-insensitive)?
** Where it starts in *pStart. */
static int ends_with_path(const char *z, size_t i, const char *zPath, size_t *pStart){
  size_t k = strlen(zPath);
  while( k>0 ){
    char c = zPath[--k];
    size_t sl = c=='/' ? slash_before(z, i) : 0;
    if( sl ){ i -= sl; continue; }
    if( i==0 || (z[i-1]|0x20)!=c ) return 0;
    i--;
  }
  *pStart = i;
  return 1;
}

/* Is zHost the host of the URL that z[0..j) ends in (looked for at most
** MAX_URL_BEFORE_DOI bytes back, in the same run of non-space text)? */
static int url_host_is(const char *z, size_t j, const char *zHost){
  size_t nHost = strlen(zHost), lo = j>MAX_URL_BEFORE_DOI ? j-MAX_URL_BEFORE_DOI : 0, h;
  for(h=j; h>lo && !ends_doi(z[h-1], 0); h--){}
  for(; h+nHost<=j; h++){
    size_t after = h+nHost;
    if( strncasecmp(z+h, zHost, nHost)!=0 ) continue;
    if( h>0 && z[h-1]!='.' && !slash_before(z, h) ) continue;
    if( after==j || z[after]=='/' || (z[after]=='%' && after+2<j && z[after+1]=='2'
                                      && (z[after+2]|0x20)=='f') ) return 1;
  }
  return 0;
}

/* Does z[s..e) end with zTail (ASCII, case-insensitive)? */
static int ends_with(const char *z, size_t s, size_t e, const char *zTail){
  size_t k = strlen(zTail);
  return e-s>k && strncasecmp(z+e-k, zTail, k)==0;
}

/* The end of the DOI z[i..e) (its suffix from s) in the URL it is part of. */
static size_t url_doi_end(const char *z, size_t i, size_t s, size_t e){
  static const char *const azView[] = { "/full", "/pdf", "/abstract", "/text" };
  size_t k, j, p;
  for(k=0; k<sizeof(aUrlShape)/sizeof(aUrlShape[0]); k++){
    if( !ends_with_path(z, i, aUrlShape[k].zPath, &p) || !url_host_is(z, p, aUrlShape[k].zHost) ) continue;
    switch( aUrlShape[k].eTail ){
      case TAIL_RXIV:
        if( memcmp(z+i, "10.1101", 7)!=0 || i+7+slash_at(z, s, i+7)!=s ) return e;
        for(j=s; j<e && (is_digit(z[j]) || z[j]=='.'); j++){}
        while( j>s && z[j-1]=='.' ) j--;
        return j>s ? j : e;
      case TAIL_PDF:
        return ends_with(z, s, e, ".pdf") ? e-4 : e;
      case TAIL_VIEW:
        for(j=0; j<sizeof(azView)/sizeof(azView[0]); j++){
          if( ends_with(z, s, e, azView[j]) ) return e-strlen(azView[j]);
        }
        return e;
    }
  }
  return e;
}

int pe_doi_find(const char *z, size_t n, PeBuf *out){
  size_t i;
  for(i=0; i+4<n; i++){
    size_t s, e, start;
    int depth[3] = {0, 0, 0}, escaped, k;
    if( z[i]!='1' ) continue;
    s = match_prefix(z, n, i);
    if( s==0 ) continue;
    escaped = z[s-1]!='/';
    /* The suffix: to a stop character or an unmatched closer. */
    for(e=s; e<n && !ends_doi(z[e], escaped); e++){
      k = bracket_kind(z[e]);
      if( k>=3 && depth[k-3]==0 ) break;
      if( k>=0 ) depth[k%3] += k<3 ? 1 : -1;
    }
    /* Trailing punctuation and unmatched openers ('10.1/abc(', '10.1/a;['),
    ** in any order. */
    while( e>s && strchr(".,;:!?([<", z[e-1]) ) e--;
    if( e==s ) continue;
    e = url_doi_end(z, i, s, e);
    /* Emit: the prefix with '/', the suffix decoded, all lowercased. */
    start = out->n;
    emit_decoded(z+i, e-i, 0, out);
    if( !out->oom ){
      /* A decoded closer took the opener of a later literal one: for that
      ** kind of bracket, keep every escaped closer as it is. */
      int keep = unmatched_closers(out->z+start, out->n-start);
      if( keep ){
        out->n = start;
        emit_decoded(z+i, e-i, keep, out);
      }
    }
    if( out->oom ) return -1;
    /* Decoding may have revealed trailing punctuation ('%2E'): trim again;
    ** if nothing is left after the prefix's '/', this was no DOI. */
    while( out->n>start && strchr(".,;:!?([<", out->z[out->n-1]) ) out->z[--out->n] = 0;
    if( out->z[out->n-1]=='/' && memchr(out->z+start, '/', out->n-start)==out->z+out->n-1 ){
      out->n = start;
      out->z[out->n] = 0;
      continue;
    }
    return 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ URLs */

int pe_arxiv_url(PeBuf *out, const char *zId, size_t nId, int version){
  pe_buf_appends(out, "https://arxiv.org/abs/");
  pe_buf_append(out, zId, nId);
  if( version>0 ) pe_buf_appendf(out, "v%d", version);
  return out->oom ? PE_NOMEM : PE_OK;
}

/* Does z[0..n) hold "%3e", an escaped '>' that doi() kept? */
static int has_kept_angle(const char *z, size_t n){
  size_t i;
  for(i=0; i+2<n; i++){
    if( z[i]=='%' && z[i+1]=='3' && (z[i+2]=='e' || z[i+2]=='E') ) return 1;
  }
  return 0;
}

int pe_doi_url(PeBuf *out, const char *zDoi, size_t nDoi){
  size_t i;
  int nParen = 0, nBracket = 0;
  /* '<' and '>' are escaped as URLs want (%3C, %3E), unless the DOI keeps
  ** an escaped '>' of its own: read back, the two could not be told apart,
  ** so its literal ones stay literal (a DOI no registry is known to hold). */
  const char *zUnsafe = has_kept_angle(zDoi, nDoi) ? "\"#%'?\\^`{|}" : "\"#%'<>?\\^`{|}";
  pe_buf_appends(out, "https://doi.org/");
  for(i=0; i<nDoi; i++){
    unsigned char c = (unsigned char)zDoi[i];
    /* A closer without its opener would end the DOI when the URL is read
    ** back: escape it, as the quote.  An escape doi() kept (%29) stays. */
    int unmatched = (c==')' && nParen--==0) || (c==']' && nBracket--==0);
    int isEscape = c=='%' && is_hex_pair(zDoi, nDoi, i+1);
    if( c=='(' ) nParen++;
    if( c=='[' ) nBracket++;
    if( nParen<0 ) nParen = 0;
    if( nBracket<0 ) nBracket = 0;
    if( c<=' ' || c>=0x7F || unmatched || (!isEscape && strchr(zUnsafe, (int)c)) ){
      pe_buf_appendf(out, "%%%02X", c);
    }else{
      pe_buf_appendc(out, (char)c);
    }
  }
  return out->oom ? PE_NOMEM : PE_OK;
}
