/*
** title_words.h: what the title comparison knows about the words of a key
** (pe_title_key's output: words of lower-case letters and digits separated
** by one space, CJK characters each a word of their own).
**
**   - function words ('a', 'the', 'of', 'for', ...) and lone letters weigh
**     PE_TITLE_FUNCTION_WEIGHT, other words 1 (content words);
**   - the numbers of a key: every run of digits (in order, leading zeros
**     dropped: 'gpt 4' and 'gpt4' both give 4, '1x1' gives 1, 1), and every
**     Roman numeral written as a word: ii to xxxix, or i, v, x after 'part',
**     'vol', 'volume', 'chapter', 'book', 'phase', 'stage' or 'type' (as its
**     value: 'part ii' and 'part 2' have the same numbers).  Two titles whose
**     numbers differ name different works (X / X 2, Part I / Part II,
**     YOLOv3 / YOLOv4).
*/
#ifndef PE_TITLE_WORDS_H
#define PE_TITLE_WORDS_H
#include <stddef.h>

#define PE_TITLE_FUNCTION_WEIGHT 0.2

int pe_title_is_function_word(const char *z, size_t n);
/* The weight of the key word z[0..n). */
double pe_title_word_weight(const char *z, size_t n);
/* Do the keys ka and kb have the same numbers, in the same order? */
int pe_title_numbers_equal(const char *ka, size_t na, const char *kb, size_t nb);
/* Has the key a word that is a number (all digits, or a Roman numeral)? */
int pe_title_has_number_word(const char *k, size_t n);
/* The number of content words of the key (weight 1). */
int pe_title_content_words(const char *k, size_t n);
/* Is the first content word of the key a genre ('survey', 'review',
** 'overview', 'tutorial', 'primer', 'introduction')? */
int pe_title_starts_with_genre(const char *k, size_t n);

#endif
