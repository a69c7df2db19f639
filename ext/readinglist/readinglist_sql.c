/*
** readinglist_sql.c: reading lists as tables.
**
**   SELECT position, title, note, tags, venue, status, url, arxiv, doi, line
**     FROM readinglist_entries(readfile('list.txt'));
**   SELECT line, col, severity, kind, message
**     FROM readinglist_diagnostics(readfile('list.txt'));
**
** readinglist_entries(text) has one row per paper, in list order, and a
** row with position 0 and a NULL title for the preface (text before the
** first title), so nothing is lost.  The text may be plain text (titles
** followed by note paragraphs) or Markdown (headings, '- [ ] Title' items);
** the shape is detected per section.  tags is a JSON array, venue the
** venue text that applies (venue_norm() reads it), status comes from
** Markdown checkboxes ('to-read', 'read', 'reading', 'skipped') or is NULL,
** line is the 1-based line of the title.
**
** readinglist_diagnostics(text) lists what the parser noticed: invalid
** UTF-8 (line, column), headings (and the tag or venue each gives), text
** that belongs to no entry, separators, an unclosed code fence, a text
** without titles.  Every non-blank input line is in some entry's title or
** note or in a diagnostic.
**
** readinglist_line_kind(line) tells how the plain-text rules read one line:
** 'title', or the reason it is note text ('formula', 'script', ...).
**
** A NULL text gives no rows.  The parse streams: one row is built at a
** time (the text itself is copied once).  The rules: readinglist_line.h
** and ext/readinglist/README.md.
*/
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "readinglist.h"
#include "readinglist_line.h"

enum { RL_ENTRIES, RL_DIAGNOSTICS };

enum { E_POSITION, E_TITLE, E_NOTE, E_TAGS, E_VENUE, E_STATUS, E_URL, E_ARXIV,
       E_DOI, E_LINE, E_TEXT };
enum { D_LINE, D_COL, D_SEVERITY, D_KIND, D_MESSAGE, D_TEXT };

/* Which of the two tables a cursor serves (PeTable.iVariant). */
#define RL_KIND(cur) (pe_tvf_of(cur)->pTable->iVariant)

typedef struct RlCursor {
  sqlite3_vtab_cursor base;
  char *zText;            /* our copy of the text */
  PeRl *pParser;
  sqlite3_int64 iRowid;
  int eof;
} RlCursor;

static int rl_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  RlCursor *pCur = sqlite3_malloc(sizeof(*pCur));
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  *ppCur = &pCur->base;
  return SQLITE_OK;
}

static void rl_reset(RlCursor *pCur){
  pe_rl_free(pCur->pParser);
  pCur->pParser = 0;
  pe_free(pCur->zText);
  pCur->zText = 0;
}

static int rl_close(sqlite3_vtab_cursor *cur){
  rl_reset((RlCursor*)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Advance to the next item of the cursor's kind. */
static int rl_next(sqlite3_vtab_cursor *cur){
  RlCursor *pCur = (RlCursor*)cur;
  int want = RL_KIND(cur)==RL_ENTRIES ? PE_RL_ENTRY : PE_RL_DIAG;
  int kind;
  for(;;){
    if( pe_rl_next(pCur->pParser, &kind)!=0 ) return SQLITE_NOMEM;
    if( kind==PE_RL_DONE ){ pCur->eof = 1; break; }
    if( kind==want ) break;
  }
  pCur->iRowid++;
  return SQLITE_OK;
}

static int rl_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  RlCursor *pCur = (RlCursor*)cur;
  sqlite3_value *apArg[1];
  const char *z;
  size_t n;
  int rc;
  (void)idxStr;
  rl_reset(pCur);
  pCur->iRowid = 0;
  pCur->eof = 1;
  if( (rc = pe_tvf_args(cur, idxNum, argc, argv, apArg))!=SQLITE_OK ) return rc;   /* text is required */
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL ) return SQLITE_OK;
  if( sqlite3_value_type(apArg[0])==SQLITE_BLOB ){
    z = sqlite3_value_blob(apArg[0]);
    n = (size_t)sqlite3_value_bytes(apArg[0]);
  }else{
    z = pe_value_text(apArg[0], &n);
  }
  if( z==0 && n>0 ) return SQLITE_NOMEM;
  pCur->zText = pe_malloc(n ? n : 1);
  if( pCur->zText==0 ) return SQLITE_NOMEM;
  if( n && z ) memcpy(pCur->zText, z, n);
  pCur->pParser = pe_rl_new(pCur->zText, n);
  if( pCur->pParser==0 ) return SQLITE_NOMEM;
  pCur->eof = 0;
  return rl_next(cur);
}

static int rl_eof(sqlite3_vtab_cursor *cur){ return ((RlCursor*)cur)->eof; }

