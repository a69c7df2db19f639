/*
** bibtex_sql.c: BibTeX in and out, from SQL.
**
**   SELECT key, type, title, year, venue
**     FROM bibtex_entries(readfile('refs.bib'));
**   -- one row per entry, in file order; columns:
**   --   key, type (lowercase), title (LaTeX decoded), author, editor (as
**   --   written: split them with bibtex_names), year (integer when a
**   --   number), venue (booktitle, journal, eventtitle or journaltitle,
**   --   LaTeX decoded), doi, arxiv, url, fields (JSON object of every field,
**   --   in source order, values as written), inherited (JSON object of the
**   --   fields a crossref parent supplies), line, raw (the source text),
**   --   error (NULL, or why the entry could not be parsed).
**   --   editor, year and venue fall back to the crossref parent's; year
**   --   to the year of a biblatex date (2021-03) when there is no year.
**   SELECT * FROM bibtex_entries(readfile('old.bib'), 'latin1');
**   -- the text is Latin-1 (default 'utf8': bytes that are not UTF-8 are
**   -- read as Latin-1 characters, with an 'encoding' warning)
**
**   SELECT line, col, severity, kind, key, message
**     FROM bibtex_diagnostics(readfile('refs.bib'));
**   -- every problem: syntax errors (the entry is skipped from there to the
**   -- next '@'), duplicate_key, duplicate_field, undefined_macro,
**   -- missing_crossref, runaway_value, empty_key, encoding
**
**   SELECT position, first, von, last, jr, display, literal, others
**     FROM bibtex_names('van der Berg, Jr, Jan and {World Health Organization} and others');
**
**   SELECT bibtex_format(type, key, fields) FROM bibtex_entries(...);
**   SELECT cite_key('Vaswani, Ashish and others', 2017, 'Attention Is All You Need');
**   -- 'vaswani2017attention'
**
** The tables stream: each row is parsed when it is asked for, so memory
** stays bounded whatever the size of the input (which is copied once).
*/
#include <stdint.h>
#include <stdio.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "bibformat.h"
#include "bibids.h"
#include "bibnames.h"
#include "bibprotect.h"
#include "bibscan.h"
#include "bibtex.h"
#include "citekey.h"
#include "latex/latex.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

/* ------------------------------------------------------ shared vtab code */

/* The tables' own idxNum bits, above the argument bits of pe_tvf_best_index:
** which work the columns read make unnecessary. */
#define BIB_IDX_NO_INHERIT 0x100   /* no column needs crossref resolution */
#define BIB_IDX_NO_VALUES  0x200   /* no column needs the field values */
#define BIB_IDX_NO_LINES   0x400   /* the line is not read */
#define BIB_IDX_NO_RAW     0x800   /* the raw text is not read */

/* The arguments: text, and for entries/diagnostics an encoding. */
enum { ARG_TEXT, ARG_ENCODING };

/* A large buffer about to be written whole: have the kernel map its pages
** in one call (Linux 5.14+; a hint, ignored elsewhere) rather than take
** one page fault per 4 KiB, which costs a third of count(*) on 50 MB. */
static void prefault(void *p, size_t n){
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  uintptr_t a = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
  uintptr_t e = ((uintptr_t)p + n) & ~(uintptr_t)4095;
  if( n>=((size_t)1<<20) && e>a ) (void)madvise((void*)a, e-a, MADV_POPULATE_WRITE);
#else
  (void)p; (void)n;
#endif
}

