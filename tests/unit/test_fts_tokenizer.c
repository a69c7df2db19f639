/* Unit tests of the FTS tokenizer core: fts_tokenizer.c, fts_options.c,
** fts_query.c and the generated fold table. */
#include <stdlib.h>
#include "check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "fts/fts_tokenizer.h"
#include "fts/fts_query.h"

/* A sink that writes "token@start-end" (+ "^" when colocated) for CJK
** tokens and "<run>@start-end" for runs, and can fail on the Nth call. */
typedef struct Rec { PeBuf out; int nCall; int failAt; int failRc; int runTokens; } Rec;

static int rec_token(void *p, int flags, const char *z, int n, int iStart, int iEnd){
  Rec *r = (Rec*)p;
  if( ++r->nCall==r->failAt ) return r->failRc;
  if( r->out.n ) pe_buf_appendc(&r->out, ' ');
  if( n==PE_FTS_BREAK_LEN && memcmp(z, PE_FTS_BREAK, 3)==0 ) pe_buf_appends(&r->out, "|");
  else pe_buf_append(&r->out, z, (size_t)n);
  pe_buf_appendf(&r->out, "@%d-%d%s", iStart, iEnd, (flags & PE_FTS_COLOCATED) ? "^" : "");
  return 0;
}

static int rec_run(void *p, const char *z, int n, int iBase, const int *aMap, int *pnToken){
  Rec *r = (Rec*)p;
  if( ++r->nCall==r->failAt ) return r->failRc;
  if( r->out.n ) pe_buf_appendc(&r->out, ' ');
  pe_buf_appendc(&r->out, '<');
  pe_buf_append(&r->out, z, (size_t)n);
  pe_buf_appendf(&r->out, ">@%d-%d", pe_fts_map_offset(iBase, aMap, 0),
                 pe_fts_map_offset(iBase, aMap, n));
  *pnToken = r->runTokens;
  return 0;
}

static char *tokens(const char *z, unsigned flags, int runTokens){
  Rec r;
  PeFtsSink s;
  int rc;
  memset(&r, 0, sizeof(r));
  pe_buf_init(&r.out);
  r.runTokens = runTokens;
  s.pTokenCtx = &r; s.xToken = rec_token; s.pRunCtx = &r; s.xRun = rec_run;
  rc = pe_fts_tokenize(z, (int)strlen(z), flags, &s, 99);
  if( rc ) pe_buf_appendf(&r.out, " rc=%d", rc);
  return pe_buf_finish(&r.out, 0);
}

#define CHECK_TOKENS(z, flags, runTokens, want) do{ \
  char *got_ = tokens(z, flags, runTokens); CHECK_STR(got_, want); pe_free(got_); }while(0)

/* Invariants for random input: offsets inside the text and in order,
** runs never overlapping a token. */
typedef struct Inv { int n; int lastStart, lastEnd; int bad; int nToken; } Inv;

static int inv_token(void *p, int flags, const char *z, int nTok, int iStart, int iEnd){
  Inv *v = (Inv*)p;
  if( nTok<=0 || iStart<0 || iEnd>v->n || iStart>=iEnd ) v->bad++;
  if( !(flags & PE_FTS_COLOCATED) ){
    if( iStart<v->lastStart ) v->bad++;
    v->lastStart = iStart;
    v->lastEnd = iEnd;
  }
  v->nToken++;
  return 0;
}

static int inv_run(void *p, const char *z, int nRun, int iBase, const int *aMap, int *pnToken){
  Inv *v = (Inv*)p;
  int a = pe_fts_map_offset(iBase, aMap, 0), b = pe_fts_map_offset(iBase, aMap, nRun);
  if( a<v->lastEnd || b>v->n || a>=b || nRun<=0 ) v->bad++;
  *pnToken = nRun & 1;    /* some runs "make tokens", some do not */
  if( *pnToken ){ v->lastStart = a; v->lastEnd = b; }
  return 0;
}

