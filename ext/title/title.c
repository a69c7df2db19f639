/* title.c: see title.h. */
#include <string.h>
#include <utf8proc.h>
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "latex/latex.h"
#include "title.h"

/* ------------------------------------------------------------------ key */

static int needs_latex(const char *z, size_t n){
  size_t i;
  for(i=0; i<n; i++){
    char c = z[i];
    if( c=='\\' || c=='{' || c=='}' || c=='$' ) return 1;
  }
  return 0;
}

/* Words before which "x- word" is a suspended hyphen, not a line break. */
static int is_suspension_word(const char *z, size_t n){
  static const char *const az[] = { "and", "or", "to", "nor", "vs", "versus" };
  size_t k, len;
  for(len=0; len<n && z[len]>='a' && z[len]<='z'; len++){}
  for(k=0; k<sizeof(az)/sizeof(az[0]); k++){
    if( strlen(az[k])==len && memcmp(z, az[k], len)==0 ) return 1;
  }
  return 0;
}

static int is_lower(uint32_t c){
  if( c<0x80 ) return c>='a' && c<='z';
  return utf8proc_category((utf8proc_int32_t)c)==UTF8PROC_CATEGORY_LL;
}
static int is_alpha_cp(uint32_t c){
  if( c<0x80 ) return (c|0x20)>='a' && (c|0x20)<='z';
  switch( utf8proc_category((utf8proc_int32_t)c) ){
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return 1;
    default: return 0;
  }
}

/* If z[i]=='-' ends a line-broken word, the index of the word's rest. */
static size_t hyphen_break(const char *z, size_t n, size_t i){
  size_t j = i+1, s;
  uint32_t c;
  if( i==0 || j>=n || !(z[j]==' ' || z[j]=='\n' || z[j]=='\r' || z[j]=='\t') ) return 0;
  s = i;
  while( s>0 && ((unsigned char)z[s-1] & 0xC0)==0x80 ) s--;
  if( s>0 ) s--;
  while( s>0 && ((unsigned char)z[s] & 0xC0)==0x80 ) s--;
  pe_utf8_decode((const unsigned char*)z+s, n-s, &c);
  if( !is_alpha_cp(c) ) return 0;
  while( j<n && (z[j]==' ' || z[j]=='\n' || z[j]=='\r' || z[j]=='\t') ) j++;
  if( j>=n ) return 0;
  pe_utf8_decode((const unsigned char*)z+j, n-j, &c);
  if( !is_lower(c) || is_suspension_word(z+j, n-j) ) return 0;
  return j;
}

/* Copy z[0..n) to out with hyphenation breaks joined; 1 when one was. */
static int join_breaks(PeBuf *out, const char *z, size_t n, int *pJoined){
  size_t i = 0, start = 0;
  *pJoined = 0;
  while( i<n ){
    const char *p = memchr(z+i, '-', n-i);
    size_t j;
    if( p==0 ) break;
    i = (size_t)(p - z);
    j = hyphen_break(z, n, i);
    if( j ){
      if( !*pJoined ) pe_buf_reset(out);
      *pJoined = 1;
      pe_buf_append(out, z+start, i-start);
      start = i = j;
    }else{
      i++;
    }
  }
  if( *pJoined ) pe_buf_append(out, z+start, n-start);
  return out->oom ? PE_NOMEM : PE_OK;
}

static int is_apostrophe(uint32_t c){
  return c=='\'' || c==0x2019 || c==0x2018 || c==0x02BC || c=='`' || c==0xB4;
}

/* Greek small letters (what NFKC and case folding leave of every Greek
** letter and symbol form) by their LaTeX names, so that β-VAE, $\beta$-VAE
** and beta-VAE have one key.  Final sigma is sigma. */
static const char *const azGreek[] = {
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
  "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma",
  "tau", "upsilon", "phi", "chi", "psi", "omega",
};

