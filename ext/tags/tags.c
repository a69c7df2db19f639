/* tags.c: see tags.h. */
#include <stddef.h>
#include <string.h>
#include <utf8proc.h>
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "tags.h"

/* ---------------------------------------------------------------- chars */

static int decode_at(const char *z, size_t n, size_t i, uint32_t *pc){
  return pe_utf8_decode((const unsigned char*)z+i, n-i, pc);
}

/* The code point ending just before z[i] (i>0); *piStart gets its start. */
static uint32_t decode_before(const char *z, size_t i, size_t *piStart){
  size_t j = i;
  uint32_t c;
  int k = 0;
  while( j>0 && k<4 ){
    j--; k++;
    if( ((unsigned char)z[j] & 0xC0)!=0x80 ) break;
  }
  if( (size_t)decode_at(z, i, j, &c)!=i-j ){ j = i-1; c = PE_REPLACEMENT; }
  if( piStart ) *piStart = j;
  return c;
}

static int is_letter(uint32_t c){
  if( c<0x80 ) return (c|0x20)>='a' && (c|0x20)<='z';
  switch( utf8proc_category((utf8proc_int32_t)c) ){
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return 1;
    default: return 0;
  }
}

static int has_letter(const char *z, size_t n){
  size_t i = 0;
  uint32_t c;
  while( i<n ){
    i += (size_t)decode_at(z, n, i, &c);
    if( is_letter(c) ) return 1;
  }
  return 0;
}

/* Hashtag body characters. */
static int is_hashtag_char(uint32_t c){
  return pe_is_word_char(c) || c=='_' || c=='-' || c=='/' || c=='.' || c=='+';
}

/* May a '#' follow this character and start a hashtag?  Not a Latin letter
** or digit (C#, a#b), nor '/', '&', '#', '=' (URLs, entities); a Chinese or
** Japanese character may, since such text has no spaces ('研究#自监督'), and
** so may a bracket that closes a tag before it ('【ssl】#vit', '[ssl]#vit'). */
static int starts_word_after(uint32_t c){
  if( pe_is_space(c) || pe_is_cjk(c) ) return 1;
  if( c<0x80 ) return c && strchr("([{<\"',;:|*)]", (int)c)!=0;
  switch( c ){
    case 0x201C: case 0x2018: case 0x300C: case 0x300E: case 0xFF08: case 0xFF0C:
    case 0x3001: case 0xFF1B: case 0xFF1A: case 0x3010: case 0x3014: case 0x300A:
    case 0x3008: case 0x3016: case 0xFF3B:
    case 0x3011: case 0x3015: case 0x3017: case 0xFF3D: case 0xFF09:   /* 】〕〗］） */
    case 0x300D: case 0x300F: case 0x300B: case 0x3009: case 0x201D:   /* 」』》〉” */
      return 1;
  }
  return 0;
}

/* Length of a list separator at z[i], 0 when there is none. */
static int separator_at(const char *z, size_t n, size_t i){
  unsigned char c = (unsigned char)z[i];
  if( c==',' || c==';' || c=='|' || c=='\n' || c=='\r' ) return 1;
  if( i+3<=n ){
    const unsigned char *u = (const unsigned char*)z+i;
    if( u[0]==0xEF && u[1]==0xBC && (u[2]==0x8C || u[2]==0x9B) ) return 3;  /* ， ； */
    if( u[0]==0xE3 && u[1]==0x80 && u[2]==0x81 ) return 3;                  /* 、 */
  }
  return 0;
}

/* Opening/closing pairs removed around a tag (after NFKC). */
static const uint32_t aPair[][2] = {
  {'(', ')'}, {'[', ']'}, {'{', '}'}, {'<', '>'}, {'"', '"'}, {'\'', '\''},
  {0x3010, 0x3011}, {0x3014, 0x3015}, {0x300C, 0x300D}, {0x300E, 0x300F},
  {0x3016, 0x3017}, {0x300A, 0x300B}, {0x3008, 0x3009}, {0x3018, 0x3019},
  {0x301A, 0x301B}, {0x201C, 0x201D}, {0x2018, 0x2019},
};

static int pair_closer(uint32_t c, uint32_t *pClose){
  size_t k;
  for(k=0; k<sizeof(aPair)/sizeof(aPair[0]); k++){
    if( aPair[k][0]==c ){ *pClose = aPair[k][1]; return 1; }
  }
  return 0;
}

/* ------------------------------------------------------------ tag_norm */



/* White space, '_', '-' and control characters: one '-' inside a tag,
** nothing at either end. */
static int is_tag_sep(uint32_t c){
  return pe_is_space(c) || c=='_' || c=='-' || c<0x20 || (c>=0x7F && c<0xA0);
}

static int is_trailing_punct(uint32_t c){
  return c=='.' || c==',' || c==';' || c==':' || c=='!' || c=='?' || c==0x3002;
}

/* Does the bracket opening at s[a] close exactly at the last character? */
static int surrounds(const char *s, size_t a, size_t b, uint32_t open, uint32_t close,
                     size_t iLast){
  size_t i = a;
  int depth = 0;
  uint32_t c;
  if( open==close ) return iLast>a;
  while( i<b ){
    int len = decode_at(s, b, i, &c);
    if( c==open ) depth++;
    else if( c==close ){
      depth--;
      if( depth==0 ) return i==iLast;
    }
    i += (size_t)len;
  }
  return 0;
}

static int is_ascii_alnum(unsigned char c){
  return (c>='a' && c<='z') || (c>='0' && c<='9') || (c>='A' && c<='Z');
}

#define NPAIR (sizeof(aPair)/sizeof(aPair[0]))

