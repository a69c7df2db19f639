/*
** ris_sql.c: RIS in and out, from SQL.
**
**   SELECT id, type, title, author, year, venue, doi, keywords
**     FROM ris_entries(readfile('savedrecs.ris'));
**   -- one row per record (TY .. ER), in file order; columns:
**   --   id (ID), type (TY: JOUR, CONF, CHAP, ...), title, author, editor
**   --   (BibTeX name lists joined by ' and '), year, date ('2020-06-12'),
**   --   venue, volume (VL), issue (IS), pages ('SP-EP'), doi, arxiv, url,
**   --   keywords (JSON array of the KW lines), abstract, note (N1 lines),
**   --   publisher (PB), fields (JSON object of every tag: a string, or an
**   --   array for a tag given more than once), line (of TY), offset (bytes)
**   SELECT line, col, severity, kind, id, message FROM ris_diagnostics(readfile('x.ris'));
**   SELECT ris_format(type, fields) FROM ris_entries(...);    -- back to RIS
**
** The rules of each column are in risfields.h, those of the format in ris.h.
** The tables stream: a record is read when its row is asked for.
*/
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "ris.h"
#include "risfields.h"
#include "risformat.h"

typedef struct RisCursor {
  sqlite3_vtab_cursor base;
  char *zInput; size_t nInput;
  RisParser *pParser;
  const RisRecord *pRec;
  int iDiag;
  sqlite3_int64 iRowid;
  PeBuf buf;
} RisCursor;

static int ris_open_cursor(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  RisCursor *p = sqlite3_malloc(sizeof(*p));
  (void)pVtab;
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  pe_buf_init(&p->buf);
  *ppCur = &p->base;
  return SQLITE_OK;
}

static void ris_cursor_reset(RisCursor *p){
  ris_close(p->pParser);
  p->pParser = 0;
  pe_free(p->zInput);
  p->zInput = 0;
  p->pRec = 0;
  p->iRowid = 0;
}

static int ris_close_cursor(sqlite3_vtab_cursor *cur){
  RisCursor *p = (RisCursor*)cur;
  ris_cursor_reset(p);
  pe_buf_free(&p->buf);
  sqlite3_free(p);
  return SQLITE_OK;
}

static int ris_eof(sqlite3_vtab_cursor *cur){ return ((RisCursor*)cur)->pRec==0; }

static int ris_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((RisCursor*)cur)->iRowid;
  return SQLITE_OK;
}

/* The text argument, copied (a BLOB as its bytes). */
static int copy_input(sqlite3_value *v, char **pz, size_t *pn){
  const char *z;
  *pz = 0; *pn = 0;
  if( sqlite3_value_type(v)==SQLITE_NULL ) return SQLITE_OK;
  if( sqlite3_value_type(v)==SQLITE_BLOB ){
    z = (const char*)sqlite3_value_blob(v);
    *pn = (size_t)sqlite3_value_bytes(v);
    if( z==0 && *pn ) return SQLITE_NOMEM;
    if( z==0 ) z = "";
  }else{
    z = (const char*)sqlite3_value_text(v);
    if( z==0 ) return SQLITE_NOMEM;
    *pn = (size_t)sqlite3_value_bytes(v);
  }
  *pz = pe_malloc(*pn+1);
  if( *pz==0 ) return SQLITE_NOMEM;
  memcpy(*pz, z, *pn);
  (*pz)[*pn] = 0;
  return SQLITE_OK;
}

static int advance(RisCursor *p, int bRecords){
  for(;;){
    if( ris_next(p->pParser, &p->pRec)!=PE_OK ){ p->pRec = 0; return SQLITE_NOMEM; }
    if( p->pRec==0 ) return SQLITE_OK;
    if( bRecords ? p->pRec->bRecord : p->pRec->nDiag>0 ) return SQLITE_OK;
  }
}

static int start(RisCursor *p, int idxNum, int argc, sqlite3_value **argv, int bRecords){
  sqlite3_value *apArg[1];
  int rc;
  ris_cursor_reset(p);
  if( (rc = pe_tvf_args(&p->base, idxNum, argc, argv, apArg))!=SQLITE_OK ) return rc;
  rc = copy_input(apArg[0], &p->zInput, &p->nInput);
  if( rc || p->zInput==0 ) return rc;
  p->pParser = ris_open(p->zInput, p->nInput);
  if( p->pParser==0 ) return SQLITE_NOMEM;
  p->iRowid = 1;
  p->iDiag = 0;
  return advance(p, bRecords);
}

