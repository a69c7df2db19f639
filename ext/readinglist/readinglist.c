/*
** readinglist.c: the streaming reading-list parser; see readinglist.h.
**
** One pass over the lines.  Each line is one of:
**   blank          ends a note paragraph;
**   heading        '# ...' sets the context of the entries under it: a
**                  venue when it names one, else a tag (a diagnostic
**                  'heading' records it, so the line is accounted for);
**   title          starts a new entry (the previous one is then complete);
**   note           goes to the open entry's note (or the preface);
**   other          separators '---' and text that belongs to no entry
**                  (after a heading, before its first title) become
**                  diagnostics.
** Whether a section (the text between headings) is Markdown or plain text
** is decided when it starts, by looking ahead to its first list item that
** is clearly a paper (see section_is_markdown()).  In a Markdown section
** the items are the titles and what follows an item is its note; lines
** before the first item, and all lines of a plain-text section, go through
** the rules of readinglist_line.c, plus two that look at the surroundings:
** a line continuing an unfinished English sentence is note text, and a
** sentence-case line standing alone in a Chinese-noted list is a title.
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "readinglist.h"
#include "readinglist_line.h"
#include "readinglist_refs.h"

/* An entry being built, or the last one finished. */
typedef struct Acc {
  PeBuf title, note, tagsJson, venue, ctxVenue, url, arxiv, doi, raw;
  PeRlTags *tags;           /* its distinct tags (NULL: none yet) */
  int tagsOom;
  const char *zStatus;
  long long line, position;
  int isPreface;
} Acc;

typedef struct Head { int level; int isVenue; PeBuf text; } Head;

/* A queued diagnostic; its message lives in PeRl.diagText. */
typedef struct DiagRec {
  long long line, col;
  const char *zSeverity, *zKind;
  size_t msgOff, msgLen;
} DiagRec;

struct PeRl {
  const char *z; size_t n;
  size_t pos;               /* start of the next line */
  size_t nextNl;            /* 1 + the offset of the next '\n' after it (n+1: none) */
  long long lineNo;         /* its number */
  int done;
  int hasCR;                /* the text holds a '\r' somewhere */
  /* the current line */
  int lineBad;              /* holds invalid UTF-8 (copied with U+FFFD) */
  /* section shape */
  int markdown;
  int needShape;
  size_t shapeFrom, shapeTo;  /* the last look-ahead read [shapeFrom, shapeTo) */
  int shapeIsMd;              /* and found this */
  /* an open code fence */
  int fenceChar, fenceLen;
  long long fenceLine;
  /* heading context */
  int nHead;
  Head aHead[7];            /* '#' to '######', and a plain-text venue line (7) */
  PeBuf listVenue;          /* named by the preface or a venue line */
  int afterHeading;         /* a heading since the last title */
  /* the entry being built */
  int haveEntry;
  Acc cur, out;
  long long nTitle;
  int blankBefore;          /* a blank line since the last note line */
  int openSentence;         /* last note line: English prose, sentence not ended */
  int prevBlank;            /* the line before was blank (or a heading, or none) */
  int sawCJK;               /* a note so far was written in Chinese or Japanese */
  int nOtherTitles;         /* titles so far not written in CJK */
  int stripCols;            /* Markdown: indentation of notes under an item */
  int nSectionItems;        /* Markdown titles so far in this section */
  long long nContent;       /* non-blank lines seen */
  /* output */
  int entryReady;
  PeRlEntry entry;
  DiagRec *aDiag;
  int nDiag, nDiagAlloc, iDiag;
  PeBuf diagText;
  PeRlDiag diag;
  PeBuf scratch;
  int oom;
};

/* ---- small helpers ---------------------------------------------------- */

static void acc_init(Acc *a){ memset(a, 0, sizeof(*a)); }

static PeBuf *acc_bufs(Acc *a, int i){
  PeBuf *ap[] = { &a->title, &a->note, &a->tagsJson, &a->venue,
                  &a->ctxVenue, &a->url, &a->arxiv, &a->doi, &a->raw };
  return i<(int)(sizeof(ap)/sizeof(ap[0])) ? ap[i] : 0;
}

static void acc_reset(Acc *a){
  int i;
  PeBuf *b;
  for(i=0; (b = acc_bufs(a, i))!=0; i++) pe_buf_reset(b);
  pe_rl_tags_clear(a->tags);
  a->tagsOom = 0;
  a->zStatus = 0; a->line = 0; a->position = 0; a->isPreface = 0;
}

