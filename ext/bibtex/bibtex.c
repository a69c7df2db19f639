/*
** bibtex.c: the BibTeX parser (see bibtex.h).
**
** The grammar, as BibTeX reads it:
**
**   text     := anything up to an '@' (ignored, like BibTeX)
**   item     := '@' name ( '{' body '}' | '(' body ')' )
**   body     := key [ ',' fields ]          for an entry
**             | fields                      for @string
**             | value                       for @preamble
**             | balanced text               for @comment
**   fields   := [ name '=' value { ',' name '=' value } [','] ]
**   value    := part { '#' part }
**   part     := '{' balanced '}' | '"' balanced-without-'"' '"' | digits | macro
**
** Each item's strings (lowercased names, expanded values, messages) are
** built in one arena that is reset for the next item, and published as
** pointers once the item is complete.
**
** Crossref parents are found by bibxref.c, with light passes of this
** parser (bLight: values built only where needed, no diagnostics).
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "bibtex.h"
#include "bibmap.h"
#include "bibscan.h"
#include "common/pe_mem.h"
#include "common/utf8.h"

/* The month macros every BibTeX style defines. */
static const struct { const char *zName, *zValue; } aMonthMacro[] = {
  { "jan", "January" }, { "feb", "February" }, { "mar", "March" },
  { "apr", "April" }, { "may", "May" }, { "jun", "June" },
  { "jul", "July" }, { "aug", "August" }, { "sep", "September" },
  { "oct", "October" }, { "nov", "November" }, { "dec", "December" },
};

/* White space, as BibTeX collapses it. */
static const unsigned char aSpace[256] = {
  [' ']=1, ['\t']=1, ['\n']=1, ['\r']=1, ['\f']=1, ['\v']=1,
};
/* Characters that end a name (entry type, field, macro): BibTeX's
** non-identifier characters, white space and controls. */
static const unsigned char aNotName[256] = {
  [0 ... 0x20]=1, ['"']=1, ['#']=1, ['%']=1, ['\'']=1, ['(']=1, [')']=1,
  [',']=1, ['=']=1, ['{']=1, ['}']=1, [0x7F]=1,
  ['@']=1,        /* BibTeX allows it; btparse does not, and '@' starts the next entry */
};

int bib_is_name_char(unsigned char c){ return !aNotName[c]; }
#include "bibparser.h"

/* ---------------------------------------------------------------- lines */

/* Line and column (1-based, column in characters) of input offset off.
** Queries mostly move forward, so the last answer is the starting point;
** the column is counted only when asked for (pCol not NULL). */
static void position(BibParser *p, size_t off, int *pLine, int *pCol){
  const char *z = p->z;
  if( off>p->n ) off = p->n;
  if( off<p->posOff ){
    size_t k = p->posOff;
    while( k>off ){ k--; if( z[k]=='\n' ) p->posLine--; }
    if( off<p->posLineStart ){
      /* on an earlier line (back on the same one, its start is known: on a
      ** long one-line input each step back must not read to its start) */
      k = off;
      while( k>0 && z[k-1]!='\n' ) k--;
      p->posLineStart = k;
    }
  }else{
    p->posLine += (int)bibscan_count_newlines(z, p->posOff, off, &p->posLineStart);
  }
  p->posOff = off;
  *pLine = p->posLine;
  if( pCol ){
    /* count from the last column asked for when it is on this line (a long
    ** one-line input must not make each column cost the whole line) */
    if( p->colOff<p->posLineStart ){
      p->colOff = p->posLineStart;
      p->col = 1;
    }
    if( off>=p->colOff ) p->col += (int)pe_utf8_count(z+p->colOff, off-p->colOff);
    else p->col -= (int)pe_utf8_count(z+off, p->colOff-off);
    p->colOff = off;
    *pCol = p->col;
  }
}

/* ---------------------------------------------------------- the arena */

int bib_grow_array(void **pa, size_t *pnAlloc, size_t nNeed, size_t szElem){
  size_t nNew;
  void *aNew;
  if( nNeed<=*pnAlloc ) return PE_OK;
  nNew = *pnAlloc ? *pnAlloc*2 : 16;
  while( nNew<nNeed ) nNew *= 2;
  aNew = pe_realloc(*pa, nNew*szElem);
  if( aNew==0 ) return PE_NOMEM;
  *pa = aNew;
  *pnAlloc = nNew;
  return PE_OK;
}

static void runaway_at(BibParser *p, size_t k);

