/*
** merge_sql.c: one work or two?  The record comparison the papers
** database's import uses, from SQL.
**
**   SELECT paper_match(
**     json_object('title', 'Deep learning', 'authors', 'LeCun, Yann and Bengio, Yoshua',
**                 'year', 2015, 'type', 'article', 'doi', '10.1038/nature14539'),
**     json_object('title', 'Deep Learning', 'authors', 'Ian Goodfellow and Yoshua Bengio',
**                 'year', 2016, 'type', 'book'));
**   -- {"verdict":"different","score":1.0,"reason":"a paper and a book"}
**   SELECT match_keys('Mask R-CNN', '10.1109/iccv.2017.322', NULL);
**   -- ["doi:10.1109/iccv.2017.322","t:mask r cnn"]
**
** A record is a JSON object with any of: title, authors (BibTeX form), year,
** type (entry type), kind (venue kind), venue (canonical), doi, arxiv,
** edition, volume, number, pages, source, key.  Unknown members are
** ignored, so a whole record row made with json_object() will do.  The
** rules: ext/merge/README.md (and merge.h).
*/
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "merge.h"

/* Read the record argument v into p: SQLITE_OK, SQLITE_NOMEM, or SQLITE_ERROR
** with a message set on ctx.  p is freed by the caller in every case. */
static int parse(sqlite3_context *ctx, sqlite3_value *v, int iArg, PeMergeJson *p){
  size_t n;
  const char *z = pe_value_text(v, &n);
  int rc;
  if( z==0 ){ pe_merge_from_json(p, "{}", 2); return SQLITE_NOMEM; }
  rc = pe_merge_from_json(p, z, n);
  if( rc==PE_ERROR ){
    char *zMsg = sqlite3_mprintf("paper_match: argument %d is not a JSON object", iArg);
    pe_result_status(ctx, zMsg ? PE_ERROR : PE_NOMEM, zMsg);
    sqlite3_free(zMsg);
    return SQLITE_ERROR;
  }
  return rc==PE_OK ? SQLITE_OK : SQLITE_NOMEM;
}

static void match_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const char *const azVerdict[] = { "different", "same", "unsure" };
  PeMergeJson a, b;
  PeMergeVerdict v;
  PeBuf out;
  int rc;
  if( pe_any_null(argc, argv) ) return;
  rc = parse(ctx, argv[0], 1, &a);
  if( rc==SQLITE_OK ) rc = parse(ctx, argv[1], 2, &b);
  else pe_merge_from_json(&b, "{}", 2);
  if( rc==SQLITE_OK ) rc = pe_merge_decide(&a.r, &b.r, &v)==PE_OK ? SQLITE_OK : SQLITE_NOMEM;
  if( rc==SQLITE_OK ){
    pe_buf_init(&out);
    pe_buf_appendf(&out, "{\"verdict\":\"%s\",\"score\":%.4f,\"reason\":",
                   azVerdict[v.eVerdict], v.score);
    pe_buf_append_json(&out, v.zReason, strlen(v.zReason));
    pe_buf_appendc(&out, '}');
    pe_result_buf(ctx, PE_OK, &out);
    if( !out.oom ) sqlite3_result_subtype(ctx, 'J');
  }else if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }
  pe_merge_json_free(&a);
  pe_merge_json_free(&b);
}

static void keys_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *az[3];
  PeBuf out;
  int k;
  for(k=0; k<3; k++){
    az[k] = sqlite3_value_type(argv[k])==SQLITE_NULL ? 0 : (const char*)sqlite3_value_text(argv[k]);
    if( sqlite3_value_type(argv[k])!=SQLITE_NULL && az[k]==0 ){ sqlite3_result_error_nomem(ctx); return; }
  }
  pe_buf_init(&out);
  pe_result_buf(ctx, pe_merge_keys(&out, az[0], az[1], az[2]), &out);
}

static void hash_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n;
  char zHash[33];
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_merge_hash(z, n, zHash);
  sqlite3_result_text(ctx, zHash, 32, SQLITE_TRANSIENT);
}

static void key_hash_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n;
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_int64(ctx, pe_merge_hash64(z, n));
}

/* SQLite 3.45+ wants functions that set a subtype to say so. */
#ifdef SQLITE_RESULT_SUBTYPE
# define PE_JSON_RESULT SQLITE_RESULT_SUBTYPE
#else
# define PE_JSON_RESULT 0
#endif

static const PeFunction aFunc[] = {
  PE_SCALAR("paper_match", 2, PE_PURE|PE_JSON_RESULT, match_func,
    "paper_match(record, record) -> json",
    "Whether two records (JSON objects: title, authors, year, type, doi, arxiv, ...) are one work: "
    "{verdict: same|different|unsure, score, reason}."),
  PE_SCALAR("content_hash", 1, PE_PURE, hash_func,
    "content_hash(text) -> text",
    "A 128-bit hash of a text as 32 hex digits (not cryptographic): tells whether a record changed."),
  PE_SCALAR("key_hash", 1, PE_PURE, key_hash_func,
    "key_hash(text) -> integer",
    "The first 64 bits of content_hash(text) as an integer: a match key as the index stores it."),
  PE_SCALAR("match_keys", 3, PE_PURE, keys_func,
    "match_keys(title, doi, arxiv) -> json",
    "The index keys under which a record's possible duplicates are found (DOI, arXiv id, title, "
    "title without subtitle, halves of the title)."),
};

const PeUnit pe_unit_merge = {
  .zName = "merge", PE_FUNCTIONS(aFunc),
};
