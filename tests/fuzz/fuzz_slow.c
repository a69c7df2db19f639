/*
** fuzz_slow: looks for inputs whose cost grows faster than their size.
**
** Every function, table and the tokenizer of paperext_functions, through the
** loaded extension (as fuzz_sql).  The fuzzer writes a short unit; the
** harness repeats it into a long argument, at two sizes (about 16 KiB and 4
** times that), runs the same query on both and compares the CPU time they
** took.  Linear work takes about 4 times as long; more than 12 times (past
** a floor of 5 ms for the small one), or more than 2 s at all, is a finding
** (abort, with the function and the sizes): a run of openers without
** closers, deep nesting, many tags... found by mutation instead of from a
** list (tests/complexity/ measures the listed shapes by instruction count).
** CPU time of the process, not wall time, so other load on the machine does
** not make findings.
**
** Input layout: byte 0 picks the catalog entry; byte 1: bits 0-1 the argument
** count less one (scalars use their own arity), bits 2-3 the argument that
** grows, bit 4 nesting (the unit's first half repeated, then its second
** half: '[[[[a]]]]'), bit 5 tables as count(*), bit 6 each repetition
** numbered ('#t0 #t1 ...': distinct tags); the rest is split on 0xFF into
** the arguments.  The growing argument is PREFIX 0xFE UNIT (or UNIT).
**
** The extension path comes from PAPEREXT_SO (default build/fuzz/paperext.so).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>

#define SMALL_BYTES (16*1024)
#define MAX_RATIO 12.0
#define FLOOR_SECONDS 0.005
#define MAX_SECONDS 2.0

static sqlite3 *db;
static char **azName, **azKind;
static int *anArg;               /* scalars: their arity (-1: any) */
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
    fprintf(stderr, "fuzz_slow: cannot load %s: %s\n", zExt, zErr ? zErr : "?");
    exit(2);
  }
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 16000000);
  sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.tok USING fts5(x, tokenize='paperext')", 0, 0, 0);
  sqlite3_prepare_v2(db, "SELECT name, kind, coalesce(narg, -1) FROM paperext_functions"
                         " WHERE kind IN ('scalar','aggregate','table','tokenizer')"
                         " AND signature NOT LIKE '%()%' ORDER BY 1, 3", -1, &pStmt, 0);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    azName = realloc(azName, sizeof(char*)*(size_t)(nEntry+1));
    azKind = realloc(azKind, sizeof(char*)*(size_t)(nEntry+1));
    anArg = realloc(anArg, sizeof(int)*(size_t)(nEntry+1));
    azName[nEntry] = strdup((const char*)sqlite3_column_text(pStmt, 0));
    azKind[nEntry] = strdup((const char*)sqlite3_column_text(pStmt, 1));
    anArg[nEntry] = sqlite3_column_int(pStmt, 2);
    nEntry++;
  }
  sqlite3_finalize(pStmt);
}

static double cpu_seconds(void){
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec*1e-9;
}

/* The unit repeated to about nWant bytes after the prefix (nesting: its
** first half, then its second, each as often; numbered: each repetition
** followed by its number); malloc'd, length in *pn. */
static char *amplify(const uint8_t *a, size_t n, int mode, size_t nWant, size_t *pn){
  const uint8_t *sep = memchr(a, 0xFE, n);
  size_t nPre = sep ? (size_t)(sep-a) : 0, nUnit, nA, k, r, at = 0;
  const uint8_t *u = sep ? sep+1 : a;
  int nest = mode & 1, numbered = mode & 2;
  char *z;
  nUnit = n - (sep ? nPre+1 : 0);
  if( nUnit==0 ){ u = (const uint8_t*)"a"; nUnit = 1; }
  r = nWant/(nUnit + (numbered ? 4 : 0)) + 1;
  nA = nest ? (nUnit+1)/2 : nUnit;
  z = malloc(nPre + r*(nUnit+24) + 1);
  if( z==0 ) return 0;
  memcpy(z, a, nPre); at = nPre;
  for(k=0; k<r; k++){
    memcpy(z+at, u, nA); at += nA;
    if( numbered ) at += (size_t)snprintf(z+at, 24, "%zu", k);
  }
  for(k=0; nest && k<r; k++){ memcpy(z+at, u+nA, nUnit-nA); at += nUnit-nA; }
  *pn = at;
  return z;
}

