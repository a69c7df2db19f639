/*
** bibids.h: the identifiers bibtex_entries() lifts out of an entry's
** fields: its DOI, its arXiv identifier and its URL, cleaned of BibTeX
** escapes (\_ \% \& \# \~ \$), braces and resolver prefixes.
*/
#ifndef PE_BIBIDS_H
#define PE_BIBIDS_H
#include "bibtex.h"
#include "common/strbuf.h"

/* Each appends the identifier to out and returns 1, or returns 0 (nothing
** appended) when the entry has none.  On OOM out->oom is set. */

/* The doi field (without https://doi.org/, doi: ...), else a doi.org URL. */
int bib_entry_doi(const BibEntry *e, PeBuf *out);
/* The arXiv identifier without its version (2001.08361, hep-th/9901001):
** from eprint (when archiveprefix/eprinttype is arXiv, or it looks like
** one), an arxiv.org URL, a 10.48550/arXiv.* DOI, or "arXiv:ID" in the
** journal, note, volume or howpublished field (as Google Scholar writes it). */
int bib_entry_arxiv(const BibEntry *e, PeBuf *out);
/* The url field, cleaned. */
int bib_entry_url(const BibEntry *e, PeBuf *out);

/* Append z[0..n) without braces and with \_ \% \& \# \~ \$ unescaped. */
void bib_unescape(PeBuf *out, const char *z, size_t n);

#endif
