/*
** paperext: a SQLite extension for keeping a paper reading list in SQL.
**
**   .load ./paperext                          -- sqlite3 shell
**   sqlite3_auto_extension(...)               -- libpaperext.a, include/paperext.h
**   SELECT name, kind, signature FROM paperext_functions;
**
** This file is the entry point and holds the one list of modules.  Each
** module's binding (ext/<module>/<module>_sql.c) describes what it registers
** in a PeUnit (see pe_sqlite.h); sqlite3_paperext_init() registers every unit
** in the order below, stopping at the first failure.
*/
#include "pe_sqlite.h"
#include "pe_register.h"
SQLITE_EXTENSION_INIT1

extern const PeUnit pe_unit_meta;
extern const PeUnit pe_unit_regex;
extern const PeUnit pe_unit_bibtex;
extern const PeUnit pe_unit_latex;
extern const PeUnit pe_unit_venue;
extern const PeUnit pe_unit_tags;
extern const PeUnit pe_unit_title;
extern const PeUnit pe_unit_ident;
extern const PeUnit pe_unit_readinglist;
extern const PeUnit pe_unit_fts;
extern const PeUnit pe_unit_io;
extern const PeUnit pe_unit_merge;
extern const PeUnit pe_unit_zotero;
extern const PeUnit pe_unit_ris;
extern const PeUnit pe_unit_csljson;

static const PeUnit *const aUnit[] = {
  &pe_unit_meta,
  &pe_unit_regex,
  &pe_unit_bibtex,
  &pe_unit_latex,
  &pe_unit_venue,
  &pe_unit_tags,
  &pe_unit_title,
  &pe_unit_ident,
  &pe_unit_readinglist,
  &pe_unit_fts,
  &pe_unit_io,
  &pe_unit_merge,
  &pe_unit_zotero,
  &pe_unit_ris,
  &pe_unit_csljson,
};

const PeUnit *const *pe_units(int *pnUnit){
  *pnUnit = (int)(sizeof(aUnit)/sizeof(aUnit[0]));
  return aUnit;
}

/* A table's pAux: its declaration and a reference to the unit's state. */
static void table_aux_free(void *p){
  PeTableAux *pA = (PeTableAux*)p;
  pe_shared_unref(pA->pShared);
  sqlite3_free(pA);
}

static int register_table(sqlite3 *db, const PeTable *t, PeShared *pShared){
  PeTableAux *pA = sqlite3_malloc(sizeof(*pA));
  if( pA==0 ) return SQLITE_NOMEM;
  pe_shared_ref(pShared);
  pA->pShared = pShared;
  pA->pTable = t;
  /* on failure SQLite calls the destructor itself */
  return sqlite3_create_module_v2(db, t->zName, t->pModule, pA, table_aux_free);
}

static int register_unit(sqlite3 *db, const PeUnit *pUnit, char **pzErrMsg){
  int rc = SQLITE_OK;
  int i;
  void *pState = 0;
  PeShared *pShared;
  if( pUnit->xNewState ){
    pState = pUnit->xNewState(db);
    if( pState==0 ) return SQLITE_NOMEM;
  }
  pShared = pe_shared_new(pState, pUnit->xFreeState);
  if( pShared==0 ){
    if( pUnit->xFreeState ) pUnit->xFreeState(pState);
    return SQLITE_NOMEM;
  }
  for(i=0; rc==SQLITE_OK && i<pUnit->nFunc; i++){
    const PeFunction *f = &pUnit->aFunc[i];
    pe_shared_ref(pShared);
    rc = sqlite3_create_function_v2(db, f->zName, f->nArg, f->flags, pShared,
                                    f->xFunc, f->xStep, f->xFinal, pe_shared_unref);
  }
  for(i=0; rc==SQLITE_OK && i<pUnit->nTable; i++){
    rc = register_table(db, &pUnit->aTable[i], pShared);
  }
  if( rc==SQLITE_OK && pUnit->xRegister ){
    rc = pUnit->xRegister(db, pState, pzErrMsg);
  }
  if( rc!=SQLITE_OK && pzErrMsg && *pzErrMsg==0 ){
    *pzErrMsg = sqlite3_mprintf("paperext: registering module %s failed: %s",
                                pUnit->zName, sqlite3_errstr(rc));
  }
  pe_shared_unref(pShared);   /* drop our own reference */
  return rc;
}

#ifdef _WIN32
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
int sqlite3_paperext_init(sqlite3 *db, char **pzErrMsg,
                          const sqlite3_api_routines *pApi){
  int rc = SQLITE_OK;
  size_t i;
#ifndef SQLITE_CORE
  /* SQLITE_EXTENSION_INIT2 writes the global API pointer on every load.  The
  ** value never changes within a process, so write it only when it differs:
  ** once the first load has happened, loads on other threads' connections
  ** only read it, and no thread races another's function calls.
  ** Built with -DSQLITE_CORE (libpaperext.a, linked into an application
  ** with SQLite) there is no such pointer: calls go to SQLite directly and
  ** pApi may be NULL. */
  if( __atomic_load_n(&sqlite3_api, __ATOMIC_ACQUIRE)!=pApi ){
    __atomic_store_n(&sqlite3_api, pApi, __ATOMIC_RELEASE);
  }
#else
  (void)pApi;
#endif
  for(i=0; rc==SQLITE_OK && i<sizeof(aUnit)/sizeof(aUnit[0]); i++){
    rc = register_unit(db, aUnit[i], pzErrMsg);
  }
  return rc;
}
