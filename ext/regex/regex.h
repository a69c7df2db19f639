/*
** regex.h: the pure core of paperext's regular expressions (PCRE2).
**
** No sqlite3.h here: the SQLite binding is regex_sql.c.  Everything that
** allocates goes through pe_mem.h (PCRE2 too, through a general context), and
** every function reports PE_OK, PE_NOMEM or PE_ERROR; with PE_ERROR *pzErr
** receives a message (free it with pe_free) such as
**   regexp: missing closing parenthesis at offset 3 in 'ab(c'
**
** Patterns are compiled with PCRE2_UTF|PCRE2_UCP|PCRE2_MATCH_INVALID_UTF, so
** any subject is safe to match without a UTF-8 check: invalid bytes simply
** never match.  Compiled patterns are JIT-compiled, reference counted, and
** owned either by a PeRegexEnv's LRU cache or by whoever holds a reference.
**
** A PeRegexEnv is per connection (one thread at a time): it holds the PCRE2
** contexts, the JIT stack, the match limit and the LRU cache.  There is no
** global mutable state.
*/
#ifndef PE_REGEX_H
#define PE_REGEX_H
#include <stddef.h>
#include <stdint.h>

struct PeBuf;

typedef struct PeRegex PeRegex;
typedef struct PeRegexEnv PeRegexEnv;
typedef struct PeTemplate PeTemplate;

/* Patterns kept by the per-connection LRU cache.  A build may change it
** (the benchmark builds a copy with 0 to measure recompiling per row, and
** one with PE_REGEX_NO_SHORTCUTS defined to measure PCRE2's JIT alone). */
#ifndef PE_REGEX_CACHE_SIZE
# define PE_REGEX_CACHE_SIZE 128
#endif

/* A match that backtracks more than this ends with an error. */
#define PE_REGEX_MATCH_LIMIT 10000000
/* Memory the interpreter may use for backtracking (the JIT has its own
** stack of at most 1 MiB; when that runs out the interpreter takes over). */
#define PE_REGEX_HEAP_LIMIT_KB (128*1024)

/* ---- environment (per connection) ---- */
PeRegexEnv *pe_regex_env_new(void);            /* NULL on OOM */
void pe_regex_env_free(PeRegexEnv *env);       /* drops the cache's references */

/* ---- flags: a string of i m s x w (any order, repeats allowed) ----
** i m s x are PCRE2's options; w (PE_REGEX_WORDS, paperext's own bit,
** never given to PCRE2) makes a change between CJK and other word
** characters a word boundary: regex_words.h. */
#define PE_REGEX_WORDS 0x10000000u
int pe_regex_flags(const char *z, size_t n, uint32_t *pOptions, char **pzErr);

/* ---- compiling ----
** pe_regex_compile always compiles; pe_regex_get answers from the cache when
** it can.  Both hand back a new reference: release it with pe_regex_unref. */
int pe_regex_compile(PeRegexEnv *env, const char *zPat, size_t nPat,
                     uint32_t options, PeRegex **ppRe, char **pzErr);
int pe_regex_get(PeRegexEnv *env, const char *zPat, size_t nPat,
                 uint32_t options, PeRegex **ppRe, char **pzErr);
void pe_regex_ref(PeRegex *re);
void pe_regex_unref(PeRegex *re);

/* Was re compiled from exactly this pattern and these options? */
int pe_regex_is(const PeRegex *re, const char *zPat, size_t nPat, uint32_t options);
/* Is re answered by a plain byte search (no metacharacters, no i or x)? */
int pe_regex_is_literal(const PeRegex *re);
/* Can a match only start at a non-ASCII character (so ASCII text is skipped
** before PCRE2 runs)?  Decided once at compile time; see regex.c. */
int pe_regex_skips_ascii(const PeRegex *re);
/* Is re anchored, with the bytes that can begin a match known, so a text
** whose first byte is none of them is answered without PCRE2? */
int pe_regex_checks_anchor(const PeRegex *re);
uint32_t pe_regex_options(const PeRegex *re);   /* the flags' options */
/* How many literals, when the pattern is an alternation of literals that a
** vector scan finds before PCRE2 runs (regex_litset.h); else 0. */
int pe_regex_literal_set(const PeRegex *re);
int pe_regex_group_count(const PeRegex *re);
/* The number of the group called zName (first of duplicates), or -1. */
int pe_regex_group_number(const PeRegex *re, const char *zName, size_t nName);
/* The pattern as compiled (NUL-terminated). */
const char *pe_regex_pattern(const PeRegex *re);