/* Append source bytes z[a..b), optionally with white-space runs collapsed
** to one space (also across earlier parts of the value being built).  Bytes
** that are not valid UTF-8 (or every byte >= 0x80 with BIB_LATIN1) are
** read as Latin-1 characters. */
static void append_source(BibParser *p, size_t a, size_t b, int bCollapse){
  PeBuf *o = &p->arena;
  const unsigned char *z = (const unsigned char*)p->z;
  unsigned char *w;
  int sp;
  if( !(o->z && !o->oom && o->n+2*(b-a) < o->cap)        /* room: the common case inline */
   && pe_buf_reserve(o, 2*(b-a)) ){ p->oom = 1; return; }
  w = (unsigned char*)o->z + o->n;
  sp = o->n>p->valStart && w[-1]==' ';
  while( a<b ){
    unsigned char c;
    if( !bCollapse ){
      /* ASCII is copied as it is */
      size_t k = bibscan_find_high((const char*)z, a, b) - a;
      memcpy(w, z+a, k);
      w += k; a += k;
      if( a>=b ) break;
    }else{
      /* the common case: a stretch that collapsing leaves as it is */
      size_t k = bibscan_plain_prefix((const char*)z+a, b-a, sp);
      if( k ){
        memcpy(w, z+a, k);
        w += k; a += k;
        sp = w[-1]==' ';
        if( a>=b ) break;
      }
    }
    c = z[a];
    if( c<0x80 ){
      if( bCollapse && aSpace[c] ){
        /* the whole run of white space at once (line breaks and indents) */
        if( !sp ){ *w++ = ' '; sp = 1; }
        do{
          if( z[a]=='\n' && !p->bRunaway && !p->bQuiet ){
            size_t k = a+1;
            while( k<b && (z[k]==' ' || z[k]=='\t') ) k++;
            if( k<b && z[k]=='@' ) runaway_at(p, k);
          }
          a++;
        }while( a<b && aSpace[z[a]] );
        continue;
      }
      *w++ = c;
      a++;
    }else{
      uint32_t u;
      int len = (p->flags & BIB_LATIN1) ? 0 : pe_utf8_decode(z+a, b-a, &u);
      if( len>0 && (u!=PE_REPLACEMENT || (len==3 && z[a]==0xEF)) ){
        memcpy(w, z+a, (size_t)len);
        w += len;
        a += (size_t)len;
      }else{                              /* a Latin-1 character */
        *w++ = (unsigned char)(0xC0 | (c>>6));
        *w++ = (unsigned char)(0x80 | (c&0x3F));
        a++;
      }
    }
    sp = 0;
  }
  o->n = (size_t)((char*)w - o->z);
  o->z[o->n] = 0;
}

/* Append z[0..n) to the arena lowercased (ASCII). */
static void append_lower(BibParser *p, size_t a, size_t b){
  PeBuf *o = &p->arena;
  size_t at = o->n, k;
  /* the common case, an ASCII name, in one loop */
  if( o->z && !o->oom && o->n+(b-a) < o->cap ){
    char *w = o->z + o->n;
    for(k=a; k<b; k++){
      char c = p->z[k];
      if( c & 0x80 ) break;
      w[k-a] = (c>='A' && c<='Z') ? (char)(c+32) : c;
    }
    if( k==b ){
      o->n += b-a;
      o->z[o->n] = 0;
      return;
    }
  }
  append_source(p, a, b, 0);
  if( p->oom ) return;
  for(k=at; k<p->arena.n; k++){
    char c = p->arena.z[k];
    if( c>='A' && c<='Z' ) p->arena.z[k] = (char)(c+32);
  }
}

/* Record a diagnostic at input offset off (printf-style message). */
void bib_diag(BibParser *p, size_t off, int severity, const char *zKind,
                 const char *zFormat, ...){
  DiagRec *d;
  char zMsg[300];
  va_list ap;
  int nMsg;
  if( p->bQuiet ) return;                 /* nobody reads them */
  if( bib_grow_array((void**)&p->aDRec, &p->nDRecAlloc, p->nDRec+1, sizeof(DiagRec)) ){
    p->oom = 1;
    return;
  }
  va_start(ap, zFormat);
  /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): va_start above (a clang 14 false positive) */
  nMsg = vsnprintf(zMsg, sizeof(zMsg), zFormat, ap);
  va_end(ap);
  if( nMsg<0 ) nMsg = 0;
  if( (size_t)nMsg>=sizeof(zMsg) ) nMsg = (int)sizeof(zMsg)-1;
  d = &p->aDRec[p->nDRec++];
  position(p, off, &d->line, &d->col);
  d->severity = severity;
  d->zKind = zKind;
  d->iMsg = p->msgs.n;
  d->nMsg = (size_t)nMsg;
  if( pe_buf_append(&p->msgs, zMsg, (size_t)nMsg) ) p->oom = 1;
}

/* A short, printable excerpt of the input at off, for messages: at most
** 12 bytes of one line, whole UTF-8 characters, anything else as '?'. */
static void excerpt(BibParser *p, size_t off, char *zOut, size_t nOut){
  const unsigned char *z = (const unsigned char*)p->z;
  size_t k = 0, end;
  if( off>=p->n ){ snprintf(zOut, nOut, "end of input"); return; }
  end = off+12 < p->n ? off+12 : p->n;
  zOut[k++] = '\'';
  while( off<end && z[off]!='\n' && z[off]!='\r' && k+6<nOut ){
    uint32_t u;
    int len = pe_utf8_decode(z+off, p->n-off, &u);
    if( z[off]<0x20 || z[off]==0x7F || (u==PE_REPLACEMENT && !(len==3 && z[off]==0xEF)) ){
      zOut[k++] = '?';
      off++;
    }else{
      memcpy(zOut+k, z+off, (size_t)len);
      k += (size_t)len;
      off += (size_t)len;
    }
  }
  zOut[k++] = '\'';
  zOut[k] = 0;
}

#define NO_OPENER ((size_t)-1)

