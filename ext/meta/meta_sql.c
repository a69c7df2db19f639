/*
** meta_sql.c: what paperext says about itself.
**
**   SELECT paperext_version();                       -- '0.1.0'
**   SELECT name, kind, signature, summary, module, access FROM paperext_functions;
**
** paperext_functions has a row per registered function (one per arity),
** table-valued function, virtual table and tokenizer, read from the same
** unit list that sqlite3_paperext_init() registers from; module is the unit
** (the folder ext/<module>/ whose README.md documents it), access what it
** touches: 'pure' (its arguments only: deterministic and innocuous),
** 'reads' (the database: neither) or 'direct' (files: direct-only).
*/
#include <string.h>
#include "sqlite/pe_sqlite.h"

static void version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc; (void)argv;
  sqlite3_result_text(ctx, PAPEREXT_VERSION, -1, SQLITE_STATIC);
}

/* One row of the catalog, flattened out of the unit list. */
typedef struct CatalogRow {
  const char *zName, *zKind, *zSignature, *zSummary, *zModule, *zAccess;
  int nArg;
} CatalogRow;

static int catalog_row(sqlite3_int64 iRow, CatalogRow *p){
  int nUnit, u;
  const PeUnit *const *a = pe_units(&nUnit);
  for(u=0; u<nUnit; u++){
    const PeUnit *pU = a[u];
    p->zModule = pU->zName;
    if( iRow < pU->nFunc ){
      const PeFunction *f = &pU->aFunc[iRow];
      p->zName = f->zName; p->zSignature = f->zSignature; p->zSummary = f->zSummary;
      p->zKind = f->xStep ? "aggregate" : "scalar";
      p->zAccess = (f->flags & SQLITE_DIRECTONLY) ? "direct"
                 : (f->flags & SQLITE_INNOCUOUS) ? "pure" : "reads";
      p->nArg = f->nArg;
      return 1;
    }
    iRow -= pU->nFunc;
    if( iRow < pU->nTable ){
      const PeTable *t = &pU->aTable[iRow];
      p->zName = t->zName; p->zSignature = t->zSignature; p->zSummary = t->zSummary;
      p->zKind = "table"; p->nArg = -1;
      p->zAccess = t->eAccess==PE_TABLE_DIRECT ? "direct" : t->eAccess==PE_TABLE_READS ? "reads" : "pure";
      return 1;
    }
    iRow -= pU->nTable;
    if( iRow < pU->nOther ){
      const PeOther *o = &pU->aOther[iRow];
      p->zName = o->zName; p->zSignature = o->zSignature; p->zSummary = o->zSummary;
      p->zKind = o->zKind; p->nArg = -1;
      p->zAccess = "pure";
      return 1;
    }
    iRow -= pU->nOther;
  }
  return 0;
}

typedef struct CatalogCursor {
  sqlite3_vtab_cursor base;
  sqlite3_int64 iRow;
  CatalogRow row;
  int eof;
} CatalogCursor;

enum { CAT_NAME, CAT_KIND, CAT_NARG, CAT_SIGNATURE, CAT_SUMMARY, CAT_MODULE, CAT_ACCESS };

static int catalog_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  CatalogCursor *pCur = sqlite3_malloc(sizeof(*pCur));
  (void)pVtab;
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  *ppCur = &pCur->base;
  return SQLITE_OK;
}

static int catalog_close(sqlite3_vtab_cursor *cur){ sqlite3_free(cur); return SQLITE_OK; }

static int catalog_next(sqlite3_vtab_cursor *cur){
  CatalogCursor *pCur = (CatalogCursor*)cur;
  pCur->iRow++;
  pCur->eof = !catalog_row(pCur->iRow, &pCur->row);
  return SQLITE_OK;
}

static int catalog_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                          int argc, sqlite3_value **argv){
  CatalogCursor *pCur = (CatalogCursor*)cur;
  (void)idxNum; (void)idxStr; (void)argc; (void)argv;
  pCur->iRow = 0;
  pCur->eof = !catalog_row(0, &pCur->row);
  return SQLITE_OK;
}

static int catalog_eof(sqlite3_vtab_cursor *cur){ return ((CatalogCursor*)cur)->eof; }

static int catalog_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  CatalogCursor *pCur = (CatalogCursor*)cur;
  const char *z = 0;
  switch( i ){
    case CAT_NAME:      z = pCur->row.zName; break;
    case CAT_KIND:      z = pCur->row.zKind; break;
    case CAT_SIGNATURE: z = pCur->row.zSignature; break;
    case CAT_SUMMARY:   z = pCur->row.zSummary; break;
    case CAT_MODULE:    z = pCur->row.zModule; break;
    case CAT_ACCESS:    z = pCur->row.zAccess; break;
    case CAT_NARG:
      if( pCur->row.nArg>=0 || strcmp(pCur->row.zKind, "scalar")==0
                            || strcmp(pCur->row.zKind, "aggregate")==0 ){
        sqlite3_result_int(ctx, pCur->row.nArg);
      }
      return SQLITE_OK;
  }
  if( z ) sqlite3_result_text(ctx, z, -1, SQLITE_STATIC);
  return SQLITE_OK;
}

static int catalog_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((CatalogCursor*)cur)->iRow + 1;
  return SQLITE_OK;
}

static int catalog_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  int rc = pe_tvf_best_index(pVtab, pInfo);
  if( rc==SQLITE_OK && !(pInfo->idxNum & PE_TVF_MISSING) ){
    pInfo->estimatedCost = 100;
    pInfo->estimatedRows = 100;
  }
  return rc;
}

static const sqlite3_module catalog_module = {
  .iVersion = 0,
  .xCreate = 0,               /* eponymous-only */
  .xConnect = pe_tvf_connect,
  .xBestIndex = catalog_best_index,
  .xDisconnect = pe_tvf_disconnect,
  .xOpen = catalog_open,
  .xClose = catalog_close,
  .xFilter = catalog_filter,
  .xNext = catalog_next,
  .xEof = catalog_eof,
  .xColumn = catalog_column,
  .xRowid = catalog_rowid,
};

static const PeFunction aFunc[] = {
  PE_SCALAR("paperext_version", 0, PE_PURE, version_func,
    "paperext_version() -> text",
    "The version of the loaded paperext extension."),
};

static const PeTable aTable[] = {
  { .zName = "paperext_functions", .pModule = &catalog_module,
    .zColumns = "name TEXT, kind TEXT, narg INTEGER, signature TEXT, summary TEXT, module TEXT, access TEXT",
    .zSignature = "paperext_functions() -> (name, kind, narg, signature, summary, module, access)",
    .zSummary = "Every function, table and tokenizer paperext registers, with its signature and a summary." },
};

const PeUnit pe_unit_meta = {
  .zName = "meta", PE_FUNCTIONS(aFunc), PE_TABLES(aTable),
};
