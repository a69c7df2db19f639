/* title_match.c: the similarity of two keys, word by word (see title.h). */
#include <string.h>
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "title.h"
#include "title_words.h"

#define MAX_WORDS 256          /* words compared per title (bounds the work) */
#define NUMBER_FACTOR 0.85     /* numbers differ: another work (title_words.h) */
#define ORDER_FACTOR 0.85      /* the shared words in another order: another title */

typedef struct Word {
  size_t off;      /* in the side's text buffer, NUL-terminated */
  int n;
  double w;
  int used;        /* matched already */
  int partner;     /* the word of the other side it matched one to one, or -1 */
  size_t usOff;    /* its American spelling (side_spell), in the text buffer too */
  int usN;         /* its length, or -1 when the word is too long to respell */
} Word;

typedef struct Side {
  PeBuf text;      /* the words, each NUL-terminated */
  Word a[MAX_WORDS];
  int nWord;
} Side;

#define WORD(s, k) ((s)->text.z + (s)->a[k].off)
#define SPELLING(s, k) ((s)->text.z + (s)->a[k].usOff)

static void side_add(Side *s, const char *z, size_t n){
  Word *w;
  if( s->nWord>=MAX_WORDS ) return;
  w = &s->a[s->nWord++];
  w->off = s->text.n;
  w->n = (int)n;
  w->used = 0;
  w->partner = -1;
  pe_buf_append(&s->text, z, n);
  pe_buf_appendc(&s->text, 0);
  w->w = pe_title_word_weight(z, n);
}

/* Split a key into words: at spaces, and each CJK character alone. */
static int side_split(Side *s, const char *z, size_t n){
  size_t i = 0, start = 0;
  /* room for the words, their joins and their spellings, each NUL-ended:
  ** one allocation per side */
  if( pe_buf_reserve(&s->text, 6*n+16)!=PE_OK ) return PE_NOMEM;
  while( i<n ){
    uint32_t c;
    int len = pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    if( c==' ' || pe_is_cjk(c) ){
      if( i>start ) side_add(s, z+start, i-start);
      if( c!=' ' ) side_add(s, z+i, (size_t)len);
      start = i+(size_t)len;
    }
    i += (size_t)len;
  }
  if( n>start ) side_add(s, z+start, n-start);
  return s->text.oom ? PE_NOMEM : PE_OK;
}

static int has_word(const Side *s, const char *z, size_t n){
  int k;
  for(k=0; k<s->nWord; k++){
    if( (size_t)s->a[k].n==n && memcmp(WORD(s, k), z, n)==0 ) return 1;
  }
  return 0;
}

/* Join neighbours of s that the other side writes as one word
** ('multi task' / 'multitask', 'pre training' / 'pretraining'). */
static int side_merge(Side *s, const Side *other){
  int k;
  char buf[128];
  for(k=0; k+1<s->nWord; k++){
    int n1 = s->a[k].n, n2 = s->a[k+1].n;
    size_t nJoin = (size_t)n1 + (size_t)n2;
    if( nJoin>sizeof(buf) ) continue;
    memcpy(buf, WORD(s, k), (size_t)n1);
    memcpy(buf+n1, WORD(s, k+1), (size_t)n2);
    if( has_word(other, buf, nJoin) && !has_word(other, WORD(s, k), (size_t)n1) ){
      s->a[k].off = s->text.n;
      s->a[k].n = n1+n2;
      pe_buf_append(&s->text, buf, nJoin);
      pe_buf_appendc(&s->text, 0);
      if( s->text.oom ) return PE_NOMEM;
      s->a[k].w = pe_title_word_weight(buf, (size_t)(n1+n2));
      memmove(&s->a[k+1], &s->a[k+2], sizeof(Word)*(size_t)(s->nWord-k-2));
      s->nWord--;
    }
  }
  return s->text.oom ? PE_NOMEM : PE_OK;
}

static int has_digit(const char *z, int n){
  int i;
  for(i=0; i<n; i++) if( z[i]>='0' && z[i]<='9' ) return 1;
  return 0;
}

