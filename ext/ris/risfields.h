/*
** risfields.h: what ris_entries() derives from a RIS record (the pure core).
**
**   title      TI, else T1, else CT (else BT for a BOOK)
**   author     AU and A1 lines, in order, as a BibTeX name list joined by
**              ' and ' ('Shannon, Claude E.'; 'Ford, Henry, Jr.' becomes
**              BibTeX's 'Ford, Jr., Henry'; 'K. He' stays as written)
**   editor     ED and A2 lines, the same way
**   year       the first four-digit year of PY, else Y1, else DA
**   date       'YYYY[-MM[-DD]]' from DA, PY or Y1 in the shapes exporters
**              write: '2020///', '2020/06/12/', '2020/06//Spring', '2020-06-12',
**              '2020', 'June 2020', 'Jun. 12, 2020' (a DA with only a month,
**              'July', takes PY's year)
**   venue      T2, else JF, JO, BT (not for a BOOK), JA, J2
**   pages      SP, or 'SP-EP'
**   doi        DO (or DI), else M3 or N1 holding one, else a doi.org UR/L2/L3
**   arxiv      from UR, L1, L2, DO (10.48550/arXiv.X), or 'arXiv:' in JO, T2, N1, M3
**   url        UR, else L2
**   keywords   every KW as a JSON array
**   abstract   AB, else N2;  note: the N1 lines joined by a blank line
**   fields     every tag but TY and ER as a JSON object, a tag given more
**              than once as an array of its values, in order
*/
#ifndef PE_RISFIELDS_H
#define PE_RISFIELDS_H
#include "ris.h"

/* Each appends the value to out: 1, 0 when there is none, -1 on OOM. */
int ris_title(const RisRecord *r, PeBuf *out);
int ris_names(const RisRecord *r, int bEditors, PeBuf *out);
int ris_year(const RisRecord *r, long *pYear);           /* 1 with *pYear, or 0 */
int ris_date(const RisRecord *r, PeBuf *out);
int ris_venue(const RisRecord *r, PeBuf *out);
int ris_pages(const RisRecord *r, PeBuf *out);
int ris_doi(const RisRecord *r, PeBuf *out);
int ris_arxiv(const RisRecord *r, PeBuf *out);
int ris_url(const RisRecord *r, PeBuf *out);
int ris_list_json(const RisRecord *r, const char *zTag, PeBuf *out);   /* always 1 ([] when none) */
int ris_joined(const RisRecord *r, const char *zTag, const char *zSep, PeBuf *out);
int ris_value(const RisRecord *r, const char *zTag, const char *zElse, PeBuf *out);
int ris_fields_json(const RisRecord *r, PeBuf *out);

#endif
