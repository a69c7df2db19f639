/* Unit tests of the regex core (ext/regex/regex.c): flags, compile errors and
** their offsets, literal detection, matching and iteration, replacement
** templates, character positions, the LRU cache. */
#define _GNU_SOURCE                 /* memmem */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <stdlib.h>
#include <pcre2.h>
#include "check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "regex/regex.h"
#include "regex/regex_litset.h"
#include "regex/regex_words.h"
#include "common/utf8.h"

static PeRegexEnv *env;

/* Compile (no cache) with a flags string; the error message, or NULL. */
static char *compile_error(const char *zPat, const char *zFlags){
  uint32_t o = 0;
  char *zErr = 0;
  PeRegex *re = 0;
  int rc = pe_regex_flags(zFlags, strlen(zFlags), &o, &zErr);
  if( rc==PE_OK ) rc = pe_regex_compile(env, zPat, strlen(zPat), o, &re, &zErr);
  pe_regex_unref(re);
  return zErr;
}

static PeRegex *compile(const char *zPat, const char *zFlags){
  uint32_t o = 0;
  char *zErr = 0;
  PeRegex *re = 0;
  if( pe_regex_flags(zFlags, strlen(zFlags), &o, &zErr)==PE_OK ){
    pe_regex_compile(env, zPat, strlen(zPat), o, &re, &zErr);
  }
  if( zErr ){ printf("unexpected: %s\n", zErr); pe_free(zErr); }
  return re;
}

/* regexp_replace through the core; the result or the error message. */
static char *replace(const char *z, const char *zPat, const char *zTpl){
  PeRegex *re = compile(zPat, "");
  PeTemplate *tpl = 0;
  char *zErr = 0;
  PeBuf b;
  pe_buf_init(&b);
  if( pe_template_parse(re, zTpl, strlen(zTpl), &tpl, &zErr)==PE_OK ){
    pe_regex_replace(env, re, tpl, z, strlen(z), &b, &zErr);
  }
  pe_template_free(tpl);
  pe_regex_unref(re);
  if( zErr ){ pe_buf_free(&b); return zErr; }
  return pe_buf_finish(&b, 0);
}

/* All matches as "start-end," byte ranges. */
static char *matches(const char *z, size_t n, const char *zPat){
  PeRegex *re = compile(zPat, "");
  PeRegexIter it;
  PeBuf b;
  int found;
  char *zErr = 0;
  pe_buf_init(&b);
  pe_regex_iter_init(&it, re, z, n);
  while( pe_regex_next(env, &it, &found, &zErr)==PE_OK && found ){
    pe_buf_appendf(&b, "%zu-%zu,", it.start, it.end);
  }
  pe_free(zErr);
  pe_regex_unref(re);
  return pe_buf_finish(&b, 0);
}

/* All matches found by plain PCRE2 (JIT-compiled like ours, since the JIT
** and the interpreter differ on empty matches next to invalid UTF-8, but
** without our start-up scans), iterated with the same rule, as "start-end,"
** ranges; NULL if the pattern does not compile. */
static char *reference_matches_opt(const char *z, size_t n, const char *zPat, uint32_t options){
  int ec;
  PCRE2_SIZE eo, from = 0;
  uint32_t opt = 0;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)zPat, PCRE2_ZERO_TERMINATED,
      PCRE2_UTF|PCRE2_UCP|PCRE2_MATCH_INVALID_UTF|PCRE2_NEVER_BACKSLASH_C|options, &ec, &eo, 0);
  pcre2_match_data *md;
  PeBuf b;
  if( code==0 ) return 0;
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  md = pcre2_match_data_create_from_pattern(code, 0);
  pe_buf_init(&b);
  for(;;){
    PCRE2_SIZE *ov;
    int rc = pcre2_match(code, (PCRE2_SPTR)z, n, from, opt, md, 0);
    if( rc<0 ){
      if( rc!=PCRE2_ERROR_NOMATCH ) pe_buf_appends(&b, "error");
      break;
    }
    ov = pcre2_get_ovector_pointer(md);
    pe_buf_appendf(&b, "%zu-%zu,", (size_t)ov[0], (size_t)ov[1]);
    opt = ov[0]==ov[1] ? PCRE2_NOTEMPTY_ATSTART : 0;
    from = ov[1];
  }
  pcre2_match_data_free(md);
  pcre2_code_free(code);
  return pe_buf_finish(&b, 0);
}
static char *reference_matches(const char *z, size_t n, const char *zPat){
  return reference_matches_opt(z, n, zPat, 0);
}

