/*
** fuzz_sql: the SQL-level fuzz harness.  It calls every function and table
** that paperext_functions lists, through the loaded extension, with
** arguments taken from the fuzz input, in several query shapes.
**
** Input layout: byte 0 picks the catalog entry; byte 1 holds the argument
** count ((b & 7) % 5) and the shape ((b >> 3) % 6); the rest is split on
** 0xFF bytes into the arguments.  An argument that starts with 0xFE is bound
** as an integer, one that is empty as NULL, anything else as text (possibly
** invalid UTF-8), or as a BLOB in shape 1.  Shapes:
**   0, 1  SELECT f(args) / SELECT * FROM t(args)      (1: text bound as BLOB)
**   2     scalars three times in one statement (auxdata, caches); tables
**         SELECT count(*) (colUsed empty: the structure-only paths);
**         aggregates over the arguments as rows
**   3     tables: one column, picked by the input's length
**   4, 5  the FTS5 tokenizer through SQLite: the first argument indexed in a
**         table of one of four tokenizer configurations, the second as a
**         query (raw and through fts_query()), with highlight() and snippet();
**         rolled back after each input
** Errors are fine; crashes, leaks, sanitizer reports and hangs are findings.
**
** The extension path comes from PAPEREXT_SO (default build/fuzz/paperext.so).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

static sqlite3 *db;
static char **azName, **azKind;
static int *anCol;               /* tables: their column count */
static int nEntry;

static const char *const azFtsTokenize[] = {
  "paperext", "paperext fold 1", "paperext bigram 1", "porter paperext",
};
#define N_FTS (int)(sizeof(azFtsTokenize)/sizeof(azFtsTokenize[0]))

static void open_once(void){
  const char *zExt = getenv("PAPEREXT_SO");
  sqlite3_stmt *pStmt;
  char *zErr = 0;
  int i;
  if( db ) return;
  if( zExt==0 ) zExt = "build/fuzz/paperext.so";
  sqlite3_open(":memory:", &db);
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, zExt, 0, &zErr)!=SQLITE_OK ){
    fprintf(stderr, "fuzz_sql: cannot load %s: %s\n", zExt, zErr ? zErr : "?");
    exit(2);
  }
  /* A bounded run: no statement may produce more than a megabyte. */
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000);
  sqlite3_prepare_v2(db, "SELECT name, kind, (SELECT count(*) FROM pragma_table_xinfo(f.name)"
                         " WHERE NOT hidden) FROM (SELECT DISTINCT name, kind FROM paperext_functions"
                         " WHERE kind IN ('scalar','aggregate','table')) AS f ORDER BY 1", -1, &pStmt, 0);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    azName = realloc(azName, sizeof(char*)*(size_t)(nEntry+1));
    azKind = realloc(azKind, sizeof(char*)*(size_t)(nEntry+1));
    anCol = realloc(anCol, sizeof(int)*(size_t)(nEntry+1));
    azName[nEntry] = strdup((const char*)sqlite3_column_text(pStmt, 0));
    azKind[nEntry] = strdup((const char*)sqlite3_column_text(pStmt, 1));
    anCol[nEntry] = sqlite3_column_int(pStmt, 2);
    nEntry++;
  }
  sqlite3_finalize(pStmt);
  for(i=0; i<N_FTS; i++){
    char *zSql = sqlite3_mprintf("CREATE VIRTUAL TABLE ft%d USING fts5(x, tokenize='%s')",
                                 i, azFtsTokenize[i]);
    if( sqlite3_exec(db, zSql, 0, 0, 0)!=SQLITE_OK ){
      fprintf(stderr, "fuzz_sql: %s: %s\n", zSql, sqlite3_errmsg(db));
      exit(2);
    }
    sqlite3_free(zSql);
  }
}

/* Bind the arguments a[2..n) (split on 0xFF) to ?1..?nArg. */
static void bind_args(sqlite3_stmt *pStmt, const uint8_t *a, size_t n, int nArg, int asBlob){
  size_t pos, start;
  int i;
  for(i=0, pos=start=2; i<nArg; i++){
    while( pos<n && a[pos]!=0xFF ) pos++;
    if( pos==start ) sqlite3_bind_null(pStmt, i+1);
    else if( a[start]==0xFE ){
      unsigned long long v = 0; size_t j;
      for(j=start+1; j<pos && j<start+9; j++) v = (v<<8) | a[j];
      sqlite3_bind_int64(pStmt, i+1, (sqlite3_int64)(v % 200001) - 100000);
    }else if( asBlob ){
      sqlite3_bind_blob(pStmt, i+1, a+start, (int)(pos-start), SQLITE_TRANSIENT);
    }else{
      sqlite3_bind_text(pStmt, i+1, (const char*)a+start, (int)(pos-start), SQLITE_TRANSIENT);
    }
    if( pos<n ) pos++;
    start = pos;
  }
}

