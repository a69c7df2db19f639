/*
** utf8.h: UTF-8 decoding and Unicode folding shared by the pure cores.
**
** Decoding never fails: an invalid or truncated sequence decodes as U+FFFD
** and consumes exactly one byte, so byte offsets stay exact and every byte
** of the input is accounted for.
**
** Normalization and case folding come from utf8proc (Debian libutf8proc);
** we only feed it code points and collect them back.
*/
#ifndef PE_UTF8_H
#define PE_UTF8_H
#include <stddef.h>
#include <stdint.h>

struct PeBuf;

#define PE_REPLACEMENT 0xFFFDu

/* Decode the code point at z[0..n) (n>0) into *pc; return bytes used (1..4). */
int pe_utf8_decode(const unsigned char *z, size_t n, uint32_t *pc);
/* Encode c (invalid values become U+FFFD) into a[]; return bytes written. */
int pe_utf8_encode(uint32_t c, char a[4]);
/* Number of code points in z[0..n), counted as pe_utf8_decode steps. */
size_t pe_utf8_count(const char *z, size_t n);
/* Byte offset of the start of the code point that begins after iChar
** characters (0-based), or n when past the end. */
size_t pe_utf8_offset(const char *z, size_t n, size_t iChar);

/* Folding options for pe_fold_append(). */
#define PE_FOLD_NFKC     0x01   /* compatibility decomposition + composition */
#define PE_FOLD_CASE     0x02   /* Unicode full case folding */
#define PE_FOLD_IGNORE   0x04   /* drop default-ignorable code points (soft hyphen, ZWSP...) */
#define PE_FOLD_STRIPMARK 0x08  /* drop combining marks (é -> e) */
#define PE_FOLD_NFC      0x10   /* canonical composition only */

/* Append the folded form of z[0..n) to out (NFKC_Casefold is
** PE_FOLD_NFKC|PE_FOLD_CASE|PE_FOLD_IGNORE).  Returns PE_OK or PE_NOMEM. */
int pe_fold_append(struct PeBuf *out, const char *z, size_t n, unsigned opts);

/* Is z[0..n) ASCII and CJK Unified Ideographs only?  Those are stable under
** NFKC, case folding and mark stripping except for ASCII case, so folding
** such text is a byte copy with A-Z lowered: the cores' fast path. */
int pe_fold_is_trivial(const char *z, size_t n);

/* Character classes used by several cores. */
int pe_is_cjk(uint32_t c);      /* Han (all blocks, compatibility forms), kana, bopomofo */
int pe_is_space(uint32_t c);    /* Unicode White_Space */
int pe_is_word_char(uint32_t c);  /* letter, digit or mark (L*, M*, N*) */
int pe_is_letter(uint32_t c);     /* a letter (L*) */

#endif
