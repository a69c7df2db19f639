/*
** venue.c: recognize the venue and year in a raw venue string (see venue.h).
**
** Three steps:
**   1. venue_prepare(): fold the text (NFKC, marks removed; case is kept for
**      case-sensitive acronyms) and blank out arXiv ids (their YYMM gives a
**      fallback year) and URLs.
**   2. venue_tokenize(): cut it into words and numbers ('cvpr21' -> cvpr 21),
**      map each word to its stem id, drop fillers, mark ordinals ('37th'),
**      page/volume numbers and how a number is attached ("'20", '-20').
**   3. venue_match() + venue_decide(): find every alias, keep the best one,
**      then the year by the rules of README.md (venue section).
*/
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>
#include "venue.h"
#include "strbuf.h"
#include "utf8.h"
#include "pe_mem.h"

/* Token flags. */
#define T_DIGITS   0x001   /* ASCII digits */
#define T_JOINED   0x002   /* glued to the previous token ('cvpr21') */
#define T_APOS     0x004   /* only an apostrophe (and spaces) before it ("'21") */
#define T_HYPHEN   0x008   /* only a hyphen or dash (and spaces) before it */
#define T_NOYEAR   0x010   /* a page, volume or range number */
#define T_ORDINAL  0x020   /* '37th', 'fourth' (value holds the number) */
#define T_UPPER    0x040   /* written in capitals */
#define T_CONTENT  0x080   /* a word a whole-string alias must cover */
#define T_SPACED   0x100   /* only white space before it */
#define T_WORKSHOP 0x200   /* 'workshop(s)' */

#define YEAR_MIN 1950
#define YEAR_MAX 2099
#define LONG_WORD 16       /* a word this long may be text without spaces */

typedef struct VTok {
  uint32_t off, len;       /* in the prepared text */
  int32_t id;              /* stem id (pe_venue_words), -1 when unknown */
  uint32_t flags;          /* T_* */
  int value;               /* digits or ordinal value, capped */
} VTok;

typedef struct VMatch {
  int iTok, nTok;          /* tokens covered */
  int iVenue;              /* catalog index, or -1-i for overlay venue i */
  unsigned flags;          /* PE_VA_* */
} VMatch;

typedef struct VText {
  char *z; size_t n;       /* prepared text */
  VTok *a; int nTok;
  VMatch *aMatch; int nMatch;
  int nContent;            /* tokens with T_CONTENT */
  int hasFindings, longWord;
  int arxivYear;
} VText;

/* ------------------------------------------------------------------ */
/* User overlay                                                        */

typedef struct UserVenue {
  char *zAcronym, *zName; /* zName NULL: the catalog's, if any */
  int eKind;              /* -1: the catalog's */
  int iCatalog;           /* -1 when the acronym is new */
  PeBuf aliases;          /* '|'-separated as given */
} UserVenue;

typedef struct UserAlias {
  int iVenue;             /* into aVenue */
  int nTok;
  char *zToks;            /* nTok NUL-terminated canonical words, back to back */
} UserAlias;

struct PeVenueOverlay {
  UserVenue *aVenue; int nVenue, nVenueAlloc;
  UserAlias *aAlias; int nAlias, nAliasAlloc;
};

static const char *const azKind[] = { 0, "conference", "journal", "workshop", "preprint" };

const char *pe_venue_kind_name(int eKind){
  return (eKind>0 && eKind<=PE_VK_PREPRINT) ? azKind[eKind] : 0;
}

int pe_venue_kind_from_name(const char *z){
  int i;
  for(i=1; i<=PE_VK_PREPRINT; i++){
    if( z && strcmp(z, azKind[i])==0 ) return i;
  }
  return -1;
}

int pe_venue_find_acronym(const char *z){
  int i;
  for(i=0; i<pe_venue_count; i++){
    if( strcmp(pe_venue_table[i].zAcronym, z)==0 ) return i;
  }
  return -1;
}

/* ------------------------------------------------------------------ */
/* Characters                                                          */

static int is_digit(int c){ return c>='0' && c<='9'; }
static int is_alnum(int c){ return is_digit(c) || (c>='a' && c<='z') || (c>='A' && c<='Z'); }
static int to_lower(int c){ return (c>='A' && c<='Z') ? c+32 : c; }

/* Length of the token character at z[i] (0 when it is not one: letters,
** marks and numbers are); *pDigit set for an ASCII digit. */
static int tok_char(const char *z, size_t n, size_t i, int *pDigit){
  unsigned char c = (unsigned char)z[i];
  uint32_t cp;
  int len, cat;
  *pDigit = is_digit(c);
  if( c<0x80 ) return is_alnum(c);
  len = pe_utf8_decode((const unsigned char*)z+i, n-i, &cp);
  cat = utf8proc_category((utf8proc_int32_t)cp);
  if( (cat>=UTF8PROC_CATEGORY_LU && cat<=UTF8PROC_CATEGORY_ME)
   || (cat>=UTF8PROC_CATEGORY_ND && cat<=UTF8PROC_CATEGORY_NO) ) return len;
  return 0;
}

