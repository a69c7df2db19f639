/*
** zotero_sql.c: a Zotero library (zotero.sqlite) as a table.
**
**   SELECT key, type, title, author, year, venue, doi, arxiv, tags, collections
**     FROM zotero_items('/home/me/Zotero/zotero.sqlite');
**   -- one row per regular item (not attachments, notes, annotations, items in
**   -- the trash or in feeds), in itemID order; columns:
**   --   key, library_id, type (Zotero's item type), title, creators (JSON
**   --   array in order: {"role","family","given"} or {"role","literal"}),
**   --   author, editor (BibTeX name lists 'Last, First and ...'), date
**   --   ('2020-06'), year, venue, doi, url, arxiv, tags (JSON array),
**   --   collections (JSON array of paths 'Vision/Self-supervised'), notes
**   --   (child notes as plain text), citation_key, date_added,
**   --   date_modified, fields (JSON object of every field), item_id
**
** The library is opened read-only, in its own connection, inside one read
** transaction: every row comes from the same snapshot, which holds the
** commits still in the library's WAL (never immutable=1, which skips them).
** Nothing is written to the file, its WAL or its -shm: a read-only
** connection never checkpoints.  A library that another process holds
** locked (Zotero itself, with its exclusive locking mode) is waited for 2 s,
** then the error names the path.  Reading a file is a side effect: the table
** is direct-only (not usable from triggers, views or the schema).
**
** The tables are read as streams ordered by itemID (items, itemData,
** itemCreators, itemTags, collectionItems, itemNotes), merged here; only the
** streams the query's columns need are opened.  Item types, fields and
** creator types are joined by name (their ids differ between installations).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "zotitem.h"

enum {
  Z_KEY, Z_LIBRARY, Z_TYPE, Z_TITLE, Z_CREATORS, Z_AUTHOR, Z_EDITOR, Z_DATE, Z_YEAR, Z_VENUE,
  Z_DOI, Z_URL, Z_ARXIV, Z_TAGS, Z_COLLECTIONS, Z_NOTES, Z_CITEKEY, Z_ADDED, Z_MODIFIED,
  Z_FIELDS, Z_ITEMID, Z_PATH
};

/* The streams besides items, and the idxNum bit that asks for each. */
enum { S_DATA, S_CREATORS, S_TAGS, S_COLLS, S_NOTES, S_COUNT };
#define Z_IDX_STREAM(s) (0x100 << (s))

typedef struct Stream {
  sqlite3_stmt *pStmt;
  int bEof;
  sqlite3_int64 iItem;      /* the itemID of the current row */
} Stream;

/* A collection: name, parent, and its path once made. */
typedef struct Coll {
  sqlite3_int64 id, parent;
  char *zName;
  char *zPath;              /* NULL until made; "" for a collection in the trash */
} Coll;

/* A name by id: a field's or a creator type's (ids differ between libraries). */
typedef struct IdName { sqlite3_int64 id; char *zName; int nName; } IdName;
typedef struct Names { IdName *a; int n; } Names;

typedef struct ZotCursor {
  sqlite3_vtab_cursor base;
  sqlite3 *db;              /* the library, read-only */
  char *zPath;
  sqlite3_stmt *pItems;
  Stream aStream[S_COUNT];
  Coll *aColl; int nColl;
  Names fields, creatorTypes;   /* read once: the streams carry ids */
  int bEof;
  sqlite3_int64 iItem;
  ZotItem item;
  PeBuf buf;
} ZotCursor;

static int z_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  ZotCursor *p = sqlite3_malloc(sizeof(*p));
  (void)pVtab;
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  zot_item_init(&p->item);
  pe_buf_init(&p->buf);
  p->bEof = 1;
  *ppCur = &p->base;
  return SQLITE_OK;
}

static void names_free(Names *m){
  int k;
  for(k=0; k<m->n; k++) sqlite3_free(m->a[k].zName);
  sqlite3_free(m->a);
  m->a = 0;
  m->n = 0;
}