/* Are a and b one edit apart (insert, delete, substitute, transpose)? */
static int one_edit(const char *a, int na, const char *b, int nb){
  int i = 0;
  if( na>nb ){ const char *t = a; int tn = na; a = b; na = nb; b = t; nb = tn; }
  if( nb-na>1 ) return 0;
  while( i<na && a[i]==b[i] ) i++;
  if( na==nb ){
    if( i==na ) return 1;
    if( memcmp(a+i+1, b+i+1, (size_t)(na-i-1))==0 ) return 1;              /* substitute */
    return i+1<na && a[i]==b[i+1] && a[i+1]==b[i]
        && memcmp(a+i+2, b+i+2, (size_t)(na-i-2))==0;                      /* transpose */
  }
  return memcmp(a+i, b+i+1, (size_t)(na-i))==0;                            /* insert */
}

/* Is b[0..nb) a with a comparative or inflection ending ('fast' /
** 'faster'): a different word, not an abbreviation of b. */
static int is_inflection(const char *a, int na, const char *b, int nb){
  static const char *const az[] = { "er", "ers", "est", "ed", "ing", "ly" };
  size_t k;
  (void)a;
  for(k=0; k<sizeof(az)/sizeof(az[0]); k++){
    int len = (int)strlen(az[k]);
    if( nb==na+len && memcmp(b+na, az[k], (size_t)len)==0 ) return 1;
  }
  return 0;
}

/* British spellings, and their American forms (word endings but the first). */
#define SPELLING_PAIR(b, a) { b, sizeof(b)-1, a, sizeof(a)-1 }
static const struct { const char *zBritish; int nBritish; const char *zAmerican; int nAmerican; }
azBritish[] = {
  SPELLING_PAIR("isation", "ization"), SPELLING_PAIR("isations", "izations"),
  SPELLING_PAIR("ise", "ize"), SPELLING_PAIR("ised", "ized"), SPELLING_PAIR("ises", "izes"),
  SPELLING_PAIR("ising", "izing"), SPELLING_PAIR("iser", "izer"), SPELLING_PAIR("isers", "izers"),
  SPELLING_PAIR("yse", "yze"), SPELLING_PAIR("ysed", "yzed"), SPELLING_PAIR("ysing", "yzing"),
  SPELLING_PAIR("elling", "eling"), SPELLING_PAIR("elled", "eled"), SPELLING_PAIR("eller", "eler"),
  SPELLING_PAIR("ellers", "elers"), SPELLING_PAIR("tre", "ter"), SPELLING_PAIR("tres", "ters"),
  SPELLING_PAIR("ogue", "og"), SPELLING_PAIR("ogues", "ogs"), SPELLING_PAIR("amme", "am"),
  SPELLING_PAIR("ammes", "ams"),
};
#define MAX_SPELLING 64

/* The American spelling of a word into out (MAX_SPELLING bytes): 'our'
** after three letters or more is 'or' (colour, behaviour, not four or
** hour), and the endings above.  Returns its length, or -1 when too long. */
static int american(const char *z, int n, char *out){
  int i, m = 0;
  size_t k;
  if( n>=MAX_SPELLING ) return -1;
  for(i=0; i<n; i++){
    if( i>=3 && i+3<=n && memcmp(z+i, "our", 3)==0 ){
      out[m++] = 'o'; out[m++] = 'r'; i += 2;
    }else{
      out[m++] = z[i];
    }
  }
  for(k=0; k<sizeof(azBritish)/sizeof(azBritish[0]); k++){
    int lb = azBritish[k].nBritish, la = azBritish[k].nAmerican;
    if( m>lb+1 && memcmp(out+m-lb, azBritish[k].zBritish, (size_t)lb)==0 ){
      memcpy(out+m-lb, azBritish[k].zAmerican, (size_t)la);
      m += la-lb;
      break;
    }
  }
  return m;
}