/* Our matches for pattern and options, as reference_matches_opt gives them. */
static char *our_matches(const char *z, size_t n, const char *zPat, uint32_t options){
  PeRegex *re = 0;
  PeRegexIter it;
  PeBuf b;
  int found, rc;
  char *zErr = 0;
  if( pe_regex_compile(env, zPat, strlen(zPat), options, &re, &zErr)!=PE_OK ){
    pe_free(zErr);
    return 0;
  }
  pe_buf_init(&b);
  pe_regex_iter_init(&it, re, z, n);
  while( (rc = pe_regex_next(env, &it, &found, &zErr))==PE_OK && found ){
    pe_buf_appendf(&b, "%zu-%zu,", it.start, it.end);
  }
  if( rc!=PE_OK ){ pe_buf_appends(&b, "error"); pe_free(zErr); }
  pe_regex_unref(re);
  return pe_buf_finish(&b, 0);
}

/* Random patterns and texts built from pieces that exercise the start-up
** scans (literal sets, caseless K and S, anchors, lookarounds, Han, invalid
** UTF-8): our matches must be exactly PCRE2's.  Returns the mismatches. */
static int random_differences(unsigned seed, int nCase){
  static const char *azAtom[] = { "a", "b", "ab", "bert", "gpt", "K", "s", "記", "憶",
    "\\p{Han}", "[\\x{4e00}-\\x{9fff}]", "\\d", "\\w", ".", "x", "é", "-", "(?i)", "^", "$",
    "\\b", "(?=a)", "(?<=b)", "|", "|", "*", "+", "?", "{2}", "(", ")", "ll" };
  static const char *azPiece[] = { "a", "b", "ab", "bert", "BERT", "Gpt", "K", "k",
    "\xe2\x84\xaa", "s", "\xc5\xbf", "記", "憶", "。", "1", "2", "x", "é", "É", " ", "\n",
    "\xff", "\x80", "llama", "LL" };
  int i, k, nBad = 0;
  for(i=0; i<nCase; i++){
    char zPat[256] = "", z[512] = "";
    int nAtom = 1 + (int)(rand_r(&seed)%5), nPiece = (int)(rand_r(&seed)%12);
    uint32_t options = rand_r(&seed)%4==0 ? PCRE2_CASELESS : 0;
    char *zWant, *zGot;
    for(k=0; k<nAtom; k++) strcat(zPat, azAtom[rand_r(&seed)%(sizeof(azAtom)/sizeof(azAtom[0]))]);
    if( rand_r(&seed)%3==0 ) strcat(z, "qqqqqqqqqqqqqqqqqqq" + rand_r(&seed)%19);
    for(k=0; k<nPiece; k++) strcat(z, azPiece[rand_r(&seed)%(sizeof(azPiece)/sizeof(azPiece[0]))]);
    zWant = reference_matches_opt(z, strlen(z), zPat, options);
    zGot = our_matches(z, strlen(z), zPat, options);
    if( (zWant==0)!=(zGot==0) || (zWant && strcmp(zWant, zGot)!=0) ){
      if( nBad++<5 ) printf("  differs: pattern %s, text %s\n  want %s\n  got  %s\n",
                            zPat, z, zWant ? zWant : "(no compile)", zGot ? zGot : "(no compile)");
    }
    pe_free(zWant);
    pe_free(zGot);
  }
  return nBad;
}

#define CHECK_STR_FREE(expr, want) do{ char *z_ = (expr); CHECK_STR(z_, want); pe_free(z_); }while(0)


/* ---- the flag w: the word boundary a reader sees (regex_words.h) ---- */

static char *rewrite(const char *zPat, int extended){
  PeBuf b;
  int changed;
  pe_buf_init(&b);
  CHECK_INT(pe_regex_words_rewrite(zPat, strlen(zPat), extended, &b, &changed), PE_OK);
  return pe_buf_finish(&b, 0);
}
#define CJK_ "(?=\\w)[\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Hangul}]"
#define LAT_ "[^\\W\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Hangul}]"
#define B_ "(?:(?<=" CJK_ ")(?!" CJK_ ")|(?<=" LAT_ ")(?!" LAT_ ")|(?<!\\w)(?=\\w))"

/* Characters of known kind: 0 not a word character, 1 CJK, 2 other word. */
static const struct { const char *z; int kind; } aWordPiece[] = {
  { "的", 1 }, { "中", 1 }, { "の", 1 }, { "カ", 1 }, { "ー", 1 }, { "한", 1 }, { "글", 1 },
  { "\xf0\xa0\x80\x80", 1 },                                   /* U+20000, Han extension B */
  { "a", 2 }, { "Z", 2 }, { "7", 2 }, { "_", 2 }, { "α", 2 }, { "Ａ", 2 }, { "é", 2 }, { "ж", 2 },
  { " ", 0 }, { ",", 0 }, { "。", 0 }, { "-", 0 }, { "\n", 0 }, { "、", 0 }, { "（", 0 }, { "!", 0 },
};
#define N_WORD_PIECE ((int)(sizeof(aWordPiece)/sizeof(aWordPiece[0])))