/* Does the line starting at z[k] (after its indent) look like a field
** ('year = 2020') or a new item ('@inproceedings{')? */
static int line_looks_like_field_or_item(const BibParser *p, size_t k){
  const char *z = p->z;
  size_t e;
  while( k<p->n && (z[k]==' ' || z[k]=='\t') ) k++;
  if( k<p->n && z[k]=='@' ){
    for(e=k+1; e<p->n && !aNotName[(unsigned char)z[e]]; e++){}
    return e>k+1 && e<p->n && (z[e]=='{' || z[e]=='(');
  }
  for(e=k; e<p->n && !aNotName[(unsigned char)z[e]]; e++){}
  if( e==k || (z[k]>='0' && z[k]<='9') ) return 0;
  while( e<p->n && (z[e]==' ' || z[e]=='\t') ) e++;
  return e<p->n && z[e]=='=';
}

/*
** The delimiter most likely left open when the item that opened at p->iOpen
** fails at off with the next item or the end of the input: the '{' or '"'
** of a value that holds a line looking like a field or a new item, or a
** ", name =" at its own level (it swallowed them: 'title = {Unclosed,\n
** year = 2020\n}' takes the entry's '}' as its own), else the item's own
** '{' or '(' when it is still open at off; NO_OPENER when there is none.
** Braces count as BibTeX counts them.
*/
static size_t unclosed_opener(const BibParser *p, size_t off){
  const char *z = p->z;
  char close;
  size_t k, depth = 0, value = NO_OPENER, quote = NO_OPENER;
  if( p->iOpen>=p->n || off>p->n ) return NO_OPENER;
  close = z[p->iOpen]=='{' ? '}' : ')';
  for(k=p->iOpen+1; k<off; k++){
    char c = z[k];
    if( c=='{' ){
      if( depth==0 && quote==NO_OPENER ) value = k;
      depth++;
    }else if( c=='}' && depth>0 ){
      if( --depth==0 && quote==NO_OPENER ) value = NO_OPENER;
    }else if( c=='"' && depth==0 ){
      quote = quote==NO_OPENER ? k : NO_OPENER;
    }else if( c==close && depth==0 && quote==NO_OPENER ){
      return NO_OPENER;                      /* the item closed: nothing open */
    }else if( c=='\n' && (depth>0 || quote!=NO_OPENER) && line_looks_like_field_or_item(p, k+1) ){
      return quote!=NO_OPENER ? quote : value;
    }else if( c==',' && ((depth==1 && quote==NO_OPENER) || (depth==0 && quote!=NO_OPENER))
              && line_looks_like_field_or_item(p, k+1) ){
      return quote!=NO_OPENER ? quote : value;  /* '{Mid {brace}, year = 2023}' */
    }
  }
  return p->iOpen;
}

/* Is off the end of the input, or an '@' that starts a line (the next item)? */
static int at_next_item(const BibParser *p, size_t off){
  size_t j = off;
  if( off>=p->n ) return 1;
  if( p->z[off]!='@' ) return 0;
  while( j>0 && (p->z[j-1]==' ' || p->z[j-1]=='\t') ) j--;
  return j==0 || p->z[j-1]=='\n';
}

/* A syntax error at off: the first one becomes the item's error; parsing
** of the item stops and resumes at the next '@' from off.  When opener is
** not NO_OPENER (nor off itself), the message names where that delimiter
** opened: "... (the '{' opened at 2:11 is not closed)". */
static int syntax_error_opened(BibParser *p, size_t off, const char *zWhat, size_t opener){
  char zNear[24], zOpen[64] = "";
  excerpt(p, off, zNear, sizeof(zNear));
  if( !p->bErr ){
    const char *zAt = memchr(p->z+off, '@', p->n-off);
    size_t at = p->msgs.n;
    int line, col;
    if( opener!=NO_OPENER && opener<p->n && opener!=off ){   /* not where the error points */
      position(p, opener, &line, &col);
      snprintf(zOpen, sizeof(zOpen), " (the '%c' opened at %d:%d is not closed)", p->z[opener], line, col);
    }
    position(p, off, &line, &col);
    if( pe_buf_appendf(&p->msgs, "line %d, column %d: %s, found %s%s", line, col, zWhat, zNear, zOpen) ){
      p->oom = 1;
    }
    p->iErr = at; p->nErr = p->msgs.n-at; p->bErr = 1;
    p->resume = zAt ? (size_t)(zAt-p->z) : p->n;
    bib_diag(p, off, BIB_SEV_ERROR, "syntax", "%s, found %s%s", zWhat, zNear, zOpen);
  }
  return 1;
}

/* A syntax error; when it is met at the next item, the delimiter left open. */
static int syntax_error(BibParser *p, size_t off, const char *zWhat){
  return syntax_error_opened(p, off, zWhat,
                             !p->bErr && at_next_item(p, off) ? unclosed_opener(p, off) : NO_OPENER);
}

