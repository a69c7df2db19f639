/* merge_json.c: a record read from a JSON object (see merge.h). */
#include <stdlib.h>
#include <string.h>
#include "merge.h"
#include "common/pejson.h"

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
  PeJson j;
  size_t iEnd;
  int k, rc;
  memset(&p->r, 0, sizeof p->r);
  for(k=0; k<PE_MERGE_NMEMBER; k++) pe_buf_init(&p->a[k]);
  pe_json_init(&j);
  rc = pe_json_parse(&j, z, n, 0, &iEnd);
  if( rc==PE_OK && (j.aNode[0].eType!=PE_JSON_OBJECT || pe_json_space(z, n, iEnd)<n) ) rc = PE_ERROR;
  for(k=0; rc==PE_OK && k<PE_MERGE_NMEMBER; k++){
    int iVal = pe_json_member(&j, 0, azMember[k]), eType;
    if( iVal<0 ) continue;
    eType = j.aNode[iVal].eType;
    if( eType!=PE_JSON_STRING && eType!=PE_JSON_NUMBER ) continue;   /* not a scalar: unknown */
    if( pe_json_text(&j, iVal, &p->a[k]) || pe_buf_appendc(&p->a[k], 0) ){ rc = PE_NOMEM; break; }
    if( k==M_YEAR ) p->r.year = atoi(p->a[k].z);
    else *apField[k] = p->a[k].z;
  }
  pe_json_free(&j);
  return rc;
}

void pe_merge_json_free(PeMergeJson *p){
  int k;
  for(k=0; k<PE_MERGE_NMEMBER; k++) pe_buf_free(&p->a[k]);
}