/*
** Deeply nested brackets ('[[[[...x...]]]]') would make strip_tag quadratic
** if each layer rescanned the text with surrounds().  For a long tag, one
** scan per bracket kind records instead where the depth first drops from
** each level L to L-1: the opener stripped as the L-th of its kind closes
** exactly there (nothing but openers of its kind precede it at the front).
*/
typedef struct PairMemo {
  size_t *aDrop;      /* aDrop[L]: first offset where depth drops from L, or SIZE_MAX */
  size_t nLevel;      /* entries in aDrop (1 + openers of this kind) */
  size_t nStripped;   /* openers of this kind stripped so far */
} PairMemo;

#ifndef MEMO_MIN_LEN
# define MEMO_MIN_LEN 256  /* shorter tags just rescan */
#endif

static int memo_build(PairMemo *m, const char *s, size_t a0, size_t b0, uint32_t open, uint32_t close){
  size_t i = a0, nOpen = 0, k;
  long long depth = 0;
  while( i<b0 ){
    uint32_t c;
    i += (size_t)decode_at(s, b0, i, &c);
    if( c==open ) nOpen++;
  }
  m->nLevel = nOpen+1;
  m->aDrop = pe_malloc(sizeof(size_t)*m->nLevel);
  if( m->aDrop==0 ) return PE_NOMEM;
  for(k=0; k<m->nLevel; k++) m->aDrop[k] = SIZE_MAX;
  for(i=a0; i<b0; ){
    uint32_t c;
    int len = decode_at(s, b0, i, &c);
    if( c==open ) depth++;
    else if( c==close ){
      if( depth>0 && m->aDrop[depth]==SIZE_MAX ) m->aDrop[depth] = i;
      depth--;
    }
    i += (size_t)len;
  }
  return PE_OK;
}

/* Narrow s[*pa..*pb) by trimming, leading '#', trailing punctuation and
** surrounding brackets, until nothing changes.  PE_OK or PE_NOMEM. */
static int strip_tag(const char *s, size_t *pa, size_t *pb){
  size_t a = *pa, b = *pb, a0 = *pa, b0 = *pb, k;
  PairMemo aMemo[NPAIR];
  int changed = 1, rc = PE_OK;
  memset(aMemo, 0, sizeof(aMemo));
  while( changed && a<b ){
    uint32_t c, cl;
    size_t iLast;
    int len;
    unsigned char f = (unsigned char)s[a], l = (unsigned char)s[b-1];
    changed = 0;
    if( is_ascii_alnum(f) && is_ascii_alnum(l) ) break;   /* the common case */
    len = decode_at(s, b, a, &c);
    /* (separators and '/' at the ends would vanish anyway: trimming them
    ** here lets a '#' or bracket behind them go too, so that the result is
    ** a fixed point: tag_norm(tag_norm(x)) == tag_norm(x)) */
    if( is_tag_sep(c) || c=='/' || c=='#' ){ a += (size_t)len; changed = 1; continue; }
    c = decode_before(s, b, &iLast);
    if( iLast<a ) iLast = a;
    if( is_tag_sep(c) || c=='/' || is_trailing_punct(c) ){ b = iLast; changed = 1; continue; }
    decode_at(s, b, a, &c);
    if( pair_closer(c, &cl) ){
      uint32_t last;
      int ok;
      decode_at(s, b, iLast, &last);
      if( last!=cl ) continue;
      for(k=0; aPair[k][0]!=c; k++){}
      if( b0-a0<MEMO_MIN_LEN || c==cl ){
        ok = surrounds(s, a, b, c, cl, iLast);
      }else{
        PairMemo *m = &aMemo[k];
        if( m->aDrop==0 && (rc = memo_build(m, s, a0, b0, c, cl))!=PE_OK ) break;
        ok = m->nStripped+1<m->nLevel && m->aDrop[m->nStripped+1]==iLast;
      }
      if( ok ){
        aMemo[k].nStripped++;
        a += (size_t)len;
        b = iLast;
        changed = 1;
      }
    }
  }
  for(k=0; k<NPAIR; k++) pe_free(aMemo[k].aDrop);
  *pa = a; *pb = b;
  return rc;
}

int pe_tag_norm(PeBuf *out, const char *z, size_t n){
  size_t start = out->n, i, a, b, w;
  int pendingSep = 0, pendingSlash = 0;
  char *s;
  if( pe_fold_is_trivial(z, n) ){
    if( pe_buf_reserve(out, n) ) return PE_NOMEM;
    for(i=0; i<n; i++){
      char c = z[i];
      out->z[out->n++] = (c>='A' && c<='Z') ? (char)(c+32) : c;
    }
    out->z[out->n] = 0;
  }else if( pe_fold_append(out, z, n, PE_FOLD_NFKC|PE_FOLD_CASE|PE_FOLD_IGNORE) ){
    return PE_NOMEM;
  }
  if( out->oom ) return PE_NOMEM;
  s = out->z + start;
  a = 0; b = out->n - start;
  if( strip_tag(s, &a, &b) ){ out->n = start; out->z[out->n] = 0; return PE_NOMEM; }
  /* Compact in place (w <= a always): separators to one '-' or '/'. */
  w = 0;
  i = a;
  while( i<b ){
    uint32_t c;
    int len;
    unsigned char ch = (unsigned char)s[i];
    if( ch>' ' && ch<0x7F && ch!='_' && ch!='-' && ch!='/' ){
      if( w>0 && pendingSlash ) s[w++] = '/';            /* the common case */
      else if( w>0 && pendingSep ) s[w++] = '-';
      pendingSep = pendingSlash = 0;
      s[w++] = (char)ch;
      i++;
      continue;
    }
    len = decode_at(s, b, i, &c);
    if( is_tag_sep(c) ){
      pendingSep = 1;
    }else if( c=='/' ){
      pendingSlash = 1;
    }else{
      if( w>0 && pendingSlash ) s[w++] = '/';
      else if( w>0 && pendingSep ) s[w++] = '-';
      pendingSep = pendingSlash = 0;
      memmove(s+w, s+i, (size_t)len);
      w += (size_t)len;
    }
    i += (size_t)len;
  }
  out->n = start + w;
  out->z[out->n] = 0;
  return PE_OK;
}

