/*
** tags_sql.c: tag normalization and tag sets in SQL.
**
**   SELECT tag_norm('#Self_Supervised ');              -- 'self-supervised'
**   SELECT tag_norm('【对比学习】');                     -- '对比学习'
**   SELECT tags_parse('#SSL [video] 【对比学习】');      -- '["ssl","video","对比学习"]'
**   SELECT tags_parse('Domain Adaptation, NAS');       -- '["domain-adaptation","nas"]'
**   SELECT tag, raw, position FROM tag_each('read #SSL [video]');
**       -- ssl|#SSL|6   video|[video]|11
**   SELECT tag_has('["ml/ssl/contrastive"]', 'ML/SSL');          -- 1
**   SELECT tags_add('["a"]', 'B c', '#a');            -- '["a","b-c"]'
**   SELECT tags_remove('["ml","ml/ssl","cv"]', 'ml'); -- '["cv"]'
**   SELECT tags_union(tags) FROM papers GROUP BY venue;
**
** The rules (what a canonical tag is, which marks make a tag, when a text is
** a plain list) are in tags.h.  A `tags` argument is a JSON array of strings
** (each normalized) or free text read by the same rules as tags_parse().
** tag_each() gives every occurrence, in order (position: 1-based character
** offset of raw in the text); tags_parse() and the set functions give
** distinct tags in first-seen order, as compact JSON arrays.  tags_remove()
** removes a tag with its descendants ('ml' takes 'ml/ssl' along).
** NULL in any argument gives NULL (tags_add(coalesce(tags, '[]'), 'x') adds
** to a missing set); tags_union() skips NULL rows and is NULL for a group of
** only NULLs.
*/
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "tags.h"
#include "common/utf8.h"

static void tag_norm_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n;
  PeBuf b;
  int rc;
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&b);
  rc = pe_tag_norm(&b, z, n);
  if( rc==PE_OK && b.n==0 ){ pe_buf_free(&b); return; }      /* an empty tag is no tag */
  pe_result_buf(ctx, rc, &b);
}

/* The set read from argv[0] (JSON array or free text); 0 on success. */
static int read_set(sqlite3_context *ctx, sqlite3_value *v, PeTagSet *s){
  size_t n;
  const char *z = pe_value_text(v, &n);
  pe_tagset_init(s);
  if( z==0 || pe_tagset_add_text(s, z, n) ){
    pe_tagset_free(s);
    sqlite3_result_error_nomem(ctx);
    return 1;
  }
  return 0;
}

static void result_set(sqlite3_context *ctx, PeTagSet *s){
  PeBuf b;
  pe_buf_init(&b);
  pe_result_buf(ctx, pe_tagset_json(s, &b), &b);
}

static void tags_parse_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeTagSet s;
  if( pe_any_null(argc, argv) ) return;
  if( read_set(ctx, argv[0], &s) ) return;
  result_set(ctx, &s);
  pe_tagset_free(&s);
}

/* Canonical form of argv[i] into b (reset first); 0 ok, 1 error reported. */
static int norm_arg(sqlite3_context *ctx, sqlite3_value *v, PeBuf *b){
  size_t n;
  const char *z = pe_value_text(v, &n);
  pe_buf_reset(b);
  if( z==0 || pe_tag_norm(b, z, n) ){ sqlite3_result_error_nomem(ctx); return 1; }
  return 0;
}

static void tag_has_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeTagSet s;
  PeBuf tag;
  if( pe_any_null(argc, argv) ) return;
  pe_buf_init(&tag);
  if( norm_arg(ctx, argv[1], &tag) ){ pe_buf_free(&tag); return; }
  if( tag.n>0 && read_set(ctx, argv[0], &s)==0 ){
    sqlite3_result_int(ctx, pe_tagset_has(&s, tag.z, tag.n));
    pe_tagset_free(&s);
  }
  pe_buf_free(&tag);
}

