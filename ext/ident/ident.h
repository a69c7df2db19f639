/*
** ident.h: the pure core behind arxiv_id(), arxiv_version(), doi(),
** arxiv_url() and doi_url(): finding paper identifiers in any text.
**
** arXiv ids (https://info.arxiv.org/help/arxiv_identifier.html):
**   new style  YYMM.NNNN  (0704 to 1412, 4 digits) and YYMM.NNNNN (1501 on),
**              month 01..12; a year/digit-count mismatch is not an id.
**   old style  archive[.SC]/YYMMNNN, 9107 to 0703, archive one of arXiv's
**              (hep-th, math, cs, cond-mat, astro-ph, ...), written in lower
**              case as arXiv does; kept as written ('math.GT/0309136').
**   An optional version 'vN' follows.  The id is found bare, after
**   'arXiv:', in abs/pdf/html URLs ('.pdf' and the version allowed) and in
**   the arXiv DOI 10.48550/arXiv.YYMM.NNNNN.
**   Against false positives: a new-style id must not touch a letter, digit
**   or '.' on its left (only "arXiv." may precede it) and no digit or
**   ".digit" on its right, so '1.2.3', '3.1415926', '2020.12345' (month 20),
**   '10.1109/CVPR42600.2020.00975' and IP addresses are not ids.
**
** DOIs (https://www.doi.org/the-identifier/resources/handbook):
**   '10.' + registrant digits ('.'-separated parts allowed) + '/' + suffix,
**   not preceded by a letter or digit (but after an escaped '/', %2F, as in
**   a URL passed as a query parameter).  Whatever comes before '10.' (doi:,
**   https://doi.org/, dx.doi.org, a bib field) is not part of it.
**   The suffix runs to white space, a quote, '{', '}', '|', '\', a URL's
**   '?' query or '#' fragment ('&' too when the DOI's '/' is written %2F), a non-ASCII character (so '。' or '，' after
**   it in Chinese text ends it), or a closing ')', ']' or '>' without its opener
**   (balanced brackets inside, as in 10.1016/S0140-6736(20)30183-5, stay).
**   Trailing . , ; : ! ? are trimmed.  In the URLs of hosts that write
**   more than the DOI after it, that part is the URL's: bioRxiv and medRxiv
**   (biorxiv.org/content/10.1101/2021.03.19.436227v2.full.pdf: their DOIs
**   are digits and dots, the version and the view are the URL's), Springer's
**   PDFs (link.springer.com/content/pdf/<doi>.pdf) and Frontiers' views
**   (frontiersin.org/articles/<doi>/full, /pdf, /abstract, /text).  Elsewhere
**   a suffix is kept as written ('10.5281/zenodo.1234v2').  %XX escapes are decoded (doi.org and
**   publisher URLs write '/' as %2F), then the DOI is lowercased (DOIs are
**   case-insensitive).  An escape stays (lowercased) when its character would
**   end or change the DOI where the result is read again (a closer without
**   its opener, a stop character, a '%' before two hex digits), so the DOI
**   found in a DOI is that DOI: doi(doi(x)) = doi(x).
*/
#ifndef PE_IDENT_H
#define PE_IDENT_H
#include <stddef.h>
#include "common/strbuf.h"

/* The first arXiv id in z[0..n): 1 when found, with the id (no version) at
** z[*piId .. *piId + *pnId) and the version in *pVersion (0 when none);
** 0 when there is none.  Allocates nothing. */
int pe_arxiv_find(const char *z, size_t n, size_t *piId, size_t *pnId, int *pVersion);

/* The first DOI in z[0..n), canonical (decoded, lowercased), appended to
** out: 1 when found, 0 when none, -1 on OOM. */
int pe_doi_find(const char *z, size_t n, PeBuf *out);

/* https://arxiv.org/abs/<id>[v<version>] (version 0: none). PE_OK/PE_NOMEM. */
int pe_arxiv_url(PeBuf *out, const char *zId, size_t nId, int version);

/* https://doi.org/<doi>, with the characters a URL cannot hold as such
** (space, " # % < > ? \ ^ ` { | } and non-ASCII) percent-encoded. */
int pe_doi_url(PeBuf *out, const char *zDoi, size_t nDoi);

#endif
