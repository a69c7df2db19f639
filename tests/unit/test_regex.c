/* Unit tests of the regex core (ext/regex.c): flags, compile errors and
** their offsets, literal detection, matching and iteration, replacement
** templates, character positions, the LRU cache. */
#include <stdlib.h>
#include "check.h"
#include "pe_mem.h"
#include "strbuf.h"
#include "regex.h"

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

#define CHECK_STR_FREE(expr, want) do{ char *z_ = (expr); CHECK_STR(z_, want); pe_free(z_); }while(0)

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
  CHECK_STR(zErr, "regexp: unknown flag 'g' in 'ig' (flags are i, m, s, x)");
  pe_free(zErr); zErr = 0;
  CHECK_STR_FREE(compile_error("a", "I"),
                 "regexp: unknown flag 'I' in 'I' (flags are i, m, s, x)");
  CHECK_STR_FREE(compile_error("a", "i中"),
                 "regexp: unknown flag '中' in 'i中' (flags are i, m, s, x)");

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

  /* the match limit ends catastrophic backtracking with an error */
  re = compile("(x+x+)+y", "");
  {
    const char *z = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxz y";
    CHECK_INT(pe_regex_search(env, re, z, strlen(z), 0, 0, &found, &zErr), PE_ERROR);
    CHECK_STR(zErr, "regexp: match limit exceeded (the pattern backtracks too much)"
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

  pe_regex_env_free(env);
  return CHECK_REPORT("regex");
}