/* A random text of pieces; aKind[k], aOff[k]: kind and byte offset of the
** k-th character; returns the count. */
static int random_words_text(unsigned *pSeed, char *z, int *aKind, size_t *aOff, int nMax){
  int k, nChar = (int)(rand_r(pSeed)%(unsigned)nMax);
  z[0] = 0;
  for(k=0; k<nChar; k++){
    int p = (int)(rand_r(pSeed)%N_WORD_PIECE);
    aOff[k] = strlen(z);
    aKind[k] = aWordPiece[p].kind;
    strcat(z, aWordPiece[p].z);
  }
  aOff[nChar] = strlen(z);
  return nChar;
}

/* The matches a reader's word rules give, as "start-end," ranges:
** what 0 boundaries, 1 non-boundaries, 2 runs (\w+), 3 single word
** characters (\w+?), 4 runs of 2 or more (\w{2,}). */
static char *reference_words(const int *aKind, const size_t *aOff, int nChar, int what){
  PeBuf b;
  int k;
  pe_buf_init(&b);
  if( what<2 ){
    for(k=0; k<=nChar; k++){
      int before = k>0 ? aKind[k-1] : 0, after = k<nChar ? aKind[k] : 0;
      if( (before!=after)==(what==0) ) pe_buf_appendf(&b, "%zu-%zu,", aOff[k], aOff[k]);
    }
  }else{
    for(k=0; k<nChar; ){
      int e = k+1;
      if( aKind[k]==0 ){ k++; continue; }
      while( e<nChar && aKind[e]==aKind[k] ) e++;
      if( what==3 ){
        int j;
        for(j=k; j<e; j++) pe_buf_appendf(&b, "%zu-%zu,", aOff[j], aOff[j+1]);
      }else if( what==2 || e-k>=2 ){
        pe_buf_appendf(&b, "%zu-%zu,", aOff[k], aOff[e]);
      }
      k = e;
    }
  }
  return pe_buf_finish(&b, 0);
}

