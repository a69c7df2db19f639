/*
** regex_sql.c: PCRE2 regular expressions in SQL (the core is regex.c).
**
**   SELECT title FROM papers WHERE title REGEXP '(?i)self-supervised';
**   SELECT regexp_like('BERT-large', 'bert', 'i');                     -- 1
**   SELECT regexp_substr('arXiv:2005.14165v4', '\d{4}\.\d{4,5}');      -- '2005.14165'
**   SELECT regexp_capture('NeurIPS 2020', '(?<venue>\w+) (\d+)', 2);    -- '2020'
**   SELECT regexp_capture('NeurIPS 2020', '(?<venue>\w+) (\d+)', 'venue');
**   SELECT regexp_replace('NeurIPS 2020', '(\w+) (\d+)', '$2 $1');      -- '2020 NeurIPS'
**   SELECT regexp_count('記憶體 and 記憶', '記憶');                       -- 2
**   SELECT regexp_instr('注意力 attention', 'att');                      -- 5 (characters)
**   SELECT match, start, length, groups
**     FROM regexp_matches('k=1, j=22', '(\w)=(\d+)');   -- k=1|1|3|["k","1"] ...
**   SELECT part FROM regexp_split('a, b,c', ',\s*');     -- a, b, c
**
** Every function also takes a last flags argument: any of i (Unicode
** case-insensitive), m (^ $ at lines), s (. matches newline), x (extended),
** w (a change between CJK and Latin/digits is a word boundary for \b \B \w+:
** regex_words.h).
** In a replacement $0 $1 ${1} $name ${name} insert groups and $$ a dollar;
** backslashes are literal.  A NULL argument gives NULL (no rows for the
** tables).  Positions and lengths count characters, not bytes.  Errors name
** the problem and its offset in the pattern or the replacement.
**
** The tables take their arguments through hidden columns text, pattern and
** flags, as SQLite's ext/misc/series.c does, so they join laterally:
**   SELECT p.id, s.part FROM papers p, regexp_split(p.tags, ',\s*') s;
**
** Compiled patterns come from sqlite3_get_auxdata when the pattern is a
** constant of the statement, and otherwise from the connection's LRU cache
** (the unit's per-connection state, a PeRegexEnv), so a join against a table
** of patterns compiles each pattern once.
*/
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "regex.h"

/* ---- per-connection state: the core's environment ---- */

static void *regex_new_state(sqlite3 *db){ (void)db; return pe_regex_env_new(); }
static void regex_free_state(void *p){ pe_regex_env_free((PeRegexEnv*)p); }

/* Report a core status code, freeing the core's message. */
static void result_core_error(sqlite3_context *ctx, int rc, char *zErr){
  pe_result_status(ctx, rc, zErr);
  pe_free(zErr);
}

static void aux_unref(void *p){ pe_regex_unref((PeRegex*)p); }

