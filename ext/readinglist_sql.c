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
** and README.md.
*/
#include <string.h>
#include "paperext.h"
#include "pe_mem.h"
#include "strbuf.h"
#include "readinglist.h"
#include "readinglist_line.h"

enum { RL_ENTRIES, RL_DIAGNOSTICS };

enum { E_POSITION, E_TITLE, E_NOTE, E_TAGS, E_VENUE, E_STATUS, E_URL, E_ARXIV,
       E_DOI, E_LINE, E_TEXT };
enum { D_LINE, D_COL, D_SEVERITY, D_KIND, D_MESSAGE, D_TEXT };

typedef struct RlVtab { sqlite3_vtab base; int kind; } RlVtab;

typedef struct RlCursor {
  sqlite3_vtab_cursor base;
  char *zText;            /* our copy of the text */
  PeRl *pParser;
  sqlite3_int64 iRowid;
  int eof;
} RlCursor;

static int rl_connect_kind(sqlite3 *db, sqlite3_vtab **ppVtab, int kind){
  RlVtab *pNew;
  int rc = sqlite3_declare_vtab(db, kind==RL_ENTRIES
      ? "CREATE TABLE x(position INTEGER, title TEXT, note TEXT, tags TEXT, venue TEXT,"
        " status TEXT, url TEXT, arxiv TEXT, doi TEXT, line INTEGER, text HIDDEN)"
      : "CREATE TABLE x(line INTEGER, col INTEGER, severity TEXT, kind TEXT,"
        " message TEXT, text HIDDEN)");
  if( rc!=SQLITE_OK ) return rc;
  pNew = sqlite3_malloc(sizeof(*pNew));
  if( pNew==0 ) return SQLITE_NOMEM;
  memset(pNew, 0, sizeof(*pNew));
  pNew->kind = kind;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = &pNew->base;
  return SQLITE_OK;
}

static int rl_entries_connect(sqlite3 *db, void *pAux, int argc, const char *const*argv,
                              sqlite3_vtab **ppVtab, char **pzErr){
  return rl_connect_kind(db, ppVtab, RL_ENTRIES);
}

static int rl_diag_connect(sqlite3 *db, void *pAux, int argc, const char *const*argv,
                           sqlite3_vtab **ppVtab, char **pzErr){
  return rl_connect_kind(db, ppVtab, RL_DIAGNOSTICS);
}

static int rl_disconnect(sqlite3_vtab *pVtab){ sqlite3_free(pVtab); return SQLITE_OK; }

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
  int want = ((RlVtab*)cur->pVtab)->kind==RL_ENTRIES ? PE_RL_ENTRY : PE_RL_DIAG;
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
  const char *z;
  size_t n;
  rl_reset(pCur);
  pCur->iRowid = 0;
  pCur->eof = 1;
  if( idxNum==0 || argc<1 ){
    return pe_vtab_error(cur->pVtab, "%s: the text argument is required",
                         ((RlVtab*)cur->pVtab)->kind==RL_ENTRIES
                         ? "readinglist_entries(text)" : "readinglist_diagnostics(text)");
  }
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return SQLITE_OK;
  if( sqlite3_value_type(argv[0])==SQLITE_BLOB ){
    z = sqlite3_value_blob(argv[0]);
    n = (size_t)sqlite3_value_bytes(argv[0]);
  }else{
    z = pe_value_text(argv[0], &n);
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
  if( ((RlVtab*)cur->pVtab)->kind==RL_ENTRIES ){
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

/* The hidden column 'text' must be given: idxNum 1 when it is. */
static int rl_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  int textCol = ((RlVtab*)pVtab)->kind==RL_ENTRIES ? E_TEXT : D_TEXT;
  int i;
  pInfo->idxNum = 0;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    if( c->iColumn!=textCol || c->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( !c->usable ) return SQLITE_CONSTRAINT;
    pInfo->aConstraintUsage[i].argvIndex = 1;
    pInfo->aConstraintUsage[i].omit = 1;
    pInfo->idxNum = 1;
  }
  pInfo->estimatedCost = pInfo->idxNum ? 1000 : 1e12;
  pInfo->estimatedRows = 1000;
  return SQLITE_OK;
}

/* name is a declarator, so it cannot be parenthesized */
#define RL_MODULE(name, connect) static const sqlite3_module name = { \
  .iVersion = 0, .xCreate = 0, .xConnect = (connect), .xBestIndex = rl_best_index, \
  .xDisconnect = rl_disconnect, .xOpen = rl_open, .xClose = rl_close, \
  .xFilter = rl_filter, .xNext = rl_next, .xEof = rl_eof, .xColumn = rl_column, \
  .xRowid = rl_rowid }
RL_MODULE(rl_entries_module, rl_entries_connect);
RL_MODULE(rl_diagnostics_module, rl_diag_connect);

/* readinglist_line_kind(line): 'title', or why a plain-text line is note text. */
static void line_kind_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  size_t n;
  const char *z, *zWhy;
  PeRlTitle t;
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_rl_title_parts(z, n, &t);
  zWhy = pe_rl_title_reason(z + t.title.off, t.title.len);
  if( t.title.len==0 && t.url.len ) zWhy = "link";
  sqlite3_result_text(ctx, zWhy ? zWhy : "title", -1, SQLITE_STATIC);
}

static const PeFunction aFunc[] = {
  { "readinglist_line_kind", 1, PE_PURE, line_kind_func, 0, 0,
    "readinglist_line_kind(line) -> 'title' | reason",
    "How the plain-text rules read one line: 'title', or the reason it is note text "
    "('script', 'formula', 'resumes a sentence', 'sentence', 'link', 'too short', "
    "'too long', 'author list', 'lowercase start', 'not title case', 'empty')." },
};

static const PeTable aTable[] = {
  { "readinglist_entries", &rl_entries_module,
    "readinglist_entries(text) -> (position, title, note, tags, venue, status, url, arxiv, doi, line)",
    "One row per paper of a plain-text or Markdown reading list, in order; position 0 is the preface." },
  { "readinglist_diagnostics", &rl_diagnostics_module,
    "readinglist_diagnostics(text) -> (line, col, severity, kind, message)",
    "What the reading-list parser noticed: invalid UTF-8, headings, text outside any entry." },
};

const PeUnit pe_unit_readinglist = {
  "readinglist", aFunc, 1, aTable, 2, 0, 0, 0, 0, 0
};
