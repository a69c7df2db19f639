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
#define SQUASH_MAX_TEXT 1024  /* longer text is not searched for names without spaces */
#define TYPO_MIN 5         /* shorter words are not corrected ('Anal.', 'Conf.') */
#define TYPO_MAX 24        /* nor longer ones (PDF text without spaces) */

typedef struct VTok {
  uint32_t off, len;       /* in the prepared text */
  int32_t id;              /* stem id (pe_venue_words), -1 when unknown */
  uint32_t flags;          /* T_* */
  int value;               /* digits or ordinal value, capped */
  uint32_t clause;         /* which part of the reference: parts are cut at , ; : ( ) [ ] */
  /* set by venue_index() after tokenizing, so that coverage tests cost O(1): */
  uint32_t nContentBefore; /* T_CONTENT tokens before this one */
  uint32_t nExemptBefore;  /* of those, upper-case words in parentheses ('(CAL)') */
  uint32_t clauseStart, clauseEnd;  /* this token's clause: tokens [start, end) */
  uint16_t cover[2];       /* longest catalog [0] / overlay [1] match covering it */
} VTok;

typedef struct VMatch {
  int iTok, nTok;          /* tokens covered */
  int iVenue;              /* catalog index, or -1-i for overlay venue i */
  unsigned flags;          /* PE_VA_*, M_* */
} VMatch;

/* Match flags beyond PE_VA_*. */
#define M_CLAUSE  0x100    /* a whole-venue alias that covers only its part of the text */
#define M_MATCHED 0x200    /* set on every catalog match (alias_matches() returns it) */

