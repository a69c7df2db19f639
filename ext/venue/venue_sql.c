/*
** venue_sql.c: venue names as SQL functions.
**
**   SELECT venue_norm('nips2020');                         -- 'NeurIPS'
**   SELECT venue_year("NeurIPS'20");                       -- 2020
**   SELECT venue_kind('CVPR Workshops');                   -- 'workshop'
**   SELECT venue_name('TPAMI');  -- 'IEEE Transactions on Pattern Analysis and Machine Intelligence'
**   SELECT venue_proceedings('ICML 2020');
**     -- 'Proceedings of the 37th International Conference on Machine Learning'
**   SELECT venue_parse('Advances in Neural Information Processing Systems 33');
**     -- {"acronym":"NeurIPS","name":"Conference on Neural Information
**     --  Processing Systems","kind":"conference","year":2020}
**   SELECT * FROM paperext_venues WHERE kind = 'conference';
**
** NULL in gives NULL out; a string naming no venue gives NULL (venue_year
** may still find a year in it).  Rules: ext/venue/README.md.
**
** These six are pure: they depend on their argument and the built-in
** catalog only (DETERMINISTIC|INNOCUOUS), so indexes, CHECK constraints and
** generated columns may use them.
**
** Your own venues and aliases: an ordinary table in the main database
**
**   CREATE TABLE paperext_venue_aliases(
**     alias TEXT,            -- a spelling to recognize (NULL: just the acronym)
**     acronym TEXT NOT NULL, -- the acronym it names
**     name TEXT,             -- NULL: keep the catalog's name
**     kind TEXT);            -- NULL: keep the catalog's kind
**   INSERT INTO paperext_venue_aliases VALUES ('DLRS workshop', 'DLRS', 'Deep Learning for Recommender Systems', 'workshop');
**   SELECT venue_resolve('DLRS workshop 2020');
**     -- {"acronym":"DLRS","name":"Deep Learning for Recommender Systems",
**     --  "kind":"workshop","year":2020,"source":"user"}
**
** venue_resolve() applies that table: its aliases win over the catalog's, and
** a row for a catalog acronym renames or re-kinds that venue.  It reads a
** table, so it is registered neither deterministic nor innocuous.  It reads
** the table again after any change to the database (sqlite3_total_changes64
** and SQLITE_FCNTL_DATA_VERSION are compared on each call, which costs no
** query; a statement holding no transaction on main also asks PRAGMA
** main.data_version), so an INSERT, from this connection or another, takes
** effect at the next statement without reloading the extension.
** paperext_venues lists the catalog and the table's venues (source 'user').
**
** Each connection keeps a memo of recent results (venue_cache.c): one for
** the catalog, one for venue_resolve, cleared whenever the table is read again.
*/
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "venue.h"
#include "common/strbuf.h"
#include "common/pe_mem.h"

#define USER_TABLE "paperext_venue_aliases"

/* Per connection: the user overlay, and what the database looked like when
** it was read. */
typedef struct VenueState {
  PeVenueOverlay *ov;         /* NULL when the table is absent or empty */
  PeVenueCache *pCatalogCache;/* recent results of the pure functions (made at first use) */
  PeVenueCache *pUserCache;   /* recent results of venue_resolve (cleared with ov) */
  sqlite3_int64 nChange;      /* sqlite3_total_changes64() then */
  unsigned int dataVersion;   /* SQLITE_FCNTL_DATA_VERSION of main then */
  sqlite3_int64 pragmaVersion;/* PRAGMA main.data_version then */
  sqlite3_uint64 hash;        /* of the rows read (0: no table, or an empty one) */
  int loaded;
  int inTxn;                  /* read inside a transaction: read again once it ends */
  int loading;                /* re-entry (the table read calls us): catalog only */
} VenueState;

static void *venue_new_state(sqlite3 *db){
  VenueState *s = sqlite3_malloc(sizeof(*s));
  (void)db;
  if( s ) memset(s, 0, sizeof(*s));
  return s;
}

static void venue_free_state(void *p){
  VenueState *s = (VenueState*)p;
  if( s ){
    pe_venue_overlay_free(s->ov);
    pe_venue_cache_free(s->pCatalogCache);
    pe_venue_cache_free(s->pUserCache);
    sqlite3_free(s);
  }
}

