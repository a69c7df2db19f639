/*
** runner: runs the SQL tests in tests/sql/<name>.test against a loaded paperext.
**
**   build/plain/runner ./paperext.so tests/sql/<name>.test ...
**
** A .test file reads as documentation.  Each file gets a fresh in-memory
** database with the extension loaded.  Within a file:
**
**   # a comment line (outside an expected block)
**   CREATE TABLE t(x);             <- SQL followed by a blank line: set-up,
**   INSERT INTO t VALUES ('a');       it must succeed
**
**   SELECT regexp_like('abc', 'b');  <- SQL followed by "---": a test
**   ---
**   1                                 <- the expected rows, until a blank line
**
** readfile(path) reads a fixture (relative to the repository root) as a blob.
** Rows print as their columns joined by '|', NULL as NULL, a blob as x'..'.
** A query that fails prints "error: <message>".  No rows prints "(no rows)".
** An empty line inside a value prints as <BLANKLINE>, an empty string as ''.
** The last line of output is "sql: N passed, N failed"; exit 1 on failure.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "testfile.h"

static int nPass = 0, nFail = 0;

static void report_fail(const char *zFile, int iLine, const char *zSql,
                        const char *zWant, const char *zGot){
  nFail++;
  printf("FAIL %s:%d\n  sql:  %s\n  want: %s\n  got:  %s\n", zFile, iLine, zSql, zWant, zGot);
}

static void run_file(const char *zExt, const char *zFile){
  TestFile f;
  Text got = {0};
  sqlite3 *db;
  int i;
  if( testfile_read(zFile, &f) ){ nFail++; testfile_free(&f); return; }
  db = testfile_open_db(zExt);
  for(i=0; i<f.n; i++){
    TestCase *c = &f.a[i];
    if( c->isQuery ){
      testfile_run(db, c->zSql, &got);
      if( strcmp(got.z, c->zWant)==0 ) nPass++;
      else report_fail(zFile, c->line, c->zSql, c->zWant, got.z);
    }else{
      char *zErr = 0;
      if( sqlite3_exec(db, c->zSql, 0, 0, &zErr)!=SQLITE_OK ){
        report_fail(zFile, c->line, c->zSql, "(set-up succeeds)", zErr ? zErr : "?");
      }
      sqlite3_free(zErr);
    }
  }
  free(got.z);
  testfile_free(&f);
  sqlite3_close(db);
}

int main(int argc, char **argv){
  int i;
  if( argc<3 ){
    fprintf(stderr, "usage: %s EXTENSION FILE.test...\n", argv[0]);
    return 2;
  }
  for(i=2; i<argc; i++) run_file(argv[1], argv[i]);
  printf("sql: %d passed, %d failed\n", nPass, nFail);
  sqlite3_shutdown();
  return nFail ? 1 : 0;
}
