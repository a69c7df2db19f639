/* merge_match.c: are two records one work? (merge.h states the rules) */
#include <stdio.h>
#include <string.h>
#include "merge.h"
#include "merge_int.h"
#include "bibtex/bibnames.h"
#include "title/title.h"

static int empty(const char *z){ return z==0 || z[0]==0; }

/* ------------------------------------------------------------ titles */

static int is_word_byte(char c){ return (unsigned char)c>=0x80 || (c>='0'&&c<='9') || ((c|0x20)>='a'&&(c|0x20)<='z'); }

/* Words in z[0..n). */
static int count_words(const char *z, size_t n){
  size_t i;
  int w = 0, in = 0;
  for(i=0; i<n; i++){
    int b = is_word_byte(z[i]);
    if( b && !in ) w++;
    in = b;
  }
  return w;
}

/* The length of a subtitle separator at z[i..n), 0 if there is none:
** ': ', ' - ', ' -- ', ' --- ', ' — ', ' – ', '—', '? ', '：'. */
static size_t separator_at(const char *z, size_t i, size_t n){
  static const char *const azSep[] = { ": ", " --- ", " -- ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                       "\xE2\x80\x94", "? ", "\xEF\xBC\x9A" };
  size_t k;
  switch( z[i] ){            /* the first bytes the separators start with */
    case ':': case ' ': case '?': case '\xE2': case '\xEF': break;
    default: return 0;
  }
  for(k=0; k<sizeof(azSep)/sizeof(azSep[0]); k++){
    size_t m = strlen(azSep[k]);
    if( i+m<=n && memcmp(z+i, azSep[k], m)==0 ) return m;
  }
  return 0;
}

size_t pe_merge_main_title(const char *z, size_t n){
  size_t i, cut = n, lastWord = 0;
  int nWord = 0, in = 0, haveWord = 0;
  /* a closing parenthetical: '... Models (DDPM)' */
  while( n>0 && (z[n-1]==' ' || z[n-1]=='.') ) n--;
  if( n>0 && z[n-1]==')' ){
    size_t depth = 0;
    for(i=n; i>0; i--){
      if( z[i-1]==')' ) depth++;
      else if( z[i-1]=='(' && --depth==0 ){ break; }
    }
    if( i>0 && count_words(z, i-1)>=2 ) cut = i-1;
  }
  /* the last word byte before the cut: a separator needs a word after it */
  for(i=cut; i>0; i--) if( is_word_byte(z[i-1]) ){ lastWord = i-1; haveWord = 1; break; }
  /* the first separator with two words before it and one after */
  for(i=0; i<cut; i++){
    int b = is_word_byte(z[i]);
    size_t m;
    if( b && !in ) nWord++;
    in = b;
    if( nWord>=2 && !b && (m = separator_at(z, i, cut))!=0 && haveWord && lastWord>=i+m ){
      cut = i;
      break;
    }
  }
  while( cut>0 && (z[cut-1]==' ' || z[cut-1]==',') ) cut--;
  return cut;
}

size_t pe_merge_name_prefix(const char *z, size_t n){
  size_t i = 0;
  while( i<n && is_word_byte(z[i]) ) i++;          /* one word: letters, digits, UTF-8 */
  while( i<n && (z[i]=='-' || is_word_byte(z[i])) ) i++;
  if( i==0 || i+2>n || z[i]!=':' || z[i+1]!=' ' ) return 0;
  return count_words(z+i+2, n-i-2)>=2 ? i+2 : 0;
}

/* Equal title keys of a[0..na) and b[0..nb)?  -1 on OOM. */
static int same_key(const char *a, size_t na, const char *b, size_t nb){
  PeBuf ka, kb;
  int r;
  pe_buf_init(&ka); pe_buf_init(&kb);
  pe_title_key(&ka, a, na);
  pe_title_key(&kb, b, nb);
  r = (ka.oom || kb.oom) ? -1 : (ka.n==kb.n && (ka.n==0 || memcmp(ka.z, kb.z, ka.n)==0));
  pe_buf_free(&ka); pe_buf_free(&kb);
  return r;
}

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
  int npa, npb, sameKey, subtitle = 0, ca, cb, withAuthors;
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
  s = pe_title_similarity(ta, nta, tb, ntb);
  if( s<0 ) return PE_NOMEM;
  if( (sameKey = same_key(ta, nta, tb, ntb))<0 ) return PE_NOMEM;
  if( s<PE_TITLE_SAME ){
    size_t ma = pe_merge_main_title(ta, nta), mb = pe_merge_main_title(tb, ntb);
    int r1 = ma<nta ? same_key(ta, ma, tb, ntb) : 0;
    int r2 = mb<ntb ? same_key(ta, nta, tb, mb) : 0;
    int r3 = (ma<nta && mb<ntb) ? same_key(ta, ma, tb, mb) : 0;
    if( r1<0 || r2<0 || r3<0 ) return PE_NOMEM;
    subtitle = r1 || r2 || r3;
    if( !subtitle ){
      char zS[16];
      snprintf(zS, sizeof zS, "%.2f", s);
      say(v, PE_MERGE_DIFFERENT, s, "titles differ (similarity %s)", zS, 0);
      return PE_OK;
    }
  }

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
