/*
** citekey.h: a citation key in the common lastname2020firstword style, the
** pure core of cite_key().
**
** The first author's last name (its first word for a literal name like
** {World Health Organization}; the von part is left out, as Google Scholar
** does: van der Maaten -> maaten), the first run of digits of the year, and
** the first word of the title that is not a stop word; each with LaTeX
** decoded, folded to lowercase ASCII (ü -> u, ß -> ss, ø -> o) and cut to
** its letters and digits.  Without an author the title gives the name part
** (attention2017you), without either the key is "anon".  CJK text is
** romanized first (romanize.h).
*/
#ifndef PE_CITEKEY_H
#define PE_CITEKEY_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the key to out (any text may be NULL).  PE_OK or PE_NOMEM. */
int bib_cite_key(PeBuf *out, const char *zAuthor, size_t nAuthor,
                 const char *zYear, size_t nYear, const char *zTitle, size_t nTitle);

#endif
