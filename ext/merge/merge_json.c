/* merge_json.c: a record read from a JSON object (see merge.h). */
#include <stdlib.h>
#include <string.h>
#include "merge.h"
#include "common/json.h"

/* The members, in PeMergeJson.a order. */
enum { M_TITLE, M_AUTHORS, M_YEAR, M_TYPE, M_KIND, M_VENUE, M_DOI, M_ARXIV, M_EDITION,
       M_VOLUME, M_NUMBER, M_PAGES, M_SOURCE, M_KEY };
static const char *const azMember[PE_MERGE_NMEMBER] = {
  "title", "authors", "year", "type", "kind", "venue", "doi", "arxiv", "edition",
  "volume", "number", "pages", "source", "key",
};

int pe_merge_from_json(PeMergeJson *p, const char *z, size_t n){
  const char **apField[PE_MERGE_NMEMBER] = {
    &p->r.zTitle, &p->r.zAuthors, 0, &p->r.zType, &p->r.zKind, &p->r.zVenue, &p->r.zDoi,
    &p->r.zArxiv, &p->r.zEdition, &p->r.zVolume, &p->r.zNumber, &p->r.zPages,
    &p->r.zSource, &p->r.zKey,
  };
  int k;
  memset(&p->r, 0, sizeof p->r);
  for(k=0; k<PE_MERGE_NMEMBER; k++) pe_buf_init(&p->a[k]);
  for(k=0; k<PE_MERGE_NMEMBER; k++){
    int r = pe_json_get(z, n, azMember[k], &p->a[k]);
    if( r==-2 ) return PE_NOMEM;
    if( r==-1 ) return PE_ERROR;
    if( r!=1 ) continue;                    /* absent, null, or not a scalar */
    if( pe_buf_appendc(&p->a[k], 0) ) return PE_NOMEM;   /* a C string */
    if( k==M_YEAR ) p->r.year = atoi(p->a[k].z);
    else *apField[k] = p->a[k].z;
  }
  return PE_OK;
}

void pe_merge_json_free(PeMergeJson *p){
  int k;
  for(k=0; k<PE_MERGE_NMEMBER; k++) pe_buf_free(&p->a[k]);
}
