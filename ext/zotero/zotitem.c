/* zotitem.c: see zotitem.h. */
#include <string.h>
#include "zotitem.h"
#include "zotnote.h"
#include "ident/ident.h"
#include "common/pe_mem.h"

void zot_item_init(ZotItem *p){
  memset(p, 0, sizeof(*p));
  pe_buf_init(&p->arena);
}

void zot_item_clear(ZotItem *p){
  pe_buf_reset(&p->arena);
  p->nField = p->nCreator = p->nTag = p->nColl = p->nNote = 0;
  p->oom = 0;
}

void zot_item_free(ZotItem *p){
  pe_buf_free(&p->arena);
  pe_free(p->aField);
  pe_free(p->aCreator);
  pe_free(p->aTag);
  pe_free(p->aColl);
  pe_free(p->aNote);
  memset(p, 0, sizeof(*p));
}

/* Room for one more element of an array of elements of size sz. */
static int grow(void **pa, int n, int *pnAlloc, size_t sz){
  if( n<*pnAlloc ) return PE_OK;
  {
    int nNew = *pnAlloc ? *pnAlloc*2 : 16;
    void *a = pe_realloc(*pa, (size_t)nNew*sz);
    if( a==0 ) return PE_NOMEM;
    *pa = a;
    *pnAlloc = nNew;
  }
  return PE_OK;
}

static ZotStr keep(ZotItem *p, const char *z, size_t n){
  ZotStr s;
  s.i = p->arena.n;
  s.n = n;
  if( n ) pe_buf_append(&p->arena, z, n);
  if( p->arena.oom ) p->oom = 1;
  return s;
}

#define TXT(p, s) ((p)->arena.z + (s).i)

int zot_item_field(ZotItem *p, const char *zName, size_t nName, const char *zVal, size_t nVal){
  if( grow((void**)&p->aField, p->nField, &p->nFieldAlloc, sizeof(ZotPair)) ){ p->oom = 1; return PE_NOMEM; }
  p->aField[p->nField].a = keep(p, zName, nName);
  p->aField[p->nField].b = keep(p, zVal, nVal);
  p->nField++;
  return p->oom ? PE_NOMEM : PE_OK;
}

int zot_item_creator(ZotItem *p, const char *zRole, size_t nRole, const char *zFirst, size_t nFirst,
                     const char *zLast, size_t nLast, int bSingle){
  ZotCreator *c;
  if( grow((void**)&p->aCreator, p->nCreator, &p->nCreatorAlloc, sizeof(ZotCreator)) ){ p->oom = 1; return PE_NOMEM; }
  c = &p->aCreator[p->nCreator++];
  c->role = keep(p, zRole, nRole);
  c->first = keep(p, zFirst, nFirst);
  c->last = keep(p, zLast, nLast);
  c->bSingle = bSingle;
  return p->oom ? PE_NOMEM : PE_OK;
}

static int add_str(ZotItem *p, ZotStr **pa, int *pn, int *pnAlloc, const char *z, size_t n){
  if( grow((void**)pa, *pn, pnAlloc, sizeof(ZotStr)) ){ p->oom = 1; return PE_NOMEM; }
  (*pa)[(*pn)++] = keep(p, z, n);
  return p->oom ? PE_NOMEM : PE_OK;
}
int zot_item_tag(ZotItem *p, const char *z, size_t n){ return add_str(p, &p->aTag, &p->nTag, &p->nTagAlloc, z, n); }
int zot_item_collection(ZotItem *p, const char *z, size_t n){ return add_str(p, &p->aColl, &p->nColl, &p->nCollAlloc, z, n); }
int zot_item_note(ZotItem *p, const char *z, size_t n){ return add_str(p, &p->aNote, &p->nNote, &p->nNoteAlloc, z, n); }

/* ------------------------------------------------------------ helpers */

static int eq(const ZotItem *p, ZotStr s, const char *z){
  return strlen(z)==s.n && memcmp(TXT(p, s), z, s.n)==0;
}

/* The value of field zName, or 0. */
static const ZotPair *field(const ZotItem *p, const char *zName){
  int k;
  for(k=0; k<p->nField; k++) if( eq(p, p->aField[k].a, zName) ) return &p->aField[k];
  return 0;
}

static int done(PeBuf *out){ return out->oom ? -1 : 1; }

static int put(const ZotItem *p, ZotStr s, PeBuf *out){
  pe_buf_append(out, TXT(p, s), s.n);
  return done(out);
}