/*
** The compiled pattern for this call, argv[iPat] with the flags of
** argv[iFlags] (iFlags<0: none), as a reference the caller releases with
** pe_regex_unref.  NULL after an error has been reported.
*/
static PeRegex *call_regex(sqlite3_context *ctx, sqlite3_value **argv, int iPat, int iFlags){
  PeRegexEnv *env = (PeRegexEnv*)pe_state(ctx);
  uint32_t options = 0;
  PeRegex *re;
  const char *zPat;
  size_t nPat;
  char *zErr = 0;
  int rc;
  if( iFlags>=0 ){
    size_t nFlags;
    const char *zFlags = pe_value_text(argv[iFlags], &nFlags);
    if( zFlags==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
    rc = pe_regex_flags(zFlags, nFlags, &options, &zErr);
    if( rc!=PE_OK ){ result_core_error(ctx, rc, zErr); return 0; }
  }
  /* SQLite keeps auxdata only while the argument is a constant of the
  ** statement, so a pattern found there is this call's pattern. */
  re = (PeRegex*)sqlite3_get_auxdata(ctx, iPat);
  if( re && pe_regex_options(re)==options ){
    pe_regex_ref(re);
    return re;
  }
  zPat = pe_value_text(argv[iPat], &nPat);
  if( zPat==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
  rc = pe_regex_get(env, zPat, nPat, options, &re, &zErr);
  if( rc!=PE_OK ){ result_core_error(ctx, rc, zErr); return 0; }
  pe_regex_ref(re);                     /* the auxdata's reference */
  sqlite3_set_auxdata(ctx, iPat, re, aux_unref);
  return re;
}

/* The text argument (never NULL unless OOM, reported). */
static const char *call_text(sqlite3_context *ctx, sqlite3_value *v, size_t *pn){
  const char *z = pe_value_text(v, pn);
  if( z==0 ) sqlite3_result_error_nomem(ctx);
  return z;
}

/* Search z for re from the start: 1 found, 0 not, -1 error (reported). */
static int call_search(sqlite3_context *ctx, PeRegex *re, const char *z, size_t n){
  char *zErr = 0;
  int found;
  int rc = pe_regex_search((PeRegexEnv*)pe_state(ctx), re, z, n, 0, 0, &found, &zErr);
  if( rc!=PE_OK ){ result_core_error(ctx, rc, zErr); return -1; }
  return found;
}

/* ---- scalar functions ---- */

/* x REGEXP p calls regexp(p, x): the hot path of WHERE clauses, so the
** common case (a constant pattern, compiled on the first row) takes as few
** calls as possible: the text is searched where SQLite holds it. */
static void regexp_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeRegex *re = (PeRegex*)sqlite3_get_auxdata(ctx, 0);
  const char *z;
  size_t n;
  int found;
  if( re ){                       /* auxdata is only set for a non-NULL pattern */
    char *zErr = 0;
    int rc;
    z = (const char*)sqlite3_value_text(argv[1]);
    if( z==0 ){
      if( sqlite3_value_type(argv[1])!=SQLITE_NULL ) sqlite3_result_error_nomem(ctx);
      return;
    }
    n = (size_t)sqlite3_value_bytes(argv[1]);
    rc = pe_regex_search((PeRegexEnv*)pe_state(ctx), re, z, n, 0, 0, &found, &zErr);
    if( rc!=PE_OK ) result_core_error(ctx, rc, zErr);
    else sqlite3_result_int(ctx, found);
    return;
  }
  if( pe_any_null(argc, argv) ) return;
  if( (re = call_regex(ctx, argv, 0, -1))==0 ) return;
  if( (z = call_text(ctx, argv[1], &n))!=0 && (found = call_search(ctx, re, z, n))>=0 ){
    sqlite3_result_int(ctx, found);
  }
  pe_regex_unref(re);
}

/* regexp_like(text, pattern[, flags]) */
static void like_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeRegex *re;
  const char *z;
  size_t n;
  int found;
  if( pe_any_null(argc, argv) ) return;
  if( (re = call_regex(ctx, argv, 1, argc>2 ? 2 : -1))==0 ) return;
  if( (z = call_text(ctx, argv[0], &n))!=0 && (found = call_search(ctx, re, z, n))>=0 ){
    sqlite3_result_int(ctx, found);
  }
  pe_regex_unref(re);
}

