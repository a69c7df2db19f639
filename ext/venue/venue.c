/*
** venue.c: recognize the venue and year in a raw venue string (see venue.h).
**
** Three steps:
**   1. venue_prepare(): ASCII text is read in place; other text is folded
**      (NFKC, marks removed; case is kept for case-sensitive acronyms), and
**      LaTeX braces are dropped.
**   2. venue_tokenize(): cut it into words and numbers ('cvpr21' -> cvpr 21),
**      map each word to its stem id, drop fillers, mark ordinals ('37th'),
**      page/volume numbers and how a number is attached ("'20", '-20'); an
**      arXiv id is skipped (its YYMM gives a fallback year).
**   3. match_*() + venue_decide(): find every alias, keep the best one,
**      then the year by the rules of ext/venue/README.md.
*/
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>
#include "venue.h"
#include "venue_int.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/pe_mem.h"

/* Token flags. */
#define T_DIGITS   0x001   /* ASCII digits */
#define T_JOINED   0x002   /* glued to the previous token ('cvpr21') */
#define T_APOS     0x004   /* only an apostrophe (and spaces) before it ("'21") */
#define T_HYPHEN   0x008   /* only a hyphen or dash (and spaces) before it */
#define T_NOYEAR   0x010   /* a page, volume or range number */
#define T_ORDINAL  0x020   /* '37th', 'fourth' (value holds the number) */
/* 0x040 unused (capitals are checked where needed: tok_upper()) */
#define T_CONTENT  0x080   /* a word a whole-string alias must cover */
#define T_SPACED   0x100   /* only white space before it */
#define T_WORKSHOP 0x200   /* 'workshop(s)' */
#define T_PAREN    0x400   /* an opening parenthesis before it: '(CAL)' */

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
  const char *z; size_t n; /* prepared text (case kept) */
  VTok *a; int nTok;
  VMatch *aMatch; int nMatch;
  int nContent;            /* tokens with T_CONTENT */
  int firstBare, lastBare; /* content tokens a whole-string alias must cover (covers_all), -1: none */
  int hasFindings, longWord;
  int arxivYear;
} VText;

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
  int lo = 0, hi = pe_venue_count;     /* binary search for the first >= z */
  while( lo<hi ){
    int mid = lo + (hi-lo)/2;
    if( strcmp(pe_venue_table[pe_venue_by_acronym[mid]].zAcronym, z)<0 ) lo = mid+1;
    else hi = mid;
  }
  if( lo<pe_venue_count && strcmp(pe_venue_table[pe_venue_by_acronym[lo]].zAcronym, z)==0 ){
    return pe_venue_by_acronym[lo];
  }
  return -1;
}

/* ------------------------------------------------------------------ */
/* Characters                                                          */

/* ASCII character classes (one table lookup per byte on the hot path). */
#define C_DIGIT  0x01
#define C_ALPHA  0x02
#define C_UPPER  0x04
#define C_APOS   0x08   /* ' ` */
#define C_HYPHEN 0x10   /* - */
#define C_PAREN  0x20   /* ( [ */
#define C_SPACE  0x40
#define C_HIGH   0x80   /* a byte of a multi-byte character */
#define C_WORD   (C_DIGIT|C_ALPHA)

static const unsigned char aClass[256] = {
  0,0,0,0,0,0,0,0, 0,C_SPACE,C_SPACE,C_SPACE,C_SPACE,C_SPACE,0,0,
  0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,
  C_SPACE,0,0,0,0,0,0,C_APOS, C_PAREN,0,0,0,0,C_HYPHEN,0,0,
  C_DIGIT,C_DIGIT,C_DIGIT,C_DIGIT,C_DIGIT,C_DIGIT,C_DIGIT,C_DIGIT, C_DIGIT,C_DIGIT,0,0,0,0,0,0,
  0,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,
  C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,
  C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,
  C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_ALPHA|C_UPPER,C_PAREN,0,0,0,0,
  C_APOS,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA, C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,
  C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA,C_ALPHA, C_ALPHA,C_ALPHA,C_ALPHA,0,0,0,0,0,
#define H8 C_HIGH,C_HIGH,C_HIGH,C_HIGH,C_HIGH,C_HIGH,C_HIGH,C_HIGH
  H8,H8,H8,H8,H8,H8,H8,H8, H8,H8,H8,H8,H8,H8,H8,H8
#undef H8
};

#define CLASS(c) aClass[(unsigned char)(c)]