/* Zotero's multipart date: 'YYYY-MM-DD original' (MM, DD may be 00). */
static int is_multipart(const char *z, size_t n){
  static const char shape[] = "dddd-dd-dd ";
  size_t k;
  if( n<11 ) return 0;
  for(k=0; k<11; k++){
    if( shape[k]=='d' ? (z[k]<'0' || z[k]>'9') : z[k]!=shape[k] ) return 0;
  }
  return 1;
}

/* A value as shown: the original part of a multipart date. */
static void shown(const ZotItem *p, const ZotPair *f, const char **pz, size_t *pn){
  const char *z = TXT(p, f->b);
  size_t n = f->b.n;
  if( eq(p, f->a, "date") && is_multipart(z, n) ){ z += 11; n -= 11; }
  *pz = z; *pn = n;
}

/* The value of 'Key: value' in Extra (key case-insensitive, at a line start). */
static int extra_line(const ZotItem *p, const char *zKey, const char **pz, size_t *pn){
  const ZotPair *f = field(p, "extra");
  size_t i = 0, nKey = strlen(zKey), n;
  const char *z;
  if( f==0 ) return 0;
  z = TXT(p, f->b);
  n = f->b.n;
  while( i<n ){
    size_t e = i, k;
    while( e<n && z[e]!='\n' ) e++;
    while( i<e && (z[i]==' ' || z[i]=='\t') ) i++;
    if( e-i>nKey ){
      for(k=0; k<nKey; k++){
        char c = z[i+k];
        if( c>='A' && c<='Z' ) c = (char)(c+32);
        if( c!=zKey[k] ) break;
      }
      if( k==nKey ){
        size_t s = i+nKey, t = e;
        while( s<t && (z[s]==' ' || z[s]=='\t') ) s++;
        if( s<t && z[s]==':' ){
          s++;
          while( s<t && (z[s]==' ' || z[s]=='\t') ) s++;
          while( t>s && (z[t-1]==' ' || z[t-1]=='\t' || z[t-1]=='\r') ) t--;
          if( t>s ){ *pz = z+s; *pn = t-s; return 1; }
        }
      }
    }
    i = e+1;
  }
  return 0;
}

/* ------------------------------------------------------------ columns */

int zot_item_title(const ZotItem *p, PeBuf *out){
  static const char *const az[] = { "title", "caseName", "nameOfAct", "subject" };
  size_t k;
  for(k=0; k<sizeof(az)/sizeof(az[0]); k++){
    const ZotPair *f = field(p, az[k]);
    if( f ) return put(p, f->b, out);
  }
  return 0;
}

int zot_item_creators_json(const ZotItem *p, PeBuf *out){
  int k;
  pe_buf_appendc(out, '[');
  for(k=0; k<p->nCreator; k++){
    const ZotCreator *c = &p->aCreator[k];
    if( k ) pe_buf_appendc(out, ',');
    pe_buf_append(out, "{\"role\":", 8);
    pe_buf_append_json(out, TXT(p, c->role), c->role.n);
    if( c->bSingle || c->first.n==0 ){
      pe_buf_append(out, c->bSingle ? ",\"literal\":" : ",\"family\":", c->bSingle ? 11 : 10);
      pe_buf_append_json(out, TXT(p, c->last), c->last.n);
    }else{
      pe_buf_append(out, ",\"family\":", 10);
      pe_buf_append_json(out, TXT(p, c->last), c->last.n);
      pe_buf_append(out, ",\"given\":", 9);
      pe_buf_append_json(out, TXT(p, c->first), c->first.n);
    }
    pe_buf_appendc(out, '}');
  }
  pe_buf_appendc(out, ']');
  return done(out);
}

/* Roles that are never the "author" of an item. */
static int secondary_role(const ZotItem *p, ZotStr r){
  static const char *const az[] = { "editor", "seriesEditor", "translator", "contributor",
    "reviewedAuthor", "bookAuthor", "commenter", "counsel", "castMember", "guest", "wordsBy",
    "cosponsor", "attorneyAgent" };
  size_t k;
  for(k=0; k<sizeof(az)/sizeof(az[0]); k++) if( eq(p, r, az[k]) ) return 1;
  return 0;
}