/* Separator classes. */
#define SEP_APOS   1
#define SEP_HYPHEN 2
#define SEP_OTHER  4

static int sep_class(const char *z, size_t n, size_t i, int *pLen){
  unsigned char c = (unsigned char)z[i];
  uint32_t cp;
  *pLen = 1;
  if( c==' ' || c=='\t' || c=='\n' || c=='\r' ) return 0;
  if( c=='\'' || c=='`' ) return SEP_APOS;
  if( c=='-' ) return SEP_HYPHEN;
  if( c<0x80 ) return SEP_OTHER;
  *pLen = pe_utf8_decode((const unsigned char*)z+i, n-i, &cp);
  if( cp==0x2018 || cp==0x2019 || cp==0x2032 || cp==0xB4 ) return SEP_APOS;
  if( (cp>=0x2010 && cp<=0x2015) || cp==0x2212 ) return SEP_HYPHEN;
  if( pe_is_space(cp) ) return 0;
  return SEP_OTHER;
}

/* ------------------------------------------------------------------ */
/* 1. Prepare: fold, blank arXiv ids and URLs                          */

static int ndigits(const char *z, size_t n, size_t i){
  size_t k = i;
  while( k<n && is_digit((unsigned char)z[k]) ) k++;
  return (int)(k-i);
}

static void blank(char *z, size_t from, size_t to){ memset(z+from, ' ', to-from); }

/* New-style ids YYMM.NNNN(N)[vN]; old style archive/YYMMNNN. */
static void blank_arxiv_ids(VText *t){
  char *z = t->z;
  size_t n = t->n, i;
  for(i=0; i<n; i++){
    int d, yy, mm;
    size_t end;
    if( !is_digit((unsigned char)z[i]) ) continue;
    if( i>0 && (is_digit((unsigned char)z[i-1]) || z[i-1]=='.') ) continue;
    d = ndigits(z, n, i);
    if( d==4 && i+5<n && z[i+4]=='.' ){
      int d2 = ndigits(z, n, i+5);
      if( d2==4 || d2==5 ){
        yy = (z[i]-'0')*10 + z[i+1]-'0';
        mm = (z[i+2]-'0')*10 + z[i+3]-'0';
        end = i+5+(size_t)d2;
        if( end<n && (z[end]=='v' || z[end]=='V') && end+1<n && is_digit((unsigned char)z[end+1]) ){
          end++;
          while( end<n && is_digit((unsigned char)z[end]) ) end++;
        }
        if( mm>=1 && mm<=12 && yy>=7 ){
          if( t->arxivYear==0 ) t->arxivYear = 2000+yy;
          blank(z, i, end);
        }
        i = end;
        continue;
      }
    }
    if( d==7 && i>1 && z[i-1]=='/' && ((z[i-2]>='a' && z[i-2]<='z') || (z[i-2]>='A' && z[i-2]<='Z')) ){
      yy = (z[i]-'0')*10 + z[i+1]-'0';
      mm = (z[i+2]-'0')*10 + z[i+3]-'0';
      if( mm>=1 && mm<=12 && (yy>=91 || yy<=7) ){
        if( t->arxivYear==0 ) t->arxivYear = yy>=91 ? 1900+yy : 2000+yy;
        blank(z, i, i+7);
      }
    }
    i += (size_t)d;
  }
}

static int starts_with_ci(const char *z, size_t n, size_t i, const char *zPre){
  size_t k;
  for(k=0; zPre[k]; k++){
    if( i+k>=n || to_lower((unsigned char)z[i+k])!=zPre[k] ) return 0;
  }
  return 1;
}

static void blank_urls(VText *t){
  char *z = t->z;
  size_t n = t->n, i;
  for(i=0; i<n; i++){
    if( i>0 && is_alnum((unsigned char)z[i-1]) ) continue;
    if( starts_with_ci(z, n, i, "http://") || starts_with_ci(z, n, i, "https://")
     || (starts_with_ci(z, n, i, "www.") && i+4<n && is_alnum((unsigned char)z[i+4])) ){
      size_t end = i;
      while( end<n && z[end]!=' ' && z[end]!='\t' && z[end]!='\n' && z[end]!=')'
             && z[end]!=']' && z[end]!='>' && z[end]!='"' && z[end]!='}' ) end++;
      blank(z, i, end);
      i = end;
    }
  }
}

