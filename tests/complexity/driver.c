/*
** driver: runs the complexity test's queries (tests/complexity/) and lets
** valgrind's callgrind count the instructions of each.
**
**   build/plain/complexity_driver ./paperext.so -e SQL     print the rows of SQL
**   build/plain/complexity_driver ./paperext.so CASEFILE   run a case file
**
** Run the second form under
**   valgrind --tool=callgrind --collect-atstart=no --combine-dumps=yes ...
** Counting is on only while a measured query runs.  Measured query number m
** runs in the function slot_XX for XX = m % 256 (hex), which calls
** run_stmt(): the cost callgrind gives that call is the query's.  After
** every 256 measured queries (and at the end) the counts are dumped, as a
** part named "w" and m / 256; so a dump, which costs more than a short
** query, is written once per 256 (measure.py reads them).  Without valgrind
** the same file runs natively (the marks are no-ops); -t prints each
** measured query's wall time instead.
**
** A case file has one command a line, its fields separated by one space:
**   S SQL                 run SQL (set-up: it must succeed)
**   P ID SQL              prepare statement number ID (0..4095)
**   W ID ARG...           run statement ID with these arguments, not counted
**   M LABEL ID ARG...     run statement ID, counted (LABEL: for -t)
** SQL is hex-encoded UTF-8; an ARG is '-' (NULL), 'i' and a decimal integer,
** 'x' and hex-encoded bytes, or 'p' and pieces joined by '+': HEX (once),
** HEX*N (N times) or %HEX*N (N times, '%d' in it replaced by 0, 1, ...).
** Text is bound as it is (invalid UTF-8 and NUL bytes arrive unchanged).
** A run steps the statement to its end and reads every column of every
** row; an error is part of the run (a function may refuse an input), so it
** is not a failure of the driver.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>
#include <valgrind/callgrind.h>

#define MAX_STMT 4096
#define MAX_ARG 16

static int hexval(int c){
  if( c>='0' && c<='9' ) return c-'0';
  if( c>='a' && c<='f' ) return c-'a'+10;
  if( c>='A' && c<='F' ) return c-'A'+10;
  return -1;
}

/* Decode hex z in place; returns the byte count, or -1 when it is not hex. */
static long unhex(char *z){
  long n = 0;
  size_t i;
  for(i=0; z[i] && z[i+1]; i+=2){
    int hi = hexval((unsigned char)z[i]), lo = hexval((unsigned char)z[i+1]);
    if( hi<0 || lo<0 ) return -1;
    z[n++] = (char)(hi*16+lo);
  }
  if( z[i] ) return -1;
  z[n] = 0;
  return n;
}

/* Append z[0..n) to the growing buffer *pz (*pn used, *pAlloc allocated). */
static int grow_append(char **pz, long *pn, long *pAlloc, const char *z, long n){
  if( *pn + n + 1 > *pAlloc ){
    long nNew = *pAlloc ? *pAlloc : 256;
    char *zNew;
    while( nNew < *pn + n + 1 ) nNew *= 2;
    if( (zNew = realloc(*pz, (size_t)nNew))==0 ) return 1;
    *pz = zNew;
    *pAlloc = nNew;
  }
  memcpy(*pz + *pn, z, (size_t)n);
  *pn += n;
  (*pz)[*pn] = 0;
  return 0;
}

/* Build the text of a 'p' argument (pieces) into *pz (malloc'd): its length,
** or -1 when the pieces are malformed (or out of memory). */
static long build_pieces(char *zSpec, char **pz){
  char *z = 0, *zPiece;
  long n = 0, nAlloc = 0;
  int bad = grow_append(&z, &n, &nAlloc, "", 0);
  for(zPiece=strtok(zSpec, "+"); zPiece && !bad; zPiece=strtok(0, "+")){
    int counted = zPiece[0]=='%';
    char *zStar = strchr(zPiece, '*'), *zAt;
    long nRep = 1, r, len;
    if( counted ) zPiece++;
    if( zStar ){ *zStar = 0; nRep = strtol(zStar+1, 0, 10); }
    len = unhex(zPiece);
    if( len<0 || nRep<0 ){ bad = 1; break; }
    zAt = counted ? strstr(zPiece, "%d") : 0;
    for(r=0; r<nRep && !bad; r++){
      if( zAt ){
        char zNum[24];
        long pre = (long)(zAt - zPiece);
        bad = grow_append(&z, &n, &nAlloc, zPiece, pre)
           || grow_append(&z, &n, &nAlloc, zNum, snprintf(zNum, sizeof zNum, "%ld", r))
           || grow_append(&z, &n, &nAlloc, zAt+2, len-pre-2);
      }else{
        bad = grow_append(&z, &n, &nAlloc, zPiece, len);
      }
    }
  }
  if( bad ){ free(z); return -1; }
  *pz = z;
  return n;
}