static int is_digit(int c){ return c>='0' && c<='9'; }
static int is_alnum(int c){ return (CLASS(c) & C_WORD)!=0; }
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
#define SEP_PAREN  8

/* The class of the separator character at z[i] (0 for white space). */
static int sep_class(const char *z, size_t n, size_t i, int *pLen){
  unsigned char c = (unsigned char)z[i];
  uint32_t cp;
  *pLen = 1;
  if( c<0x80 ){
    int k = CLASS(c);
    if( k & C_SPACE ) return 0;
    if( k & C_APOS ) return SEP_APOS;
    if( k & C_HYPHEN ) return SEP_HYPHEN;
    if( k & C_PAREN ) return SEP_OTHER|SEP_PAREN;
    return SEP_OTHER;
  }
  *pLen = pe_utf8_decode((const unsigned char*)z+i, n-i, &cp);
  if( cp==0x2018 || cp==0x2019 || cp==0x2032 || cp==0xB4 ) return SEP_APOS;
  if( (cp>=0x2010 && cp<=0x2015) || cp==0x2212 ) return SEP_HYPHEN;
  if( pe_is_space(cp) ) return 0;
  return SEP_OTHER;
}

/* ------------------------------------------------------------------ */
/* 1. Prepare: fold non-ASCII text, drop LaTeX braces                  */

/* Would NFKC folding change how z[0..n) tokenizes?  Not for ASCII, general
** punctuation (dashes, curly quotes, spaces: separators either way), CJK
** punctuation, kana, CJK ideographs and Hangul syllables (unchanged), which
** is most non-ASCII venue text ('pp. 1-10' with an en dash, 'NeurIPS'20' with
** a curly quote, Chinese notes); letters with accents, full-width forms and
** invisible characters (ZWSP, soft hyphen) do need it. */
static int needs_fold(const char *z, size_t n){
  size_t i = 0;
  while( i<n ){
    uint32_t c;
    if( (unsigned char)z[i]<0x80 ){ i++; continue; }
    i += (size_t)pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    if( (c>=0x2010 && c<=0x205F && c!=0x2033)   /* dashes, quotes, primes, leaders */
     || (c>=0x3000 && c<=0x30FF)                /* CJK punctuation, kana */
     || (c>=0x4E00 && c<=0x9FFF)                /* CJK unified ideographs */
     || (c>=0xAC00 && c<=0xD7A3) ) continue;    /* Hangul syllables */
    return 1;
  }
  return 0;
}

/* ASCII text without braces is read in place (the common case, no copy);
** anything else is folded (NFKC, marks removed; case kept for case-sensitive
** acronyms) and/or stripped of braces ('North {A}merican') into *pBuf. */
static int venue_prepare(VText *t, const char *z, size_t n, PeBuf *pBuf){
  size_t i, k;
  unsigned char any = 0;
  int ascii, braces;
  for(i=0; i+8<=n; i+=8){                /* eight bytes at a time */
    uint64_t w;
    memcpy(&w, z+i, 8);
    if( w & 0x8080808080808080ull ){ any = 0x80; break; }
  }
  for(; i<n && !(any & 0x80); i++) any |= (unsigned char)z[i];
  ascii = (any & 0x80)==0;
  braces = n>0 && (memchr(z, '{', n)!=0 || memchr(z, '}', n)!=0);
  if( !ascii && !needs_fold(z, n) ) ascii = 1;
  if( ascii && !braces ){ t->z = z; t->n = n; return PE_OK; }
  if( ascii ) pe_buf_append(pBuf, z, n);
  else pe_fold_append(pBuf, z, n, PE_FOLD_NFKC|PE_FOLD_IGNORE|PE_FOLD_STRIPMARK);
  if( pBuf->oom ) return PE_NOMEM;
  if( pBuf->z==0 ){ t->z = ""; t->n = 0; return PE_OK; }
  {
    char *zb = pBuf->z;           /* a local: stores through it could alias *pBuf */
    size_t nb = pBuf->n;
    for(i=k=0; i<nb; i++){
      char c = zb[i];
      if( c!='{' && c!='}' ) zb[k++] = c;
    }
    zb[k] = 0;
    pBuf->n = k;
    t->z = zb; t->n = k;
  }
  return PE_OK;
}

/* ------------------------------------------------------------------ */
/* 2. Tokenize                                                         */

