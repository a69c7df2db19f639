/*
** csljson_sql.c: CSL-JSON in and out, from SQL.
**
**   SELECT id, type, title, author, issued, year, venue, doi
**     FROM csljson_entries(readfile('refs.json'));
**   -- one row per item of the array (or the one item), in order; columns:
**   --   id, type (CSL: article-journal, paper-conference, ...), title,
**   --   author, editor (BibTeX name lists 'family, given and ...'), issued
**   --   ('2020-06-12'), year, venue (container-title, else event-title,
**   --   event, collection-title), volume, issue, page, doi, arxiv, url,
**   --   keywords (JSON array), abstract, note, fields (the item, as written),
**   --   line, col, offset (where the item starts)
**   SELECT line, col, severity, kind, id, message FROM csljson_diagnostics(readfile('refs.json'));
**   SELECT csljson_array(csljson_item(json_object('id', key, 'type', type, 'title', title,
**            'author', authors, 'issued', year, 'container-title', venue, 'DOI', doi)))
**     FROM papers;                 -- a CSL-JSON file that pandoc --citeproc reads
**
** The rules of each column are in cslfields.h, those of csljson_item in cslwrite.h.
*/
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "cslread.h"
#include "cslfields.h"
#include "cslwrite.h"

typedef struct CslCursor {
  sqlite3_vtab_cursor base;
  char *zInput; size_t nInput;
  CslReader *pReader;
  const CslEntry *pEntry;
  int iDiag;
  sqlite3_int64 iRowid;
  PeBuf buf;
} CslCursor;

static int csl_open_cursor(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  CslCursor *p = sqlite3_malloc(sizeof(*p));
  (void)pVtab;
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  pe_buf_init(&p->buf);
  *ppCur = &p->base;
  return SQLITE_OK;
}

static void csl_cursor_reset(CslCursor *p){
  csl_close(p->pReader);
  p->pReader = 0;
  pe_free(p->zInput);
  p->zInput = 0;
  p->pEntry = 0;
}

static int csl_close_cursor(sqlite3_vtab_cursor *cur){
  CslCursor *p = (CslCursor*)cur;
  csl_cursor_reset(p);
  pe_buf_free(&p->buf);
  sqlite3_free(p);
  return SQLITE_OK;
}

static int csl_eof(sqlite3_vtab_cursor *cur){ return ((CslCursor*)cur)->pEntry==0; }

static int csl_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((CslCursor*)cur)->iRowid;
  return SQLITE_OK;
}

static int advance(CslCursor *p, int bItems){
  for(;;){
    if( csl_next(p->pReader, &p->pEntry)!=PE_OK ){ p->pEntry = 0; return SQLITE_NOMEM; }
    if( p->pEntry==0 ) return SQLITE_OK;
    if( bItems ? p->pEntry->bItem : p->pEntry->nDiag>0 ) return SQLITE_OK;
  }
}

static int start(CslCursor *p, int idxNum, int argc, sqlite3_value **argv, int bItems){
  sqlite3_value *apArg[1];
  const char *z;
  size_t n;
  int rc;
  csl_cursor_reset(p);
  if( (rc = pe_tvf_args(&p->base, idxNum, argc, argv, apArg))!=SQLITE_OK ) return rc;
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL ) return SQLITE_OK;
  if( sqlite3_value_type(apArg[0])==SQLITE_BLOB ){
    z = (const char*)sqlite3_value_blob(apArg[0]);
    n = (size_t)sqlite3_value_bytes(apArg[0]);
    if( z==0 && n ) return SQLITE_NOMEM;
    if( z==0 ) z = "";
  }else{
    z = (const char*)sqlite3_value_text(apArg[0]);
    if( z==0 ) return SQLITE_NOMEM;
    n = (size_t)sqlite3_value_bytes(apArg[0]);
  }
  p->zInput = pe_malloc(n+1);
  if( p->zInput==0 ) return SQLITE_NOMEM;
  memcpy(p->zInput, z, n);
  p->zInput[n] = 0;
  p->nInput = n;
  p->pReader = csl_open(p->zInput, p->nInput);
  if( p->pReader==0 ) return SQLITE_NOMEM;
  p->iRowid = 1;
  p->iDiag = 0;
  return advance(p, bItems);
}

/* ------------------------------------------------------ csljson_entries */

enum { C_ID, C_TYPE, C_TITLE, C_AUTHOR, C_EDITOR, C_ISSUED, C_YEAR, C_VENUE, C_VOLUME, C_ISSUE,
       C_PAGE, C_DOI, C_ARXIV, C_URL, C_KEYWORDS, C_ABSTRACT, C_NOTE, C_FIELDS, C_LINE, C_COL,
       C_OFFSET };

static int entries_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                          int argc, sqlite3_value **argv){
  (void)idxStr;
  return start((CslCursor*)cur, idxNum, argc, argv, 1);
}

static int entries_next(sqlite3_vtab_cursor *cur){
  CslCursor *p = (CslCursor*)cur;
  p->iRowid++;
  return advance(p, 1);
}

