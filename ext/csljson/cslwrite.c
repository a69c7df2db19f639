/* cslwrite.c: see cslwrite.h. */
#include <string.h>
#include "cslwrite.h"
#include "common/pejson.h"
#include "bibtex/bibnames.h"
#include "latex/latex.h"

/* The item types of CSL 1.0.2. */
static const char *const azCslType[] = {
  "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
  "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
  "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
  "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
  "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
  "personal_communication", "post", "post-weblog", "regulation", "report", "review",
  "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
};

/* Types of BibTeX/biblatex, Zotero and RIS, and their CSL types. */
static const struct { const char *zFrom, *zTo; } aTypeMap[] = {
  { "inproceedings", "paper-conference" }, { "conference", "paper-conference" },
  { "incollection", "chapter" }, { "inbook", "chapter" }, { "phdthesis", "thesis" },
  { "mastersthesis", "thesis" }, { "techreport", "report" }, { "misc", "document" },
  { "online", "webpage" }, { "unpublished", "manuscript" }, { "proceedings", "book" },
  { "booklet", "pamphlet" }, { "manual", "report" }, { "electronic", "webpage" },
  { "www", "webpage" }, { "journalArticle", "article-journal" },
  { "conferencePaper", "paper-conference" }, { "preprint", "article" },
  { "bookSection", "chapter" }, { "magazineArticle", "article-magazine" },
  { "newspaperArticle", "article-newspaper" }, { "blogPost", "post-weblog" },
  { "computerProgram", "software" }, { "encyclopediaArticle", "entry-encyclopedia" },
  { "dictionaryEntry", "entry-dictionary" }, { "presentation", "speech" },
  { "JOUR", "article-journal" }, { "JFULL", "article-journal" }, { "EJOUR", "article-journal" },
  { "CONF", "paper-conference" }, { "CPAPER", "paper-conference" }, { "CHAP", "chapter" },
  { "ECHAP", "chapter" }, { "BOOK", "book" }, { "EBOOK", "book" }, { "EDBOOK", "book" },
  { "THES", "thesis" }, { "RPRT", "report" }, { "ELEC", "webpage" }, { "GEN", "document" },
  { "UNPB", "manuscript" }, { "MGZN", "article-magazine" }, { "NEWS", "article-newspaper" },
  { "DATA", "dataset" }, { "COMP", "software" }, { "PAT", "patent" }, { "SLIDE", "speech" },
  { "BLOG", "post-weblog" }, { "STAND", "standard" },
};

static const char *const azNameVar[] = {
  "author", "chair", "collection-editor", "compiler", "composer", "container-author",
  "contributor", "curator", "director", "editor", "editorial-director", "executive-producer",
  "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
  "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator",
  "translator",
};
static const char *const azDateVar[] = {
  "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
};

static int in(const char *z, size_t n, const char *const *az, size_t nAz){
  size_t k;
  for(k=0; k<nAz; k++) if( strlen(az[k])==n && memcmp(az[k], z, n)==0 ) return 1;
  return 0;
}

static int error(PeBuf *pErr, const char *zMsg, const char *z, size_t n){
  pe_buf_reset(pErr);
  pe_buf_appendf(pErr, "csljson_item: %s", zMsg);
  if( z ){
    pe_buf_append(pErr, " '", 2);
    pe_buf_append(pErr, z, n>60 ? 60 : n);
    pe_buf_append(pErr, n>60 ? "...'" : "'", n>60 ? 4 : 1);
  }
  return pErr->oom ? PE_NOMEM : PE_ERROR;
}

