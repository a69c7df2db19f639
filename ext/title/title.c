/* title.c: the key of a title (pe_title_key); see title.h. */
#include <string.h>
#include <utf8proc.h>
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "latex/latex.h"
#include "title.h"
#include "title_html.h"

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
  if( !pe_is_letter(c) ) return 0;
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
        if( i+4<=n && memcmp(z+i, "amp;", 4)==0 ) i += 4;   /* &amp; left (&amp;amp;) */
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
  PeBuf a, b, h;
  int rc = PE_OK, joined = 0;
  pe_buf_init(&a);
  pe_buf_init(&b);
  pe_buf_init(&h);
  if( pe_title_has_html(z, n) ){
    rc = pe_title_html_decode(&h, z, n);
    if( rc ) goto done;
    z = h.z ? h.z : "";
    n = h.n;
  }
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
  pe_buf_free(&h);
  return rc;
}