static int entries_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  CslCursor *p = (CslCursor*)cur;
  const CslEntry *e = p->pEntry;
  const PeJson *j = e->pJson;
  PeBuf *b = &p->buf;
  int rc = 0, bJson = 0;
  long year;
  pe_buf_reset(b);
  switch( i ){
    case C_ID:       rc = csl_string(j, "id", b); break;
    case C_TYPE:     rc = csl_string(j, "type", b); break;
    case C_TITLE:    rc = csl_string(j, "title", b); break;
    case C_AUTHOR:   rc = csl_names(j, "author", b); break;
    case C_EDITOR:   rc = csl_names(j, "editor", b); break;
    case C_ISSUED:   rc = csl_date(j, "issued", b); break;
    case C_YEAR:
      if( csl_year(j, "issued", &year) ) sqlite3_result_int64(ctx, year);
      return SQLITE_OK;
    case C_VENUE:    rc = csl_venue(j, b); break;
    case C_VOLUME:   rc = csl_string(j, "volume", b); break;
    case C_ISSUE:    rc = csl_string(j, "issue", b); break;
    case C_PAGE:     rc = csl_string(j, "page", b); break;
    case C_DOI:      rc = csl_doi(j, b); break;
    case C_ARXIV:    rc = csl_arxiv(j, b); break;
    case C_URL:      rc = csl_string(j, "URL", b); break;
    case C_KEYWORDS: rc = csl_keywords(j, b); bJson = 1; break;
    case C_ABSTRACT: rc = csl_string(j, "abstract", b); break;
    case C_NOTE:     rc = csl_string(j, "note", b); break;
    case C_FIELDS:
      sqlite3_result_text64(ctx, p->zInput+e->iStart, e->iEnd-e->iStart, SQLITE_TRANSIENT, SQLITE_UTF8);
      sqlite3_result_subtype(ctx, 'J');
      return SQLITE_OK;
    case C_LINE:     sqlite3_result_int(ctx, e->line); return SQLITE_OK;
    case C_COL:      sqlite3_result_int(ctx, e->col); return SQLITE_OK;
    case C_OFFSET:   sqlite3_result_int64(ctx, (sqlite3_int64)e->iStart); return SQLITE_OK;
    default: return SQLITE_OK;
  }
  if( rc<0 || b->oom ){ sqlite3_result_error_nomem(ctx); return SQLITE_OK; }
  if( rc==0 ) return SQLITE_OK;
  sqlite3_result_text64(ctx, b->z ? b->z : "", b->n, SQLITE_TRANSIENT, SQLITE_UTF8);
  if( bJson ) sqlite3_result_subtype(ctx, 'J');
  return SQLITE_OK;
}

static const sqlite3_module entries_module = {
  .xConnect = pe_tvf_connect, .xBestIndex = pe_tvf_best_index, .xDisconnect = pe_tvf_disconnect,
  .xOpen = csl_open_cursor, .xClose = csl_close_cursor, .xFilter = entries_filter,
  .xNext = entries_next, .xEof = csl_eof, .xColumn = entries_column, .xRowid = csl_rowid,
};

/* -------------------------------------------------- csljson_diagnostics */

enum { D_LINE, D_COL, D_SEVERITY, D_KIND, D_ID, D_MESSAGE };

static int diags_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                        int argc, sqlite3_value **argv){
  (void)idxStr;
  return start((CslCursor*)cur, idxNum, argc, argv, 0);
}

static int diags_next(sqlite3_vtab_cursor *cur){
  CslCursor *p = (CslCursor*)cur;
  p->iRowid++;
  if( ++p->iDiag < p->pEntry->nDiag ) return SQLITE_OK;
  p->iDiag = 0;
  return advance(p, 0);
}

static int diags_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  CslCursor *p = (CslCursor*)cur;
  const CslDiag *d = &p->pEntry->aDiag[p->iDiag];
  switch( i ){
    case D_LINE: sqlite3_result_int(ctx, d->line); break;
    case D_COL:  sqlite3_result_int(ctx, d->col); break;
    case D_SEVERITY: sqlite3_result_text(ctx, d->bError ? "error" : "warning", -1, SQLITE_STATIC); break;
    case D_KIND: sqlite3_result_text(ctx, d->zKind, -1, SQLITE_STATIC); break;
    case D_ID:
      if( p->pEntry->bItem && d->bInItem ){
        int rc;
        pe_buf_reset(&p->buf);
        rc = csl_string(p->pEntry->pJson, "id", &p->buf);
        if( rc<0 ){ sqlite3_result_error_nomem(ctx); break; }
        if( rc ) sqlite3_result_text64(ctx, p->buf.z, p->buf.n, SQLITE_TRANSIENT, SQLITE_UTF8);
      }
      break;
    case D_MESSAGE: sqlite3_result_text(ctx, d->zMsg, -1, SQLITE_TRANSIENT); break;
    default: break;
  }
  return SQLITE_OK;
}

