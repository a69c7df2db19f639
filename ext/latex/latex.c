/*
** latex.c: LaTeX text to Unicode (see latex.h).
**
** One left-to-right pass over the input writes the decoded text into a
** scratch buffer, which is then normalized to NFC into the caller's buffer:
** an accent is written as its base character followed by the combining mark,
** and NFC composes the pair (\"u -> u + U+0308 -> ü).
**
** What each command does comes from the generated table (latex_table_generated.h);
** this file only knows the shapes of commands (control words and symbols,
** brace groups, arguments) and of math.
*/
#include <string.h>
#include "latex.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "common/utf8.h"

enum {
  LATEX_ACCENT,       /* one argument; mark after its first character */
  LATEX_SYMBOL,       /* no argument; prints zText */
  LATEX_DECLARATION,  /* no argument; prints nothing ({\em x}) */
  LATEX_TEXT,         /* one argument, printed decoded (\emph{x}) */
  LATEX_VERBATIM,     /* one argument, printed as written (\url{x}) */
  LATEX_SKIP,         /* one argument, dropped (\noopsort{x}) */
  LATEX_LINK,         /* two arguments, the first dropped (\href{u}{x}) */
  LATEX_MATH          /* kept as written with its argument (\ensuremath{x}) */
};

typedef struct LatexCommand {
  const char *zName; int nName;   /* without the backslash */
  int eKind;
  const char *zText; int nText;   /* UTF-8: the symbol, or the combining mark */
} LatexCommand;

typedef struct LatexLigature {
  const char *zSeq; int nSeq;
  const char *zText; int nText;
} LatexLigature;

#include "latex_table_generated.h"

#define N_COMMAND  (sizeof(aLatexCommand)/sizeof(aLatexCommand[0]))
#define N_LIGATURE (sizeof(aLatexLigature)/sizeof(aLatexLigature[0]))

/* Accent arguments nest ({\'{\"{...}}}); past this depth they are copied. */
#define LATEX_MAX_DEPTH 32

