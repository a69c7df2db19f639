/*
** oom: every SQL test again, with the Nth memory allocation failing.
**
**   build/asan/oom build/asan/paperext.so tests/sql/<name>.test ...
**
** SQLite's allocator is replaced (SQLITE_CONFIG_MALLOC) by one that fails
** exactly once, at the Nth call after it is armed.  The extension's cores
** allocate through SQLite (ext/common/pe_mem.h), so they are covered too.  For each
** test query and N = 1, 2, ... until a run makes fewer than N allocations,
** the query (inside a savepoint that is rolled back) must either give the
** expected rows or fail with SQLITE_NOMEM: never crash, never leak (the ASan
** build's LeakSanitizer checks at exit), never give a different answer.
** Queries that allocate a lot are probed at growing steps past the first
** OOM_DENSE values of N, to keep the run short.
**
** Left out: queries calling json_valid(), because SQLite 3.40's json_valid()
** itself answers 0 instead of SQLITE_NOMEM when its own parse runs out of
** memory (it overwrites the error with its result), so such a query can give
** a wrong answer that is not paperext's.  Likewise queries calling FTS5's
** snippet(): when an allocation inside SQLite's own column read fails (no
** paperext frame on the stack), 3.40's snippet() goes on with a different
** snippet instead of failing.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testfile.h"

#define OOM_DENSE 400
#define OOM_MAX   200000

static sqlite3_mem_methods defaultMethods;
static int countdown = 0;      /* 0: disarmed; else fail when it reaches 0 */
static int injected = 0;       /* a failure was injected since arming */

static int should_fail(void){
  if( countdown>0 && --countdown==0 ){ injected = 1; return 1; }
  return 0;
}
static void *fail_malloc(int n){ return should_fail() ? 0 : defaultMethods.xMalloc(n); }
static void *fail_realloc(void *p, int n){ return should_fail() ? 0 : defaultMethods.xRealloc(p, n); }

static void arm(int n){ countdown = n; injected = 0; }
static void disarm(void){ countdown = 0; }

static int nPass = 0, nFail = 0;

/* Savepoint statements may fail harmlessly: SQLite rolls a whole transaction
** back on some out-of-memory errors, taking the savepoint with it. */
static int exec_quiet(sqlite3 *db, const char *zSql){
  return sqlite3_exec(db, zSql, 0, 0, 0);
}

/* Probe one query for every N; return 1 when all runs behaved. */
static int probe(sqlite3 *db, const TestCase *c, const char *zFile){
  Text got = {0}, want = {0};
  int n, ok = 1;
  exec_quiet(db, "SAVEPOINT oom");
  testfile_run(db, c->zSql, &want);          /* the answer without faults */
  exec_quiet(db, "ROLLBACK TO oom; RELEASE oom");
  for(n=1; n<OOM_MAX; n += (n<OOM_DENSE ? 1 : n/50)){
    int rc;
    exec_quiet(db, "SAVEPOINT oom");
    arm(n);
    rc = testfile_run(db, c->zSql, &got);
    disarm();
    exec_quiet(db, "ROLLBACK TO oom; RELEASE oom");
    if( injected ){
      if( (rc & 0xff)!=SQLITE_NOMEM && strcmp(got.z, want.z)!=0 ){
        printf("FAIL %s:%d: allocation %d failing gave\n  %s\ninstead of SQLITE_NOMEM or\n  %s\n",
               zFile, c->line, n, got.z, want.z);
        ok = 0;
        break;
      }
    }else{
      if( strcmp(got.z, want.z)!=0 ){
        printf("FAIL %s:%d: after a fault-free run at N=%d the answer changed:\n  %s\n  %s\n",
               zFile, c->line, n, got.z, want.z);
        ok = 0;
      }
      break;                                   /* the query made < n allocations */
    }
  }
  free(got.z); free(want.z);
  return ok;
}

int main(int argc, char **argv){
  static sqlite3_mem_methods failing;
  int i, j;
  if( argc<3 ){ fprintf(stderr, "usage: %s EXTENSION FILE.test...\n", argv[0]); return 2; }
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &defaultMethods);
  failing = defaultMethods;
  failing.xMalloc = fail_malloc;
  failing.xRealloc = fail_realloc;
  sqlite3_config(SQLITE_CONFIG_MALLOC, &failing);
  sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);   /* every allocation reaches us */
  for(i=2; i<argc; i++){
    TestFile f;
    sqlite3 *db;
    if( testfile_read(argv[i], &f) ){ nFail++; testfile_free(&f); continue; }
    db = testfile_open_db(argv[1]);
    for(j=0; j<f.n; j++){
      const TestCase *c = &f.a[j];
      if( !c->isQuery ){
        char *zErr = 0;
        if( sqlite3_exec(db, c->zSql, 0, 0, &zErr)!=SQLITE_OK ){
          printf("FAIL %s:%d: set-up failed: %s (autocommit=%d)\n", argv[i], c->line,
                 zErr ? zErr : "?", sqlite3_get_autocommit(db));
          nFail++;
        }
        sqlite3_free(zErr);
        continue;
      }
      if( strstr(c->zSql, "json_valid(") || strstr(c->zSql, "snippet(") ){ exec_quiet(db, c->zSql); continue; }
      if( probe(db, c, argv[i]) ) nPass++; else nFail++;
    }
    sqlite3_close(db);
    testfile_free(&f);
  }
  printf("oom: %d passed, %d failed\n", nPass, nFail);
  sqlite3_shutdown();
  return nFail ? 1 : 0;
}