/* ------------------------------------------------------------- finding */

void pe_tags_init(PeTagIter *it, const char *z, size_t n, unsigned flags){
  memset(it, 0, sizeof(*it));
  it->z = z ? z : "";
  it->n = it->nTotal = z ? n : 0;
  it->flags = flags;
  pe_buf_init(&it->tag);
}

void pe_tags_close(PeTagIter *it){ pe_buf_free(&it->tag); }

/* Private flag: find raw spans only, without normalizing (item_kind). */
#define TAGS_SPANS_ONLY 0x100

/* Normalize z[a..b) as the current tag; 1 when it is not empty, -1 OOM. */
static int set_tag(PeTagIter *it, size_t iRaw, size_t nRaw, size_t a, size_t b){
  if( it->flags & TAGS_SPANS_ONLY ){
    it->zTag = "";
    it->nTag = 0;
    it->iRaw = iRaw;
    it->nRaw = nRaw;
    return a<b;
  }
  pe_buf_reset(&it->tag);
  if( pe_tag_norm(&it->tag, it->z+a, b-a) ) return -1;
  if( it->tag.n==0 ) return 0;
  it->zTag = it->tag.z;
  it->nTag = it->tag.n;
  it->iRaw = iRaw;
  it->nRaw = nRaw;
  return 1;
}

/* The next item of the list it->z[iItem..iItemEnd): PE_TAG_ROW, PE_OK when
** the list is used up, PE_NOMEM. */
static int next_item(PeTagIter *it, int needLetter){
  const char *z = it->z;
  while( it->iItem < it->iItemEnd ){
    size_t a = it->iItem, e = a, b;
    int sep = 0, r;
    while( e<it->iItemEnd && (sep = separator_at(z, it->iItemEnd, e))==0 ) e++;
    it->iItem = e<it->iItemEnd ? e+(size_t)sep : e;
    /* Trim white space for the raw span. */
    b = e;
    while( a<b ){ uint32_t c; int l = decode_at(z, b, a, &c); if( !pe_is_space(c) ) break; a += (size_t)l; }
    while( a<b ){ size_t j; uint32_t c = decode_before(z, b, &j); if( j<a || !pe_is_space(c) ) break; b = j; }
    if( a==b || (needLetter && !has_letter(z+a, b-a)) ) continue;
    r = set_tag(it, a, b-a, a, b);
    if( r<0 ) return PE_NOMEM;
    if( r>0 ){ it->isMarked = needLetter; return PE_TAG_ROW; }
  }
  return PE_OK;
}

/* ----------------------------------------------------------- look-ahead */
/*
** Finding a tag often means looking ahead for its closer: the '】' of a
** '【', the ']' of a '[', the backticks that end a code span.  Done afresh
** for every opener, a run of openers without closers ('【【【【...') reads
** the rest of the line once per opener: quadratic.  So each look-ahead
** remembers where it landed (PeTagSeek): a later scan for the same closer
** that starts between the last one's start and its landing lands at the
** same place, without reading again; and a code span whose closing run of
** k backticks was not found at all is not looked for again after that.
*/

/* The first offset >= i where the closer zClose starts, a line break is,
** or (stopAtOpen) a '[' is; n when none.  m remembers the last answer. */
static size_t seek_stop(PeTagSeek *m, const char *z, size_t n, size_t i,
                        const char *zClose, size_t nClose, int stopAtOpen){
  size_t j;
  if( m->n==n+1 && m->from<=i && i<=m->at ) return m->at;
  for(j=i; j<n && z[j]!='\n'; j++){
    if( stopAtOpen && z[j]=='[' ) break;
    if( z[j]==zClose[0] && nClose<=n-j && memcmp(z+j, zClose, nClose)==0 ) break;
  }
  m->n = n+1;           /* (n+1: an all-zero memo is empty) */
  m->from = i;
  m->at = j;
  return j;
}

/* Skip a `code span` at z[i] (a run of k backticks up to the next run of
** exactly k); returns the index after it, or after the opening run when
** it is not closed (or longer than PE_TAGS_MAX_TICKS: not a code span). */
static size_t skip_code(PeTagIter *it, const char *z, size_t n, size_t i){
  size_t k = 0, j;
  while( i+k<n && z[i+k]=='`' ) k++;
  if( k>PE_TAGS_MAX_TICKS ) return i+k;
  if( it->nNoTicks!=n+1 ){
    memset(it->aNoTicks, 0, sizeof(it->aNoTicks));
    it->nNoTicks = n+1;
  }
  /* no run of k after an earlier start: none after this one either */
  if( it->aNoTicks[k] && it->aNoTicks[k]-1<=i ) return i+k;
  j = i+k;
  while( j<n ){
    const char *p = memchr(z+j, '`', n-j);
    size_t m = 0;
    if( p==0 ) break;
    j = (size_t)(p-z);
    while( j+m<n && z[j+m]=='`' ) m++;
    if( m==k ) return j+m;
    j += m;
  }
  it->aNoTicks[k] = i+1;
  return i+k;
}