/* Does a name part need braces to stay one part in BibTeX ('and', commas)? */
static int needs_braces(const char *z, size_t n){
  size_t i;
  for(i=0; i+5<=n; i++){
    if( (z[i]==' ' || z[i]=='\t') && (z[i+1]|0x20)=='a' && (z[i+2]|0x20)=='n' && (z[i+3]|0x20)=='d'
     && (z[i+4]==' ' || z[i+4]=='\t') ) return 1;
  }
  return 0;
}

int zot_item_names(const ZotItem *p, int bEditors, PeBuf *out){
  int k, nOut = 0, bAuthorRole = 0;
  ZotStr role = { 0, 0 };
  if( !bEditors ){
    /* authors: the role 'author'; else the first primary role (inventor, director ...) */
    for(k=0; k<p->nCreator; k++) if( eq(p, p->aCreator[k].role, "author") ) bAuthorRole = 1;
    if( !bAuthorRole ){
      for(k=0; k<p->nCreator; k++){
        if( !secondary_role(p, p->aCreator[k].role) ){ role = p->aCreator[k].role; break; }
      }
      if( k==p->nCreator ) return 0;
    }
  }
  for(k=0; k<p->nCreator; k++){
    const ZotCreator *c = &p->aCreator[k];
    int bTake = bEditors ? eq(p, c->role, "editor")
              : bAuthorRole ? eq(p, c->role, "author")
              : (c->role.n==role.n && memcmp(TXT(p, c->role), TXT(p, role), role.n)==0);
    if( !bTake || c->last.n==0 ) continue;
    if( nOut++ ) pe_buf_append(out, " and ", 5);
    if( c->bSingle || needs_braces(TXT(p, c->last), c->last.n) ){
      pe_buf_appendc(out, '{');
      put(p, c->last, out);
      pe_buf_appendc(out, '}');
    }else{
      put(p, c->last, out);
    }
    if( !c->bSingle && c->first.n ){
      pe_buf_append(out, ", ", 2);
      put(p, c->first, out);
    }
  }
  return nOut ? done(out) : 0;
}

int zot_item_date(const ZotItem *p, PeBuf *out){
  const ZotPair *f = field(p, "date");
  const char *z;
  if( f==0 ) return 0;
  z = TXT(p, f->b);
  if( is_multipart(z, f->b.n) ){
    if( memcmp(z, "0000", 4)==0 ) return 0;
    pe_buf_append(out, z, 4);
    if( memcmp(z+5, "00", 2)!=0 ){
      pe_buf_append(out, z+4, 3);
      if( memcmp(z+8, "00", 2)!=0 ) pe_buf_append(out, z+7, 3);
    }
    return done(out);
  }
  return put(p, f->b, out);
}

int zot_item_year(const ZotItem *p, long *pYear){
  const ZotPair *f = field(p, "date");
  const char *z;
  size_t i, n;
  if( f==0 ) return 0;
  z = TXT(p, f->b);
  n = f->b.n;
  if( is_multipart(z, n) ){
    long y = (z[0]-'0')*1000 + (z[1]-'0')*100 + (z[2]-'0')*10 + (z[3]-'0');
    if( y==0 ) return 0;
    *pYear = y;
    return 1;
  }
  /* another shape: its first run of exactly four digits */
  for(i=0; i+4<=n; i++){
    if( z[i]>='0' && z[i]<='9' && (i==0 || z[i-1]<'0' || z[i-1]>'9') ){
      size_t e = i;
      while( e<n && z[e]>='0' && z[e]<='9' ) e++;
      if( e-i==4 ){
        *pYear = (z[i]-'0')*1000 + (z[i+1]-'0')*100 + (z[i+2]-'0')*10 + (z[i+3]-'0');
        return 1;
      }
      i = e;
    }
  }
  return 0;
}

int zot_item_venue(const ZotItem *p, PeBuf *out){
  static const char *const az[] = { "publicationTitle", "proceedingsTitle", "bookTitle",
    "websiteTitle", "blogTitle", "forumTitle", "encyclopediaTitle", "dictionaryTitle",
    "programTitle", "conferenceName", "repository" };
  size_t k;
  for(k=0; k<sizeof(az)/sizeof(az[0]); k++){
    const ZotPair *f = field(p, az[k]);
    if( f && f->b.n ) return put(p, f->b, out);
  }
  return 0;
}

