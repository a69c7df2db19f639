/*
** pe_tvf.c: one connect, one planner and one missing-argument error for
** every table-valued function of paperext (see pe_sqlite.h).
**
** A table is registered with a PeTableAux (paperext.c): its PeTable and the
** unit's shared state.  Its hidden arguments are declared as data
** (PeTable.aArg); the planner hands the given ones to xFilter in argument
** order and tells which were given in the low bits of idxNum.
*/
#include <string.h>
#include "pe_sqlite.h"
#include "pe_register.h"

int pe_tvf_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                   sqlite3_vtab **ppVtab, char **pzErr){
  const PeTableAux *pA = (const PeTableAux*)pAux;
  const PeTable *t = pA->pTable;
  sqlite3_str *s = sqlite3_str_new(db);
  char *zSql;
  const char *c;
  PeTvf *p;
  int rc, k;
  (void)argc; (void)argv; (void)pzErr;
  sqlite3_str_appendf(s, "CREATE TABLE x(%s", t->zColumns);
  for(k=0; k<t->nArg; k++) sqlite3_str_appendf(s, ", \"%w\" HIDDEN", t->aArg[k].zName);
  sqlite3_str_appendall(s, ")");
  zSql = sqlite3_str_finish(s);
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_declare_vtab(db, zSql);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ) return rc;
  p = sqlite3_malloc(sizeof(*p));
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->pTable = t;
  p->db = db;
  p->pState = pe_shared_state(pA->pShared);
  /* the visible columns are comma-separated names with types, no commas inside */
  p->nVisible = 1;
  for(c=t->zColumns; *c; c++) p->nVisible += (*c==',');
  if( t->eAccess==PE_TABLE_PURE ) sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  if( t->eAccess==PE_TABLE_DIRECT ) sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  *ppVtab = &p->base;
  return SQLITE_OK;
}

int pe_tvf_disconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

int pe_tvf_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  const PeTvf *p = (const PeTvf*)pVtab;
  const PeTable *t = p->pTable;
  int aIdx[PE_TVF_MAX_ARG];
  int given = 0, unusable = 0, i, k, nUsed = 0;
  for(k=0; k<t->nArg; k++) aIdx[k] = -1;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    k = c->iColumn - p->nVisible;
    if( k<0 || k>=t->nArg || c->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( !c->usable ){ unusable |= 1<<k; continue; }
    aIdx[k] = i;
    given |= 1<<k;
  }
  if( unusable & ~given ) return SQLITE_CONSTRAINT;
  for(k=0; k<t->nArg; k++){
    if( aIdx[k]<0 ) continue;
    pInfo->aConstraintUsage[aIdx[k]].argvIndex = ++nUsed;
    pInfo->aConstraintUsage[aIdx[k]].omit = 1;
  }
  for(k=0; k<t->nArg; k++){
    if( t->aArg[k].bRequired && !(given & (1<<k)) ){
      /* Not an error yet: SQLite also plans parts of a query it will not
      ** run this way (each term of an OR, WHERE tag='a' OR raw='x'), and
      ** an error here would fail the whole statement.  The plan costs so
      ** much that any other wins; if it runs, xFilter says what is missing. */
      pInfo->idxNum = given | PE_TVF_MISSING;
      pInfo->estimatedCost = 1e99;
      pInfo->estimatedRows = 2147483647;
      return SQLITE_OK;
    }
  }
  pInfo->idxNum = given;
  pInfo->estimatedCost = 1000;
  pInfo->estimatedRows = 1000;
  return SQLITE_OK;
}

int pe_tvf_args(sqlite3_vtab_cursor *cur, int idxNum, int argc, sqlite3_value **argv,
                sqlite3_value **apArg){
  const PeTable *t = pe_tvf_of(cur)->pTable;
  int k, j = 0;
  for(k=0; k<t->nArg; k++){
    apArg[k] = ((idxNum & (1<<k)) && j<argc) ? argv[j++] : 0;
    if( (idxNum & PE_TVF_MISSING) && t->aArg[k].bRequired && apArg[k]==0 ){
      return pe_vtab_error(cur->pVtab, "%s: missing argument %s", t->zName, t->aArg[k].zName);
    }
  }
  return SQLITE_OK;
}
