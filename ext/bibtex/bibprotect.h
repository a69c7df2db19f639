/*
** bibprotect.h: a title's case protected the way Better BibTeX does it, the
** pure core of bibtex_protect().
**
** BibTeX styles change a title to sentence case ('Convbert: improving bert
** with ...'); braces keep what they hold as written.  Protected: the words
** that case matters for, and only those (never the whole title, which would
** stop the style from case-changing it at all):
**   - a word with a capital letter after its first character: ConvBERT,
**     BERT, iPhone, GANs, ResNet, 3D, t-SNE's SNE;
**   - a hyphenated word any part of which is such a word, or a single capital
**     letter (U-Net, X-ray): the word is braced whole ({ResNet-50}, {U-Net});
** Words are runs of letters and digits (Unicode case), joined by '-' or an
** apostrophe.  Not touched: words in title case ('Improving', 'Span-based',
** 'Self-Supervised'), one-letter words ('A', 'I'), text already in braces
** ({BERT}, {\"u}), LaTeX commands (\emph), math ($...$).
*/
#ifndef PE_BIBPROTECT_H
#define PE_BIBPROTECT_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the protected title to out.  PE_OK or PE_NOMEM. */
int bib_protect(PeBuf *out, const char *z, size_t n);

#endif