static const unsigned char *lower_table(void){
  static const unsigned char a[256] = {
#define R8(b) (b),(b)+1,(b)+2,(b)+3,(b)+4,(b)+5,(b)+6,(b)+7
    R8(0),R8(8),R8(16),R8(24),R8(32),R8(40),R8(48),R8(56),
    64,R8(97),R8(105),R8(113),'y','z',91,92,93,94,95,
    R8(96),R8(104),R8(112),R8(120),
    R8(128),R8(136),R8(144),R8(152),R8(160),R8(168),R8(176),R8(184),
    R8(192),R8(200),R8(208),R8(216),R8(224),R8(232),R8(240),R8(248)
#undef R8
  };
  return a;
}
#define LOWER(c) (lower_table()[(unsigned char)(c)])

#define MAX_WORD 64    /* longer words are in no alias */

/* The catalog word for the lower-case zLow[0..n) whose pe_venue_hash() is h;
** -1 when unknown. */
static inline int word_lookup_h(const char *zLow, int n, uint32_t h){
  uint32_t i;
  if( n<=0 || n>=MAX_WORD ) return -1;
  for(i=h & pe_venue_word_hash_mask; ; i=(i+1) & pe_venue_word_hash_mask){
    const PeVenueSlot *slot = &pe_venue_word_hash[i];
    if( slot->word==0 ) return -1;
    if( slot->hash==h ){
      const PeVenueWord *w = &pe_venue_words[slot->word-1];
      if( w->n==n && memcmp(w->z, zLow, (size_t)n)==0 ) return (int)slot->word-1;
    }
  }
}

/* The catalog word for z[0..n) in any case, -1 when unknown. */
static int word_lookup(const char *z, int n){
  char a[MAX_WORD];
  int i;
  if( n<=0 || n>=MAX_WORD ) return -1;
  for(i=0; i<n; i++) a[i] = (char)LOWER(z[i]);
  return word_lookup_h(a, n, pe_venue_hash(a, n));
}

static int is_ordinal_suffix(const char *z){
  unsigned char a = LOWER(z[0]), b = LOWER(z[1]);
  return (a=='s' && b=='t') || (a=='n' && b=='d') || (a=='r' && b=='d') || (a=='t' && b=='h');
}

static int all_upper(const char *z, int n){
  int i, nUpper = 0;
  for(i=0; i<n; i++){
    int k = CLASS(z[i]);
    if( (k & C_ALPHA) && !(k & C_UPPER) ) return 0;
    if( k & C_UPPER ) nUpper++;
  }
  return nUpper>0;
}

static int ndigits(const char *z, size_t n, size_t i){
  size_t k = i;
  while( k<n && is_digit((unsigned char)z[k]) ) k++;
  return (int)(k-i);
}

/* The digits z[start..start+nDigit) begin an arXiv id: a new-style
** YYMM.NNNN(N)[vN], or the YYMMNNN of an old-style 'archive/YYMMNNN'.  Then
** note its year (a fallback) and return where the id ends, else 0. */
static size_t arxiv_id_end(VText *t, size_t start, int nDigit){
  const char *z = t->z;
  size_t n = t->n, end;
  int yy = (z[start]-'0')*10 + z[start+1]-'0', mm = 0;
  if( nDigit==4 && start+5<n && z[start+4]=='.' ){
    int d2 = ndigits(z, n, start+5);
    if( d2!=4 && d2!=5 ) return 0;
    mm = (z[start+2]-'0')*10 + z[start+3]-'0';
    if( mm<1 || mm>12 || yy<7 ) return 0;
    end = start+5+(size_t)d2;
    if( end+1<n && (z[end]=='v' || z[end]=='V') && is_digit((unsigned char)z[end+1]) ){
      end++;
      while( end<n && is_digit((unsigned char)z[end]) ) end++;
    }
    if( t->arxivYear==0 ) t->arxivYear = 2000+yy;
    return end;
  }
  if( nDigit==7 && start>1 && z[start-1]=='/' && (CLASS(z[start-2]) & C_ALPHA) ){
    mm = (z[start+2]-'0')*10 + z[start+3]-'0';
    if( mm<1 || mm>12 || (yy<91 && yy>7) ) return 0;
    if( t->arxivYear==0 ) t->arxivYear = yy>=91 ? 1900+yy : 2000+yy;
    return start+7;
  }
  return 0;
}

