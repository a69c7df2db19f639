/* merge_match.c: are two records one work? (merge.h states the rules) */
#include <stdio.h>
#include <string.h>
#include "merge.h"
#include "bibtex/bibnames.h"
#include "title/title.h"

static int empty(const char *z){ return z==0 || z[0]==0; }

/* ------------------------------------------------------------ titles */

/* ----------------------------------------------------------- authors */

#define MAX_AUTHORS 64   /* the first 64 names are compared */

typedef struct Person { char zLast[48]; char zFirst[48]; } Person;

/* The folded letters of a name part (LaTeX decoded, accents and case gone,
** no spaces): 'Sch{\"o}lkopf' -> 'scholkopf', 'van der Berg' -> 'vanderberg'. */
static int fold_part(BibText t, char *zOut, size_t nOut){
  PeBuf k;
  size_t i, j = 0;
  zOut[0] = 0;
  if( t.z==0 ) return PE_OK;
  pe_buf_init(&k);
  pe_title_key(&k, t.z, t.n);
  if( k.oom ){ pe_buf_free(&k); return PE_NOMEM; }
  for(i=0; i<k.n && j+1<nOut; i++) if( k.z[i]!=' ' ) zOut[j++] = k.z[i];
  zOut[j] = 0;
  pe_buf_free(&k);
  return PE_OK;
}

/* The people of an author field; *pn of them (others left out). */
static int people(const char *z, Person *a, int *pn){
  BibNameIter it;
  BibName nm;
  int n = 0;
  *pn = 0;
  if( empty(z) ) return PE_OK;
  bib_names_start(&it, z, strlen(z));
  while( n<MAX_AUTHORS && bib_names_next(&it, &nm) ){
    BibText last = nm.last;
    if( nm.bOthers ) continue;
    if( nm.von.z && last.z ){     /* 'van der Berg': von and last together */
      last.n = (size_t)(last.z + last.n - nm.von.z);
      last.z = nm.von.z;
    }
    if( fold_part(last, a[n].zLast, sizeof a[n].zLast) ) return PE_NOMEM;
    if( fold_part(nm.first, a[n].zFirst, sizeof a[n].zFirst) ) return PE_NOMEM;
    if( a[n].zLast[0] ) n++;
  }
  *pn = n;
  return PE_OK;
}

/* One person in both lists: the same family name with compatible first
** initials, or family and given names swapped ('He Kaiming' written
** without a comma is read as given name 'He'). */
static int common_author(const Person *a, int na, const Person *b, int nb){
  int i, j;
  for(i=0; i<na; i++) for(j=0; j<nb; j++){
    if( strcmp(a[i].zLast, b[j].zLast)==0
     && (a[i].zFirst[0]==0 || b[j].zFirst[0]==0 || a[i].zFirst[0]==b[j].zFirst[0]) ) return 1;
    if( a[i].zFirst[0] && b[j].zFirst[0] && strcmp(a[i].zLast, b[j].zFirst)==0
     && strcmp(a[i].zFirst, b[j].zLast)==0 ) return 1;
  }
  return 0;
}

/* ------------------------------------------------------------ guards */

enum { CLASS_UNKNOWN, CLASS_PAPER, CLASS_BOOK, CLASS_THESIS };

static int work_class(const char *zType){
  static const char *const azBook[] = { "book", "mvbook", "collection", "mvcollection", "proceedings",
                                        "mvproceedings", "booklet", "reference", "mvreference" };
  static const char *const azThesis[] = { "phdthesis", "mastersthesis", "thesis" };
  size_t k;
  if( empty(zType) ) return CLASS_UNKNOWN;
  for(k=0; k<sizeof(azBook)/sizeof(azBook[0]); k++) if( strcmp(zType, azBook[k])==0 ) return CLASS_BOOK;
  for(k=0; k<sizeof(azThesis)/sizeof(azThesis[0]); k++) if( strcmp(zType, azThesis[k])==0 ) return CLASS_THESIS;
  return CLASS_PAPER;
}

static const char *class_name(int c){
  return c==CLASS_BOOK ? "a book" : c==CLASS_THESIS ? "a thesis" : "a paper";
}