static void z_reset(ZotCursor *p){
  int k;
  names_free(&p->fields);
  names_free(&p->creatorTypes);
  sqlite3_finalize(p->pItems);
  p->pItems = 0;
  for(k=0; k<S_COUNT; k++){
    sqlite3_finalize(p->aStream[k].pStmt);
    memset(&p->aStream[k], 0, sizeof(Stream));
  }
  for(k=0; k<p->nColl; k++){
    sqlite3_free(p->aColl[k].zName);
    sqlite3_free(p->aColl[k].zPath);
  }
  sqlite3_free(p->aColl);
  p->aColl = 0;
  p->nColl = 0;
  if( p->db ) sqlite3_close(p->db);    /* the read transaction ends with it */
  p->db = 0;
  sqlite3_free(p->zPath);
  p->zPath = 0;
  p->bEof = 1;
}

static int z_close(sqlite3_vtab_cursor *cur){
  ZotCursor *p = (ZotCursor*)cur;
  z_reset(p);
  zot_item_free(&p->item);
  pe_buf_free(&p->buf);
  sqlite3_free(p);
  return SQLITE_OK;
}

/* An error of the library's connection, as the table's error. */
static int lib_error(ZotCursor *p, int rc, const char *zWhat){
  if( (rc & 0xff)==SQLITE_NOMEM ) return SQLITE_NOMEM;
  if( (rc & 0xff)==SQLITE_NOTADB ){
    return pe_vtab_error(p->base.pVtab, "not a Zotero library: %s (file is not a database)", p->zPath);
  }
  if( (rc & 0xff)==SQLITE_BUSY || (rc & 0xff)==SQLITE_LOCKED ){
    return pe_vtab_error(p->base.pVtab, "zotero_items: %s is locked by another process (Zotero keeps "
                         "its library locked while it runs: close Zotero, or read a copy)", p->zPath);
  }
  return pe_vtab_error(p->base.pVtab, "zotero_items: %s: %s: %s", p->zPath, zWhat,
                       p->db ? sqlite3_errmsg(p->db) : sqlite3_errstr(rc));
}