static void acc_free(Acc *a){
  int i;
  PeBuf *b;
  for(i=0; (b = acc_bufs(a, i))!=0; i++) pe_buf_free(b);
  pe_rl_tags_free(a->tags);
  a->tags = 0;
}

static int acc_oom(Acc *a){
  int i;
  PeBuf *b;
  for(i=0; (b = acc_bufs(a, i))!=0; i++) if( b->oom ) return 1;
  return a->tagsOom;
}

/* Offset of the first byte that is not valid UTF-8 (or a NUL), else n.
** (Runs on every byte of the input: ASCII goes 8 bytes at a time.) */
static size_t first_invalid(const char *z, size_t n){
  const unsigned char *u = (const unsigned char*)z;
  size_t i = 0;
  while( i<n ){
    unsigned c = u[i];
    if( c<0x80 ){
      if( c==0 ) return i;
      i++;
      while( i+8<=n ){
        uint64_t w;
        memcpy(&w, u+i, 8);
        /* any byte >= 0x80, or any zero byte? */
        if( (w & 0x8080808080808080ull) || ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) ) break;
        i += 8;
      }
      continue;
    }
    if( c>=0xE0 && c<=0xEF && i+2<n && (u[i+1]&0xC0)==0x80 && (u[i+2]&0xC0)==0x80
     && !(c==0xE0 && u[i+1]<0xA0) && !(c==0xED && u[i+1]>=0xA0) ){
      i += 3;                                   /* CJK and most punctuation */
      continue;
    }
    {
      uint32_t cp;
      int len = pe_utf8_decode(u+i, n-i, &cp);
      if( cp==PE_REPLACEMENT && len==1 ) return i;
      i += (size_t)len;
    }
  }
  return n;
}

/* Append z[0..n), invalid bytes (and NUL) as U+FFFD when bad is set. */
static void append_text(PeBuf *b, const char *z, size_t n, int bad){
  size_t i, start = 0;
  if( !bad ){ pe_buf_append(b, z, n); return; }
  for(i=0; i<n; ){
    size_t k = first_invalid(z+i, n-i);
    if( k==n-i ){ break; }
    pe_buf_append(b, z+i, k);
    pe_buf_append_utf8(b, PE_REPLACEMENT);
    i += k+1;
    start = i;
  }
  if( start<n ) pe_buf_append(b, z+start, n-start);
}

static void add_diag(PeRl *p, long long line, long long col, const char *zSeverity,
                     const char *zKind, const char *zMsgA, const char *zText,
                     size_t nText, int bad){
  DiagRec *d;
  if( p->nDiag>=p->nDiagAlloc ){
    int nNew = p->nDiagAlloc ? p->nDiagAlloc*2 : 8;
    DiagRec *a = pe_realloc(p->aDiag, sizeof(*a)*(size_t)nNew);
    if( a==0 ){ p->oom = 1; return; }
    p->aDiag = a; p->nDiagAlloc = nNew;
  }
  d = &p->aDiag[p->nDiag++];
  d->line = line; d->col = col; d->zSeverity = zSeverity; d->zKind = zKind;
  d->msgOff = p->diagText.n;
  pe_buf_appendf(&p->diagText, "%lld:%lld: ", line, col);
  pe_buf_appends(&p->diagText, zMsgA);
  if( zText ){
    pe_buf_appends(&p->diagText, "'");
    append_text(&p->diagText, zText, nText, bad);
    pe_buf_appends(&p->diagText, "'");
  }
  d->msgLen = p->diagText.n - d->msgOff;
}

/* ---- tags ------------------------------------------------------------- */

/* Add one canonical tag to the entry, keeping first-seen order, no repeats. */
static void acc_add_canonical(Acc *a, const char *z, size_t n){
  if( n>0 && pe_rl_tags_add(&a->tags, z, n) ) a->tagsOom = 1;
}

/* Tags written in z[0..n): '#tag', '[tag]', '【tag】' (only those when
** onlyHashtags is 0 ... see pe_rl_tags_in()). */
static void acc_add_tags(PeRl *p, Acc *a, const char *z, size_t n, int onlyHashtags){
  pe_buf_reset(&p->scratch);
  if( pe_rl_tags_in(&p->scratch, z, n, onlyHashtags) ){ p->oom = 1; return; }
  {
    size_t i = 0;
    while( i<p->scratch.n ){
      size_t len = strlen(p->scratch.z + i);
      acc_add_canonical(a, p->scratch.z + i, len);
      i += len + 1;
    }
  }
}

