/*
** title.h: the pure core behind title_key(), title_similarity() and
** title_same(): recognizing one paper's title across its spellings.
**
** The key (pe_title_key) is equal for spellings that differ only in form:
**   1. LaTeX decoded when the title holds '\', '{', '}' or '$' (latex.h:
**      {BERT}, Pre-{T}raining, Poincar{\'e}, \emph{x}; math kept as written).
**   2. Hyphenation breaks joined: a letter, '-', white space (a line break
**      or spaces), then a lower-case letter: 'Clus- ter' -> 'Cluster'.  Not
**      before 'and', 'or', 'to', 'nor', 'vs', 'versus' (suspended hyphens:
**      'Self- and Semi-Supervised'), nor before an upper-case letter.
**   3. NFKC, case folded, default-ignorable characters (soft hyphen, zero
**      width space) dropped, accents (combining marks) stripped: é -> e.
**   4. Letters and digits kept; Greek letters spelled out (β -> beta, as
**      $\beta$ reads); apostrophes and the math marks '$', '_', '^' dropped
**      ("Don't" -> dont, $L_1$ -> l1);
**      '&' (and HTML's '&amp;') read as 'and'; '×' between digits read as 'x' (1×1); every other character (dashes of every kind,
**      punctuation, symbols, white space) is a word break; breaks collapse to
**      one space, none at either end.  Between CJK characters, and between
**      a CJK character and anything, there is no space (Chinese titles are
**      written with and without spaces around Latin words).
**
** Similarity (pe_title_similarity) compares two keys word by word:
**   - words are weighted: 1 for content words, 0.2 for function words
**     ('a', 'the', 'of', 'for', ...: the list is in title.c); a CJK
**     character is a word of its own;
**   - a word matches the same word, or one at edit distance 1 when both
**     have 5 letters or more (typos: 'recogntion', 'learningp'), or a
**     plural ('network'/'networks');
**   - the score is the weighted Dice coefficient of the matched words,
**     2*matched / (weight(a) + weight(b)), in 0.0..1.0;
**   - a leading 'Name:' part (an acronym added in citations, 'SimCLR: A
**     Simple Framework ...') is also tried away, and the better score kept,
**     times 0.97 so that the exact title still scores higher.
** Two titles are the same paper when the score is >= PE_TITLE_SAME
** (calibrated on tests/data/title_pairs.tsv: see README).  One different
** content word in a short title, or two extra content words, fall below it.
*/
#ifndef PE_TITLE_H
#define PE_TITLE_H
#include <stddef.h>
#include "common/strbuf.h"

#define PE_TITLE_SAME 0.90

/* Append the key of the title z[0..n) to out.  PE_OK or PE_NOMEM. */
int pe_title_key(PeBuf *out, const char *z, size_t n);

/* Similarity of two titles (raw, not keys) in 0.0..1.0; -1.0 on OOM.
** Two titles whose keys are empty score 1.0 if both are, else 0.0. */
double pe_title_similarity(const char *zA, size_t nA, const char *zB, size_t nB);

#endif