static void words_flag(void){
  static const char *const azPat[] = { "\\b", "\\B", "\\w+", "\\w+?", "\\w{2,}" };
  static const char *const azSame[] = { "\\b\\w+\\b", "\\B.", "\\w{2,3}", "\\bab", "[\\b]",
    "\\w*", "\\w+?\\b", "(?x) \\w + # c\n", "\\Q\\b\\E", "a\\b|\\Bb" };
  unsigned seed = 13;
  int i, k, nBad = 0, nSameBad = 0;
  char z[512];
  int aKind[64];
  size_t aOff[65];
  /* the rewriting, token by token */
  CHECK_STR_FREE(rewrite("\\bloss\\b", 0), B_ "loss" B_);
  CHECK_STR_FREE(rewrite("\\w+", 0), "(?:(?:" CJK_ ")+|" LAT_ "+)");
  CHECK_STR_FREE(rewrite("\\w*?", 0), "(?:(?:" CJK_ ")+?|" LAT_ "+?)??");
  CHECK_STR_FREE(rewrite("\\w{0,4}+", 0), "(?:(?:" CJK_ "){1,4}+|" LAT_ "{1,4}+)?+");
  CHECK_STR_FREE(rewrite("\\w{2}", 0), "(?:(?:" CJK_ "){2}|" LAT_ "{2})");
  CHECK_STR_FREE(rewrite("\\w \\w? \\w{1} \\w{0,1} \\W+", 0), "\\w \\w? \\w{1} \\w{0,1} \\W+");
  CHECK_STR_FREE(rewrite("[\\b\\w]+ [^]\\b] [[:word:]\\b]", 0), "[\\b\\w]+ [^]\\b] [[:word:]\\b]");
  CHECK_STR_FREE(rewrite("\\Q\\b\\w+\\E\\b", 0), "\\Q\\b\\w+\\E" B_);
  CHECK_STR_FREE(rewrite("(?#\\b)\\\\b", 0), "(?#\\b)\\\\b");
  CHECK_STR_FREE(rewrite("# \\b\n\\b", 1), "# \\b\n" B_);        /* extended: a comment */
  CHECK_STR_FREE(rewrite("# \\b", 0), "# " B_);                  /* not extended: text */
  CHECK_STR_FREE(rewrite("(?x:# \\b\n)# \\b", 0), "(?x:# \\b\n)# " B_);
  CHECK_STR_FREE(rewrite("((?x)# [\n)# \\b", 0), "((?x)# [\n)# " B_);  /* (?x) ends with its group */
  CHECK_STR_FREE(rewrite("(?x)(?-x)# \\b", 0), "(?x)(?-x)# " B_);
  CHECK_STR_FREE(rewrite("\\w +", 1), "(?:(?:" CJK_ ")+|" LAT_ "+)");
  CHECK_STR_FREE(rewrite("\\w +", 0), "\\w +");
  CHECK_STR_FREE(rewrite("(?<w>\\w+)\\k<w>", 0), "(?<w>(?:(?:" CJK_ ")+|" LAT_ "+))\\k<w>");
  /* the user's trap, and what the flag gives */
  CHECK_STR_FREE(our_matches("的loss function", strlen("的loss function"), "\\bloss\\b", PCRE2_CASELESS), "");
  CHECK_STR_FREE(our_matches("the loss function", strlen("the loss function"), "\\bloss\\b", PCRE2_CASELESS), "4-8,");
  {
    uint32_t o = 0;
    PeRegex *rw = 0;
    char *zErr = 0, *zGot;
    CHECK_INT(pe_regex_flags("iw", 2, &o, &zErr), PE_OK);
    CHECK((o & PE_REGEX_WORDS) && (o & PCRE2_CASELESS));
    zGot = our_matches("的loss function", strlen("的loss function"), "\\bloss\\b", o);
    CHECK_STR(zGot, "3-7,");
    pe_free(zGot);
    zGot = our_matches("用BERT做NER任务", strlen("用BERT做NER任务"), "\\w+", PE_REGEX_WORDS);
    CHECK_STR(zGot, "0-3,3-7,7-10,10-13,13-19,");
    pe_free(zGot);
    /* errors name offsets in the pattern as written */
    CHECK_INT(pe_regex_compile(env, "\\b(a", 4, PE_REGEX_WORDS, &rw, &zErr), PE_ERROR);
    CHECK_STR(zErr, "regexp: missing closing parenthesis at offset 3 in '\\b(a'");
    pe_free(zErr);
    /* invalid UTF-8 around a boundary: no crash, no match inside the bytes */
    zGot = our_matches("\xff" "ab\xfe的", 6, "\\b", PE_REGEX_WORDS);
    CHECK(zGot!=0 && strstr(zGot, "error")==0);
    pe_free(zGot);
  }
  /* against the reference on random mixed texts */
  for(i=0; i<3000; i++){
    int nChar = random_words_text(&seed, z, aKind, aOff, 40);
    for(k=0; k<5; k++){
      char *zWant = reference_words(aKind, aOff, nChar, k);
      char *zGot = our_matches(z, strlen(z), azPat[k], PE_REGEX_WORDS);
      if( zWant==0 || zGot==0 || strcmp(zWant, zGot)!=0 ){
        if( nBad++<5 ) printf("  flag w differs: pattern %s, text '%s'\n  want %s\n  got  %s\n",
                              azPat[k], z, zWant ? zWant : "", zGot ? zGot : "");
      }
      pe_free(zWant);
      pe_free(zGot);
    }
  }
  CHECK_INT(nBad, 0);
  /* without CJK the flag changes nothing */
  for(i=0; i<3000; i++){
    int nChar = random_words_text(&seed, z, aKind, aOff, 30);
    char *zA, *zB;
    for(k=0; k<nChar; k++) if( aKind[k]==1 ) break;
    if( k<nChar ) continue;
    k = (int)(rand_r(&seed)%(sizeof(azSame)/sizeof(azSame[0])));
    zA = our_matches(z, strlen(z), azSame[k], 0);
    zB = our_matches(z, strlen(z), azSame[k], PE_REGEX_WORDS);
    if( zA==0 || zB==0 || strcmp(zA, zB)!=0 ){
      if( nSameBad++<5 ) printf("  flag w changes Latin text: %s on '%s': %s / %s\n", azSame[k], z,
                                zA ? zA : "", zB ? zB : "");
    }
    pe_free(zA);
    pe_free(zB);
  }
  CHECK_INT(nSameBad, 0);
}