/* At z[i]==':' of "://": skip the URL to the next white space. */
static size_t skip_url(const char *z, size_t n, size_t i){
  while( i<n ){
    uint32_t c;
    int len = decode_at(z, n, i, &c);
    if( pe_is_space(c) ) break;
    i += (size_t)len;
  }
  return i;
}

/* Try a hashtag whose '#' (m bytes) is at z[i]. */
static int try_hashtag(PeTagIter *it, size_t i, int m, size_t *pNext){
  const char *z = it->z;
  size_t n = it->n, j = i+(size_t)m, e;
  int r;
  *pNext = i+(size_t)m;
  if( i>0 && !starts_word_after(decode_before(z, i, 0)) ) return PE_OK;
  while( j<n ){
    uint32_t c;
    int len = decode_at(z, n, j, &c);
    if( !is_hashtag_char(c) ) break;
    j += (size_t)len;
  }
  /* The closing '#' of a '#topic#' (Weibo style) starts nothing. */
  *pNext = (j<n && z[j]=='#') ? j+1
         : (j+3<=n && memcmp(z+j, "\xEF\xBC\x83", 3)==0) ? j+3 : j;
  e = j;
  while( e>i+(size_t)m && strchr("./-_", z[e-1]) ) e--;
  if( e==i+(size_t)m || !has_letter(z+i+m, e-i-(size_t)m) ) return PE_OK;
  {
    uint32_t c0;
    decode_at(z, n, i+(size_t)m, &c0);
    if( !pe_is_word_char(c0) ) return PE_OK;
  }
  r = set_tag(it, i, e-i, i+(size_t)m, e);
  if( r<0 ) return PE_NOMEM;
  return r>0 ? PE_TAG_ROW : PE_OK;
}

/* Is the bracket content z[a..b) a tag?  (needs a letter; not a task box,
** footnote or citation; no LaTeX in it) */
static int bracket_content_ok(const char *z, size_t a, size_t b){
  size_t i;
  for(i=a; i<b; i++){
    if( z[i]=='\\' || z[i]=='{' || z[i]=='}' || z[i]=='^' || z[i]=='=' ) return 0;
  }
  while( a<b && (z[a]==' ' || z[a]=='\t') ) a++;
  while( b>a && (z[b-1]==' ' || z[b-1]=='\t') ) b--;
  if( a==b || z[a]=='^' || z[a]=='@' ) return 0;
  if( b-a==1 && (z[a]=='x' || z[a]=='X') ) return 0;
  return has_letter(z+a, b-a);
}

/* The end of the Markdown link destination '(url)' opening at z[k], after
** its ')', or 0 when it is not closed on its line.  Parentheses nest at most
** PE_TAGS_MAX_PARENS deep (as CommonMark allows implementations to limit
** them), which keeps a run of unclosed '(' linear: each scan stops after at
** most that many more of them. */
#define PE_TAGS_MAX_PARENS 32
static size_t link_dest_end(const char *z, size_t n, size_t k){
  int depth = 0;
  size_t p;
  for(p=k; p<n && z[p]!='\n'; p++){
    if( z[p]=='(' && ++depth>PE_TAGS_MAX_PARENS ) return 0;
    if( z[p]==')' && --depth==0 ) return p+1;
  }
  return 0;
}

/* Try a bracketed tag opening at z[i] (m bytes), closed by zClose (the
** bracket kind iKind of it->aSeek). */
static int try_bracket(PeTagIter *it, size_t i, int m, const char *zClose, int iKind,
                       int ascii, size_t *pNext){
  const char *z = it->z;
  size_t n = it->n, j, nClose = strlen(zClose), k, s;
  int r;
  *pNext = i+(size_t)m;
  j = seek_stop(&it->aSeek[iKind], z, n, i+(size_t)m, zClose, nClose, ascii);
  if( j>=n || z[j]=='\n' || j-i>256 ) return PE_OK;
  if( ascii && z[j]=='[' ) return PE_OK;            /* nested: retry from inside */
  k = j+nClose;
  if( ascii ){
    if( k<n && z[k]=='(' ){                          /* Markdown link or image */
      size_t e = link_dest_end(z, n, k);
      if( e ){ *pNext = e; it->sawMarkup = 1; }
      return PE_OK;
    }
    if( i>0 && it->iTagEnd!=i+1 ){       /* (right after a tag: '#ssl[vit]') */
      uint32_t c = decode_before(z, i, 0);
      if( pe_is_word_char(c) || (c<0x80 && strchr("\\![_})^", (int)c)) ) return PE_OK;
    }
    if( k<n && (z[k]==':' || z[k]==']') ){ *pNext = k; return PE_OK; }
  }
  *pNext = k;
  if( !bracket_content_ok(z, i+(size_t)m, j) ) return PE_OK;
  for(s=i+(size_t)m; s<j; s++){
    if( separator_at(z, j, s) ){
      it->iItem = i+(size_t)m;
      it->iItemEnd = j;
      return next_item(it, 1);
    }
  }
  r = set_tag(it, i, k-i, i+(size_t)m, j);
  if( r<0 ) return PE_NOMEM;
  if( r>0 ) it->isMarked = 1;
  return r>0 ? PE_TAG_ROW : PE_OK;
}