/* The input text of a table's first argument, copied: SQLite's value is
** only documented to be ours during xFilter, and the cursor reads it until
** it closes.  A BLOB (what readfile() returns) is read as its bytes: asking
** for its text would make SQLite copy it once more (to add a terminator)
** before we copy it.  *pz==0 for NULL. */
static int bib_copy_input(sqlite3_value *v, char **pz, size_t *pn){
  const char *z;
  int eType = sqlite3_value_type(v);
  *pz = 0; *pn = 0;
  if( eType==SQLITE_NULL ) return SQLITE_OK;
  if( eType==SQLITE_BLOB ){
    z = (const char*)sqlite3_value_blob(v);
    *pn = (size_t)sqlite3_value_bytes(v);
    if( z==0 && *pn>0 ) return SQLITE_NOMEM;
    if( z==0 ) z = "";          /* a zero-length BLOB */
  }else{
    z = (const char*)sqlite3_value_text(v);
    if( z==0 ) return SQLITE_NOMEM;
    *pn = (size_t)sqlite3_value_bytes(v);
  }
  *pz = pe_malloc(*pn+1);
  if( *pz==0 ) return SQLITE_NOMEM;
  prefault(*pz, *pn);
  memcpy(*pz, z, *pn);
  (*pz)[*pn] = 0;
  return SQLITE_OK;
}

/* The encoding argument: 'utf8' (default) or 'latin1'. */
static int bib_encoding_flag(sqlite3_vtab *pVtab, sqlite3_value *v, unsigned *pFlags){
  const char *z = (const char*)sqlite3_value_text(v);
  if( z==0 || sqlite3_stricmp(z, "utf8")==0 || sqlite3_stricmp(z, "utf-8")==0 ) return SQLITE_OK;
  if( sqlite3_stricmp(z, "latin1")==0 || sqlite3_stricmp(z, "latin-1")==0
   || sqlite3_stricmp(z, "iso-8859-1")==0 ){
    *pFlags |= BIB_LATIN1;
    return SQLITE_OK;
  }
  return pe_vtab_error(pVtab, "unknown encoding '%s' (use 'utf8' or 'latin1')", z);
}

