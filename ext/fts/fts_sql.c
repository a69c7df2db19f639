/*
** fts_sql.c: the `paperext` FTS5 tokenizer and its two helper functions.
**
**   CREATE VIRTUAL TABLE notes_fts USING fts5(title, note, tokenize='paperext');
**   CREATE VIRTUAL TABLE n2 USING fts5(note, tokenize='paperext fold 1 bigram 1');
**   CREATE VIRTUAL TABLE n3 USING fts5(note, tokenize='porter paperext remove_diacritics 2');
**   SELECT rowid FROM notes_fts WHERE notes_fts MATCH fts_query('記憶體 bert*');
**   SELECT paperext_tokens('bert依賴記憶體', 'bigram 1');
**
** Each CJK character (Han incl. extensions and compatibility forms, kana,
** bopomofo) is one token; everything else goes to FTS5's own unicode61
** tokenizer, so its options (remove_diacritics, tokenchars, separators,
** categories) pass through.  Options of our own:
**   fold 1     Traditional and Simplified Chinese fold together (to
**              Simplified, OpenCC's single-character tables), full-width
**              letters and digits to ASCII.  Index and query alike.
**   bigram 1   index character pairs as colocated tokens; queries read the
**              pairs.  Same rows, same highlight(), faster on big tables.
** The details (adjacency, break tokens, invalid UTF-8) are in
** fts_tokenizer.h; fts_query() rules in fts_query.h.
**
**   fts_query(text) -> text         a MATCH expression that never fails
**   paperext_tokens(text[, options]) -> JSON
**       [{"token":..,"start":..,"end":..,"pos":..,"colocated":0|1}, ...]
**       byte offsets into text, as the tokenizer gives them to FTS5 for a
**       document.
**
** The fts5_api pointer comes from `SELECT fts5(?1)` (sqlite3_bind_pointer)
** when the extension loads; without FTS5 the tokenizer is not registered
** and paperext_tokens() says so.  No global state: the tokenizer's context
** is the connection's fts5_api.
*/
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "fts_tokenizer.h"
#include "fts_query.h"

typedef struct FtsState { fts5_api *pApi; } FtsState;

/* One tokenizer instance: our flags and the unicode61 we delegate to. */
typedef struct PaperTok {
  fts5_tokenizer u61;
  Fts5Tokenizer *pU61;
  unsigned flags;
} PaperTok;

typedef int (*FtsTokenCb)(void*, int, const char*, int, int, int);

static void paper_delete(Fts5Tokenizer *pTok){
  PaperTok *p = (PaperTok*)pTok;
  if( p ){
    if( p->pU61 ) p->u61.xDelete(p->pU61);
    sqlite3_free(p);
  }
}

/* Create with a message in zErr on bad options (the tokenizer's xCreate
** cannot pass one on; paperext_tokens() can). */
static int paper_create_msg(fts5_api *pApi, const char **azArg, int nArg,
                            PaperTok **ppOut, char *zErr, size_t nErr){
  PaperTok *p;
  void *pU61Ctx = 0;
  const char **azRest = 0;
  int nRest = 0, rc;
  *ppOut = 0;
  p = sqlite3_malloc(sizeof(*p));
  azRest = sqlite3_malloc64(sizeof(char*)*(size_t)(nArg+1));
  if( p==0 || azRest==0 ){ sqlite3_free(p); sqlite3_free(azRest); return SQLITE_NOMEM; }
  memset(p, 0, sizeof(*p));
  if( pe_fts_options(azArg, nArg, &p->flags, azRest, &nRest, zErr, nErr) ){
    rc = SQLITE_ERROR;
  }else{
    rc = pApi->xFindTokenizer(pApi, "unicode61", &pU61Ctx, &p->u61);
    if( rc==SQLITE_OK ){
      rc = p->u61.xCreate(pU61Ctx, azRest, nRest, &p->pU61);
      if( rc!=SQLITE_OK ){
        p->pU61 = 0;
        if( rc==SQLITE_ERROR ){
          int i, k = 0;
          sqlite3_snprintf((int)nErr, zErr, "paperext tokenizer: unicode61 rejected the options:");
          k = (int)strlen(zErr);
          for(i=0; i<nRest && k+2<(int)nErr; i++){
            sqlite3_snprintf((int)nErr-k, zErr+k, " %s", azRest[i]);
            k += (int)strlen(zErr+k);
          }
        }
      }
    }
  }
  sqlite3_free(azRest);
  if( rc!=SQLITE_OK ){ paper_delete((Fts5Tokenizer*)p); return rc; }
  *ppOut = p;
  return SQLITE_OK;
}