int main(void){
  uint32_t o;
  char *zErr = 0;
  PeRegex *re, *re2;
  int found;
  long long count;
  size_t s, e;

  env = pe_regex_env_new();
  CHECK(env!=0);

  /* flags: i m s x in any order; any other letter is an error naming it */
  CHECK_INT(pe_regex_flags("imsx", 4, &o, &zErr), PE_OK);
  CHECK_INT(pe_regex_flags("", 0, &o, &zErr), PE_OK);
  CHECK_INT(o, 0);
  CHECK_INT(pe_regex_flags("ig", 2, &o, &zErr), PE_ERROR);
  CHECK_STR(zErr, "regexp: unknown flag 'g' in 'ig' (flags are i, m, s, x, w)");
  pe_free(zErr); zErr = 0;
  CHECK_STR_FREE(compile_error("a", "I"),
                 "regexp: unknown flag 'I' in 'I' (flags are i, m, s, x, w)");
  CHECK_STR_FREE(compile_error("a", "i中"),
                 "regexp: unknown flag '中' in 'i中' (flags are i, m, s, x, w)");

  /* compile errors name the problem and a character offset into the pattern */
  CHECK_STR_FREE(compile_error("ab(c", ""),
                 "regexp: missing closing parenthesis at offset 3 in 'ab(c'");
  CHECK_STR_FREE(compile_error("a)b", ""),
                 "regexp: unmatched closing parenthesis at offset 1 in 'a)b'");
  CHECK_STR_FREE(compile_error("記憶)", ""),
                 "regexp: unmatched closing parenthesis at offset 2 in '記憶)'");
  CHECK_STR_FREE(compile_error("a{2,1}", ""),
                 "regexp: numbers out of order in {} quantifier at offset 5 in 'a{2,1}'");
  CHECK_STR_FREE(compile_error("x\\", ""),
                 "regexp: \\ at end of pattern at offset 1 in 'x\\'");
  CHECK_STR_FREE(compile_error("\\C", ""),
                 "regexp: using \\C is disabled by the application at offset 1 in '\\C'");
  {
    char *z = compile_error("(?<n>a)(?<n>b)", "");     /* duplicate names need (?J) */
    CHECK(z!=0);
    pe_free(z);
  }
  CHECK_STR_FREE(compile_error("a b # comment", "x"), 0);
  {
    /* A pattern that is not UTF-8 is an error, not a crash. */
    char *z = compile_error("a\xff", "");
    CHECK(z!=0 && strncmp(z, "regexp: UTF-8 error", 19)==0);
    pe_free(z);
  }

  /* literal detection: no metacharacters and no i or x flag */
  CHECK(pe_regex_literal_pattern("transformer", 11, 0));
  CHECK(pe_regex_literal_pattern("記憶體", 9, 0));
  CHECK(pe_regex_literal_pattern("a-b, c]}", 8, 0));
  CHECK(!pe_regex_literal_pattern("", 0, 0));
  CHECK(!pe_regex_literal_pattern("a.b", 3, 0));
  CHECK(!pe_regex_literal_pattern("\\lambda", 7, 0));
  CHECK(!pe_regex_literal_pattern("a{2}", 4, 0));
  CHECK(!pe_regex_literal_pattern("bert|gpt", 8, 0));
  CHECK(!pe_regex_literal_pattern("a\0b", 3, 0));
  pe_regex_flags("i", 1, &o, &zErr);
  CHECK(!pe_regex_literal_pattern("bert", 4, o));
  pe_regex_flags("x", 1, &o, &zErr);
  CHECK(!pe_regex_literal_pattern("a b", 3, o));
  pe_regex_flags("ms", 2, &o, &zErr);
  CHECK(pe_regex_literal_pattern("a b", 3, o));
  re = compile("former", "");
  CHECK(pe_regex_is_literal(re));
  CHECK_INT(pe_regex_search(env, re, "transformer", 11, 0, 0, &found, &zErr), PE_OK);
  CHECK_INT(found, 1);
  pe_regex_group(re, 0, &s, &e);
  CHECK_INT(s, 5); CHECK_INT(e, 11);
  CHECK_INT(pe_regex_search(env, re, "transformer", 11, 6, 0, &found, &zErr), PE_OK);
  CHECK_INT(found, 0);
  CHECK(!pe_regex_group(re, 1, &s, &e));
  pe_regex_unref(re);

  /* groups: numbered, named, and one that did not take part */
  re = compile("(?<year>\\d{4})|(x)", "");
  CHECK(!pe_regex_is_literal(re));
  CHECK_INT(pe_regex_group_count(re), 2);
  CHECK_INT(pe_regex_group_number(re, "year", 4), 1);
  CHECK_INT(pe_regex_group_number(re, "nope", 4), -1);
  pe_regex_search(env, re, "in 2020", 7, 0, 0, &found, &zErr);
  CHECK_INT(found, 1);
  CHECK(pe_regex_group(re, 1, &s, &e));
  CHECK_INT(s, 3); CHECK_INT(e, 7);
  CHECK(!pe_regex_group(re, 2, &s, &e));
  CHECK_INT(pe_regex_group_named(re, "year", 4, &s, &e), 1);
  CHECK_INT(pe_regex_group_named(re, "yea", 3, &s, &e), -1);
  pe_regex_unref(re);
  re = compile("(?J)(?<d>a)|(?<d>b)", "");
  pe_regex_search(env, re, "b", 1, 0, 0, &found, &zErr);
  CHECK_INT(pe_regex_group_named(re, "d", 1, &s, &e), 1);   /* the set one of the two */
  CHECK_INT(s, 0);
  pe_regex_unref(re);

  /* iteration: Perl's rule for empty matches, whole characters */
  CHECK_STR_FREE(matches("abxd", 4, "x*"), "0-0,1-1,2-3,3-3,4-4,");
  CHECK_STR_FREE(matches("記憶", 6, ""), "0-0,3-3,6-6,");
  CHECK_STR_FREE(matches("a\xff" "b", 3, ""), "0-0,1-1,2-2,3-3,");
  CHECK_STR_FREE(matches("\xe8\xa8\x98\xff\xe6\x86\xb6", 7, "."), "0-3,4-7,");
  CHECK_STR_FREE(matches("aaa", 3, "a|"), "0-1,1-2,2-3,3-3,");
  CHECK_STR_FREE(matches("", 0, "^"), "0-0,");
  re = compile("a", "");
  CHECK_INT(pe_regex_count(env, re, "banana", 6, &count, &zErr), PE_OK);
  CHECK_INT(count, 3);
  pe_regex_unref(re);

  /* the start-up scans (literal sets, skipping ASCII) find exactly what
  ** PCRE2 alone finds, on every subject */
  {
    static const char *azPat[] = {
      "(?i)bert|gpt|llama", "bert|GPT", "注意力|記憶", "(?i)ab|b", "a|ab", "(?i)x-1|y_2",
      "transformer|t", "(?i)kelvin|s", "(?i)é|e", "\\p{Han}{2}", "\\p{sc=Han}+",
      "[^\\x00-\\x7f]+", "\\p{Greek}\\w*", "(?=\\p{Han})\\p{L}{2}", "\\p{Han}|x", "[é-ü]a", "[\\x{4e00}-\\x{9fff}]{2}",
      "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvw|z9",
      "^arXiv:\\d{4}\\.\\d{4,5}", "(?i)^BE", "\\Agp|\\Ab", "^a?", "^(?=l)\\w+", "^\\p{Han}",
      "(?m)^l", "^", "^ǅ|^0",
    };
    static const char *azText[] = {
      "BERT and gpt-3 LLaMA, Bert/GPT/llama", "ǅ Kelvin K ſ ab AB x-1 X-1 y_2 Y_2",
      "這篇論文的注意力機制與記憶體 attention 記憶", "\xff注意力\x80記憶\xe8\xa8 bert\xff",
      "0123456789abcdef0123456789abcdefllama", "gp", "", "l", "t", "é ü ùa éa ΑΒΓ αβγ word",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxz9",
      "arXiv:2005.14165 notes", "ARXIV:2005.14165", "llama\nl", "be", "Be", "\nl",
      "abcdefghi記憶體注意力", "abcdefghijklmnopq記憶體注意力 and then", "abcdefghijklmnopqrstuvwxy記憶體注意力",
      "abcdefghijklmnop\xe8", "0123456789abcdef0123456789abcdef注意力機制",
    };
    size_t i, j;
    int nLitSet = 0, nSkip = 0, nAnchor = 0;
    for(i=0; i<sizeof(azPat)/sizeof(azPat[0]); i++){
      PeRegex *r = compile(azPat[i], "");
      nLitSet += pe_regex_literal_set(r)>0;
      nSkip += pe_regex_skips_ascii(r);
      nAnchor += pe_regex_checks_anchor(r);
      pe_regex_unref(r);
      for(j=0; j<sizeof(azText)/sizeof(azText[0]); j++){
        char *zWant = reference_matches(azText[j], strlen(azText[j]), azPat[i]);
        char *zGot = matches(azText[j], strlen(azText[j]), azPat[i]);
        if( strcmp(zWant, zGot)!=0 ){
          printf("  pattern %s, text %s\n", azPat[i], azText[j]);
        }
        CHECK_STR(zGot, zWant);
        pe_free(zWant);
        pe_free(zGot);
      }
    }
    CHECK_INT(nLitSet, 8);     /* the first seven, and the long one */
    CHECK_INT(nSkip, 7);       /* \p{Han}{2}, \p{sc=Han}+, \p{Greek}\w*, the lookahead
                                  (probed), [^\x00-\x7f]+, [é-ü]a, the Han range (maps) */
    CHECK_INT(nAnchor, 7);     /* the anchored ones but (?m)^l and \Agp|\Ab */
  }

  /* the rare-byte literal search agrees with memmem on every offset */
  {
    static const char *azLit[] = { "transformer", "f", "ff", "記憶體", "aab", "zz", "\x80" };
    static const char *zHay = "transformer ffff 記憶體記憶體 aaab aab zz \x80 transformers";
    size_t nHay = strlen(zHay), k, from, nBad = 0;
    CHECK_INT(pe_literal_rare_byte("transformer", 11), 5);     /* the f */
    CHECK_INT(pe_literal_rare_byte("記憶體", 9), 1);            /* a continuation byte */
    for(k=0; k<sizeof(azLit)/sizeof(azLit[0]); k++){
      size_t nLit = strlen(azLit[k]), iRare = pe_literal_rare_byte(azLit[k], nLit);
      for(from=0; from<=nHay; from++){
        const char *p = memmem(zHay+from, nHay-from, azLit[k], nLit);
        size_t want = p ? (size_t)(p-zHay) : PE_LITSET_NONE;
        if( pe_literal_find(azLit[k], nLit, iRare, zHay, from, nHay)!=want ) nBad++;
      }
    }
    CHECK_INT(nBad, 0);
  }

  /* ... and on 20,000 random patterns and texts */
  CHECK_INT(random_differences(20201206, 20000), 0);

  /* which patterns are literal sets */
  {
    PeLitSet ls;
    CHECK(pe_litset_parse("bert|gpt", 8, 0, 0, &ls) && ls.n==2 && !ls.caseless);
    CHECK(pe_litset_parse("(?i)bert|gpt|llama", 18, 0, 0, &ls) && ls.n==3 && ls.caseless);
    CHECK(pe_litset_parse("記憶|注意", 13, 0, 0, &ls) && ls.n==2);
    CHECK(!pe_litset_parse("記憶|注意", 13, 1, 0, &ls) && ls.n==0);   /* caseless: ASCII only */
    CHECK(!pe_litset_parse("bert|gpts", 9, 1, 0, &ls));               /* caseless s: ſ */
    CHECK(!pe_litset_parse("bert|kit", 8, 1, 0, &ls));                /* caseless k: K */
    CHECK(pe_litset_parse("bert|kit", 8, 0, 0, &ls));
    CHECK(!pe_litset_parse("bert|", 5, 0, 0, &ls) && ls.n==0);
    CHECK(!pe_litset_parse("|bert", 5, 0, 0, &ls));
    CHECK(!pe_litset_parse("be.t", 4, 0, 0, &ls));
    CHECK(!pe_litset_parse("a b", 3, 0, 1, &ls));
    CHECK(!pe_litset_parse("a|b|c|d|e|f|g|h|i", 17, 0, 0, &ls));     /* more than 8 */
    CHECK(pe_litset_parse("a|b|c|d|e|f|g|h", 15, 0, 0, &ls));
    CHECK_INT(pe_litset_find(&ls, "xxxxxxxxxxxxxxxxxxxxxxxh", 0, 24), 23);
    CHECK_INT(pe_litset_find(&ls, "xyz", 0, 3), PE_LITSET_NONE);
  }

  /* The literal-set scan folds case only for ASCII letters: check that under
  ** PCRE2_UCP no printable ASCII character but K, k, S, s matches a non-ASCII
  ** code point caselessly (if PCRE2 ever adds one, this fails). */
  {
    int c, nOdd = 0;
    for(c=0x20; c<0x7F; c++){
      /* the character itself; punctuation quoted with a backslash */
      int alnum = (c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9');
      char aPat[3] = { alnum ? (char)c : '\\', alnum ? 0 : (char)c, 0 };
      int ec;
      PCRE2_SIZE eo;
      uint32_t cp;
      pcre2_code *code;
      pcre2_match_data *md;
      code = pcre2_compile((PCRE2_SPTR)aPat, PCRE2_ZERO_TERMINATED,
          PCRE2_UTF|PCRE2_UCP|PCRE2_CASELESS, &ec, &eo, 0);
      md = pcre2_match_data_create(1, 0);
      for(cp=0x80; cp<0x110000; cp++){
        char a[4];
        int len;
        if( cp>=0xD800 && cp<=0xDFFF ) continue;
        len = pe_utf8_encode(cp, a);
        if( pcre2_match(code, (PCRE2_SPTR)a, (size_t)len, 0, PCRE2_ANCHORED, md, 0)>0 ){
          if( strchr("KkSs", c)==0 ) printf("  unexpected: %c matches U+%04X\n", c, cp);
          nOdd++;
        }
      }
      pcre2_match_data_free(md);
      pcre2_code_free(code);
    }
    CHECK_INT(nOdd, 4);        /* K k: U+212A, S s: U+017F */
  }

  /* the match limit ends catastrophic backtracking with an error */
  re = compile("(x+x+)+y", "");
  {
    const char *z = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxz y";
    CHECK_INT(pe_regex_search(env, re, z, strlen(z), 0, 0, &found, &zErr), PE_ERROR);
    CHECK_STR(zErr, "regexp: match limit of 10000000 steps exceeded (the pattern backtracks too much)"
                    " in '(x+x+)+y'");
    pe_free(zErr); zErr = 0;
  }
  pe_regex_unref(re);

  /* replacement templates */
  CHECK_STR_FREE(replace("NeurIPS 2020", "(\\w+) (?<y>\\d+)", "$2/$1"), "2020/NeurIPS");
  CHECK_STR_FREE(replace("NeurIPS 2020", "(\\w+) (?<y>\\d+)", "${y}${1}x"), "2020NeurIPSx");
  CHECK_STR_FREE(replace("NeurIPS 2020", "(\\w+) (?<y>\\d+)", "$y-$0"), "2020-NeurIPS 2020");
  CHECK_STR_FREE(replace("a b", "b", "$$1"), "a $1");
  CHECK_STR_FREE(replace("a b", "b", "\\lambda\\1"), "a \\lambda\\1");
  CHECK_STR_FREE(replace("ab", "(x)?b", "[$1]"), "a[]");
  CHECK_STR_FREE(replace("abxd", "x*", "-"), "-a-b--d-");
  CHECK_STR_FREE(replace("記憶體", "憶", "忆"), "記忆體");
  CHECK_STR_FREE(replace("ab", "(a)(b)", "$10"),
                 "regexp_replace: no such group '$10' at offset 0 in replacement '$10'");
  CHECK_STR_FREE(replace("ab", "(a)(b)", "${1}0"), "a0");
  CHECK_STR_FREE(replace("ab", "(a)", "x$"),
                 "regexp_replace: lone '$' at offset 1 in replacement 'x$'");
  CHECK_STR_FREE(replace("ab", "(a)", "記$ "),
                 "regexp_replace: lone '$' at offset 1 in replacement '記$ '");
  CHECK_STR_FREE(replace("ab", "(a)", "$name"),
                 "regexp_replace: no such group '$name' at offset 0 in replacement '$name'");
  CHECK_STR_FREE(replace("ab", "(a)", "a${1"),
                 "regexp_replace: unterminated or empty '${' at offset 1 in replacement 'a${1'");
  CHECK_STR_FREE(replace("ab", "(a)", "${}"),
                 "regexp_replace: unterminated or empty '${' at offset 0 in replacement '${}'");
  CHECK_STR_FREE(replace("ab", "(a)", "${9999999999999999999999}"),
                 "regexp_replace: no such group '${9999999999999999999999}' at offset 0"
                 " in replacement '${9999999999999999999999}'");

  /* characters counted as SQLite's length() counts them */
  CHECK_INT(pe_regex_chars("abc", 3), 3);
  CHECK_INT(pe_regex_chars("記憶體", 9), 3);
  CHECK_INT(pe_regex_chars("\xff", 1), 1);
  CHECK_INT(pe_regex_chars("\x80\x80", 2), 2);          /* stray continuation bytes */
  CHECK_INT(pe_regex_chars("\xe8\xa8\x98\xa8", 4), 1);  /* a lead byte takes them all */

  /* the cache: the same pattern and flags give the same compiled object */
  pe_regex_get(env, "a+", 2, 0, &re, &zErr);
  pe_regex_get(env, "a+", 2, 0, &re2, &zErr);
  CHECK(re==re2);
  pe_regex_unref(re2);
  pe_regex_flags("i", 1, &o, &zErr);
  pe_regex_get(env, "a+", 2, o, &re2, &zErr);
  CHECK(re!=re2);
  CHECK(pe_regex_is(re2, "a+", 2, o));
  CHECK(!pe_regex_is(re2, "a+", 2, 0));
  pe_regex_unref(re2);
  {
    /* Evicted entries stay alive while someone holds a reference. */
    int i;
    char aPat[32];
    for(i=0; i<PE_REGEX_CACHE_SIZE+10; i++){
      snprintf(aPat, sizeof aPat, "p%d", i);
      pe_regex_get(env, aPat, strlen(aPat), 0, &re2, &zErr);
      pe_regex_unref(re2);
    }
    CHECK_INT(pe_regex_search(env, re, "baa", 3, 0, 0, &found, &zErr), PE_OK);
    CHECK_INT(found, 1);
    pe_regex_get(env, "a+", 2, 0, &re2, &zErr);
    CHECK(re!=re2);                                  /* compiled anew */
    pe_regex_unref(re2);
  }
  pe_regex_unref(re);

  words_flag();
  pe_regex_env_free(env);
  return CHECK_REPORT("regex");
}
