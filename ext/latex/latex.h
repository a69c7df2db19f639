/*
** latex.h: LaTeX text to Unicode, the pure decoder behind latex_to_unicode().
**
** Decodes what bibliographies write in text mode: accents in every brace style
** ({\"u}, \"{u}, \"u, \v s), special letters ({\ss}, \o, \aa, \L), escaped
** specials (\& \% \_ \$ \# \{ \}), symbols (\textendash, \S, \dag, ...), the
** ligatures -- --- `` '' and ~ (no-break space), and font commands (\emph{x},
** {\em x}: the text stays, the command goes).  Case-protecting braces are
** removed.  Math ($...$, $$...$$, \(...\), \[...\], \ensuremath{...}) is left
** exactly as written, and so is a command the table does not know (with any
** braces right after it), so nothing is lost.  The output is NFC.
**
** The commands are data: ext/latex/data/latex_symbols.tsv, compiled into
** latex_table_generated.h by gen/gen_latex.py.
*/
#ifndef PE_LATEX_H
#define PE_LATEX_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the decoded, NFC-normalized form of z[0..n) to out.
** Returns PE_OK or PE_NOMEM.  Never fails on bad input: unbalanced braces
** and unterminated math are kept or dropped, never read past n. */
int pe_latex_to_unicode(PeBuf *out, const char *z, size_t n);

/* Might the decoder change z[0..n) (a backslash, brace, $, ~, a -- or
** quote ligature, or a character from U+0300 up, where NFC may act)?  A
** cheap test so callers can skip decoding plain text. */
int pe_latex_needs_decoding(const char *z, size_t n);

#endif
