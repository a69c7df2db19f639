/*
** fts_query.h: turn what a user typed into a safe FTS5 MATCH expression.
**
** The rules (the expression never has a syntax error, whatever the input):
**   - Words are separated by white space (and NUL) and by full-width (CJK)
**     punctuation such as ，。、「」（）！？; "double quotes" group a phrase
**     (an unterminated quote runs to the end of the text).
**   - Every word or phrase becomes a quoted FTS5 string, so punctuation,
**     column filters (a:b), parentheses, ^, + and - are plain text that the
**     tokenizer splits as usual; a run of Chinese is thus one phrase.
**   - A word ending in * is a prefix query: bert* -> "bert"*.
**   - AND, OR, NOT (upper case, standing alone) are FTS5's operators
**     (precedence NOT > AND > OR); adjacent terms are ANDed.  An operator
**     with no term on one side is dropped; of several in a row the last
**     wins.  Lower-case and, or, not are ordinary words.
**   - A word or phrase with no letter, digit or CJK character is dropped.
**   - Nothing left gives "" (matches no row).
*/
#ifndef PE_FTS_QUERY_H
#define PE_FTS_QUERY_H
#include <stddef.h>

struct PeBuf;

/* Append the expression for z[0..n) to out.  Returns PE_OK or PE_NOMEM. */
int pe_fts_query(struct PeBuf *out, const char *z, size_t n);

#endif