/* ---- entries ---------------------------------------------------------- */

/* The entry is complete: move it to p->out and describe it in p->entry. */
static void finish_entry(PeRl *p){
  Acc *a;
  PeRlEntry *e = &p->entry;
  if( !p->haveEntry ) return;
  p->haveEntry = 0;
  if( p->cur.isPreface ){
    /* the preface may name the list's venue: 'nips2020的oral' */
    PeSpan v;
    if( p->listVenue.n==0 && p->cur.note.n
     && pe_rl_venue_token(p->cur.note.z, p->cur.note.n, &v) ){
      pe_buf_append(&p->listVenue, p->cur.note.z + v.off, v.len);
    }
  }
  { Acc t = p->out; p->out = p->cur; p->cur = t; }
  acc_reset(&p->cur);
  a = &p->out;
  if( pe_rl_tags_json(a->tags, &a->tagsJson) ) p->oom = 1;
  /* the venue that applies: the entry's own, its heading's, the list's */
  if( a->venue.n==0 ){
    if( a->ctxVenue.n ) pe_buf_append(&a->venue, a->ctxVenue.z, a->ctxVenue.n);
    else if( p->listVenue.n ) pe_buf_append(&a->venue, p->listVenue.z, p->listVenue.n);
  }
  /* identifiers: from the link, then the title line and the note (a
  ** preface is not a paper: it has none) */
  if( !a->isPreface && pe_rl_find_ids(&a->arxiv, &a->doi, a->url.z, a->url.n) ) p->oom = 1;
  if( !a->isPreface && pe_rl_find_ids(&a->arxiv, &a->doi, a->raw.z, a->raw.n) ) p->oom = 1;
  if( !a->isPreface && pe_rl_find_ids(&a->arxiv, &a->doi, a->note.z, a->note.n) ) p->oom = 1;
  if( acc_oom(a) || p->listVenue.oom ) p->oom = 1;
  memset(e, 0, sizeof(*e));
  e->position = a->position;
  e->line = a->line;
  if( !a->isPreface ){ e->title.z = a->title.z ? a->title.z : ""; e->title.n = a->title.n; }
#define OUT_STR(field, buf) if( (buf).n ){ e->field.z = (buf).z; e->field.n = (buf).n; }
  OUT_STR(note, a->note);
  OUT_STR(venue, a->venue);
  OUT_STR(url, a->url);
  OUT_STR(arxiv, a->arxiv);
  OUT_STR(doi, a->doi);
  e->tags.z = a->tagsJson.z; e->tags.n = a->tagsJson.n;
  e->zStatus = a->zStatus;
  p->entryReady = 1;
}

static void open_preface(PeRl *p){
  int i;
  acc_reset(&p->cur);
  for(i=0; i<p->nHead; i++){
    if( p->aHead[i].isVenue ){
      pe_buf_reset(&p->cur.ctxVenue);
      pe_buf_append(&p->cur.ctxVenue, p->aHead[i].text.z, p->aHead[i].text.n);
    }
  }
  p->cur.isPreface = 1;
  p->cur.position = 0;
  p->cur.line = p->lineNo;
  p->haveEntry = 1;
  p->blankBefore = 0;
}

/* Does z[0..n) hold a Han or kana character? */
static int has_cjk(const char *z, size_t n){
  size_t i;
  for(i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c>=0xE3 && c<=0xE9 ){
      uint32_t cp;
      pe_utf8_decode((const unsigned char*)z+i, n-i, &cp);
      if( pe_is_cjk(cp) ) return 1;
    }
  }
  return 0;
}