/*
** The last step: words of letters and digits separated by one space.
** z is folded already, or needed no folding but ASCII lowering (done here).
** "lastCjk" tracks whether the last character written was CJK, so no
** space is written next to one.
*/
static int write_words(PeBuf *out, const char *z, size_t n){
  size_t i = 0, start = out->n;
  int pendingSpace = 0, lastCjk = 0;
  if( pe_buf_reserve(out, 16) ) return PE_NOMEM;
  while( i<n ){
    unsigned char b = (unsigned char)z[i];
    /* One step writes at most 8 bytes (a space and "and", or a space and a
    ** character); room is made as the output grows, not for the worst case
    ** of the whole text at once (4 bytes per byte of a 400 MB title). */
    if( out->cap - out->n < 16 && pe_buf_reserve(out, 4096) ) return PE_NOMEM;
    if( b<0x80 ){
      i++;
      if( (b>='a' && b<='z') || (b>='0' && b<='9') || (b>='A' && b<='Z') ){
        if( pendingSpace && out->n>start && !lastCjk ) out->z[out->n++] = ' ';
        pendingSpace = 0;
        lastCjk = 0;
        out->z[out->n++] = (char)((b>='A' && b<='Z') ? b+32 : b);
      }else if( b=='\'' || b=='`' || b=='$' || b=='_' || b=='^' ){
        /* apostrophes, and the marks of math kept by the LaTeX decoder
        ** ($L_1$, x$^2$): dropped, no break, so they read as L1 and x2 */
      }else if( b=='&' ){
        if( i+4<=n && memcmp(z+i, "amp;", 4)==0 ) i += 4;   /* HTML's &amp; */
        if( out->n>start && !lastCjk ) out->z[out->n++] = ' ';
        memcpy(out->z+out->n, "and", 3);
        out->n += 3;
        lastCjk = 0;
        pendingSpace = 1;
      }else{
        pendingSpace = 1;
      }
    }else{
      uint32_t c;
      int len = pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
      i += (size_t)len;
      if( is_apostrophe(c) ) continue;
      if( c==0xD7 && !pendingSpace && out->n>start && out->z[out->n-1]>='0'
          && out->z[out->n-1]<='9' && i<n && z[i]>='0' && z[i]<='9' ){
        out->z[out->n++] = 'x';                  /* 1×1 is written 1x1 too */
        continue;
      }
      if( c>=0x3B1 && c<=0x3C9 ){                /* Greek letters by name */
        const char *zName = azGreek[c-0x3B1];
        size_t nName = strlen(zName);
        if( pendingSpace && out->n>start && !lastCjk ) out->z[out->n++] = ' ';
        pendingSpace = 0;
        lastCjk = 0;
        if( pe_buf_reserve(out, nName+(n-i)*4+8) ) return PE_NOMEM;
        memcpy(out->z+out->n, zName, nName);
        out->n += nName;
        continue;
      }
      if( pe_is_word_char(c) ){
        int cjk = pe_is_cjk(c);
        if( pendingSpace && out->n>start && !lastCjk && !cjk ) out->z[out->n++] = ' ';
        pendingSpace = 0;
        lastCjk = cjk;
        out->n += (size_t)pe_utf8_encode(c, out->z+out->n);
      }else{
        pendingSpace = 1;
      }
    }
  }
  out->z[out->n] = 0;
  return PE_OK;
}


int pe_title_key(PeBuf *out, const char *z, size_t n){
  PeBuf a, b;
  int rc = PE_OK, joined = 0;
  pe_buf_init(&a);
  pe_buf_init(&b);
  if( needs_latex(z, n) ){
    rc = pe_latex_to_unicode(&a, z, n);
    if( rc ) goto done;
    z = a.z ? a.z : "";
    n = a.n;
  }
  if( memchr(z, '-', n) ){
    rc = join_breaks(&b, z, n, &joined);
    if( rc ) goto done;
    if( joined ){
      pe_buf_reset(&a);
      rc = pe_buf_append(&a, b.z ? b.z : "", b.n);
      if( rc ) goto done;
      z = a.z ? a.z : "";
      n = a.n;
    }
  }
  if( !pe_fold_is_trivial(z, n) ){
    pe_buf_reset(&b);
    rc = pe_fold_append(&b, z, n,
                        PE_FOLD_NFKC|PE_FOLD_CASE|PE_FOLD_IGNORE|PE_FOLD_STRIPMARK);
    if( rc ) goto done;
    z = b.z ? b.z : "";
    n = b.n;
  }
  rc = write_words(out, z, n);
done:
  pe_buf_free(&a);
  pe_buf_free(&b);
  return rc;
}