static void fuzz(void){
  static const char *aPiece[] = {
    "a", "Z", "9", " ", ",", "\xE8\xA8\x98", "\xE6\x86\xB6", "\xEF\xBC\x8C", "\xEF\xBC\xA2",
    "\xEF\xB8\x80", "\xF3\xA0\x84\x80", "\xF0\xA0\x80\x80", "\xFF", "\xE8", "\xC3\xB6",
    "\xEF\xBF\xBF", "\xE8\xA8", "\xF0\x9F\x98\x80", "\x00"
  };
  unsigned seed = 12345;
  int iter, bad = 0, nToken = 0;
  for(iter=0; iter<3000; iter++){
    char buf[256];
    int n = 0, k, len = (int)((seed = seed*1103515245u + 12345u) >> 16) % 40;
    unsigned flags = (seed>>8) & 0x0F;
    Inv v;
    PeFtsSink s;
    for(k=0; k<len; k++){
      const char *p = aPiece[((seed = seed*1103515245u + 12345u) >> 16) % (sizeof(aPiece)/sizeof(aPiece[0]))];
      size_t m = p[0] ? strlen(p) : 1;
      memcpy(buf+n, p, m);
      n += (int)m;
    }
    memset(&v, 0, sizeof(v));
    v.n = n;
    s.pTokenCtx = &v; s.xToken = inv_token; s.pRunCtx = &v; s.xRun = inv_run;
    if( pe_fts_tokenize(buf, n, flags, &s, 99)!=0 ) bad++;
    bad += v.bad;
    nToken += v.nToken;
  }
  CHECK_INT(bad, 0);
  CHECK(nToken>1000);
}

static char *query(const char *z){
  PeBuf b;
  pe_buf_init(&b);
  pe_fts_query(&b, z, strlen(z));
  return pe_buf_finish(&b, 0);
}

#define CHECK_QUERY(z, want) do{ char *got_ = query(z); CHECK_STR(got_, want); pe_free(got_); }while(0)