static int scan_marked(PeTagIter *it){
  const char *z = it->z;
  size_t n = it->n;
  while( it->i<n ){
    size_t i = it->i, next = i+1;
    unsigned char c = (unsigned char)z[i];
    int rc = PE_OK;
    if( c=='#' ){
      rc = try_hashtag(it, i, 1, &next);
    }else if( c=='[' ){
      rc = try_bracket(it, i, 1, "]", 0, 1, &next);
    }else if( c=='`' ){
      next = skip_code(it, z, n, i);
    }else if( c==':' && i+2<n && z[i+1]=='/' && z[i+2]=='/' ){
      next = skip_url(z, n, i);
      it->sawMarkup = 1;
    }else if( c==0xE3 && i+2<n && (unsigned char)z[i+1]==0x80 ){
      unsigned char d = (unsigned char)z[i+2];
      if( d==0x90 ) rc = try_bracket(it, i, 3, "\xE3\x80\x91", 1, 0, &next);      /* 【】 */
      else if( d==0x94 ) rc = try_bracket(it, i, 3, "\xE3\x80\x95", 2, 0, &next); /* 〔〕 */
      else if( d==0x96 ) rc = try_bracket(it, i, 3, "\xE3\x80\x97", 3, 0, &next); /* 〖〗 */
    }else if( c==0xEF && i+2<n && (unsigned char)z[i+1]==0xBC ){
      unsigned char d = (unsigned char)z[i+2];
      if( d==0xBB ) rc = try_bracket(it, i, 3, "\xEF\xBC\xBD", 4, 0, &next);      /* ［］ */
      else if( d==0x83 ) rc = try_hashtag(it, i, 3, &next);                    /* ＃ */
    }
    it->i = next;
    if( rc!=PE_OK ){
      if( rc==PE_TAG_ROW ){ it->nFound++; it->iTagEnd = it->iRaw + it->nRaw + 1; }
      return rc;
    }
  }
  return PE_OK;
}

/* ---------------------------------------------------------- mixed list */

/* Skip the bracket group opening at z[i] (to its closer on the same line);
** i+1 when it is not one.  aSeek: the memos of the five bracket kinds. */
static size_t skip_group(PeTagSeek *aSeek, const char *z, size_t n, size_t i){
  static const char *const azClose[] = { "]", "\xE3\x80\x91", "\xE3\x80\x95", "\xE3\x80\x97", "\xEF\xBC\xBD" };
  int k = -1;
  size_t j, nClose;
  unsigned char c = (unsigned char)z[i];
  if( c=='[' ) k = 0;
  else if( c==0xE3 && i+2<n && (unsigned char)z[i+1]==0x80 ){
    unsigned char d = (unsigned char)z[i+2];
    k = d==0x90 ? 1 : d==0x94 ? 2 : d==0x96 ? 3 : -1;
  }else if( c==0xEF && i+2<n && (unsigned char)z[i+1]==0xBC && (unsigned char)z[i+2]==0xBB ){
    k = 4;
  }
  if( k<0 ) return i+1;
  nClose = strlen(azClose[k]);
  j = seek_stop(&aSeek[k], z, n, i+1, azClose[k], nClose, 0);
  return j<n && z[j]!='\n' ? j+nClose : i+1;
}

/* The end of the item starting at z[i]: the next separator outside bracket
** groups (its length in *pSep), or n (*pSep = 0). */
static size_t item_end(PeTagSeek *aSeek, const char *z, size_t n, size_t i, int *pSep){
  while( i<n ){
    unsigned char c = (unsigned char)z[i];
    int sep;
    if( c<0x80 && c!='[' ){                          /* the common case */
      if( c==',' || c==';' || c=='|' || c=='\n' || c=='\r' ){ *pSep = 1; return i; }
      i++;
      continue;
    }
    sep = separator_at(z, n, i);
    if( sep ){ *pSep = sep; return i; }
    i = skip_group(aSeek, z, n, i);
  }
  *pSep = 0;
  return n;
}

/* Trim white space around z[*pa..*pb). */
static void trim_span(const char *z, size_t *pa, size_t *pb){
  size_t a = *pa, b = *pb;
  while( a<b ){ uint32_t c; int l = decode_at(z, b, a, &c); if( !pe_is_space(c) ) break; a += (size_t)l; }
  while( a<b ){ size_t j; uint32_t c = decode_before(z, b, &j); if( j<a || !pe_is_space(c) ) break; b = j; }
  *pa = a; *pb = b;
}

/* Does z[a..b) hold a letter or digit? */
static int has_word_char(const char *z, size_t a, size_t b){
  while( a<b ){
    uint32_t c;
    a += (size_t)decode_at(z, b, a, &c);
    if( pe_is_word_char(c) ) return 1;
  }
  return 0;
}

/* What the item z[a..b) is: 1 marked tags only, 2 a short plain phrase,
** 0 prose (marked tags with words beside them, a URL, a long phrase),
** -1 on OOM. */
static int item_kind(const char *z, size_t a, size_t b){
  PeTagIter sub;
  size_t pos = a, nWord = 1, k;
  int rc, nTag = 0, prose = 0, mark = 0;
  for(k=a; k<b && !mark; k++){
    unsigned char c = (unsigned char)z[k];
    mark = c=='#' || c=='[' || c==0xE3 || c==0xEF || (c==':' && k+2<b && z[k+1]=='/');
  }
  if( !mark ){                                       /* plain: no sub-scan */
    if( pe_utf8_count(z+a, b-a)>32 ) return 0;
    for(k=a; k<b; k++) if( z[k]==' ' ) nWord++;
    return nWord<=6 ? 2 : 0;
  }
  pe_tags_init(&sub, z+a, b-a, PE_TAGS_MARKED_ONLY|TAGS_SPANS_ONLY);
  while( (rc = pe_tags_next(&sub))==PE_TAG_ROW ){
    nTag++;
    if( has_word_char(z, pos, a+sub.iRaw) ) prose = 1;
    if( a+sub.iRaw+sub.nRaw > pos ) pos = a+sub.iRaw+sub.nRaw;
  }
  pe_tags_close(&sub);
  if( rc!=PE_OK ) return -1;
  if( nTag>0 ){
    if( sub.sawMarkup || prose || has_word_char(z, pos, b) ) return 0;
    return 1;
  }
  if( sub.sawMarkup || pe_utf8_count(z+a, b-a)>32 ) return 0;
  for(k=a; k<b; k++) if( z[k]==' ' ) nWord++;
  return nWord<=6 ? 2 : 0;
}