/* Prepare zSql, bind, step through (reading every column), finalize. */
static void run(const char *zSql, const uint8_t *a, size_t n, int nArg, int asBlob){
  sqlite3_stmt *pStmt = 0;
  int i;
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)!=SQLITE_OK ) return;
  bind_args(pStmt, a, n, nArg, asBlob);
  for(i=0; i<10000 && sqlite3_step(pStmt)==SQLITE_ROW; i++){
    int c;
    for(c=0; c<sqlite3_column_count(pStmt); c++) (void)sqlite3_column_text(pStmt, c);
  }
  sqlite3_finalize(pStmt);
}

/* The FTS5 shapes: index argument 1, query with argument 2, then undo. */
static void run_fts(const uint8_t *a, size_t n, int iTable){
  char zSql[512];
  sqlite3_exec(db, "SAVEPOINT fz", 0, 0, 0);
  snprintf(zSql, sizeof zSql, "INSERT INTO ft%d(x) VALUES (?1)", iTable);
  run(zSql, a, n, 1, 0);
  snprintf(zSql, sizeof zSql, "SELECT highlight(ft%d, 0, '[', ']'), snippet(ft%d, 0, '[', ']', '~', 6)"
           " FROM ft%d WHERE ft%d MATCH fts_query(?2)", iTable, iTable, iTable, iTable);
  run(zSql, a, n, 2, 0);
  snprintf(zSql, sizeof zSql, "SELECT rowid FROM ft%d WHERE ft%d MATCH ?2", iTable, iTable);
  run(zSql, a, n, 2, 0);
  sqlite3_exec(db, "ROLLBACK TO fz; RELEASE fz", 0, 0, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *a, size_t n){
  char zSql[512];
  int nArg, i, k, shape, isTable, isAggregate;
  const char *zName;
  open_once();
  if( n<2 || nEntry==0 ) return 0;
  zName = azName[a[0] % nEntry];
  isTable = strcmp(azKind[a[0] % nEntry], "table")==0;
  isAggregate = strcmp(azKind[a[0] % nEntry], "aggregate")==0;
  nArg = (a[1] & 7) % 5;
  shape = (a[1] >> 3) % 6;
  if( shape>=4 ){ run_fts(a, n, a[0] % N_FTS); return 0; }
  if( isAggregate && shape>=2 ){
    /* the arguments as rows of one column */
    k = snprintf(zSql, sizeof zSql, "SELECT %s(v) FROM (SELECT NULL AS v WHERE 0", zName);
    for(i=0; i<nArg; i++) k += snprintf(zSql+k, sizeof zSql-(size_t)k, " UNION ALL SELECT ?%d", i+1);
    snprintf(zSql+k, sizeof zSql-(size_t)k, ")");
    run(zSql, a, n, nArg, 0);
    return 0;
  }
  if( isTable && shape==2 ){
    k = snprintf(zSql, sizeof zSql, "SELECT count(*) FROM %s(", zName);
  }else if( isTable && shape==3 && anCol[a[0] % nEntry]>0 ){
    k = snprintf(zSql, sizeof zSql, "SELECT (SELECT name FROM pragma_table_xinfo('%s') WHERE NOT hidden"
                 " LIMIT 1 OFFSET %d) AS c", zName, (int)(n % (size_t)anCol[a[0] % nEntry]));
    /* the column's name first, then the query that reads only it */
    {
      sqlite3_stmt *pStmt = 0;
      char zCol[128] = "";
      if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
        snprintf(zCol, sizeof zCol, "%s", (const char*)sqlite3_column_text(pStmt, 0));
      }
      sqlite3_finalize(pStmt);
      k = snprintf(zSql, sizeof zSql, "SELECT \"%s\" FROM %s(", zCol, zName);
    }
  }else if( isTable ){
    k = snprintf(zSql, sizeof zSql, "SELECT * FROM %s(", zName);
  }else{
    k = snprintf(zSql, sizeof zSql, "SELECT %s(", zName);
  }
  for(i=0; i<nArg; i++) k += snprintf(zSql+k, sizeof zSql-(size_t)k, "%s?%d", i ? "," : "", i+1);
  k += snprintf(zSql+k, sizeof zSql-(size_t)k, ")");
  if( !isTable && shape==2 ){
    snprintf(zSql+k, sizeof zSql-(size_t)k, " FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3)");
  }
  run(zSql, a, n, nArg, shape==1);
  return 0;
}
