/*
** venue.h: recognize the venue and year in a raw venue string (pure core).
**
**   'nips2020', "NeurIPS'20", 'Advances in Neural Information Processing
**   Systems 33'                                  -> NeurIPS, 2020, conference
**   'Proc. of the 37th International Conference on Machine Learning'
**                                                -> ICML, 2020, conference
**   'CVPR Workshops'                             -> CVPR, workshop
**   'arXiv preprint arXiv:2008.02496'            -> arXiv, 2020, preprint
**
** The text is folded (NFKC, marks removed), cut into words, filler words
** dropped and abbreviations mapped to stems (data/venue_words.tsv); then
** the longest alias of the catalog (venue_catalog.h) found anywhere in the
** words names the venue.  ext/venue/README.md states every rule.
**
** Users may add aliases and venues of their own in a PeVenueOverlay; its
** aliases win over the catalog's.
*/
#ifndef PE_VENUE_H
#define PE_VENUE_H
#include <stddef.h>
#include "venue_catalog.h"
#include "common/strbuf.h"

/* What pe_venue_parse() found.  Strings point into the catalog or the
** overlay and live as long as they do; NULL when not known. */
typedef struct PeVenueInfo {
  const char *zAcronym;
  const char *zName;
  int eKind;              /* PE_VK_*, PE_VK_NONE when unknown */
  int year;               /* 0 when the text does not determine one */
  int isUser;             /* the strings belong to the overlay, not the catalog */
  int iCatalog;           /* the catalog entry (pe_venue_table), -1 when none */
} PeVenueInfo;

typedef struct PeVenueOverlay PeVenueOverlay;

/* Venue strings are short: a longer text is refused (PE_TOOBIG) rather
** than tokenized (the token arrays take a few times its size). */
#define PE_VENUE_MAX_TEXT (1<<20)

/* Parse z[0..n).  ov may be NULL.  Returns PE_OK, PE_NOMEM, or PE_TOOBIG
** when n > PE_VENUE_MAX_TEXT. */
int pe_venue_parse(const PeVenueOverlay *ov, const char *z, size_t n, PeVenueInfo *pOut);

/* The title of the proceedings a paper of the venue pOut describes appears
** in, for a BibTeX booktitle: the catalog's template (venue_aliases.tsv) with
** the year and edition filled in where known ('Proceedings of the 37th
** International Conference on Machine Learning'), a journal's full name.
** Appended to pBuf; nothing is appended when it is unknown (*pKnown 0).
** PE_OK or PE_NOMEM. */
int pe_venue_proceedings(const PeVenueInfo *v, PeBuf *pBuf, int *pKnown);

/* 'conference', 'journal', 'workshop', 'preprint'; NULL for PE_VK_NONE. */
const char *pe_venue_kind_name(int eKind);
/* The PE_VK_* of a kind name, -1 when it is not one. */
int pe_venue_kind_from_name(const char *z);

/* The catalog entry with this acronym (exact spelling), -1 when none. */
int pe_venue_find_acronym(const char *z);

/* A per-connection memo of recent results: venue columns repeat the same
** strings over and over.  Direct-mapped on a hash of the text; texts longer
** than PE_VENUE_CACHE_TEXT bytes are not kept.  Clear it whenever the overlay
** changes (results point into it). */
#define PE_VENUE_CACHE_SLOTS 1024
#define PE_VENUE_CACHE_TEXT  176
typedef struct PeVenueCache PeVenueCache;
PeVenueCache *pe_venue_cache_new(void);               /* NULL on OOM */
void pe_venue_cache_free(PeVenueCache *c);
void pe_venue_cache_clear(PeVenueCache *c);
/* pe_venue_parse() through the cache (c may be NULL: no cache). */
int pe_venue_parse_cached(PeVenueCache *c, const PeVenueOverlay *ov, const char *z, size_t n,
                          PeVenueInfo *pOut);

/* User venues and aliases.  A user table is data, not code: it is held to
** PE_VENUE_USER_MAX_ROWS rows and PE_VENUE_USER_MAX_BYTES bytes of text
** (alias + acronym + name + kind), and a row past either is refused with
** PE_TOOBIG and a message naming the limit. */
#define PE_VENUE_USER_MAX_ROWS  100000
#define PE_VENUE_USER_MAX_BYTES (16<<20)
PeVenueOverlay *pe_venue_overlay_new(void);          /* NULL on OOM */
void pe_venue_overlay_free(PeVenueOverlay *ov);
int pe_venue_overlay_count(const PeVenueOverlay *ov); /* venues defined */
/* Add one row: zAlias may be NULL (the acronym alone is its alias);
** zName/zKind NULL keep the catalog's (or nothing, for a new venue).
** Returns PE_OK, PE_NOMEM, or PE_ERROR / PE_TOOBIG with a message in
** zErr[nErr]. */
int pe_venue_overlay_add(PeVenueOverlay *ov, const char *zAlias, const char *zAcronym,
                         const char *zName, const char *zKind, char *zErr, size_t nErr);
/* The i-th venue of the overlay (0 <= i < count), as pe_venue_parse reports it. */
void pe_venue_overlay_venue(const PeVenueOverlay *ov, int i, PeVenueInfo *pOut,
                            const char **pzAliases);

#endif