/* The number an edition names ('2nd', 'Second', '2', 'second edition'), 0 if none. */
static int edition_number(const char *z){
  static const char *const azWord[] = { "first", "second", "third", "fourth", "fifth", "sixth",
                                        "seventh", "eighth", "ninth", "tenth" };
  size_t k;
  if( empty(z) ) return 0;
  while( *z==' ' || *z=='{' ) z++;
  if( *z>='0' && *z<='9' ){
    int v = 0;
    while( *z>='0' && *z<='9' && v<100000 ) v = v*10 + (*z++ - '0');
    return v;
  }
  for(k=0; k<sizeof(azWord)/sizeof(azWord[0]); k++){
    size_t m = strlen(azWord[k]), i;
    for(i=0; i<m && z[i] && (z[i]|0x20)==azWord[k][i]; i++){}
    if( i==m ) return (int)k+1;
  }
  return 0;
}

/* The first number in z: '1137--1149' -> 1137, 'pp. 12-20' -> 12; -1 if none. */
static long first_number(const char *z){
  long v = -1;
  if( empty(z) ) return -1;
  while( *z && !(*z>='0' && *z<='9') ) z++;
  if( *z ){ v = 0; while( *z>='0' && *z<='9' && v<100000000 ) v = v*10 + (*z++ - '0'); }
  return v;
}

static int is_preprint(const PeRecord *r){
  if( !empty(r->zKind) && strcmp(r->zKind, "preprint")==0 ) return 1;
  if( !empty(r->zVenue) && strcmp(r->zVenue, "arXiv")==0 ) return 1;
  return !empty(r->zArxiv) && empty(r->zVenue) && empty(r->zDoi);
}

/* An arXiv DOI names the arXiv id. */
static const char *arxiv_of(const PeRecord *r, char *zBuf, size_t nBuf){
  if( !empty(r->zArxiv) ) return r->zArxiv;
  if( !empty(r->zDoi) && strncmp(r->zDoi, "10.48550/arxiv.", 15)==0 ){
    snprintf(zBuf, nBuf, "%s", r->zDoi+15);
    return zBuf;
  }
  return 0;
}
static const char *doi_of(const PeRecord *r){
  if( empty(r->zDoi) || strncmp(r->zDoi, "10.48550/arxiv.", 15)==0 ) return 0;
  return r->zDoi;
}

static void say(PeMergeVerdict *v, int e, double score, const char *zFmt, const char *a, const char *b){
  v->eVerdict = e;
  v->score = score;
  snprintf(v->zReason, sizeof v->zReason, zFmt, a ? a : "", b ? b : "");
}

/* -------------------------------------------------------------- decide */