/* The input ended inside an item: resume at the first '@' that starts a
** line after the item's '@' (the likeliest next entry), not at the end.
** off is the delimiter that is not closed ('{', '"', '(') or the end. */
static int unterminated(BibParser *p, size_t atItem, size_t off, const char *zWhat){
  size_t k;
  if( off<p->n && (p->z[off]=='{' || p->z[off]=='"' || p->z[off]=='(') ){
    syntax_error_opened(p, off, zWhat, off);
  }else{
    syntax_error(p, off, zWhat);
  }
  p->bRecovering = 1;
  for(k=atItem+1; k<p->n; k++){
    if( p->z[k]=='@' ){
      size_t j = k;
      while( j>0 && (p->z[j-1]==' ' || p->z[j-1]=='\t') ) j--;
      if( j==0 || p->z[j-1]=='\n' ) break;
    }
  }
  p->resume = k;
  return 1;
}

/* -------------------------------------------------------------- scanning */

static size_t skip_space(const BibParser *p, size_t i){
  while( i<p->n && aSpace[(unsigned char)p->z[i]] ) i++;
  return i;
}

static size_t scan_name(const BibParser *p, size_t i){
  while( i<p->n && !aNotName[(unsigned char)p->z[i]] ) i++;
  return i;
}

/* Index of the '}' matching the '{' at z[i] (BibTeX counts every brace,
** backslash or not), or n when it is never closed. */
/* How far a value or comment starting at from may run.  The whole input,
** as in BibTeX, until one has run to the end unclosed: from then on (the
** file is known to be broken) only to the next line that starts with '@',
** so that recovering from entry to entry stays linear in time. */
static size_t scan_limit(const BibParser *p, size_t from){
  const char *z = p->z, *nl;
  size_t k = from;
  if( !p->bRecovering ) return p->n;
  while( k<p->n && (nl = memchr(z+k, '\n', p->n-k))!=0 ){
    size_t j = (size_t)(nl-z) + 1;
    k = j;
    while( j<p->n && (z[j]==' ' || z[j]=='\t') ) j++;
    if( j<p->n && z[j]=='@' ) return k;
  }
  return p->n;
}

static size_t brace_close(const BibParser *p, size_t i){
  const char *z = p->z;
  size_t n = scan_limit(p, i), depth = 0;
  for(;;){
    i = bibscan_find3(z, i, n, '{', '}', '}');
    if( i>=n ) return p->n;
    if( z[i]=='{' ) depth++;
    else if( --depth==0 ) return i;
    i++;
  }
}

/* A line inside a value starts with '@' at z[k]: if it looks like a new
** entry, a brace was likely left open (BibTeX reads on, and so do we, but
** we say so, once per item). */
static void runaway_at(BibParser *p, size_t k){
  const char *z = p->z;
  size_t e = scan_name(p, k+1);
  if( e>k+1 && e<p->n && (z[e]=='{' || z[e]=='(') ){
    int line;
    position(p, p->entry.iStart, &line, 0);
    bib_diag(p, k, BIB_SEV_WARNING, "runaway_value",
         "this line looks like a new entry but is read as part of a value "
         "of the entry at line %d: is a brace left open there?", line);
    p->bRunaway = 1;
  }
}

/* Parse a value (parts joined by '#') at p->i; when bStore, append it to the
** arena collapsed (not trimmed).  0, or 1 after a syntax error. */
static int parse_value(BibParser *p, size_t atItem, int bStore){
  const char *z = p->z;
  size_t i = skip_space(p, p->i);
  for(;;){
    if( i>=p->n ) return unterminated(p, atItem, i, "expected a value");
    if( z[i]=='{' ){
      size_t close = brace_close(p, i);
      if( close>=p->n ) return unterminated(p, atItem, i, "unbalanced '{' in a value");
      if( bStore ) append_source(p, i+1, close, 1);
      i = close+1;
    }else if( z[i]=='"' ){
      size_t k = i+1, depth = 0, limit = scan_limit(p, i);
      for(; (k = bibscan_find3(z, k, limit, '"', '{', '}'))<limit; k++){
        char c = z[k];
        if( c=='{' ) depth++;
        else if( c=='}' ){
          if( depth==0 ){
            /* a quote left open reads on to the entry's '}': say so when it
            ** swallowed a line that looks like a field */
            size_t j = i+1, opener = NO_OPENER;
            while( (j = bibscan_find3(z, j, k, '\n', '\n', '\n'))<k ){
              if( line_looks_like_field_or_item(p, ++j) ){ opener = i; break; }
            }
            p->i = k;
            return syntax_error_opened(p, k, "unbalanced '}' in a quoted value", opener);
          }
          depth--;
        }else if( c=='"' && depth==0 ) break;
      }
      if( k>=limit ) return unterminated(p, atItem, i, "unterminated quoted value");
      if( bStore ) append_source(p, i+1, k, 1);
      i = k+1;
    }else if( z[i]>='0' && z[i]<='9' ){
      size_t k = i;
      while( k<p->n && z[k]>='0' && z[k]<='9' ) k++;
      if( bStore ) append_source(p, i, k, 1);
      i = k;
    }else if( !aNotName[(unsigned char)z[i]] ){
      size_t k = scan_name(p, i);
      if( bStore ){
        BibMapSlot *s = bib_map_find(&p->macros, z+i, k-i);
        if( s ){
          size_t at = p->arena.n;
          const char *v = bib_map_value(&p->macros, s);
          size_t nv = s->nVal;
          /* join to what came before with the same collapsing rule */
          if( nv && v[0]==' ' && at>p->valStart && p->arena.z[at-1]==' ' ){ v++; nv--; }
          if( pe_buf_append(&p->arena, v, nv) ) p->oom = 1;
        }else{
          bib_diag(p, i, BIB_SEV_WARNING, "undefined_macro",
               "undefined macro '%.*s' expands to the empty string", (int)(k-i), z+i);
        }
      }
      i = k;
    }else{
      p->i = i;
      return syntax_error(p, i, "expected a value ('{', '\"', a number or a macro name)");
    }
    i = skip_space(p, i);
    if( i<p->n && z[i]=='#' ){
      i = skip_space(p, i+1);
      continue;
    }
    p->i = i;
    return 0;
  }
}