static int venue_prepare(VText *t, const char *z, size_t n, PeBuf *pBuf){
  size_t i;
  int ascii = 1;
  for(i=0; i<n; i++){ if( (unsigned char)z[i]>=0x80 ){ ascii = 0; break; } }
  if( ascii ){
    if( pe_buf_append(pBuf, z, n) ) return PE_NOMEM;
  }else{
    if( pe_fold_append(pBuf, z, n, PE_FOLD_NFKC|PE_FOLD_IGNORE|PE_FOLD_STRIPMARK) ) return PE_NOMEM;
  }
  if( pBuf->oom ) return PE_NOMEM;
  t->z = pBuf->z ? pBuf->z : (char*)"";
  t->n = pBuf->n;
  blank_arxiv_ids(t);
  blank_urls(t);
  return PE_OK;
}

/* ------------------------------------------------------------------ */
/* 2. Tokenize                                                         */

/* The catalog word for z[0..n) (lower-cased here), -1 when unknown. */
static int word_lookup(const char *z, int n){
  char a[64];
  uint32_t h;
  int i;
  if( n<=0 || n>=(int)sizeof(a) ) return -1;
  for(i=0; i<n; i++) a[i] = (char)to_lower((unsigned char)z[i]);
  h = pe_venue_hash(a, n) & pe_venue_word_hash_mask;
  for(;;){
    uint32_t k = pe_venue_word_hash[h];
    const PeVenueWord *w;
    if( k==0 ) return -1;
    w = &pe_venue_words[k-1];
    if( w->n==n && memcmp(w->z, a, (size_t)n)==0 ) return (int)k-1;
    h = (h+1) & pe_venue_word_hash_mask;
  }
}

static int is_ordinal_suffix(const char *z, int n){
  char a, b;
  if( n!=2 ) return 0;
  a = (char)to_lower((unsigned char)z[0]); b = (char)to_lower((unsigned char)z[1]);
  return (a=='s' && b=='t') || (a=='n' && b=='d') || (a=='r' && b=='d') || (a=='t' && b=='h');
}

static int all_upper(const char *z, int n){
  int i, nUpper = 0;
  for(i=0; i<n; i++){
    if( z[i]>='a' && z[i]<='z' ) return 0;
    if( z[i]>='A' && z[i]<='Z' ) nUpper++;
  }
  return nUpper>0;
}

/* Cut t->z into t->a (allocated by the caller for the worst case, one token
** per byte). */
static void venue_tokenize(VText *t){
  const char *z = t->z;
  size_t n = t->n, i = 0;
  int sep = 0, sawSep = 1;      /* separators since the last token */
  int pagesPending = 0, pendingNumber = 0;
  while( i<n ){
    int isDigit, len = tok_char(z, n, i, &isDigit);
    size_t start;
    int tokDigit;
    VTok *p;
    int w, flags = 0;
    if( len==0 ){
      int sl, c = sep_class(z, n, i, &sl);
      sep |= c;
      sawSep = 1;
      i += (size_t)sl;
      continue;
    }
    start = i;
    tokDigit = isDigit;
    while( i<n ){
      len = tok_char(z, n, i, &isDigit);
      if( len==0 || isDigit!=tokDigit ) break;
      i += (size_t)len;
    }
    if( !sawSep ) flags |= T_JOINED;
    else if( sep==SEP_APOS ) flags |= T_APOS;
    else if( sep==SEP_HYPHEN ) flags |= T_HYPHEN;
    else if( sep==0 ) flags |= T_SPACED;
    sep = 0; sawSep = 0;

    p = &t->a[t->nTok];
    p->off = (uint32_t)start; p->len = (uint32_t)(i-start);
    p->id = -1; p->value = 0;
    if( tokDigit ){
      size_t k;
      int v = 0;
      for(k=start; k<i; k++){ v = v*10 + (z[k]-'0'); if( v>1000000 ) v = 1000000; }
      p->value = v;
      flags |= T_DIGITS;
      if( pagesPending ) flags |= T_NOYEAR;
      if( (flags & T_HYPHEN) && t->nTok>0 && (t->a[t->nTok-1].flags & T_DIGITS) ){
        flags |= T_NOYEAR;                      /* 1137-1149: pages */
        t->a[t->nTok-1].flags |= T_NOYEAR;
      }
      w = (p->len<=4) ? word_lookup(z+start, (int)p->len) : -1;
      if( w>=0 ) p->id = (int32_t)pe_venue_words[w].stem;
      p->flags = (uint32_t)flags;
      pendingNumber = 0;
      t->nTok++;
      continue;
    }
    /* a word */
    if( (flags & T_JOINED) && t->nTok>0 && (t->a[t->nTok-1].flags & T_DIGITS)
     && is_ordinal_suffix(z+start, (int)p->len) ){
      VTok *q = &t->a[t->nTok-1];
      q->flags = (q->flags | T_ORDINAL) & ~(uint32_t)T_DIGITS;
      q->id = -1;
      continue;
    }
    if( p->len>=LONG_WORD ) t->longWord = 1;
    w = word_lookup(z+start, (int)p->len);
    if( w>=0 ){
      const PeVenueWord *pw = &pe_venue_words[w];
      switch( pw->eClass ){
        case PE_VW_DROP: continue;
        case PE_VW_PAGES: pagesPending = 1; continue;
        case PE_VW_NUMBER: pendingNumber = pw->value; continue;
        case PE_VW_ORDINAL:
          p->value = pendingNumber + pw->value;
          p->flags = T_ORDINAL;
          pendingNumber = 0;
          t->nTok++;
          continue;
        case PE_VW_WORKSHOP: flags |= T_WORKSHOP; break;
        case PE_VW_FINDINGS: t->hasFindings = 1; break;
        default: break;
      }
      p->id = (int32_t)pw->stem;
    }
    pagesPending = 0; pendingNumber = 0;
    if( all_upper(z+start, (int)p->len) ) flags |= T_UPPER;
    p->flags = (uint32_t)flags | T_CONTENT;
    t->nContent++;
    t->nTok++;
  }
}

