/*
** runner: runs the SQL tests in tests/sql/<name>.test against a loaded paperext.
**
**   build/runner ./paperext.so tests/sql/<name>.test ...
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

typedef struct Text { char *z; size_t n, cap; } Text;

static void text_add(Text *t, const char *z, size_t n){
  if( t->n + n + 1 > t->cap ){
    t->cap = (t->n + n + 1)*2;
    t->z = realloc(t->z, t->cap);
    if( t->z==0 ){ fprintf(stderr, "runner: out of memory\n"); exit(2); }
  }
  memcpy(t->z + t->n, z, n);
  t->n += n;
  t->z[t->n] = 0;
}
static void text_adds(Text *t, const char *z){ text_add(t, z, strlen(z)); }
static void text_clear(Text *t){ t->n = 0; if( t->z ) t->z[0] = 0; }

static int nPass = 0, nFail = 0;

/* Append one value, with empty lines of multi-line text made visible. */
static void render_value(Text *out, sqlite3_stmt *pStmt, int i){
  switch( sqlite3_column_type(pStmt, i) ){
    case SQLITE_NULL: text_adds(out, "NULL"); break;
    case SQLITE_BLOB: {
      const unsigned char *a = sqlite3_column_blob(pStmt, i);
      int n = sqlite3_column_bytes(pStmt, i), k;
      char hex[3];
      text_adds(out, "x'");
      for(k=0; k<n; k++){ snprintf(hex, sizeof hex, "%02x", a[k]); text_add(out, hex, 2); }
      text_adds(out, "'");
      break;
    }
    default: {
      const char *z = (const char*)sqlite3_column_text(pStmt, i);
      size_t n = (size_t)sqlite3_column_bytes(pStmt, i), k, start = 0;
      if( n==0 ){ text_adds(out, "''"); break; }
      for(k=0; k<=n; k++){
        if( k==n || z[k]=='\n' ){
          if( k==start ) text_adds(out, "<BLANKLINE>");
          else text_add(out, z+start, k-start);
          if( k<n ) text_adds(out, "\n");
          start = k+1;
        }
      }
    }
  }
}

/* Run every statement of zSql, rendering the rows of all of them. */
static void run_query(sqlite3 *db, const char *zSql, Text *out){
  const char *zTail = zSql;
  int nRow = 0;
  text_clear(out);
  while( zTail && *zTail ){
    sqlite3_stmt *pStmt = 0;
    int rc = sqlite3_prepare_v2(db, zTail, -1, &pStmt, &zTail);
    if( rc!=SQLITE_OK ){
      text_clear(out);
      text_adds(out, "error: ");
      text_adds(out, sqlite3_errmsg(db));
      return;
    }
    if( pStmt==0 ) continue;     /* white space or a comment */
    while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
      int i, nCol = sqlite3_column_count(pStmt);
      if( nRow++ ) text_adds(out, "\n");
      for(i=0; i<nCol; i++){
        if( i ) text_adds(out, "|");
        render_value(out, pStmt, i);
      }
    }
    if( rc!=SQLITE_DONE ){
      text_clear(out);
      text_adds(out, "error: ");
      text_adds(out, sqlite3_errmsg(db));
      sqlite3_finalize(pStmt);
      return;
    }
    sqlite3_finalize(pStmt);
  }
  if( nRow==0 ) text_adds(out, "(no rows)");
}

static int is_blank(const char *z){
  while( *z==' ' || *z=='\t' || *z=='\r' ) z++;
  return *z==0;
}

static void report_fail(const char *zFile, int iLine, const char *zSql,
                        const char *zWant, const char *zGot){
  nFail++;
  printf("FAIL %s:%d\n  sql:  %s\n  want: %s\n  got:  %s\n", zFile, iLine, zSql, zWant, zGot);
}

/* readfile(path): a file's bytes as a blob, as in the sqlite3 shell, so
** tests can read their fixtures (paths are relative to the repository). */
static void readfile_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *zPath = (const char*)sqlite3_value_text(argv[0]);
  FILE *f;
  char *z;
  long n;
  (void)argc;
  if( zPath==0 || (f = fopen(zPath, "rb"))==0 ) return;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  rewind(f);
  z = malloc(n>0 ? (size_t)n : 1);
  if( z && fread(z, 1, (size_t)n, f)==(size_t)n ){
    sqlite3_result_blob(ctx, z, (int)n, free);
  }else{
    free(z);
    sqlite3_result_error(ctx, "readfile: cannot read the file", -1);
  }
  fclose(f);
}

static sqlite3 *open_db(const char *zExt){
  sqlite3 *db = 0;
  char *zErr = 0;
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){
    fprintf(stderr, "runner: cannot open a database\n");
    exit(2);
  }
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, zExt, 0, &zErr)!=SQLITE_OK ){
    fprintf(stderr, "runner: cannot load %s: %s\n", zExt, zErr ? zErr : "?");
    exit(2);
  }
  sqlite3_enable_load_extension(db, 0);
  sqlite3_create_function(db, "readfile", 1, SQLITE_UTF8|SQLITE_DIRECTONLY, 0,
                          readfile_func, 0, 0);
  return db;
}

static void run_file(const char *zExt, const char *zFile){
  FILE *in = fopen(zFile, "rb");
  Text sql = {0}, want = {0}, got = {0};
  char *zLine = 0;
  size_t nLine = 0;
  int iLine = 0, iSqlLine = 0;
  int inWant = 0;
  sqlite3 *db;
  if( in==0 ){ fprintf(stderr, "runner: cannot read %s\n", zFile); nFail++; return; }
  db = open_db(zExt);
  for(;;){
    ssize_t len = getline(&zLine, &nLine, in);
    int eof = len<0;
    if( !eof ){
      iLine++;
      while( len>0 && (zLine[len-1]=='\n' || zLine[len-1]=='\r') ) zLine[--len] = 0;
    }
    if( inWant ){
      if( eof || is_blank(zLine) ){
        run_query(db, sql.z, &got);
        if( strcmp(got.z, want.z ? want.z : "")==0 ) nPass++;
        else report_fail(zFile, iSqlLine, sql.z, want.z ? want.z : "", got.z);
        text_clear(&sql); text_clear(&want);
        inWant = 0;
      }else{
        if( want.n ) text_adds(&want, "\n");
        text_adds(&want, zLine);
      }
    }else if( eof || is_blank(zLine) ){
      if( sql.n ){
        char *zErr = 0;
        if( sqlite3_exec(db, sql.z, 0, 0, &zErr)!=SQLITE_OK ){
          report_fail(zFile, iSqlLine, sql.z, "(set-up succeeds)", zErr ? zErr : "?");
        }
        sqlite3_free(zErr);
        text_clear(&sql);
      }
    }else if( strcmp(zLine, "---")==0 ){
      if( sql.n==0 ){
        fprintf(stderr, "%s:%d: '---' without SQL above it\n", zFile, iLine);
        nFail++;
      }
      inWant = 1;
      text_clear(&want);
    }else if( zLine[0]=='#' && sql.n==0 ){
      /* a comment */
    }else{
      if( sql.n==0 ) iSqlLine = iLine;
      else text_adds(&sql, "\n");
      text_adds(&sql, zLine);
    }
    if( eof ) break;
  }
  free(zLine); free(sql.z); free(want.z); free(got.z);
  fclose(in);
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
