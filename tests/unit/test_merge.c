/* Unit tests of the merge core (ext/merge/): the rules of pe_merge_decide
** one by one, the index keys, and the labeled pairs of
** tests/data/merge_pairs.tsv (every pair must get its verdict). */
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "common/strbuf.h"
#include "merge/merge.h"

static const char *const azVerdict[] = { "different", "same", "unsure" };

/* The verdict of two records given as JSON, and its reason in zReason. */
static char zReason[256];
static const char *decide(const char *zA, const char *zB){
  PeMergeJson a, b;
  PeMergeVerdict v;
  const char *z = "error";
  if( pe_merge_from_json(&a, zA, strlen(zA))==PE_OK && pe_merge_from_json(&b, zB, strlen(zB))==PE_OK
   && pe_merge_decide(&a.r, &b.r, &v)==PE_OK ){
    z = azVerdict[v.eVerdict];
    snprintf(zReason, sizeof zReason, "%s", v.zReason);
  }
  pe_merge_json_free(&a);
  pe_merge_json_free(&b);
  return z;
}

static char zKeys[1024];
static const char *keys(const char *zTitle, const char *zDoi, const char *zArxiv){
  PeBuf b;
  pe_buf_init(&b);
  zKeys[0] = 0;
  if( pe_merge_keys(&b, zTitle, zDoi, zArxiv)==PE_OK && b.n<sizeof zKeys ) memcpy(zKeys, b.z, b.n+1);
  pe_buf_free(&b);
  return zKeys;
}


/* Every pair of the labeled set gets its verdict. */
static void labeled_pairs(const char *zPath){
  FILE *f = fopen(zPath, "r");
  char *zLine = 0;
  size_t nLine = 0;
  int nPair = 0, nRight = 0;
  CHECK(f!=0);
  if( f==0 ) return;
  while( getline(&zLine, &nLine, f)>0 ){
    char *zWant = zLine, *zA, *zB, *zWhy, *t;
    const char *zGot;
    if( zLine[0]=='#' || zLine[0]=='\n' ) continue;
    if( (zA = strchr(zWant, '\t'))==0 ) continue;
    *zA++ = 0;
    if( (zB = strchr(zA, '\t'))==0 ) continue;
    *zB++ = 0;
    zWhy = strchr(zB, '\t');
    if( zWhy ) *zWhy++ = 0;
    if( zWhy && (t = strchr(zWhy, '\n'))!=0 ) *t = 0;
    nPair++;
    zGot = decide(zA, zB);
    if( strcmp(zGot, zWant)==0 ) nRight++;
    else printf("FAIL merge_pairs.tsv (%s): want %s, got %s (%s)\n", zWhy ? zWhy : "", zWant, zGot, zReason);
    /* the order of the two records does not matter */
    if( strcmp(decide(zB, zA), zGot)!=0 ) printf("FAIL merge_pairs.tsv (%s): the verdict depends on the order\n", zWhy ? zWhy : "");
    else nRight++;
  }
  free(zLine);
  fclose(f);
  printf("merge_pairs.tsv: %d pairs, %d of %d checks right\n", nPair, nRight, 2*nPair);
  CHECK(nPair>=30);
  CHECK_INT(nRight, 2*nPair);
}

