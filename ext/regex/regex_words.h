/*
** regex_words.h: the word boundary a reader sees in mixed Chinese, Japanese,
** Korean and Latin text (the regexp flag 'w').
**
** With PCRE2_UCP a Han, kana or Hangul character is a word character, like a
** Latin letter or a digit, so in '的loss function' PCRE2 sees one word
** '的loss': '\bloss\b' does not match there, while it does in 'the loss
** function'.  Under the flag, word characters are of two kinds, CJK (the
** scripts Han, Hiragana, Katakana, Hangul) and the others (Latin, Greek,
** digits, '_', ...), and a change of kind is a word boundary:
**   \b   between two characters (or an end) of different kinds, the third
**        kind being "not a word character": 的|loss, loss|的, the|loss;
**   \B   between two of the same kind (两个 Han characters, two letters,
**        two non-word characters);
**   \w with a quantifier (\w+ \w* \w{2,} \w{1,5}, greedy, lazy or
**        possessive) matches a run of one kind: \w+ in '的loss' is '的' and
**        then 'loss'.
** A \w without a quantifier, \W, [\w...] and classes keep PCRE2's meaning.
**
** pe_regex_words_rewrite() does this by rewriting the pattern into one that
** PCRE2 runs as it is, with lookarounds on script properties:
**   \b  ->  (?:(?<=C)(?!C)|(?<=L)(?!L)|(?<!\w)(?=\w))
**   \B  ->  (?:(?<=C)(?=C)|(?<=L)(?=L)|(?<!\w)(?!\w))
**   \wQ ->  (?:CQ|LQ)     (\w* -> (?:C+|L+)?, and so on)
** with C = (?=\w)[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}] (a word
** character of those scripts: PCRE2's \p{Han} also holds the CJK
** punctuation '。' '、', by Script_Extensions) and L = [^\W<those>], the other
** word characters ('ー', a Katakana and Hiragana mark, is CJK).
** It reads the pattern as PCRE2 does where that matters: a \b inside a class
** ([\b] is a backspace), inside \Q...\E, a (?#...) comment or, in extended
** mode (flag x or (?x), for the group it is set in), a '#' comment, is not
** rewritten; group numbers and names do not change (the groups added are
** (?:...)).
*/
#ifndef PE_REGEX_WORDS_H
#define PE_REGEX_WORDS_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the rewritten zPat[0..nPat) to out; *pChanged: something was
** rewritten.  extended: the x flag is set.  PE_OK or PE_NOMEM. */
int pe_regex_words_rewrite(const char *zPat, size_t nPat, int extended,
                           PeBuf *out, int *pChanged);

#endif