int pe_merge_decide(const PeRecord *a, const PeRecord *b, PeMergeVerdict *v){
  char zXa[64], zXb[64], zNum[2][16];
  const char *xa = arxiv_of(a, zXa, sizeof zXa), *xb = arxiv_of(b, zXb, sizeof zXb);
  const char *da = doi_of(a), *db = doi_of(b);
  const char *ta = a->zTitle ? a->zTitle : "", *tb = b->zTitle ? b->zTitle : "";
  size_t nta = strlen(ta), ntb = strlen(tb);
  Person pa[MAX_AUTHORS], pb[MAX_AUTHORS];
  int npa, npb, sameKey, subtitle, rel, ca, cb, withAuthors;
  int venuesAgree, venuesClash, yearsAgree;
  double s;

  /* 1. identifiers */
  if( da && db ){
    if( strcmp(da, db)==0 ){ say(v, PE_MERGE_SAME, 1.0, "same DOI", 0, 0); return PE_OK; }
    say(v, PE_MERGE_DIFFERENT, 0.0, "different DOIs (%s, %s)", da, db);
    return PE_OK;
  }
  if( xa && xb ){
    if( strcmp(xa, xb)==0 ){ say(v, PE_MERGE_SAME, 1.0, "same arXiv id", 0, 0); return PE_OK; }
    say(v, PE_MERGE_DIFFERENT, 0.0, "different arXiv ids (%s, %s)", xa, xb);
    return PE_OK;
  }

  /* 2. titles */
  if( pe_title_relation(ta, nta, tb, ntb, &rel, &s) || s<0 ) return PE_NOMEM;
  if( rel==PE_TITLE_DIFFERENT ){
    char zS[16];
    snprintf(zS, sizeof zS, "%.2f", s);
    say(v, PE_MERGE_DIFFERENT, s, "titles differ (similarity %s)", zS, 0);
    return PE_OK;
  }
  sameKey = rel==PE_TITLE_EQUAL;
  subtitle = rel==PE_TITLE_SUBTITLE;

  /* 3. guards */
  ca = work_class(a->zType); cb = work_class(b->zType);
  if( ca && cb && ca!=cb ){
    say(v, PE_MERGE_DIFFERENT, s, "%s and %s", class_name(ca), class_name(cb));
    return PE_OK;
  }
  {
    int ea = edition_number(a->zEdition), eb = edition_number(b->zEdition);
    if( ea && eb && ea!=eb ){
      snprintf(zNum[0], sizeof zNum[0], "%d", ea); snprintf(zNum[1], sizeof zNum[1], "%d", eb);
      say(v, PE_MERGE_DIFFERENT, s, "editions %s and %s", zNum[0], zNum[1]);
      return PE_OK;
    }
  }
  yearsAgree = a->year==0 || b->year==0 || a->year==b->year;
  if( a->year && b->year ){
    int lo = a->year<b->year ? a->year : b->year, hi = a->year<b->year ? b->year : a->year;
    const PeRecord *early = a->year<b->year ? a : b;
    if( hi-lo>1 && !(hi-lo<=2 && is_preprint(early)) ){
      snprintf(zNum[0], sizeof zNum[0], "%d", lo); snprintf(zNum[1], sizeof zNum[1], "%d", hi);
      say(v, PE_MERGE_DIFFERENT, s, "years %s and %s are more than one apart", zNum[0], zNum[1]);
      return PE_OK;
    }
  }
  {
    static const char *const azWhat[] = { "volumes", "issues", "first pages" };
    const char *az[3][2] = { { a->zVolume, b->zVolume }, { a->zNumber, b->zNumber },
                             { a->zPages, b->zPages } };
    int k;
    for(k=0; k<3; k++){
      long na = first_number(az[k][0]), nb = first_number(az[k][1]);
      if( na>=0 && nb>=0 && na!=nb ){
        snprintf(zNum[0], sizeof zNum[0], "%ld", na); snprintf(zNum[1], sizeof zNum[1], "%ld", nb);
        v->eVerdict = PE_MERGE_DIFFERENT; v->score = s;
        snprintf(v->zReason, sizeof v->zReason, "different %s (%s, %s)", azWhat[k], zNum[0], zNum[1]);
        return PE_OK;
      }
    }
  }
  if( people(a->zAuthors, pa, &npa) || people(b->zAuthors, pb, &npb) ) return PE_NOMEM;
  withAuthors = npa>0 && npb>0;
  if( withAuthors && !common_author(pa, npa, pb, npb) ){
    say(v, PE_MERGE_DIFFERENT, s, "no author in common", 0, 0);
    return PE_OK;
  }
  if( !empty(a->zSource) && !empty(b->zSource) && strcmp(a->zSource, b->zSource)==0
   && !empty(a->zKey) && !empty(b->zKey) && strcmp(a->zKey, b->zKey)!=0 ){
    say(v, PE_MERGE_UNSURE, s, "two entries of one bibliography (%s, %s)", a->zKey, b->zKey);
    return PE_OK;
  }

  /* 4. the decision */
  venuesAgree = !empty(a->zVenue) && !empty(b->zVenue) && strcmp(a->zVenue, b->zVenue)==0;
  /* a preprint's venue (arXiv) disagrees with none: it comes before the venue */
  venuesClash = !empty(a->zVenue) && !empty(b->zVenue) && !venuesAgree
             && !is_preprint(a) && !is_preprint(b);
  if( withAuthors ){
    say(v, PE_MERGE_SAME, s, subtitle ? "title and subtitle, an author in common"
                                      : "title, an author in common", 0, 0);
    return PE_OK;
  }
  if( venuesAgree && a->year && a->year==b->year ){
    say(v, PE_MERGE_SAME, s, subtitle ? "title and subtitle, same venue and year"
                                      : "title, same venue and year", 0, 0);
    return PE_OK;
  }
  if( sameKey && !subtitle && yearsAgree && !venuesClash ){
    say(v, PE_MERGE_SAME, s, "same title", 0, 0);
    return PE_OK;
  }
  say(v, PE_MERGE_UNSURE, s, subtitle ? "title and subtitle, nothing else to tell"
                                      : "similar titles, nothing else to tell", 0, 0);
  return PE_OK;
}