static const char *col_text(sqlite3_stmt *pStmt, int i){
  return sqlite3_column_type(pStmt, i)==SQLITE_NULL ? 0 : (const char*)sqlite3_column_text(pStmt, i);
}

/* FNV-1a over a column's bytes, NULL told apart from '' (64 bits). */
static sqlite3_uint64 hash_column(sqlite3_uint64 h, const char *z){
  const unsigned char *p = (const unsigned char*)(z ? z : "");
  h = (h ^ (z ? 1u : 2u)) * 1099511628211ull;
  while( *p ){ h = (h ^ *p++) * 1099511628211ull; }
  return h;
}

/* Read the user table into a new overlay (*pOv NULL when there is none),
** and a hash of its rows into *pHash (the same rows give the same hash).
** On error *pzErr is an sqlite3_malloc'ed message. */
static int venue_load(sqlite3 *db, PeVenueOverlay **pOv, sqlite3_uint64 *pHash, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  PeVenueOverlay *ov = 0;
  sqlite3_uint64 h = 14695981039346656037ull;
  int rc, iRow = 0;
  *pOv = 0;
  *pHash = 0;                   /* no table */
  rc = sqlite3_prepare_v2(db,
      "SELECT type FROM main.sqlite_schema WHERE name = '" USER_TABLE "' COLLATE NOCASE",
      -1, &pStmt, 0);
  if( rc ) goto sql_error;
  rc = sqlite3_step(pStmt);
  if( rc==SQLITE_DONE ){ sqlite3_finalize(pStmt); return SQLITE_OK; }
  if( rc!=SQLITE_ROW ) goto sql_error;
  if( strcmp((const char*)sqlite3_column_text(pStmt, 0), "table")!=0 ){
    *pzErr = sqlite3_mprintf(USER_TABLE " must be an ordinary table, not a %s",
                             (const char*)sqlite3_column_text(pStmt, 0));
    sqlite3_finalize(pStmt);
    return SQLITE_ERROR;
  }
  sqlite3_finalize(pStmt);
  rc = sqlite3_prepare_v2(db, "SELECT alias, acronym, name, kind FROM main." USER_TABLE,
                          -1, &pStmt, 0);
  if( rc ) goto sql_error;
  ov = pe_venue_overlay_new();
  if( ov==0 ){ sqlite3_finalize(pStmt); return SQLITE_NOMEM; }
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    char zErr[200];
    const char *zAlias = col_text(pStmt, 0), *zAcr = col_text(pStmt, 1);
    const char *zName = col_text(pStmt, 2), *zKind = col_text(pStmt, 3);
    iRow++;
    h = hash_column(hash_column(hash_column(hash_column(h, zAlias), zAcr), zName), zKind);
    rc = pe_venue_overlay_add(ov, zAlias, zAcr, zName, zKind, zErr, sizeof zErr);
    if( rc==PE_NOMEM ){ rc = SQLITE_NOMEM; goto fail; }
    if( rc ){
      *pzErr = sqlite3_mprintf(USER_TABLE " row %d: %s", iRow, zErr);
      rc = SQLITE_ERROR;
      goto fail;
    }
  }
  if( rc!=SQLITE_DONE ) goto sql_error;
  sqlite3_finalize(pStmt);
  if( pe_venue_overlay_count(ov)==0 ){ pe_venue_overlay_free(ov); ov = 0; }
  *pOv = ov;
  *pHash = ov ? h : 0;
  return SQLITE_OK;
sql_error:
  *pzErr = sqlite3_mprintf(USER_TABLE ": %s", sqlite3_errmsg(db));
  if( rc==SQLITE_ROW || rc==SQLITE_DONE || rc==SQLITE_OK ) rc = SQLITE_ERROR;
fail:
  sqlite3_finalize(pStmt);
  pe_venue_overlay_free(ov);
  return rc;
}