/* A note line z[0..n) of the current line (stripCols of indentation go). */
static void note_line(PeRl *p, const char *z, size_t n, int stripCols, int isProse){
  Acc *a = &p->cur;
  int col = 0;
  while( n>0 && col<stripCols && (z[0]==' ' || z[0]=='\t') ){
    col += z[0]=='\t' ? 4 : 1;
    z++; n--;
  }
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t') ) n--;
  if( p->afterHeading && p->nTitle>0 ){
    /* after a heading, before its first title: no entry owns it */
    add_diag(p, p->lineNo, 1, "warning", "orphan_text",
             "text between a heading and the first title under it: ", z, n, p->lineBad);
    return;
  }
  if( !p->haveEntry ) open_preface(p);
  if( a->note.n ) pe_buf_appends(&a->note, p->blankBefore ? "\n\n" : "\n");
  append_text(&a->note, z, n, p->lineBad);
  if( memchr(z, '#', n) ) acc_add_tags(p, a, z, n, 1);
  if( !p->sawCJK ) p->sawCJK = has_cjk(z, n);
  p->blankBefore = 0;
  p->openSentence = isProse && pe_rl_open_sentence(z, n);
}

/* A title line: z is the whole line, parts its pieces. */
static void title_line(PeRl *p, const char *z, size_t n, const PeRlTitle *t,
                       const char *zStatus, int stripCols){
  Acc *a;
  int i;
  finish_entry(p);
  a = &p->cur;
  acc_reset(a);
  p->haveEntry = 1;
  a->position = ++p->nTitle;
  a->line = p->lineNo;
  a->zStatus = zStatus;
  append_text(&a->title, z + t->title.off, t->title.len, p->lineBad);
  append_text(&a->raw, z, n, p->lineBad);
  if( t->url.len ) append_text(&a->url, z + t->url.off, t->url.len, p->lineBad);
  if( t->venue.len ) append_text(&a->venue, z + t->venue.off, t->venue.len, p->lineBad);
  /* context: the headings above it */
  for(i=0; i<p->nHead; i++){
    Head *h = &p->aHead[i];
    if( h->isVenue ){
      pe_buf_reset(&a->ctxVenue);
      pe_buf_append(&a->ctxVenue, h->text.z, h->text.n);
    }else{
      acc_add_canonical(a, h->text.z, h->text.n);
    }
  }
  for(i=0; i<t->nArea; i++) acc_add_tags(p, a, z + t->aArea[i].off, t->aArea[i].len, 0);
  if( t->rest.len ){
    /* what follows a linked title ('— 很好的paper') opens the note */
    append_text(&a->note, z + t->rest.off, t->rest.len, p->lineBad);
  }
  p->afterHeading = 0;
  p->blankBefore = 0;
  p->openSentence = 0;
  p->stripCols = stripCols;
}

static void heading_line(PeRl *p, const char *z, int level, PeSpan text){
  Head *h;
  PeSpan v;
  int isVenue = pe_rl_venue_token(z + text.off, text.len, &v);
  while( p->nHead>0 && p->aHead[p->nHead-1].level>=level ) p->nHead--;
  h = &p->aHead[p->nHead++];
  h->level = level;
  h->isVenue = isVenue;
  pe_buf_reset(&h->text);
  if( isVenue ){
    append_text(&h->text, z + text.off + v.off, v.len, p->lineBad);
    add_diag(p, p->lineNo, 1, "info", "heading", "heading names the venue of the entries under it: ",
             h->text.z, h->text.n, 0);
  }else{
    pe_buf_reset(&p->scratch);
    if( pe_rl_tag_norm(&p->scratch, z + text.off, text.len) ) p->oom = 1;
    pe_buf_append(&h->text, p->scratch.z ? p->scratch.z : "", p->scratch.n);
    if( h->text.n==0 ) p->nHead--;      /* '#' alone gives nothing */
    add_diag(p, p->lineNo, 1, "info", "heading", "heading gives a tag to the entries under it: ",
             z + text.off, text.len, p->lineBad);
  }
  if( h->text.oom ) p->oom = 1;
  p->afterHeading = 1;
  p->needShape = 1;
  p->nSectionItems = 0;
  p->openSentence = 0;
}

/* ---- lines -------------------------------------------------------------- */

