/* title_compare.c: two titles compared whole and through their shorter
** variants (title_parts.h): pe_title_similarity and pe_title_relation. */
#include <string.h>
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "title.h"
#include "title_parts.h"

#define CUT_FACTOR 0.97        /* a score through a variant, per part cut */

/*
** Compare two titles.  *pBest: the similarity (the whole titles, or a
** variant of one that title_same may rest on, times CUT_FACTOR per part
** cut).  pSubtitle (may be NULL): set when a variant of one, any, scores
** PE_TITLE_SAME or more against the other.  PE_OK or PE_NOMEM.
*/
static int compare(const char *zA, size_t nA, const char *zB, size_t nB,
                   const PeBuf *kA, const PeBuf *kB, double *pBest, int *pSubtitle){
  int side, rc = PE_OK;
  double best = pe_title_keys_similarity(kA->z ? kA->z : "", kA->n, kB->z ? kB->z : "", kB->n);
  if( best<0 ) return PE_NOMEM;
  /* a variant scores CUT_FACTOR at most: past that only the relation needs them */
  for(side=0; side<2 && (best<CUT_FACTOR || pSubtitle); side++){
    const PeBuf *kOther = side==0 ? kB : kA;
    PeTitleVariant a[PE_TITLE_MAX_VARIANTS];
    int nv, k;
    rc = side==0 ? pe_title_variants(zA, nA, a, &nv) : pe_title_variants(zB, nB, a, &nv);
    if( rc ) break;
    for(k=0; k<nv; k++){
      int forSame = !a[k].tailCut || a[k].sameOk;
      double s, f = a[k].nCut==2 ? CUT_FACTOR*CUT_FACTOR : CUT_FACTOR;
      if( !forSame && !pSubtitle ) continue;
      s = pe_title_keys_similarity(a[k].key.z ? a[k].key.z : "", a[k].key.n,
                                   kOther->z ? kOther->z : "", kOther->n);
      if( s<0 ){ rc = PE_NOMEM; break; }
      if( pSubtitle && s>=PE_TITLE_SAME ) *pSubtitle = 1;
      if( forSame && s*f>best ) best = s*f;
    }
    pe_title_variants_free(a, nv);
    if( rc ) break;
  }
  if( best>1.0 ) best = 1.0;      /* sums of weights can round to 1.0000000000000002 */
  *pBest = best;
  return rc;
}

static int keys(const char *zA, size_t nA, const char *zB, size_t nB, PeBuf *kA, PeBuf *kB){
  pe_buf_init(kA);
  pe_buf_init(kB);
  if( pe_title_key(kA, zA, nA) || pe_title_key(kB, zB, nB) ) return PE_NOMEM;
  return PE_OK;
}

double pe_title_similarity(const char *zA, size_t nA, const char *zB, size_t nB){
  PeBuf kA, kB;
  double s = -1.0;
  if( keys(zA, nA, zB, nB, &kA, &kB)==PE_OK && compare(zA, nA, zB, nB, &kA, &kB, &s, 0) ){
    s = -1.0;
  }
  pe_buf_free(&kA);
  pe_buf_free(&kB);
  return s;
}

int pe_title_relation(const char *zA, size_t nA, const char *zB, size_t nB, int *pRel,
                      double *pSimilarity){
  PeBuf kA, kB;
  int rc = keys(zA, nA, zB, nB, &kA, &kB), subtitle = 0;
  double s = -1.0;
  *pRel = PE_TITLE_DIFFERENT;
  if( rc==PE_OK ){
    if( kA.n==kB.n && (kA.n==0 || memcmp(kA.z, kB.z, kA.n)==0) ){
      *pRel = PE_TITLE_EQUAL;
      if( pSimilarity ) rc = compare(zA, nA, zB, nB, &kA, &kB, &s, 0);
    }else{
      /* the relation's compare reads every variant: its best is the similarity too */
      rc = compare(zA, nA, zB, nB, &kA, &kB, &s, &subtitle);
      if( rc==PE_OK ){
        *pRel = subtitle ? PE_TITLE_SUBTITLE : s>=PE_TITLE_SAME ? PE_TITLE_SIMILAR : PE_TITLE_DIFFERENT;
      }
    }
  }
  if( pSimilarity ) *pSimilarity = rc==PE_OK ? s : -1.0;
  pe_buf_free(&kA);
  pe_buf_free(&kB);
  return rc;
}