static char *azOwned[MAX_ARG];

static int bind_args(sqlite3_stmt *pStmt, char **azArg, int nArg){
  int i;
  for(i=0; i<MAX_ARG; i++){ free(azOwned[i]); azOwned[i] = 0; }
  sqlite3_reset(pStmt);
  sqlite3_clear_bindings(pStmt);
  for(i=0; i<nArg; i++){
    char *a = azArg[i];
    if( a[0]=='-' && a[1]==0 ){
      sqlite3_bind_null(pStmt, i+1);
    }else if( a[0]=='i' ){
      sqlite3_bind_int64(pStmt, i+1, strtoll(a+1, 0, 10));
    }else if( a[0]=='x' ){
      long n = unhex(a+1);
      if( n<0 ) return 1;
      sqlite3_bind_text(pStmt, i+1, a+1, (int)n, SQLITE_STATIC);
    }else if( a[0]=='p' && i<MAX_ARG ){
      long n = build_pieces(a+1, &azOwned[i]);
      if( n<0 ) return 1;
      sqlite3_bind_text(pStmt, i+1, azOwned[i], (int)n, SQLITE_STATIC);
    }else{
      return 1;
    }
  }
  return 0;
}

/* Step to the end, reading every column of every row.  The result code. */
static __attribute__((noinline)) int run_stmt(sqlite3_stmt *pStmt){
  int rc, i, nCol = sqlite3_column_count(pStmt);
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    for(i=0; i<nCol; i++){
      (void)sqlite3_column_text(pStmt, i);
      (void)sqlite3_column_bytes(pStmt, i);
    }
  }
  sqlite3_reset(pStmt);
  return rc==SQLITE_DONE ? SQLITE_OK : rc;
}

static int print_query(sqlite3 *db, const char *zSql){
  sqlite3_stmt *pStmt;
  int i, rc;
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)!=SQLITE_OK ){
    fprintf(stderr, "driver: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    for(i=0; i<sqlite3_column_count(pStmt); i++){
      const unsigned char *z = sqlite3_column_text(pStmt, i);
      printf("%s%s", i ? "\x1f" : "", z ? (const char*)z : "\x1e");
    }
    printf("\n");
  }
  sqlite3_finalize(pStmt);
  if( rc!=SQLITE_DONE ){ fprintf(stderr, "driver: %s\n", sqlite3_errmsg(db)); return 1; }
  return 0;
}