/* A name part: LaTeX decoded, braces dropped, as a JSON member ("," first unless bFirst). */
static int name_part(PeBuf *out, int *pbFirst, const char *zKey, BibText t){
  PeBuf dec;
  size_t i, w;
  int rc;
  if( t.z==0 || t.n==0 ) return PE_OK;
  pe_buf_init(&dec);
  rc = pe_latex_to_unicode(&dec, t.z, t.n);
  if( rc==PE_OK ){
    for(i=w=0; i<dec.n; i++) if( dec.z[i]!='{' && dec.z[i]!='}' ) dec.z[w++] = dec.z[i];
    dec.n = w;
    if( !*pbFirst ) pe_buf_appendc(out, ',');
    *pbFirst = 0;
    pe_buf_append_json(out, zKey, strlen(zKey));
    pe_buf_appendc(out, ':');
    pe_buf_append_json(out, dec.z ? dec.z : "", dec.n);
  }
  pe_buf_free(&dec);
  return rc==PE_OK && out->oom ? PE_NOMEM : rc;
}

/* A BibTeX name list as an array of CSL names. */
static int names(PeBuf *out, const char *z, size_t n){
  BibNameIter it;
  BibName nm;
  int nOut = 0, rc = PE_OK;
  bib_names_start(&it, z, n);
  pe_buf_appendc(out, '[');
  while( rc==PE_OK && bib_names_next(&it, &nm) ){
    int bFirst = 1;
    if( nm.bOthers ) continue;       /* 'and others': CSL has no such name */
    if( nOut++ ) pe_buf_appendc(out, ',');
    pe_buf_appendc(out, '{');
    if( nm.bLiteral ){
      rc = name_part(out, &bFirst, "literal", nm.last);
    }else{
      rc = name_part(out, &bFirst, "family", nm.last);
      if( rc==PE_OK ) rc = name_part(out, &bFirst, "given", nm.first);
      if( rc==PE_OK ) rc = name_part(out, &bFirst, "non-dropping-particle", nm.von);
      if( rc==PE_OK ) rc = name_part(out, &bFirst, "suffix", nm.jr);
    }
    pe_buf_appendc(out, '}');
  }
  pe_buf_appendc(out, ']');
  return rc==PE_OK && out->oom ? PE_NOMEM : rc;
}

/* A date given as text: date-parts when it is 'YYYY[-MM[-DD]]', else raw. */
static void date(PeBuf *out, const char *z, size_t n){
  long a[3];
  int k = 0;
  size_t i = 0;
  while( k<3 && i<n ){
    size_t s = i;
    long v = 0;
    while( i<n && z[i]>='0' && z[i]<='9' ){ v = v*10 + (z[i]-'0'); i++; }
    if( i==s || (k==0 && i-s!=4) || (k>0 && i-s>2) ) break;
    a[k++] = v;
    if( i<n && z[i]=='-' && k<3 ) i++;
    else break;
  }
  if( k && i==n && (k<2 || (a[1]>=1 && a[1]<=12)) && (k<3 || (a[2]>=1 && a[2]<=31)) ){
    int q;
    pe_buf_append(out, "{\"date-parts\":[[", 16);
    for(q=0; q<k; q++) pe_buf_appendf(out, q ? ",%ld" : "%ld", a[q]);
    pe_buf_append(out, "]]}", 3);
    return;
  }
  pe_buf_append(out, "{\"raw\":", 7);
  pe_buf_append_json(out, z, n);
  pe_buf_appendc(out, '}');
}