static void result_text(sqlite3_context *ctx, BibText t){
  if( t.z ) sqlite3_result_text64(ctx, t.z, t.n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

static void result_buf(sqlite3_context *ctx, PeBuf *b){
  if( b->oom ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text64(ctx, b->z ? b->z : "", b->n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

/* A cursor over the items of a text, shared by entries and diagnostics. */
typedef struct BibCursor {
  sqlite3_vtab_cursor base;
  char *zInput; size_t nInput;
  BibParser *pParser;
  const BibEntry *pEntry;      /* the current item, NULL at the end */
  int iDiag;                   /* diagnostics: the current one in pEntry */
  sqlite3_int64 iRowid;
  PeBuf buf;                   /* scratch for a column value */
} BibCursor;

static int bib_open_cursor(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  BibCursor *p = sqlite3_malloc(sizeof(*p));
  (void)pVtab;
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  pe_buf_init(&p->buf);
  *ppCur = &p->base;
  return SQLITE_OK;
}

static void bib_cursor_reset(BibCursor *p){
  bib_close(p->pParser);
  p->pParser = 0;
  pe_free(p->zInput);
  p->zInput = 0;
  p->pEntry = 0;
  p->iRowid = 0;
}

static int bib_close_cursor(sqlite3_vtab_cursor *cur){
  BibCursor *p = (BibCursor*)cur;
  bib_cursor_reset(p);
  pe_buf_free(&p->buf);
  sqlite3_free(p);
  return SQLITE_OK;
}

static int bib_eof(sqlite3_vtab_cursor *cur){ return ((BibCursor*)cur)->pEntry==0; }

static int bib_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((BibCursor*)cur)->iRowid;
  return SQLITE_OK;
}

/* Advance to the next item for which xWanted() holds. */
static int bib_advance(BibCursor *p, int (*xWanted)(const BibEntry*)){
  for(;;){
    int rc = bib_next(p->pParser, &p->pEntry);
    if( rc!=PE_OK ){ p->pEntry = 0; return SQLITE_NOMEM; }
    if( p->pEntry==0 || xWanted(p->pEntry) ) return SQLITE_OK;
  }
}

/* Start parsing argv[0] (with flags); SQLITE_OK with an empty cursor for NULL. */
static int bib_start(BibCursor *p, int idxNum, int argc, sqlite3_value **argv,
                     unsigned flags){
  sqlite3_value *apArg[2];
  int rc;
  bib_cursor_reset(p);
  if( (rc = pe_tvf_args(&p->base, idxNum, argc, argv, apArg))!=SQLITE_OK ) return rc;   /* the input is required */
  if( apArg[ARG_ENCODING] ){
    rc = bib_encoding_flag(p->base.pVtab, apArg[ARG_ENCODING], &flags);
    if( rc ) return rc;
  }
  if( idxNum & BIB_IDX_NO_INHERIT ) flags |= BIB_NO_INHERIT;
  if( idxNum & BIB_IDX_NO_VALUES ) flags |= BIB_NO_VALUES;
  if( idxNum & BIB_IDX_NO_LINES ) flags |= BIB_NO_LINES;
  if( idxNum & BIB_IDX_NO_RAW ) flags |= BIB_NO_RAW;
  rc = bib_copy_input(apArg[ARG_TEXT], &p->zInput, &p->nInput);
  if( rc || p->zInput==0 ) return rc;
  p->pParser = bib_open(p->zInput, p->nInput, flags);
  return p->pParser ? SQLITE_OK : SQLITE_NOMEM;
}

/* ------------------------------------------------------- bibtex_entries */

enum {
  E_KEY, E_TYPE, E_TITLE, E_AUTHOR, E_EDITOR, E_YEAR, E_VENUE, E_DOI, E_ARXIV,
  E_URL, E_FIELDS, E_INHERITED, E_LINE, E_RAW, E_ERROR, E_TEXT, E_ENCODING
};

static int entries_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  sqlite3_uint64 mInherit = (1<<E_EDITOR)|(1<<E_YEAR)|(1<<E_VENUE)|(1<<E_INHERITED);
  /* key, type, line, raw and error need no field values (count(*) neither) */
  sqlite3_uint64 mValues = ~(sqlite3_uint64)((1<<E_KEY)|(1<<E_TYPE)|(1<<E_LINE)|(1<<E_RAW)
                                            |(1<<E_ERROR)|(1<<E_TEXT)|(1<<E_ENCODING));
  int rc = pe_tvf_best_index(pVtab, pInfo);
  if( rc!=SQLITE_OK ) return rc;
  if( (pInfo->colUsed & mInherit)==0 ) pInfo->idxNum |= BIB_IDX_NO_INHERIT;
  if( (pInfo->colUsed & mValues)==0 ) pInfo->idxNum |= BIB_IDX_NO_VALUES;
  if( (pInfo->colUsed & ((sqlite3_uint64)1<<E_LINE))==0 ) pInfo->idxNum |= BIB_IDX_NO_LINES;
  if( (pInfo->colUsed & ((sqlite3_uint64)1<<E_RAW))==0 ) pInfo->idxNum |= BIB_IDX_NO_RAW;
  return SQLITE_OK;
}

static int is_entry(const BibEntry *e){ return e->eKind==BIB_ENTRY; }

static int entries_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                          int argc, sqlite3_value **argv){
  BibCursor *p = (BibCursor*)cur;
  int rc = bib_start(p, idxNum, argc, argv, BIB_NO_DIAGS);   /* they are not columns here */
  (void)idxStr;
  if( rc || p->pParser==0 ) return rc;
  p->iRowid = 1;
  return bib_advance(p, is_entry);
}

static int entries_next(sqlite3_vtab_cursor *cur){
  BibCursor *p = (BibCursor*)cur;
  p->iRowid++;
  return bib_advance(p, is_entry);
}

/* pe_buf_reserve(), with the common case (room enough) inline. */
static inline int buf_room(PeBuf *b, size_t extra){
  return (b->z && !b->oom && b->n+extra < b->cap) ? PE_OK : pe_buf_reserve(b, extra);
}

/* A JSON string: plain stretches copied whole, the rest escaped.  Room
** is reserved ahead: 2 bytes per input byte, more for a control character. */
static void json_string(PeBuf *b, BibText t){
  size_t i = 0;
  char *w;
  if( buf_room(b, 2*t.n + 2) ) return;
  w = b->z + b->n;
  *w++ = '"';
  while( i<t.n ){
    size_t k = bibscan_json_plain(t.z+i, t.n-i);
    memcpy(w, t.z+i, k);
    w += k;
    i += k;
    if( i<t.n ){
      unsigned char c = (unsigned char)t.z[i++];
      *w++ = '\\';
      switch( c ){
        case '"':  *w++ = '"'; break;
        case '\\': *w++ = '\\'; break;
        case '\n': *w++ = 'n'; break;
        case '\r': *w++ = 'r'; break;
        case '\t': *w++ = 't'; break;
        default:
          b->n = (size_t)(w - b->z);
          if( buf_room(b, 5 + 2*(t.n-i) + 1) ) return;
          w = b->z + b->n;
          w += snprintf(w, 6, "u%04x", c);
          break;
      }
    }
  }
  *w++ = '"';
  b->n = (size_t)(w - b->z);
  b->z[b->n] = 0;
}

static void fields_json(PeBuf *b, const BibField *a, int n){
  int k;
  pe_buf_appendc(b, '{');
  for(k=0; k<n; k++){
    /* room for the separators; json_string() reserves its own */
    if( buf_room(b, 2) ) return;
    if( k ) b->z[b->n++] = ',';
    json_string(b, a[k].name);
    if( buf_room(b, 1) ) return;
    b->z[b->n++] = ':';
    json_string(b, a[k].value);
  }
  pe_buf_appendc(b, '}');
}

/* year: an integer when it is a number (braces aside), else as written. */
static void result_year(sqlite3_context *ctx, BibText t, PeBuf *b){
  size_t k;
  sqlite3_int64 v = 0;
  int nDigit = 0;
  if( t.z==0 ) return;
  for(k=0; k<t.n; k++){
    char c = t.z[k];
    if( c=='{' || c=='}' ) continue;
    if( c<'0' || c>'9' || nDigit>=18 ){ nDigit = -1; break; }
    v = v*10 + (c-'0');
    nDigit++;
  }
  if( nDigit>0 ){ sqlite3_result_int64(ctx, v); return; }
  pe_buf_reset(b);
  pe_buf_append(b, t.z, t.n);
  result_buf(ctx, b);
}

static void result_latex(sqlite3_context *ctx, BibText t, PeBuf *b){
  if( t.z==0 ) return;
  pe_buf_reset(b);
  if( pe_latex_to_unicode(b, t.z, t.n)!=PE_OK ){ sqlite3_result_error_nomem(ctx); return; }
  result_buf(ctx, b);
}

static int entries_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  BibCursor *p = (BibCursor*)cur;
  const BibEntry *e = p->pEntry;
  PeBuf *b = &p->buf;
  switch( i ){
    case E_KEY:    result_text(ctx, e->key); break;
    case E_TYPE:   result_text(ctx, e->type); break;
    case E_TITLE:  result_latex(ctx, bib_field(e, "title", 0), b); break;
    case E_AUTHOR: result_text(ctx, bib_field(e, "author", 0)); break;
    case E_EDITOR: result_text(ctx, bib_field(e, "editor", 1)); break;
    case E_YEAR: {
      BibText t = bib_field(e, "year", 1);
      if( t.z==0 ){
        /* biblatex: the year of date = {2021-03-01} */
        t = bib_field(e, "date", 1);
        if( t.z && t.n>=4 && (t.n==4 || t.z[4]=='-' || t.z[4]=='/') ) t.n = 4;
        else t.z = 0;
      }
      result_year(ctx, t, b);
      break;
    }
    case E_VENUE: {
      static const char *const az[] = { "booktitle", "journal", "eventtitle", "journaltitle" };
      size_t k;
      for(k=0; k<sizeof(az)/sizeof(az[0]); k++){
        BibText t = bib_field(e, az[k], 1);
        if( t.z ){ result_latex(ctx, t, b); break; }
      }
      break;
    }
    case E_DOI:
    case E_ARXIV:
    case E_URL: {
      int bFound;
      pe_buf_reset(b);
      bFound = i==E_DOI ? bib_entry_doi(e, b) : i==E_ARXIV ? bib_entry_arxiv(e, b) : bib_entry_url(e, b);
      if( b->oom ) sqlite3_result_error_nomem(ctx);
      else if( bFound ) result_buf(ctx, b);
      break;
    }
    case E_FIELDS:
    case E_INHERITED:
      pe_buf_reset(b);
      if( i==E_FIELDS ) fields_json(b, e->aField, e->nField);
      else fields_json(b, e->aInherited, e->nInherited);
      if( b->oom ){ sqlite3_result_error_nomem(ctx); break; }
      sqlite3_result_text64(ctx, b->z, b->n, SQLITE_TRANSIENT, SQLITE_UTF8);
      sqlite3_result_subtype(ctx, 'J');       /* JSON, for json_* functions */
      break;
    case E_LINE:   sqlite3_result_int(ctx, e->line); break;
    case E_RAW:    result_text(ctx, e->raw); break;
    case E_ERROR:  result_text(ctx, e->error); break;
    default: break;
  }
  return SQLITE_OK;
}

static const sqlite3_module entries_module = {
  .iVersion = 0,
  .xCreate = 0,
  .xConnect = pe_tvf_connect,
  .xBestIndex = entries_best_index,
  .xDisconnect = pe_tvf_disconnect,
  .xOpen = bib_open_cursor,
  .xClose = bib_close_cursor,
  .xFilter = entries_filter,
  .xNext = entries_next,
  .xEof = bib_eof,
  .xColumn = entries_column,
  .xRowid = bib_rowid,
};

/* --------------------------------------------------- bibtex_diagnostics */

enum { D_LINE, D_COL, D_SEVERITY, D_KIND, D_KEY, D_MESSAGE, D_TEXT, D_ENCODING };

static int has_diag(const BibEntry *e){ return e->nDiag>0; }

static int diags_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                        int argc, sqlite3_value **argv){
  BibCursor *p = (BibCursor*)cur;
  int rc = bib_start(p, idxNum, argc, argv, 0);
  (void)idxStr;
  if( rc || p->pParser==0 ) return rc;
  p->iRowid = 1;
  p->iDiag = 0;
  return bib_advance(p, has_diag);
}