/* Each word's American spelling, once per side: words_close() reads it
** for every pair of words. */
static int side_spell(Side *s){
  int k;
  char buf[MAX_SPELLING];
  for(k=0; k<s->nWord; k++){
    int m = american(WORD(s, k), s->a[k].n, buf);
    s->a[k].usN = m;
    s->a[k].usOff = s->text.n;
    if( m>0 ) pe_buf_append(&s->text, buf, (size_t)m);
    pe_buf_appendc(&s->text, 0);
  }
  return s->text.oom ? PE_NOMEM : PE_OK;
}

/* Do word i of X and word j of Y name the same thing: plural, typo,
** abbreviation? */
static int words_close(const Side *X, int i, const Side *Y, int j){
  const char *a = WORD(X, i), *b = WORD(Y, j);
  const char *sa = SPELLING(X, i), *sb = SPELLING(Y, j);
  int na = X->a[i].n, nb = Y->a[j].n, ma = X->a[i].usN, mb = Y->a[j].usN;
  int ns, p;
  if( na>nb ){
    const char *t = a; int tn = na; a = b; na = nb; b = t; nb = tn;
    t = sa; tn = ma; sa = sb; ma = mb; sb = t; mb = tn;
  }
  /* plural: network / networks, approach / approaches */
  if( (nb==na+1 && b[na]=='s') || (nb==na+2 && b[na]=='e' && b[na+1]=='s') ){
    if( memcmp(a, b, (size_t)na)==0 ) return 1;
  }
  /* Version numbers and other digits must match exactly. */
  if( has_digit(a, na) || has_digit(b, nb) ) return 0;
  /* a typo: one edit, in words of 3+ letters with one of them 4+ */
  if( na>=3 && nb>=4 && one_edit(a, na, b, nb) ) return 1;
  /* a confused ending of a long word: 7 letters alike, then at most two
  ** different ones each (principle / principal, generative / generating) */
  for(p=0; p<na && a[p]==b[p]; p++){}
  if( p>=7 && na-p<=2 && nb-p<=2 ) return 1;
  /* British and American spellings (colourisation / colorization),
  ** one typo apart at most */
  if( ma>=4 && mb>=4
      && ((ma==mb && memcmp(sa, sb, (size_t)ma)==0) || one_edit(sa, ma, sb, mb)) ) return 1;
  /* an abbreviation: net(s) / networks, conv / convolutional; not a
  ** comparative (fast / faster) */
  ns = (na>3 && a[na-1]=='s') ? na-1 : na;
  if( ns>=3 && ns<=4 && nb>ns+1 && memcmp(a, b, (size_t)ns)==0
      && !pe_title_is_function_word(a, (size_t)na) && !is_inflection(a, ns, b, nb) ) return 1;
  return 0;
}

/* An acronym of one side (gan, gans, odes: 3 to 6 letters, 's' for the
** plural) against the initials of as many content words of the other. */
static void match_acronyms(Side *x, Side *y, double *pmx, double *pmy){
  int i, j, k;
  for(i=0; i<x->nWord; i++){
    const char *t = WORD(x, i);
    int n = x->a[i].n;
    if( x->a[i].used ) continue;
    if( n>3 && t[n-1]=='s' ) n--;
    if( n<3 || n>6 || x->a[i].w<1.0 ) continue;
    for(k=0; k<n; k++) if( t[k]<'a' || t[k]>'z' ) break;
    if( k<n ) continue;
    for(j=0; j+n<=y->nWord; j++){
      for(k=0; k<n; k++){
        if( y->a[j+k].used || WORD(y, j+k)[0]!=t[k] || y->a[j+k].w<1.0 ) break;
      }
      if( k==n ){
        x->a[i].used = 1;
        *pmx += x->a[i].w;
        for(k=0; k<n; k++){ y->a[j+k].used = 1; *pmy += y->a[j+k].w; }
        break;
      }
    }
  }
}