/* Bind arguments a[0..n) split on 0xFF, the one at iGrow amplified to about
** nWant bytes.  1 on out-of-memory. */
static int bind_args(sqlite3_stmt *pStmt, const uint8_t *a, size_t n, int nArg, int iGrow,
                     int mode, size_t nWant){
  size_t pos = 0, start = 0;
  int i;
  for(i=0; i<nArg; i++){
    while( pos<n && a[pos]!=0xFF ) pos++;
    if( i==iGrow ){
      size_t nz;
      char *z = amplify(a+start, pos-start, mode, nWant, &nz);
      if( z==0 ) return 1;
      sqlite3_bind_text(pStmt, i+1, z, (int)nz, free);
    }else{
      sqlite3_bind_text(pStmt, i+1, (const char*)a+start, (int)(pos-start), SQLITE_TRANSIENT);
    }
    if( pos<n ) pos++;
    start = pos;
  }
  return 0;
}

/* Run the statement with the growing argument at about nWant bytes: the CPU
** seconds it took (every column of every row read). */
static double timed_run(sqlite3_stmt *pStmt, const uint8_t *a, size_t n, int nArg, int iGrow,
                        int mode, size_t nWant){
  double t0;
  int c;
  sqlite3_reset(pStmt);
  if( bind_args(pStmt, a, n, nArg, iGrow, mode, nWant) ) return 0;
  t0 = cpu_seconds();
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    for(c=0; c<sqlite3_column_count(pStmt); c++) (void)sqlite3_column_text(pStmt, c);
  }
  t0 = cpu_seconds() - t0;
  sqlite3_reset(pStmt);
  sqlite3_clear_bindings(pStmt);
  return t0;
}

int LLVMFuzzerTestOneInput(const uint8_t *a, size_t n){
  char zSql[512];
  sqlite3_stmt *pStmt = 0;
  int e, nArg, iGrow, mode, i, k;
  double t1, t4;
  open_once();
  if( n<2 || nEntry==0 ) return 0;
  e = a[0] % nEntry;
  nArg = anArg[e]>=0 ? anArg[e] : (a[1] & 3) + 1;
  if( nArg==0 ) return 0;
  iGrow = ((a[1] >> 2) & 3) % nArg;
  mode = ((a[1] >> 4) & 1) | (((a[1] >> 6) & 1) << 1);
  if( strcmp(azKind[e], "tokenizer")==0 ){
    nArg = 1; iGrow = 0;
    snprintf(zSql, sizeof zSql, "INSERT INTO temp.tok VALUES (?1)");
  }else{
    if( strcmp(azKind[e], "table")==0 ){
      k = snprintf(zSql, sizeof zSql, "SELECT %s FROM %s(", ((a[1]>>5)&1) ? "count(*)" : "*", azName[e]);
    }else{
      k = snprintf(zSql, sizeof zSql, "SELECT %s(", azName[e]);
    }
    for(i=0; i<nArg; i++) k += snprintf(zSql+k, sizeof zSql-(size_t)k, "%s?%d", i ? "," : "", i+1);
    snprintf(zSql+k, sizeof zSql-(size_t)k, ")");
  }
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)!=SQLITE_OK ) return 0;
  sqlite3_exec(db, "SAVEPOINT slow", 0, 0, 0);
  t1 = timed_run(pStmt, a+2, n-2, nArg, iGrow, mode, SMALL_BYTES);
  t4 = timed_run(pStmt, a+2, n-2, nArg, iGrow, mode, 4*SMALL_BYTES);
  sqlite3_exec(db, "ROLLBACK TO slow; RELEASE slow", 0, 0, 0);
  sqlite3_finalize(pStmt);
  if( t4 > MAX_SECONDS
   || (t4 > MAX_RATIO*FLOOR_SECONDS && t4 > MAX_RATIO*(t1>FLOOR_SECONDS ? t1 : FLOOR_SECONDS)) ){
    fprintf(stderr, "fuzz_slow: %s (argument %d of %d%s%s): %.3f s CPU for about %d bytes,"
            " %.3f s for %d: more than %.0f times (or over %.0f s)\n",
            zSql, iGrow+1, nArg, (mode & 1) ? ", nested" : "", (mode & 2) ? ", numbered" : "",
            t4, 4*SMALL_BYTES, t1, SMALL_BYTES, MAX_RATIO, MAX_SECONDS);
    abort();
  }
  return 0;
}