static void result_str(sqlite3_context *ctx, PeRlStr s){
  if( s.z ) sqlite3_result_text64(ctx, s.z, s.n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

static int rl_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  RlCursor *pCur = (RlCursor*)cur;
  if( RL_KIND(cur)==RL_ENTRIES ){
    const PeRlEntry *e = pe_rl_entry(pCur->pParser);
    switch( i ){
      case E_POSITION: sqlite3_result_int64(ctx, e->position); break;
      case E_TITLE:    result_str(ctx, e->title); break;
      case E_NOTE:     result_str(ctx, e->note); break;
      case E_TAGS:     result_str(ctx, e->tags); break;
      case E_VENUE:    result_str(ctx, e->venue); break;
      case E_STATUS:
        if( e->zStatus ) sqlite3_result_text(ctx, e->zStatus, -1, SQLITE_STATIC);
        break;
      case E_URL:      result_str(ctx, e->url); break;
      case E_ARXIV:    result_str(ctx, e->arxiv); break;
      case E_DOI:      result_str(ctx, e->doi); break;
      case E_LINE:     sqlite3_result_int64(ctx, e->line); break;
    }
  }else{
    const PeRlDiag *d = pe_rl_diag(pCur->pParser);
    switch( i ){
      case D_LINE:     sqlite3_result_int64(ctx, d->line); break;
      case D_COL:      sqlite3_result_int64(ctx, d->col); break;
      case D_SEVERITY: sqlite3_result_text(ctx, d->zSeverity, -1, SQLITE_STATIC); break;
      case D_KIND:     sqlite3_result_text(ctx, d->zKind, -1, SQLITE_STATIC); break;
      case D_MESSAGE:  result_str(ctx, d->message); break;
    }
  }
  return SQLITE_OK;
}

static int rl_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((RlCursor*)cur)->iRowid;
  return SQLITE_OK;
}

/* One module for both tables (PeTable.iVariant tells them apart). */
static const sqlite3_module rl_module = {
  .iVersion = 0, .xCreate = 0, .xConnect = pe_tvf_connect, .xBestIndex = pe_tvf_best_index,
  .xDisconnect = pe_tvf_disconnect, .xOpen = rl_open, .xClose = rl_close,
  .xFilter = rl_filter, .xNext = rl_next, .xEof = rl_eof, .xColumn = rl_column,
  .xRowid = rl_rowid };

static const PeTvfArg aTextArg[] = { { "text", 1 } };

/* readinglist_line_kind(line): 'title', or why a plain-text line is note text. */
static void line_kind_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  size_t n;
  const char *z;
  PeRlWhy eWhy;
  PeRlTitle t;
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_rl_title_parts(z, n, &t);
  eWhy = pe_rl_title_reason(z + t.title.off, t.title.len);
  if( t.title.len==0 && t.url.len ) eWhy = PE_RL_WHY_LINK;
  sqlite3_result_text(ctx, pe_rl_why_name(eWhy), -1, SQLITE_STATIC);
}

static const PeFunction aFunc[] = {
  PE_SCALAR("readinglist_line_kind", 1, PE_PURE, line_kind_func,
    "readinglist_line_kind(line) -> 'title' | reason",
    "How the plain-text rules read one line: 'title', or the reason it is note text "
    "('script', 'formula', 'resumes a sentence', 'sentence', 'link', 'too short', "
    "'too long', 'author list', 'lowercase start', 'not title case', 'empty')."),
};

static const PeTable aTable[] = {
  { .zName = "readinglist_entries", .pModule = &rl_module, .iVariant = RL_ENTRIES,
    .zColumns = "position INTEGER, title TEXT, note TEXT, tags TEXT, venue TEXT,"
                " status TEXT, url TEXT, arxiv TEXT, doi TEXT, line INTEGER",
    PE_ARGS(aTextArg),
    .zSignature = "readinglist_entries(text) -> (position, title, note, tags, venue, status, url, arxiv, doi, line)",
    .zSummary = "One row per paper of a plain-text or Markdown reading list, in order; position 0 is the preface." },
  { .zName = "readinglist_diagnostics", .pModule = &rl_module, .iVariant = RL_DIAGNOSTICS,
    .zColumns = "line INTEGER, col INTEGER, severity TEXT, kind TEXT, message TEXT",
    PE_ARGS(aTextArg),
    .zSignature = "readinglist_diagnostics(text) -> (line, col, severity, kind, message)",
    .zSummary = "What the reading-list parser noticed: invalid UTF-8, headings, text outside any entry." },
};

const PeUnit pe_unit_readinglist = {
  .zName = "readinglist", PE_FUNCTIONS(aFunc), PE_TABLES(aTable),
};