/* The overlay to use now, read again when the database changed. */
/* PRAGMA main.data_version: changes when another connection commits. */
static int main_data_version(sqlite3 *db, sqlite3_int64 *pV, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db, "PRAGMA main.data_version", -1, &pStmt, 0);
  if( rc==SQLITE_OK && (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    *pV = sqlite3_column_int64(pStmt, 0);
    rc = SQLITE_OK;
  }else if( rc!=SQLITE_NOMEM ){
    *pzErr = sqlite3_mprintf(USER_TABLE ": %s", sqlite3_errmsg(db));
    if( rc==SQLITE_DONE || rc==SQLITE_OK ) rc = SQLITE_ERROR;
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* The overlay to use now, read again when the database changed. */
static int venue_overlay(sqlite3 *db, VenueState *s, const PeVenueOverlay **pOv, char **pzErr){
  sqlite3_int64 nChange, pv = 0;
  unsigned int dv = 0;
  PeVenueOverlay *ov;
  int rc, autocommit, stale;
  *pOv = 0;
  if( s->loading ) return SQLITE_OK;
  nChange = sqlite3_total_changes64(db);
  autocommit = sqlite3_get_autocommit(db);
  /* SQLITE_FCNTL_DATA_VERSION moves with every commit this pager has seen:
  ** this connection's, and other connections' once it reads the file. */
  sqlite3_file_control(db, 0, SQLITE_FCNTL_DATA_VERSION, &dv);   /* 0: main */
  stale = dv!=s->dataVersion;
  if( !stale && sqlite3_txn_state(db, "main")==SQLITE_TXN_NONE ){
    /* No transaction on main (a statement without tables, or on temp tables
    ** only): the pager has not read the file since, so other connections'
    ** commits are not counted yet.  Ask the file (one small query). */
    rc = main_data_version(db, &pv, pzErr);
    if( rc ) return rc;
    stale = pv!=s->pragmaVersion;
  }
  /* A ROLLBACK changes neither counter: what was read inside a transaction
  ** is read again once the transaction is over. */
  if( !s->loaded || nChange!=s->nChange || stale || (s->inTxn && autocommit) ){
    sqlite3_uint64 hash;
    s->loading = 1;
    rc = venue_load(db, &ov, &hash, pzErr);
    if( rc==SQLITE_OK ) rc = main_data_version(db, &pv, pzErr);
    s->loading = 0;
    if( rc ){ pe_venue_overlay_free(ov); return rc; }
    /* reading the table opened a transaction: the pager's version is current */
    sqlite3_file_control(db, 0, SQLITE_FCNTL_DATA_VERSION, &dv);
    if( s->loaded && hash==s->hash ){
      /* the same rows (the counters also move for other tables' changes):
      ** keep the overlay and the memo of its results */
      pe_venue_overlay_free(ov);
    }else{
      pe_venue_overlay_free(s->ov);
      s->ov = ov;
      s->hash = hash;
      if( s->pUserCache ) pe_venue_cache_clear(s->pUserCache);
    }
    s->nChange = nChange;
    s->dataVersion = dv;
    s->pragmaVersion = pv;
    s->inTxn = !autocommit;
    s->loaded = 1;
  }
  *pOv = s->ov;
  return SQLITE_OK;
}

/* venue_aliases_reload(): read the user table now.  venue_resolve notices
** a change at the next statement; a trigger on the table itself runs inside
** the statement that changed it, so it asks for the new state this way. */
static void reload_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  VenueState *s = (VenueState*)pe_state(ctx);
  const PeVenueOverlay *ov = 0;
  char *zErr = 0;
  int rc;
  (void)argc; (void)argv;
  s->loaded = 0;
  rc = venue_overlay(sqlite3_context_db_handle(ctx), s, &ov, &zErr);
  if( rc ){
    if( rc==SQLITE_NOMEM || zErr==0 ) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_error(ctx, zErr, -1);
    sqlite3_free(zErr);
    return;
  }
  sqlite3_result_int(ctx, pe_venue_overlay_count(ov));
}

/* Parse argv[0], with the user's table when bUser; 0 when the result is
** NULL or an error was reported. */
static int venue_call(sqlite3_context *ctx, sqlite3_value **argv, PeVenueInfo *pInfo,
                      int bUser){
  const PeVenueOverlay *ov = 0;
  VenueState *s = (VenueState*)pe_state(ctx);
  PeVenueCache **ppCache = bUser ? &s->pUserCache : &s->pCatalogCache;
  char *zErr = 0;
  const char *z;
  size_t n;
  int rc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return 0;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
  if( bUser ){
    rc = venue_overlay(sqlite3_context_db_handle(ctx), s, &ov, &zErr);
    if( rc ){
      /* Every error comes with a message; none means making it ran out of memory. */
      if( rc==SQLITE_NOMEM || zErr==0 ) sqlite3_result_error_nomem(ctx);
      else sqlite3_result_error(ctx, zErr, -1);
      sqlite3_free(zErr);
      return 0;
    }
  }
  /* while the user table is being read (it called us): no overlay, no memo */
  if( *ppCache==0 && !s->loading ){
    *ppCache = pe_venue_cache_new();
    if( *ppCache==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
  }
  rc = pe_venue_parse_cached(s->loading ? 0 : *ppCache, ov, z, n, pInfo);
  if( rc==PE_TOOBIG ){
    char *zMsg = sqlite3_mprintf("venue: text of %llu bytes is over the limit of %d bytes"
                                 " (PE_VENUE_MAX_TEXT)", (unsigned long long)n, PE_VENUE_MAX_TEXT);
    pe_result_status(ctx, zMsg ? PE_ERROR : PE_NOMEM, zMsg);
    sqlite3_free(zMsg);
    return 0;
  }
  if( rc ){ pe_result_status(ctx, rc, 0); return 0; }
  return 1;
}

/* Catalog strings are constants of this library (SQLITE_STATIC, no copy);
** the overlay's may be freed when the user table is read again. */
static void result_str(sqlite3_context *ctx, const char *z, const PeVenueInfo *v){
  if( z ) sqlite3_result_text(ctx, z, -1, v->isUser ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void venue_norm_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeVenueInfo v;
  (void)argc;
  if( venue_call(ctx, argv, &v, 0) ) result_str(ctx, v.zAcronym, &v);
}

static void venue_year_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeVenueInfo v;
  (void)argc;
  if( venue_call(ctx, argv, &v, 0) && v.year ) sqlite3_result_int(ctx, v.year);
}

static void venue_kind_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeVenueInfo v;
  (void)argc;
  if( venue_call(ctx, argv, &v, 0) ) if( v.eKind ) sqlite3_result_text(ctx, pe_venue_kind_name(v.eKind), -1, SQLITE_STATIC);
}

static void venue_name_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeVenueInfo v;
  (void)argc;
  if( venue_call(ctx, argv, &v, 0) ) result_str(ctx, v.zName, &v);
}

