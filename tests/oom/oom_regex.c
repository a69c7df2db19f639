/*
** oom_regex.c: out-of-memory injection for the regex functions.
**
**   make build/asan/paperext.so
**   cc -fsanitize=address,undefined -g tests/oom/oom_regex.c -lsqlite3 -o build/oom_regex
**   ASAN_OPTIONS=detect_leaks=1 build/oom_regex build/asan/paperext.so
**
** For each query, fails the 1st, 2nd, 3rd ... allocation SQLite (and so
** every core, through pe_mem.h) makes while running it, until a run makes
** no more.  Every run must end in success or SQLITE_NOMEM: never another
** error, a crash, or (under ASan) a leak.  Not yet run by `make test`
** (tests/run.sh is shared); prints "oom: N passed, N failed".
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static sqlite3_mem_methods orig;
static int countdown = -1, fired = 0;
static void *xMalloc(int n){ if(countdown>=0 && countdown--==0){ fired=1; return 0;} return orig.xMalloc(n); }
static void *xRealloc(void *p, int n){ if(countdown>=0 && countdown--==0){ fired=1; return 0;} return orig.xRealloc(p,n); }
static const char *queries[] = {
 "SELECT 'Attention transformer' REGEXP 'trans(former)'",
 "SELECT regexp_like('BERT gpt', '(?i)bert|gpt', 'i')",
 "SELECT regexp_substr('arXiv:2005.14165', '\\d{4}\\.\\d{4,5}')",
 "SELECT regexp_capture('NeurIPS 2020', '(?<v>\\w+) (?<y>\\d+)', 'y')",
 "SELECT regexp_replace('NeurIPS 2020, ICML 2021', '(\\w+) (\\d+)', '$2 $1 $$')",
 "SELECT regexp_count('記憶體 and 記憶', '記憶')",
 "SELECT regexp_instr('注意力 attention', '\\p{Han}{2}')",
 "SELECT count(*), group_concat(groups) FROM regexp_matches('k=1, j=22', '(\\w)=(\\d+)')",
 "SELECT group_concat(part) FROM regexp_split('a, b,c', ',\\s*')",
 "SELECT regexp_like('x', 'ab(c')",
 "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM k WHERE i<200) SELECT sum(regexp_like('x'||i, '^x'||i||'$')) FROM k",
};
int main(int argc, char **argv){
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &orig);
  sqlite3_mem_methods m = orig; m.xMalloc = xMalloc; m.xRealloc = xRealloc;
  sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
  int nOk=0, nNomem=0, nOther=0;
  for(size_t q=0; q<sizeof(queries)/sizeof(*queries); q++){
    for(int k=0; k<3000; k++){
      sqlite3 *db; char *err=0;
      countdown=-1; fired=0;
      if(sqlite3_open(":memory:", &db)){ sqlite3_close(db); continue; }
      sqlite3_enable_load_extension(db,1);
      if(sqlite3_load_extension(db, argv[1], 0, &err)){ printf("load failed\n"); return 1; }
      countdown = k;
      int rc = sqlite3_exec(db, queries[q], 0, 0, &err);
      countdown = -1;
      if(rc==SQLITE_OK) nOk++;
      else if(rc==SQLITE_NOMEM) nNomem++;
      else { if(fired && !strstr(sqlite3_errmsg(db),"ab(c")) { nOther++; printf("q%zu k%d: rc=%d %s\n", q, k, rc, err?err:"");} }
      sqlite3_free(err);
      sqlite3_close(db);
      if(!fired) break;   /* no more allocations to fail */
    }
  }
  printf("oom: %d passed, %d failed\n", nOk+nNomem, nOther);
  return nOther!=0;
}