/* Is the whole text a mixed list (one line; items marked or plain, with at
** least one of each)?  1 yes, 0 no, -1 on OOM. */
static int is_mixed_list(PeTagSeek *aSeek, const char *z, size_t n){
  size_t i = 0;
  int nMarked = 0, nPlain = 0, nSep = 0;
  /* One pass first: a line break, or no possible mark ('#', '[', a lead
  ** byte of 【〔〖＃［), or no separator outside brackets: not a mixed list
  ** (the other modes handle those texts). */
  if( !memchr(z, ',', n) && !memchr(z, ';', n) && !memchr(z, '|', n)
      && !memchr(z, 0xEF, n) && !memchr(z, 0xE3, n) ){
    return 0;                               /* no separator at all (fast) */
  }
  {
    int hasMark = 0, hasSep = 0;
    while( i<n ){
      unsigned char c = (unsigned char)z[i];
      if( c<0x80 && c!='[' ){
        if( c=='\n' || c=='\r' ) return 0;
        if( c==',' || c==';' || c=='|' ) hasSep = 1;
        else if( c=='#' ) hasMark = 1;
        i++;
        continue;
      }
      if( separator_at(z, n, i) ){ hasSep = 1; i += 3; continue; }
      if( c=='[' || c==0xE3 || c==0xEF ) hasMark = 1;
      i = skip_group(aSeek, z, n, i);
    }
    if( !hasMark || !hasSep ) return 0;
  }
  i = 0;
  while( i<=n ){
    int sep, kind;
    size_t e = item_end(aSeek, z, n, i, &sep), a = i, b = e;
    trim_span(z, &a, &b);
    if( a<b ){
      kind = item_kind(z, a, b);
      if( kind<0 ) return -1;
      if( kind==0 ) return 0;
      if( kind==1 ) nMarked++; else nPlain++;
    }
    if( sep==0 ) break;
    nSep++;
    i = e+(size_t)sep;
  }
  return nSep>0 && nMarked>0 && nPlain>0;
}

/* Mixed-list mode: each item's marked tags, or the item as one tag. */
static int next_mixed(PeTagIter *it){
  int rc;
  for(;;){
    if( it->iItem < it->iItemEnd ){                  /* a bracket's list */
      rc = next_item(it, 1);
      if( rc==PE_TAG_ROW ) it->itemFound = 1;
      if( rc!=PE_OK ) return rc;
    }
    if( it->inItem ){
      rc = scan_marked(it);                          /* it->n is the item's end */
      if( rc==PE_TAG_ROW ) it->itemFound = 1;
      if( rc!=PE_OK ) return rc;
      if( it->iItem < it->iItemEnd ) continue;
      it->inItem = 0;
      it->n = it->nTotal;
      if( !it->itemFound ){
        int r = set_tag(it, it->itemA, it->itemB-it->itemA, it->itemA, it->itemB);
        if( r<0 ) return PE_NOMEM;
        if( r>0 ){ it->isMarked = 0; return PE_TAG_ROW; }
      }
      continue;
    }
    if( it->iTop >= it->nTotal ) return PE_OK;
    {
      int sep;
      size_t e = item_end(it->aGroupSeek, it->z, it->nTotal, it->iTop, &sep), a = it->iTop, b = e;
      it->iTop = sep ? e+(size_t)sep : it->nTotal;
      trim_span(it->z, &a, &b);
      if( a==b ) continue;
      it->inItem = 1;
      it->itemFound = 0;
      it->itemA = it->i = a;
      it->itemB = it->n = b;
    }
  }
}

int pe_tags_next(PeTagIter *it){
  int rc;
  if( !it->started ){
    it->started = 1;
    if( !(it->flags & PE_TAGS_MARKED_ONLY) ){
      int r = is_mixed_list(it->aGroupSeek, it->z, it->nTotal);
      if( r<0 ) return PE_NOMEM;
      if( r ) it->mode = 3;
    }
  }
  if( it->mode==3 ){
    rc = next_mixed(it);
    if( rc==PE_OK ) it->mode = 2;
    return rc;
  }
  for(;;){
    if( it->iItem < it->iItemEnd ){
      rc = next_item(it, it->mode==0);
      if( rc==PE_TAG_ROW && it->mode==0 ) it->nFound++;
      if( rc!=PE_OK ) return rc;
    }
    if( it->mode==0 ){
      rc = scan_marked(it);
      if( rc!=PE_OK ) return rc;
      if( it->iItem < it->iItemEnd ) continue;
      if( it->nFound==0 && !it->sawMarkup && !(it->flags & PE_TAGS_MARKED_ONLY) ){
        it->mode = 1;
        it->iItem = 0;
        it->iItemEnd = it->n;
        continue;
      }
    }
    it->mode = 2;
    return PE_OK;
  }
}

/* ------------------------------------------------------------- tag set */

typedef PeTagEntry TagEntry;

/* The inline storage need not be zeroed: zText and aEntry say what is used. */
void pe_tagset_init(PeTagSet *s){ memset(s, 0, offsetof(PeTagSet, aText)); }