static int diags_next(sqlite3_vtab_cursor *cur){
  BibCursor *p = (BibCursor*)cur;
  p->iRowid++;
  if( ++p->iDiag < p->pEntry->nDiag ) return SQLITE_OK;
  p->iDiag = 0;
  return bib_advance(p, has_diag);
}

static int diags_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  BibCursor *p = (BibCursor*)cur;
  const BibDiag *d = &p->pEntry->aDiag[p->iDiag];
  switch( i ){
    case D_LINE: sqlite3_result_int(ctx, d->line); break;
    case D_COL:  sqlite3_result_int(ctx, d->col); break;
    case D_SEVERITY:
      sqlite3_result_text(ctx, d->severity==BIB_SEV_ERROR ? "error" : "warning", -1, SQLITE_STATIC);
      break;
    case D_KIND: sqlite3_result_text(ctx, d->zKind, -1, SQLITE_STATIC); break;
    case D_KEY:  result_text(ctx, p->pEntry->key); break;
    case D_MESSAGE: result_text(ctx, d->message); break;
    default: break;
  }
  return SQLITE_OK;
}

static const sqlite3_module diags_module = {
  .iVersion = 0,
  .xCreate = 0,
  .xConnect = pe_tvf_connect,
  .xBestIndex = pe_tvf_best_index,   /* missing crossref parents are diagnostics */
  .xDisconnect = pe_tvf_disconnect,
  .xOpen = bib_open_cursor,
  .xClose = bib_close_cursor,
  .xFilter = diags_filter,
  .xNext = diags_next,
  .xEof = bib_eof,
  .xColumn = diags_column,
  .xRowid = bib_rowid,
};