/* The proceedings' title for a BibTeX booktitle (a journal's name), NULL when
** the catalog does not know it. */
static void venue_proceedings_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeVenueInfo v;
  PeBuf b;
  int known = 0;
  (void)argc;
  if( !venue_call(ctx, argv, &v, 0) ) return;
  pe_buf_init(&b);
  if( pe_venue_proceedings(&v, &b, &known)!=PE_OK ){
    pe_buf_free(&b);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if( known ) sqlite3_result_text(ctx, b.z ? b.z : "", (int)b.n, SQLITE_TRANSIENT);
  pe_buf_free(&b);
}

static void json_field(PeBuf *b, const char *zKey, const char *zVal){
  pe_buf_append_json(b, zKey, strlen(zKey));
  pe_buf_appendc(b, ':');
  if( zVal ) pe_buf_append_json(b, zVal, strlen(zVal));
  else pe_buf_appends(b, "null");
}

/* {acronym, name, kind, year} as JSON, and source when bSource. */
static void result_venue_json(sqlite3_context *ctx, const PeVenueInfo *v, int bSource){
  PeBuf b;
  char *z;
  size_t n;
  pe_buf_init(&b);
  pe_buf_appendc(&b, '{');
  json_field(&b, "acronym", v->zAcronym);
  pe_buf_appendc(&b, ',');
  json_field(&b, "name", v->zName);
  pe_buf_appendc(&b, ',');
  json_field(&b, "kind", pe_venue_kind_name(v->eKind));
  if( v->year ) pe_buf_appendf(&b, ",\"year\":%d", v->year);
  else pe_buf_appends(&b, ",\"year\":null");
  if( bSource ){
    pe_buf_appendc(&b, ',');
    json_field(&b, "source", v->zAcronym==0 ? 0 : v->isUser ? "user" : "catalog");
  }
  pe_buf_appendc(&b, '}');
  z = pe_buf_finish(&b, &n);
  if( z ){
    sqlite3_result_text64(ctx, z, n, pe_free, SQLITE_UTF8);
    sqlite3_result_subtype(ctx, 'J');   /* JSON, like json_object() */
  }else{
    sqlite3_result_error_nomem(ctx);
  }
}

