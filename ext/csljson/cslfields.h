/*
** cslfields.h: what csljson_entries() derives from a CSL-JSON item (node 0
** of a PeJson), the pure core.
**
**   title      "title"
**   author     "author" as a BibTeX name list, 'family, given and ...':
**              particles before the family name ('van der Maaten, Laurens'),
**              a suffix as BibTeX's Jr part ('Ford, Jr., Henry'), a literal
**              name braced ('{World Health Organization}'); editor: "editor"
**   issued     'YYYY[-MM[-DD]]' from "date-parts" (numbers or digit strings),
**              "raw" (its leading ISO date, else its year), an EDTF string;
**              "literal" as written; year: its year
**   venue      "container-title", else "event-title", "event", "collection-title"
**   doi        "DOI" (canonical, as doi()), else a doi.org "URL"
**   arxiv      from "URL" (arxiv.org), "DOI" (10.48550/arXiv.X), "number" or
**              "archive_location" when "publisher"/"archive" is arXiv, or
**              'arXiv:' in "note"
**   keywords   "keyword" split at ',' and ';' (CSL holds one string), a JSON array
*/
#ifndef PE_CSLFIELDS_H
#define PE_CSLFIELDS_H
#include "common/pejson.h"
#include "common/strbuf.h"

/* Each appends the value to out: 1, 0 when there is none, -1 on OOM. */
int csl_string(const PeJson *j, const char *zKey, PeBuf *out);    /* a string or number member */
int csl_names(const PeJson *j, const char *zKey, PeBuf *out);
int csl_date(const PeJson *j, const char *zKey, PeBuf *out);
int csl_year(const PeJson *j, const char *zKey, long *pYear);     /* 1 with *pYear, or 0 */
int csl_venue(const PeJson *j, PeBuf *out);
int csl_doi(const PeJson *j, PeBuf *out);
int csl_arxiv(const PeJson *j, PeBuf *out);
int csl_keywords(const PeJson *j, PeBuf *out);

/* One CSL name object (node iName) as a BibTeX name. */
int csl_name_bibtex(const PeJson *j, int iName, PeBuf *out);

#endif