int zot_item_doi(const ZotItem *p, PeBuf *out){
  const ZotPair *f = field(p, "DOI");
  const char *z;
  size_t n;
  int r;
  if( f && (r = pe_doi_find(TXT(p, f->b), f->b.n, out))!=0 ) return r;
  if( extra_line(p, "doi", &z, &n) && (r = pe_doi_find(z, n, out))!=0 ) return r;
  f = field(p, "url");
  if( f ){
    const char *u = TXT(p, f->b);
    size_t i;
    for(i=0; i+8<=f->b.n; i++){
      if( memcmp(u+i, "doi.org/", 8)==0 ) return pe_doi_find(u+i+8, f->b.n-i-8, out);
    }
  }
  return 0;
}

int zot_item_url(const ZotItem *p, PeBuf *out){
  const ZotPair *f = field(p, "url");
  return f && f->b.n ? put(p, f->b, out) : 0;
}

static int contains_ci(const char *z, size_t n, const char *zNeedle){
  size_t m = strlen(zNeedle), i, k;
  for(i=0; i+m<=n; i++){
    for(k=0; k<m; k++){
      char c = z[i+k];
      if( c>='A' && c<='Z' ) c = (char)(c+32);
      if( c!=zNeedle[k] ) break;
    }
    if( k==m ) return 1;
  }
  return 0;
}

int zot_item_arxiv(const ZotItem *p, PeBuf *out){
  /* where an arXiv id is, and what the text must hold to be trusted */
  static const struct { const char *zField, *zNeed; } a[] = {
    { "archiveID", "arxiv" }, { "url", "arxiv.org/" }, { "DOI", "10.48550/arxiv." },
    { "extra", "arxiv" }, { "number", "arxiv" }, { "publicationTitle", "arxiv" },
  };
  size_t k;
  for(k=0; k<sizeof(a)/sizeof(a[0]); k++){
    const ZotPair *f = field(p, a[k].zField);
    const char *z;
    size_t n, iId, nId;
    int v;
    if( f==0 ) continue;
    z = TXT(p, f->b);
    n = f->b.n;
    if( !contains_ci(z, n, a[k].zNeed) ) continue;
    if( pe_arxiv_find(z, n, &iId, &nId, &v) ){
      pe_buf_append(out, z+iId, nId);
      return done(out);
    }
  }
  return 0;
}

static int json_list(const ZotItem *p, const ZotStr *a, int n, PeBuf *out){
  int k;
  pe_buf_appendc(out, '[');
  for(k=0; k<n; k++){
    if( k ) pe_buf_appendc(out, ',');
    pe_buf_append_json(out, TXT(p, a[k]), a[k].n);
  }
  pe_buf_appendc(out, ']');
  return done(out);
}

int zot_item_tags_json(const ZotItem *p, PeBuf *out){ return json_list(p, p->aTag, p->nTag, out); }
int zot_item_collections_json(const ZotItem *p, PeBuf *out){ return json_list(p, p->aColl, p->nColl, out); }

int zot_item_notes(const ZotItem *p, PeBuf *out){
  int k, nOut = 0;
  for(k=0; k<p->nNote; k++){
    size_t at = out->n;
    if( nOut ) pe_buf_append(out, "\n\n", 2);
    if( zot_note_text(out, TXT(p, p->aNote[k]), p->aNote[k].n)!=PE_OK ) return -1;
    if( out->n==at+(nOut ? 2 : 0) ){ out->n = at; if( out->z ) out->z[at] = 0; continue; }  /* empty note */
    nOut++;
  }
  return nOut ? done(out) : 0;
}

int zot_item_citation_key(const ZotItem *p, PeBuf *out){
  const ZotPair *f = field(p, "citationKey");
  const char *z;
  size_t n;
  if( f && f->b.n ) return put(p, f->b, out);
  if( extra_line(p, "citation key", &z, &n) ){
    size_t e = 0;
    while( e<n && z[e]!=' ' && z[e]!='\t' ) e++;
    pe_buf_append(out, z, e);
    return done(out);
  }
  return 0;
}

int zot_item_fields_json(const ZotItem *p, PeBuf *out){
  int k;
  pe_buf_appendc(out, '{');
  for(k=0; k<p->nField; k++){
    const char *z;
    size_t n;
    if( k ) pe_buf_appendc(out, ',');
    pe_buf_append_json(out, TXT(p, p->aField[k].a), p->aField[k].a.n);
    pe_buf_appendc(out, ':');
    shown(p, &p->aField[k], &z, &n);
    pe_buf_append_json(out, z, n);
  }
  pe_buf_appendc(out, '}');
  return done(out);
}
