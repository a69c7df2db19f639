/*
** consumer.c: an application that links SQLite and the static libpaperext.a
** (tests/clients/packages.sh builds it with `pkg-config --cflags --libs
** paperext` against an installed copy and against the static tarball).
**
**   consumer LIST.txt
**
** imports the reading list with paperext registered by
** sqlite3_auto_extension(), prints its papers as position|title|venue|year,
** then shows that a connection opened after sqlite3_reset_auto_extension()
** has no paperext until sqlite3_paperext_init() is called on it.
*/
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <paperext.h>

static char *read_file(const char *zPath, long *pn){
  FILE *f = fopen(zPath, "rb");
  char *z = 0;
  if( f && fseek(f, 0, SEEK_END)==0 && (*pn = ftell(f))>=0 && fseek(f, 0, SEEK_SET)==0 ){
    z = malloc((size_t)*pn + 1);
    if( z && fread(z, 1, (size_t)*pn, f)!=(size_t)*pn ){ free(z); z = 0; }
  }
  if( f ) fclose(f);
  return z;
}

static int fail(sqlite3 *db, const char *zWhat){
  fprintf(stderr, "consumer: %s: %s\n", zWhat, db ? sqlite3_errmsg(db) : "out of memory");
  return 1;
}

static int import_and_print(sqlite3 *db, const char *zText, long nText){
  sqlite3_stmt *p;
  if( sqlite3_prepare_v2(db, "CREATE TABLE papers AS SELECT * FROM readinglist_entries(?1)", -1, &p, 0) )
    return fail(db, "prepare import");
  sqlite3_bind_text(p, 1, zText, (int)nText, SQLITE_STATIC);
  if( sqlite3_step(p)!=SQLITE_DONE ){ sqlite3_finalize(p); return fail(db, "import"); }
  sqlite3_finalize(p);
  if( sqlite3_prepare_v2(db, "SELECT position, title, venue_norm(venue), venue_year(venue) "
                             "FROM papers WHERE position > 0 ORDER BY position", -1, &p, 0) )
    return fail(db, "prepare query");
  while( sqlite3_step(p)==SQLITE_ROW ){
    printf("%d|%s|%s|%d\n", sqlite3_column_int(p, 0), (const char*)sqlite3_column_text(p, 1),
           (const char*)sqlite3_column_text(p, 2), sqlite3_column_int(p, 3));
  }
  return sqlite3_finalize(p) ? fail(db, "query") : 0;
}

static void print_version(sqlite3 *db){
  sqlite3_stmt *p;
  if( sqlite3_prepare_v2(db, "SELECT paperext_version()", -1, &p, 0)==SQLITE_OK ){
    if( sqlite3_step(p)==SQLITE_ROW ) printf("version %s\n", (const char*)sqlite3_column_text(p, 0));
    sqlite3_finalize(p);
  }else{
    printf("before init: %s\n", sqlite3_errmsg(db));
  }
}

int main(int argc, char **argv){
  sqlite3 *db = 0;
  char *zErr = 0;
  long nText = 0;
  char *zText = argc==2 ? read_file(argv[1], &nText) : 0;
  int rc;
  if( zText==0 ){ fprintf(stderr, "usage: consumer LIST.txt (a readable file)\n"); return 2; }

  /* every connection opened from here on gets paperext */
  sqlite3_auto_extension((void (*)(void))sqlite3_paperext_init);
  if( sqlite3_open(":memory:", &db) ) return fail(db, "open");
  rc = import_and_print(db, zText, nText);
  sqlite3_close(db);
  free(zText);
  if( rc ) return rc;

  /* one connection, by hand */
  sqlite3_reset_auto_extension();
  if( sqlite3_open(":memory:", &db) ) return fail(db, "open");
  print_version(db);
  if( sqlite3_paperext_init(db, &zErr, 0)!=SQLITE_OK ){
    fprintf(stderr, "consumer: sqlite3_paperext_init: %s\n", zErr);
    sqlite3_free(zErr);
    return 1;
  }
  print_version(db);
  sqlite3_close(db);
  return 0;
}
