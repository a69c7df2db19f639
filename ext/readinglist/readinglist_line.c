/* readinglist_line.c: reading one line of a reading list; see readinglist_line.h. */
#include <string.h>
#include "readinglist_line.h"
#include "common/utf8.h"

#define IS_DIGIT(c) ((c)>='0' && (c)<='9')
#define IS_UPPER(c) ((c)>='A' && (c)<='Z')
#define IS_LOWER(c) ((c)>='a' && (c)<='z')
#define IS_ALPHA(c) (IS_UPPER(c) || IS_LOWER(c))
#define IS_ALNUM(c) (IS_ALPHA(c) || IS_DIGIT(c))
#define IS_HSPACE(c) ((c)==' ' || (c)=='\t')

/* Words a Title Case title leaves in lower case: they do not count for or
** against capitalization.  (Data, not code: extend it here, keeping it
** sorted, at most 7 letters a word.) */
static const char *const azFunctionWord[] = {
  "a", "about", "across", "against", "along", "among", "an", "and", "are",
  "around", "as", "at", "be", "been", "between", "but", "by", "can", "de",
  "der", "des", "do", "does", "du", "et", "for", "from", "how", "i", "if",
  "in", "into", "is", "it", "its", "la", "le", "nor", "not", "of", "on",
  "onto", "or", "over", "per", "so", "than", "that", "the", "their",
  "this", "through", "to", "toward", "towards", "under", "up", "upon",
  "using", "van", "versus", "via", "von", "vs", "was", "we", "what", "when",
  "where", "which", "who", "why", "with", "within", "without", "yet", "you",
};

/* strcmp() for these short words, in line (it runs for most words). */
static int word_cmp(const char *a, const char *b){
  while( *a && *a==*b ){ a++; b++; }
  return (unsigned char)*a - (unsigned char)*b;
}

static int is_function_word(const char *z, size_t n){
  int lo = 0, hi = (int)(sizeof(azFunctionWord)/sizeof(azFunctionWord[0])) - 1;
  size_t k;
  char low[8];
  if( n==0 || n>=sizeof(low) ) return 0;       /* the longest has 7 letters */
  for(k=0; k<n; k++){
    char c = z[k];
    low[k] = IS_UPPER(c) ? (char)(c+32) : c;
  }
  low[n] = 0;
  while( lo<=hi ){                             /* the list is sorted */
    int mid = (lo+hi)/2, c = word_cmp(low, azFunctionWord[mid]);
    if( c==0 ) return 1;
    if( c<0 ) hi = mid-1; else lo = mid+1;
  }
  return 0;
}

static uint32_t decode_at(const char *z, size_t n, size_t i, int *pLen){
  uint32_t c;
  *pLen = pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
  return c;
}

/* The code point that ends z[0..n) (invalid bytes count as U+FFFD). */
static uint32_t last_char(const char *z, size_t n, size_t *pStart){
  size_t i = n;
  int len;
  uint32_t c;
  if( n==0 ){ *pStart = 0; return 0; }
  i--;
  while( i>0 && n-i<4 && ((unsigned char)z[i]&0xC0)==0x80 ) i--;
  c = decode_at(z, n, i, &len);
  if( i+(size_t)len!=n ){ i = n-1; c = PE_REPLACEMENT; }
  *pStart = i;
  return c;
}

static int is_wide_space(const char *z, size_t n, size_t i){
  return n-i>=3 && (unsigned char)z[i]==0xE3 && (unsigned char)z[i+1]==0x80
      && (unsigned char)z[i+2]==0x80;   /* U+3000 ideographic space */
}

PeSpan pe_rl_trim(const char *z, PeSpan s){
  size_t a = s.off, b = s.off + s.len;
  for(;;){
    if( a<b && (IS_HSPACE(z[a]) || z[a]=='\r' || z[a]=='\n') ) a++;
    else if( b-a>=3 && is_wide_space(z, b, a) ) a += 3;
    else break;
  }
  for(;;){
    if( b>a && (IS_HSPACE(z[b-1]) || z[b-1]=='\r' || z[b-1]=='\n') ) b--;
    else if( b-a>=3 && is_wide_space(z, b, b-3) ) b -= 3;
    else break;
  }
  s.off = a; s.len = b-a;
  return s;
}

int pe_rl_indent(const char *z, size_t n){
  int col = 0;
  size_t i;
  for(i=0; i<n; i++){
    if( z[i]==' ' ) col++;
    else if( z[i]=='\t' ) col += 4;
    else break;
  }
  return col;
}

int pe_rl_is_blank(const char *z, size_t n){
  PeSpan s = { 0, n };
  return pe_rl_trim(z, s).len==0;
}

int pe_rl_heading(const char *z, size_t n, PeSpan *pText){
  size_t i = 0, a, b;
  int level = 0;
  while( i<n && i<3 && z[i]==' ' ) i++;
  while( i<n && z[i]=='#' && level<7 ){ i++; level++; }
  if( level<1 || level>6 ) return 0;
  if( i<n && !IS_HSPACE(z[i]) ) return 0;     /* '#tag' is a hashtag */
  a = i; b = n;
  while( b>a && IS_HSPACE(z[b-1]) ) b--;
  {   /* closing '###' preceded by a space */
    size_t c = b;
    while( c>a && z[c-1]=='#' ) c--;
    if( c<b && (c==a || IS_HSPACE(z[c-1])) ) b = c;
  }
  pText->off = a; pText->len = b-a;
  *pText = pe_rl_trim(z, *pText);
  return level;
}