/* tags_add / tags_remove: argv[0] the set, argv[1..] one tag each. */
static void edit_set(sqlite3_context *ctx, int argc, sqlite3_value **argv, int isAdd){
  PeTagSet s;
  PeBuf tag;
  int i;
  if( argc<2 ){
    sqlite3_result_error(ctx, isAdd ? "tags_add(tags, tag, ...): give at least one tag"
                                    : "tags_remove(tags, tag, ...): give at least one tag", -1);
    return;
  }
  if( pe_any_null(argc, argv) ) return;
  if( read_set(ctx, argv[0], &s) ) return;
  pe_buf_init(&tag);
  for(i=1; i<argc; i++){
    if( norm_arg(ctx, argv[i], &tag) ) goto done;
    if( tag.n==0 ) continue;
    if( isAdd ){
      if( pe_tagset_add(&s, tag.z, tag.n) ){ sqlite3_result_error_nomem(ctx); goto done; }
    }else{
      pe_tagset_remove(&s, tag.z, tag.n);
    }
  }
  result_set(ctx, &s);
done:
  pe_buf_free(&tag);
  pe_tagset_free(&s);
}

static void tags_add_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  edit_set(ctx, argc, argv, 1);
}
static void tags_remove_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  edit_set(ctx, argc, argv, 0);
}

/* tags_union: the aggregate context is a PeTagSet (all zero = empty set). */
static void tags_union_step(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeTagSet *s;
  size_t n;
  const char *z;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  s = sqlite3_aggregate_context(ctx, sizeof(*s));
  if( s==0 ){ sqlite3_result_error_nomem(ctx); return; }
  z = pe_value_text(argv[0], &n);
  if( z==0 || pe_tagset_add_text(s, z, n) ) sqlite3_result_error_nomem(ctx);
}

static void tags_union_final(sqlite3_context *ctx){
  PeTagSet *s = sqlite3_aggregate_context(ctx, 0);
  if( s==0 ) return;                         /* no non-NULL row: NULL */
  result_set(ctx, s);
  pe_tagset_free(s);
}

/* ------------------------------------------------ tag_each(text) table */

enum { EACH_TAG, EACH_RAW, EACH_POSITION, EACH_TEXT };

typedef struct EachCursor {
  sqlite3_vtab_cursor base;
  sqlite3_value *pText;       /* a copy of the argument */
  const char *z;
  size_t n;
  PeTagIter it;
  int eof;
  sqlite3_int64 iRowid;
  size_t iCharAt, iByteAt;    /* character count up to byte iByteAt */
} EachCursor;

static int each_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  EachCursor *pCur = sqlite3_malloc(sizeof(*pCur));
  (void)pVtab;
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  pe_tags_init(&pCur->it, 0, 0, 0);
  pCur->eof = 1;
  *ppCur = &pCur->base;
  return SQLITE_OK;
}

static void each_reset(EachCursor *pCur){
  pe_tags_close(&pCur->it);
  sqlite3_value_free(pCur->pText);
  pCur->pText = 0;
  pCur->eof = 1;
}

static int each_close(sqlite3_vtab_cursor *cur){
  each_reset((EachCursor*)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int each_next(sqlite3_vtab_cursor *cur){
  EachCursor *pCur = (EachCursor*)cur;
  int rc = pe_tags_next(&pCur->it);
  if( rc==PE_TAG_ROW ){
    pCur->iRowid++;
    return SQLITE_OK;
  }
  pCur->eof = 1;
  return rc==PE_OK ? SQLITE_OK : SQLITE_NOMEM;
}

static int each_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                       int argc, sqlite3_value **argv){
  EachCursor *pCur = (EachCursor*)cur;
  sqlite3_value *apArg[1];
  int rc;
  (void)idxStr;
  each_reset(pCur);
  pCur->iRowid = 0;
  pCur->iCharAt = pCur->iByteAt = 0;
  if( (rc = pe_tvf_args(cur, idxNum, argc, argv, apArg))!=SQLITE_OK ) return rc;
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL ) return SQLITE_OK;
  pCur->pText = sqlite3_value_dup(apArg[0]);
  if( pCur->pText==0 ) return SQLITE_NOMEM;
  pCur->z = pe_value_text(pCur->pText, &pCur->n);
  if( pCur->z==0 ) return SQLITE_NOMEM;
  pe_tags_init(&pCur->it, pCur->z, pCur->n, 0);
  pCur->eof = 0;
  return each_next(cur);
}