int main(void){
  /* 1. identifiers decide first */
  CHECK_STR(decide("{\"title\":\"A\",\"doi\":\"10.1/x\"}", "{\"title\":\"Completely Other\",\"doi\":\"10.1/x\"}"), "same");
  CHECK_STR(zReason, "same DOI");
  CHECK_STR(decide("{\"title\":\"Same Title Here\",\"doi\":\"10.1/x\"}", "{\"title\":\"Same Title Here\",\"doi\":\"10.1/y\"}"), "different");
  CHECK_STR(zReason, "different DOIs (10.1/x, 10.1/y)");
  CHECK_STR(decide("{\"title\":\"T\",\"arxiv\":\"2006.07733\"}", "{\"title\":\"U\",\"doi\":\"10.48550/arxiv.2006.07733\"}"), "same");
  CHECK_STR(zReason, "same arXiv id");
  /* an arXiv DOI is no DOI: it does not clash with the publisher's */
  CHECK_STR(decide("{\"title\":\"Some Work Title\",\"doi\":\"10.48550/arxiv.1412.6980\",\"authors\":\"Kingma, D.\"}",
                   "{\"title\":\"Some Work Title\",\"doi\":\"10.1/pub\",\"authors\":\"Kingma, Diederik\"}"), "same");
  /* 2. titles */
  CHECK_STR(decide("{\"title\":\"Graph Attention Networks\"}", "{\"title\":\"Graph Convolutional Networks\"}"), "different");
  CHECK_STR(zReason, "titles differ (similarity 0.67)");
  /* 3. guards, each alone */
  CHECK_STR(decide("{\"title\":\"Deep Learning\",\"type\":\"book\"}", "{\"title\":\"Deep learning\",\"type\":\"article\"}"), "different");
  CHECK_STR(zReason, "a book and a paper");
  CHECK_STR(decide("{\"title\":\"Deep Learning\",\"type\":\"mastersthesis\"}", "{\"title\":\"Deep learning\",\"type\":\"inproceedings\"}"), "different");
  CHECK_STR(zReason, "a thesis and a paper");
  CHECK_STR(decide("{\"title\":\"A Book Title\",\"edition\":\"3rd\"}", "{\"title\":\"A Book Title\",\"edition\":\"Fourth\"}"), "different");
  CHECK_STR(zReason, "editions 3 and 4");
  CHECK_STR(decide("{\"title\":\"A Paper Title\",\"year\":2010}", "{\"title\":\"A Paper Title\",\"year\":2012}"), "different");
  CHECK_STR(zReason, "years 2010 and 2012 are more than one apart");
  CHECK_STR(decide("{\"title\":\"A Paper Title\",\"year\":2010,\"kind\":\"preprint\",\"authors\":\"Li, Wei\"}",
                   "{\"title\":\"A Paper Title\",\"year\":2012,\"authors\":\"Wei Li\"}"), "same");
  CHECK_STR(decide("{\"title\":\"A Paper Title\",\"year\":2012,\"kind\":\"preprint\"}", "{\"title\":\"A Paper Title\",\"year\":2010}"), "different");
  CHECK_STR(decide("{\"title\":\"Editorial\",\"volume\":\"5\"}", "{\"title\":\"Editorial\",\"volume\":\"6\"}"), "different");
  CHECK_STR(zReason, "different volumes (5, 6)");
  CHECK_STR(decide("{\"title\":\"Editorial\",\"pages\":\"pp. 1-2\"}", "{\"title\":\"Editorial\",\"pages\":\"1--2\"}"), "same");
  CHECK_STR(decide("{\"title\":\"A Paper Title\",\"authors\":\"Smith, J.\"}", "{\"title\":\"A Paper Title\",\"authors\":\"Jones, K. and others\"}"), "different");
  CHECK_STR(zReason, "no author in common");
  CHECK_STR(decide("{\"title\":\"A Paper Title\",\"authors\":\"Smith, J.\"}", "{\"title\":\"A Paper Title\",\"authors\":\"Smith, K.\"}"), "different");
  CHECK_STR(decide("{\"title\":\"A Paper Title\",\"authors\":\"van der Berg, Jan\"}", "{\"title\":\"A Paper Title\",\"authors\":\"Jan van der Berg\"}"), "same");
  CHECK_STR(decide("{\"title\":\"A Paper Title\",\"source\":\"a.bib\",\"key\":\"k1\"}", "{\"title\":\"A Paper Title\",\"source\":\"a.bib\",\"key\":\"k2\"}"), "unsure");
  CHECK_STR(decide("{\"title\":\"A Paper Title\",\"source\":\"a.bib\",\"key\":\"k1\"}", "{\"title\":\"A Paper Title\",\"source\":\"b.bib\",\"key\":\"k2\"}"), "same");
  CHECK_STR(zReason, "same title");
  /* 4. without authors: venue and year decide a similar title */
  CHECK_STR(decide("{\"title\":\"A Study of Typos in Titless\",\"venue\":\"ICML\",\"year\":2020}",
                   "{\"title\":\"A Study of Typos in Titles\",\"venue\":\"ICML\",\"year\":2020}"), "same");
  CHECK_STR(decide("{\"title\":\"A Study of Typos in Titless\",\"venue\":\"ICML\",\"year\":2020}",
                   "{\"title\":\"A Study of Typos in Titles\",\"venue\":\"NeurIPS\",\"year\":2020}"), "unsure");
  CHECK_STR(decide("{\"title\":\"A Study of Typos\",\"venue\":\"ICML\"}", "{\"title\":\"A study of typos\",\"venue\":\"NeurIPS\"}"), "unsure");
  CHECK_STR(decide("{\"title\":\"A Study of Typos\",\"venue\":\"arXiv\"}", "{\"title\":\"A study of typos\",\"venue\":\"NeurIPS\"}"), "same");
  /* records of no object are errors; null members are unknown */
  {
    PeMergeJson j;
    CHECK_INT(pe_merge_from_json(&j, "[1]", 3), PE_ERROR);
    pe_merge_json_free(&j);
    CHECK_INT(pe_merge_from_json(&j, "{\"title\":null,\"year\":\"2020\"}", 28), PE_OK);
    CHECK(j.r.zTitle==0);
    CHECK_INT(j.r.year, 2020);
    pe_merge_json_free(&j);
  }
  /* keys */
  CHECK_STR(keys("Mask R-CNN", "10.1109/iccv.2017.322", 0), "[\"doi:10.1109/iccv.2017.322\",\"t:mask r cnn\",\"m:mask r cnn\"]");
  CHECK_STR(keys("Attention Is All You Need", 0, "1706.03762"),
            "[\"arxiv:1706.03762\",\"t:attention is all you need\",\"m:attention is all you need\",\"a:attention is\",\"z:you need\"]");
  CHECK_STR(keys(0, 0, 0), "[]");
  CHECK_STR(keys("", "", ""), "[]");
  /* content hashes: the same on every machine (the database stores them),
  ** every byte and the length count, key_hash is the first 64 bits */
  {
    char h[33], h2[33];
    pe_merge_hash("abcdefgh", 8, h);
    CHECK_STR(h, "4d088bee92485848189a8138b8b7bc47");
    pe_merge_hash("abcdefgh", 9, h2);              /* and the NUL after it */
    CHECK(strcmp(h, h2)!=0);
    pe_merge_hash("abcdefgi", 8, h2);
    CHECK(strcmp(h, h2)!=0);
    pe_merge_hash("", 0, h2);
    CHECK_STR(h2, "e9e0033e3badaf365975e34a88b91892");
    CHECK_INT(pe_merge_hash64("abcdefgh", 8), (long long)0x4d088bee92485848ull);
  }
  labeled_pairs("tests/data/merge_pairs.tsv");
  return CHECK_REPORT("merge");
}