/* Cut the text into t->a (allocated by the caller for the worst case, one
** token per byte). */
static void venue_tokenize(VText *t){
  VTok *a = t->a;                 /* locals: stores to tokens could alias *t */
  int nTok = 0;
  const char *z = t->z;
  size_t n = t->n, i = 0;
  int sep = 0, sawSep = 1;      /* separators since the last token */
  int pagesPending = 0, pendingNumber = 0;
  while( i<n ){
    unsigned char c = (unsigned char)z[i];
    size_t start;
    int tokDigit, isDigit, len;
    VTok *p;
    uint32_t h;
    char zLow[MAX_WORD];
    int w, flags = 0, nLow = 0, cut = 0;
    if( c<0x80 ){
      int k = CLASS(c);
      if( !(k & C_WORD) ){
        if( !(k & C_SPACE) ){
          sep |= (k & C_APOS) ? SEP_APOS : (k & C_HYPHEN) ? SEP_HYPHEN
               : (k & C_PAREN) ? (SEP_OTHER|SEP_PAREN) : SEP_OTHER;
        }
        sawSep = 1;
        i++;
        continue;
      }
      isDigit = (k & C_DIGIT)!=0;   /* (the token loop below reads its own lengths) */
    }else{
      len = tok_char(z, n, i, &isDigit);
      if( len==0 ){
        int sl, sc = sep_class(z, n, i, &sl);
        sep |= sc;
        sawSep = 1;
        i += (size_t)sl;
        continue;
      }
    }
    start = i;
    tokDigit = isDigit;
    /* the hash and a lower-case copy of the token as it is read (a word of
    ** MAX_WORD bytes or more is never looked up, so the copy may wrap) */
    h = 2166136261u;
    i = start;
    for(;;){
      if( tokDigit ){
        while( i<n && (unsigned)(z[i]-'0')<10 ){
          unsigned char lc = (unsigned char)z[i++];
          zLow[nLow++ & (MAX_WORD-1)] = (char)lc;
          h ^= lc; h *= 16777619u;
        }
      }else{
        while( i<n && (CLASS(z[i]) & C_ALPHA) ){
          unsigned char lc = (unsigned char)(z[i++] | 0x20);
          zLow[nLow++ & (MAX_WORD-1)] = (char)lc;
          h ^= lc; h *= 16777619u;
        }
      }
      if( i>=n || (unsigned char)z[i]<0x80 ) break;
      /* a non-ASCII letter or number goes on the token (as is) */
      len = tok_char(z, n, i, &isDigit);
      if( len==0 || isDigit!=tokDigit ) break;
      for(; len>0; len--){
        unsigned char lc = (unsigned char)z[i++];
        zLow[nLow++ & (MAX_WORD-1)] = (char)lc;
        h ^= lc; h *= 16777619u;
      }
    }
    if( sep & SEP_PAREN ) flags |= T_PAREN;
    sep &= ~SEP_PAREN;
    if( !sawSep ) flags |= T_JOINED;
    else if( sep==SEP_APOS ) flags |= T_APOS;
    else if( sep==SEP_HYPHEN ) flags |= T_HYPHEN;
    else if( sep==0 ) flags |= T_SPACED;
    sep = 0; sawSep = 0;

    p = &a[nTok];
    p->off = (uint32_t)start; p->len = (uint32_t)(i-start);
    p->id = -1; p->value = 0;
    if( tokDigit && (i-start==4 || i-start==7) ){
      size_t idEnd = arxiv_id_end(t, start, (int)(i-start));
      if( idEnd ){ i = idEnd; sawSep = 1; continue; }
    }
    if( tokDigit ){
      size_t k;
      int v = 0;
      for(k=start; k<i; k++){ v = v*10 + (z[k]-'0'); if( v>1000000 ) v = 1000000; }
      p->value = v;
      flags |= T_DIGITS;
      if( pagesPending ){ flags |= T_NOYEAR; pagesPending = 0; }
      if( (flags & T_HYPHEN) && nTok>0 && (a[nTok-1].flags & T_DIGITS) ){
        int prev = a[nTok-1].value;
        if( !(prev>=YEAR_MIN && prev<=YEAR_MAX && v>=prev && v<=prev+1) ){
          flags |= T_NOYEAR;                    /* 1137-1149: pages, not 'ICASSP 2020 - 2020' */
          a[nTok-1].flags |= T_NOYEAR;
        }
      }
      w = (p->len<=4) ? word_lookup_h(zLow, (int)p->len, h) : -1;
      if( w>=0 ) p->id = (int32_t)pe_venue_words[w].stem;
      p->flags = (uint32_t)flags;
      pendingNumber = 0;
      nTok++;
      continue;
    }
    /* a word */
    if( (flags & T_JOINED) && nTok>0 && (a[nTok-1].flags & T_DIGITS)
     && a[nTok-1].len<=3 && p->len>=2 && is_ordinal_suffix(z+start) ){
      VTok *q = &a[nTok-1];
      q->flags = (q->flags | T_ORDINAL) & ~(uint32_t)T_DIGITS;
      q->id = -1;
      if( p->len==2 ) continue;
      /* '58thAnnualMeeting...' (spaces lost): the rest is a word */
      if( word_lookup(z+start, (int)p->len)<0 ){
        start += 2; p->off += 2; p->len -= 2; flags &= ~T_JOINED;
        cut = 1;
      }
    }
    if( p->len>=LONG_WORD ) t->longWord = 1;
    w = cut ? word_lookup(z+start, (int)p->len) : word_lookup_h(zLow, (int)p->len, h);
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
          nTok++;
          continue;
        case PE_VW_WORKSHOP: flags |= T_WORKSHOP; break;
        case PE_VW_FINDINGS: t->hasFindings = 1; break;
        default: break;
      }
      p->id = (int32_t)pw->stem;
    }
    pagesPending = 0; pendingNumber = 0;
    p->flags = (uint32_t)flags | T_CONTENT;
    t->nContent++;
    nTok++;
  }
  t->nTok = nTok;
}

