/*
** paperext.h: paperext linked into an application that links SQLite itself
** (libpaperext.a, built with -DSQLITE_CORE; see packaging/README.md).
**
**   #include <sqlite3.h>
**   #include <paperext.h>
**
**   // every connection opened from now on gets paperext's functions:
**   sqlite3_auto_extension((void (*)(void))sqlite3_paperext_init);
**
**   // or one connection:
**   char *zErr = 0;
**   if( sqlite3_paperext_init(db, &zErr, 0)!=SQLITE_OK ){ ...; sqlite3_free(zErr); }
**
**   cc app.c $(pkg-config --cflags --libs paperext) -lsqlite3
**
** The function returns SQLITE_OK, or an error code with *pzErrMsg set to a
** message from sqlite3_malloc (free it with sqlite3_free).  pApi is unused
** in this build; pass 0.  Loaded as a run-time extension (paperext.so,
** `.load paperext`), SQLite finds the same entry point by itself.
*/
#ifndef PAPEREXT_H
#define PAPEREXT_H
#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

int sqlite3_paperext_init(sqlite3 *db, char **pzErrMsg,
                          const sqlite3_api_routines *pApi);

#ifdef __cplusplus
}
#endif
#endif /* PAPEREXT_H */