int pe_rl_fence(const char *z, size_t n, int *pLen){
  size_t i = 0, k;
  char c;
  while( i<n && i<3 && z[i]==' ' ) i++;
  if( i>=n || (z[i]!='`' && z[i]!='~') ) return 0;
  c = z[i];
  for(k=i; k<n && z[k]==c; k++){}
  if( k-i<3 ) return 0;
  *pLen = (int)(k-i);
  return c;
}

int pe_rl_is_separator(const char *z, size_t n){
  size_t i;
  int count = 0;
  char c = 0;
  for(i=0; i<n; i++){
    if( IS_HSPACE(z[i]) ) continue;
    if( z[i]!='-' && z[i]!='*' && z[i]!='_' && z[i]!='=' ) return 0;
    if( c && z[i]!=c ) return 0;
    c = z[i];
    count++;
  }
  return count>=3;
}

int pe_rl_item(const char *z, size_t n, PeRlItem *p){
  size_t i = 0, m;
  int indent = pe_rl_indent(z, n);
  while( i<n && IS_HSPACE(z[i]) ) i++;
  if( i>=n ) return 0;
  m = i;
  if( z[i]=='-' || z[i]=='*' || z[i]=='+' ){
    i++;
  }else if( IS_DIGIT(z[i]) ){
    while( i<n && IS_DIGIT(z[i]) && i-m<9 ) i++;
    if( i>=n || (z[i]!='.' && z[i]!=')') ) return 0;
    i++;
  }else{
    return 0;
  }
  if( i<n && !IS_HSPACE(z[i]) ) return 0;
  p->indent = indent;
  p->markerWidth = (int)(i-m) + 1;
  p->zStatus = 0;
  while( i<n && IS_HSPACE(z[i]) ) i++;
  if( n-i>=3 && z[i]=='[' && z[i+2]==']' && (n-i==3 || IS_HSPACE(z[i+3])) ){
    switch( z[i+1] ){
      case ' ':           p->zStatus = "to-read"; break;
      case 'x': case 'X': p->zStatus = "read"; break;
      case '/': case '~': p->zStatus = "reading"; break;
      case '-':           p->zStatus = "skipped"; break;
    }
    if( p->zStatus ){
      i += 3;
      while( i<n && IS_HSPACE(z[i]) ) i++;
    }
  }
  p->contentOff = i;
  return 1;
}

/* ---- title parts ---------------------------------------------------- */
/*
** Taking a title line apart looks ahead for closers (the ']' and ')' of a
** link, the opener of a bracket that ends the line) and does it again after
** each piece taken off.  Done naively, a line of openers without closers
** ('[[[[...', '[a]([a]([a](...') or of many tags before a stray closer reads
** the line once per piece: quadratic.  So a link's text nests brackets at
** most MAX_NEST deep (CommonMark lets an implementation limit nesting, "to
** avoid performance issues"), which bounds how many scans read any byte,
** and the other scans remember where they landed (Seek, PeelMemo).
*/
#define MAX_NEST 32

/* Where a scan for a byte of a set landed: a later scan for the same set
** over the same text that starts in [from, at] lands at 'at' too. */
typedef struct Seek { size_t from, at, n; } Seek;

/* The first offset >= i (and < n) holding a byte of zSet, n when none. */
static size_t seek_any(Seek *m, const char *z, size_t n, size_t i, const char *zSet){
  size_t j;
  if( m->n==n+1 && m->from<=i && i<=m->at ) return m->at;
  for(j=i; j<n && (z[j]==0 || strchr(zSet, z[j])==0); j++){}
  m->n = n+1;           /* (n+1: an all-zero Seek is empty) */
  m->from = i;
  m->at = j;
  return j;
}

/* The scans of md_link(), kept across the calls for one line. */
typedef struct LinkSeek { Seek url, paren; } LinkSeek;

/* '[text](url)' starting at z[i]: spans of text and url, end in *pEnd. */
static int md_link(const char *z, size_t n, size_t i, PeSpan *pText, PeSpan *pUrl,
                   size_t *pEnd, LinkSeek *m){
  size_t k, depth = 0, t0, u0;
  if( i>=n || z[i]!='[' ) return 0;
  t0 = i+1;
  for(k=t0; k<n; k++){
    if( z[k]=='\\' && k+1<n ){ k++; continue; }
    if( z[k]=='[' ){ if( ++depth>MAX_NEST ) return 0; }
    else if( z[k]==']' ){ if( depth==0 ) break; depth--; }
  }
  if( k>=n || k+1>=n || z[k+1]!='(' ) return 0;
  pText->off = t0; pText->len = k-t0;
  u0 = k+2;
  k = seek_any(&m->url, z, n, u0, ") \t");
  pUrl->off = u0; pUrl->len = k-u0;
  k = seek_any(&m->paren, z, n, k, ")");     /* skip a '"title"' part */
  if( k>=n ) return 0;
  *pEnd = k+1;
  return 1;
}