/* The next line: [*pOff, *pOff+*pLen) without its line break.  (Where the
** next '\n' is, is remembered: lines that end at a lone CR would otherwise
** each look for it to the end of the text.) */
static int next_line(PeRl *p, size_t *pOff, size_t *pLen, size_t *pNext){
  const char *z = p->z + p->pos;
  size_t rem = p->n - p->pos, len;
  const char *nl, *cr;
  if( p->pos>=p->n ) return 0;
  if( p->nextNl<=p->pos ){
    nl = memchr(z, '\n', rem);
    p->nextNl = nl ? (size_t)(nl - p->z) + 1 : p->n + 1;  /* 1 + its offset */
  }
  nl = p->nextNl<=p->n ? p->z + p->nextNl - 1 : 0;
  len = nl ? (size_t)(nl - z) : rem;
  cr = p->hasCR ? memchr(z, '\r', len) : 0;
  if( cr && (size_t)(cr - z) + 1 < len ){
    /* a lone CR ends the line (old Mac text) */
    len = (size_t)(cr - z);
    *pNext = p->pos + len + 1;
  }else{
    *pNext = nl ? p->pos + len + 1 : p->n;
    if( len>0 && z[len-1]=='\r' ) len--;
  }
  *pOff = p->pos; *pLen = len;
  return 1;
}

/* Is the line at z[0..n) a title candidate of a Markdown list? */
static int md_title_item(const char *z, size_t n, PeRlTitle *t, const char **pzStatus,
                         int *pStrip){
  PeRlItem it;
  if( pe_rl_item(z, n, &it) ){
    if( it.indent>=2 ) return 0;
    pe_rl_title_parts(z + it.contentOff, n - it.contentOff, t);
    t->title.off += it.contentOff; t->url.off += it.contentOff;
    t->venue.off += it.contentOff; t->rest.off += it.contentOff;
    { int i; for(i=0; i<t->nArea; i++) t->aArea[i].off += it.contentOff; }
    *pzStatus = it.zStatus;
    *pStrip = it.indent + it.markerWidth;
    if( it.zStatus || t->hasLink ) return 1;
    return pe_rl_note_reason(z + t->title.off, t->title.len)==PE_RL_IS_TITLE;
  }
  if( pe_rl_indent(z, n)<2 ){
    pe_rl_title_parts(z, n, t);
    *pzStatus = 0;
    *pStrip = 2;
    return t->hasLink && t->title.len>0;
  }
  return 0;
}

/* Look ahead over the section starting at pos: is it a Markdown list,
** i.e. does a top-level list item read as a paper (checkbox, link, or a
** title by the plain-text rules)?  A heading says no.  The line that
** decided is remembered: a section that starts at a plain-text venue line
** ('NeurIPS 2020', a heading below all others) reads on over the same lines
** as the look-ahead before it, so the answer is the same and those lines
** are not read again (a list of many venue lines would be quadratic). */
static int section_is_markdown(PeRl *p, size_t pos){
  int fence = 0, fenceLen = 0;
  size_t start = pos;
  if( p->shapeTo && p->shapeFrom<=pos && pos<p->shapeTo ) return p->shapeIsMd;
  p->shapeFrom = start;
  p->shapeIsMd = 0;
  while( pos<p->n ){
    const char *z = p->z + pos;
    size_t rem = p->n - pos, len;
    const char *nl = memchr(z, '\n', rem);
    PeSpan h;
    PeRlItem it;
    int fl;
    len = nl ? (size_t)(nl - z) : rem;
    pos += len + 1;
    if( len && z[len-1]=='\r' ) len--;
    if( !fence && len && !strchr("-*+[0123456789#`~ \t", z[0]) ) continue;  /* plain text */
    if( fence ){
      if( pe_rl_fence(z, len, &fl)==fence && fl>=fenceLen ) fence = 0;
      continue;
    }
    if( (fence = pe_rl_fence(z, len, &fenceLen))!=0 ) continue;
    if( pe_rl_heading(z, len, &h) ) break;
    if( (len && z[0]=='[') || (pe_rl_item(z, len, &it) && it.indent<2) ){
      PeRlTitle t;
      const char *zStatus;
      int strip;
      if( md_title_item(z, len, &t, &zStatus, &strip)
       && (zStatus || t.hasLink || pe_rl_title_reason(z + t.title.off, t.title.len)==PE_RL_IS_TITLE) ){
        p->shapeIsMd = 1;
        break;
      }
    }
  }
  /* the deciding line starts before pos (after it: the end of the text) */
  p->shapeTo = pos>p->n ? p->n : pos;
  if( p->shapeTo<=start ) p->shapeTo = 0;
  return p->shapeIsMd;
}

/* A plain-text line that only names a venue ('NeurIPS 2020', '== CVPR 2021 =='). */
static int venue_line(const char *z, size_t n, PeSpan *pV){
  size_t i;
  if( n>64 || !pe_rl_venue_token(z, n, pV) ) return 0;
  for(i=0; i<n; i++){
    if( i==pV->off ){ i += pV->len - 1; continue; }
    if( !strchr(" \t=-*:#", z[i]) ) return 0;
  }
  return 1;
}