int csl_item(PeBuf *out, PeBuf *pErr, const char *zJson, size_t nJson){
  PeJson j;
  PeBuf key, val;
  size_t at = out->n, e;
  int rc, iId, iType, i, m;
  pe_json_init(&j);
  pe_buf_init(&key);
  pe_buf_init(&val);
  rc = pe_json_parse(&j, zJson, nJson, 0, &e);
  if( rc==PE_ERROR || (rc==PE_OK && pe_json_space(zJson, nJson, e)<nJson) ){ rc = error(pErr, "malformed JSON", 0, 0); goto done; }
  if( rc ) goto done;
  if( j.aNode[0].eType!=PE_JSON_OBJECT ){ rc = error(pErr, "an item must be a JSON object", 0, 0); goto done; }
  iId = pe_json_member(&j, 0, "id");
  iType = pe_json_member(&j, 0, "type");
  if( iId<0 || (j.aNode[iId].eType!=PE_JSON_STRING && j.aNode[iId].eType!=PE_JSON_NUMBER)
   || (j.aNode[iId].eType==PE_JSON_STRING && j.aNode[iId].iEnd-j.aNode[iId].iStart<=2) ){
    rc = error(pErr, "an item needs an \"id\" (a string or a number)", 0, 0);
    goto done;
  }
  if( iType<0 || j.aNode[iType].eType!=PE_JSON_STRING ){ rc = error(pErr, "an item needs a \"type\"", 0, 0); goto done; }
  if( (rc = pe_json_text(&j, iType, &val))!=PE_OK ) goto done;
  pe_buf_appendc(out, '{');
  pe_buf_append(out, "\"id\":", 5);
  pe_buf_append(out, zJson+j.aNode[iId].iStart, j.aNode[iId].iEnd-j.aNode[iId].iStart);
  pe_buf_append(out, ",\"type\":", 8);
  if( in(val.z ? val.z : "", val.n, azCslType, sizeof(azCslType)/sizeof(azCslType[0])) ){
    pe_buf_append_json(out, val.z, val.n);
  }else{
    size_t k;
    for(k=0; k<sizeof(aTypeMap)/sizeof(aTypeMap[0]); k++){
      if( strlen(aTypeMap[k].zFrom)==val.n && memcmp(aTypeMap[k].zFrom, val.z, val.n)==0 ) break;
    }
    if( k==sizeof(aTypeMap)/sizeof(aTypeMap[0]) ){
      rc = error(pErr, "not a CSL item type (nor a BibTeX, Zotero or RIS one):", val.z, val.n);
      goto done;
    }
    pe_buf_append_json(out, aTypeMap[k].zTo, strlen(aTypeMap[k].zTo));
  }
  for(i=1, m=0; m<j.aNode[0].nChild; m+=2){
    int iKey = i, iVal = i+1, t;
    const PeJsonNode *v = &j.aNode[iVal];
    i = v->iNext;
    if( iKey+1==iId || iKey+1==iType ) continue;
    t = v->eType;
    if( t==PE_JSON_NULL || (t==PE_JSON_STRING && v->iEnd-v->iStart==2) ) continue;
    pe_buf_reset(&key);
    if( (rc = pe_json_text(&j, iKey, &key))!=PE_OK ) goto done;
    pe_buf_appendc(out, ',');
    pe_buf_append_json(out, key.z ? key.z : "", key.n);
    pe_buf_appendc(out, ':');
    if( t==PE_JSON_STRING && in(key.z ? key.z : "", key.n, azNameVar, sizeof(azNameVar)/sizeof(azNameVar[0])) ){
      pe_buf_reset(&val);
      if( (rc = pe_json_text(&j, iVal, &val))!=PE_OK ) goto done;
      if( (rc = names(out, val.z ? val.z : "", val.n))!=PE_OK ) goto done;
      continue;
    }
    if( (t==PE_JSON_STRING || t==PE_JSON_NUMBER)
     && in(key.z ? key.z : "", key.n, azDateVar, sizeof(azDateVar)/sizeof(azDateVar[0])) ){
      pe_buf_reset(&val);
      if( (rc = pe_json_text(&j, iVal, &val))!=PE_OK ) goto done;
      date(out, val.z ? val.z : "", val.n);
      continue;
    }
    if( (rc = pe_json_compact(&j, iVal, out))!=PE_OK ) goto done;
  }
  pe_buf_appendc(out, '}');
  rc = out->oom ? PE_NOMEM : PE_OK;
done:
  if( rc==PE_OK && (key.oom || val.oom) ) rc = PE_NOMEM;
  if( rc!=PE_OK ){ out->n = at; if( out->z ) out->z[at] = 0; }
  pe_json_free(&j);
  pe_buf_free(&key);
  pe_buf_free(&val);
  return rc;
}
