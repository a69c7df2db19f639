/*
** venue_int.h: what the venue core's files share (not for the bindings).
**
**   venue.c          parse a raw venue string; match the overlay's aliases
**   venue_overlay.c  the user's venues and aliases (PeVenueOverlay)
**   venue_cache.c    the per-connection memo of recent results
*/
#ifndef PE_VENUE_INT_H
#define PE_VENUE_INT_H
#include "strbuf.h"

typedef struct UserVenue {
  char *zAcronym, *zName; /* zName NULL: the catalog's, if any */
  int eKind;              /* -1: the catalog's */
  int iCatalog;           /* -1 when the acronym is new */
  PeBuf aliases;          /* '|'-separated as given */
} UserVenue;

typedef struct UserAlias {
  int iVenue;             /* into aVenue */
  int nTok;
  char *zToks;            /* nTok NUL-terminated canonical words, back to back */
} UserAlias;

struct PeVenueOverlay {
  UserVenue *aVenue; int nVenue, nVenueAlloc;
  UserAlias *aAlias; int nAlias, nAliasAlloc;
};

/* The canonical words of an alias ('Neural Info. Proc. Sys.' -> neural, inf,
** process, syst), NUL-separated, appended to pOut; their count in *pnTok.
** PE_OK or PE_NOMEM. */
int pe_venue_alias_words(const char *zAlias, PeBuf *pOut, int *pnTok);

#endif