/* ---------------------------------------------------------- ris_entries */

enum { R_ID, R_TYPE, R_TITLE, R_AUTHOR, R_EDITOR, R_YEAR, R_DATE, R_VENUE, R_VOLUME, R_ISSUE,
       R_PAGES, R_DOI, R_ARXIV, R_URL, R_KEYWORDS, R_ABSTRACT, R_NOTE, R_PUBLISHER, R_FIELDS,
       R_LINE, R_OFFSET };

static int entries_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                          int argc, sqlite3_value **argv){
  (void)idxStr;
  return start((RisCursor*)cur, idxNum, argc, argv, 1);
}

static int entries_next(sqlite3_vtab_cursor *cur){
  RisCursor *p = (RisCursor*)cur;
  p->iRowid++;
  return advance(p, 1);
}

static int entries_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  RisCursor *p = (RisCursor*)cur;
  const RisRecord *r = p->pRec;
  PeBuf *b = &p->buf;
  int rc = 0, bJson = 0;
  long year;
  pe_buf_reset(b);
  switch( i ){
    case R_ID:       rc = ris_value(r, "ID", 0, b); break;
    case R_TYPE:
      if( r->nType ) sqlite3_result_text64(ctx, r->zText+r->iType, r->nType, SQLITE_TRANSIENT, SQLITE_UTF8);
      return SQLITE_OK;
    case R_TITLE:    rc = ris_title(r, b); break;
    case R_AUTHOR:   rc = ris_names(r, 0, b); break;
    case R_EDITOR:   rc = ris_names(r, 1, b); break;
    case R_YEAR:
      if( ris_year(r, &year) ) sqlite3_result_int64(ctx, year);
      return SQLITE_OK;
    case R_DATE:     rc = ris_date(r, b); break;
    case R_VENUE:    rc = ris_venue(r, b); break;
    case R_VOLUME:   rc = ris_value(r, "VL", 0, b); break;
    case R_ISSUE:    rc = ris_value(r, "IS", "CP", b); break;
    case R_PAGES:    rc = ris_pages(r, b); break;
    case R_DOI:      rc = ris_doi(r, b); break;
    case R_ARXIV:    rc = ris_arxiv(r, b); break;
    case R_URL:      rc = ris_url(r, b); break;
    case R_KEYWORDS: rc = ris_list_json(r, "KW", b); bJson = 1; break;
    case R_ABSTRACT: rc = ris_value(r, "AB", "N2", b); break;
    case R_NOTE:     rc = ris_joined(r, "N1", "\n\n", b); break;
    case R_PUBLISHER: rc = ris_value(r, "PB", 0, b); break;
    case R_FIELDS:   rc = ris_fields_json(r, b); bJson = 1; break;
    case R_LINE:     sqlite3_result_int(ctx, r->line); return SQLITE_OK;
    case R_OFFSET:   sqlite3_result_int64(ctx, (sqlite3_int64)r->offset); return SQLITE_OK;
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
  .xOpen = ris_open_cursor, .xClose = ris_close_cursor, .xFilter = entries_filter,
  .xNext = entries_next, .xEof = ris_eof, .xColumn = entries_column, .xRowid = ris_rowid,
};

/* ------------------------------------------------------ ris_diagnostics */

enum { D_LINE, D_COL, D_SEVERITY, D_KIND, D_ID, D_MESSAGE };

static int diags_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                        int argc, sqlite3_value **argv){
  (void)idxStr;
  return start((RisCursor*)cur, idxNum, argc, argv, 0);
}

static int diags_next(sqlite3_vtab_cursor *cur){
  RisCursor *p = (RisCursor*)cur;
  p->iRowid++;
  if( ++p->iDiag < p->pRec->nDiag ) return SQLITE_OK;
  p->iDiag = 0;
  return advance(p, 0);
}

