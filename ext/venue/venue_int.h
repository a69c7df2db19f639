/*
** venue_int.h: what the venue core's files share (not for the bindings).
**
**   venue.c          parse a raw venue string; match the overlay's aliases
**   venue_overlay.c  the user's venues and aliases (PeVenueOverlay)
**   venue_cache.c    the per-connection memo of recent results
*/
#ifndef PE_VENUE_INT_H
#define PE_VENUE_INT_H
#include <stdint.h>
#include "common/strbuf.h"

typedef struct UserVenue {
  char *zAcronym, *zName; /* zName NULL: the catalog's, if any */
  int eKind;              /* -1: the catalog's */
  int iCatalog;           /* -1 when the acronym is new */
  int nextAcronym;        /* next venue in the same acronym bucket, -1 */
  PeBuf aliases;          /* '|'-separated as given */
} UserVenue;

typedef struct UserAlias {
  int iVenue;             /* into aVenue */
  int nTok;
  char *zToks;            /* nTok NUL-terminated canonical words, back to back */
  size_t nToks;           /* bytes at zToks */
  uint32_t hFirst, hAll;  /* pe_venue_hash of the first word and of all of them */
  int nextFirst;          /* next alias in the same first-word bucket, -1 */
  int nextAll;            /* next alias in the same all-words bucket, -1 */
} UserAlias;

/* Three chained hash tables share one bucket count (a power of two, at least
** the aliases plus venues): aliases by first word (matching a text
** costs one lookup per word), aliases by all words (a repeated alias is
** found at once), venues by acronym. */
struct PeVenueOverlay {
  UserVenue *aVenue; int nVenue, nVenueAlloc;
  UserAlias *aAlias; int nAlias, nAliasAlloc;
  int *aHead;             /* 3*nBucket heads: first word, all words, acronym */
  uint32_t nBucket;
  int nRow;               /* rows added */
  size_t nByte;           /* their text */
};

/* The first alias whose first word hashes to h (follow nextFirst), -1. */
int pe_venue_overlay_first(const PeVenueOverlay *ov, uint32_t h);

/* The canonical words of an alias ('Neural Info. Proc. Sys.' -> neural, inf,
** process, syst), NUL-separated, appended to pOut; their count in *pnTok.
** PE_OK or PE_NOMEM. */
int pe_venue_alias_words(const char *zAlias, PeBuf *pOut, int *pnTok);

#endif