/* Most note lines show it in their first character: a Han or kana
** character (a title is never written so) or one that resumes a sentence
** or starts a formula.  Same verdict as the full rules, found sooner. */
static PeRlWhy quick_note_reason(const char *z, size_t n){
  unsigned char c;
  uint32_t cp;
  while( n>0 && (*z==' ' || *z=='\t') ){ z++; n--; }
  if( n==0 ) return PE_RL_IS_TITLE;
  c = (unsigned char)z[0];
  if( c=='\\' || c==',' || c==')' || c==';' ) return PE_RL_WHY_NOTE;
  if( c<0xE3 || c>0xE9 ) return PE_RL_IS_TITLE;
  pe_utf8_decode((const unsigned char*)z, n, &cp);
  return pe_is_cjk(cp) ? PE_RL_WHY_SCRIPT : PE_RL_IS_TITLE;
}

/* Is the line after the current one blank, or is there none? */
static int next_is_blank(const PeRl *p){
  const char *z = p->z + p->pos;
  size_t rem = p->n - p->pos, len;
  const char *nl = memchr(z, '\n', rem);
  len = nl ? (size_t)(nl - z) : rem;
  return pe_rl_is_blank(z, len);
}

/* The first line of the next paragraph (after the current line and the
** blank lines after it) at z[*pOff..*pOff+*pLen); 0 when there is none.
** Scans only blank lines and that line. */
static int next_paragraph(const PeRl *p, size_t *pOff, size_t *pLen){
  size_t pos = p->pos;
  while( pos<p->n ){
    const char *z = p->z + pos;
    const char *nl = memchr(z, '\n', p->n - pos);
    size_t len = nl ? (size_t)(nl - z) : p->n - pos;
    if( !pe_rl_is_blank(z, len) ){ *pOff = pos; *pLen = len; return 1; }
    pos += len + 1;
  }
  return 0;
}

/* The notes are Chinese or Japanese: a note so far was, or the paragraph
** after this line is (a list of one paper shows it only there). */
static int notes_are_cjk(const PeRl *p){
  size_t off, len;
  if( p->sawCJK ) return 1;
  return next_paragraph(p, &off, &len) && has_cjk(p->z + off, len);
}

/* The surroundings rule: in a list whose notes are Chinese, an English
** line in sentence case ('Learning to summarize from human feedback') that
** stands alone as a paragraph is a title, though not in Title Case. */
static int sentence_case_title(const PeRl *p, const char *z, size_t n){
  size_t i, nWord = 0;
  if( !p->prevBlank || n==0 || !(z[0]>='A' && z[0]<='Z') || !notes_are_cjk(p) ) return 0;
  for(i=0; i<n; i++){
    if( (i==0 || z[i-1]==' ') && z[i]!=' ' ) nWord++;
  }
  return nWord>=3 && nWord<=20 && next_is_blank(p);
}

/* The shape rule for titles written in Chinese or Japanese (see
** readinglist.h): a paragraph of one line, 4 to 60 characters, no sentence
** or clause punctuation, no venue named (that is a preface or a heading:
** 'CVPR2021论文笔记'), in a list that has titled no paper in another script
** so far, followed by a paragraph in Chinese or Japanese (its note) or
** carrying tags. */
static int cjk_title(const PeRl *p, const char *z, size_t n, const PeRlTitle *t){
  static const char *const azPunct[] = { "\xEF\xBC\x8C" /* ， */, "\xE3\x80\x82" /* 。 */,
    "\xEF\xBC\x9B" /* ； */, "\xEF\xBC\x81" /* ！ */, "\xEF\xBC\x9F" /* ？ */,
    "\xE3\x80\x81" /* 、 */, ",", ";", "!", "?", ".", "=", "\\" };
  size_t i, k, nChar, off, len;
  const char *zt = z + t->title.off;
  size_t nt = t->title.len;
  PeSpan v;
  if( p->nOtherTitles>0 || !p->prevBlank || nt==0 || !next_is_blank(p) ) return 0;
  if( !has_cjk(zt, nt) || pe_rl_venue_token(z, n, &v) ) return 0;
  nChar = pe_utf8_count(zt, nt);
  if( nChar<4 || nChar>60 ) return 0;
  for(i=0; i<nt; i++){
    for(k=0; k<sizeof(azPunct)/sizeof(azPunct[0]); k++){
      size_t m = strlen(azPunct[k]);
      if( i+m<=nt && memcmp(zt+i, azPunct[k], m)==0 ) return 0;
    }
  }
  return t->nArea>0 || (next_paragraph(p, &off, &len) && has_cjk(p->z + off, len));
}