/* ------------------------------------------------------------------ */
/* 3. Match                                                            */

static int tok_upper(const VText *t, const VTok *p){
  return all_upper(t->z+p->off, (int)p->len);
}

static int case_ok(const VText *t, const VTok *p, const char *zCase){
  size_t k = strlen(zCase);
  if( k!=p->len ) return 0;
  if( memcmp(t->z+p->off, zCase, k)==0 ) return 1;
  return tok_upper(t, p);
}

/* Does the alias at tokens [iTok, iTok+nTok) cover every content token but
** acronyms in parentheses ('IEEE Computer Architecture Letters (CAL)')?
** The first and last such token are found once (find_bare), so this is not
** a pass over the text for every alias that may match. */
static int covers_all(const VText *t, int iTok, int nTok){
  return t->firstBare<0 || (t->firstBare>=iTok && t->lastBare<iTok+nTok);
}

static void find_bare(VText *t){
  int j;
  t->firstBare = t->lastBare = -1;
  for(j=0; j<t->nTok; j++){
    const VTok *p = &t->a[j];
    if( !(p->flags & T_CONTENT) || ((p->flags & T_PAREN) && tok_upper(t, p)) ) continue;
    if( t->firstBare<0 ) t->firstBare = j;
    t->lastBare = j;
  }
}

static void add_match(VText *t, int iTok, int nTok, int iVenue, unsigned flags){
  VMatch *m = &t->aMatch[t->nMatch++];
  m->iTok = iTok; m->nTok = nTok; m->iVenue = iVenue; m->flags = flags;
}

/* Does the alias match the tokens at i (its first stem is known to)? */
static inline int alias_matches(const VText *t, int i, const PeVenueAlias *al){
  const uint32_t *aTok = &pe_venue_alias_toks[al->iTok];
  int j;
  if( al->nTok > t->nTok-i ) return 0;
  for(j=1; j<al->nTok; j++){
    if( t->a[i+j].id!=(int32_t)aTok[j] ) return 0;
  }
  if( (al->flags & PE_VA_CASE) && !case_ok(t, &t->a[i], al->zCase) ) return 0;
  if( (al->flags & PE_VA_WHOLE) && !covers_all(t, i, al->nTok) ) return 0;
  if( (al->flags & PE_VA_PUBLISHER) && i>1 && !t->hasFindings ) return 0;
  return 1;
}

/* The second stem of alias k (one-word aliases sort last). */
static uint32_t alias_second(uint32_t k){
  return pe_venue_aliases[k].second;
}