/* -------------------------------------------------------- bibtex_names */

enum { N_POSITION, N_FIRST, N_VON, N_LAST, N_JR, N_DISPLAY, N_LITERAL, N_OTHERS, N_NAMES };

typedef struct NamesCursor {
  sqlite3_vtab_cursor base;
  char *zNames; size_t nNames;
  BibNameIter it;
  BibName name;
  int bEof;
  sqlite3_int64 iPos;
  PeBuf buf;
} NamesCursor;

static int names_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  NamesCursor *p = sqlite3_malloc(sizeof(*p));
  (void)pVtab;
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->bEof = 1;
  pe_buf_init(&p->buf);
  *ppCur = &p->base;
  return SQLITE_OK;
}

static int names_close(sqlite3_vtab_cursor *cur){
  NamesCursor *p = (NamesCursor*)cur;
  pe_free(p->zNames);
  pe_buf_free(&p->buf);
  sqlite3_free(p);
  return SQLITE_OK;
}

static int names_next(sqlite3_vtab_cursor *cur){
  NamesCursor *p = (NamesCursor*)cur;
  p->bEof = !bib_names_next(&p->it, &p->name);
  p->iPos++;
  return SQLITE_OK;
}

static int names_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                        int argc, sqlite3_value **argv){
  NamesCursor *p = (NamesCursor*)cur;
  sqlite3_value *apArg[1];
  int rc;
  (void)idxStr;
  pe_free(p->zNames);
  p->zNames = 0;
  p->bEof = 1;
  if( (rc = pe_tvf_args(cur, idxNum, argc, argv, apArg))!=SQLITE_OK ) return rc;   /* the names are required */
  rc = bib_copy_input(apArg[0], &p->zNames, &p->nNames);
  if( rc || p->zNames==0 ) return rc;
  bib_names_start(&p->it, p->zNames, p->nNames);
  p->iPos = 0;
  return names_next(cur);
}

