/* testfile.c: see testfile.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testfile.h"

void text_add(Text *t, const char *z, size_t n){
  if( t->n + n + 1 > t->cap ){
    t->cap = (t->n + n + 1)*2;
    t->z = realloc(t->z, t->cap);
    if( t->z==0 ){ fprintf(stderr, "test: out of memory\n"); exit(2); }
  }
  memcpy(t->z + t->n, z, n);
  t->n += n;
  t->z[t->n] = 0;
}
void text_adds(Text *t, const char *z){ text_add(t, z, strlen(z)); }
void text_clear(Text *t){ t->n = 0; if( t->z ) t->z[0] = 0; }

static char *text_take(Text *t){
  char *z = t->z ? t->z : strdup("");
  memset(t, 0, sizeof(*t));
  return z;
}

static int is_blank(const char *z){
  while( *z==' ' || *z=='\t' || *z=='\r' ) z++;
  return *z==0;
}

/* A set-up block that is one line '.read PATH' runs the SQL of that file
** (the schema of sql/, say), relative to the repository root. */
static void expand_read(Text *sql, const char *zTestFile, int line){
  FILE *f;
  Text file = {0};
  char buf[8192];
  size_t n;
  if( sql->n<7 || memcmp(sql->z, ".read ", 6)!=0 || strchr(sql->z, '\n') ) return;
  f = fopen(sql->z + 6, "rb");
  if( f==0 ){ fprintf(stderr, "%s:%d: cannot read %s\n", zTestFile, line, sql->z + 6); exit(2); }
  while( (n = fread(buf, 1, sizeof buf, f))>0 ) text_add(&file, buf, n);
  fclose(f);
  free(sql->z);
  *sql = file;
}

static void add_case(TestFile *p, int isQuery, int line, Text *sql, Text *want){
  TestCase *c;
  if( !isQuery ) expand_read(sql, p->zName, line);
  p->a = realloc(p->a, sizeof(TestCase)*(size_t)(p->n+1));
  if( p->a==0 ){ fprintf(stderr, "test: out of memory\n"); exit(2); }
  c = &p->a[p->n++];
  c->isQuery = isQuery;
  c->line = line;
  c->zSql = text_take(sql);
  c->zWant = isQuery ? text_take(want) : 0;
}

int testfile_read(const char *zFile, TestFile *p){
  FILE *in = fopen(zFile, "rb");
  Text sql = {0}, want = {0};
  char *zLine = 0;
  size_t nLine = 0;
  int iLine = 0, iSqlLine = 0, inWant = 0, rc = 0;
  memset(p, 0, sizeof(*p));
  p->zName = zFile;
  if( in==0 ){ fprintf(stderr, "test: cannot read %s\n", zFile); return 1; }
  for(;;){
    ssize_t len = getline(&zLine, &nLine, in);
    int eof = len<0;
    if( !eof ){
      iLine++;
      while( len>0 && (zLine[len-1]=='\n' || zLine[len-1]=='\r') ) zLine[--len] = 0;
    }
    if( inWant ){
      if( eof || is_blank(zLine) ){
        add_case(p, 1, iSqlLine, &sql, &want);
        inWant = 0;
      }else{
        if( want.n ) text_adds(&want, "\n");
        text_adds(&want, zLine);
      }
    }else if( eof || is_blank(zLine) ){
      if( sql.n ) add_case(p, 0, iSqlLine, &sql, 0);
    }else if( strcmp(zLine, "---")==0 ){
      if( sql.n==0 ){
        fprintf(stderr, "%s:%d: '---' without SQL above it\n", zFile, iLine);
        rc = 1;
      }
      inWant = 1;
    }else if( zLine[0]=='#' && sql.n==0 ){
      /* a comment */
    }else{
      if( sql.n==0 ) iSqlLine = iLine;
      else text_adds(&sql, "\n");
      text_adds(&sql, zLine);
    }
    if( eof ) break;
  }
  free(zLine); free(sql.z); free(want.z);
  fclose(in);
  return rc;
}

void testfile_free(TestFile *p){
  int i;
  for(i=0; i<p->n; i++){ free(p->a[i].zSql); free(p->a[i].zWant); }
  free(p->a);
  memset(p, 0, sizeof(*p));
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
  z = sqlite3_malloc64(n>0 ? (sqlite3_uint64)n : 1);
  if( z && fread(z, 1, (size_t)n, f)==(size_t)n ){
    sqlite3_result_blob(ctx, z, (int)n, sqlite3_free);
  }else if( z==0 ){
    sqlite3_result_error_nomem(ctx);
  }else{
    sqlite3_free(z);
    sqlite3_result_error(ctx, "readfile: cannot read the file", -1);
  }
  fclose(f);
}

sqlite3 *testfile_open_db(const char *zExt){
  sqlite3 *db = 0;
  char *zErr = 0;
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){
    fprintf(stderr, "test: cannot open a database\n");
    exit(2);
  }
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, zExt, 0, &zErr)!=SQLITE_OK ){
    fprintf(stderr, "test: cannot load %s: %s\n", zExt, zErr ? zErr : "?");
    exit(2);
  }
  sqlite3_enable_load_extension(db, 0);
  sqlite3_create_function(db, "readfile", 1, SQLITE_UTF8|SQLITE_DIRECTONLY, 0,
                          readfile_func, 0, 0);
  return db;
}

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
      if( z==0 ){ text_adds(out, "error: out of memory"); break; }
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

static int render_error(sqlite3 *db, Text *out, int rc){
  text_clear(out);
  text_adds(out, "error: ");
  text_adds(out, sqlite3_errmsg(db));
  return rc;
}

int testfile_run(sqlite3 *db, const char *zSql, Text *out){
  const char *zTail = zSql;
  int nRow = 0;
  text_clear(out);
  while( zTail && *zTail ){
    sqlite3_stmt *pStmt = 0;
    int rc = sqlite3_prepare_v2(db, zTail, -1, &pStmt, &zTail);
    if( rc!=SQLITE_OK ) return render_error(db, out, rc);
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
      rc = render_error(db, out, sqlite3_extended_errcode(db));
      sqlite3_finalize(pStmt);
      return rc;
    }
    sqlite3_finalize(pStmt);
  }
  if( nRow==0 ) text_adds(out, "(no rows)");
  return SQLITE_OK;
}