/* regexp_substr(text, pattern[, flags]) */
static void substr_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeRegex *re;
  const char *z;
  size_t n, s, e;
  if( pe_any_null(argc, argv) ) return;
  if( (re = call_regex(ctx, argv, 1, argc>2 ? 2 : -1))==0 ) return;
  if( (z = call_text(ctx, argv[0], &n))!=0 && call_search(ctx, re, z, n)==1 ){
    pe_regex_group(re, 0, &s, &e);
    sqlite3_result_text64(ctx, z+s, e-s, SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  pe_regex_unref(re);
}

/* regexp_capture(text, pattern, group[, flags]): group is a number or a name. */
static void capture_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeRegex *re;
  const char *z;
  size_t n, s, e;
  int group;
  if( pe_any_null(argc, argv) ) return;
  if( (re = call_regex(ctx, argv, 1, argc>3 ? 3 : -1))==0 ) return;
  if( sqlite3_value_numeric_type(argv[2])==SQLITE_INTEGER ){
    sqlite3_int64 g = sqlite3_value_int64(argv[2]);
    if( g<0 ){
      sqlite3_result_error(ctx, "regexp_capture: the group number must be 0 or more", -1);
      goto done;
    }
    if( g>pe_regex_group_count(re) ) goto done;      /* NULL */
    group = (int)g;
  }else{
    size_t nName;
    const char *zName = pe_value_text(argv[2], &nName);
    if( zName==0 ){ sqlite3_result_error_nomem(ctx); goto done; }
    group = pe_regex_group_number(re, zName, nName);
    if( group<0 ){
      char *zMsg = sqlite3_mprintf("regexp_capture: no group named '%.*s' in '%s'",
                                   (int)nName, zName, pe_regex_pattern(re));
      if( zMsg ) sqlite3_result_error(ctx, zMsg, -1);
      else sqlite3_result_error_nomem(ctx);
      sqlite3_free(zMsg);
      goto done;
    }
  }
  if( (z = call_text(ctx, argv[0], &n))!=0 && call_search(ctx, re, z, n)==1 ){
    int set;
    if( sqlite3_value_numeric_type(argv[2])==SQLITE_INTEGER ){
      set = pe_regex_group(re, group, &s, &e);
    }else{
      /* With duplicate names (?J), the first group of that name that took part. */
      size_t nName;
      const char *zName = pe_value_text(argv[2], &nName);
      set = zName && pe_regex_group_named(re, zName, nName, &s, &e)==1;
    }
    if( set ){
      sqlite3_result_text64(ctx, z+s, e-s, SQLITE_TRANSIENT, SQLITE_UTF8);
    }
  }
done:
  pe_regex_unref(re);
}

/* regexp_replace(text, pattern, replacement[, flags]) */
static void replace_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeRegex *re;
  PeTemplate *tpl = 0;
  const char *z, *zTpl;
  size_t n, nTpl;
  char *zErr = 0;
  int rc;
  PeBuf out;
  if( pe_any_null(argc, argv) ) return;
  if( (re = call_regex(ctx, argv, 1, argc>3 ? 3 : -1))==0 ) return;
  pe_buf_init(&out);
  if( (zTpl = call_text(ctx, argv[2], &nTpl))==0 ) goto done;
  rc = pe_template_parse(re, zTpl, nTpl, &tpl, &zErr);
  if( rc!=PE_OK ){ result_core_error(ctx, rc, zErr); goto done; }
  if( (z = call_text(ctx, argv[0], &n))==0 ) goto done;
  rc = pe_regex_replace((PeRegexEnv*)pe_state(ctx), re, tpl, z, n, &out, &zErr);
  if( rc!=PE_OK ){ result_core_error(ctx, rc, zErr); goto done; }
  {
    size_t nOut;
    char *zOut = pe_buf_finish(&out, &nOut);
    pe_result_text_owned(ctx, zOut, nOut);
  }
done:
  pe_buf_free(&out);
  pe_template_free(tpl);
  pe_regex_unref(re);
}

/* regexp_count(text, pattern[, flags]) */
static void count_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeRegex *re;
  const char *z;
  size_t n;
  long long c;
  char *zErr = 0;
  int rc;
  if( pe_any_null(argc, argv) ) return;
  if( (re = call_regex(ctx, argv, 1, argc>2 ? 2 : -1))==0 ) return;
  if( (z = call_text(ctx, argv[0], &n))!=0 ){
    rc = pe_regex_count((PeRegexEnv*)pe_state(ctx), re, z, n, &c, &zErr);
    if( rc!=PE_OK ) result_core_error(ctx, rc, zErr);
    else sqlite3_result_int64(ctx, c);
  }
  pe_regex_unref(re);
}

/* regexp_instr(text, pattern[, flags]): 1-based character position, 0 if none. */
static void instr_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  PeRegex *re;
  const char *z;
  size_t n, s, e;
  int found;
  if( pe_any_null(argc, argv) ) return;
  if( (re = call_regex(ctx, argv, 1, argc>2 ? 2 : -1))==0 ) return;
  if( (z = call_text(ctx, argv[0], &n))!=0 && (found = call_search(ctx, re, z, n))>=0 ){
    sqlite3_int64 pos = 0;
    if( found ){
      pe_regex_group(re, 0, &s, &e);
      pos = (sqlite3_int64)pe_regex_chars(z, s) + 1;
    }
    sqlite3_result_int64(ctx, pos);
  }
  pe_regex_unref(re);
}