/* ------------------------------------------------------------------ */
/* 3. Match                                                            */

static int case_ok(const VText *t, const VTok *p, const char *zCase){
  size_t k = strlen(zCase);
  if( k!=p->len ) return 0;
  if( memcmp(t->z+p->off, zCase, k)==0 ) return 1;
  return (p->flags & T_UPPER)!=0;
}

static int covers_all(const VText *t, int iTok, int nTok){
  int j, n = 0;
  for(j=iTok; j<iTok+nTok; j++) if( t->a[j].flags & T_CONTENT ) n++;
  return n==t->nContent;
}

static void add_match(VText *t, int iTok, int nTok, int iVenue, unsigned flags){
  VMatch *m = &t->aMatch[t->nMatch++];
  m->iTok = iTok; m->nTok = nTok; m->iVenue = iVenue; m->flags = flags;
}

/* The longest catalog alias starting at each token. */
static void match_catalog(VText *t){
  int i;
  for(i=0; i<t->nTok; i++){
    const VTok *p = &t->a[i];
    const PeVenueWord *w;
    uint32_t k;
    if( p->id<0 ) continue;
    w = &pe_venue_words[p->id];
    for(k=w->iAlias; k<w->iAlias+w->nAlias; k++){
      const PeVenueAlias *al = &pe_venue_aliases[k];
      const uint32_t *aTok = &pe_venue_alias_toks[al->iTok];
      int j;
      if( al->nTok > t->nTok-i ) continue;
      for(j=1; j<al->nTok; j++){
        if( t->a[i+j].id!=(int32_t)aTok[j] ) break;
      }
      if( j<al->nTok ) continue;
      if( (al->flags & PE_VA_CASE) && !case_ok(t, p, al->zCase) ) continue;
      if( (al->flags & PE_VA_WHOLE) && !covers_all(t, i, al->nTok) ) continue;
      add_match(t, i, al->nTok, (int)al->iVenue, al->flags);
      break;
    }
  }
}

/* Does token p spell the canonical word zWord? */
static int tok_is(const VText *t, const VTok *p, const char *zWord){
  size_t k;
  if( p->id>=0 ) return strcmp(pe_venue_words[p->id].z, zWord)==0;
  for(k=0; k<p->len; k++){
    if( zWord[k]==0 || to_lower((unsigned char)t->z[p->off+k])!=zWord[k] ) return 0;
  }
  return zWord[k]==0;
}

static void match_overlay(VText *t, const PeVenueOverlay *ov){
  int u, i;
  for(u=0; u<ov->nAlias; u++){
    const UserAlias *al = &ov->aAlias[u];
    for(i=0; i+al->nTok<=t->nTok; i++){
      const char *zw = al->zToks;
      int j;
      for(j=0; j<al->nTok; j++){
        if( !tok_is(t, &t->a[i+j], zw) ) break;
        zw += strlen(zw)+1;
      }
      if( j==al->nTok ){ add_match(t, i, al->nTok, -1-al->iVenue, 0); break; }
    }
  }
}

static const char *find_bytes(const char *z, size_t n, const char *zNeedle, size_t nNeedle){
  size_t i;
  if( nNeedle==0 || nNeedle>n ) return 0;
  for(i=0; i+nNeedle<=n; i++){
    if( z[i]==zNeedle[0] && memcmp(z+i, zNeedle, nNeedle)==0 ) return z+i;
  }
  return 0;
}