static int diags_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  RisCursor *p = (RisCursor*)cur;
  const RisDiag *d = &p->pRec->aDiag[p->iDiag];
  switch( i ){
    case D_LINE: sqlite3_result_int(ctx, d->line); break;
    case D_COL:  sqlite3_result_int(ctx, d->col); break;
    case D_SEVERITY: sqlite3_result_text(ctx, d->bError ? "error" : "warning", -1, SQLITE_STATIC); break;
    case D_KIND: sqlite3_result_text(ctx, d->zKind, -1, SQLITE_STATIC); break;
    case D_ID:
      if( p->pRec->bRecord && d->bInRecord ){
        PeBuf *b = &p->buf;
        int rc;
        pe_buf_reset(b);
        rc = ris_value(p->pRec, "ID", 0, b);
        if( rc<0 ){ sqlite3_result_error_nomem(ctx); break; }
        if( rc ) sqlite3_result_text64(ctx, b->z, b->n, SQLITE_TRANSIENT, SQLITE_UTF8);
      }
      break;
    case D_MESSAGE: sqlite3_result_text(ctx, d->zMsg, -1, SQLITE_TRANSIENT); break;
    default: break;
  }
  return SQLITE_OK;
}

static const sqlite3_module diags_module = {
  .xConnect = pe_tvf_connect, .xBestIndex = pe_tvf_best_index, .xDisconnect = pe_tvf_disconnect,
  .xOpen = ris_open_cursor, .xClose = ris_close_cursor, .xFilter = diags_filter,
  .xNext = diags_next, .xEof = ris_eof, .xColumn = diags_column, .xRowid = ris_rowid,
};

/* ---------------------------------------------------------- ris_format */

static void format_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *zType, *zJson;
  size_t nType, nJson;
  PeBuf out, err;
  int rc;
  if( pe_any_null(argc, argv) ) return;
  zType = pe_value_text(argv[0], &nType);
  zJson = pe_value_text(argv[1], &nJson);
  if( zType==0 || zJson==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&out);
  pe_buf_init(&err);
  rc = ris_format(&out, &err, zType, nType, zJson, nJson);
  if( rc!=PE_OK ){
    pe_result_status(ctx, rc, err.z);
    pe_buf_free(&out);
    pe_buf_free(&err);
    return;
  }
  pe_buf_free(&err);
  pe_result_buf(ctx, PE_OK, &out);
}

static const PeFunction aFunc[] = {
  PE_SCALAR("ris_format", 2, PE_PURE, format_func,
    "ris_format(type, fields_json) -> text",
    "One record as RIS text (TY first, a line per value, ER last, CR LF); ris_entries() reads "
    "back the same type and fields."),
};

static const PeTvfArg aTextArg[] = { { "text", 1 } };

static const PeTable aTable[] = {
  { .zName = "ris_entries", .pModule = &entries_module,
    .zColumns = "id TEXT, type TEXT, title TEXT, author TEXT, editor TEXT, year INTEGER, date TEXT,"
                " venue TEXT, volume TEXT, issue TEXT, pages TEXT, doi TEXT, arxiv TEXT, url TEXT,"
                " keywords TEXT, abstract TEXT, note TEXT, publisher TEXT, fields TEXT, line INTEGER,"
                " offset INTEGER",
    PE_ARGS(aTextArg),
    .zSignature = "ris_entries(text) -> (id, type, title, author, editor, year, date, venue, volume, "
      "issue, pages, doi, arxiv, url, keywords, abstract, note, publisher, fields, line, offset)",
    .zSummary = "One row per RIS record (TY .. ER) of the text, as IEEE Xplore, ACM, Springer, "
      "ScienceDirect, Scopus, Zotero and EndNote write them; every tag kept." },
  { .zName = "ris_diagnostics", .pModule = &diags_module,
    .zColumns = "line INTEGER, col INTEGER, severity TEXT, kind TEXT, id TEXT, message TEXT",
    PE_ARGS(aTextArg),
    .zSignature = "ris_diagnostics(text) -> (line, col, severity, kind, id, message)",
    .zSummary = "Every problem found while reading a RIS text: tags outside records, records not "
      "closed, bytes that are not UTF-8." },
};

const PeUnit pe_unit_ris = { .zName = "ris", PE_FUNCTIONS(aFunc), PE_TABLES(aTable) };