/* A line that is not blank (and not inside a code fence). */
static int process_content_line(PeRl *p, const char *z, size_t len, size_t off){
  PeSpan span;
  PeRlTitle t;
  int level, strip;
  const char *zStatus;
  PeRlWhy eWhy;
  if( (level = pe_rl_heading(z, len, &span))!=0 ){
    heading_line(p, z, level, span);
    return 1;
  }
  if( p->needShape ){
    p->markdown = section_is_markdown(p, off);
    p->needShape = 0;
  }
  if( (p->fenceChar = pe_rl_fence(z, len, &p->fenceLen))!=0 ){
    p->fenceLine = p->lineNo;
    note_line(p, z, len, p->markdown ? p->stripCols : 0, 0);
    return 0;
  }
  if( pe_rl_is_separator(z, len) ){
    add_diag(p, p->lineNo, 1, "info", "separator", "separator line: ", z, len, p->lineBad);
    p->openSentence = 0;
    return 0;
  }
  if( pe_rl_caption(z, len, &span) ){
    note_line(p, z, len, p->markdown ? p->stripCols : 0, 0);
    if( p->haveEntry && !p->cur.isPreface && !(p->afterHeading && p->nTitle>0) && span.len ){
      PeSpan v;
      acc_add_tags(p, &p->cur, z + span.off, span.len, 0);
      if( p->cur.venue.n==0 && pe_rl_venue_token(z, len, &v) ){
        append_text(&p->cur.venue, z + v.off, v.len, p->lineBad);
      }
    }
    return 0;
  }
  if( p->markdown ){
    if( md_title_item(z, len, &t, &zStatus, &strip) ){
      title_line(p, z, len, &t, zStatus, strip);
      p->nSectionItems++;
      return 0;
    }
    if( p->nSectionItems>0 || pe_rl_indent(z, len)>=2 ){
      note_line(p, z, len, p->stripCols, 0);   /* follows an item: its note */
      return 0;
    }
    /* before the first item of a Markdown section: the plain-text rules */
  }
  /* plain text */
  if( venue_line(z, len, &span) ){
    /* like a heading below all others: it keeps the tags of the headings above */
    PeSpan all = { 0, len };
    heading_line(p, z, 7, pe_rl_trim(z, all));
    return 1;
  }
  if( p->openSentence ){
    note_line(p, z, len, 0, 1);       /* continues the sentence above */
    return 0;
  }
  if( quick_note_reason(z, len)!=PE_RL_IS_TITLE ){
    PeRlTitle ct;
    pe_rl_title_parts(z, len, &ct);
    if( quick_note_reason(z, len)==PE_RL_WHY_SCRIPT && cjk_title(p, z, len, &ct) ){
      title_line(p, z, len, &ct, 0, 0);
      return 0;
    }
    note_line(p, z, len, 0, 0);
    return 0;
  }
  {
    PeRlItem it;
    size_t c = pe_rl_item(z, len, &it) ? it.contentOff : 0;
    pe_rl_title_parts(z + c, len - c, &t);
    eWhy = pe_rl_title_reason(z + c + t.title.off, t.title.len);
    if( eWhy==PE_RL_WHY_NOT_TITLE_CASE
     && sentence_case_title(p, z + c + t.title.off, t.title.len) ){
      eWhy = PE_RL_IS_TITLE;
    }
    if( eWhy==PE_RL_IS_TITLE ){
      int i;
      t.title.off += c; t.url.off += c; t.venue.off += c; t.rest.off += c;
      for(i=0; i<t.nArea; i++) t.aArea[i].off += c;
      if( !has_cjk(z + t.title.off, t.title.len) ) p->nOtherTitles++;
      title_line(p, z, len, &t, 0, 0);
    }else{
      int prose = eWhy==PE_RL_WHY_NOT_TITLE_CASE || eWhy==PE_RL_WHY_LOWERCASE
               || eWhy==PE_RL_WHY_TOO_LONG;
      note_line(p, z, len, 0, prose);
    }
  }
  return 0;
}