/* Text whose spaces were lost ('AdvancesinNeuralInformationProcessingSystems'):
** look for the full names without spaces in the letters of the text. */
static int match_squashed(VText *t){
  char aStatic[512];
  char *zSq = aStatic;
  int *aTokOf = 0;
  size_t nSq = 0, i;
  int k, rc = PE_OK, tokIdx = -1;
  if( t->n >= sizeof(aStatic) ){
    zSq = pe_malloc(t->n+1);
    if( zSq==0 ) return PE_NOMEM;
  }
  aTokOf = pe_malloc((t->n+1)*sizeof(int));
  if( aTokOf==0 ){ rc = PE_NOMEM; goto done; }
  /* letters and digits only, lower case; remember the stream token of each */
  for(i=0; i<t->n; ){
    int isDigit, len = tok_char(t->z, t->n, i, &isDigit);
    while( tokIdx+1<t->nTok && t->a[tokIdx+1].off<=i ) tokIdx++;
    if( len==0 ){ i++; continue; }
    if( len==1 ){ zSq[nSq] = (char)to_lower((unsigned char)t->z[i]); aTokOf[nSq] = tokIdx; nSq++; }
    i += (size_t)len;
  }
  zSq[nSq] = 0;
  for(k=0; k<pe_venue_squash_count; k++){
    const PeVenueSquash *s = &pe_venue_squash[k];
    const char *zHit;
    if( s->n > nSq ) continue;
    zHit = find_bytes(zSq, nSq, s->z, s->n);
    if( zHit ){
      size_t a = (size_t)(zHit-zSq), b = a+s->n-1;
      int i0 = aTokOf[a]<0 ? 0 : aTokOf[a], i1 = aTokOf[b]<0 ? 0 : aTokOf[b];
      if( t->nTok>0 ) add_match(t, i0, i1-i0+1, (int)s->iVenue, s->flags);
      break;
    }
  }
done:
  if( zSq!=aStatic ) pe_free(zSq);
  pe_free(aTokOf);
  return rc;
}

/* ------------------------------------------------------------------ */
/* 4. Decide                                                           */

static int venue_kind_of(const PeVenueOverlay *ov, int iVenue){
  if( iVenue>=0 ) return pe_venue_table[iVenue].eKind;
  {
    const UserVenue *u = &ov->aVenue[-1-iVenue];
    if( u->eKind>=0 ) return u->eKind;
    return u->iCatalog>=0 ? pe_venue_table[u->iCatalog].eKind : PE_VK_NONE;
  }
}

static const char *venue_acronym_of(const PeVenueOverlay *ov, int iVenue){
  return iVenue>=0 ? pe_venue_table[iVenue].zAcronym : ov->aVenue[-1-iVenue].zAcronym;
}

/* The catalog entry whose edition rule applies, -1 when none. */
static int venue_catalog_of(const PeVenueOverlay *ov, int iVenue){
  return iVenue>=0 ? iVenue : ov->aVenue[-1-iVenue].iCatalog;
}

static int better_match(const PeVenueOverlay *ov, const VMatch *a, const VMatch *b){
  int userA = a->iVenue<0, userB = b->iVenue<0;
  int preA = venue_kind_of(ov, a->iVenue)==PE_VK_PREPRINT;
  int preB = venue_kind_of(ov, b->iVenue)==PE_VK_PREPRINT;
  if( userA!=userB ) return userA;       /* the user's aliases win */
  if( preA!=preB ) return preB;          /* a real venue beats arXiv */
  if( a->nTok!=b->nTok ) return a->nTok > b->nTok;
  return a->iTok < b->iTok;              /* joint events: the lead venue */
}

static int is_acl_family(const char *z){
  return strcmp(z, "ACL")==0 || strcmp(z, "EMNLP")==0 || strcmp(z, "NAACL")==0
      || strcmp(z, "EACL")==0 || strcmp(z, "AACL")==0;
}

static int two_digit_year(int v){ return v<60 ? 2000+v : 1900+v; }

static int is_year_tok(const VTok *p){
  return (p->flags & T_DIGITS) && !(p->flags & T_NOYEAR) && p->len==4
      && p->value>=YEAR_MIN && p->value<=YEAR_MAX;
}

static int volume_year(int iCat, int vol){
  if( iCat<0 || pe_venue_table[iCat].volumeBase==0 || vol<1 || vol>99 ) return 0;
  return pe_venue_table[iCat].volumeBase + vol;
}

static int edition_year(int iCat, int nth){
  const PeVenue *v;
  if( iCat<0 ) return 0;
  v = &pe_venue_table[iCat];
  if( v->editionStep==0 || nth<v->editionMin || nth>200 ) return 0;
  return v->editionBase + v->editionStep*nth;
}