/* A bare url starting at z[i] ('http://', 'https://', 'www.'). */
static size_t url_at(const char *z, size_t n, size_t i){
  size_t k;
  if( n-i<4 || (z[i+1]!='t' && z[i+1]!='w') ) return 0;
  if( n-i>=7 && strncmp(z+i, "http://", 7)==0 ) k = i+7;
  else if( n-i>=8 && strncmp(z+i, "https://", 8)==0 ) k = i+8;
  else if( n-i>=4 && strncmp(z+i, "www.", 4)==0 ) k = i+4;
  else return 0;
  while( k<n && !IS_HSPACE(z[k]) && z[k]!='>' ) k++;
  while( k>i && (z[k-1]=='.' || z[k-1]==',' || z[k-1]==')') ) k--;
  return k-i;
}

/* Bracket pairs that may enclose a tag or a venue. */
typedef struct Bracket { const char *zOpen, *zClose; int no, nc, isTag; } Bracket;
static const Bracket aBracket[] = {
  { "[", "]", 1, 1, 1 },
  { "\xE3\x80\x90", "\xE3\x80\x91", 3, 3, 1 },  /* 【 】 */
  { "\xE3\x80\x94", "\xE3\x80\x95", 3, 3, 1 },  /* 〔 〕 */
  { "\xE3\x80\x96", "\xE3\x80\x97", 3, 3, 1 },  /* 〖 〗 */
  { "\xEF\xBC\xBB", "\xEF\xBC\xBD", 3, 3, 1 },  /* ［ ］ */
  { "(", ")", 1, 1, 0 },                              /* venue only */
  { "\xEF\xBC\x88", "\xEF\xBC\x89", 3, 3, 0 },  /* （ ） venue only */
};
#define N_BRACKET (sizeof(aBracket)/sizeof(aBracket[0]))

/* Can byte c end a closing bracket / start an opening one?  (fast filters) */
static int may_end_bracket(unsigned char c){
  return c==']' || c==')' || c==0x91 || c==0x95 || c==0x97 || c==0xBD || c==0x89;
}
static int may_start_bracket(unsigned char c){
  return c=='[' || c=='(' || c==0xE3 || c==0xEF;
}

/* A bracket group ending at z[b-1], starting no earlier than a (no
** nesting).  (At most one kind can end at b: no closer ends another.) */
static const Bracket *bracket_ending(const char *z, size_t a, size_t b, size_t *pStart){
  size_t k;
  if( b<=a || !may_end_bracket((unsigned char)z[b-1]) ) return 0;
  for(k=0; k<N_BRACKET; k++){
    const Bracket *br = &aBracket[k];
    size_t nc = (size_t)br->nc, no = (size_t)br->no, i;
    if( b-a<nc+no || memcmp(z+b-nc, br->zClose, nc)!=0 ) continue;
    for(i=b-nc; i>a; i--){
      size_t s = i-1;
      if( z[s]==br->zOpen[0] && s+no<=b-nc && memcmp(z+s, br->zOpen, no)==0 ){
        *pStart = s;
        return br;
      }
      if( z[s]==br->zClose[0] && s+nc<=b-nc && memcmp(z+s, br->zClose, nc)==0 ) break;
    }
  }
  return 0;
}

static const Bracket *bracket_starting(const char *z, size_t a, size_t b, size_t *pEnd){
  size_t k;
  if( b<=a || !may_start_bracket((unsigned char)z[a]) ) return 0;
  for(k=0; k<N_BRACKET; k++){
    const Bracket *br = &aBracket[k];
    size_t nc = (size_t)br->nc, no = (size_t)br->no, i;
    if( b-a<nc+no || memcmp(z+a, br->zOpen, no)!=0 ) continue;
    for(i=a+no; i+nc<=b; i++){
      if( z[i]==br->zClose[0] && memcmp(z+i, br->zClose, nc)==0 ){ *pEnd = i+nc; return br; }
    }
  }
  return 0;
}

/* Record [off, off+len) as a place the line's tags are written. */
static void add_area(PeRlTitle *p, size_t off, size_t len){
  if( len>0 && p->nArea<PE_RL_TAG_AREAS ){   /* (never full: see PE_RL_TAG_AREAS) */
    p->aArea[p->nArea].off = off;
    p->aArea[p->nArea].len = len;
    p->nArea++;
  }
}

/* Is the bracket group z[s..e) a venue ('(NeurIPS 2020)')? */
static int bracket_is_venue(const char *z, size_t s, size_t e, const Bracket *br){
  PeSpan v;
  size_t no = (size_t)br->no, nc = (size_t)br->nc;
  const char *zIn = z+s+no;
  size_t n = e-s-no-nc, i;
  if( e-s > 48 ) return 0;
  if( pe_rl_venue_token(zIn, n, &v) ) return 1;
  /* '(Nature 2021)', '(arXiv 2021)': one word and a year in brackets */
  if( n<7 || !IS_ALPHA(zIn[0]) || zIn[n-5]!=' ' ) return 0;
  for(i=1; i<n-5; i++) if( !IS_ALPHA(zIn[i]) && zIn[i]!='.' && zIn[i]!='-' ) return 0;
  for(i=n-4; i<n; i++) if( !IS_DIGIT(zIn[i]) ) return 0;
  return (zIn[n-4]=='1' && zIn[n-3]=='9') || (zIn[n-4]=='2' && zIn[n-3]=='0');
}

/* What peel_markup() found at the end b of the span: the bracket ending
** there (br, its opener at s, or none) and the start of the last word.
** Peeling from the front moves only a, and neither answer changes with a
** but for being cut at it, so the end is read once per b, not once per
** piece taken off the front. */
typedef struct PeelMemo {
  size_t bBracket, sBracket; const Bracket *br;
  size_t bWord, sWord, sHash;
} PeelMemo;

