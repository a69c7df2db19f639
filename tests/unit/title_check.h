/*
** title_check.h: what the title unit tests share (test_title.c,
** test_title_parts.c): the key and similarity of C strings, and a reader
** of the labeled pair files (tests/data/title_pairs*.tsv).
*/
#ifndef PE_TITLE_CHECK_H
#define PE_TITLE_CHECK_H
#include <stdio.h>
#include "check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "title/title.h"

static char *key(const char *z){
  PeBuf b;
  pe_buf_init(&b);
  CHECK_INT(pe_title_key(&b, z, strlen(z)), PE_OK);
  return pe_buf_finish(&b, 0);
}
#define CHECK_KEY(in, want) do{ char *g = key(in); CHECK_STR(g, want); pe_free(g); }while(0)

static double sim(const char *a, const char *b){
  return pe_title_similarity(a, strlen(a), b, strlen(b));
}

/* "\n" in a title of the pair files stands for a line break. */
static void unescape(char *z){
  char *w = z;
  for(; *z; z++){
    if( z[0]=='\\' && z[1]=='n' ){ *w++ = '\n'; z++; }
    else *w++ = *z;
  }
  *w = 0;
}

/* Call xPair(label, kind, a, b, pArg) for every pair of a labeled file
** (columns: label, kind, title A, title B; '# ' lines are comments). */
static void each_pair(const char *zFile, void (*xPair)(const char*, const char*, char*, char*, void*),
                      void *pArg){
  FILE *in = fopen(zFile, "rb");
  char line[4096];
  CHECK(in!=0);
  if( in==0 ) return;
  while( fgets(line, sizeof line, in) ){
    char *f[4], *p = line;
    int k;
    if( line[0]=='#' && line[1]==' ' ) continue;
    line[strcspn(line, "\r\n")] = 0;
    for(k=0; k<4; k++){
      f[k] = p;
      p = p ? strchr(p, '\t') : 0;
      if( p ) *p++ = 0;
    }
    if( f[3]==0 ) continue;
    unescape(f[2]);
    unescape(f[3]);
    xPair(f[0], f[1], f[2], f[3], pArg);
  }
  fclose(in);
}

#endif
