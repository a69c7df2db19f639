/*
** romanize.h: Chinese, Japanese and Korean text in ASCII letters, for
** citation keys (the pure core behind cite_key()'s CJK keys).
**
**   Han characters   Mandarin pinyin, from Unihan's kMandarin (its first,
**                    customary reading), tones dropped, ü as v: 张 -> zhang,
**                    吕 -> lv.  A family name's first character takes its
**                    reading as a surname where that differs (曾 zeng,
**                    单 shan, 解 xie, 区 ou, 查 zha, 仇 qiu, 乐 yue, ...).
**   kana             Hepburn: きゃ kya, しゃ sha, っ doubles the next
**                    consonant (がっこう gakkou), ー is dropped, ティ ti, ファ fa.
**   Hangul           Revised Romanization, computed from the syllable's jamo
**                    (영상 yeongsang); a family name's first syllable as
**                    Koreans usually write it (김 Kim, 이 Lee, 박 Park, 최 Choi).
**
** Japanese kanji are read as Mandarin too (山田 -> shantian): which Japanese
** reading a kanji takes cannot be told from the character alone.
**
** In a title (bTitle) a run of Han characters is cut into words of two
** characters (the most common length of a Chinese word: 信息茧房 -> xinxi
** jianfang), a kana run is one word, Hangul words are the space-separated
** ones; words are separated by spaces.  Other characters are copied as they are.
*/
#ifndef PE_ROMANIZE_H
#define PE_ROMANIZE_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the romanization of z[0..n) to out.  bFamily: z is a family name.
** PE_OK or PE_NOMEM. */
int bib_romanize(PeBuf *out, const char *z, size_t n, int bFamily, int bTitle);

#endif