/* ---- table-valued functions: regexp_matches and regexp_split ----
** Both are eponymous tables whose hidden columns text, pattern, flags take
** the arguments (as in SQLite's ext/misc/series.c).  The cursor copies the
** text and keeps its own reference to the compiled pattern, and copies each
** match's groups, so other uses of the same pattern in the statement (which
** share its match data) cannot disturb it. */

/* regexp_split rather than regexp_matches (PeTable.iVariant) */
#define IS_SPLIT(cur) (pe_tvf_of(cur)->pTable->iVariant==1)
#define ENV(cur) ((PeRegexEnv*)pe_tvf_of(cur)->pState)

typedef struct RegexCursor {
  sqlite3_vtab_cursor base;
  PeRegex *re;               /* our reference, or NULL: no rows */
  char *zText;               /* our copy of the text */
  size_t nText;
  PeRegexIter it;
  int eof;
  sqlite3_int64 iRow;        /* 1-based row number */
  size_t *aGroup;            /* matches: 2*(nGroup+1) byte offsets, -1 if unset */
  int nGroup;
  size_t charsBefore, charsAt; /* characters before byte charsAt (for start) */
  size_t partStart, partEnd; /* split: the current part */
  size_t splitFrom;          /* split: where the next part starts */
  int splitLast;             /* split: the current part is the last */
} RegexCursor;

enum { COL_MATCH, COL_START, COL_LENGTH, COL_GROUPS };           /* regexp_matches */
enum { COL_PART };                                                /* regexp_split */
/* Hidden argument columns follow the visible ones: text, pattern, flags. */
enum { ARG_TEXT, ARG_PATTERN, ARG_FLAGS, N_ARG };


static int regex_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  RegexCursor *c = sqlite3_malloc(sizeof(*c));
  (void)pVtab;
  if( c==0 ) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCur = &c->base;
  return SQLITE_OK;
}

static void cursor_reset(RegexCursor *c){
  pe_regex_unref(c->re);
  pe_free(c->zText);
  pe_free(c->aGroup);
  c->re = 0; c->zText = 0; c->aGroup = 0;
  c->eof = 1;
}