static int names_eof(sqlite3_vtab_cursor *cur){ return ((NamesCursor*)cur)->bEof; }

static int names_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  NamesCursor *p = (NamesCursor*)cur;
  const BibName *n = &p->name;
  switch( i ){
    case N_POSITION: sqlite3_result_int64(ctx, p->iPos); break;
    case N_FIRST:    result_text(ctx, n->first); break;
    case N_VON:      result_text(ctx, n->von); break;
    case N_LAST:     result_text(ctx, n->last); break;
    case N_JR:       result_text(ctx, n->jr); break;
    case N_DISPLAY:
      pe_buf_reset(&p->buf);
      if( bib_name_display(&p->buf, n)!=PE_OK ){ sqlite3_result_error_nomem(ctx); break; }
      result_buf(ctx, &p->buf);
      break;
    case N_LITERAL:  sqlite3_result_int(ctx, n->bLiteral); break;
    case N_OTHERS:   sqlite3_result_int(ctx, n->bOthers); break;
    default: break;
  }
  return SQLITE_OK;
}

static int names_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((NamesCursor*)cur)->iPos;
  return SQLITE_OK;
}

static const sqlite3_module names_module = {
  .iVersion = 0,
  .xCreate = 0,
  .xConnect = pe_tvf_connect,
  .xBestIndex = pe_tvf_best_index,
  .xDisconnect = pe_tvf_disconnect,
  .xOpen = names_open,
  .xClose = names_close,
  .xFilter = names_filter,
  .xNext = names_next,
  .xEof = names_eof,
  .xColumn = names_column,
  .xRowid = names_rowid,
};

/* -------------------------------------------------------------- scalars */

static void format_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *zType, *zKey, *zJson;
  size_t nType, nKey, nJson;
  PeBuf out, err;
  int rc;
  char *z;
  size_t n;
  if( pe_any_null(argc, argv) ) return;
  zType = pe_value_text(argv[0], &nType);
  zKey = pe_value_text(argv[1], &nKey);
  zJson = pe_value_text(argv[2], &nJson);
  if( zType==0 || zKey==0 || zJson==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&out);
  pe_buf_init(&err);
  rc = bib_format(&out, &err, zType, nType, zKey, nKey, zJson, nJson);
  if( rc!=PE_OK ){
    pe_result_status(ctx, rc, err.z);
    pe_buf_free(&out);
    pe_buf_free(&err);
    return;
  }
  pe_buf_free(&err);
  z = pe_buf_finish(&out, &n);
  pe_result_text_owned(ctx, z, n);
}

