/*
** fuzz_sql: the SQL-level fuzz harness.  It calls every function and table
** that paperext_functions lists, through the loaded extension, with
** arguments taken from the fuzz input.
**
** Input layout: byte 0 picks the catalog entry, byte 1 the argument count
** (0..4), the rest is split on 0xFF bytes into the arguments; an argument
** that starts with 0xFE is bound as an integer, one that is empty as NULL,
** anything else as text (possibly invalid UTF-8).  Errors are fine;
** crashes, leaks, sanitizer reports and hangs are findings.
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
static int nEntry;

static void open_once(void){
  const char *zExt = getenv("PAPEREXT_SO");
  sqlite3_stmt *pStmt;
  char *zErr = 0;
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
  sqlite3_prepare_v2(db, "SELECT DISTINCT name, kind FROM paperext_functions "
                         "WHERE kind IN ('scalar','aggregate','table') ORDER BY 1", -1, &pStmt, 0);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    azName = realloc(azName, sizeof(char*)*(size_t)(nEntry+1));
    azKind = realloc(azKind, sizeof(char*)*(size_t)(nEntry+1));
    azName[nEntry] = strdup((const char*)sqlite3_column_text(pStmt, 0));
    azKind[nEntry] = strdup((const char*)sqlite3_column_text(pStmt, 1));
    nEntry++;
  }
  sqlite3_finalize(pStmt);
}

int LLVMFuzzerTestOneInput(const uint8_t *a, size_t n){
  char zSql[256];
  int nArg, i, k;
  size_t pos, start;
  const char *zName, *zKind;
  sqlite3_stmt *pStmt = 0;
  open_once();
  if( n<2 || nEntry==0 ) return 0;
  zName = azName[a[0] % nEntry];
  zKind = azKind[a[0] % nEntry];
  nArg = a[1] % 5;
  k = snprintf(zSql, sizeof zSql, strcmp(zKind, "table")==0 ? "SELECT * FROM %s(" :
               "SELECT %s(", zName);
  for(i=0; i<nArg; i++) k += snprintf(zSql+k, sizeof zSql-(size_t)k, "%s?%d", i ? "," : "", i+1);
  snprintf(zSql+k, sizeof zSql-(size_t)k, ")");
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)!=SQLITE_OK ) return 0;
  for(i=0, pos=start=2; i<nArg; i++){
    while( pos<n && a[pos]!=0xFF ) pos++;
    if( pos==start ) sqlite3_bind_null(pStmt, i+1);
    else if( a[start]==0xFE ){
      unsigned long long v = 0; size_t j;
      for(j=start+1; j<pos && j<start+9; j++) v = (v<<8) | a[j];
      sqlite3_bind_int64(pStmt, i+1, (sqlite3_int64)(v % 200001) - 100000);
    }else sqlite3_bind_text(pStmt, i+1, (const char*)a+start, (int)(pos-start), SQLITE_TRANSIENT);
    if( pos<n ) pos++;
    start = pos;
  }
  for(i=0; i<10000 && sqlite3_step(pStmt)==SQLITE_ROW; i++){
    int c;
    for(c=0; c<sqlite3_column_count(pStmt); c++) (void)sqlite3_column_text(pStmt, c);
  }
  sqlite3_finalize(pStmt);
  return 0;
}