/* Drop the leading and trailing space of the value built from valStart. */
static void trim_value(BibParser *p){
  PeBuf *o = &p->arena;
  if( p->oom ) return;
  if( o->n>p->valStart && o->z[o->n-1]==' ' ) o->z[--o->n] = 0;
  if( o->n>p->valStart && o->z[p->valStart]==' ' ){
    memmove(o->z+p->valStart, o->z+p->valStart+1, o->n-p->valStart-1);
    o->z[--o->n] = 0;
  }
}

/* A bit of the per-item filter of field names (a name whose bit is clear
** was not seen). */
static uint64_t name_bit(const char *zName, size_t nName){
  return nName ? (uint64_t)1 << ((((unsigned char)zName[0])*7u + (unsigned char)zName[nName-1] + nName) & 63)
               : 1;
}

static int is_crossref(const char *z, size_t n){
  static const char zWord[] = "crossref";
  size_t k;
  if( n!=8 ) return 0;
  for(k=0; k<8; k++) if( (z[k]|0x20)!=zWord[k] ) return 0;
  return 1;
}

static int add_field(BibParser *p, size_t iName, size_t nName, size_t iVal, size_t nVal, size_t off){
  FieldRec *r;
  if( bib_grow_array((void**)&p->aRec, &p->nRecAlloc, p->nRec+1, sizeof(FieldRec)) ){
    p->oom = 1;
    return PE_NOMEM;
  }
  r = &p->aRec[p->nRec++];
  r->iName = iName; r->nName = nName; r->iVal = iVal; r->nVal = nVal; r->off = off;
  p->nameFilter |= name_bit(p->arena.z+iName, nName);
  /* an entry with many fields gets a hash index of their names (so that
  ** finding duplicates stays linear) */
  if( p->nRec>FIELD_INDEX_MIN ){
    size_t k = p->nRec==FIELD_INDEX_MIN+1 ? 0 : p->nRec-1;
    for(; k<p->nRec; k++){
      BibMapSlot *s;
      if( bib_map_put(&p->fieldIndex, p->arena.z+p->aRec[k].iName, p->aRec[k].nName,
                      0, 0, 0, &s, 0) ){
        p->oom = 1;
        return PE_NOMEM;
      }
      s->aux = k;
    }
  }
  return PE_OK;
}

int bib_find_field_rec(const BibParser *p, const char *zName, size_t nName){
  size_t k;
  if( (p->nameFilter & name_bit(zName, nName))==0 ) return -1;
  if( p->nRec>FIELD_INDEX_MIN ){
    BibMapSlot *s = bib_map_find(&p->fieldIndex, zName, nName);
    return s ? (int)s->aux : -1;
  }
  for(k=0; k<p->nRec; k++){
    if( p->aRec[k].nName==nName && memcmp(p->arena.z+p->aRec[k].iName, zName, nName)==0 ){
      return (int)k;
    }
  }
  return -1;
}

/* name = value { , name = value } [,] up to the closing delimiter.  For
** @string (bMacro) each pair defines a macro; else it is a field. */
static int parse_fields(BibParser *p, size_t atItem, char close, int bMacro){
  const char *z = p->z;
  for(;;){
    size_t i = skip_space(p, p->i), e, iName, nName, off;
    int bStore;
    if( i>=p->n ) return unterminated(p, atItem, i, "expected a field name or the end of the entry");
    if( z[i]==close ){ p->i = i+1; return 0; }
    e = scan_name(p, i);
    if( e==i || (z[i]>='0' && z[i]<='9') ){
      p->i = i;
      return syntax_error(p, i, bMacro ? "expected a macro name" : "expected a field name");
    }
    off = i;
    iName = p->arena.n;
    /* the name is needed unless values are not (a light pass wants only
    ** crossref fields, and the fields of parents) */
    bStore = !(p->flags & BIB_NO_VALUES)
          && (bMacro || !p->bLight || p->bKeepValues || is_crossref(z+i, e-i));
    if( bStore ) append_lower(p, i, e);
    nName = p->arena.n-iName;
    i = skip_space(p, e);
    if( i>=p->n ) return unterminated(p, atItem, i, "expected '=' after the field name");
    if( z[i]!='=' ){
      p->i = i;
      return syntax_error(p, i, "expected '=' after the field name");
    }
    p->i = i+1;
    if( bStore && !bMacro && !p->oom && bib_find_field_rec(p, p->arena.z+iName, nName)>=0 ){
      bib_diag(p, off, BIB_SEV_WARNING, "duplicate_field",
           "field '%.*s' is given again; the first value is kept", (int)nName, p->arena.z+iName);
      bStore = 0;
    }
    p->valStart = p->arena.n;
    if( parse_value(p, atItem, bStore) ) return 1;
    if( bStore ){
      size_t iVal = p->valStart;
      if( bMacro ){
        int bNew = 1;
        if( !p->oom && bib_map_put(&p->macros, p->arena.z+iName, nName, p->arena.z+iVal,
                                   p->arena.n-iVal, 1, 0, &bNew) ){
          p->oom = 1;
        }
        if( !bNew ) p->bMacroRedefined = 1;
      }else{
        trim_value(p);
        add_field(p, iName, nName, iVal, p->arena.n-iVal, off);
      }
    }
    i = p->i;
    if( i>=p->n ) return unterminated(p, atItem, i, "expected ',' or the end of the entry");
    if( z[i]==',' ){ p->i = i+1; continue; }
    if( z[i]==close ){ p->i = i+1; return 0; }
    p->i = i;
    return syntax_error(p, i, close=='}' ? "expected ',' or '}' after the value"
                                         : "expected ',' or ')' after the value");
  }
}

