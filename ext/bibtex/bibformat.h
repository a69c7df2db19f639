/*
** bibformat.h: one entry as BibTeX text, the pure core of bibtex_format().
**
**   @article{key,
**     author  = {...},
**     journal = {...}
**   }
**
** Fields come from a JSON object (as bibtex_entries().fields gives it), in
** its order; names are written as given, values braced, the '=' signs
** aligned, two spaces of indent.  Parsing the output gives back the same
** type, key and fields: so the formatter refuses what BibTeX could not read
** back (a value with unbalanced braces, a key with a comma or white space,
** a name with characters BibTeX does not allow).  A JSON null is skipped;
** numbers and true/false are written as their text.
*/
#ifndef PE_BIBFORMAT_H
#define PE_BIBFORMAT_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the entry to out.  PE_OK, PE_NOMEM, or PE_ERROR with the reason
** in pErr (its own text, NUL-terminated). */
int bib_format(PeBuf *out, PeBuf *pErr,
               const char *zType, size_t nType,
               const char *zKey, size_t nKey,
               const char *zJson, size_t nJson);

#endif