static void cite_key_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *az[3];
  size_t an[3];
  PeBuf out;
  int k, rc;
  for(k=0; k<3; k++){ az[k] = 0; an[k] = 0; }   /* cite_key takes exactly 3 */
  for(k=0; k<3 && k<argc; k++){
    if( sqlite3_value_type(argv[k])!=SQLITE_NULL ){
      az[k] = pe_value_text(argv[k], &an[k]);
      if( az[k]==0 ){ sqlite3_result_error_nomem(ctx); return; }
    }
  }
  pe_buf_init(&out);
  rc = bib_cite_key(&out, az[0], an[0], az[1], an[1], az[2], an[2]);
  pe_result_buf(ctx, rc, &out);
}

static void protect_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n;
  PeBuf out;
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&out);
  pe_result_buf(ctx, bib_protect(&out, z, n), &out);
}

static const PeFunction aFunc[] = {
  PE_SCALAR("bibtex_format", 3, PE_PURE, format_func,
    "bibtex_format(type, key, fields_json) -> text",
    "One entry as BibTeX text, fields in the JSON order, values braced and aligned; "
    "parsing it gives back the same type, key and fields."),
  PE_SCALAR("cite_key", 3, PE_PURE, cite_key_func,
    "cite_key(author, year, title) -> text",
    "A citation key like vaswani2017attention: first author's last name, year, "
    "first title word that is not a stop word, folded to ASCII (Chinese, Japanese and Korean "
    "romanized)."),
  PE_SCALAR("bibtex_protect", 1, PE_PURE, protect_func,
    "bibtex_protect(title) -> text",
    "A title with the words whose case matters braced as Better BibTeX does (acronyms, inner "
    "capitals: {ConvBERT}, {BERT}), so BibTeX styles keep them; never the whole title."),
};

static const PeTvfArg aTextArg[] = {
  [ARG_TEXT] = { "text", 1 }, [ARG_ENCODING] = { "encoding", 0 },
};
static const PeTvfArg aNamesArg[] = { { "names", 1 } };

static const PeTable aTable[] = {
  { .zName = "bibtex_entries", .pModule = &entries_module,
    .zColumns = "key TEXT, type TEXT, title TEXT, author TEXT, editor TEXT, year ANY,"
                " venue TEXT, doi TEXT, arxiv TEXT, url TEXT, fields TEXT, inherited TEXT,"
                " line INTEGER, raw TEXT, error TEXT",
    PE_ARGS(aTextArg),
    .zSignature = "bibtex_entries(text[, encoding]) -> (key, type, title, author, editor, year, venue, doi, "
    "arxiv, url, fields, inherited, line, raw, error)",
    .zSummary = "One row per BibTeX entry of the text, in file order, streamed; @string macros expanded, "
    "crossref fields inherited." },
  { .zName = "bibtex_diagnostics", .pModule = &diags_module,
    .zColumns = "line INTEGER, col INTEGER, severity TEXT, kind TEXT, key TEXT, message TEXT",
    PE_ARGS(aTextArg),
    .zSignature = "bibtex_diagnostics(text[, encoding]) -> (line, col, severity, kind, key, message)",
    .zSummary = "Every problem found while parsing a BibTeX text: syntax errors, duplicate keys and "
    "fields, undefined macros, encoding." },
  { .zName = "bibtex_names", .pModule = &names_module,
    .zColumns = "position INTEGER, first TEXT, von TEXT, last TEXT, jr TEXT,"
                " display TEXT, literal INTEGER, others INTEGER",
    PE_ARGS(aNamesArg),
    .zSignature = "bibtex_names(names) -> (position, first, von, last, jr, display, literal, others)",
    .zSummary = "One row per person of a BibTeX author or editor field, split by BibTeX's name rules." },
};

const PeUnit pe_unit_bibtex = {
  .zName = "bibtex", PE_FUNCTIONS(aFunc), PE_TABLES(aTable),
};