/* The key of an entry: BibTeX reads up to a comma or white space (and, in
** an entry in braces, up to the closing brace). */
static int parse_key(BibParser *p, size_t atItem, char close){
  const char *z = p->z;
  size_t i = skip_space(p, p->i), e = i;
  while( e<p->n && z[e]!=',' && !aSpace[(unsigned char)z[e]] && !(close=='}' && z[e]=='}') ) e++;
  if( e>=p->n ) return unterminated(p, atItem, e, "expected ',' after the key");
  p->iKey = p->arena.n;
  append_source(p, i, e, 0);
  p->nKey = p->arena.n-p->iKey;
  p->bKey = 1;
  if( e==i ){
    bib_diag(p, i, BIB_SEV_WARNING, "empty_key", "the entry has an empty key");
  }
  p->i = e;
  return 0;
}

/* Is the key already used?  Remember it otherwise (with its line; in a
** light pass, with its offset: the index of the crossref parents). */
static void check_duplicate_key(BibParser *p, int line){
  BibMapSlot *s;
  int bNew;
  if( p->oom || (p->bQuiet && !p->bLight) ) return;
  if( bib_map_put(&p->keys, p->arena.z+p->iKey, p->nKey, 0, 0, 0, &s, &bNew) ){
    p->oom = 1;
    return;
  }
  if( bNew ){
    s->aux = p->bLight ? p->entry.iStart : (size_t)line;
  }else if( !p->bQuiet ){
    bib_diag(p, p->entry.iStart, BIB_SEV_WARNING, "duplicate_key",
         "key '%.*s' was already used by the entry at line %d; both are returned",
         (int)p->nKey, p->arena.z+p->iKey, (int)s->aux);
  }
}

/* --------------------------------------------------------------- items */

static void reset_item(BibParser *p){
  pe_buf_reset(&p->arena);
  pe_buf_reset(&p->msgs);
  if( p->nRec>FIELD_INDEX_MIN ){ bib_map_free(&p->fieldIndex); bib_map_init(&p->fieldIndex); }
  p->nRec = 0;
  p->nameFilter = 0;
  p->nDRec = 0;
  p->bKey = 0; p->bErr = 0; p->bRunaway = 0; p->bRawArena = 0;
  p->nType = 0;
  p->valStart = 0;
  memset(&p->entry, 0, sizeof(p->entry));
}