/* Would a pattern with these options be a plain literal? (exposed for tests) */
int pe_regex_literal_pattern(const char *zPat, size_t nPat, uint32_t options);

/* ---- matching ----
** Find the first match in z[0..n) that starts at or after byte iFrom.
** *pFound is 1 or 0; on a match the groups are read with pe_regex_group
** until the next search with the same re.  With notEmptyAt set, an empty
** match at iFrom is not accepted (Perl's rule after an empty match). */
int pe_regex_search(PeRegexEnv *env, PeRegex *re, const char *z, size_t n,
                    size_t iFrom, int notEmptyAt, int *pFound, char **pzErr);
/* Byte range of group i of the last match: 1, or 0 when the group did not
** take part (or i is out of range). */
int pe_regex_group(const PeRegex *re, int i, size_t *pStart, size_t *pEnd);
/* The same for a group name: 1 set (the first set one among duplicate
** names), 0 did not take part, -1 no group has that name. */
int pe_regex_group_named(const PeRegex *re, const char *zName, size_t nName,
                         size_t *pStart, size_t *pEnd);

/* Iterating over all non-overlapping matches, Perl's rule for empty ones:
** after an empty match the next may not be empty at the same place, and the
** search moves on by whole characters. */
typedef struct PeRegexIter {
  PeRegex *re;
  const char *z;
  size_t n;
  size_t iNext;        /* where the next search starts */
  int lastEmpty;       /* the previous match was empty (and ended at iNext) */
  int done;
  size_t start, end;   /* the current match, after pe_regex_next found one */
} PeRegexIter;
void pe_regex_iter_init(PeRegexIter *it, PeRegex *re, const char *z, size_t n);
int pe_regex_next(PeRegexEnv *env, PeRegexIter *it, int *pFound, char **pzErr);

/* Number of matches, and the text with every match replaced. */
int pe_regex_count(PeRegexEnv *env, PeRegex *re, const char *z, size_t n,
                   long long *pCount, char **pzErr);
int pe_regex_replace(PeRegexEnv *env, PeRegex *re, const PeTemplate *tpl,
                     const char *z, size_t n, struct PeBuf *out, char **pzErr);

/* ---- replacement templates ----
** $0 $1 ${12} $name ${name} insert a group, $$ a dollar, anything else
** (backslashes included) is literal.  A group that did not take part inserts
** nothing; an unknown group or a lone $ is an error naming its offset. */
int pe_template_parse(const PeRegex *re, const char *z, size_t n,
                      PeTemplate **ppTpl, char **pzErr);
/* Append the expansion for the last match of re in subject z. */
int pe_template_expand(const PeTemplate *tpl, const PeRegex *re, const char *z,
                       struct PeBuf *out);
void pe_template_free(PeTemplate *tpl);

/* Append z[0..n) to a message with each invalid UTF-8 byte as U+FFFD, so
** that messages stay UTF-8 whatever the pattern or text held. */
void pe_regex_append_valid_utf8(struct PeBuf *b, const char *z, size_t n);

/* ---- character positions ----
** Characters counted the way SQLite's length() and substr() count them, so
** that substr(text, start, length) gives back the match: a byte below 0x80
** is one character, a byte from 0xC0 up starts one that takes the
** continuation bytes (0x80-0xBF) after it, and a stray continuation byte
** counts alone. */
size_t pe_regex_chars(const char *z, size_t n);

#endif
