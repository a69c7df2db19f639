/* cslread.c: see cslread.h. */
#include <stdio.h>
#include <string.h>
#include "cslread.h"
#include "common/pe_mem.h"
#include "common/utf8.h"

/* The reader's states: before anything, after '[', where an item must come,
** after an item, after the end ('[...]' or the one item), done. */
enum { S_START, S_FIRST, S_ITEM, S_AFTER, S_END, S_DONE };

struct CslReader {
  const char *z; size_t n, i;
  int state;             /* where the reader is: S_START ... S_DONE */
  size_t iLine; int line;  /* line counting: offset of the start of line `line` */
  PeJson json;
  CslEntry e;
  int nDiagAlloc;
};

CslReader *csl_open(const char *z, size_t n){
  CslReader *p = pe_malloc(sizeof(*p));
  if( p==0 ) return 0;
  memset(p, 0, sizeof(*p));
  pe_json_init(&p->json);
  p->z = z; p->n = n;
  p->line = 1;
  if( n>=3 && memcmp(z, "\xEF\xBB\xBF", 3)==0 ){ p->i = 3; p->iLine = 3; }
  return p;
}

void csl_close(CslReader *p){
  if( p==0 ) return;
  pe_json_free(&p->json);
  pe_free(p->e.aDiag);
  pe_free(p);
}

/* Line and column of offset at (never before the last one asked: linear). */
static void where(CslReader *p, size_t at, int *pLine, int *pCol){
  size_t k;
  if( at<p->iLine ){ p->iLine = 0; p->line = 1; }    /* not expected; stays correct */
  for(k=p->iLine; k<at; k++){
    if( p->z[k]=='\n' ){ p->line++; p->iLine = k+1; }
  }
  *pLine = p->line;
  *pCol = (int)pe_utf8_count(p->z+p->iLine, at-p->iLine) + 1;
}

static int diag(CslReader *p, size_t at, int bError, int bInItem, const char *zKind, const char *zMsg){
  CslEntry *e = &p->e;
  CslDiag *d;
  if( e->nDiag==p->nDiagAlloc ){
    int nNew = p->nDiagAlloc ? p->nDiagAlloc*2 : 8;
    CslDiag *a = pe_realloc(e->aDiag, (size_t)nNew*sizeof(CslDiag));
    if( a==0 ) return PE_NOMEM;
    e->aDiag = a;
    p->nDiagAlloc = nNew;
  }
  d = &e->aDiag[e->nDiag++];
  where(p, at, &d->line, &d->col);
  d->bError = bError;
  d->bInItem = bInItem;
  d->zKind = zKind;
  snprintf(d->zMsg, sizeof(d->zMsg), "%s", zMsg);
  return PE_OK;
}

/* Checks of one item that do not stop it being read. */
static int check_item(CslReader *p){
  const PeJson *j = &p->json;
  static const char *const azNames[] = { "author", "editor", "translator", "container-author",
    "collection-editor", "composer", "director", "interviewer", "recipient", "reviewed-author" };
  static const char *const azDates[] = { "issued", "accessed", "event-date", "original-date", "submitted" };
  size_t k;
  int v;
  if( pe_json_member(j, 0, "id")<0 && diag(p, j->aNode[0].iStart, 0, 1, "missing_id", "an item without \"id\"") ) return PE_NOMEM;
  if( pe_json_member(j, 0, "type")<0 && diag(p, j->aNode[0].iStart, 0, 1, "missing_type", "an item without \"type\"") ) return PE_NOMEM;
  for(k=0; k<sizeof(azNames)/sizeof(azNames[0]); k++){
    int q, c = 0, bad = 0;
    if( (v = pe_json_member(j, 0, azNames[k]))<0 ) continue;
    if( j->aNode[v].eType!=PE_JSON_ARRAY ) bad = 1;
    else for(c=v+1, q=0; q<j->aNode[v].nChild; q++, c=j->aNode[c].iNext){
      if( j->aNode[c].eType!=PE_JSON_OBJECT ){ bad = 1; break; }
    }
    if( bad ){
      char m[160];
      snprintf(m, sizeof(m), "\"%s\" must be an array of name objects ({\"family\", \"given\"} or {\"literal\"})", azNames[k]);
      if( diag(p, j->aNode[bad && j->aNode[v].eType==PE_JSON_ARRAY ? c : v].iStart, 0, 1, "bad_names", m) ) return PE_NOMEM;
    }
  }
  for(k=0; k<sizeof(azDates)/sizeof(azDates[0]); k++){
    int dp, bad = 0;
    if( (v = pe_json_member(j, 0, azDates[k]))<0 ) continue;
    if( j->aNode[v].eType==PE_JSON_STRING || j->aNode[v].eType==PE_JSON_NUMBER ) continue;  /* EDTF text, as citation.js accepts */
    if( j->aNode[v].eType!=PE_JSON_OBJECT ) bad = 1;
    else if( (dp = pe_json_member(j, v, "date-parts"))>=0 ){
      int q, c, r, x;
      if( j->aNode[dp].eType!=PE_JSON_ARRAY || j->aNode[dp].nChild==0 ) bad = 1;
      else for(c=dp+1, q=0; q<j->aNode[dp].nChild && !bad; q++, c=j->aNode[c].iNext){
        if( j->aNode[c].eType!=PE_JSON_ARRAY || j->aNode[c].nChild==0 || j->aNode[c].nChild>3 ){ bad = 1; break; }
        for(x=c+1, r=0; r<j->aNode[c].nChild; r++, x=j->aNode[x].iNext){
          int t = j->aNode[x].eType;
          if( t!=PE_JSON_NUMBER && t!=PE_JSON_STRING ){ bad = 1; break; }
        }
      }
    }else if( pe_json_member(j, v, "raw")<0 && pe_json_member(j, v, "literal")<0 ) bad = 1;
    if( bad ){
      char m[160];
      snprintf(m, sizeof(m), "\"%s\" must be {\"date-parts\": [[year, month, day]]}, {\"raw\": ...} or {\"literal\": ...}", azDates[k]);
      if( diag(p, j->aNode[v].iStart, 0, 1, "bad_date", m) ) return PE_NOMEM;
    }
  }
  return PE_OK;
}