void pe_tagset_free(PeTagSet *s){
  if( s->zText!=s->aText ) pe_free(s->zText);
  if( s->aEntry!=s->aEntryInline ) pe_free(s->aEntry);
  pe_free(s->aHash);
  pe_tagset_init(s);
}

static uint32_t hash_bytes(const char *z, size_t n){
  uint32_t h = 2166136261u;
  size_t i;
  for(i=0; i<n; i++){ h ^= (unsigned char)z[i]; h *= 16777619u; }
  return h;
}

#define ENTRY(s, k) ((s)->aEntry[k])
#define TEXT(s, e) ((s)->zText + (e)->off)

static int rehash(PeTagSet *s, size_t nHash){
  uint32_t *a = pe_malloc(nHash*sizeof(*a));
  size_t k;
  if( a==0 ) return PE_NOMEM;
  memset(a, 0, nHash*sizeof(*a));
  for(k=0; k<s->nTag; k++){
    TagEntry *e = &ENTRY(s, k);
    uint32_t h = hash_bytes(TEXT(s, e), e->len) & (uint32_t)(nHash-1);
    while( a[h] ) h = (h+1) & (uint32_t)(nHash-1);
    a[h] = (uint32_t)(k+1);
  }
  pe_free(s->aHash);
  s->aHash = a;
  s->nHash = nHash;
  return PE_OK;
}

/* Room for one more entry and n more bytes of text. */
static int tagset_reserve(PeTagSet *s, size_t n){
  if( s->zText==0 ){ s->zText = s->aText; s->nTextAlloc = sizeof(s->aText); }
  if( s->aEntry==0 ){ s->aEntry = s->aEntryInline; s->nAlloc = PE_TAGSET_INLINE; }
  if( s->nText+n > s->nTextAlloc ){
    size_t nNew = s->nTextAlloc*2;
    char *z;
    while( nNew < s->nText+n ) nNew *= 2;
    z = pe_malloc(nNew);
    if( z==0 ) return PE_NOMEM;
    memcpy(z, s->zText, s->nText);
    if( s->zText!=s->aText ) pe_free(s->zText);
    s->zText = z;
    s->nTextAlloc = nNew;
  }
  if( s->nTag>=s->nAlloc ){
    size_t nNew = s->nAlloc*2;
    TagEntry *p = pe_malloc(nNew*sizeof(TagEntry));
    if( p==0 ) return PE_NOMEM;
    memcpy(p, s->aEntry, s->nTag*sizeof(TagEntry));
    if( s->aEntry!=s->aEntryInline ) pe_free(s->aEntry);
    s->aEntry = p;
    s->nAlloc = nNew;
  }
  return PE_OK;
}

int pe_tagset_add(PeTagSet *s, const char *zTag, size_t nTag){
  uint32_t h = 0;
  TagEntry *e;
  size_t k;
  if( s->oom ) return PE_NOMEM;
  if( nTag==0 ) return PE_OK;
  if( s->aHash==0 ){
    /* Small: a linear look; past PE_TAGSET_INLINE tags, build the hash. */
    for(k=0; k<s->nTag; k++){
      e = &ENTRY(s, k);
      if( !e->dead && e->len==nTag && memcmp(TEXT(s, e), zTag, nTag)==0 ) return PE_OK;
    }
    if( s->nTag>=PE_TAGSET_INLINE && rehash(s, 64) ) goto oom;
  }else if( (s->nTag+1)*2 > s->nHash && rehash(s, s->nHash*2) ){
    goto oom;
  }
  if( s->aHash ){
    h = hash_bytes(zTag, nTag) & (uint32_t)(s->nHash-1);
    while( s->aHash[h] ){
      e = &ENTRY(s, s->aHash[h]-1);
      if( !e->dead && e->len==nTag && memcmp(TEXT(s, e), zTag, nTag)==0 ) return PE_OK;
      h = (h+1) & (uint32_t)(s->nHash-1);
    }
  }
  if( tagset_reserve(s, nTag+1) ) goto oom;
  e = &ENTRY(s, s->nTag);
  e->off = s->nText;
  e->len = nTag;
  e->dead = 0;
  memcpy(s->zText+s->nText, zTag, nTag);
  s->zText[s->nText+nTag] = 0;
  s->nText += nTag+1;
  s->nTag++;
  if( s->aHash ) s->aHash[h] = (uint32_t)s->nTag;
  return PE_OK;
oom:
  s->oom = 1;
  return PE_NOMEM;
}

int pe_tagset_add_text(PeTagSet *s, const char *z, size_t n){
  PeBuf items, one;
  size_t nItem = 0;
  int r, rc = PE_OK;
  pe_buf_init(&items);
  pe_buf_init(&one);
  r = pe_json_string_array(z, n, &items, &nItem);
  if( r<0 ){
    rc = PE_NOMEM;
  }else if( r>0 ){
    size_t off = 0, k;
    for(k=0; k<nItem && rc==PE_OK; k++){
      size_t len = strlen(items.z+off);
      pe_buf_reset(&one);
      rc = pe_tag_norm(&one, items.z+off, len);
      if( rc==PE_OK ) rc = pe_tagset_add(s, one.z ? one.z : "", one.n);
      off += len+1;
    }
  }else{
    PeTagIter it;
    pe_tags_init(&it, z, n, 0);
    while( (rc = pe_tags_next(&it))==PE_TAG_ROW ){
      rc = pe_tagset_add(s, it.zTag, it.nTag);
      if( rc ) break;
    }
    pe_tags_close(&it);
  }
  pe_buf_free(&items);
  pe_buf_free(&one);
  if( rc ) s->oom = 1;
  return rc;
}

