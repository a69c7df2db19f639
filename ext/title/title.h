/*
** title.h: the pure core behind title_key(), title_similarity() and
** title_same(): recognizing one paper's title across its spellings.
**
** The key (pe_title_key) is equal for spellings that differ only in form:
**   0. HTML read as text (title_html.h): character references decoded
**      ('Don&#x2019;t', 'Schr&ouml;dinger', '&#46;'), inline tags dropped
**      ('<i>De novo</i>').
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
**      '&' (and a doubly escaped '&amp;amp;') read as 'and'; '×' between
**      digits read as 'x' (1×1); every other character (dashes of every kind,
**      punctuation, symbols, white space) is a word break; breaks collapse to
**      one space, none at either end.  Between CJK characters, and between
**      a CJK character and anything, there is no space (Chinese titles are
**      written with and without spaces around Latin words).
**
** Similarity (pe_title_keys_similarity, title_match.c) compares two keys
** word by word:
**   - words are weighted: 1 for content words, 0.2 for function words
**     ('a', 'the', 'of', 'for', ...) and lone letters (title_words.c); a CJK
**     character is a word of its own;
**   - a word matches the same word, or a close one: a plural
**     ('network'/'networks'); one edit apart (typos, for words of 3+ letters
**     with one of 4+: 'recogntion'); the same first 7 letters or more with at
**     most two different ones after ('principle'/'principal'); the same
**     American spelling, or one edit from it ('colourisation'/'colorization',
**     'modelling'/'modeling', 'centre'/'center'); an abbreviation
**     ('nets'/'networks', not a comparative: 'fast'/'faster'); an acronym of
**     the other side's words; two neighbours the other writes as one word.
**     Never when the words hold digits ('YOLOv3'/'YOLOv4');
**   - the score is the weighted Dice coefficient of the matched words,
**     2*matched / (weight(a) + weight(b)), in 0.0..1.0, times 0.85 when the
**     two keys' numbers differ (title_words.h: 'X' / 'X 2', 'Part I' /
**     'Part II'): another work, below PE_TITLE_SAME whatever the words.
**
** Titles (pe_title_similarity, title_compare.c) are compared whole, and
** through the shorter titles they stand for (title_parts.h): without a
** leading 'Name:' of one or two words, without a subtitle or a
** parenthetical ('Soft Actor-Critic: Off-Policy ...', '... Models (DDIM)'),
** or both.  A variant of one title is compared with the other, whole (never
** two variants: 'X: A' and 'X: B' are not the same by their common 'X'), and
** its score counts times 0.97 per part cut, so that the exact title still
** scores higher.  A cut subtitle counts for title_same only when what is kept
** is more than one plain word: two content words ('Swin Transformer'), or
** one coined word ('YOLOv3', 'ImageNet', 'BERT') or with a cut of one word;
** and not when the subtitle starts with a genre ('Deep Learning: A Survey'
** is not 'Deep Learning').  A cut that holds a number ('Part II', ': 2') is
** never made.
** Two titles are the same paper when the score is >= PE_TITLE_SAME
** (calibrated on tests/data/title_pairs.tsv: see README).  One different
** content word in a short title, or two extra content words, fall below it.
**
** The relation (pe_title_relation) names how two titles compare, for a
** record-level merge that also weighs authors, year and type:
**   PE_TITLE_EQUAL     equal keys: the same title, spelled differently;
**   PE_TITLE_SUBTITLE  one is the other plus a part (a subtitle, a
**                      parenthetical, a leading name): some variant of one
**                      scores PE_TITLE_SAME or more against the other, with
**                      no distinctiveness rule ('Deep Learning' / 'Deep
**                      Learning: A Review' is a subtitle pair, not same);
**   PE_TITLE_SIMILAR   otherwise title_same: typos, plurals, acronyms...;
**   PE_TITLE_DIFFERENT none of these.
**
** Blocking keys (pe_title_keys, title_keys.c) find candidate duplicates
** through an index, without comparing a title with every other: a JSON
** array of strings, each "<tag>:<text>":
**   "t:<key>"        the title's key;
**   "m:<key>"        the key of its main title (pe_title_main; the whole
**                    title when it has no subtitle), and when the title has a
**                    leading name, the keys of the title after it and of that
**                    title's main title;
**   "a:<words>", "z:<words>"  the first and the last h words of the key, for
**                    h = floor(w/2) and floor((w-1)/2) of its w words
**                    (h >= 2, so for keys of 4 words or more); the same for
**                    the key of the main title.
** Guarantees: two titles share a key when their keys are equal (t:), when
** their main titles have equal keys or one is the other after a leading
** name (m:: 'X', 'X: a subtitle', 'X (ACR)', 'Name: X'), and when their keys
** differ in one word (a typo, a British spelling, a plural...): the same
** number of words w >= 4 with one replaced, or one word more or less with
** w >= 4 words in the shorter (a: or z:, one half holds no change); and so
** when one title's main title and the other (or its main title) differ so.
** Not guaranteed: changes in both halves, a typo in a title of three
** words or fewer.
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

/* Similarity of two keys (pe_title_key's output), as above; -1.0 on OOM. */
double pe_title_keys_similarity(const char *ka, size_t na, const char *kb, size_t nb);

#define PE_TITLE_DIFFERENT 0
#define PE_TITLE_EQUAL     1
#define PE_TITLE_SUBTITLE  2
#define PE_TITLE_SIMILAR   3

/* The relation of two titles into *pRel (PE_TITLE_*), and, when
** pSimilarity is not NULL, pe_title_similarity's value into it (in the
** same pass: the merge needs both).  PE_OK or PE_NOMEM. */
int pe_title_relation(const char *zA, size_t nA, const char *zB, size_t nB, int *pRel,
                      double *pSimilarity);

/* Append the blocking keys of the title z[0..n) to out, a JSON array of
** strings.  PE_OK or PE_NOMEM. */
int pe_title_keys(PeBuf *out, const char *z, size_t n);

#endif