static void process_line(PeRl *p, size_t off, size_t len){
  const char *z = p->z + off;
  size_t bad = first_invalid(z, len);
  int fl;

  p->lineBad = bad<len;
  if( p->lineBad ){
    char zMsg[96];
    snprintf(zMsg, sizeof zMsg, "invalid UTF-8 byte 0x%02X (read as U+FFFD)",
             (unsigned char)z[bad]);
    add_diag(p, p->lineNo, (long long)pe_utf8_count(z, bad) + 1, "warning",
             "invalid_utf8", zMsg, 0, 0, 0);
  }
  if( p->fenceChar ){
    if( pe_rl_fence(z, len, &fl)==p->fenceChar && fl>=p->fenceLen ) p->fenceChar = 0;
    note_line(p, z, len, p->markdown ? p->stripCols : 0, 0);
    return;
  }
  if( pe_rl_is_blank(z, len) ){
    if( p->haveEntry && p->cur.note.n ) p->blankBefore = 1;
    p->openSentence = 0;
    p->prevBlank = 1;
    return;
  }
  p->nContent++;
  /* a heading ends a paragraph as a blank line does */
  p->prevBlank = process_content_line(p, z, len, off);
}

/* ---- the iterator ----------------------------------------------------- */

PeRl *pe_rl_new(const char *z, size_t n){
  PeRl *p = pe_malloc(sizeof(*p));
  if( p==0 ) return 0;
  memset(p, 0, sizeof(*p));
  p->z = z ? z : "";
  p->n = z ? n : 0;
  p->lineNo = 1;
  p->prevBlank = 1;
  p->needShape = 1;
  acc_init(&p->cur);
  acc_init(&p->out);
  /* a UTF-8 byte order mark is not text */
  if( p->n>=3 && memcmp(p->z, "\xEF\xBB\xBF", 3)==0 ) p->pos = 3;
  p->hasCR = p->n>0 && memchr(p->z, '\r', p->n)!=0;
  return p;
}

static void finish_text(PeRl *p){
  if( p->fenceChar ){
    add_diag(p, p->fenceLine, 1, "warning", "unclosed_fence",
             "code fence not closed before the end of the text", 0, 0, 0);
    p->fenceChar = 0;
  }
  if( p->nTitle==0 && p->nContent>0 ){
    add_diag(p, 1, 1, "warning", "no_titles",
             "no line reads as a paper title: the whole text is the preface", 0, 0, 0);
  }
  finish_entry(p);
  p->done = 1;
}

int pe_rl_next(PeRl *p, int *peKind){
  for(;;){
    if( p->oom || p->diagText.oom ){ *peKind = PE_RL_DONE; return PE_NOMEM; }
    if( p->iDiag < p->nDiag ){
      DiagRec *d = &p->aDiag[p->iDiag++];
      p->diag.line = d->line; p->diag.col = d->col;
      p->diag.zSeverity = d->zSeverity; p->diag.zKind = d->zKind;
      p->diag.message.z = p->diagText.z + d->msgOff;
      p->diag.message.n = d->msgLen;
      *peKind = PE_RL_DIAG;
      return PE_OK;
    }
    if( p->nDiag ){ p->nDiag = p->iDiag = 0; pe_buf_reset(&p->diagText); }
    if( p->entryReady ){
      p->entryReady = 0;
      *peKind = PE_RL_ENTRY;
      return PE_OK;
    }
    if( p->done ){ *peKind = PE_RL_DONE; return PE_OK; }
    {
      size_t off, len, next;
      if( !next_line(p, &off, &len, &next) ){
        finish_text(p);
        continue;
      }
      p->pos = next;
      process_line(p, off, len);
      p->lineNo++;
    }
  }
}

const PeRlEntry *pe_rl_entry(const PeRl *p){ return &p->entry; }
const PeRlDiag *pe_rl_diag(const PeRl *p){ return &p->diag; }

void pe_rl_free(PeRl *p){
  int i;
  if( p==0 ) return;
  acc_free(&p->cur);
  acc_free(&p->out);
  for(i=0; i<7; i++) pe_buf_free(&p->aHead[i].text);
  pe_buf_free(&p->listVenue);
  pe_buf_free(&p->diagText);
  pe_buf_free(&p->scratch);
  pe_free(p->aDiag);
  pe_free(p);
}
