/*
** testfile.h: reading tests/sql/<name>.test files and running their SQL.
** The format is described at the top of tests/runner.c.  Shared by the
** runner (results), the out-of-memory driver and the threads driver.
*/
#ifndef PE_TESTFILE_H
#define PE_TESTFILE_H
#include <stddef.h>
#include <sqlite3.h>

typedef struct Text { char *z; size_t n, cap; } Text;
void text_add(Text *t, const char *z, size_t n);
void text_adds(Text *t, const char *z);
void text_clear(Text *t);

typedef struct TestCase {
  int isQuery;        /* 1: a test with expected rows; 0: set-up SQL */
  int line;           /* line of the SQL's first line */
  char *zSql;
  char *zWant;        /* expected rows (queries only) */
} TestCase;

typedef struct TestFile {
  const char *zName;
  TestCase *a;
  int n;
} TestFile;

/* Read a file; returns 0 and fills *p, or non-zero with a message printed. */
int testfile_read(const char *zFile, TestFile *p);
void testfile_free(TestFile *p);

/* Open an in-memory database with the extension loaded (exits on failure). */
sqlite3 *testfile_open_db(const char *zExt);

/* Run every statement of zSql, rendering all rows (or "error: ...") to out.
** Returns the SQLite result code of the first failure, or SQLITE_OK. */
int testfile_run(sqlite3 *db, const char *zSql, Text *out);

#endif
