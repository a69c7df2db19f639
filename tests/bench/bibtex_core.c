/*
** bibtex_core: the BibTeX core alone, as a C program reads it, for the
** benchmark's side-by-side row with the btparse driver (same shape: read
** the file with stdio, parse every entry).
**
**   build/bench/bibtex_core FILE        count the entries
**   build/bench/bibtex_core -f FILE     also touch every field value
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bibtex/bibtex.h"

int main(int argc, char **argv){
  int bFields = argc>2 && strcmp(argv[1], "-f")==0;
  const char *zPath = argv[argc-1];
  FILE *f = fopen(zPath, "rb");
  char *z;
  long n, nEntry = 0, nBytes = 0;
  BibParser *p;
  const BibEntry *e;
  if( argc<2 || f==0 ){ fprintf(stderr, "usage: %s [-f] FILE\n", argv[0]); return 2; }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  z = malloc((size_t)n + 1);
  if( z==0 || fread(z, 1, (size_t)n, f)!=(size_t)n ) return 1;
  fclose(f);
  p = bib_open(z, (size_t)n, bFields ? BIB_NO_DIAGS : (BIB_NO_VALUES|BIB_NO_INHERIT));
  while( bib_next(p, &e)==0 && e ){
    int k;
    if( e->eKind!=BIB_ENTRY ) continue;
    nEntry++;
    for(k=0; k<e->nField; k++) nBytes += (long)e->aField[k].value.n;
  }
  bib_close(p);
  free(z);
  printf("%ld %ld %s\n", nEntry, nBytes, zPath);
  return 0;
}