static const Bracket *end_bracket(PeelMemo *m, const char *z, size_t a, size_t b, size_t *pStart){
  if( m->bBracket!=b+1 ){
    m->br = bracket_ending(z, a, b, &m->sBracket);
    m->bBracket = b+1;
  }
  if( m->br==0 || m->sBracket<a ) return 0;
  *pStart = m->sBracket;
  return m->br;
}

/* The length of a '#' or '＃' at z[q] (q<b), else 0. */
static int hash_at(const char *z, size_t q, size_t b){
  if( z[q]=='#' ) return 1;
  return b-q>=3 && memcmp(z+q, "\xEF\xBC\x83", 3)==0 ? 3 : 0;
}

/* Does a closing bracket end just before z[q] ('】' of '【ssl】#vit')? */
static int closer_before(const char *z, size_t a, size_t q){
  const unsigned char *u = (const unsigned char*)z;
  if( q>a && (z[q-1]==']' || z[q-1]==')') ) return 1;
  return q>=a+3 && ((u[q-3]==0xE3 && u[q-2]==0x80 && (u[q-1]==0x91 || u[q-1]==0x95 || u[q-1]==0x97))
                 || (u[q-3]==0xEF && u[q-2]==0xBC && (u[q-1]==0xBD || u[q-1]==0x89)));
}

/* The start of the hashtag that ends the span [a, b): a '#' that starts
** its last word, or follows a closing bracket in it ('[ssl]#vit'); b when
** there is none. */
static size_t last_hashtag(PeelMemo *m, const char *z, size_t a, size_t b){
  if( m->bWord!=b+1 ){
    size_t s, q;
    for(s=b; s>a && !IS_HSPACE(z[s-1]); s--){}
    m->sWord = s;
    m->sHash = b;
    for(q=b; q>s; q--){
      if( hash_at(z, q-1, b) && (q-1==s || closer_before(z, s, q-1)) ){ m->sHash = q-1; break; }
    }
    m->bWord = b+1;
  }
  if( m->sHash<b && m->sHash>=a ) return m->sHash;
  /* cut at a, the word starts there */
  return m->sWord<a && hash_at(z, a, b) ? a : b;
}

/* Is the '#' (h bytes) at z[s] the start of a '#tag' (not '##', '# ')? */
static int starts_hashtag(const char *z, size_t s, size_t b, int h){
  return h && b-s>(size_t)h && !hash_at(z, s+(size_t)h, b) && !IS_HSPACE(z[s+(size_t)h]);
}

/* A '#tag' word starting at z[a]: its end, else 0. */
static size_t hashtag_word(const char *z, size_t a, size_t b){
  size_t e;
  if( !starts_hashtag(z, a, b, hash_at(z, a, b)) ) return 0;
  for(e=a; e<b && !IS_HSPACE(z[e]); e++){}
  return e;
}

/* A run of tags taken off one end of a span: [a, b), none when a==b. */
typedef struct Run { size_t a, b; } Run;

static void run_add(Run *r, size_t s, size_t e){
  if( r->a==r->b ){ r->a = s; r->b = e; return; }
  if( s<r->a ) r->a = s;
  if( e>r->b ) r->b = e;
}

/* The bracket group z[s..e) is the title's venue: the run of tags before it
** (on that side) is complete. */
static void take_venue(PeRlTitle *p, const Bracket *br, size_t s, size_t e, Run *r){
  p->venue.off = s + (size_t)br->no;
  p->venue.len = e - s - (size_t)br->no - (size_t)br->nc;
  add_area(p, r->a, r->b - r->a);
  r->a = r->b = 0;
}

/* Peel tags and a venue off both ends of the span [*pa, *pb).  keep: the
** span is the title, so something must be left of it (a title written
** wholly in brackets stays); else (text after a link) all may go.  The
** tags go to p's areas: one per run of tags taken off an end (a venue
** between tags splits the run). */
static void peel_markup(const char *z, size_t *pa, size_t *pb, PeRlTitle *p, int keep){
  size_t a = *pa, b = *pb, s, e;
  Run front = { 0, 0 }, back = { 0, 0 };   /* the runs of tags taken off */
  const Bracket *br;
  PeelMemo m;
  int changed = 1;
  memset(&m, 0, sizeof(m));
  while( changed ){
    PeSpan t = { a, b-a };
    t = pe_rl_trim(z, t);
    a = t.off; b = t.off + t.len;
    changed = 0;
    if( a>=b ) break;
    if( (br = end_bracket(&m, z, a, b, &s))!=0 && (s>a || !keep)
     && (br->isTag || (bracket_is_venue(z, s, b, br) && p->venue.len==0)) ){
      if( bracket_is_venue(z, s, b, br) && p->venue.len==0 ) take_venue(p, br, s, b, &back);
      else run_add(&back, s, b);
      b = s; changed = 1; continue;
    }
    /* a trailing '#tag' */
    s = last_hashtag(&m, z, a, b);
    if( s<b && starts_hashtag(z, s, b, hash_at(z, s, b)) ){
      run_add(&back, s, b);
      b = s; changed = 1; continue;
    }
    /* a leading '#tag' word */
    if( (e = hashtag_word(z, a, b))!=0 && (e<b || !keep) ){
      run_add(&front, a, e);
      a = e; changed = 1; continue;
    }
    if( (br = bracket_starting(z, a, b, &e))!=0 && (e<b || !keep) ){
      if( e<b && z[e]=='(' ) break;           /* a link, not a tag */
      if( bracket_is_venue(z, a, e, br) && p->venue.len==0 ) take_venue(p, br, a, e, &front);
      else if( br->isTag ) run_add(&front, a, e);
      else continue;
      a = e; changed = 1; continue;
    }
  }
  add_area(p, front.a, front.b-front.a);
  add_area(p, back.a, back.b-back.a);
  /* separators left between the title and what was peeled off */
  while( b>a && (IS_HSPACE(z[b-1]) || z[b-1]=='-' || z[b-1]=='|' || z[b-1]==',') ) b--;
  if( b-a>=3 && (memcmp(z+b-3, "\xE2\x80\x94", 3)==0 || memcmp(z+b-3, "\xE2\x80\x93", 3)==0) ){
    b -= 3;
    while( b>a && IS_HSPACE(z[b-1]) ) b--;
  }
  *pa = a; *pb = b;
}