/* The 256 slots: distinct functions (noipa: neither inlined nor folded
** into one), each calling run_stmt(). */
#define SLOT(x) static __attribute__((noipa)) int slot_##x(sqlite3_stmt *p){ return run_stmt(p); }
#define SLOT16(h) SLOT(h##0) SLOT(h##1) SLOT(h##2) SLOT(h##3) SLOT(h##4) SLOT(h##5) SLOT(h##6) \
  SLOT(h##7) SLOT(h##8) SLOT(h##9) SLOT(h##a) SLOT(h##b) SLOT(h##c) SLOT(h##d) SLOT(h##e) SLOT(h##f)
SLOT16(0) SLOT16(1) SLOT16(2) SLOT16(3) SLOT16(4) SLOT16(5) SLOT16(6) SLOT16(7)
SLOT16(8) SLOT16(9) SLOT16(a) SLOT16(b) SLOT16(c) SLOT16(d) SLOT16(e) SLOT16(f)
#define NAME16(h) slot_##h##0, slot_##h##1, slot_##h##2, slot_##h##3, slot_##h##4, slot_##h##5, \
  slot_##h##6, slot_##h##7, slot_##h##8, slot_##h##9, slot_##h##a, slot_##h##b, slot_##h##c, \
  slot_##h##d, slot_##h##e, slot_##h##f
static int (*const aSlot[256])(sqlite3_stmt*) = {
  NAME16(0), NAME16(1), NAME16(2), NAME16(3), NAME16(4), NAME16(5), NAME16(6), NAME16(7),
  NAME16(8), NAME16(9), NAME16(a), NAME16(b), NAME16(c), NAME16(d), NAME16(e), NAME16(f),
};

static void dump_window(long nMeasured){
  char zName[32];
  snprintf(zName, sizeof zName, "w%ld", (nMeasured-1)/256);
  CALLGRIND_DUMP_STATS_AT(zName);
}

static double now(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec*1e-9;
}

/* Split line at single spaces into az (at most nMax fields). */
static int split(char *z, char **az, int nMax){
  int n = 0;
  while( *z && n<nMax ){
    az[n++] = z;
    while( *z && *z!=' ' ) z++;
    if( *z ) *z++ = 0;
  }
  return n;
}

static int run_file(sqlite3 *db, const char *zFile, int showTime){
  static sqlite3_stmt *aStmt[MAX_STMT];
  FILE *in = fopen(zFile, "r");
  char *zLine = 0;
  size_t nAlloc = 0;
  long nLine = 0, nMeasured = 0;
  int bad = 0, k;
  if( in==0 ){ perror(zFile); return 1; }
  while( !bad && getline(&zLine, &nAlloc, in)>0 ){
    char *az[MAX_ARG+3];
    int n, id;
    size_t len = strlen(zLine);
    nLine++;
    if( len && zLine[len-1]=='\n' ) zLine[--len] = 0;
    n = split(zLine, az, MAX_ARG+3);
    if( n==0 ) continue;
    if( strcmp(az[0], "S")==0 && n==2 && unhex(az[1])>=0 ){
      char *zErr = 0;
      if( sqlite3_exec(db, az[1], 0, 0, &zErr)!=SQLITE_OK ){
        fprintf(stderr, "%s:%ld: set-up failed: %s\n", zFile, nLine, zErr);
        bad = 1;
      }
      sqlite3_free(zErr);
    }else if( strcmp(az[0], "P")==0 && n==3 && (id = atoi(az[1]))>=0 && id<MAX_STMT
              && unhex(az[2])>=0 ){
      sqlite3_finalize(aStmt[id]);
      aStmt[id] = 0;
      if( sqlite3_prepare_v2(db, az[2], -1, &aStmt[id], 0)!=SQLITE_OK ){
        fprintf(stderr, "%s:%ld: %s\n", zFile, nLine, sqlite3_errmsg(db));
        bad = 1;
      }
    }else if( strcmp(az[0], "W")==0 && n>=2 && (id = atoi(az[1]))>=0 && id<MAX_STMT
              && aStmt[id] ){
      if( bind_args(aStmt[id], az+2, n-2) ) bad = 1;
      else run_stmt(aStmt[id]);
    }else if( strcmp(az[0], "M")==0 && n>=3 && (id = atoi(az[2]))>=0 && id<MAX_STMT
              && aStmt[id] ){
      double t0 = now();
      if( bind_args(aStmt[id], az+3, n-3) ){ bad = 1; break; }
      CALLGRIND_TOGGLE_COLLECT;
      aSlot[nMeasured % 256](aStmt[id]);
      CALLGRIND_TOGGLE_COLLECT;
      nMeasured++;
      if( nMeasured % 256==0 ) dump_window(nMeasured);
      if( showTime ) printf("%s %.6f\n", az[1], now()-t0);
    }else{
      fprintf(stderr, "%s:%ld: bad command\n", zFile, nLine);
      bad = 1;
    }
  }
  if( nMeasured % 256 ) dump_window(nMeasured);
  for(k=0; k<MAX_STMT; k++) sqlite3_finalize(aStmt[k]);
  free(zLine);
  fclose(in);
  return bad;
}

int main(int argc, char **argv){
  sqlite3 *db;
  char *zErr = 0;
  int rc, showTime = 0;
  if( argc>=2 && strcmp(argv[1], "-t")==0 ){ showTime = 1; argv++; argc--; }
  if( argc!=3 && !(argc==4 && strcmp(argv[2], "-e")==0) ){
    fprintf(stderr, "usage: %s [-t] EXTENSION (CASEFILE | -e SQL)\n", argv[0]);
    return 2;
  }
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ) return 2;
  sqlite3_enable_load_extension(db, 1);
  if( sqlite3_load_extension(db, argv[1], 0, &zErr)!=SQLITE_OK ){
    fprintf(stderr, "driver: cannot load %s: %s\n", argv[1], zErr);
    return 2;
  }
  rc = argc==4 ? print_query(db, argv[3]) : run_file(db, argv[2], showTime);
  sqlite3_close(db);
  return rc;
}