static int paper_create(void *pCtx, const char **azArg, int nArg, Fts5Tokenizer **ppOut){
  char zErr[200];
  zErr[0] = 0;
  return paper_create_msg((fts5_api*)pCtx, azArg, nArg, (PaperTok**)ppOut, zErr, sizeof(zErr));
}

/* The sink the core writes to: CJK tokens go straight to FTS5's callback
** (PE_FTS_COLOCATED is FTS5_TOKEN_COLOCATED), other runs through unicode61
** with their offsets mapped back. */
#if PE_FTS_COLOCATED!=FTS5_TOKEN_COLOCATED
# error "PE_FTS_COLOCATED must equal FTS5_TOKEN_COLOCATED"
#endif
typedef struct Feed {
  PaperTok *p;
  void *pCtx;
  int flags;                 /* FTS5_TOKENIZE_* */
  FtsTokenCb xToken;
  int iBase;                 /* the run being fed to unicode61 */
  const int *aMap;
  int nToken;
} Feed;

static int feed_u61_token(void *pCtx, int tflags, const char *z, int n, int iStart, int iEnd){
  Feed *f = (Feed*)pCtx;
  f->nToken++;
  return f->xToken(f->pCtx, tflags, z, n,
                   pe_fts_map_offset(f->iBase, f->aMap, iStart),
                   pe_fts_map_offset(f->iBase, f->aMap, iEnd));
}

static int feed_run(void *pCtx, const char *z, int n, int iBase, const int *aMap, int *pnToken){
  Feed *f = (Feed*)pCtx;
  int rc;
  f->iBase = iBase;
  f->aMap = aMap;
  f->nToken = 0;
  rc = f->p->u61.xTokenize(f->p->pU61, f, f->flags, z, n, feed_u61_token);
  *pnToken = f->nToken;
  return rc;
}

static int paper_tokenize(Fts5Tokenizer *pTok, void *pCtx, int flags,
                          const char *pText, int nText, FtsTokenCb xToken){
  PaperTok *p = (PaperTok*)pTok;
  Feed f;
  PeFtsSink sink;
  unsigned coreFlags = p->flags;
  memset(&f, 0, sizeof(f));
  f.p = p; f.pCtx = pCtx; f.flags = flags; f.xToken = xToken;
  sink.pTokenCtx = pCtx; sink.xToken = xToken;
  sink.pRunCtx = &f; sink.xRun = feed_run;
  if( (flags & FTS5_TOKENIZE_QUERY) ) coreFlags |= PE_FTS_QUERY;
  if( pText==0 || nText<=0 ) return SQLITE_OK;
  return pe_fts_tokenize(pText, nText, coreFlags, &sink, SQLITE_NOMEM);
}

static const fts5_tokenizer paper_methods = { paper_create, paper_delete, paper_tokenize };

/* --- paperext_tokens(text[, options]) ----------------------------------- */

typedef struct TokJson { PeBuf out; int nToken; int iPos; } TokJson;

static int tokjson_add(void *pCtx, int tflags, const char *z, int n, int iStart, int iEnd){
  TokJson *t = (TokJson*)pCtx;
  int coloc = (tflags & FTS5_TOKEN_COLOCATED) && t->nToken>0;
  if( !coloc ) t->iPos++;
  pe_buf_appends(&t->out, t->nToken ? ",{\"token\":" : "{\"token\":");
  if( n==PE_FTS_BREAK_LEN && memcmp(z, PE_FTS_BREAK, PE_FTS_BREAK_LEN)==0 ){
    pe_buf_appends(&t->out, "\"\\uffff\"");   /* the break token, readable */
  }else{
    pe_buf_append_json(&t->out, z, (size_t)n);
  }
  pe_buf_appendf(&t->out, ",\"start\":%d,\"end\":%d,\"pos\":%d,\"colocated\":%d}",
                 iStart, iEnd, t->iPos, coloc);
  t->nToken++;
  return t->out.oom ? SQLITE_NOMEM : SQLITE_OK;
}