/* The year by the rules, best first; iVenue may be INT32_MIN (no venue). */
static int decide_year(const VText *t, const PeVenueOverlay *ov, int iVenue){
  int i, k, volumeYear = 0;
  int iCat = iVenue==INT32_MIN ? -1 : venue_catalog_of(ov, iVenue);
  /* 1. a year written next to the venue: 'CVPR 2019', 'cvpr21', "ICLR'21", '2019 Conference on ...' */
  if( iVenue!=INT32_MIN ){
    for(k=0; k<t->nMatch; k++){
      const VMatch *m = &t->aMatch[k];
      int end = m->iTok + m->nTok;
      if( m->iVenue!=iVenue ) continue;
      if( end<t->nTok ){
        const VTok *p = &t->a[end];
        if( is_year_tok(p) ) return p->value;
        if( (m->flags & PE_VA_VOLUME) && (p->flags & T_DIGITS) && p->len<=2 ){
          if( volumeYear==0 ) volumeYear = volume_year(iCat, p->value);
        }else if( (p->flags & T_DIGITS) && !(p->flags & T_NOYEAR) && p->len==2
         && ((p->flags & (T_JOINED|T_APOS|T_HYPHEN))
             || ((p->flags & T_SPACED) && m->nTok==1)) ){
          return two_digit_year(p->value);   /* cvpr21, ICLR'21, AAAI-20, 'ICML 20' */
        }
      }
      if( m->iTok>0 && is_year_tok(&t->a[m->iTok-1]) ) return t->a[m->iTok-1].value;
    }
  }
  /* 2. any four-digit year, the first one */
  for(i=0; i<t->nTok; i++){
    if( is_year_tok(&t->a[i]) ) return t->a[i].value;
  }
  /* 3. "'20" */
  for(i=0; i<t->nTok; i++){
    const VTok *p = &t->a[i];
    if( (p->flags & T_DIGITS) && (p->flags & T_APOS) && p->len==2 && !(p->flags & T_NOYEAR) ){
      return two_digit_year(p->value);
    }
  }
  /* 4. an edition or volume number of the venue */
  if( volumeYear ) return volumeYear;
  if( iCat>=0 ){
    for(i=0; i<t->nTok; i++){
      if( t->a[i].flags & T_ORDINAL ){
        int y = edition_year(iCat, t->a[i].value);
        if( y ) return y;
      }
    }
  }
  /* 5. an arXiv id */
  return t->arxivYear;
}

/* A workshop: 'workshop(s)' outside the venue's own name, or 'CVPR-W'. */
static int is_workshop(const VText *t, const VMatch *best, int iVenue){
  int i, k;
  for(i=0; i<t->nTok; i++){
    if( (t->a[i].flags & T_WORKSHOP) && (best==0 || i<best->iTok || i>=best->iTok+best->nTok) ){
      return 1;
    }
  }
  for(k=0; k<t->nMatch; k++){
    const VMatch *m = &t->aMatch[k];
    int end = m->iTok + m->nTok;
    if( m->iVenue!=iVenue ) continue;
    if( m->flags & PE_VA_WORKSHOP ) return 1;
    if( end<t->nTok && t->a[end].len==1 && (t->a[end].flags & (T_HYPHEN|T_JOINED))
     && (t->z[t->a[end].off]=='W' || t->z[t->a[end].off]=='w') ) return 1;
  }
  return 0;
}

static void venue_decide(const VText *t, const PeVenueOverlay *ov, PeVenueInfo *pOut){
  const VMatch *best = 0;
  int k, iVenue = INT32_MIN, eKind = PE_VK_NONE, workshop;
  for(k=0; k<t->nMatch; k++){
    if( best==0 || better_match(ov, &t->aMatch[k], best) ) best = &t->aMatch[k];
  }
  if( best ){
    iVenue = best->iVenue;
    /* 'Findings of the ACL: EMNLP 2020': the last ACL-family venue named */
    if( t->hasFindings && iVenue>=0 && is_acl_family(pe_venue_table[iVenue].zAcronym) ){
      char zF[32];
      int iF;
      for(k=0; k<t->nMatch; k++){
        const VMatch *m = &t->aMatch[k];
        if( m->iVenue>=0 && is_acl_family(pe_venue_table[m->iVenue].zAcronym) ) best = m;
      }
      strcpy(zF, "Findings-");
      strcat(zF, pe_venue_table[best->iVenue].zAcronym);
      iF = pe_venue_find_acronym(zF);
      if( iF>=0 ) iVenue = iF;
    }
    eKind = venue_kind_of(ov, iVenue);
    pOut->zAcronym = venue_acronym_of(ov, iVenue);
    if( iVenue>=0 ){
      pOut->zName = pe_venue_table[iVenue].zName;
    }else{
      const UserVenue *u = &ov->aVenue[-1-iVenue];
      pOut->zName = u->zName ? u->zName : (u->iCatalog>=0 ? pe_venue_table[u->iCatalog].zName : 0);
    }
  }
  workshop = is_workshop(t, best, iVenue);
  if( workshop && (eKind==PE_VK_NONE || eKind==PE_VK_CONFERENCE) ){
    eKind = PE_VK_WORKSHOP;
  }
  pOut->eKind = eKind;
  pOut->year = decide_year(t, ov, iVenue);
}