int main(void){
  int i;

  /* Runs and CJK characters; ASCII runs tokenized here with the fast path. */
  CHECK_TOKENS("bert 依賴global", 0, 1, "<bert >@0-5 依@5-8 賴@8-11 <global>@11-17");
  CHECK_TOKENS("bert 依賴Global", PE_FTS_ASCII_FAST, 0, "bert@0-4 依@5-8 賴@8-11 global@11-17");
  CHECK_TOKENS("Ab1_c-D", PE_FTS_ASCII_FAST, 0, "ab1@0-3 c@4-5 d@6-7");
  CHECK_TOKENS("Schölkopf學", PE_FTS_ASCII_FAST, 0, "<Schölkopf>@0-10 學@10-13");

  /* Break tokens: only between CJK characters with nothing but separators
  ** (a run that made no token) between them. */
  CHECK_TOKENS("記，憶", 0, 0, "記@0-3 <，>@3-6 |@3-6 憶@6-9");
  CHECK_TOKENS("記 憶", PE_FTS_ASCII_FAST, 0, "記@0-3 |@3-4 憶@4-7");
  CHECK_TOKENS("記 a 憶", PE_FTS_ASCII_FAST, 0, "記@0-3 a@4-5 憶@6-9");
  CHECK_TOKENS("記 a 憶", 0, 1, "記@0-3 < a >@3-6 憶@6-9");
  CHECK_TOKENS(" 記", 0, 0, "< >@0-1 記@1-4");

  /* Variation selectors belong to the character before them. */
  CHECK_TOKENS("\xE8\x91\x9B\xF3\xA0\x84\x80\xE5\x9F\x8E", PE_FTS_BIGRAM, 0, "葛@0-7 葛城@0-10^ 城@7-10");
  CHECK_TOKENS("a\xEF\xB8\x80", 0, 0, "<a\xEF\xB8\x80>@0-4");

  /* Bigrams: colocated in documents; in queries the pair replaces the
  ** first character, the last character stays. */
  CHECK_TOKENS("記憶體", PE_FTS_BIGRAM, 0, "記@0-3 記憶@0-6^ 憶@3-6 憶體@3-9^ 體@6-9");
  CHECK_TOKENS("記憶體", PE_FTS_BIGRAM|PE_FTS_QUERY, 0, "記憶@0-6 憶體@3-9 體@6-9");
  CHECK_TOKENS("記憶體", PE_FTS_QUERY, 0, "記@0-3 憶@3-6 體@6-9");
  CHECK_TOKENS("記 憶x", PE_FTS_BIGRAM|PE_FTS_QUERY|PE_FTS_ASCII_FAST, 0, "記@0-3 |@3-4 憶@4-7 x@7-8");
  CHECK_TOKENS("記", PE_FTS_BIGRAM, 0, "記@0-3");
  CHECK_TOKENS("𠀀𠀁か", PE_FTS_BIGRAM, 0, "𠀀@0-4 𠀀𠀁@0-8^ 𠀁@4-8 𠀁か@4-11^ か@8-11");

  /* fold: Traditional -> Simplified, in bigrams too; full-width alnum -> ASCII
  ** with a map back to the original offsets. */
  CHECK_TOKENS("記憶體", PE_FTS_FOLD|PE_FTS_BIGRAM, 0, "记@0-3 记忆@0-6^ 忆@3-6 忆体@3-9^ 体@6-9");
  CHECK_TOKENS("ＢＥＲＴ１a", PE_FTS_FOLD, 0, "<BERT1a>@0-16");
  CHECK_TOKENS("ＢＥＲＴ", 0, 0, "<ＢＥＲＴ>@0-12");
  CHECK_INT(pe_fts_fold(0x8A18), 0x8BB0);     /* 記 -> 记 */
  CHECK_INT(pe_fts_fold(0x8BB0), 0x8BB0);     /* 记 stays */
  CHECK_INT(pe_fts_fold(0x9AEE), 0x53D1);     /* 髮 -> 发 */
  CHECK_INT(pe_fts_fold(0x767C), 0x53D1);     /* 發 -> 发 */
  CHECK_INT(pe_fts_fold(0xF900), 0x5C82);     /* 豈 (compatibility) -> 豈 -> 岂 */
  CHECK_INT(pe_fts_fold(0xFF76), 0x30AB);     /* halfwidth ｶ -> カ */
  CHECK_INT(pe_fts_fold(0xFF21), 'A');
  CHECK_INT(pe_fts_fold(0xFF5A), 'z');
  CHECK_INT(pe_fts_fold(0xFF1A), 0xFF1A);     /* full-width colon: not alnum */
  CHECK_INT(pe_fts_fold('a'), 'a');
  {
    int sorted = 1, idempotent = 1;
    for(i=0; i<pe_fts_fold_count; i++){
      if( i>0 && pe_fts_fold_table[i-1].from>=pe_fts_fold_table[i].from ) sorted = 0;
      if( pe_fts_fold(pe_fts_fold_table[i].to)!=pe_fts_fold_table[i].to ) idempotent = 0;
    }
    CHECK(pe_fts_fold_count>4000);
    CHECK(sorted);
    CHECK(idempotent);
  }

  /* Invalid UTF-8: a separator, one byte at a time, offsets exact. */
  CHECK_TOKENS("\xE8\xA8\x98\xFF" "a\xE6\x86\xB6", PE_FTS_ASCII_FAST, 0, "記@0-3 a@4-5 憶@5-8");
  CHECK_TOKENS("\xE8\xA8\x98\xFF\xE6\x86\xB6", 0, 0, "記@0-3 |@3-4 憶@4-7");
  CHECK_TOKENS("\xE8\xA8", 0, 0, "");
  CHECK_TOKENS("a\xC3", 0, 1, "<a>@0-1");
  CHECK_TOKENS("\xEF\xBF\xBD", 0, 0, "<\xEF\xBF\xBD>@0-3");   /* a real U+FFFD is text */

  /* An error from the callback comes back at once: nothing after it. */
  {
    Rec r;
    PeFtsSink s;
    memset(&r, 0, sizeof(r));
    pe_buf_init(&r.out);
    r.failAt = 2; r.failRc = 7;
    s.pTokenCtx = &r; s.xToken = rec_token; s.pRunCtx = &r; s.xRun = rec_run;
    CHECK_INT(pe_fts_tokenize("記憶體 abc 記", 13, PE_FTS_BIGRAM, &s, 99), 7);
    CHECK_INT(r.nCall, 2);
    r.nCall = 0; r.failAt = 1; r.failRc = 5;                /* the run fails: 記 never comes */
    CHECK_INT(pe_fts_tokenize("ab 記", 6, 0, &s, 99), 5);
    CHECK_INT(r.nCall, 1);
    pe_buf_free(&r.out);
  }

  /* Options. */
  {
    const char *az[] = { "fold", "1", "remove_diacritics", "2", "bigram", "0" };
    const char *azRest[6];
    unsigned flags = 0;
    int nRest = 0;
    char zErr[120];
    CHECK_INT(pe_fts_options(az, 6, &flags, azRest, &nRest, zErr, sizeof zErr), 0);
    CHECK_INT(flags, PE_FTS_FOLD|PE_FTS_ASCII_FAST);
    CHECK_INT(nRest, 2);
    CHECK_STR(azRest[0], "remove_diacritics");
    az[0] = "tokenchars"; az[1] = "-";
    CHECK_INT(pe_fts_options(az, 4, &flags, azRest, &nRest, zErr, sizeof zErr), 0);
    CHECK_INT(flags, 0);
    az[0] = "bigram"; az[1] = "yes";
    CHECK_INT(pe_fts_options(az, 2, &flags, azRest, &nRest, zErr, sizeof zErr), 1);
    CHECK_STR(zErr, "paperext tokenizer: option bigram expects 0 or 1, got 'yes'");
    CHECK_INT(pe_fts_options(az, 1, &flags, azRest, &nRest, zErr, sizeof zErr), 1);
    CHECK_STR(zErr, "paperext tokenizer: option bigram expects 0 or 1, got nothing");
  }
  {
    char **az = 0;
    int n = 0;
    char zErr[120];
    CHECK_INT(pe_fts_split_args(" fold 1 tokenchars '-''' \"a b\" [x y] ", &az, &n, zErr, sizeof zErr), PE_OK);
    CHECK_INT(n, 6);
    if( n==6 ){
      CHECK_STR(az[0], "fold"); CHECK_STR(az[3], "-'"); CHECK_STR(az[4], "a b"); CHECK_STR(az[5], "x y");
    }
    pe_free(az);
    CHECK_INT(pe_fts_split_args("", &az, &n, zErr, sizeof zErr), PE_OK);
    CHECK_INT(n, 0);
    pe_free(az);
    CHECK_INT(pe_fts_split_args("a \"b", &az, &n, zErr, sizeof zErr), PE_ERROR);
    CHECK_STR(zErr, "unterminated \" quote at offset 2 of the options");
  }

  /* fts_query. */
  CHECK_QUERY("記憶體 bert", "\"記憶體\" AND \"bert\"");
  CHECK_QUERY("a OR b NOT c AND d", "\"a\" OR \"b\" NOT \"c\" AND \"d\"");
  CHECK_QUERY("OR a AND", "\"a\"");
  CHECK_QUERY("a AND OR b", "\"a\" OR \"b\"");
  CHECK_QUERY("trans* \"deep learn\"*", "\"trans\"* AND \"deep learn\"*");
  CHECK_QUERY("say\"x\"\"y", "\"say\" AND \"x\" AND \"y\"");
  CHECK_QUERY("a\"b", "\"a\" AND \"b\"");
  CHECK_QUERY("\"unterminated phrase", "\"unterminated phrase\"");
  CHECK_QUERY("* ** , 。 - ()", "\"\"");
  CHECK_QUERY("", "\"\"");
  CHECK_QUERY("Schölkopf's", "\"Schölkopf's\"");
  CHECK_QUERY("é", "\"é\"");
  CHECK_QUERY("\xFF", "\"\"");
  CHECK_QUERY("記憶體，學習。bert（x）", "\"記憶體\" AND \"學習\" AND \"bert\" AND \"x\"");
  CHECK_QUERY("a\xE3\x80\x80" "b\xC2\xA0" "c", "\"a\" AND \"b\" AND \"c\"");   /* ideographic space, nbsp */
  CHECK_QUERY("self-attention,x", "\"self-attention,x\"");
  {
    PeBuf b;
    char *z;
    pe_buf_init(&b);
    pe_fts_query(&b, "a\0\"b", 4);                /* NUL separates: FTS5 stops at it */
    z = pe_buf_finish(&b, 0);
    CHECK_STR(z, "\"a\" AND \"b\"");
    pe_free(z);
  }

  fuzz();

  return CHECK_REPORT("fts_tokenizer");
}