static void tokens_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  FtsState *st = (FtsState*)pe_state(ctx);
  size_t nText = 0;
  const char *zText;
  char **azArg = 0;
  int nArg = 0, rc;
  char zErr[200];
  PaperTok *p = 0;
  TokJson t;
  if( pe_any_null(argc, argv) ) return;
  if( st==0 || st->pApi==0 ){
    sqlite3_result_error(ctx, "paperext_tokens: FTS5 is not available in this SQLite", -1);
    return;
  }
  zText = pe_value_text(argv[0], &nText);
  if( zText==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( nText>0x7FFFFFFF ){ sqlite3_result_error_toobig(ctx); return; }
  zErr[0] = 0;
  if( argc>1 ){
    const char *zOpt = (const char*)sqlite3_value_text(argv[1]);
    if( zOpt==0 ){ sqlite3_result_error_nomem(ctx); return; }
    rc = pe_fts_split_args(zOpt, &azArg, &nArg, zErr, sizeof(zErr));
    if( rc!=PE_OK ){
      if( rc==PE_NOMEM ) sqlite3_result_error_nomem(ctx);
      else{
        char zMsg[240];
        sqlite3_snprintf(sizeof(zMsg), zMsg, "paperext_tokens: %s", zErr);
        sqlite3_result_error(ctx, zMsg, -1);
      }
      return;
    }
  }
  rc = paper_create_msg(st->pApi, (const char**)azArg, nArg, &p, zErr, sizeof(zErr));
  pe_free(azArg);
  if( rc!=SQLITE_OK ){
    if( rc==SQLITE_NOMEM ) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_error(ctx, zErr[0] ? zErr : "paperext tokenizer: bad options", -1);
    return;
  }
  memset(&t, 0, sizeof(t));
  t.iPos = -1;
  pe_buf_init(&t.out);
  pe_buf_appendc(&t.out, '[');
  rc = paper_tokenize((Fts5Tokenizer*)p, &t, FTS5_TOKENIZE_DOCUMENT, zText, (int)nText, tokjson_add);
  paper_delete((Fts5Tokenizer*)p);
  pe_buf_appendc(&t.out, ']');
  if( rc!=SQLITE_OK || t.out.oom ){
    int oom = rc==SQLITE_NOMEM || t.out.oom;   /* read before pe_buf_free clears it */
    pe_buf_free(&t.out);
    if( oom ) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_error_code(ctx, rc);
    return;
  }
  {
    size_t n;
    char *z = pe_buf_finish(&t.out, &n);
    pe_result_text_owned(ctx, z, n);
  }
}

/* --- fts_query(text) ----------------------------------------------------- */

static void query_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  size_t n = 0;
  const char *z;
  PeBuf out;
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&out);
  pe_result_buf(ctx, pe_fts_query(&out, z, n), &out);
}

/* --- registration ---------------------------------------------------------- */

static fts5_api *fts5_api_of(sqlite3 *db){
  fts5_api *pApi = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_pointer(pStmt, 1, (void*)&pApi, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pApi;
}

static void *fts_new_state(sqlite3 *db){
  FtsState *st = sqlite3_malloc(sizeof(*st));
  if( st ) st->pApi = 0;
  return st;
}

static void fts_free_state(void *p){ sqlite3_free(p); }

static int fts_register(sqlite3 *db, void *pState, char **pzErrMsg){
  FtsState *st = (FtsState*)pState;
  st->pApi = fts5_api_of(db);
  if( st->pApi==0 || st->pApi->iVersion<2 ){ st->pApi = 0; return SQLITE_OK; }
  return st->pApi->xCreateTokenizer(st->pApi, "paperext", st->pApi,
                                     (fts5_tokenizer*)&paper_methods, 0);  /* FTS5 copies it */
}

static const PeFunction aFunc[] = {
  { "fts_query", 1, PE_PURE, query_func, 0, 0,
    "fts_query(text) -> text",
    "Turn what a user typed into an FTS5 MATCH expression that never raises a syntax error." },
  { "paperext_tokens", 1, PE_PURE, tokens_func, 0, 0,
    "paperext_tokens(text) -> json",
    "The tokens the paperext tokenizer makes of a text: token, byte offsets, position, colocated." },
  { "paperext_tokens", 2, PE_PURE, tokens_func, 0, 0,
    "paperext_tokens(text, options) -> json",
    "The tokens the paperext tokenizer with these options (e.g. 'fold 1 bigram 1') makes of a text." },
};

static const PeOther aOther[] = {
  { "tokenizer", "paperext",
    "paperext [fold 0|1] [bigram 0|1] [unicode61 options]",
    "FTS5 tokenizer: one token per CJK character (phrases match exact substrings), unicode61 for the rest." },
};

const PeUnit pe_unit_fts = {
  .zName = "fts", PE_FUNCTIONS(aFunc), PE_OTHERS(aOther),
  .xNewState = fts_new_state, .xFreeState = fts_free_state, .xRegister = fts_register,
};