/* Read one item at p->i into the entry. */
static int read_item(CslReader *p){
  size_t end;
  int rc = pe_json_parse(&p->json, p->z, p->n, p->i, &end);
  if( rc==PE_NOMEM ) return rc;
  if( rc==PE_ERROR ){
    if( diag(p, p->json.iErr, 1, 0, "syntax", p->json.zErr) ) return PE_NOMEM;
    p->state = S_DONE;
    return PE_OK;
  }
  if( p->json.aNode[0].eType!=PE_JSON_OBJECT ){
    if( diag(p, p->json.aNode[0].iStart, 0, 0, "not_item", "an element that is not an item object (skipped)") ) return PE_NOMEM;
    p->i = end;
    return PE_OK;
  }
  p->e.bItem = 1;
  p->e.pJson = &p->json;
  p->e.iStart = p->json.aNode[0].iStart;
  p->e.iEnd = end;
  where(p, p->e.iStart, &p->e.line, &p->e.col);
  p->i = end;
  return check_item(p);
}

int csl_next(CslReader *p, const CslEntry **pp){
  int rc;
  *pp = 0;
  p->e.bItem = 0;
  p->e.nDiag = 0;
  while( p->state!=S_DONE && !p->e.bItem ){
    p->i = pe_json_space(p->z, p->n, p->i);
    switch( p->state ){
      case S_START:
        if( p->i>=p->n ){ p->state = S_DONE; break; }          /* an empty text: no items */
        if( p->z[p->i]=='[' ){ p->i++; p->state = S_FIRST; break; }
        if( p->z[p->i]=='{' ){
          if( (rc = read_item(p))!=PE_OK ) return rc;
          if( p->state!=S_DONE ) p->state = S_END;
          break;
        }
        if( diag(p, p->i, 1, 0, "syntax", "CSL-JSON is an array of items ('[') or one item ('{')") ) return PE_NOMEM;
        p->state = S_DONE;
        break;
      case S_FIRST:
        if( p->i<p->n && p->z[p->i]==']' ){ p->i++; p->state = S_END; break; }
        /* fall through */
      case S_ITEM:
        if( p->i>=p->n ){
          if( diag(p, p->i, 1, 0, "syntax", "the array of items is not closed (no ']' before the end)") ) return PE_NOMEM;
          p->state = S_DONE;
          break;
        }
        if( (rc = read_item(p))!=PE_OK ) return rc;
        if( p->state!=S_DONE ) p->state = S_AFTER;
        break;
      case S_AFTER:
        if( p->i<p->n && p->z[p->i]==',' ){ p->i++; p->state = S_ITEM; break; }
        if( p->i<p->n && p->z[p->i]==']' ){ p->i++; p->state = S_END; break; }
        if( diag(p, p->i, 1, 0, "syntax", p->i<p->n ? "expected ',' or ']' after the item"
                 : "the array of items is not closed (no ']' before the end)") ) return PE_NOMEM;
        p->state = S_DONE;
        break;
      default:   /* S_END: only white space may follow */
        if( p->i<p->n && diag(p, p->i, 1, 0, "syntax", "text after the end of the CSL-JSON") ) return PE_NOMEM;
        p->state = S_DONE;
        break;
    }
  }
  if( p->e.bItem || p->e.nDiag ) *pp = &p->e;
  return PE_OK;
}
