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
**
** title_key() makes spellings of one title equal (braces, LaTeX accents,
** case, accents, dashes, punctuation, hyphenation breaks, white space): use
** it in an index or GROUP BY to find duplicates.  title_similarity() scores
** two raw titles from 0.0 to 1.0, forgiving typos, plurals, function words
** and an added 'Acronym:' prefix; title_same() is title_similarity() >= 0.90.
** The rules and how the threshold was chosen are in title.h and the README.
** NULL in any argument gives NULL.
*/
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "title.h"

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
};

const PeUnit pe_unit_title = {
  .zName = "title", PE_FUNCTIONS(aFunc),
};