static void venue_parse_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeVenueInfo v;
  (void)argc;
  if( venue_call(ctx, argv, &v, 0) ) result_venue_json(ctx, &v, 0);
}

static void venue_resolve_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeVenueInfo v;
  (void)argc;
  if( venue_call(ctx, argv, &v, 1) ) result_venue_json(ctx, &v, 1);
}

/* ------------------------------------------------------------------ */
/* paperext_venues: the catalog, then the user's venues (source 'user'). */


typedef struct VenuesCursor {
  sqlite3_vtab_cursor base;
  sqlite3_int64 iRow;
  const PeVenueOverlay *ov;
} VenuesCursor;

enum { VC_ACRONYM, VC_NAME, VC_KIND, VC_ALIASES, VC_DBLP, VC_SOURCE };

static int venues_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  VenuesCursor *c = sqlite3_malloc(sizeof(*c));
  (void)pVtab;
  if( c==0 ) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCur = &c->base;
  return SQLITE_OK;
}

static int venues_close(sqlite3_vtab_cursor *cur){ sqlite3_free(cur); return SQLITE_OK; }

static int venues_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                         int argc, sqlite3_value **argv){
  VenuesCursor *c = (VenuesCursor*)cur;
  PeTvf *p = pe_tvf_of(cur);
  char *zErr = 0;
  int rc;
  (void)idxNum; (void)idxStr; (void)argc; (void)argv;
  c->iRow = 0;
  rc = venue_overlay(p->db, (VenueState*)p->pState, &c->ov, &zErr);
  if( rc && (rc==SQLITE_NOMEM || zErr==0) ) rc = SQLITE_NOMEM;
  else if( rc ) rc = pe_vtab_error(cur->pVtab, "%s", zErr);
  sqlite3_free(zErr);
  return rc;
}

static int venues_next(sqlite3_vtab_cursor *cur){ ((VenuesCursor*)cur)->iRow++; return SQLITE_OK; }

static int venues_eof(sqlite3_vtab_cursor *cur){
  VenuesCursor *c = (VenuesCursor*)cur;
  return c->iRow >= pe_venue_count + pe_venue_overlay_count(c->ov);
}

static int venues_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  VenuesCursor *c = (VenuesCursor*)cur;
  const char *z = 0;
  if( c->iRow < pe_venue_count ){
    const PeVenue *v = &pe_venue_table[c->iRow];
    switch( i ){
      case VC_ACRONYM: z = v->zAcronym; break;
      case VC_NAME:    z = v->zName; break;
      case VC_KIND:    z = pe_venue_kind_name(v->eKind); break;
      case VC_ALIASES: z = v->zAliases; break;
      case VC_DBLP:    z = v->zDblp[0] ? v->zDblp : 0; break;
      case VC_SOURCE:  z = "catalog"; break;
    }
    if( z ) sqlite3_result_text(ctx, z, -1, SQLITE_STATIC);
  }else{
    PeVenueInfo info;
    const char *zAliases;
    pe_venue_overlay_venue(c->ov, (int)(c->iRow - pe_venue_count), &info, &zAliases);
    switch( i ){
      case VC_ACRONYM: z = info.zAcronym; break;
      case VC_NAME:    z = info.zName; break;
      case VC_KIND:    z = pe_venue_kind_name(info.eKind); break;
      case VC_ALIASES: z = zAliases; break;
      case VC_DBLP:    z = 0; break;
      case VC_SOURCE:  z = "user"; break;
    }
    if( z ) sqlite3_result_text(ctx, z, -1, SQLITE_TRANSIENT);
  }
  return SQLITE_OK;
}