static int regex_close(sqlite3_vtab_cursor *cur){
  cursor_reset((RegexCursor*)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Report a core error on the vtab. */
static int cursor_error(RegexCursor *c, int rc, char *zErr){
  /* No message means making the message itself ran out of memory. */
  if( rc==PE_NOMEM || zErr==0 ){ pe_free(zErr); return SQLITE_NOMEM; }
  rc = pe_vtab_error(c->base.pVtab, "%s", zErr);
  pe_free(zErr);
  return rc;
}

/* Move to the next row: the next match, or the next part of the split. */
static int cursor_step(RegexCursor *c){
  char *zErr = 0;
  int found, rc, i;
  if( IS_SPLIT(&c->base) && c->splitLast ){ c->eof = 1; return SQLITE_OK; }
  rc = pe_regex_next(ENV(&c->base), &c->it, &found, &zErr);
  if( rc!=PE_OK ){ c->eof = 1; return cursor_error(c, rc, zErr); }
  c->iRow++;
  if( IS_SPLIT(&c->base) ){
    c->partStart = c->splitFrom;
    if( found ){
      c->partEnd = c->it.start;
      c->splitFrom = c->it.end;
    }else{
      c->partEnd = c->nText;
      c->splitLast = 1;
    }
    return SQLITE_OK;
  }
  if( !found ){ c->eof = 1; return SQLITE_OK; }
  for(i=0; i<=c->nGroup; i++){
    size_t s, e;
    size_t k = 2*(size_t)i;
    if( pe_regex_group(c->re, i, &s, &e) ){ c->aGroup[k] = s; c->aGroup[k+1] = e; }
    else c->aGroup[k] = c->aGroup[k+1] = (size_t)-1;
  }
  return SQLITE_OK;
}

static int regex_next(sqlite3_vtab_cursor *cur){ return cursor_step((RegexCursor*)cur); }

static int regex_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                        int argc, sqlite3_value **argv){
  RegexCursor *c = (RegexCursor*)cur;
  sqlite3_value *aArg[N_ARG] = {0, 0, 0};
  const char *z;
  size_t n;
  uint32_t options = 0;
  char *zErr = 0;
  int i, rc;
  (void)idxStr;
  cursor_reset(c);
  c->iRow = 0;
  c->splitFrom = 0;
  c->splitLast = 0;
  c->charsBefore = c->charsAt = 0;
  if( (rc = pe_tvf_args(cur, idxNum, argc, argv, aArg))!=SQLITE_OK ) return rc;   /* text and pattern are required */
  for(i=0; i<N_ARG; i++){
    if( aArg[i] && sqlite3_value_type(aArg[i])==SQLITE_NULL ) return SQLITE_OK;
  }
  if( aArg[ARG_FLAGS] ){
    if( (z = pe_value_text(aArg[ARG_FLAGS], &n))==0 ) return SQLITE_NOMEM;
    rc = pe_regex_flags(z, n, &options, &zErr);
    if( rc!=PE_OK ) return cursor_error(c, rc, zErr);
  }
  if( (z = pe_value_text(aArg[ARG_PATTERN], &n))==0 ) return SQLITE_NOMEM;
  rc = pe_regex_get(ENV(cur), z, n, options, &c->re, &zErr);
  if( rc!=PE_OK ) return cursor_error(c, rc, zErr);
  if( (z = pe_value_text(aArg[ARG_TEXT], &n))==0 ) return SQLITE_NOMEM;
  c->zText = pe_malloc(n+1);
  if( c->zText==0 ) return SQLITE_NOMEM;
  memcpy(c->zText, z, n);
  c->zText[n] = 0;
  c->nText = n;
  c->nGroup = pe_regex_group_count(c->re);
  c->aGroup = pe_malloc(2*(size_t)(c->nGroup+1)*sizeof(size_t));
  if( c->aGroup==0 ) return SQLITE_NOMEM;
  pe_regex_iter_init(&c->it, c->re, c->zText, c->nText);
  c->eof = 0;
  return cursor_step(c);
}

static int regex_eof(sqlite3_vtab_cursor *cur){ return ((RegexCursor*)cur)->eof; }

/* The groups of the current match as a JSON array, null where unset. */
static void result_groups(sqlite3_context *ctx, RegexCursor *c){
  PeBuf b;
  size_t n;
  char *z;
  int i;
  pe_buf_init(&b);
  pe_buf_appendc(&b, '[');
  for(i=1; i<=c->nGroup; i++){
    if( i>1 ) pe_buf_appendc(&b, ',');
    size_t k = 2*(size_t)i;
    if( c->aGroup[k]==(size_t)-1 ) pe_buf_appends(&b, "null");
    else pe_buf_append_json(&b, c->zText + c->aGroup[k], c->aGroup[k+1]-c->aGroup[k]);
  }
  pe_buf_appendc(&b, ']');
  z = pe_buf_finish(&b, &n);
  pe_result_text_owned(ctx, z, n);
}

static int regex_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  RegexCursor *c = (RegexCursor*)cur;
  size_t s, e;
  if( i>=pe_tvf_of(cur)->nVisible ) return SQLITE_OK;      /* hidden argument columns */
  if( IS_SPLIT(cur) ){
    sqlite3_result_text64(ctx, c->zText + c->partStart, c->partEnd - c->partStart,
                          SQLITE_TRANSIENT, SQLITE_UTF8);
    return SQLITE_OK;
  }
  s = c->aGroup[0];
  e = c->aGroup[1];
  switch( i ){
    case COL_MATCH:
      sqlite3_result_text64(ctx, c->zText + s, e-s, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case COL_START:
      /* Matches come in order, so count on from where we counted last. */
      if( s>=c->charsAt ){
        c->charsBefore += pe_regex_chars(c->zText + c->charsAt, s - c->charsAt);
      }else{
        c->charsBefore = pe_regex_chars(c->zText, s);
      }
      c->charsAt = s;
      sqlite3_result_int64(ctx, (sqlite3_int64)c->charsBefore + 1);
      break;
    case COL_LENGTH:
      sqlite3_result_int64(ctx, (sqlite3_int64)pe_regex_chars(c->zText + s, e-s));
      break;
    case COL_GROUPS:
      result_groups(ctx, c);
      break;
  }
  return SQLITE_OK;
}

static int regex_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((RegexCursor*)cur)->iRow;
  return SQLITE_OK;
}