/* Parse the item whose '@' is at p->i; on return p->i is after it. */
static void parse_item(BibParser *p){
  const char *z = p->z;
  size_t at = p->i, i, e;
  char close;
  int rc = 0, line;
  BibEntry *pE = &p->entry;
  reset_item(p);
  p->iOpen = p->n;
  pE->iStart = at;
  line = 0;
  /* a light pass needs no lines, nor a caller that does not read them */
  if( !p->bLight && !(p->flags & BIB_NO_LINES) ) position(p, at, &line, 0);
  pE->line = line;
  i = skip_space(p, at+1);
  e = scan_name(p, i);
  if( e==i ){
    pE->eKind = BIB_JUNK;
    p->i = i;
    syntax_error(p, i, "expected an entry type after '@'");
    goto done;
  }
  p->iType = p->arena.n;
  append_lower(p, i, e);
  p->nType = p->arena.n-p->iType;
  pE->eKind = BIB_ENTRY;
  if( p->nType==7 && memcmp(p->arena.z+p->iType, "comment", 7)==0 ) pE->eKind = BIB_COMMENT;
  if( p->nType==8 && memcmp(p->arena.z+p->iType, "preamble", 8)==0 ) pE->eKind = BIB_PREAMBLE;
  if( p->nType==6 && memcmp(p->arena.z+p->iType, "string", 6)==0 ) pE->eKind = BIB_STRING;
  i = skip_space(p, e);
  if( i>=p->n || (z[i]!='{' && z[i]!='(') ){
    if( pE->eKind==BIB_COMMENT ){ p->i = e; goto done; }   /* a bare @comment */
    pE->eKind = BIB_JUNK;          /* an '@' in text, not an entry */
    p->i = i;
    if( i>=p->n ) unterminated(p, at, i, "expected '{' or '(' after the entry type");
    else syntax_error(p, i, "expected '{' or '(' after the entry type");
    goto done;
  }
  close = z[i]=='{' ? '}' : ')';
  p->iOpen = i;
  p->i = i+1;
  switch( pE->eKind ){
    case BIB_COMMENT: {
      /* balanced braces; in parentheses, up to a ')' outside braces */
      size_t k = i+1, depth = 0, limit = scan_limit(p, i);
      if( close=='}' ){
        k = brace_close(p, i);
      }else{
        for(; k<limit; k++){
          if( z[k]=='{' ) depth++;
          else if( z[k]=='}' && depth ) depth--;
          else if( z[k]==')' && depth==0 ) break;
        }
        if( k>=limit ) k = p->n;
      }
      if( k>=p->n ){ unterminated(p, at, i, "unterminated @comment"); goto done; }
      p->i = k+1;
      break;
    }
    case BIB_PREAMBLE: {
      size_t iName = p->arena.n;
      if( pe_buf_append(&p->arena, "preamble", 8) ) p->oom = 1;
      p->valStart = p->arena.n;
      rc = parse_value(p, at, 1);
      if( rc ) break;
      trim_value(p);
      add_field(p, iName, 8, p->valStart, p->arena.n-p->valStart, i+1);
      i = p->i;
      if( i>=p->n ){ unterminated(p, at, i, "expected the end of the @preamble"); break; }
      if( z[i]!=close ){ syntax_error(p, i, "expected the end of the @preamble"); break; }
      p->i = i+1;
      break;
    }
    case BIB_STRING:
      parse_fields(p, at, close, 1);
      break;
    default: {
      rc = parse_key(p, at, close);
      if( rc ) break;
      check_duplicate_key(p, line);
      if( p->bLight && p->pTargets && !p->oom ){
        BibMapSlot *s = bib_map_find(p->pTargets, p->arena.z+p->iKey, p->nKey);
        p->bKeepValues = s && s->aux==0;      /* a parent not yet stored */
      }
      i = skip_space(p, p->i);
      if( i<p->n && z[i]==close ){ p->i = i+1; break; }
      if( i<p->n && z[i]==',' ){ p->i = i+1; parse_fields(p, at, close, 0); break; }
      p->i = i;
      syntax_error(p, i, close=='}' ? "expected ',' or '}' after the key"
                                    : "expected ',' or ')' after the key");
      break;
    }
  }
done:
  if( p->bErr ){
    /* the item ends where parsing resumes, less trailing white space */
    size_t end = p->resume;
    if( end<=at ) end = at+1;
    while( end>at+1 && aSpace[(unsigned char)z[end-1]] ) end--;
    pE->iEnd = end;
    p->i = p->resume>at ? p->resume : at+1;
  }else{
    pE->iEnd = p->i;
  }
}

/* Is z[a..b) something to re-encode (bytes that are not UTF-8)?  Returns
** the offset of the first such byte, or b. */
static size_t first_bad_byte(const BibParser *p, size_t a, size_t b){
  const unsigned char *z = (const unsigned char*)p->z;
  while( (a = bibscan_find_high((const char*)z, a, b))<b ){
    uint32_t u;
    int len;
    if( p->flags & BIB_LATIN1 ) return a;
    len = pe_utf8_decode(z+a, b-a, &u);
    if( u==PE_REPLACEMENT && !(len==3 && z[a]==0xEF) ) return a;
    a += (size_t)len;
  }
  return b;
}

/* Turn the records of the current item into the public BibEntry. */
void bib_publish(BibParser *p){
  BibEntry *pE = &p->entry;
  size_t k, bad;
  if( p->oom ) return;
  /* the raw text is re-encoded when it is not UTF-8, with a warning: not
  ** needed when neither is read */
  bad = (p->flags & BIB_NO_RAW) && p->bQuiet ? pE->iEnd : first_bad_byte(p, pE->iStart, pE->iEnd);
  if( bad<pE->iEnd ){
    if( !(p->flags & BIB_LATIN1) ){
      bib_diag(p, bad, BIB_SEV_WARNING, "encoding",
           "byte 0x%02X is not UTF-8; read as the Latin-1 character U+00%02X",
           (unsigned char)p->z[bad], (unsigned char)p->z[bad]);
    }
    p->iRaw = p->arena.n;
    append_source(p, pE->iStart, pE->iEnd, 0);
    p->nRaw = p->arena.n-p->iRaw;
    p->bRawArena = 1;
  }
  if( bib_grow_array((void**)&p->aField, &p->nFieldAlloc, p->nRec, sizeof(BibField))
   || bib_grow_array((void**)&p->aDiag, &p->nDiagAlloc, p->nDRec, sizeof(BibDiag)) ){
    p->oom = 1;
  }
  if( p->oom || p->arena.oom || p->msgs.oom ){ p->oom = 1; return; }
  pE->type.z = p->nType ? p->arena.z+p->iType : 0;
  pE->type.n = p->nType;
  if( p->bKey ){ pE->key.z = p->arena.z+p->iKey; pE->key.n = p->nKey; }
  if( p->bErr ){ pE->error.z = p->msgs.z+p->iErr; pE->error.n = p->nErr; }
  if( p->bRawArena ){ pE->raw.z = p->arena.z+p->iRaw; pE->raw.n = p->nRaw; }
  else if( (p->flags & BIB_NO_RAW) && p->bQuiet ){ pE->raw.z = 0; pE->raw.n = 0; }
  else{ pE->raw.z = p->z+pE->iStart; pE->raw.n = pE->iEnd-pE->iStart; }

  for(k=0; k<p->nRec; k++){
    const FieldRec *r = &p->aRec[k];
    p->aField[k].name.z = p->arena.z+r->iName;  p->aField[k].name.n = r->nName;
    p->aField[k].value.z = p->arena.z+r->iVal;  p->aField[k].value.n = r->nVal;
    p->aField[k].offset = r->off;
  }
  pE->aField = p->aField;
  pE->nField = (int)p->nRec;
  for(k=0; k<p->nDRec; k++){
    const DiagRec *d = &p->aDRec[k];
    p->aDiag[k].line = d->line; p->aDiag[k].col = d->col;
    p->aDiag[k].severity = d->severity; p->aDiag[k].zKind = d->zKind;
    p->aDiag[k].message.z = p->msgs.z+d->iMsg; p->aDiag[k].message.n = d->nMsg;
  }
  pE->aDiag = p->aDiag;
  pE->nDiag = (int)p->nDRec;
}