static const sqlite3_module diags_module = {
  .xConnect = pe_tvf_connect, .xBestIndex = pe_tvf_best_index, .xDisconnect = pe_tvf_disconnect,
  .xOpen = csl_open_cursor, .xClose = csl_close_cursor, .xFilter = diags_filter,
  .xNext = diags_next, .xEof = csl_eof, .xColumn = diags_column, .xRowid = csl_rowid,
};

/* ------------------------------------------------------------ export */

static void item_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n;
  PeBuf out, err;
  int rc;
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&out);
  pe_buf_init(&err);
  rc = csl_item(&out, &err, z, n);
  if( rc!=PE_OK ){
    pe_result_status(ctx, rc, err.z);
    pe_buf_free(&out);
    pe_buf_free(&err);
    return;
  }
  pe_buf_free(&err);
  if( out.oom ){ pe_buf_free(&out); sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text64(ctx, out.z ? out.z : "{}", out.n, SQLITE_TRANSIENT, SQLITE_UTF8);
  sqlite3_result_subtype(ctx, 'J');
  pe_buf_free(&out);
}

/* csljson_array: the items, one a line, in a JSON array. */
typedef struct ArrayAgg { PeBuf b; int n; int bError; } ArrayAgg;

static void array_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  ArrayAgg *a = sqlite3_aggregate_context(ctx, sizeof(*a));
  const char *z;
  size_t n, i = 0;
  (void)argc;
  if( a==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( a->bError || sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  while( i<n && (z[i]==' ' || z[i]=='\n' || z[i]=='\t' || z[i]=='\r') ) i++;
  if( i>=n || z[i]!='{' ){
    a->bError = 1;
    sqlite3_result_error(ctx, "csljson_array: an item must be a JSON object (csljson_item() makes one)", -1);
    return;
  }
  pe_buf_append(&a->b, a->n++ ? ",\n  " : "[\n  ", 4);
  pe_buf_append(&a->b, z+i, n-i);
}

static void array_final(sqlite3_context *ctx){
  ArrayAgg *a = sqlite3_aggregate_context(ctx, 0);
  if( a && a->bError ){
    pe_buf_free(&a->b);
    sqlite3_result_error(ctx, "csljson_array: an item must be a JSON object (csljson_item() makes one)", -1);
    return;
  }
  if( a==0 || a->n==0 ){
    if( a ) pe_buf_free(&a->b);
    sqlite3_result_text(ctx, "[]\n", -1, SQLITE_STATIC);
    return;
  }
  pe_buf_append(&a->b, "\n]\n", 3);
  if( a->b.oom ){ pe_buf_free(&a->b); sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text64(ctx, a->b.z, a->b.n, SQLITE_TRANSIENT, SQLITE_UTF8);
  pe_buf_free(&a->b);
}

static const PeFunction aFunc[] = {
  PE_SCALAR("csljson_item", 1, PE_PURE, item_func,
    "csljson_item(fields_json) -> json",
    "One paper as a CSL-JSON item: id and type first, BibTeX/Zotero/RIS types and BibTeX name lists "
    "and dates made CSL, empty members left out."),
  PE_AGGREGATE("csljson_array", 1, PE_PURE, array_step, array_final,
    "csljson_array(item) -> text",
    "The items of a group as a CSL-JSON array, one item a line, that pandoc and citeproc-js read."),
};

static const PeTvfArg aTextArg[] = { { "text", 1 } };

static const PeTable aTable[] = {
  { .zName = "csljson_entries", .pModule = &entries_module,
    .zColumns = "id TEXT, type TEXT, title TEXT, author TEXT, editor TEXT, issued TEXT, year INTEGER,"
                " venue TEXT, volume TEXT, issue TEXT, page TEXT, doi TEXT, arxiv TEXT, url TEXT,"
                " keywords TEXT, abstract TEXT, note TEXT, fields TEXT, line INTEGER, col INTEGER,"
                " offset INTEGER",
    PE_ARGS(aTextArg),
    .zSignature = "csljson_entries(text) -> (id, type, title, author, editor, issued, year, venue, volume, "
      "issue, page, doi, arxiv, url, keywords, abstract, note, fields, line, col, offset)",
    .zSummary = "One row per item of a CSL-JSON text (an array of items, or one item), streamed; every "
      "variable kept in fields." },
  { .zName = "csljson_diagnostics", .pModule = &diags_module,
    .zColumns = "line INTEGER, col INTEGER, severity TEXT, kind TEXT, id TEXT, message TEXT",
    PE_ARGS(aTextArg),
    .zSignature = "csljson_diagnostics(text) -> (line, col, severity, kind, id, message)",
    .zSummary = "Every problem found while reading a CSL-JSON text: JSON syntax, elements that are not "
      "items, items without id or type, malformed names and dates." },
};

const PeUnit pe_unit_csljson = { .zName = "csljson", PE_FUNCTIONS(aFunc), PE_TABLES(aTable) };