/* ----------------------------------------------------------- similarity */

/* Function words: they weigh FUNCTION_WEIGHT in a comparison (sorted). */
static const char *const azFunctionWord[] = {
  "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from",
  "in", "into", "is", "it", "its", "of", "on", "onto", "or", "our", "over", "that",
  "the", "their", "these", "this", "those", "through", "to", "toward", "towards",
  "under", "using", "via", "we", "with", "your",
};
#define FUNCTION_WEIGHT 0.2
#define MAX_WORDS 256          /* words compared per title (bounds the work) */
#define PREFIX_FACTOR 0.97     /* score without a leading 'Name:' part */

typedef struct Word {
  size_t off;      /* in the side's text buffer, NUL-terminated */
  int n;
  double w;
  int used;        /* matched already */
} Word;

typedef struct Side {
  PeBuf text;      /* the words, each NUL-terminated */
  Word a[MAX_WORDS];
  int nWord;
} Side;

#define WORD(s, k) ((s)->text.z + (s)->a[k].off)

static int is_function_word(const char *z, int n){
  int lo = 0, hi = (int)(sizeof(azFunctionWord)/sizeof(azFunctionWord[0]));
  while( lo<hi ){
    int mid = (lo+hi)/2;
    int c = strncmp(azFunctionWord[mid], z, (size_t)n);
    if( c==0 && azFunctionWord[mid][n]!=0 ) c = 1;
    if( c==0 ) return 1;
    if( c<0 ) lo = mid+1; else hi = mid;
  }
  return 0;
}

static double word_weight(const char *z, int n){
  uint32_t c;
  if( pe_utf8_decode((const unsigned char*)z, (size_t)n, &c)==n && is_alpha_cp(c)
      && !pe_is_cjk(c) ){
    return FUNCTION_WEIGHT;                      /* a lone letter: '?p', 'Mask R-CNN' */
  }
  return is_function_word(z, n) ? FUNCTION_WEIGHT : 1.0;
}

static void side_add(Side *s, const char *z, size_t n){
  Word *w;
  if( s->nWord>=MAX_WORDS ) return;
  w = &s->a[s->nWord++];
  w->off = s->text.n;
  w->n = (int)n;
  w->used = 0;
  pe_buf_append(&s->text, z, n);
  pe_buf_appendc(&s->text, 0);
  w->w = word_weight(z, (int)n);
}