/* Parse the next item into p->entry; 0 at the end of the input. */
int bib_next_item(BibParser *p){
  const char *zAt;
  if( p->i>=p->n ) return 0;
  zAt = memchr(p->z+p->i, '@', p->n-p->i);
  if( zAt==0 ){ p->i = p->n; return 0; }
  p->i = (size_t)(zAt-p->z);
  parse_item(p);
  return 1;
}
static BibText field_n(const BibField *a, int n, const char *zName, size_t nName){
  BibText t = { 0, 0 };
  int k;
  for(k=0; k<n; k++){
    if( a[k].name.n==nName && memcmp(a[k].name.z, zName, nName)==0 ) return a[k].value;
  }
  return t;
}

/* ------------------------------------------------------------------ API */

BibText bib_field(const BibEntry *e, const char *zName, int bInherited){
  size_t n = strlen(zName);
  BibText t = field_n(e->aField, e->nField, zName, n);
  if( t.z==0 && bInherited ) t = field_n(e->aInherited, e->nInherited, zName, n);
  return t;
}



BibParser *bib_open(const char *z, size_t n, unsigned flags){
  BibParser *p = pe_malloc(sizeof(*p));
  size_t k;
  if( p==0 ) return 0;
  memset(p, 0, sizeof(*p));
  p->z = z ? z : "";
  p->n = z ? n : 0;
  p->flags = flags;
  p->bQuiet = (flags & (BIB_NO_VALUES|BIB_NO_DIAGS))!=0;
  p->posLine = 1;
  p->col = 1;
  bib_map_init(&p->macros);
  bib_map_init(&p->keys);
  bib_map_init(&p->parents);
  pe_buf_init(&p->arena);
  pe_buf_init(&p->msgs);
  bib_map_init(&p->fieldIndex);
  for(k=0; k<sizeof(aMonthMacro)/sizeof(aMonthMacro[0]); k++){
    if( bib_map_put(&p->macros, aMonthMacro[k].zName, 3, aMonthMacro[k].zValue,
                    strlen(aMonthMacro[k].zValue), 1, 0, 0) ){
      bib_close(p);
      return 0;
    }
  }
  return p;
}

int bib_next(BibParser *p, const BibEntry **ppEntry){
  *ppEntry = 0;
  if( p->oom ) return PE_NOMEM;
  if( !p->bXrefDone ){
    p->bXrefDone = 1;
    if( !(p->flags & BIB_NO_INHERIT) && !p->bLight && bib_mentions_crossref(p->z, p->n) ){
      if( bib_resolve_crossrefs(p) ){ p->oom = 1; return PE_NOMEM; }
    }
  }
  if( !bib_next_item(p) ) return PE_OK;
  p->pParent = 0;
  if( p->entry.eKind==BIB_ENTRY && !(p->flags & BIB_NO_INHERIT) && !p->oom ) bib_find_parent(p);
  bib_publish(p);
  bib_inherit(p);
  if( p->oom ) return PE_NOMEM;
  *ppEntry = &p->entry;
  return PE_OK;
}

size_t bib_scratch_bytes(const BibParser *p){
  return p->arena.cap + p->msgs.cap + p->nRecAlloc*sizeof(FieldRec)
       + p->nDRecAlloc*sizeof(DiagRec) + p->nFieldAlloc*sizeof(BibField)
       + p->nInhAlloc*sizeof(BibField) + p->nDiagAlloc*sizeof(BibDiag);
}

void bib_close(BibParser *p){
  if( p==0 ) return;
  bib_map_free(&p->macros);
  bib_map_free(&p->keys);
  bib_map_free(&p->parents);
  bib_map_free(&p->fieldIndex);
  pe_buf_free(&p->arena);
  pe_buf_free(&p->msgs);
  pe_free(p->aRec);
  pe_free(p->aDRec);
  pe_free(p->aField);
  pe_free(p->aInh);
  pe_free(p->aDiag);
  pe_free(p);
}