static int each_eof(sqlite3_vtab_cursor *cur){ return ((EachCursor*)cur)->eof; }

static int each_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  EachCursor *pCur = (EachCursor*)cur;
  PeTagIter *it = &pCur->it;
  switch( i ){
    case EACH_TAG:
      sqlite3_result_text64(ctx, it->zTag, it->nTag, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case EACH_RAW:
      sqlite3_result_text64(ctx, pCur->z + it->iRaw, it->nRaw, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case EACH_POSITION:
      /* Tags come in order, so count characters on from the last one. */
      if( it->iRaw >= pCur->iByteAt ){
        pCur->iCharAt += pe_utf8_count(pCur->z + pCur->iByteAt, it->iRaw - pCur->iByteAt);
        pCur->iByteAt = it->iRaw;
      }else{
        pCur->iCharAt = pe_utf8_count(pCur->z, it->iRaw);
        pCur->iByteAt = it->iRaw;
      }
      sqlite3_result_int64(ctx, (sqlite3_int64)pCur->iCharAt + 1);
      break;
    case EACH_TEXT:
      sqlite3_result_value(ctx, pCur->pText);
      break;
  }
  return SQLITE_OK;
}

static int each_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((EachCursor*)cur)->iRowid;
  return SQLITE_OK;
}

static const sqlite3_module each_module = {
  .iVersion = 0,
  .xCreate = 0,               /* eponymous-only */
  .xConnect = pe_tvf_connect,
  .xBestIndex = pe_tvf_best_index,
  .xDisconnect = pe_tvf_disconnect,
  .xOpen = each_open,
  .xClose = each_close,
  .xFilter = each_filter,
  .xNext = each_next,
  .xEof = each_eof,
  .xColumn = each_column,
  .xRowid = each_rowid,
};

static const PeTvfArg aEachArg[] = { { "text", 1 } };

static const PeFunction aFunc[] = {
  { "tag_norm", 1, PE_PURE, tag_norm_func, 0, 0,
    "tag_norm(tag) -> text",
    "Canonical tag: NFKC, case-folded, '#' and brackets removed, spaces and '_' as '-'; NULL when empty." },
  { "tags_parse", 1, PE_PURE, tags_parse_func, 0, 0,
    "tags_parse(text) -> json",
    "JSON array of the distinct canonical tags of a text (#hashtags, [brackets], 【】, or a , ; | list)." },
  { "tag_has", 2, PE_PURE, tag_has_func, 0, 0,
    "tag_has(tags, tag) -> 0|1",
    "1 when the tags (JSON array or text) hold the tag or a descendant of it ('ml/ssl' under 'ml')." },
  { "tags_add", -1, PE_PURE, tags_add_func, 0, 0,
    "tags_add(tags, tag, ...) -> json",
    "The tags as a JSON array with the given tags added (normalized, no duplicates)." },
  { "tags_remove", -1, PE_PURE, tags_remove_func, 0, 0,
    "tags_remove(tags, tag, ...) -> json",
    "The tags as a JSON array without the given tags and their descendants." },
  { "tags_union", 1, PE_PURE, 0, tags_union_step, tags_union_final,
    "tags_union(tags) -> json",
    "Aggregate: JSON array of every distinct tag of the group, in first-seen order." },
};

static const PeTable aTable[] = {
  { .zName = "tag_each", .pModule = &each_module,
    .zColumns = "tag TEXT, raw TEXT, position INTEGER", PE_ARGS(aEachArg),
    .zSignature = "tag_each(text) -> (tag, raw, position)",
    .zSummary = "Every tag occurrence of a text: canonical tag, raw text, 1-based character position." },
};

const PeUnit pe_unit_tags = {
  .zName = "tags", PE_FUNCTIONS(aFunc), PE_TABLES(aTable),
};
