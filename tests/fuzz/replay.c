/*
** replay: runs a fuzz harness's LLVMFuzzerTestOneInput on files, without
** libFuzzer, so `make test` can replay the seed corpora and every input that
** once crashed (tests/fuzz/regress/) with gcc's ASan+UBSan build.
**
**   build/asan/fuzz/replay_<name> FILE_OR_DIR...
*/
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *a, size_t n);

static int nRun = 0;

static void run_file(const char *zPath){
  FILE *in = fopen(zPath, "rb");
  uint8_t *a;
  long n;
  if( in==0 ) return;
  fseek(in, 0, SEEK_END);
  n = ftell(in);
  fseek(in, 0, SEEK_SET);
  a = malloc((size_t)n + 1);
  if( a && fread(a, 1, (size_t)n, in)==(size_t)n ){
    LLVMFuzzerTestOneInput(a, (size_t)n);
    nRun++;
  }
  free(a);
  fclose(in);
}

static void run_path(const char *zPath){
  struct stat st;
  if( stat(zPath, &st)!=0 ) return;
  if( S_ISDIR(st.st_mode) ){
    DIR *d = opendir(zPath);
    struct dirent *e;
    char zChild[4096];
    while( d && (e = readdir(d))!=0 ){
      if( e->d_name[0]=='.' ) continue;
      snprintf(zChild, sizeof zChild, "%s/%s", zPath, e->d_name);
      run_path(zChild);
    }
    if( d ) closedir(d);
  }else{
    run_file(zPath);
  }
}

int main(int argc, char **argv){
  int i;
  for(i=1; i<argc; i++) run_path(argv[i]);
  /* Reaching here means no input crashed (sanitizers abort on a finding). */
  printf("replay: %d passed, 0 failed\n", nRun);
  return 0;
}