/* Split a key into words: at spaces, and each CJK character alone. */
static int side_split(Side *s, const char *z, size_t n){
  size_t i = 0, start = 0;
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
      s->a[k].w = word_weight(buf, n1+n2);
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

/* Do two different words name the same thing: plural, typo, abbreviation? */
static int words_close(const char *a, int na, const char *b, int nb){
  int ns;
  if( na>nb ){ const char *t = a; int tn = na; a = b; na = nb; b = t; nb = tn; }
  /* plural: network / networks, approach / approaches */
  if( (nb==na+1 && b[na]=='s') || (nb==na+2 && b[na]=='e' && b[na+1]=='s') ){
    if( memcmp(a, b, (size_t)na)==0 ) return 1;
  }
  /* Version numbers and other digits must match exactly. */
  if( has_digit(a, na) || has_digit(b, nb) ) return 0;
  /* a typo: one edit, in words of 3+ letters with one of them 4+ */
  if( na>=3 && nb>=4 && one_edit(a, na, b, nb) ) return 1;
  /* an abbreviation: net(s) / networks, conv / convolutional */
  ns = (na>3 && a[na-1]=='s') ? na-1 : na;
  if( ns>=3 && ns<=4 && nb>ns+1 && memcmp(a, b, (size_t)ns)==0
      && !is_function_word(a, na) ) return 1;
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

/* Weighted Dice coefficient of the words of two keys. */
static double key_similarity(Side *A, Side *B){
  int i, j;
  double ma = 0, mb = 0, wa = 0, wb = 0;
  for(i=0; i<A->nWord; i++){                     /* equal words */
    for(j=0; j<B->nWord; j++){
      if( !B->a[j].used && A->a[i].n==B->a[j].n
          && memcmp(WORD(A, i), WORD(B, j), (size_t)A->a[i].n)==0 ){
        A->a[i].used = B->a[j].used = 1;
        ma += A->a[i].w; mb += B->a[j].w;
        break;
      }
    }
  }
  for(i=0; i<A->nWord; i++){                     /* close words */
    if( A->a[i].used ) continue;
    for(j=0; j<B->nWord; j++){
      if( !B->a[j].used && words_close(WORD(A, i), A->a[i].n, WORD(B, j), B->a[j].n) ){
        double w = A->a[i].w < B->a[j].w ? A->a[i].w : B->a[j].w;
        A->a[i].used = B->a[j].used = 1;
        ma += w; mb += w;
        break;
      }
    }
  }
  match_acronyms(A, B, &ma, &mb);
  match_acronyms(B, A, &mb, &ma);
  for(i=0; i<A->nWord; i++) wa += A->a[i].w;
  for(j=0; j<B->nWord; j++) wb += B->a[j].w;
  if( wa+wb==0 ) return (A->nWord==0 && B->nWord==0) ? 1.0 : 0.0;
  return (ma+mb)/(wa+wb);
}

static double keys_similarity(const char *ka, size_t na, const char *kb, size_t nb){
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
      && side_merge(A, B)==PE_OK && side_merge(B, A)==PE_OK ){
    s = key_similarity(A, B);
  }
  pe_buf_free(&A->text);
  pe_buf_free(&B->text);
  pe_free(A);
  pe_free(B);
  return s;
}

/* The title after a leading 'Name:' of one or two words, or NULL. */
static const char *after_name(const char *z, size_t n, size_t *pn, int *pOom){
  const char *colon = memchr(z, ':', n);
  PeBuf k;
  int nWord = 1;
  size_t i;
  if( colon==0 ) return 0;
  pe_buf_init(&k);
  if( pe_title_key(&k, z, (size_t)(colon-z)) ){ pe_buf_free(&k); *pOom = 1; return 0; }
  for(i=0; i<k.n; i++) if( k.z[i]==' ' ) nWord++;
  if( k.n==0 || nWord>2 ){ pe_buf_free(&k); return 0; }
  pe_buf_free(&k);
  *pn = n - (size_t)(colon+1-z);
  return colon+1;
}

double pe_title_similarity(const char *zA, size_t nA, const char *zB, size_t nB){
  PeBuf ka, kb, kr;
  double best = -1.0;
  int side, oom = 0;
  pe_buf_init(&ka);
  pe_buf_init(&kb);
  pe_buf_init(&kr);
  if( pe_title_key(&ka, zA, nA) || pe_title_key(&kb, zB, nB) ) goto done;
  best = keys_similarity(ka.z ? ka.z : "", ka.n, kb.z ? kb.z : "", kb.n);
  for(side=0; side<2 && best>=0 && best<1.0; side++){
    size_t nRest = 0;
    const char *zRest = side==0 ? after_name(zA, nA, &nRest, &oom)
                                : after_name(zB, nB, &nRest, &oom);
    double s;
    if( oom ){ best = -1.0; break; }
    if( zRest==0 ) continue;
    pe_buf_reset(&kr);
    if( pe_title_key(&kr, zRest, nRest) ){ best = -1.0; break; }
    s = side==0 ? keys_similarity(kr.z ? kr.z : "", kr.n, kb.z ? kb.z : "", kb.n)
                : keys_similarity(ka.z ? ka.z : "", ka.n, kr.z ? kr.z : "", kr.n);
    if( s<0 ){ best = -1.0; break; }
    if( s*PREFIX_FACTOR > best ) best = s*PREFIX_FACTOR;
  }
done:
  pe_buf_free(&ka);
  pe_buf_free(&kb);
  pe_buf_free(&kr);
  if( best>1.0 ) best = 1.0;      /* sums of weights can round to 1.0000000000000002 */
  return best;
}