static int venues_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((VenuesCursor*)cur)->iRow + 1;
  return SQLITE_OK;
}

static int venues_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  int rc = pe_tvf_best_index(pVtab, pInfo);
  if( rc==SQLITE_OK && !(pInfo->idxNum & PE_TVF_MISSING) ){
    pInfo->estimatedCost = 20000;
    pInfo->estimatedRows = 15000;
  }
  return rc;
}

static const sqlite3_module venues_module = {
  .iVersion = 0,
  .xCreate = 0,               /* eponymous-only */
  .xConnect = pe_tvf_connect,
  .xBestIndex = venues_best_index,
  .xDisconnect = pe_tvf_disconnect,
  .xOpen = venues_open,
  .xClose = venues_close,
  .xFilter = venues_filter,
  .xNext = venues_next,
  .xEof = venues_eof,
  .xColumn = venues_column,
  .xRowid = venues_rowid,
};

/* SQLite 3.45+ wants functions that set a subtype to say so. */
#ifdef SQLITE_RESULT_SUBTYPE
# define PE_JSON_RESULT SQLITE_RESULT_SUBTYPE
#else
# define PE_JSON_RESULT 0
#endif

static const PeFunction aFunc[] = {
  { "venue_norm", 1, PE_PURE, venue_norm_func, 0, 0,
    "venue_norm(raw) -> text",
    "The canonical acronym of the venue a raw venue string names ('nips2020' -> 'NeurIPS'), NULL when not recognized." },
  { "venue_year", 1, PE_PURE, venue_year_func, 0, 0,
    "venue_year(raw) -> integer",
    "The year a raw venue string determines (\"ICLR'21\" -> 2021, 'NeurIPS volume 33' -> 2020), else NULL." },
  { "venue_kind", 1, PE_PURE, venue_kind_func, 0, 0,
    "venue_kind(raw) -> text",
    "'conference', 'journal', 'workshop' or 'preprint' for a raw venue string, NULL when unknown." },
  { "venue_name", 1, PE_PURE, venue_name_func, 0, 0,
    "venue_name(raw) -> text",
    "The canonical full name of the venue a raw venue string names, NULL when not recognized." },
  { "venue_proceedings", 1, PE_PURE, venue_proceedings_func, 0, 0,
    "venue_proceedings(raw) -> text",
    "The title of the proceedings a paper of that venue appears in, for a BibTeX booktitle "
    "('ICML 2020' -> 'Proceedings of the 37th International Conference on Machine Learning'; "
    "a journal's full name), NULL when unknown." },
  { "venue_parse", 1, PE_PURE|PE_JSON_RESULT, venue_parse_func, 0, 0,
    "venue_parse(raw) -> json",
    "A JSON object {acronym, name, kind, year} for a raw venue string (null members when unknown)." },
  { "venue_aliases_reload", 0, PE_READS, reload_func, 0, 0,
    "venue_aliases_reload() -> integer",
    "Reads paperext_venue_aliases again now (for a trigger on that table, whose statement has not "
    "ended); the number of your venues." },
  { "venue_resolve", 1, PE_READS|PE_JSON_RESULT, venue_resolve_func, 0, 0,
    "venue_resolve(raw) -> json",
    "Like venue_parse with your table paperext_venue_aliases applied (it wins over the catalog), "
    "plus source 'user' or 'catalog'; reads that table, so not deterministic." },
};

static const PeTable aTable[] = {
  { .zName = "paperext_venues", .pModule = &venues_module,
    .zColumns = "acronym TEXT, name TEXT, kind TEXT, aliases TEXT, dblp TEXT, source TEXT",
    .eAccess = PE_TABLE_READS,       /* it reads paperext_venue_aliases */
    .zSignature = "paperext_venues() -> (acronym, name, kind, aliases, dblp, source)",
    .zSummary = "The venue catalog (source 'catalog') and the venues of your table paperext_venue_aliases (source 'user')." },
};

const PeUnit pe_unit_venue = {
  .zName = "venue", PE_FUNCTIONS(aFunc), PE_TABLES(aTable),
  .xNewState = venue_new_state, .xFreeState = venue_free_state,
};
