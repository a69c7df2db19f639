/*
** regex_litset.h: fast searches for literal patterns and sets of literals.
**
** A pattern without metacharacters is found by memchr() on its rarest byte
** (by a table of typical byte frequencies in English, LaTeX and Chinese
** UTF-8 text) and a memcmp() around each hit: on short notes that is several
** times faster than memmem(), whose set-up cost is paid on every row.
**
** A pattern such as (?i)bert|gpt|llama, or transformer|注意力, can only
** match where one of its alternatives occurs.  PCRE2's JIT has no SIMD
** start-up scan for more than two possible first characters and tries the
** pattern at every b, g or l of an English note; this scan instead compares
** the first and last byte of every literal, 16 positions at a time (GCC
** vector extensions: SSE2 on x86-64, NEON on ARM, plain C elsewhere), checks
** the rare candidates in full, and hands PCRE2 only the place where a match
** can start.  PCRE2 still decides the match itself, so its semantics (which
** alternative wins, group offsets) are unchanged.
**
** Case-insensitive sets are accepted only when every literal is printable
** ASCII without k or s: under PCRE2_UCP those two letters also match
** U+212A KELVIN SIGN and U+017F LONG S, which a byte compare would miss.
** Every other ASCII character matches only itself and its ASCII case
** partner (tests/unit/test_regex.c checks this against PCRE2 for every
** code point).
*/
#ifndef PE_REGEX_LITSET_H
#define PE_REGEX_LITSET_H
#include <stddef.h>

#define PE_LITSET_MAX 8             /* more alternatives: left to PCRE2 */
#define PE_LITSET_MAX_LEN 64        /* longer literals: left to PCRE2 */
#define PE_LITSET_NONE ((size_t)-1)

typedef struct PeLitSet {
  int n;                            /* literals; 0: the pattern is not a set */
  int caseless;
  const char *az[PE_LITSET_MAX];    /* into the pattern (not NUL-terminated) */
  size_t an[PE_LITSET_MAX];
  size_t maxLen;
} PeLitSet;

/* A single literal: the offset of its rarest byte, chosen once. */
size_t pe_literal_rare_byte(const char *zLit, size_t nLit);
/* The first occurrence of zLit[0..nLit) (nLit>0) in z[iFrom..n), or
** PE_LITSET_NONE; iRare as given by pe_literal_rare_byte. */
size_t pe_literal_find(const char *zLit, size_t nLit, size_t iRare,
                       const char *z, size_t iFrom, size_t n);

/* Is zPat (with caseless/extended flags) an alternation of 1 to
** PE_LITSET_MAX non-empty literals, optionally after a leading (?i)?
** Fills *p (pointing into zPat, which must outlive it) and returns 1. */
int pe_litset_parse(const char *zPat, size_t nPat, int caseless, int extended, PeLitSet *p);

/* The first position at or after iFrom where one of the literals occurs
** in z[0..n), or PE_LITSET_NONE. */
size_t pe_litset_find(const PeLitSet *p, const char *z, size_t iFrom, size_t n);

#endif