/* One module for both tables (PeTable.iVariant tells them apart). */
static const sqlite3_module regex_module = {
  .iVersion = 0, .xCreate = 0, .xConnect = pe_tvf_connect, .xBestIndex = pe_tvf_best_index,
  .xDisconnect = pe_tvf_disconnect, .xOpen = regex_open, .xClose = regex_close,
  .xFilter = regex_filter, .xNext = regex_next, .xEof = regex_eof,
  .xColumn = regex_column, .xRowid = regex_rowid };

/* ---- registration ---- */

#define F(name, n, fn, sig, sum) { name, n, PE_PURE, fn, 0, 0, sig, sum }
static const PeFunction aFunc[] = {
  F("regexp", 2, regexp_func, "regexp(pattern, text) -> 0|1",
    "The REGEXP operator: text REGEXP pattern is 1 when the PCRE2 pattern matches text."),
  F("regexp_like", 2, like_func, "regexp_like(text, pattern) -> 0|1",
    "1 when the pattern matches somewhere in text, else 0."),
  F("regexp_like", 3, like_func, "regexp_like(text, pattern, flags) -> 0|1",
    "1 when the pattern matches somewhere in text, with flags (i m s x w)."),
  F("regexp_substr", 2, substr_func, "regexp_substr(text, pattern) -> text",
    "The first match of the pattern in text, NULL if none."),
  F("regexp_substr", 3, substr_func, "regexp_substr(text, pattern, flags) -> text",
    "The first match of the pattern in text with flags (i m s x w), NULL if none."),
  F("regexp_capture", 3, capture_func, "regexp_capture(text, pattern, group) -> text",
    "A group (number or name) of the first match; NULL if no match or it did not take part."),
  F("regexp_capture", 4, capture_func, "regexp_capture(text, pattern, group, flags) -> text",
    "A group (number or name) of the first match with flags; NULL if none."),
  F("regexp_replace", 3, replace_func, "regexp_replace(text, pattern, replacement) -> text",
    "Every match replaced; $0 $1 ${1} $name ${name} insert groups, $$ a dollar."),
  F("regexp_replace", 4, replace_func,
    "regexp_replace(text, pattern, replacement, flags) -> text",
    "Every match replaced, with flags (i m s x w); $1 $name insert groups, $$ a dollar."),
  F("regexp_count", 2, count_func, "regexp_count(text, pattern) -> integer",
    "The number of non-overlapping matches in text."),
  F("regexp_count", 3, count_func, "regexp_count(text, pattern, flags) -> integer",
    "The number of non-overlapping matches in text, with flags (i m s x w)."),
  F("regexp_instr", 2, instr_func, "regexp_instr(text, pattern) -> integer",
    "The 1-based character position of the first match, 0 if none."),
  F("regexp_instr", 3, instr_func, "regexp_instr(text, pattern, flags) -> integer",
    "The 1-based character position of the first match with flags, 0 if none."),
};
#undef F

/* Hidden argument columns follow the visible ones, in ARG_* order. */
static const PeTvfArg aRegexArg[N_ARG] = {
  [ARG_TEXT] = { "text", 1 }, [ARG_PATTERN] = { "pattern", 1 }, [ARG_FLAGS] = { "flags", 0 },
};

static const PeTable aTable[] = {
  { .zName = "regexp_matches", .pModule = &regex_module, .iVariant = 0,
    .zColumns = "match, start, length, groups", PE_ARGS(aRegexArg),
    .zSignature = "regexp_matches(text, pattern[, flags]) -> (match, start, length, groups)",
    .zSummary = "A row per match: the match, its character start and length, its groups as JSON." },
  { .zName = "regexp_split", .pModule = &regex_module, .iVariant = 1,
    .zColumns = "part", PE_ARGS(aRegexArg),
    .zSignature = "regexp_split(text, pattern[, flags]) -> (part)",
    .zSummary = "A row per piece of text between the matches of the pattern." },
};

const PeUnit pe_unit_regex = {
  .zName = "regex", PE_FUNCTIONS(aFunc), PE_TABLES(aTable),
  .xNewState = regex_new_state, .xFreeState = regex_free_state,
};