/* The longest catalog alias starting at each token. */
static void match_catalog(VText *t){
  int i;
  for(i=0; i<t->nTok; i++){
    const VTok *p = &t->a[i];
    const PeVenueWord *w;
    uint32_t lo, hi, k, end;
    if( p->id<0 ) continue;
    w = &pe_venue_words[p->id];
    if( w->nAlias==0 ) continue;
    end = w->iAlias + w->nAlias;
    /* aliases whose second stem is the next token's, longest first */
    if( i+1<t->nTok && t->a[i+1].id>=0 ){
      uint32_t want = (uint32_t)t->a[i+1].id;
      lo = w->iAlias; hi = end;
      while( hi-lo>8 ){               /* binary search down to a short run */
        uint32_t mid = lo + (hi-lo)/2;
        if( alias_second(mid)<want ) lo = mid+1; else hi = mid;
      }
      while( lo<end && alias_second(lo)<want ) lo++;
      for(k=lo; k<end && alias_second(k)==want; k++){
        if( alias_matches(t, i, &pe_venue_aliases[k]) ) break;
      }
      if( k<end && alias_second(k)==want ){
        add_match(t, i, pe_venue_aliases[k].nTok, (int)pe_venue_aliases[k].iVenue,
                  pe_venue_aliases[k].flags);
        continue;
      }
    }
    /* the one-word alias, last of the group */
    k = end-1;
    if( pe_venue_aliases[k].nTok==1 && alias_matches(t, i, &pe_venue_aliases[k]) ){
      add_match(t, i, 1, (int)pe_venue_aliases[k].iVenue, pe_venue_aliases[k].flags);
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

/* pe_venue_hash() of z[0..n) in ASCII lower case (an unknown word's
** canonical form, as pe_venue_alias_words writes it). */
static uint32_t lower_hash(const char *z, size_t n){
  uint32_t h = 2166136261u;
  size_t i;
  for(i=0; i<n; i++){ h ^= (unsigned char)LOWER(z[i]); h *= 16777619u; }
  return h;
}

/* The longest overlay alias starting at each token (as for the catalog). */
static void match_overlay(VText *t, const PeVenueOverlay *ov){
  int i;
  for(i=0; i<t->nTok; i++){
    const VTok *p = &t->a[i];
    const UserAlias *best = 0;
    uint32_t h = p->id>=0 ? pe_venue_hash(pe_venue_words[p->id].z, pe_venue_words[p->id].n)
                          : lower_hash(t->z+p->off, p->len);
    int u;
    for(u=pe_venue_overlay_first(ov, h); u>=0; u=ov->aAlias[u].nextFirst){
      const UserAlias *al = &ov->aAlias[u];
      const char *zw = al->zToks;
      int j;
      if( al->hFirst!=h || al->nTok > t->nTok-i || (best && best->nTok>=al->nTok) ) continue;
      for(j=0; j<al->nTok; j++){
        if( !tok_is(t, &t->a[i+j], zw) ) break;
        zw += strlen(zw)+1;
      }
      if( j==al->nTok ) best = al;
    }
    if( best ) add_match(t, i, best->nTok, -1-best->iVenue, 0);
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
  unsigned char aPair[64][64];
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
  /* which letter pairs occur: most names are ruled out by their first pair */
  memset(aPair, 0, sizeof(aPair));
  for(i=0; i+1<nSq; i++) aPair[(unsigned char)zSq[i]&63][(unsigned char)zSq[i+1]&63] = 1;
  for(k=0; k<pe_venue_squash_count; k++){
    const PeVenueSquash *s = &pe_venue_squash[k];
    const char *zHit;
    if( s->n > nSq || !aPair[(unsigned char)s->z[0]&63][(unsigned char)s->z[1]&63] ) continue;
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

/* The letters of the words of the text, lower case, without numbers and
** 'vol.'/'pp.' words (the key t->litHash hashes), into a[0..nA); -1 when it
** does not fit. */
static int literal_key(const VText *t, char *a, int nA){
  const char *z = t->z;
  size_t n = t->n, i = 0;
  int k = 0;
  while( i<n ){
    int isDigit, len = tok_char(z, n, i, &isDigit), k0 = k, digits;
    size_t start = i;
    if( len==0 ){ i++; continue; }
    digits = isDigit;
    while( i<n && (len = tok_char(z, n, i, &isDigit))>0 && isDigit==digits ){
      int j;
      for(j=0; j<len && !digits; j++){
        if( k>=nA-1 ) return -1;
        a[k++] = (char)LOWER(z[i+(size_t)j]);
      }
      i += (size_t)len;
    }
    if( !digits ){
      int w = word_lookup(z+start, (int)(i-start));
      if( w>=0 && pe_venue_words[w].eClass==PE_VW_PAGES ) k = k0;
    }
  }
  a[k] = 0;
  return k;
}

/* Journals known only by their whole name: when the text names no venue, or
** only journals by whole name, it may be one of them ('Proceedings of the
** IEEE', 'Proceedings of the ACM on Human-Computer Interaction').  The table
** is sorted by the hash of the name. */
static void match_literal(VText *t){
  char a[256];
  uint32_t h;
  int k, n, lo = 0, hi = pe_venue_literal_count;
  for(k=0; k<t->nMatch; k++){
    if( t->aMatch[k].iVenue<0 || !(t->aMatch[k].flags & PE_VA_WHOLE) ) return;
  }
  n = literal_key(t, a, (int)sizeof(a));
  if( n<4 ) return;
  h = pe_venue_hash(a, n);
  while( lo<hi ){
    int mid = (lo+hi)/2;
    if( pe_venue_literal[mid].flags < h ) lo = mid+1; else hi = mid;
  }
  for(k=lo; k<pe_venue_literal_count && pe_venue_literal[k].flags==h; k++){
    if( (int)pe_venue_literal[k].n==n && memcmp(a, pe_venue_literal[k].z, (size_t)n)==0 ){
      t->nMatch = 0;
      add_match(t, 0, t->nTok>0 ? t->nTok : 1, (int)pe_venue_literal[k].iVenue, PE_VA_WHOLE);
      return;
    }
  }
}

/* ------------------------------------------------------------------ */
/* 4. Decide                                                           */

static int venue_kind_of(const PeVenueOverlay *ov, int iVenue){
  if( iVenue>=0 ) return pe_venue_table[iVenue].eKind;
  if( ov==0 ) return PE_VK_NONE;        /* overlay venues come only with an overlay */
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
  return a->iTok < b->iTok;              /* the first named: joint events go to the lead venue */
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

/* The value of an upper-case Roman numeral (I..XCIX), 0 when it is not one. */
static int roman_value(const char *z, int n){
  static const char *const azUnit[] = {"", "I","II","III","IV","V","VI","VII","VIII","IX"};
  static const char *const azTen[] = {"", "X","XX","XXX","XL","L","LX","LXX","LXXX","XC"};
  int t, u;
  for(t=0; t<10; t++){
    int nt = (int)strlen(azTen[t]);
    if( nt>n || memcmp(z, azTen[t], (size_t)nt)!=0 ) continue;
    for(u=0; u<10; u++){
      int nu = (int)strlen(azUnit[u]);
      if( nt+nu==n && memcmp(z+nt, azUnit[u], (size_t)nu)==0 && t*10+u>0 ) return t*10+u;
    }
  }
  return 0;
}

static int year_or_0(int y){ return (y>=YEAR_MIN && y<=YEAR_MAX) ? y : 0; }

static int volume_year(int iCat, int vol){
  if( iCat<0 || pe_venue_table[iCat].volumeBase==0 || vol<1 || vol>99 ) return 0;
  return year_or_0(pe_venue_table[iCat].volumeBase + vol);
}

static int edition_year(int iCat, int nth){
  const PeVenue *v;
  if( iCat<0 ) return 0;
  v = &pe_venue_table[iCat];
  if( v->editionStep==0 || nth<v->editionMin || nth>200 ) return 0;
  return year_or_0(v->editionBase + v->editionStep*nth);
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
        }else if( (m->flags & PE_VA_VOLUME) && !(p->flags & T_DIGITS) ){
          int r = roman_value(t->z+p->off, (int)p->len);   /* Robotics: Science and Systems XVI */
          if( r && volumeYear==0 ) volumeYear = volume_year(iCat, r);
        }else if( (p->flags & T_DIGITS) && !(p->flags & T_NOYEAR) && p->len==2
         && ((p->flags & (T_JOINED|T_APOS|T_HYPHEN))
             || ((p->flags & T_SPACED) && (m->flags & PE_VA_ACRONYM))) ){
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

/* Does match k overlap a longer match of its kind, user or catalog (the
** shorter is then part of a longer name: 'Conference on Computer Vision'
** inside 'European Conference on ...')?  The matches of a kind are listed
** together, in token order, one per start token, none longer than nLongest:
** only its neighbours that start fewer than nLongest tokens before it can
** overlap it (not every other match: a long text would be quadratic). */
static int is_shadowed(const VText *t, int k, int nLongest){
  const VMatch *m = &t->aMatch[k];
  int j;
  for(j=k-1; j>=0; j--){
    const VMatch *o = &t->aMatch[j];
    if( (o->iVenue<0)!=(m->iVenue<0) || o->iTok <= m->iTok-nLongest ) break;
    if( o->nTok > m->nTok && m->iTok < o->iTok+o->nTok ) return 1;
  }
  for(j=k+1; j<t->nMatch; j++){
    const VMatch *o = &t->aMatch[j];
    if( (o->iVenue<0)!=(m->iVenue<0) || o->iTok >= m->iTok+m->nTok ) break;
    if( o->nTok > m->nTok ) return 1;
  }
  return 0;
}

static void venue_decide(const VText *t, const PeVenueOverlay *ov, PeVenueInfo *pOut){
  const VMatch *best = 0;
  int k, iVenue = INT32_MIN, eKind = PE_VK_NONE, workshop, nLongest = 0;
  for(k=0; k<t->nMatch; k++){
    if( t->aMatch[k].nTok>nLongest ) nLongest = t->aMatch[k].nTok;
  }
  for(k=0; k<t->nMatch; k++){
    if( is_shadowed(t, k, nLongest) ) continue;
    if( best==0 || better_match(ov, &t->aMatch[k], best) ) best = &t->aMatch[k];
  }
  if( best ){
    iVenue = best->iVenue;
    /* 'Findings of the Association for Computational Linguistics: EMNLP 2020':
    ** the venue after the association's name (ACL only when no other is named) */
    if( t->hasFindings && iVenue>=0 && is_acl_family(pe_venue_table[iVenue].zAcronym) ){
      char zF[32];
      int iF;
      for(k=0; k<t->nMatch; k++){
        const VMatch *m = &t->aMatch[k];
        if( m->iVenue<0 || !is_acl_family(pe_venue_table[m->iVenue].zAcronym) ) continue;
        if( strcmp(pe_venue_table[best->iVenue].zAcronym, "ACL")==0 ) best = m;
      }
      snprintf(zF, sizeof zF, "Findings-%s", pe_venue_table[best->iVenue].zAcronym);
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
  pOut->isUser = iVenue<0 && iVenue!=INT32_MIN;
  pOut->year = decide_year(t, ov, iVenue);
}

int pe_venue_parse(const PeVenueOverlay *ov, const char *z, size_t n, PeVenueInfo *pOut){
  VText t;
  PeBuf buf;
  VTok aTokStatic[192];
  VMatch aMatchStatic[2*192];
  size_t nMax;
  int rc = PE_OK;
  memset(pOut, 0, sizeof(*pOut));
  if( n>PE_VENUE_MAX_TEXT ) return PE_TOOBIG;
  memset(&t, 0, sizeof(t));
  t.a = aTokStatic; t.aMatch = aMatchStatic;
  pe_buf_init(&buf);
  rc = venue_prepare(&t, z, n, &buf);
  if( rc ) goto done;
  /* at most one token per byte; matches: the longest overlay alias and the
  ** longest catalog alias per token, a squashed name, a literal */
  nMax = t.n + 1;
  if( nMax>192 ){
    t.a = pe_malloc(nMax*sizeof(VTok));
    t.aMatch = pe_malloc(2*nMax*sizeof(VMatch));
    if( t.a==0 || t.aMatch==0 ){ rc = PE_NOMEM; goto done; }
  }
  venue_tokenize(&t);
  find_bare(&t);
  if( ov && ov->nAlias ) match_overlay(&t, ov);
  match_catalog(&t);
  if( t.nMatch==0 && t.longWord ){
    rc = match_squashed(&t);
    if( rc ) goto done;
  }
  match_literal(&t);
  venue_decide(&t, ov, pOut);
done:
  if( t.a!=aTokStatic ) pe_free(t.a);
  if( t.aMatch!=aMatchStatic ) pe_free(t.aMatch);
  pe_buf_free(&buf);
  if( rc ) memset(pOut, 0, sizeof(*pOut));
  return rc;
}

/* ------------------------------------------------------------------ */
/* Aliases of the overlay                                              */

/* The canonical words of an alias, NUL-separated, into pOut; their count
** in *pnTok (venue_int.h). */
int pe_venue_alias_words(const char *zAlias, PeBuf *pOut, int *pnTok){
  VText t;
  PeBuf buf;
  VTok *a;
  int i, rc;
  memset(&t, 0, sizeof(t));
  *pnTok = 0;
  pe_buf_init(&buf);
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
      for(k=0; k<p->len; k++) pe_buf_appendc(pOut, (char)LOWER(t.z[p->off+k]));
    }
    pe_buf_appendc(pOut, 0);
  }
  *pnTok = t.nTok;
  pe_free(a);
  pe_buf_free(&buf);
  return pOut->oom ? PE_NOMEM : PE_OK;
}

