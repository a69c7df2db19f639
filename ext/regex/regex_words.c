/* regex_words.c: see regex_words.h. */
#include <string.h>
#include "common/strbuf.h"
#include "regex_words.h"

#define CJK_SCRIPTS "\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Hangul}"
/* A CJK word character: \p{Han} and the others use Script_Extensions, which
** also hold CJK punctuation ('。', '、'): those are no word characters. */
#define CJK "(?=\\w)[" CJK_SCRIPTS "]"
#define NON_CJK_WORD "[^\\W" CJK_SCRIPTS "]"
#define BOUNDARY "(?:(?<=" CJK ")(?!" CJK ")|(?<=" NON_CJK_WORD ")(?!" NON_CJK_WORD ")|(?<!\\w)(?=\\w))"
#define NOT_BOUNDARY "(?:(?<=" CJK ")(?=" CJK ")|(?<=" NON_CJK_WORD ")(?=" NON_CJK_WORD ")|(?<!\\w)(?!\\w))"
#define MAX_DEPTH 256          /* extended-mode state per group; PCRE2 allows 250 */

static int is_digit(char c){ return c>='0' && c<='9'; }
static int is_space(char c){ return c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f' || c=='\v'; }

/* A quantifier at z[i..n): its length (0 when none), and the repeat counts
** (max -1 for no limit) and mode ('+' possessive, '?' lazy, 0 greedy). */
static size_t quantifier(const char *z, size_t n, size_t i, long *pMin, long *pMax, char *pMode){
  size_t j = i;
  if( j>=n ) return 0;
  if( z[j]=='+' || z[j]=='*' || z[j]=='?' ){
    *pMin = z[j]=='+' ? 1 : 0;
    *pMax = z[j]=='?' ? 1 : -1;
    j++;
  }else if( z[j]=='{' ){
    long lo = 0, hi;
    size_t k = j+1;
    if( k>=n || !is_digit(z[k]) ) return 0;               /* '{,m}' is a literal in PCRE2 10.42 */
    for(; k<n && is_digit(z[k]); k++) if( lo<100000 ) lo = lo*10 + (z[k]-'0');
    hi = lo;
    if( k<n && z[k]==',' ){
      k++;
      if( k<n && is_digit(z[k]) ){
        for(hi=0; k<n && is_digit(z[k]); k++) if( hi<100000 ) hi = hi*10 + (z[k]-'0');
      }else{
        hi = -1;
      }
    }
    if( k>=n || z[k]!='}' ) return 0;
    *pMin = lo;
    *pMax = hi;
    j = k+1;
  }else{
    return 0;
  }
  *pMode = 0;
  if( j<n && (z[j]=='+' || z[j]=='?') ) *pMode = z[j++];
  return j-i;
}

/* \w with the quantifier z[q..q+nq) (counts lo..hi, mode) as a run of one kind. */
static void emit_word_run(PeBuf *out, const char *z, size_t q, size_t nq, long lo, long hi, char mode){
  static const char *const azKind[] = { "(?:" CJK ")", NON_CJK_WORD };
  int k;
  pe_buf_appends(out, "(?:");
  for(k=0; k<2; k++){
    if( k ) pe_buf_appendc(out, '|');
    pe_buf_appends(out, azKind[k]);
    if( lo==0 ){                          /* a run of 1..hi, the group optional */
      if( hi<0 ) pe_buf_appendc(out, '+');
      else pe_buf_appendf(out, "{1,%ld}", hi);
      if( mode ) pe_buf_appendc(out, mode);
    }else{
      pe_buf_append(out, z+q, nq);        /* the quantifier as written */
    }
  }
  pe_buf_appendc(out, ')');
  if( lo==0 ){
    pe_buf_appendc(out, '?');
    if( mode ) pe_buf_appendc(out, mode);
  }
}

/* Option letters of '(?' at z[i] (i after '?'): the new extended state,
** given the current one; *pEnd: the index of the ')' or ':' ending them,
** or 0 when this is no option setting. */
static int option_letters(const char *z, size_t n, size_t i, int extended, size_t *pEnd){
  int on = 1, x = extended;
  size_t j;
  for(j=i; j<n; j++){
    char c = z[j];
    if( c==')' || c==':' ){ *pEnd = j; return x; }
    if( c=='-' ) on = 0;
    else if( c=='^' ) x = 0;
    else if( c=='x' ) x = on;
    else if( !((c|0x20)>='a' && (c|0x20)<='z') ) break;
  }
  *pEnd = 0;
  return extended;
}

int pe_regex_words_rewrite(const char *z, size_t n, int extended, PeBuf *out, int *pChanged){
  unsigned char aExt[MAX_DEPTH];          /* the extended state of each open group */
  int depth = 0;
  size_t i = 0, start = 0;
  *pChanged = 0;
#define FLUSH(upto) do{ pe_buf_append(out, z+start, (upto)-start); }while(0)
  while( i<n ){
    char c = z[i];
    if( c=='\\' && i+1<n ){
      char d = z[i+1];
      if( d=='Q' ){                                  /* \Q...\E: literal */
        const char *e = 0;
        size_t k;
        for(k=i+2; k+1<n; k++) if( z[k]=='\\' && z[k+1]=='E' ){ e = z+k; break; }
        i = e ? (size_t)(e-z)+2 : n;
        continue;
      }
      if( d=='b' || d=='B' ){
        FLUSH(i);
        pe_buf_appends(out, d=='b' ? BOUNDARY : NOT_BOUNDARY);
        *pChanged = 1;
        i += 2;
        start = i;
        continue;
      }
      if( d=='w' ){
        size_t q = i+2, nq;
        long lo = 0, hi = 0;
        char mode = 0;
        if( extended ) while( q<n && is_space(z[q]) ) q++;
        nq = quantifier(z, n, q, &lo, &hi, &mode);
        if( nq && (hi<0 || hi>1) ){
          FLUSH(i);
          emit_word_run(out, z, q, nq, lo, hi, mode);
          *pChanged = 1;
          i = q+nq;
          start = i;
          continue;
        }
      }
      i += 2;                                        /* any other escape */
      continue;
    }
    if( c=='[' ){                                    /* a class: nothing in it changes */
      size_t k = i+1;
      if( k<n && z[k]=='^' ) k++;
      if( k<n && z[k]==']' ) k++;                    /* ']' first is a member */
      while( k<n && z[k]!=']' ){
        if( z[k]=='\\' && k+1<n ){
          if( z[k+1]=='Q' ){
            k += 2;
            while( k+1<n && !(z[k]=='\\' && z[k+1]=='E') ) k++;
            k += 2;
            continue;
          }
          k += 2;
          continue;
        }
        if( z[k]=='[' && k+1<n && (z[k+1]==':' || z[k+1]=='.' || z[k+1]=='=') ){
          const char *e = 0;
          size_t m;
          for(m=k+2; m+1<n; m++) if( z[m]==z[k+1] && z[m+1]==']' ){ e = z+m; break; }
          if( e ){ k = (size_t)(e-z)+2; continue; }
        }
        k++;
      }
      i = k<n ? k+1 : n;
      continue;
    }
    if( c=='(' ){
      if( i+2<n && z[i+1]=='?' && z[i+2]=='#' ){     /* (?#...) */
        const char *e = memchr(z+i, ')', n-i);
        i = e ? (size_t)(e-z)+1 : n;
        continue;
      }
      if( i+1<n && z[i+1]=='?' ){
        size_t end = 0;
        int x = option_letters(z, n, i+2, extended, &end);
        if( end && z[end]==')' ){                    /* (?x): the rest of this group */
          extended = x;
          i = end+1;
          continue;
        }
        if( depth<MAX_DEPTH ) aExt[depth] = (unsigned char)extended;
        depth++;
        if( end ) extended = x;                      /* (?x:...): this group */
        i++;
        continue;
      }
      if( depth<MAX_DEPTH ) aExt[depth] = (unsigned char)extended;
      depth++;
      i++;
      continue;
    }
    if( c==')' ){
      if( depth>0 ){
        depth--;
        if( depth<MAX_DEPTH ) extended = aExt[depth];
      }
      i++;
      continue;
    }
    if( c=='#' && extended ){                        /* a comment to the line's end */
      const char *e = memchr(z+i, '\n', n-i);
      i = e ? (size_t)(e-z)+1 : n;
      continue;
    }
    i++;
  }
  FLUSH(n);
#undef FLUSH
  return out->oom ? PE_NOMEM : PE_OK;
}