static int is_letter(char c){ return (c>='a' && c<='z') || (c>='A' && c<='Z'); }
static int is_blank(char c){ return c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f'; }

static int is_ligature_start(char c){
  return c=='-' || c=='`' || c=='\'' || c=='~' || c=='!' || c=='?';
}

static const LatexCommand *find_command(const char *zName, size_t nName){
  size_t lo = 0, hi = N_COMMAND;
  while( lo<hi ){
    size_t mid = (lo+hi)/2;
    const LatexCommand *p = &aLatexCommand[mid];
    size_t nMin = nName<(size_t)p->nName ? nName : (size_t)p->nName;
    int c = memcmp(zName, p->zName, nMin);
    if( c==0 ) c = nName<(size_t)p->nName ? -1 : nName>(size_t)p->nName;
    if( c==0 ) return p;
    if( c<0 ) hi = mid; else lo = mid+1;
  }
  return 0;
}

/* End of the control sequence whose backslash is at z[i]: a control word
** (\ and letters) or a control symbol (\ and one character, UTF-8 aware). */
static size_t control_end(const char *z, size_t n, size_t i){
  size_t j = i+1;
  if( j>=n ) return n;
  if( is_letter(z[j]) ){
    while( j<n && is_letter(z[j]) ) j++;
    return j;
  }
  {
    uint32_t c;
    return j + (size_t)pe_utf8_decode((const unsigned char*)z+j, n-j, &c);
  }
}

/* Index of the '}' closing the group opened at z[i], or n if unbalanced.
** Escaped braces (\{ \}) do not count. */
static size_t group_close(const char *z, size_t n, size_t i){
  size_t depth = 0;
  for(; i<n; i++){
    if( z[i]=='\\' ){ i++; continue; }
    if( z[i]=='{' ) depth++;
    else if( z[i]=='}' && --depth==0 ) return i;
  }
  return n;
}

/* The argument of a command ending at z[i]: white space skipped, then a
** brace group (content without the braces), a control sequence, or one
** character.  Sets [*pA,*pB) and returns the index after the argument.
** No argument (end of text, or a closing brace) gives an empty range. */
static size_t next_arg(const char *z, size_t n, size_t i, size_t *pA, size_t *pB){
  uint32_t c;
  while( i<n && is_blank(z[i]) ) i++;
  if( i>=n || z[i]=='}' ){ *pA = *pB = i; return i; }
  if( z[i]=='{' ){
    size_t close = group_close(z, n, i);
    *pA = i+1; *pB = close;
    return close<n ? close+1 : n;
  }
  *pA = i;
  if( z[i]=='\\' ) *pB = control_end(z, n, i);
  else *pB = i + (size_t)pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
  return *pB;
}

static size_t skip_blanks(const char *z, size_t n, size_t i){
  while( i<n && is_blank(z[i]) ) i++;
  return i;
}

/* Index just past the closing delimiter zClose (length nClose) searched from
** z[i], skipping escaped characters; n when the math is not closed. */
static size_t math_end(const char *z, size_t n, size_t i, const char *zClose, size_t nClose){
  while( i<n ){
    if( n-i>=nClose && memcmp(z+i, zClose, nClose)==0 ) return i+nClose;
    i += z[i]=='\\' ? 2 : 1;
  }
  return n;
}

static void decode(PeBuf *out, const char *z, size_t n, int depth);

/* After the decoded argument was appended at out->z[at..]: a dotless i/j
** takes the accent as a plain i/j (\'{\i} is í), then the mark goes after
** the first character. */
static void place_accent(PeBuf *out, size_t at, const LatexCommand *pCmd){
  uint32_t c;
  size_t len;
  if( out->oom ) return;
  if( at>=out->n ){                     /* empty argument: the mark alone */
    pe_buf_append(out, pCmd->zText, (size_t)pCmd->nText);
    return;
  }
  len = (size_t)pe_utf8_decode((const unsigned char*)out->z+at, out->n-at, &c);
  if( c==0x0131 || c==0x0237 ){         /* ı ȷ -> i j */
    out->z[at] = c==0x0131 ? 'i' : 'j';
    memmove(out->z+at+1, out->z+at+len, out->n-at-len);
    out->n -= len-1;
    out->z[out->n] = 0;
    len = 1;
  }
  if( pe_buf_reserve(out, (size_t)pCmd->nText) ) return;
  memmove(out->z+at+len+pCmd->nText, out->z+at+len, out->n-at-len);
  memcpy(out->z+at+len, pCmd->zText, (size_t)pCmd->nText);
  out->n += (size_t)pCmd->nText;
  out->z[out->n] = 0;
}

/* Decode the control sequence whose backslash is at z[i]; return the index
** after everything it consumed. */
static size_t decode_command(PeBuf *out, const char *z, size_t n, size_t i, int depth){
  size_t ce = control_end(z, n, i), a, b, next;
  const char *zName = z+i+1;
  size_t nName = ce-i-1;
  const LatexCommand *pCmd;
  if( nName==0 ){ pe_buf_appendc(out, '\\'); return ce; }
  if( nName==1 && (zName[0]=='(' || zName[0]=='[') ){
    size_t e = math_end(z, n, ce, zName[0]=='(' ? "\\)" : "\\]", 2);
    pe_buf_append(out, z+i, e-i);
    return e;
  }
  pCmd = find_command(zName, nName);
  if( pCmd==0 ){
    /* Unknown: keep it as written, with the brace groups right after it. */
    size_t j = ce;
    while( j<n && z[j]=='{' ){
      size_t close = group_close(z, n, j);
      j = close<n ? close+1 : n;
    }
    pe_buf_append(out, z+i, j-i);
    return j;
  }
  switch( pCmd->eKind ){
    case LATEX_SYMBOL:
    case LATEX_DECLARATION:
      pe_buf_append(out, pCmd->zText, (size_t)pCmd->nText);
      /* TeX ends a control word at the first non-letter and eats the
      ** spaces after it: {\em x} is "x", Stra\ss e is "Straße". */
      return is_letter(zName[0]) ? skip_blanks(z, n, ce) : ce;
    case LATEX_TEXT:
      return skip_blanks(z, n, ce);    /* its {argument} loses its braces */
    case LATEX_ACCENT: {
      size_t at = out->n;
      next = next_arg(z, n, ce, &a, &b);
      if( depth>=LATEX_MAX_DEPTH ) pe_buf_append(out, z+a, b-a);
      else decode(out, z+a, b-a, depth+1);
      place_accent(out, at, pCmd);
      return next;
    }
    case LATEX_VERBATIM:
      next = next_arg(z, n, ce, &a, &b);
      pe_buf_append(out, z+a, b-a);
      return next;
    case LATEX_SKIP:
      return next_arg(z, n, ce, &a, &b);
    case LATEX_LINK:
      next = next_arg(z, n, ce, &a, &b);
      return skip_blanks(z, n, next);
    default: /* LATEX_MATH */
      next = next_arg(z, n, ce, &a, &b);
      pe_buf_append(out, z+i, next-i);
      return next;
  }
}

/* Decode z[0..n) into out (not yet normalized). */
static void decode(PeBuf *out, const char *z, size_t n, int depth){
  size_t i = 0;
  while( i<n && !out->oom ){
    char c = z[i];
    if( c=='{' || c=='}' ){
      i++;                               /* case-protecting braces go */
    }else if( c=='\\' ){
      i = decode_command(out, z, n, i, depth);
    }else if( c=='$' ){
      size_t e = (i+1<n && z[i+1]=='$') ? math_end(z, n, i+2, "$$", 2)
                                         : math_end(z, n, i+1, "$", 1);
      pe_buf_append(out, z+i, e-i);     /* math stays as written */
      i = e;
    }else if( is_ligature_start(c) ){
      size_t k;
      for(k=0; k<N_LIGATURE; k++){
        const LatexLigature *p = &aLatexLigature[k];
        if( n-i>=(size_t)p->nSeq && memcmp(z+i, p->zSeq, (size_t)p->nSeq)==0 ) break;
      }
      if( k<N_LIGATURE ){
        pe_buf_append(out, aLatexLigature[k].zText, (size_t)aLatexLigature[k].nText);
        i += (size_t)aLatexLigature[k].nSeq;
      }else{
        pe_buf_appendc(out, c);
        i++;
      }
    }else{
      size_t j = i+1;                    /* a run of ordinary text */
      while( j<n && z[j]!='{' && z[j]!='}' && z[j]!='\\' && z[j]!='$'
             && !is_ligature_start(z[j]) ) j++;
      pe_buf_append(out, z+i, j-i);
      i = j;
    }
  }
}

/* Any LaTeX to decode in z[0..n)? */
static int has_latex(const char *z, size_t n){
  size_t i;
  for(i=0; i<n; i++){
    char c = z[i];
    if( c=='\\' || c=='{' || c=='}' || c=='$' || c=='~' || c=='`' ) return 1;
    if( (c=='-' || c=='\'') && i+1<n && z[i+1]==c ) return 1;
  }
  return 0;
}

/* Is z[0..n) valid UTF-8 that NFC leaves as it is?  Cheap sufficient test:
** every code point is below U+0300 (where no character composes or
** decomposes under NFC). */
static int nfc_stable(const char *z, size_t n){
  size_t i = 0;
  while( i<n ){
    uint32_t c;
    if( (unsigned char)z[i]<0x80 ){ i++; continue; }
    i += (size_t)pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    if( c>=0x300 ) return 0;        /* U+FFFD for invalid bytes lands here too */
  }
  return 1;
}

int pe_latex_needs_decoding(const char *z, size_t n){
  return has_latex(z, n) || !nfc_stable(z, n);
}

int pe_latex_to_unicode(PeBuf *out, const char *z, size_t n){
  PeBuf tmp;
  int rc;
  if( !has_latex(z, n) ){
    if( nfc_stable(z, n) ) return pe_buf_append(out, z, n);
    return pe_fold_append(out, z, n, PE_FOLD_NFC);
  }
  pe_buf_init(&tmp);
  decode(&tmp, z, n, 0);
  if( tmp.oom ){ pe_buf_free(&tmp); return PE_NOMEM; }
  if( nfc_stable(tmp.z ? tmp.z : "", tmp.n) ) rc = pe_buf_append(out, tmp.z ? tmp.z : "", tmp.n);
  else rc = pe_fold_append(out, tmp.z ? tmp.z : "", tmp.n, PE_FOLD_NFC);
  pe_buf_free(&tmp);
  return rc;
}