/* Is entry e the tag or one of its descendants? */
static int is_under(const PeTagSet *s, const TagEntry *e, const char *zTag, size_t nTag){
  const char *t = TEXT(s, e);
  if( e->dead || e->len<nTag || memcmp(t, zTag, nTag)!=0 ) return 0;
  return e->len==nTag || t[nTag]=='/';
}

int pe_tagset_has(const PeTagSet *s, const char *zTag, size_t nTag){
  size_t k;
  if( nTag==0 ) return 0;
  for(k=0; k<s->nTag; k++){
    if( is_under(s, &ENTRY(s, k), zTag, nTag) ) return 1;
  }
  return 0;
}

void pe_tagset_remove(PeTagSet *s, const char *zTag, size_t nTag){
  size_t k;
  if( nTag==0 ) return;
  for(k=0; k<s->nTag; k++){
    if( is_under(s, &ENTRY(s, k), zTag, nTag) ) ENTRY(s, k).dead = 1;
  }
}

int pe_tagset_json(const PeTagSet *s, PeBuf *out){
  size_t k;
  int first = 1;
  if( s->oom ) return PE_NOMEM;
  pe_buf_appendc(out, '[');
  for(k=0; k<s->nTag; k++){
    const TagEntry *e = &ENTRY(s, k);
    if( e->dead ) continue;
    if( !first ) pe_buf_appendc(out, ',');
    first = 0;
    pe_buf_append_json(out, TEXT(s, e), e->len);
  }
  pe_buf_appendc(out, ']');
  return out->oom ? PE_NOMEM : PE_OK;
}

/* ---------------------------------------------------- JSON string array */

static size_t skip_ws(const char *z, size_t n, size_t i){
  while( i<n && (z[i]==' ' || z[i]=='\t' || z[i]=='\n' || z[i]=='\r') ) i++;
  return i;
}

static int hex4(const char *z, size_t n, size_t i, uint32_t *pc){
  uint32_t v = 0;
  size_t k;
  if( i+4>n ) return 0;
  for(k=0; k<4; k++){
    char c = z[i+k];
    v <<= 4;
    if( c>='0' && c<='9' ) v |= (uint32_t)(c-'0');
    else if( (c|0x20)>='a' && (c|0x20)<='f' ) v |= (uint32_t)((c|0x20)-'a'+10);
    else return 0;
  }
  *pc = v;
  return 1;
}

/* Parse the JSON string at z[i]=='"'; append it to out (when not NULL);
** return the index after it, or 0 when it is not a valid string. */
static size_t json_string(const char *z, size_t n, size_t i, PeBuf *out){
  i++;
  while( i<n ){
    unsigned char c = (unsigned char)z[i];
    if( c=='"' ) return i+1;
    if( c<0x20 ) return 0;
    if( c!='\\' ){
      size_t j = i+1;
      while( j<n && z[j]!='"' && z[j]!='\\' && (unsigned char)z[j]>=0x20 ) j++;
      if( out ) pe_buf_append(out, z+i, j-i);
      i = j;
      continue;
    }
    if( i+1>=n ) return 0;
    c = (unsigned char)z[i+1];
    i += 2;
    switch( c ){
      case '"': case '\\': case '/': if( out ) pe_buf_appendc(out, (char)c); break;
      case 'b': if( out ) pe_buf_appendc(out, '\b'); break;
      case 'f': if( out ) pe_buf_appendc(out, '\f'); break;
      case 'n': if( out ) pe_buf_appendc(out, '\n'); break;
      case 'r': if( out ) pe_buf_appendc(out, '\r'); break;
      case 't': if( out ) pe_buf_appendc(out, '\t'); break;
      case 'u': {
        uint32_t u, lo;
        if( !hex4(z, n, i, &u) ) return 0;
        i += 4;
        if( u>=0xD800 && u<=0xDBFF && i+6<=n && z[i]=='\\' && z[i+1]=='u'
            && hex4(z, n, i+2, &lo) && lo>=0xDC00 && lo<=0xDFFF ){
          u = 0x10000 + ((u-0xD800)<<10) + (lo-0xDC00);
          i += 6;
        }
        if( u==0 ) u = PE_REPLACEMENT;    /* keep items NUL-terminated */
        if( out ) pe_buf_append_utf8(out, u);   /* lone surrogates -> U+FFFD */
        break;
      }
      default: return 0;
    }
  }
  return 0;
}

int pe_json_string_array(const char *z, size_t n, PeBuf *out, size_t *pnItem){
  size_t i = skip_ws(z, n, 0), n0 = out ? out->n : 0, nItem = 0;
  if( i>=n || z[i]!='[' ) return 0;
  i = skip_ws(z, n, i+1);
  if( i<n && z[i]==']' ){
    i++;
  }else{
    for(;;){
      if( i+4<=n && memcmp(z+i, "null", 4)==0 ){
        i += 4;                                   /* a null item: skipped */
      }else{
        if( i>=n || z[i]!='"' ) goto not_array;
        i = json_string(z, n, i, out);
        if( i==0 ) goto not_array;
        if( out ) pe_buf_appendc(out, 0);
        nItem++;
      }
      i = skip_ws(z, n, i);
      if( i<n && z[i]==',' ){ i = skip_ws(z, n, i+1); continue; }
      if( i<n && z[i]==']' ){ i++; break; }
      goto not_array;
    }
  }
  if( skip_ws(z, n, i)!=n ) goto not_array;
  if( out && out->oom ) return -1;
  if( pnItem ) *pnItem = nItem;
  return 1;
not_array:
  if( out ){
    if( out->oom ) return -1;
    out->n = n0;
    if( out->z ) out->z[n0] = 0;
  }
  return 0;
}