/* Are the content words that A and B share in another order: two or more
** of them, and a quarter of them at least, out of the longest run in the
** same order?  'Neural Networks for Pattern Recognition' / 'Pattern
** Recognition and Neural Networks'; a name moved from the front to the end
** is one word, in order. */
static int reordered(const Side *A, const Side *B){
  int aTail[MAX_WORDS];          /* aTail[k]: smallest end of an increasing run of k+1 */
  int nTail = 0, nMatched = 0, i;
  for(i=0; i<A->nWord; i++){
    int j = A->a[i].partner, lo = 0, hi = nTail;
    if( j<0 || A->a[i].w<1.0 || B->a[j].w<1.0 ) continue;
    nMatched++;
    while( lo<hi ){
      int mid = (lo+hi)/2;
      if( aTail[mid]<j ) lo = mid+1; else hi = mid;
    }
    aTail[lo] = j;
    if( lo==nTail ) nTail++;
  }
  return nMatched-nTail>=2 && (nMatched-nTail)*4>=nMatched;
}

/* Weighted Dice coefficient of the words of two keys; *pReordered set as
** reordered() says. */
static double key_similarity(Side *A, Side *B, int *pReordered){
  int i, j;
  double ma = 0, mb = 0, wa = 0, wb = 0;
  for(i=0; i<A->nWord; i++){                     /* equal words */
    for(j=0; j<B->nWord; j++){
      if( !B->a[j].used && A->a[i].n==B->a[j].n
          && memcmp(WORD(A, i), WORD(B, j), (size_t)A->a[i].n)==0 ){
        A->a[i].used = B->a[j].used = 1;
        A->a[i].partner = j;
        ma += A->a[i].w; mb += B->a[j].w;
        break;
      }
    }
  }
  for(i=0; i<A->nWord; i++){                     /* close words */
    if( A->a[i].used ) continue;
    for(j=0; j<B->nWord; j++){
      if( !B->a[j].used && words_close(A, i, B, j) ){
        double w = A->a[i].w < B->a[j].w ? A->a[i].w : B->a[j].w;
        A->a[i].used = B->a[j].used = 1;
        A->a[i].partner = j;
        ma += w; mb += w;
        break;
      }
    }
  }
  match_acronyms(A, B, &ma, &mb);
  match_acronyms(B, A, &mb, &ma);
  for(i=0; i<A->nWord; i++) wa += A->a[i].w;
  for(j=0; j<B->nWord; j++) wb += B->a[j].w;
  *pReordered = reordered(A, B);
  if( wa+wb==0 ) return (A->nWord==0 && B->nWord==0) ? 1.0 : 0.0;
  return (ma+mb)/(wa+wb);
}

double pe_title_keys_similarity(const char *ka, size_t na, const char *kb, size_t nb){
  Side *A, *B;
  double s = -1.0;
  /* The greedy matching reads one side first: order the keys, so that
  ** similarity(a, b) is similarity(b, a) exactly. */
  {
    int c = memcmp(ka, kb, na<nb ? na : nb);
    if( c>0 || (c==0 && na>nb) ){
      const char *t = ka; size_t tn = na;
      ka = kb; na = nb; kb = t; nb = tn;
    }
  }
  A = pe_malloc(sizeof(Side));
  B = pe_malloc(sizeof(Side));
  if( A==0 || B==0 ){ pe_free(A); pe_free(B); return -1.0; }
  pe_buf_init(&A->text); A->nWord = 0;
  pe_buf_init(&B->text); B->nWord = 0;
  if( side_split(A, ka, na)==PE_OK && side_split(B, kb, nb)==PE_OK
      && side_merge(A, B)==PE_OK && side_merge(B, A)==PE_OK
      && side_spell(A)==PE_OK && side_spell(B)==PE_OK ){
    int moved = 0;
    s = key_similarity(A, B, &moved);
    if( !pe_title_numbers_equal(ka, na, kb, nb) ) s *= NUMBER_FACTOR;
    if( moved ) s *= ORDER_FACTOR;
  }
  pe_buf_free(&A->text);
  pe_buf_free(&B->text);
  pe_free(A);
  pe_free(B);
  return s;
}