/* The areas in line order (they were found from both ends). */
static void sort_areas(PeRlTitle *p){
  int i, j;
  for(i=1; i<p->nArea; i++){
    PeSpan t = p->aArea[i];
    for(j=i; j>0 && p->aArea[j-1].off>t.off; j--) p->aArea[j] = p->aArea[j-1];
    p->aArea[j] = t;
  }
}

/* Strip '**...**', '__...__', '*...*' wrapping the whole span. */
static void strip_emphasis(const char *z, size_t *pa, size_t *pb){
  static const char *const azMark[] = { "**", "__", "*", "_" };
  size_t k;
  for(k=0; k<4; k++){
    size_t m = strlen(azMark[k]);
    if( *pb-*pa>2*m && memcmp(z+*pa, azMark[k], m)==0
     && memcmp(z+*pb-m, azMark[k], m)==0 ){
      *pa += m; *pb -= m;
      return;
    }
  }
}

/* Bytes that may start markup in a title line: brackets, '#', emphasis,
** '<' (autolinks), ':' and 'w' (urls), the lead bytes of 【〔（ and of
** dashes; ',' '-' '|' end a title only as separators. */
static const unsigned char aMarkupByte[256] = {
  ['['] = 1, [']'] = 1, ['('] = 1, [')'] = 1, ['#'] = 1, ['*'] = 1, ['_'] = 1,
  ['<'] = 1, [':'] = 2, ['w'] = 3, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* Could z[0..n) hold any markup pe_rl_title_parts() takes off? */
static int has_markup(const char *z, size_t n){
  size_t i;
  if( n && (z[n-1]=='-' || z[n-1]=='|' || z[n-1]==',') ) return 1;
  for(i=0; i<n; i++){
    switch( aMarkupByte[(unsigned char)z[i]] ){
      case 0: break;
      case 2: if( i+2<n && z[i+1]=='/' && z[i+2]=='/' ) return 1; break;
      case 3: if( n-i>=4 && memcmp(z+i, "www.", 4)==0 ) return 1; break;
      default: return 1;
    }
  }
  return 0;
}

/* A link at z[a], maybe in emphasis ('**[Title](url)**'), as the title:
** 1 and p's title, url and rest (tags peeled off its rest), else 0. */
static int link_title(const char *z, size_t a, size_t b, PeRlTitle *p, LinkSeek *m){
  size_t em = 0, k, i, end = 0;
  PeSpan text, url;
  while( em<2 && a+em<b && (z[a+em]=='*' || z[a+em]=='_') ) em++;
  if( !(em && a+em<b && z[a+em]=='[') ) em = 0;
  if( !md_link(z, b, a+em, &text, &url, &end, m) ) return 0;
  for(k=0; k<em && end<b && z[end]==z[a]; k++) end++;
  p->hasLink = 1;
  p->url = url;
  a = text.off; i = text.off + text.len;
  strip_emphasis(z, &a, &i);
  p->title.off = a; p->title.len = i-a;
  a = end;
  peel_markup(z, &a, &b, p, 0);
  while( a<b && (IS_HSPACE(z[a]) || z[a]=='-' || z[a]==':' || z[a]=='|') ) a++;
  if( b-a>=3 && (memcmp(z+a, "\xE2\x80\x94", 3)==0 || memcmp(z+a, "\xE2\x80\x93", 3)==0) ) a += 3;
  while( a<b && IS_HSPACE(z[a]) ) a++;
  p->rest.off = a; p->rest.len = b-a;
  return 1;
}

void pe_rl_title_parts(const char *z, size_t n, PeRlTitle *p){
  size_t a = 0, b = n, i, end = 0;
  PeSpan text, url;
  LinkSeek seek;
  memset(p, 0, sizeof(*p));
  memset(&seek, 0, sizeof(seek));
  {
    PeSpan t = { 0, n };
    t = pe_rl_trim(z, t);
    a = t.off; b = t.off + t.len;
  }
  if( !has_markup(z+a, b-a) ){             /* most titles: nothing to take off */
    p->title.off = a; p->title.len = b-a;
    return;
  }
  strip_emphasis(z, &a, &b);
  /* The title is a link: '[Title](url) rest', maybe in emphasis '**[..](..)**'. */
  if( link_title(z, a, b, p, &seek) ) goto done;
  /* A link or url later in the line ends the title: 'Title [pdf](url)'. */
  for(i=a; i<b; i++){
    size_t ul;
    if( z[i]=='[' && i>a && md_link(z, b, i, &text, &url, &end, &seek) ){
      /* only tags before it ('【ssl】 [Title](url)'): the link is the title */
      size_t la = a, lb = i, em = 0;
      PeRlTitle lead;
      while( em<2 && lb-em>la && (z[lb-em-1]=='*' || z[lb-em-1]=='_') ) em++;
      lb -= em;
      memset(&lead, 0, sizeof(lead));
      peel_markup(z, &la, &lb, &lead, 0);
      if( la>=lb ){
        LinkSeek again;
        memset(&again, 0, sizeof(again));
        p->venue = lead.venue;
        link_title(z, i-em, b, p, &again);
        for(ul=0; ul<(size_t)lead.nArea; ul++) add_area(p, lead.aArea[ul].off, lead.aArea[ul].len);
        goto done;
      }
      p->url = url;
      p->rest.off = i; p->rest.len = b-i;
      b = i;
      break;
    }
    if( (i==a || IS_HSPACE(z[i-1]) || z[i-1]=='<' || z[i-1]=='(')
     && (z[i]=='h' || z[i]=='w') && (ul = url_at(z, b, i))>0 ){
      size_t s = i, e = i+ul;
      p->url.off = i; p->url.len = ul;
      if( s>a && (z[s-1]=='<' || z[s-1]=='(') ) s--;
      if( e<b && (z[e]=='>' || z[e]==')') ) e++;
      p->rest.off = e; p->rest.len = b-e;
      p->rest = pe_rl_trim(z, p->rest);
      if( s==a ){
        /* the url first: the title follows it ('https://... Title #tag') */
        a = p->rest.off; b = a + p->rest.len;
        p->rest.len = 0;
      }else{
        b = s;
      }
      break;
    }
  }
  peel_markup(z, &a, &b, p, 1);
  strip_emphasis(z, &a, &b);
  p->title.off = a; p->title.len = b-a;
  if( p->rest.len ){
    /* tags after the url belong to the entry too */
    size_t ra = p->rest.off, rb = p->rest.off + p->rest.len;
    peel_markup(z, &ra, &rb, p, 0);
    p->rest.off = ra; p->rest.len = rb-ra;
  }
done:
  /* what is left after a link or url opens the note; tags written in it
  ** ('— great paper #ssl') are the entry's too */
  add_area(p, p->rest.off, p->rest.len);
  sort_areas(p);
}

/* ---- title or note ---------------------------------------------------- */

static int is_note_script(uint32_t c){
  return pe_is_cjk(c)
      || (c>=0xAC00 && c<=0xD7AF) || (c>=0x1100 && c<=0x11FF)  /* Hangul */
      || (c>=0x3130 && c<=0x318F)
      || (c>=0x3000 && c<=0x303F)       /* CJK punctuation 。、【】 */
      || (c>=0xFF00 && c<=0xFF65);      /* full-width forms ，（）： */
}

/* Starts by resuming a sentence: ', ...', ') ...', '，其中...'. */
static int resumes_sentence(const char *z, size_t n){
  static const char acResume[] = ",;:)]}.!?";
  if( n==0 ) return 0;
  return strchr(acResume, z[0])!=0;
}

/* Full-width punctuation that continues or closes a sentence: ，、。；：）】」』〕〉》！？ */
static int is_wide_closer(uint32_t c){
  static const uint32_t a[] = { 0xFF0C, 0x3001, 0x3002, 0xFF1B, 0xFF1A, 0xFF09, 0x3011,
                                0x300D, 0x300F, 0x3015, 0x3009, 0x300B, 0xFF01, 0xFF1F };
  size_t i;
  for(i=0; i<sizeof(a)/sizeof(a[0]); i++) if( a[i]==c ) return 1;
  return 0;
}

/* Bytes the note scan must look at: '\\', the formula characters, ':' and
** '.' (links, sentence breaks), and every non-ASCII byte. */
static const unsigned char aNoteByte[256] = {
  ['\\'] = 1, [':'] = 1, ['.'] = 1,
  ['^'] = 1, ['_'] = 1, ['{'] = 1, ['}'] = 1, ['='] = 1, ['$'] = 1, ['<'] = 1, ['>'] = 1, ['|'] = 1,
  [0x80 ... 0xFF] = 1,                        /* (a GNU C range) */
};
#define is_note_byte(b) (aNoteByte[(unsigned char)(b)])

const char *pe_rl_why_name(PeRlWhy eWhy){
  static const char *const azName[] = {
    [PE_RL_IS_TITLE] = "title",          [PE_RL_WHY_EMPTY] = "empty",
    [PE_RL_WHY_RESUMES] = "resumes a sentence", [PE_RL_WHY_FORMULA] = "formula",
    [PE_RL_WHY_LINK] = "link",           [PE_RL_WHY_SCRIPT] = "script",
    [PE_RL_WHY_SENTENCE] = "sentence",   [PE_RL_WHY_TOO_LONG] = "too long",
    [PE_RL_WHY_TOO_SHORT] = "too short", [PE_RL_WHY_AUTHORS] = "author list",
    [PE_RL_WHY_LOWERCASE] = "lowercase start", [PE_RL_WHY_NOT_TITLE_CASE] = "not title case",
    [PE_RL_WHY_NOTE] = "note",
  };
  return (unsigned)eWhy < sizeof(azName)/sizeof(azName[0]) ? azName[eWhy] : "note";
}

PeRlWhy pe_rl_note_reason(const char *z, size_t n){
  size_t i, last;
  uint32_t c;
  int len, twoSentences = 0;
  PeSpan t = { 0, n };
  t = pe_rl_trim(z, t);
  z += t.off; n = t.len;
  if( n==0 ) return PE_RL_WHY_EMPTY;
  if( resumes_sentence(z, n) ) return PE_RL_WHY_RESUMES;
  for(i=0; i<n; i+=(size_t)len){
    unsigned char b = (unsigned char)z[i];
    len = 1;
    if( !is_note_byte(b) ) continue;
    if( b<0x80 ){
      if( b=='\\' ){
        if( i+1<n && !IS_HSPACE(z[i+1]) ) return PE_RL_WHY_FORMULA;
      }else if( b==':' ){
        if( i+2<n && z[i+1]=='/' && z[i+2]=='/' ) return PE_RL_WHY_LINK;
      }else if( b=='.' ){
        /* two sentences: 'word. Word' after a lower-case word of 3+ letters */
        if( i>=3 && i+2<n && z[i+1]==' ' && IS_UPPER(z[i+2])
         && IS_LOWER(z[i-1]) && IS_LOWER(z[i-2]) && IS_LOWER(z[i-3]) ) twoSentences = 1;
      }else{
        return PE_RL_WHY_FORMULA;
      }
      continue;
    }
    c = decode_at(z, n, i, &len);
    if( is_note_script(c) ){
      return i==0 && is_wide_closer(c) ? PE_RL_WHY_RESUMES : PE_RL_WHY_SCRIPT;
    }
  }
  if( n>=4 && memcmp(z, "www.", 4)==0 ) return PE_RL_WHY_LINK;
  c = last_char(z, n, &last);
  if( c=='.' || c=='!' || c==';' || c==',' || c==':' || twoSentences ) return PE_RL_WHY_SENTENCE;
  return PE_RL_IS_TITLE;
}

/* 'Kaiming He, Xiangyu Zhang, Shaoqing Ren and Jian Sun': three or more
** names (2 to 4 capitalized words each) separated by ',' or ' and '. */
static int is_author_list(const char *z, size_t n){
  size_t i = 0;
  int nName = 0;
  if( memchr(z, ',', n)==0 || memchr(z, ':', n)!=0 ) return 0;
  while( i<n ){
    int nWord = 0;
    for(;;){                                /* the words of one name */
      size_t s;
      while( i<n && z[i]==' ' ) i++;
      if( i>=n || z[i]==',' ) break;
      if( n-i>=4 && memcmp(z+i, "and ", 4)==0 && nWord>0 ) break;
      s = i;
      while( i<n && z[i]!=' ' && z[i]!=',' ) i++;
      if( !IS_UPPER(z[s]) && (unsigned char)z[s]<0x80 ) return 0;
      nWord++;
    }
    if( nWord<2 || nWord>4 ) return 0;
    nName++;
    if( i<n && z[i]==',' ) i++;
    while( i<n && z[i]==' ' ) i++;
    if( n-i>=4 && memcmp(z+i, "and ", 4)==0 ) i += 4;
  }
  return nName>=3;
}

PeRlWhy pe_rl_title_reason(const char *z, size_t n){
  PeRlWhy eWhy = pe_rl_note_reason(z, n);
  size_t i, nWord = 0, nSig = 0, nCap = 0;
  PeSpan t = { 0, n };
  if( eWhy!=PE_RL_IS_TITLE ) return eWhy;
  t = pe_rl_trim(z, t);
  z += t.off; n = t.len;
  if( n>300 ) return PE_RL_WHY_TOO_LONG;
  if( is_author_list(z, n) ) return PE_RL_WHY_AUTHORS;
  for(i=0; i<n; ){
    size_t s, e, k;
    int hasAlnum = 0, hasUpperOrDigit = 0;
    while( i<n && IS_HSPACE(z[i]) ) i++;
    if( i>=n ) break;
    s = i;
    while( i<n && !IS_HSPACE(z[i]) ) i++;
    e = i;
    for(k=s; k<e; k++){
      if( IS_ALNUM(z[k]) || (unsigned char)z[k]>=0x80 ) hasAlnum = 1;
      if( IS_UPPER(z[k]) || IS_DIGIT(z[k]) ) hasUpperOrDigit = 1;
    }
    if( !hasAlnum ) continue;              /* '-', '&', ':' */
    nWord++;
    /* the word proper, without surrounding punctuation */
    while( s<e && !IS_ALNUM(z[s]) && (unsigned char)z[s]<0x80 ) s++;
    while( e>s && !IS_ALNUM(z[e-1]) && (unsigned char)z[e-1]<0x80 ) e--;
    if( s<e && IS_DIGIT(z[s]) ) continue;  /* '16x16', '3D': neutral */
    if( nWord==1 && IS_LOWER(z[s]) && !hasUpperOrDigit ){
      /* 'mixup: Beyond ...' names a method; a plain lower-case start is prose */
      if( !(i>0 && z[i-1]==':') ) return PE_RL_WHY_LOWERCASE;
    }
    /* a capitalized word counts as capitalized, function word or not
    ** ('An Image Is Worth'); a lower-case one is looked up */
    if( IS_LOWER(z[s]) && is_function_word(z+s, e-s) ) continue;
    nSig++;
    if( hasUpperOrDigit ) nCap++;
  }
  if( nWord<2 ) return PE_RL_WHY_TOO_SHORT;
  if( nWord>30 ) return PE_RL_WHY_TOO_LONG;
  if( nSig==0 || nCap*4 < nSig*3 ) return PE_RL_WHY_NOT_TITLE_CASE;
  return PE_RL_IS_TITLE;
}

int pe_rl_open_sentence(const char *z, size_t n){
  size_t last;
  uint32_t c;
  PeSpan t = { 0, n };
  t = pe_rl_trim(z, t);
  if( t.len==0 ) return 0;
  c = last_char(z + t.off, t.len, &last);
  return !(c=='.' || c=='!' || c=='?' || c==':' || c==0x3002 /* 。 */
           || c==0xFF01 || c==0xFF1F || c==0xFF1A);
}

int pe_rl_caption(const char *z, size_t n, PeSpan *pTag){
  size_t e, k;
  const Bracket *br;
  PeSpan t = { 0, n };
  t = pe_rl_trim(z, t);
  if( t.len>=2 && z[t.off]=='!' && z[t.off+1]=='[' ){
    PeSpan a, b;
    LinkSeek seek;
    memset(&seek, 0, sizeof(seek));
    if( md_link(z, t.off+t.len, t.off+1, &a, &b, &e, &seek) ){
      pTag->off = 0; pTag->len = 0;
      return 1;
    }
  }
  br = bracket_starting(z, t.off, t.off+t.len, &e);
  if( br==0 || !br->isTag || e==t.off+(size_t)br->no+(size_t)br->nc ) return 0;
  k = e;
  if( k<t.off+t.len ){
    char c = z[k];
    size_t rem = t.off+t.len-k;
    if( c=='(' ) return 0;                        /* a link */
    if( !(c=='-' || c=='_' || c==':'
          || (rem>=3 && (memcmp(z+k, "\xE2\x80\x94", 3)==0         /* — */
                      || memcmp(z+k, "\xE2\x80\x93", 3)==0         /* – */
                      || memcmp(z+k, "\xEF\xBC\x9A", 3)==0))) ) return 0;   /* ： */
  }
  pTag->off = t.off; pTag->len = e - t.off;
  return 1;
}

/* ---- venues ------------------------------------------------------------ */

static size_t count_upper(const char *z, size_t n){
  size_t i, k = 0;
  for(i=0; i<n; i++) if( IS_UPPER(z[i]) ) k++;
  return k;
}

int pe_rl_venue_token(const char *z, size_t n, PeSpan *pSpan){
  size_t i;
  for(i=0; i<n; i++){
    size_t d, yEnd, sepEnd, s, nUp;
    int year, ok = 0;
    char sep = 0;
    if( !IS_DIGIT(z[i]) || (i>0 && IS_DIGIT(z[i-1])) ) continue;
    for(d=i; d<n && IS_DIGIT(z[d]); d++){}
    if( d-i!=4 && d-i!=2 ) { i = d; continue; }
    year = 0;
    for(s=i; s<d; s++) year = year*10 + (z[s]-'0');
    yEnd = d;
    /* the separator between acronym and year */
    sepEnd = i;
    if( sepEnd>=3 && (unsigned char)z[sepEnd-3]==0xE2 && (unsigned char)z[sepEnd-2]==0x80
        && (unsigned char)z[sepEnd-1]==0x99 ){           /* ’ */
      sep = '\''; sepEnd -= 3;
    }else if( sepEnd>0 && (z[sepEnd-1]==' ' || z[sepEnd-1]=='\'' || z[sepEnd-1]=='-'
                        || z[sepEnd-1]=='_') ){
      sep = z[sepEnd-1]; sepEnd--;
    }
    for(s=sepEnd; s>0 && IS_ALPHA(z[s-1]); s--){}
    if( sepEnd-s<2 || sepEnd-s>12 ){ i = d; continue; }
    nUp = count_upper(z+s, sepEnd-s);
    if( d-i==4 ){
      if( year<1950 || year>2099 ) ok = 0;
      else if( sep==0 || sep=='_' ) ok = 1;                 /* nips2020 */
      else ok = nUp>=2;                                     /* CVPR 2021 */
    }else{
      if( sep=='\'' ) ok = 1;                               /* NeurIPS'20 */
      else if( sep=='-' ) ok = nUp>=2;                      /* AAAI-20 */
      else if( sep==0 ) ok = nUp==sepEnd-s && nUp>=3;       /* ICLR21 */
    }
    if( !ok || (yEnd<n && IS_DIGIT(z[yEnd])) ){ i = d; continue; }
    /* 'Workshop(s)' after it makes it a workshop venue */
    {
      size_t k = yEnd;
      while( k<n && z[k]==' ' ) k++;
      if( n-k>=8 && (strncmp(z+k, "Workshop", 8)==0 || strncmp(z+k, "workshop", 8)==0) ){
        yEnd = k+8;
        if( yEnd<n && z[yEnd]=='s' ) yEnd++;
      }
    }
    pSpan->off = s; pSpan->len = yEnd - s;
    return 1;
  }
  return 0;
}