int pe_venue_parse(const PeVenueOverlay *ov, const char *z, size_t n, PeVenueInfo *pOut){
  VText t;
  PeBuf buf;
  VTok aTokStatic[64];
  VMatch aMatchStatic[64];
  size_t nMax;
  int rc = PE_OK;
  memset(pOut, 0, sizeof(*pOut));
  memset(&t, 0, sizeof(t));
  pe_buf_init(&buf);
  rc = venue_prepare(&t, z, n, &buf);
  if( rc ) goto done;
  /* at most one token per byte; matches: one per token per source */
  nMax = t.n + 1;
  if( nMax<=64 && (ov==0 || (size_t)ov->nAlias+nMax<=64) ){
    t.a = aTokStatic; t.aMatch = aMatchStatic;
  }else{
    t.a = pe_malloc(nMax*sizeof(VTok));
    t.aMatch = pe_malloc((nMax + (ov ? (size_t)ov->nAlias : 0))*sizeof(VMatch));
    if( t.a==0 || t.aMatch==0 ){ rc = PE_NOMEM; goto done; }
  }
  venue_tokenize(&t);
  if( ov && ov->nAlias ) match_overlay(&t, ov);
  match_catalog(&t);
  if( t.nMatch==0 && t.longWord ){
    rc = match_squashed(&t);
    if( rc ) goto done;
  }
  venue_decide(&t, ov, pOut);
done:
  if( t.a!=aTokStatic ) pe_free(t.a);
  if( t.aMatch!=aMatchStatic ) pe_free(t.aMatch);
  pe_buf_free(&buf);
  if( rc ) memset(pOut, 0, sizeof(*pOut));
  return rc;
}

/* ------------------------------------------------------------------ */
/* Overlay                                                             */

PeVenueOverlay *pe_venue_overlay_new(void){
  PeVenueOverlay *ov = pe_malloc(sizeof(*ov));
  if( ov ) memset(ov, 0, sizeof(*ov));
  return ov;
}

void pe_venue_overlay_free(PeVenueOverlay *ov){
  int i;
  if( ov==0 ) return;
  for(i=0; i<ov->nVenue; i++){
    pe_free(ov->aVenue[i].zAcronym);
    pe_free(ov->aVenue[i].zName);
    pe_buf_free(&ov->aVenue[i].aliases);
  }
  for(i=0; i<ov->nAlias; i++) pe_free(ov->aAlias[i].zToks);
  pe_free(ov->aVenue);
  pe_free(ov->aAlias);
  pe_free(ov);
}

int pe_venue_overlay_count(const PeVenueOverlay *ov){ return ov ? ov->nVenue : 0; }

void pe_venue_overlay_venue(const PeVenueOverlay *ov, int i, PeVenueInfo *pOut,
                            const char **pzAliases){
  const UserVenue *u = &ov->aVenue[i];
  memset(pOut, 0, sizeof(*pOut));
  pOut->zAcronym = u->zAcronym;
  pOut->zName = u->zName ? u->zName : (u->iCatalog>=0 ? pe_venue_table[u->iCatalog].zName : 0);
  pOut->eKind = venue_kind_of(ov, -1-i);
  *pzAliases = u->aliases.z ? u->aliases.z : "";
}

static char *dup_str(const char *z){
  size_t n = strlen(z);
  char *p = pe_malloc(n+1);
  if( p ) memcpy(p, z, n+1);
  return p;
}