typedef struct VText {
  const char *z; size_t n; /* prepared text (case kept) */
  VTok *a; int nTok;
  VMatch *aMatch; int nMatch;
  int nContent;            /* tokens with T_CONTENT */
  int hasFindings, longWord;
  int arxivYear;
  int nClause;
  int typos;               /* correct one-edit typos (the second reading) */
  int nTypoCandidate;      /* unknown words a second reading would try */
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
#define SEP_CLAUSE 16      /* also ends a part of the reference (is_clause_break) */

/* ASCII characters that end a part of a reference ('Medical Image Analysis,
** 67, 101840', 'IEEE TMI (2020)', '[J]. ...'). */
static int is_clause_break(int c){
  return c==',' || c==';' || c==':' || c=='(' || c==')' || c=='[' || c==']';
}

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
  /* CJK comma, full stop, brackets: 、。《》【】 */
  if( cp==0x3001 || cp==0x3002 || (cp>=0x3008 && cp<=0x3011) ) return SEP_OTHER|SEP_CLAUSE;
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

/* ------------------------------------------------------------------ */
/* One-edit typos                                                      */

/* The catalog entry of pe_venue_typo for zLow[0..n) as an original word
** (eKind 0) or as a word with one letter deleted (eKind 1); -1 when none. */
static int typo_entry(const char *zLow, int n, int eKind){
  uint32_t h = pe_venue_hash(zLow, n) ^ (uint32_t)eKind, i;
  for(i=h & pe_venue_typo_hash_mask; ; i=(i+1) & pe_venue_typo_hash_mask){
    const PeVenueSlot *slot = &pe_venue_typo_hash[i];
    const PeVenueTypo *e;
    if( slot->word==0 ) return -1;
    if( slot->hash!=h ) continue;
    e = &pe_venue_typo[slot->word-1];
    if( e->n==n && e->eKind==eKind && memcmp(e->z, zLow, (size_t)n)==0 ) return (int)slot->word-1;
  }
}

/* Fold the candidate word of entry k into *pStem: 0 when two candidates
** disagree (the typo is ambiguous). */
static int typo_candidate(int k, int32_t *pWord, int32_t *pStem){
  uint32_t w;
  if( k<0 ) return 1;
  w = pe_venue_typo[k].word;
  if( w==UINT32_MAX ) return 0;                       /* ambiguous already in the catalog */
  if( *pStem>=0 && (uint32_t)*pStem!=pe_venue_words[w].stem ) return 0;
  *pStem = (int32_t)pe_venue_words[w].stem;
  *pWord = (int32_t)w;
  return 1;
}

/* The catalog word that the unknown word z[0..n) (ASCII letters, not all
** capitals: 'SIGSAC' is an acronym) misspells by one edit -- a letter added,
** dropped, changed, or two swapped -- when exactly one word of a venue name of
** two words or more (venue_aliases.tsv, the acronym table, the IEEE and CCF
** lists; TYPO_MIN to TYPO_MAX letters) is that close; -1 otherwise.
** Symmetric deletion: z with a letter deleted, and z itself, are looked up
** among the catalog words and the catalog words with a letter deleted. */
static int typo_lookup(const char *z, int n){
  char a[TYPO_MAX+1], d[TYPO_MAX];
  int i, j;
  int32_t word = -1, stem = -1;
  for(i=0; i<n; i++){
    if( !(CLASS(z[i]) & C_ALPHA) ) return -1;
    a[i] = (char)LOWER(z[i]);
  }
  if( !typo_candidate(typo_entry(a, n, 1), &word, &stem) ) return -1;   /* a letter dropped */
  for(i=0; i<n; i++){
    int k = 0;
    for(j=0; j<n; j++) if( j!=i ) d[k++] = a[j];
    if( !typo_candidate(typo_entry(d, n-1, 0), &word, &stem) ) return -1;  /* one added */
    if( !typo_candidate(typo_entry(d, n-1, 1), &word, &stem) ) return -1;  /* changed, swapped */
  }
  return word;
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
  uint32_t clause = 0;
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
        /* Markdown emphasis ('**CVPR 2021**', '_ICML 2019_', "FAT* '19") separates
        ** words like a space: "FAT* '19" is FAT with "'19" */
        if( !(k & C_SPACE) && c!='*' && c!='_' ){
          sep |= (k & C_APOS) ? SEP_APOS : (k & C_HYPHEN) ? SEP_HYPHEN
               : (k & C_PAREN) ? (SEP_OTHER|SEP_PAREN) : SEP_OTHER;
          if( is_clause_break(c) ) clause++;
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
        if( sc & SEP_CLAUSE ){ clause++; sc &= ~SEP_CLAUSE; }
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
    p->id = -1; p->value = 0; p->clause = clause;
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
    if( !cut && p->len>=4 && z[start]=='I' && z[start+1]=='n' && (CLASS(z[start+2]) & C_UPPER)
     && word_lookup_h(zLow, (int)p->len, h)<0 ){
      /* 'InIJCAI-19', 'InProceedings of ...': a reference's 'In' glued to the venue */
      start += 2; p->off += 2; p->len -= 2;
      cut = 1;
    }
    if( p->len>=LONG_WORD ) t->longWord = 1;
    w = cut ? word_lookup(z+start, (int)p->len) : word_lookup_h(zLow, (int)p->len, h);
    if( w<0 && p->len>=TYPO_MIN && p->len<=TYPO_MAX && !all_upper(z+start, (int)p->len) ){
      t->nTypoCandidate++;
      if( t->typos ) w = typo_lookup(z+start, (int)p->len);     /* 'Nneural', 'Imagng' */
    }
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
  t->nClause = (int)clause + 1;
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

/* Prefix counts and clause bounds of the tokens (and of the sentinel
** t->a[t->nTok]), so that the coverage tests below cost O(1). */
static void venue_index(VText *t){
  VTok *a = t->a;
  int j, n = t->nTok;
  uint32_t nC = 0, nE = 0, start = 0;
  for(j=0; j<=n; j++){
    a[j].nContentBefore = nC;
    a[j].nExemptBefore = nE;
    a[j].cover[0] = a[j].cover[1] = 0;
    if( j==n ) break;
    if( j>0 && a[j].clause!=a[j-1].clause ) start = (uint32_t)j;
    a[j].clauseStart = start;
    if( a[j].flags & T_CONTENT ){
      nC++;
      if( (a[j].flags & T_PAREN) && tok_upper(t, &a[j]) ) nE++;
    }
  }
  for(j=n-1; j>=0; j--){
    a[j].clauseEnd = (j==n-1 || a[j+1].clause!=a[j].clause) ? (uint32_t)j+1 : a[j+1].clauseEnd;
  }
}

/* Do tokens [iTok, iTok+nTok) hold every content word of tokens [lo, hi),
** but for acronyms in parentheses ('IEEE Computer Architecture Letters (CAL)')? */
static int covers_range(const VText *t, int iTok, int nTok, uint32_t lo, uint32_t hi){
  const VTok *a = t->a;
  uint32_t in = a[iTok+nTok].nContentBefore - a[iTok].nContentBefore;
  uint32_t exemptIn = a[iTok+nTok].nExemptBefore - a[iTok].nExemptBefore;
  uint32_t all = a[hi].nContentBefore - a[lo].nContentBefore;
  uint32_t exempt = a[hi].nExemptBefore - a[lo].nExemptBefore;
  return in + (exempt - exemptIn) == all;
}

static int covers_all(const VText *t, int iTok, int nTok){
  return covers_range(t, iTok, nTok, 0, (uint32_t)t->nTok);
}

/* Does the alias fill one whole part of the reference ('Medical Image
** Analysis, 67, 101840', 'PLOS ONE, 15(3), e0229963')? */
static int covers_clause(const VText *t, int iTok, int nTok){
  const VTok *p = &t->a[iTok];
  if( p->clause!=t->a[iTok+nTok-1].clause ) return 0;
  return covers_range(t, iTok, nTok, p->clauseStart, p->clauseEnd);
}

static void add_match(VText *t, int iTok, int nTok, int iVenue, unsigned flags){
  VMatch *m = &t->aMatch[t->nMatch++];
  m->iTok = iTok; m->nTok = nTok; m->iVenue = iVenue; m->flags = flags;
}

/* Does the alias match the tokens at i (its first stem is known to)?  0 when
** not; else its match flags (M_CLAUSE for a whole-venue alias that fills only
** its part of the text). */
static inline unsigned alias_matches(const VText *t, int i, const PeVenueAlias *al){
  const uint32_t *aTok = &pe_venue_alias_toks[al->iTok];
  unsigned flags = al->flags | M_MATCHED;   /* never 0 for a match */
  int j;
  if( al->nTok > t->nTok-i ) return 0;
  for(j=1; j<al->nTok; j++){
    if( t->a[i+j].id!=(int32_t)aTok[j] ) return 0;
  }
  if( (al->flags & PE_VA_CASE) && !case_ok(t, &t->a[i], al->zCase) ) return 0;
  if( (al->flags & PE_VA_WHOLE) && !covers_all(t, i, al->nTok) ){
    if( !covers_clause(t, i, al->nTok) ) return 0;
    flags |= M_CLAUSE;
  }
  if( (al->flags & PE_VA_PUBLISHER) && i>1 && !t->hasFindings ) return 0;
  return flags;
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
      unsigned mf = 0;
      for(k=lo; k<end && alias_second(k)==want; k++){
        if( (mf = alias_matches(t, i, &pe_venue_aliases[k]))!=0 ) break;
      }
      if( mf ){
        add_match(t, i, pe_venue_aliases[k].nTok, (int)pe_venue_aliases[k].iVenue, mf);
        continue;
      }
    }
    /* the one-word alias, last of the group */
    k = end-1;
    if( pe_venue_aliases[k].nTok==1 ){
      unsigned mf = alias_matches(t, i, &pe_venue_aliases[k]);
      if( mf ) add_match(t, i, 1, (int)pe_venue_aliases[k].iVenue, mf);
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

/* The letters of the words of z[from..to), lower case, without numbers and
** 'vol.'/'pp.' words, into a[0..nA); -1 when it does not fit. */
static int literal_key(const VText *t, size_t from, size_t to, char *a, int nA){
  const char *z = t->z;
  size_t n = to, i = from;
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
    if( k>(int)pe_venue_literal_max+8 ) return -1;   /* longer than any name (+ 'pages') */
    if( !digits && i-start<=7 ){                      /* 'pp', 'vol', 'no', 'article' */
      int w = word_lookup(z+start, (int)(i-start));
      if( w>=0 && pe_venue_words[w].eClass==PE_VW_PAGES ) k = k0;
    }
  }
  a[k] = 0;
  return k;
}

/* The journal known only by its whole name whose letters are those of
** z[from..to), -1 when none.  The table is sorted by the hash of the name. */
static int literal_find(const VText *t, size_t from, size_t to){
  char a[256];
  uint32_t h;
  int k, n, lo = 0, hi = pe_venue_literal_count;
  if( to-from >= 4*sizeof(a) ) return -1;        /* longer than any name */
  n = literal_key(t, from, to, a, (int)sizeof(a));
  if( n<4 ) return -1;
  h = pe_venue_hash(a, n);
  while( lo<hi ){
    int mid = (lo+hi)/2;
    if( pe_venue_literal[mid].flags < h ) lo = mid+1; else hi = mid;
  }
  for(k=lo; k<pe_venue_literal_count && pe_venue_literal[k].flags==h; k++){
    if( (int)pe_venue_literal[k].n==n && memcmp(a, pe_venue_literal[k].z, (size_t)n)==0 ){
      return (int)pe_venue_literal[k].iVenue;
    }
  }
  return -1;
}

/* Journals known only by their whole name ('Proceedings of the IEEE',
** 'Proceedings of the ACM on Human-Computer Interaction'): the whole text,
** when it names no venue or only journals by whole name; else the first part
** of a reference ('Proceedings of the IEEE, vol. 109, no. 5', 'In Proceedings
** of the ACM on Human-Computer Interaction 4, CSCW2'), when no venue is named
** inside it.  A leading 'In' is not part of the name. */
static void match_literal(VText *t){
  int k, iV, blocked = 0, iEnd;
  size_t from;
  if( t->nTok==0 ) return;
  for(k=0; k<t->nMatch; k++){
    if( t->aMatch[k].iVenue<0 || !(t->aMatch[k].flags & PE_VA_WHOLE) ) blocked = 1;
  }
  if( !blocked && (iV = literal_find(t, 0, t->n))>=0 ){
    t->nMatch = 0;
    add_match(t, 0, t->nTok, iV, PE_VA_WHOLE);
    return;
  }
  iEnd = (int)t->a[0].clauseEnd;
  if( iEnd==t->nTok && !blocked ) return;      /* one part: tried above */
  for(k=0; k<t->nMatch; k++){
    const VMatch *m = &t->aMatch[k];
    if( m->iTok<iEnd && (m->iVenue<0 || !(m->flags & PE_VA_WHOLE)) ) return;
  }
  from = 0;                     /* skip what precedes the first word, and a leading 'In' */
  while( from<t->n && !is_alnum(t->z[from]) && (unsigned char)t->z[from]<0x80 ) from++;
  if( from+2<t->n && LOWER(t->z[from])=='i' && LOWER(t->z[from+1])=='n' && !is_alnum(t->z[from+2]) ){
    from += 2;
  }
  iV = literal_find(t, from, iEnd<t->nTok ? t->a[iEnd].off : t->n);
  if( iV>=0 ) add_match(t, 0, iEnd, iV, PE_VA_WHOLE);
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

/* Is match m an acronym given with its year or in parentheses ('PAKDD 2020',
** '(PODS '20)'): the venue's own name for itself in a reference? */
static int is_named_acronym(const VText *t, const VMatch *m){
  const VTok *p = &t->a[m->iTok], *q;
  if( m->nTok!=1 || !(m->flags & PE_VA_ACRONYM) ) return 0;
  if( (uint32_t)m->iTok+1==p->clauseEnd ) return (p->flags & T_PAREN)!=0;   /* '(CVPR)' */
  q = &t->a[m->iTok+1];                /* 'PAKDD 2020', "(PODS '20)"; not 'CSCW2' */
  return (q->flags & T_DIGITS) && !(q->flags & T_NOYEAR) && (q->len==4 || q->len==2);
}

/* Which of two venues' matches names the venue (both not shadowed):
**   1. the user's aliases win;  2. a real venue beats a preprint server;
**   3. a match of the whole venue beats one that fills only its part;
**   4. the venue named more often ('... Symposium on Principles of Database
**      Systems (PODS '20)': PODS twice, SIGMOD once);
**   5. an acronym with its year or in parentheses beats another venue's
**      name ('Advances in Knowledge Discovery and Data Mining: 24th
**      Pacific-Asia Conference, PAKDD 2020');
**   6. the first named: joint events go to the lead venue. */
static int better_match(const PeVenueOverlay *ov, const VText *t, const VMatch *a, int votesA,
                        const VMatch *b, int votesB){
  int userA = a->iVenue<0, userB = b->iVenue<0;
  int preA = venue_kind_of(ov, a->iVenue)==PE_VK_PREPRINT;
  int preB = venue_kind_of(ov, b->iVenue)==PE_VK_PREPRINT;
  int partA = (a->flags & M_CLAUSE)!=0, partB = (b->flags & M_CLAUSE)!=0;
  int accA, accB;
  if( userA!=userB ) return userA;
  if( preA!=preB ) return preB;
  if( partA!=partB ) return partB;
  if( a->iVenue!=b->iVenue && votesA!=votesB ) return votesA > votesB;
  accA = is_named_acronym(t, a); accB = is_named_acronym(t, b);
  if( a->iVenue!=b->iVenue && accA!=accB && (accA ? b : a)->nTok>1 ) return accA;
  return a->iTok < b->iTok;
}

static int is_acl_family(const char *z){
  return strcmp(z, "ACL")==0 || strcmp(z, "EMNLP")==0 || strcmp(z, "NAACL")==0
      || strcmp(z, "EACL")==0 || strcmp(z, "AACL")==0;
}

/* 'cvpr21' -> 2021, "ICML'98" -> 1998; '40' to '49' name no year (0). */
static int two_digit_year(int v){ return v<40 ? 2000+v : v>=50 ? 1900+v : 0; }

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

/* The year of the venue's nth edition: data/editions.tsv, else its edition
** rule (venue_aliases.tsv); 0 when neither says. */
static int edition_year(int iCat, int nth){
  const PeVenue *v;
  int k;
  if( iCat<0 ) return 0;
  v = &pe_venue_table[iCat];
  for(k=v->iEdition; k<v->iEdition+v->nEdition; k++){
    if( pe_venue_editions[k].nth==nth ) return pe_venue_editions[k].year;
  }
  if( v->editionStep==0 || nth<v->editionMin || nth>200 ) return 0;
  return year_or_0(v->editionBase + v->editionStep*nth);
}

/* The earliest year the venue's series can have begun (editions are at
** most yearly), from its edition table; 0 when it has none. */
static int series_start(int iCat){
  const PeVenue *v;
  if( iCat<0 ) return 0;
  v = &pe_venue_table[iCat];
  if( v->nEdition==0 ) return 0;
  return pe_venue_editions[v->iEdition].year - (pe_venue_editions[v->iEdition].nth - 1);
}

/* The year by the rules, best first; iVenue may be INT32_MIN (no venue). */
static int decide_year(const VText *t, const PeVenueOverlay *ov, int iVenue){
  int i, k, volumeYear = 0, spacedYear = 0, editionNumber = 0;
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
        }else if( (p->flags & T_DIGITS) && !(p->flags & T_NOYEAR) && p->len==2 ){
          int y = two_digit_year(p->value);
          if( y && y < series_start(iCat) ){
            /* 'MICRO-53': before the series began, so an edition, not a year */
            if( editionNumber==0 ) editionNumber = p->value;
          }else if( p->flags & (T_JOINED|T_APOS|T_HYPHEN) ){
            return y;                        /* cvpr21, ICLR'21, AAAI-20 */
          }else if( (p->flags & T_SPACED) && (m->flags & PE_VA_ACRONYM) && spacedYear==0 ){
            spacedYear = y;                  /* 'ICML 20', unless a full year is written ('PVLDB 13, 12 (2020)') */
          }
        }
      }
      if( m->iTok>0 && is_year_tok(&t->a[m->iTok-1]) ) return t->a[m->iTok-1].value;
    }
  }
  /* 2. any four-digit year, the first one */
  for(i=0; i<t->nTok; i++){
    if( is_year_tok(&t->a[i]) ) return t->a[i].value;
  }
  if( spacedYear ) return spacedYear;
  /* 3. "'20" */
  for(i=0; i<t->nTok; i++){
    const VTok *p = &t->a[i];
    if( (p->flags & T_DIGITS) && (p->flags & T_APOS) && p->len==2 && !(p->flags & T_NOYEAR) ){
      int y = two_digit_year(p->value);
      if( y ) return y;
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
    if( editionNumber ){
      int y = edition_year(iCat, editionNumber);
      if( y ) return y;
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

/* Note on each token the longest match covering it (catalog and overlay
** apart).  Aliases are at most 255 tokens long, and the one match that may be
** longer (a squashed or literal name) is then the only one, so this costs
** O(tokens). */
static void note_cover(VText *t){
  int k, j;
  for(k=0; k<t->nMatch; k++){
    const VMatch *m = &t->aMatch[k];
    int c = m->iVenue<0, len = m->nTok>65535 ? 65535 : m->nTok;
    for(j=m->iTok; j<m->iTok+m->nTok && j<t->nTok; j++){
      if( t->a[j].cover[c]<len ) t->a[j].cover[c] = (uint16_t)len;
    }
  }
}

/* Does match m overlap a longer match (the shorter is then part of a longer
** name: 'Conference on Computer Vision' inside 'European Conference on ...')? */
static int is_shadowed(const VText *t, const VMatch *m){
  int j, c = m->iVenue<0;
  for(j=m->iTok; j<m->iTok+m->nTok && j<t->nTok; j++){
    if( t->a[j].cover[c] > m->nTok ) return 1;
  }
  return 0;
}

/* How many of the first VOTERS unshadowed matches name venue iVenue.  A
** reference names a venue a few times at most; counting only the first ones
** keeps the choice linear in the number of matches. */
#define VOTERS 32
static int venue_votes(const VText *t, const unsigned char *aShadow, int iVenue){
  int k, n = 0, seen = 0;
  for(k=0; k<t->nMatch && seen<VOTERS; k++){
    if( aShadow[k] ) continue;
    seen++;
    if( t->aMatch[k].iVenue==iVenue ) n++;
  }
  return n;
}

static void venue_decide(const VText *t, const PeVenueOverlay *ov, PeVenueInfo *pOut,
                         unsigned char *aShadow){
  const VMatch *best = 0;
  int k, iVenue = INT32_MIN, eKind = PE_VK_NONE, workshop, bestVotes = 0;
  for(k=0; k<t->nMatch; k++) aShadow[k] = (unsigned char)is_shadowed(t, &t->aMatch[k]);
  for(k=0; k<t->nMatch; k++){
    const VMatch *m = &t->aMatch[k];
    int votes;
    if( aShadow[k] ) continue;
    if( best && m->iVenue==best->iVenue ) continue;   /* the first match of a venue speaks for it */
    votes = venue_votes(t, aShadow, m->iVenue);
    if( best==0 || better_match(ov, t, m, votes, best, bestVotes) ){ best = m; bestVotes = votes; }
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
  pOut->iCatalog = iVenue==INT32_MIN ? -1 : venue_catalog_of(ov, iVenue);
  pOut->year = decide_year(t, ov, iVenue);
}

/* The edition the venue held in year, 0 when its table and rule do not say. */
static int edition_of_year(int iCat, int year){
  const PeVenue *v = &pe_venue_table[iCat];
  int k, d;
  for(k=v->iEdition; k<v->iEdition+v->nEdition; k++){
    if( pe_venue_editions[k].year==year ) return pe_venue_editions[k].nth;
  }
  if( v->editionStep==0 || year<YEAR_MIN ) return 0;
  d = year - v->editionBase;
  if( d<=0 || d % v->editionStep ) return 0;
  return d / v->editionStep >= v->editionMin ? d / v->editionStep : 0;
}

/* Append '37th', '1st', '22nd', '113th'. */
static void append_ordinal(PeBuf *b, int n){
  const char *zSuf = "th";
  if( n%100<11 || n%100>13 ){
    if( n%10==1 ) zSuf = "st"; else if( n%10==2 ) zSuf = "nd"; else if( n%10==3 ) zSuf = "rd";
  }
  pe_buf_appendf(b, "%d%s", n, zSuf);
}

/* Expand the template z (venue_aliases.tsv: '[...]' is kept only when every
** {YEAR} and {Nth} inside it is known) into b. */
static void expand_proceedings(PeBuf *b, const char *z, int year, int nth){
  while( *z ){
    if( *z=='[' ){
      const char *zEnd = strchr(z, ']'), *q;
      int ok = 1;
      if( zEnd==0 ) zEnd = z + strlen(z);
      for(q=z+1; q<zEnd; q++){
        if( strncmp(q, "{YEAR}", 6)==0 && year==0 ) ok = 0;
        if( strncmp(q, "{Nth}", 5)==0 && nth==0 ) ok = 0;
      }
      if( ok ){
        for(q=z+1; q<zEnd; ){
          if( strncmp(q, "{YEAR}", 6)==0 ){ pe_buf_appendf(b, "%d", year); q += 6; }
          else if( strncmp(q, "{Nth}", 5)==0 ){ append_ordinal(b, nth); q += 5; }
          else pe_buf_appendc(b, *q++);
        }
      }
      z = *zEnd ? zEnd+1 : zEnd;
    }else if( strncmp(z, "{YEAR}", 6)==0 && year ){
      pe_buf_appendf(b, "%d", year); z += 6;
    }else if( strncmp(z, "{Nth}", 5)==0 && nth ){
      append_ordinal(b, nth); z += 5;
    }else{
      pe_buf_appendc(b, *z++);
    }
  }
}

int pe_venue_proceedings(const PeVenueInfo *v, PeBuf *pBuf, int *pKnown){
  const PeVenue *pv;
  *pKnown = 0;
  if( v->iCatalog<0 ) return PE_OK;
  pv = &pe_venue_table[v->iCatalog];
  if( pv->zProceedings[0]==0 ) return PE_OK;
  expand_proceedings(pBuf, pv->zProceedings, v->year,
                     v->year ? edition_of_year(v->iCatalog, v->year) : 0);
  if( pBuf->oom ) return PE_NOMEM;
  *pKnown = 1;
  return PE_OK;
}

int pe_venue_parse(const PeVenueOverlay *ov, const char *z, size_t n, PeVenueInfo *pOut){
  VText t;
  PeBuf buf;
  VTok aTokStatic[192];
  VMatch aMatchStatic[2*192];
  unsigned char aShadowStatic[2*192], *aShadow = aShadowStatic;
  size_t nMax;
  int rc = PE_OK;
  memset(pOut, 0, sizeof(*pOut));
  pOut->iCatalog = -1;
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
    aShadow = pe_malloc(2*nMax);
    if( t.a==0 || t.aMatch==0 || aShadow==0 ){ rc = PE_NOMEM; goto done; }
  }
  for(;;){
    venue_tokenize(&t);
    venue_index(&t);
    if( ov && ov->nAlias ) match_overlay(&t, ov);
    match_catalog(&t);
    if( t.nMatch==0 && t.longWord && t.n<=SQUASH_MAX_TEXT ){
      rc = match_squashed(&t);
      if( rc ) goto done;
    }
    match_literal(&t);
    /* No venue named: read it again with its unknown words taken for typos
    ** of venue-name words ('Advances in Nneural Information Processing'). */
    if( t.nMatch>0 || t.typos || t.nTypoCandidate==0 ) break;
    t.typos = 1;
    t.nTok = t.nMatch = t.nContent = 0;
    t.hasFindings = t.longWord = t.arxivYear = 0;
  }
  note_cover(&t);
  venue_decide(&t, ov, pOut, aShadow);
done:
  if( t.a!=aTokStatic ) pe_free(t.a);
  if( t.aMatch!=aMatchStatic ) pe_free(t.aMatch);
  if( aShadow!=aShadowStatic ) pe_free(aShadow);
  pe_buf_free(&buf);
  if( rc ){ memset(pOut, 0, sizeof(*pOut)); pOut->iCatalog = -1; }
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

