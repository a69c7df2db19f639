/*
** latexescape.h: text that is not LaTeX made safe to put in LaTeX or BibTeX,
** the pure core of latex_escape().
**
**   & % # _ $      -> \& \% \# \_ \$
**   { }            -> \textbraceleft{} \textbraceright{} (a \{ would upset
**                     BibTeX's brace counting)
**   ~ ^ \          -> \textasciitilde{} \textasciicircum{} \textbackslash{}
**   non-ASCII      kept as UTF-8 (biber, or bibtex with a UTF-8 document), or,
**                  with bAscii, written as LaTeX: {\"u}, {\'e}, {\v{s}}, {\ss},
**                  {\o}, -- for an en dash, ``...'' for curly quotes, the
**                  symbols latex_to_unicode() knows (ext/latex/data); a
**                  character LaTeX has no text command for (CJK, Greek) stays
**                  UTF-8.  NFC first, so a decomposed é is one letter.
** Line breaks and tabs are kept; other control characters become spaces.
*/
#ifndef PE_LATEXESCAPE_H
#define PE_LATEXESCAPE_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the escaped text to out.  PE_OK or PE_NOMEM. */
int pe_latex_escape(PeBuf *out, const char *z, size_t n, int bAscii);

#endif