/* The canonical words of an alias, NUL-separated, into pOut; their count. */
static int alias_words(const char *zAlias, PeBuf *pOut, int *pnTok){
  VText t;
  PeBuf buf;
  VTok *a;
  int i, rc;
  memset(&t, 0, sizeof(t));
  pe_buf_init(&buf);
  *pnTok = 0;
  rc = venue_prepare(&t, zAlias, strlen(zAlias), &buf);
  if( rc ){ pe_buf_free(&buf); return rc; }
  a = pe_malloc((t.n+1)*sizeof(VTok));
  if( a==0 ){ pe_buf_free(&buf); return PE_NOMEM; }
  t.a = a;
  venue_tokenize(&t);
  for(i=0; i<t.nTok; i++){
    const VTok *p = &a[i];
    if( p->id>=0 ){
      pe_buf_append(pOut, pe_venue_words[p->id].z, pe_venue_words[p->id].n);
    }else{
      uint32_t k;
      for(k=0; k<p->len; k++) pe_buf_appendc(pOut, (char)to_lower((unsigned char)t.z[p->off+k]));
    }
    pe_buf_appendc(pOut, 0);
  }
  *pnTok = t.nTok;
  pe_free(a);
  pe_buf_free(&buf);
  return pOut->oom ? PE_NOMEM : PE_OK;
}

static int overlay_add_alias(PeVenueOverlay *ov, int iVenue, const char *zAlias,
                             char *zErr, size_t nErr){
  PeBuf words;
  int nTok, rc, i;
  UserAlias *al;
  pe_buf_init(&words);
  rc = alias_words(zAlias, &words, &nTok);
  if( rc ){ pe_buf_free(&words); return rc; }
  if( nTok==0 ){
    pe_buf_free(&words);
    snprintf(zErr, nErr, "alias '%s' has no word to match", zAlias);
    return PE_ERROR;
  }
  /* the same words again: the later row wins */
  for(i=0; i<ov->nAlias; i++){
    al = &ov->aAlias[i];
    if( al->nTok==nTok && memcmp(al->zToks, words.z, words.n)==0 ){
      al->iVenue = iVenue;
      pe_buf_free(&words);
      return PE_OK;
    }
  }
  if( ov->nAlias==ov->nAliasAlloc ){
    int nNew = ov->nAliasAlloc ? ov->nAliasAlloc*2 : 16;
    UserAlias *aNew = pe_realloc(ov->aAlias, (size_t)nNew*sizeof(UserAlias));
    if( aNew==0 ){ pe_buf_free(&words); return PE_NOMEM; }
    ov->aAlias = aNew; ov->nAliasAlloc = nNew;
  }
  al = &ov->aAlias[ov->nAlias];
  al->iVenue = iVenue;
  al->nTok = nTok;
  al->zToks = pe_buf_finish(&words, 0);
  if( al->zToks==0 ) return PE_NOMEM;
  ov->nAlias++;
  return PE_OK;
}

int pe_venue_overlay_add(PeVenueOverlay *ov, const char *zAlias, const char *zAcronym,
                         const char *zName, const char *zKind, char *zErr, size_t nErr){
  int i, eKind = -1, rc;
  UserVenue *u = 0;
  if( zAcronym==0 || zAcronym[0]==0 ){
    snprintf(zErr, nErr, "acronym is empty");
    return PE_ERROR;
  }
  if( zKind ){
    eKind = pe_venue_kind_from_name(zKind);
    if( eKind<0 ){
      snprintf(zErr, nErr, "kind '%s' is not conference, journal, workshop or preprint", zKind);
      return PE_ERROR;
    }
  }
  for(i=0; i<ov->nVenue; i++){
    if( strcmp(ov->aVenue[i].zAcronym, zAcronym)==0 ){ u = &ov->aVenue[i]; break; }
  }
  if( u==0 ){
    if( ov->nVenue==ov->nVenueAlloc ){
      int nNew = ov->nVenueAlloc ? ov->nVenueAlloc*2 : 8;
      UserVenue *aNew = pe_realloc(ov->aVenue, (size_t)nNew*sizeof(UserVenue));
      if( aNew==0 ) return PE_NOMEM;
      ov->aVenue = aNew; ov->nVenueAlloc = nNew;
    }
    u = &ov->aVenue[ov->nVenue];
    memset(u, 0, sizeof(*u));
    u->zAcronym = dup_str(zAcronym);
    if( u->zAcronym==0 ) return PE_NOMEM;
    u->eKind = -1;
    u->iCatalog = pe_venue_find_acronym(zAcronym);
    i = ov->nVenue++;
    rc = overlay_add_alias(ov, i, zAcronym, zErr, nErr);
    if( rc ) return rc;
    u = &ov->aVenue[i];
  }
  if( zName ){
    char *z = dup_str(zName);
    if( z==0 ) return PE_NOMEM;
    pe_free(u->zName);
    u->zName = z;
  }
  if( eKind>=0 ) u->eKind = eKind;
  if( zAlias ){
    if( u->aliases.n ) pe_buf_appendc(&u->aliases, '|');
    pe_buf_appends(&u->aliases, zAlias);
    if( u->aliases.oom ) return PE_NOMEM;
    return overlay_add_alias(ov, i, zAlias, zErr, nErr);
  }
  return PE_OK;
}
