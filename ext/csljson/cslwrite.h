/*
** cslwrite.h: one paper as a CSL-JSON item that citeproc-js and pandoc
** accept: the pure core of csljson_item().
**
** The input is a JSON object of CSL variables, as csljson_entries().fields
** gives them or as SQL builds them with json_object(); what is not CSL yet is
** made CSL:
**   - "id" is written first and is required; "type" second, required, and
**     a BibTeX type (article, inproceedings, phdthesis, ...), a Zotero item
**     type (journalArticle, conferencePaper, preprint, ...) or a RIS type
**     (JOUR, CONF, CHAP, ...) becomes its CSL type (a CSL type is kept: so
**     BibTeX's article stays CSL's article; pass article-journal for it);
**   - a name variable (author, editor, translator, ...) given as a BibTeX
**     name list ('van der Maaten, Laurens and 李 四') becomes name objects
**     (family, given, non-dropping-particle, suffix; literal for a braced
**     name), LaTeX decoded; an array is kept;
**   - a date variable (issued, accessed, ...) given as a number (2020) or
**     'YYYY[-MM[-DD]]' becomes {"date-parts": [[2020, 6, 12]]}; any other
**     text {"raw": ...}; an object is kept;
**   - null and "" members are left out; everything else is kept as given.
*/
#ifndef PE_CSLWRITE_H
#define PE_CSLWRITE_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the item to out.  PE_OK, PE_NOMEM, or PE_ERROR with the reason in pErr. */
int csl_item(PeBuf *out, PeBuf *pErr, const char *zJson, size_t nJson);

#endif
