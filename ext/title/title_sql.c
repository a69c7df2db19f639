/*
** title_sql.c: title keys and title similarity.
**
**   SELECT title_key('{BERT}: Pre-{T}raining of Deep Bidirectional Transformers');
**       -- 'bert pre training of deep bidirectional transformers'
**   SELECT title_key('Momentum Contrast for Unsupervised Visual Represen- tation Learning');
**       -- 'momentum contrast for unsupervised visual representation learning'
**   SELECT title_similarity('Debiased Contrastive Learning', 'Supervised Contrastive Learning');
**       -- 0.666666666666667
**   SELECT title_same('How transferable are features in deep neural networks?p',
**                     'How Transferable Are Features in Deep Neural Networks?');  -- 1
**   SELECT title_relation('Soft Actor-Critic', 'Soft Actor-Critic: Off-Policy Maximum Entropy ...');
**       -- 'subtitle'  ('same' for equal keys, 'similar' for typos..., NULL otherwise)
**   SELECT title_main('Big Transfer (BiT): General Visual Representation Learning');
**       -- 'Big Transfer'
**   SELECT title_keys('Deep Residual Learning for Image Recognition');
**       -- ["t:deep residual learning for image recognition","m:...","a:deep residual",...]
**
** title_key() makes spellings of one title equal (braces, LaTeX accents,
** case, accents, dashes, punctuation, hyphenation breaks, white space): use
** it in an index or GROUP BY to find duplicates.  title_similarity() scores
** two raw titles from 0.0 to 1.0, forgiving typos, plurals, function words
** and an added 'Acronym:' prefix, subtitle or parenthetical; title_same()
** is title_similarity() >= 0.90.  title_relation() says how two titles
** compare, for a merge that also weighs authors and years; title_main() is
** the title before its subtitle; title_keys() gives blocking keys: two
** titles that may be one share a key, so a join on json_each(title_keys())
** finds the candidates without comparing every pair.  The rules and how the
** threshold was chosen are in title.h and the README.  NULL in any argument
** gives NULL.
*/
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "title.h"
#include "title_parts.h"

static void title_key_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n;
  PeBuf b;
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&b);
  pe_result_buf(ctx, pe_title_key(&b, z, n), &b);
}

/* The similarity of argv[0] and argv[1]; -1 when an error was reported
** or an argument is NULL (*pNull set). */
static double similarity(sqlite3_context *ctx, sqlite3_value **argv, int *pNull){
  const char *za, *zb;
  size_t na, nb;
  double s;
  *pNull = pe_any_null(2, argv);
  if( *pNull ) return -1.0;
  za = pe_value_text(argv[0], &na);
  zb = pe_value_text(argv[1], &nb);
  if( za==0 || zb==0 ){ sqlite3_result_error_nomem(ctx); return -1.0; }
  s = pe_title_similarity(za, na, zb, nb);
  if( s<0 ) sqlite3_result_error_nomem(ctx);
  return s;
}

static void title_similarity_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int isNull;
  double s = similarity(ctx, argv, &isNull);
  (void)argc;
  if( s>=0 ) sqlite3_result_double(ctx, s);
}

static void title_same_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int isNull;
  double s = similarity(ctx, argv, &isNull);
  (void)argc;
  if( s>=0 ) sqlite3_result_int(ctx, s >= PE_TITLE_SAME);
}

static void title_relation_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const char *const azRel[] = { 0, "same", "subtitle", "similar" };
  const char *za, *zb;
  size_t na, nb;
  int rel;
  (void)argc;
  if( pe_any_null(2, argv) ) return;
  za = pe_value_text(argv[0], &na);
  zb = pe_value_text(argv[1], &nb);
  if( za==0 || zb==0 || pe_title_relation(za, na, zb, nb, &rel, 0) ){
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if( azRel[rel] ) sqlite3_result_text(ctx, azRel[rel], -1, SQLITE_STATIC);
}

static void title_main_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n, i, len;
  (void)argc;
  if( pe_any_null(1, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_title_main(z, n, &i, &len);
  sqlite3_result_text64(ctx, z+i, len, SQLITE_TRANSIENT, SQLITE_UTF8);
}

static void title_keys_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n;
  PeBuf b;
  (void)argc;
  if( pe_any_null(1, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&b);
  pe_result_buf(ctx, pe_title_keys(&b, z, n), &b);
}

static const PeFunction aFunc[] = {
  { "title_key", 1, PE_PURE, title_key_func, 0, 0,
    "title_key(title) -> text",
    "A key equal for spellings of one title: LaTeX decoded, NFKC, case and accents folded, punctuation as spaces." },
  { "title_similarity", 2, PE_PURE, title_similarity_func, 0, 0,
    "title_similarity(a, b) -> real",
    "0.0..1.0: weighted word overlap of two titles, forgiving typos, plurals, function words, acronyms." },
  { "title_same", 2, PE_PURE, title_same_func, 0, 0,
    "title_same(a, b) -> 0|1",
    "1 when two titles are spellings of one paper's title: title_similarity(a, b) >= 0.90." },
  { "title_relation", 2, PE_PURE, title_relation_func, 0, 0,
    "title_relation(a, b) -> text",
    "How two titles compare: 'same' (equal keys), 'subtitle' (one is the other plus a subtitle, parenthetical or name), 'similar', or NULL." },
  { "title_main", 1, PE_PURE, title_main_func, 0, 0,
    "title_main(title) -> text",
    "The main title: the text before a subtitle (after ':', ' - ', a dash) and a closing parenthetical." },
  { "title_keys", 1, PE_PURE, title_keys_func, 0, 0,
    "title_keys(title) -> json",
    "Blocking keys (JSON array): t:key, m:main-title keys, a:/z: halves; spellings, subtitles and one-word changes share one." },
};

const PeUnit pe_unit_title = {
  .zName = "title", PE_FUNCTIONS(aFunc),
};