/* Does the library have table zName?  1, 0, or <0 for an error (-rc). */
static int has_table(ZotCursor *p, const char *zName){
  sqlite3_stmt *s;
  int rc = sqlite3_prepare_v2(p->db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1", -1, &s, 0);
  if( rc ) return -rc;
  sqlite3_bind_text(s, 1, zName, -1, SQLITE_STATIC);
  rc = sqlite3_step(s);
  sqlite3_finalize(s);
  if( rc==SQLITE_ROW ) return 1;
  if( rc==SQLITE_DONE ) return 0;
  return -(rc ? rc : SQLITE_ERROR);
}

static int prepare(ZotCursor *p, const char *zSql, sqlite3_stmt **ppStmt){
  char *z;
  int rc;
  z = sqlite3_mprintf("%s", zSql);
  if( z==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(p->db, z, -1, ppStmt, 0);
  sqlite3_free(z);
  return rc ? lib_error(p, rc, "reading the library") : SQLITE_OK;
}

static int stream_step(ZotCursor *p, Stream *s){
  int rc = sqlite3_step(s->pStmt);
  if( rc==SQLITE_ROW ){ s->iItem = sqlite3_column_int64(s->pStmt, 0); return SQLITE_OK; }
  s->bEof = 1;
  return rc==SQLITE_DONE ? SQLITE_OK : lib_error(p, rc, "reading the library");
}

static int idname_cmp(const void *a, const void *b){
  sqlite3_int64 x = ((const IdName*)a)->id, y = ((const IdName*)b)->id;
  return x<y ? -1 : x>y;
}

/* Read (id, name) rows of zSql into m, sorted by id. */
static int load_names(ZotCursor *p, const char *zSql, Names *m){
  sqlite3_stmt *s;
  int rc, nAlloc = 0;
  rc = prepare(p, zSql, &s);
  if( rc ) return rc;
  while( (rc = sqlite3_step(s))==SQLITE_ROW ){
    IdName *e;
    const char *z = (const char*)sqlite3_column_text(s, 1);
    if( z==0 && sqlite3_column_type(s, 1)!=SQLITE_NULL ){ rc = SQLITE_NOMEM; break; }
    if( m->n==nAlloc ){
      IdName *a = sqlite3_realloc64(m->a, (sqlite3_uint64)(nAlloc = nAlloc ? nAlloc*2 : 64)*sizeof(IdName));
      if( a==0 ){ rc = SQLITE_NOMEM; break; }
      m->a = a;
    }
    e = &m->a[m->n];
    e->id = sqlite3_column_int64(s, 0);
    e->zName = sqlite3_mprintf("%s", z ? z : "");
    if( e->zName==0 ){ rc = SQLITE_NOMEM; break; }
    e->nName = (int)strlen(e->zName);
    m->n++;
  }
  sqlite3_finalize(s);
  if( rc!=SQLITE_DONE ) return rc==SQLITE_NOMEM ? rc : lib_error(p, rc, "reading the library");
  if( m->n ) qsort(m->a, (size_t)m->n, sizeof(IdName), idname_cmp);
  return SQLITE_OK;
}

static const IdName *name_of(const Names *m, sqlite3_int64 id){
  int lo = 0, hi = m->n-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( m->a[mid].id==id ) return &m->a[mid];
    if( m->a[mid].id<id ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

static int coll_cmp(const void *a, const void *b){
  sqlite3_int64 x = ((const Coll*)a)->id, y = ((const Coll*)b)->id;
  return x<y ? -1 : x>y;
}

static Coll *coll_find(ZotCursor *p, sqlite3_int64 id){
  int lo = 0, hi = p->nColl-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( p->aColl[mid].id==id ) return &p->aColl[mid];
    if( p->aColl[mid].id<id ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

/* The path of collection c ('Vision/Self-supervised'), made once; "" when
** it or a parent is in the trash (or the parents loop).  NULL on OOM. */
static const char *coll_path(ZotCursor *p, Coll *c, int depth){
  Coll *parent;
  const char *zUp;
  if( c->zPath ) return c->zPath;
  if( c->zName==0 || depth>64 ){
    c->zPath = sqlite3_mprintf("");
    return c->zPath;
  }
  parent = c->parent ? coll_find(p, c->parent) : 0;
  if( parent==0 ){
    c->zPath = sqlite3_mprintf("%s", c->zName);
    return c->zPath;
  }
  zUp = coll_path(p, parent, depth+1);
  if( zUp==0 ) return 0;
  c->zPath = zUp[0] ? sqlite3_mprintf("%s/%s", zUp, c->zName) : sqlite3_mprintf("");
  return c->zPath;
}

/* Read every collection; a trashed one gets no name (so no path). */
static int load_collections(ZotCursor *p, int bDeletedColls){
  sqlite3_stmt *s;
  int rc, nAlloc = 0;
  rc = prepare(p, bDeletedColls
    ? "SELECT collectionID, collectionName, coalesce(parentCollectionID, 0),"
      " collectionID IN (SELECT collectionID FROM deletedCollections) FROM collections"
    : "SELECT collectionID, collectionName, coalesce(parentCollectionID, 0), 0 FROM collections", &s);
  if( rc ) return rc;
  while( (rc = sqlite3_step(s))==SQLITE_ROW ){
    Coll *c;
    const char *zName = (const char*)sqlite3_column_text(s, 1);
    if( zName==0 && sqlite3_errcode(p->db)==SQLITE_NOMEM ){ rc = SQLITE_NOMEM; break; }
    if( p->nColl==nAlloc ){
      Coll *a = sqlite3_realloc64(p->aColl, (sqlite3_uint64)(nAlloc = nAlloc ? nAlloc*2 : 64)*sizeof(Coll));
      if( a==0 ){ rc = SQLITE_NOMEM; break; }
      p->aColl = a;
    }
    c = &p->aColl[p->nColl++];
    memset(c, 0, sizeof(*c));
    c->id = sqlite3_column_int64(s, 0);
    c->parent = sqlite3_column_int64(s, 2);
    if( !sqlite3_column_int(s, 3) ){
      c->zName = sqlite3_mprintf("%s", zName ? zName : "");
      if( c->zName==0 ){ rc = SQLITE_NOMEM; break; }
    }
  }
  sqlite3_finalize(s);
  if( rc!=SQLITE_DONE ) return rc==SQLITE_NOMEM ? rc : lib_error(p, rc, "reading collections");
  if( p->nColl ) qsort(p->aColl, (size_t)p->nColl, sizeof(Coll), coll_cmp);
  return SQLITE_OK;
}

/* Open the library read-only and start the read transaction. */
static int open_library(ZotCursor *p, const char *zPath){
  struct stat st;
  int rc;
  p->zPath = sqlite3_mprintf("%s", zPath);
  if( p->zPath==0 ) return SQLITE_NOMEM;
  if( stat(zPath, &st)!=0 ){
    return pe_vtab_error(p->base.pVtab, "zotero_items: cannot open %s: no such file", zPath);
  }
  if( !S_ISREG(st.st_mode) ){
    return pe_vtab_error(p->base.pVtab, "zotero_items: cannot open %s: not a file", zPath);
  }
  {
    /* "file:..." would be read as a URI where URIs are enabled process-wide */
    char *zName = strncmp(zPath, "file:", 5)==0 ? sqlite3_mprintf("./%s", zPath) : sqlite3_mprintf("%s", zPath);
    if( zName==0 ) return SQLITE_NOMEM;
    rc = sqlite3_open_v2(zName, &p->db, SQLITE_OPEN_READONLY, 0);
    sqlite3_free(zName);
  }
  if( rc ){
    if( p->db==0 || (rc & 0xff)==SQLITE_NOMEM ) return SQLITE_NOMEM;
    return lib_error(p, rc, "cannot open");
  }
  sqlite3_busy_timeout(p->db, 2000);
  rc = sqlite3_exec(p->db, "BEGIN", 0, 0, 0);
  if( rc ) return lib_error(p, rc, "cannot read");
  return SQLITE_OK;
}

static int z_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                    int argc, sqlite3_value **argv){
  ZotCursor *p = (ZotCursor*)cur;
  sqlite3_value *apArg[1];
  const char *zPath;
  /* the tables a Zotero library has, in the order they are checked */
  static const char *const azNeed[] = { "items", "itemData", "itemDataValues", "creators",
    "itemCreators", "creatorTypes", "tags", "itemTags", "itemNotes", "collections", "collectionItems" };
  int bFieldsCombined, bTypesCombined, bDeleted, bDeletedColls, bFeeds, bLibraries;
  size_t k;
  int rc, r;
  char *zSql;
  (void)idxStr;
  z_reset(p);
  if( (rc = pe_tvf_args(cur, idxNum, argc, argv, apArg))!=SQLITE_OK ) return rc;
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL ) return SQLITE_OK;
  zPath = (const char*)sqlite3_value_text(apArg[0]);
  if( zPath==0 ) return SQLITE_NOMEM;
  rc = open_library(p, zPath);
  if( rc ) return rc;

  for(k=0; k<sizeof(azNeed)/sizeof(azNeed[0]); k++){
    r = has_table(p, azNeed[k]);
    if( r<0 ) return lib_error(p, -r, "cannot read");
    if( r==0 ){
      return pe_vtab_error(cur->pVtab, "not a Zotero library: %s (no table %s)", p->zPath, azNeed[k]);
    }
  }
  /* Zotero 5+ fills the *Combined tables at startup; older ones have only the base tables */
  if( (bFieldsCombined = has_table(p, "fieldsCombined"))<0
   || (bTypesCombined = has_table(p, "itemTypesCombined"))<0
   || (bDeleted = has_table(p, "deletedItems"))<0
   || (bDeletedColls = has_table(p, "deletedCollections"))<0
   || (bFeeds = has_table(p, "feedItems"))<0
   || (bLibraries = has_table(p, "libraries"))<0 ){
    return SQLITE_NOMEM;
  }
  if( !bFieldsCombined && (r = has_table(p, "fields"))<=0 ){
    return r<0 ? SQLITE_NOMEM : pe_vtab_error(cur->pVtab, "not a Zotero library: %s (no table fields)", p->zPath);
  }
  if( !bTypesCombined && (r = has_table(p, "itemTypes"))<=0 ){
    return r<0 ? SQLITE_NOMEM : pe_vtab_error(cur->pVtab, "not a Zotero library: %s (no table itemTypes)", p->zPath);
  }

  zSql = sqlite3_mprintf(
    "SELECT i.itemID, i.key, i.libraryID, t.typeName, i.dateAdded, i.dateModified"
    " FROM items i JOIN %s t ON t.itemTypeID = i.itemTypeID"
    " WHERE t.typeName NOT IN ('attachment', 'note', 'annotation')%s%s%s"
    " ORDER BY i.itemID",
    bTypesCombined ? "itemTypesCombined" : "itemTypes",
    bDeleted ? " AND i.itemID NOT IN (SELECT itemID FROM deletedItems)" : "",
    bFeeds ? " AND i.itemID NOT IN (SELECT itemID FROM feedItems)" : "",
    bLibraries ? " AND i.libraryID NOT IN (SELECT libraryID FROM libraries WHERE type = 'feed')" : "");
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = prepare(p, zSql, &p->pItems);
  sqlite3_free(zSql);
  if( rc ) return rc;

  for(k=0; k<S_COUNT; k++){
    Stream *s = &p->aStream[k];
    if( !(idxNum & Z_IDX_STREAM(k)) ){ s->bEof = 1; continue; }
    switch( k ){
      case S_DATA:
        rc = load_names(p, bFieldsCombined ? "SELECT fieldID, fieldName FROM fieldsCombined"
                                           : "SELECT fieldID, fieldName FROM fields", &p->fields);
        if( rc ) return rc;
        zSql = sqlite3_mprintf("SELECT d.itemID, d.fieldID, v.value FROM itemData d"
          " JOIN itemDataValues v ON v.valueID = d.valueID ORDER BY d.itemID");
        break;
      case S_CREATORS:
        rc = load_names(p, "SELECT creatorTypeID, creatorType FROM creatorTypes", &p->creatorTypes);
        if( rc ) return rc;
        zSql = sqlite3_mprintf("SELECT ic.itemID, ic.creatorTypeID, c.firstName, c.lastName, c.fieldMode"
          " FROM itemCreators ic JOIN creators c ON c.creatorID = ic.creatorID"
          " ORDER BY ic.itemID, ic.orderIndex");
        break;
      case S_TAGS:
        zSql = sqlite3_mprintf("SELECT it.itemID, t.name FROM itemTags it JOIN tags t ON t.tagID = it.tagID"
          " ORDER BY it.itemID, lower(t.name), t.name");
        break;
      case S_COLLS:
        rc = load_collections(p, bDeletedColls);
        if( rc ) return rc;
        zSql = sqlite3_mprintf("SELECT itemID, collectionID FROM collectionItems ORDER BY itemID, collectionID");
        break;
      default:
        zSql = sqlite3_mprintf("SELECT parentItemID, note FROM itemNotes"
          " WHERE parentItemID IS NOT NULL%s ORDER BY parentItemID, itemID",
          bDeleted ? " AND itemID NOT IN (SELECT itemID FROM deletedItems)" : "");
        break;
    }
    if( zSql==0 ) return SQLITE_NOMEM;
    rc = prepare(p, zSql, &s->pStmt);
    sqlite3_free(zSql);
    if( rc ) return rc;
    rc = stream_step(p, s);
    if( rc ) return rc;
  }
  p->bEof = 0;
  return cur->pVtab->pModule->xNext(cur);
}

static const char *col_text(sqlite3_stmt *s, int i, size_t *pn){
  const char *z = (const char*)sqlite3_column_text(s, i);
  *pn = (size_t)sqlite3_column_bytes(s, i);
  if( z==0 ) *pn = 0;
  return z ? z : "";
}

/* Was a column's text lost to OOM (NULL text from a non-NULL value)? */
static int lost(sqlite3_stmt *s, int i){
  return sqlite3_column_type(s, i)!=SQLITE_NULL && sqlite3_column_text(s, i)==0;
}

/* Take this item's rows of stream k into the item. */
static int gather(ZotCursor *p, int k){
  Stream *s = &p->aStream[k];
  int rc;
  while( !s->bEof && s->iItem<p->iItem ){
    rc = stream_step(p, s);
    if( rc ) return rc;
  }
  while( !s->bEof && s->iItem==p->iItem ){
    sqlite3_stmt *q = s->pStmt;
    size_t n1, n2, n3;
    const char *z1;
    int r = PE_OK;
    switch( k ){
      case S_DATA: {
        const IdName *f = name_of(&p->fields, sqlite3_column_int64(q, 1));
        const char *z2 = col_text(q, 2, &n2);
        if( lost(q, 2) ) return SQLITE_NOMEM;
        if( f ) r = zot_item_field(&p->item, f->zName, (size_t)f->nName, z2, n2);
        break;
      }
      case S_CREATORS: {
        const IdName *t = name_of(&p->creatorTypes, sqlite3_column_int64(q, 1));
        const char *z2 = col_text(q, 2, &n2);
        const char *z3;
        if( lost(q, 2) ) return SQLITE_NOMEM;
        z3 = col_text(q, 3, &n3);
        if( lost(q, 3) ) return SQLITE_NOMEM;
        r = zot_item_creator(&p->item, t ? t->zName : "author", t ? (size_t)t->nName : 6, z2, n2, z3, n3,
                             sqlite3_column_int(q, 4)==1);
        break;
      }
      case S_TAGS:
        z1 = col_text(q, 1, &n1);
        if( lost(q, 1) ) return SQLITE_NOMEM;
        r = zot_item_tag(&p->item, z1, n1);
        break;
      case S_COLLS: {
        Coll *c = coll_find(p, sqlite3_column_int64(q, 1));
        const char *zPath = c ? coll_path(p, c, 0) : "";
        if( zPath==0 ) return SQLITE_NOMEM;
        if( zPath[0] ) r = zot_item_collection(&p->item, zPath, strlen(zPath));
        break;
      }
      default:
        z1 = col_text(q, 1, &n1);
        if( lost(q, 1) ) return SQLITE_NOMEM;
        r = zot_item_note(&p->item, z1, n1);
        break;
    }
    if( r!=PE_OK ) return SQLITE_NOMEM;
    rc = stream_step(p, s);
    if( rc ) return rc;
  }
  return SQLITE_OK;
}

static int z_next(sqlite3_vtab_cursor *cur){
  ZotCursor *p = (ZotCursor*)cur;
  int rc, k;
  if( p->pItems==0 ){ p->bEof = 1; return SQLITE_OK; }
  rc = sqlite3_step(p->pItems);
  if( rc!=SQLITE_ROW ){
    p->bEof = 1;
    return rc==SQLITE_DONE ? SQLITE_OK : lib_error(p, rc, "reading the library");
  }
  p->iItem = sqlite3_column_int64(p->pItems, 0);
  zot_item_clear(&p->item);
  for(k=0; k<S_COUNT; k++){
    rc = gather(p, k);
    if( rc ) return rc;
  }
  return SQLITE_OK;
}

static int z_eof(sqlite3_vtab_cursor *cur){ return ((ZotCursor*)cur)->bEof; }

static int z_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((ZotCursor*)cur)->iItem;
  return SQLITE_OK;
}

static void result_buf(sqlite3_context *ctx, int r, PeBuf *b, int bJson){
  if( r<0 || b->oom ){ sqlite3_result_error_nomem(ctx); return; }
  if( r==0 ) return;
  sqlite3_result_text64(ctx, b->z ? b->z : "", b->n, SQLITE_TRANSIENT, SQLITE_UTF8);
  if( bJson ) sqlite3_result_subtype(ctx, 'J');
}

static int z_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  ZotCursor *p = (ZotCursor*)cur;
  const ZotItem *it = &p->item;
  PeBuf *b = &p->buf;
  int r = 0, bJson = 0;
  long year;
  pe_buf_reset(b);
  switch( i ){
    case Z_KEY:      sqlite3_result_value(ctx, sqlite3_column_value(p->pItems, 1)); return SQLITE_OK;
    case Z_LIBRARY:  sqlite3_result_value(ctx, sqlite3_column_value(p->pItems, 2)); return SQLITE_OK;
    case Z_TYPE:     sqlite3_result_value(ctx, sqlite3_column_value(p->pItems, 3)); return SQLITE_OK;
    case Z_ADDED:    sqlite3_result_value(ctx, sqlite3_column_value(p->pItems, 4)); return SQLITE_OK;
    case Z_MODIFIED: sqlite3_result_value(ctx, sqlite3_column_value(p->pItems, 5)); return SQLITE_OK;
    case Z_ITEMID:   sqlite3_result_int64(ctx, p->iItem); return SQLITE_OK;
    case Z_YEAR:
      if( zot_item_year(it, &year) ) sqlite3_result_int64(ctx, year);
      return SQLITE_OK;
    case Z_TITLE:    r = zot_item_title(it, b); break;
    case Z_CREATORS: r = zot_item_creators_json(it, b); bJson = 1; break;
    case Z_AUTHOR:   r = zot_item_names(it, 0, b); break;
    case Z_EDITOR:   r = zot_item_names(it, 1, b); break;
    case Z_DATE:     r = zot_item_date(it, b); break;
    case Z_VENUE:    r = zot_item_venue(it, b); break;
    case Z_DOI:      r = zot_item_doi(it, b); break;
    case Z_URL:      r = zot_item_url(it, b); break;
    case Z_ARXIV:    r = zot_item_arxiv(it, b); break;
    case Z_TAGS:     r = zot_item_tags_json(it, b); bJson = 1; break;
    case Z_COLLECTIONS: r = zot_item_collections_json(it, b); bJson = 1; break;
    case Z_NOTES:    r = zot_item_notes(it, b); break;
    case Z_CITEKEY:  r = zot_item_citation_key(it, b); break;
    case Z_FIELDS:   r = zot_item_fields_json(it, b); bJson = 1; break;
    default: return SQLITE_OK;
  }
  if( it->oom ) r = -1;
  result_buf(ctx, r, b, bJson);
  return SQLITE_OK;
}

/* Which streams the columns read need. */
static int z_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  static const struct { int iCol, iStream; } aNeed[] = {
    { Z_TITLE, S_DATA }, { Z_DATE, S_DATA }, { Z_YEAR, S_DATA }, { Z_VENUE, S_DATA },
    { Z_DOI, S_DATA }, { Z_URL, S_DATA }, { Z_ARXIV, S_DATA }, { Z_CITEKEY, S_DATA },
    { Z_FIELDS, S_DATA }, { Z_CREATORS, S_CREATORS }, { Z_AUTHOR, S_CREATORS },
    { Z_EDITOR, S_CREATORS }, { Z_TAGS, S_TAGS }, { Z_COLLECTIONS, S_COLLS }, { Z_NOTES, S_NOTES },
  };
  size_t k;
  int rc = pe_tvf_best_index(pVtab, pInfo);
  if( rc!=SQLITE_OK ) return rc;
  for(k=0; k<sizeof(aNeed)/sizeof(aNeed[0]); k++){
    if( pInfo->colUsed & ((sqlite3_uint64)1<<aNeed[k].iCol) ) pInfo->idxNum |= Z_IDX_STREAM(aNeed[k].iStream);
  }
  return SQLITE_OK;
}

static const sqlite3_module zotero_module = {
  .iVersion = 0,
  .xCreate = 0,
  .xConnect = pe_tvf_connect,
  .xBestIndex = z_best_index,
  .xDisconnect = pe_tvf_disconnect,
  .xOpen = z_open,
  .xClose = z_close,
  .xFilter = z_filter,
  .xNext = z_next,
  .xEof = z_eof,
  .xColumn = z_column,
  .xRowid = z_rowid,
};

static const PeTvfArg aPathArg[] = { { "path", 1 } };

static const PeTable aTable[] = {
  { .zName = "zotero_items", .pModule = &zotero_module,
    .zColumns = "key TEXT, library_id INTEGER, type TEXT, title TEXT, creators TEXT, author TEXT,"
                " editor TEXT, date TEXT, year INTEGER, venue TEXT, doi TEXT, url TEXT, arxiv TEXT,"
                " tags TEXT, collections TEXT, notes TEXT, citation_key TEXT, date_added TEXT,"
                " date_modified TEXT, fields TEXT, item_id INTEGER",
    PE_ARGS(aPathArg), .eAccess = PE_TABLE_DIRECT,
    .zSignature = "zotero_items(path) -> (key, library_id, type, title, creators, author, editor, date, "
      "year, venue, doi, url, arxiv, tags, collections, notes, citation_key, date_added, date_modified, "
      "fields, item_id)",
    .zSummary = "One row per regular item of a Zotero library file (zotero.sqlite), read-only from one "
      "snapshot that includes its WAL; not attachments, notes or the trash." },
};

const PeUnit pe_unit_zotero = { .zName = "zotero", PE_TABLES(aTable) };
