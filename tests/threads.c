/*
** threads: every SQL test file run by 8 threads at once, each thread with a
** connection of its own, each answer compared with the expected one.  Built
** with ThreadSanitizer (build/tsan/), this shows the extension keeps no
** shared mutable state: no data race, the same results as one thread.
**
**   build/tsan/threads build/tsan/paperext.so tests/sql/<name>.test ...
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testfile.h"

#define N_THREAD 8
#define N_ROUND  2

typedef struct Job {
  const char *zExt;
  TestFile *aFile;
  int nFile;
  int nPass, nFail;
} Job;

static void *worker(void *pArg){
  Job *job = (Job*)pArg;
  Text got = {0};
  int r, i, j;
  for(r=0; r<N_ROUND; r++){
    for(i=0; i<job->nFile; i++){
      const TestFile *f = &job->aFile[i];
      sqlite3 *db = testfile_open_db(job->zExt);
      int bad = 0;
      for(j=0; j<f->n; j++){
        const TestCase *c = &f->a[j];
        if( !c->isQuery ){ sqlite3_exec(db, c->zSql, 0, 0, 0); continue; }
        testfile_run(db, c->zSql, &got);
        if( strcmp(got.z, c->zWant)!=0 ){
          if( !bad ) printf("FAIL %s:%d (in a thread): got %s\n", f->zName, c->line, got.z);
          bad = 1;
        }
      }
      if( bad ) job->nFail++; else job->nPass++;
      sqlite3_close(db);
    }
  }
  free(got.z);
  return 0;
}

int main(int argc, char **argv){
  pthread_t aThread[N_THREAD];
  Job aJob[N_THREAD];
  TestFile *aFile;
  int nFile = argc-2, i, nPass = 0, nFail = 0;
  if( argc<3 ){ fprintf(stderr, "usage: %s EXTENSION FILE.test...\n", argv[0]); return 2; }
  if( !sqlite3_threadsafe() ){ fprintf(stderr, "threads: SQLite is not threadsafe\n"); return 2; }
  aFile = calloc((size_t)nFile, sizeof(TestFile));
  for(i=0; i<nFile; i++){
    if( testfile_read(argv[i+2], &aFile[i]) ) return 2;
  }
  /* A host loads the extension once before its threads share the process;
  ** from then on every further load only reads the API pointer. */
  sqlite3_close(testfile_open_db(argv[1]));
  for(i=0; i<N_THREAD; i++){
    aJob[i].zExt = argv[1]; aJob[i].aFile = aFile; aJob[i].nFile = nFile;
    aJob[i].nPass = aJob[i].nFail = 0;
    pthread_create(&aThread[i], 0, worker, &aJob[i]);
  }
  for(i=0; i<N_THREAD; i++){
    pthread_join(aThread[i], 0);
    nPass += aJob[i].nPass;
    nFail += aJob[i].nFail;
  }
  for(i=0; i<nFile; i++) testfile_free(&aFile[i]);
  free(aFile);
  printf("threads: %d passed, %d failed\n", nPass, nFail);
  return nFail ? 1 : 0;
}
