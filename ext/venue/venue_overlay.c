/*
** venue_overlay.c: the user's own venues and aliases (see venue.h).
**
** The SQL binding fills an overlay from the table paperext_venue_aliases; the
** parser (venue.c) matches its aliases before the catalog's.  An alias is kept
** as its canonical words, so it matches every spelling the catalog's would.
** Hash chains (venue_int.h) keep both loading and matching linear in the
** table's size.
*/
#include <stdio.h>
#include <string.h>
#include "venue.h"
#include "venue_int.h"
#include "common/pe_mem.h"

enum { HEAD_FIRST = 0, HEAD_ALL = 1, HEAD_ACRONYM = 2 };

static int *head(const PeVenueOverlay *ov, int which, uint32_t h){
  return &ov->aHead[(size_t)which*ov->nBucket + (h & (ov->nBucket-1))];
}

int pe_venue_overlay_first(const PeVenueOverlay *ov, uint32_t h){
  return ov->nBucket ? *head(ov, HEAD_FIRST, h) : -1;
}

PeVenueOverlay *pe_venue_overlay_new(void){
  PeVenueOverlay *ov = pe_malloc(sizeof(*ov));
  if( ov ) memset(ov, 0, sizeof(*ov));
  return ov;
}

void pe_venue_overlay_free(PeVenueOverlay *ov){
  int i;
  if( ov==0 ) return;
  for(i=0; i<ov->nVenue; i++){
    pe_free(ov->aVenue[i].zAcronym);
    pe_free(ov->aVenue[i].zName);
    pe_buf_free(&ov->aVenue[i].aliases);
  }
  for(i=0; i<ov->nAlias; i++) pe_free(ov->aAlias[i].zToks);
  pe_free(ov->aVenue);
  pe_free(ov->aAlias);
  pe_free(ov->aHead);
  pe_free(ov);
}

int pe_venue_overlay_count(const PeVenueOverlay *ov){ return ov ? ov->nVenue : 0; }

void pe_venue_overlay_venue(const PeVenueOverlay *ov, int i, PeVenueInfo *pOut,
                            const char **pzAliases){
  const UserVenue *u = &ov->aVenue[i];
  memset(pOut, 0, sizeof(*pOut));
  pOut->isUser = 1;                  /* the strings belong to the overlay */
  pOut->iCatalog = u->iCatalog;
  pOut->zAcronym = u->zAcronym;
  pOut->zName = u->zName ? u->zName : (u->iCatalog>=0 ? pe_venue_table[u->iCatalog].zName : 0);
  pOut->eKind = u->eKind>=0 ? u->eKind : (u->iCatalog>=0 ? pe_venue_table[u->iCatalog].eKind : PE_VK_NONE);
  *pzAliases = u->aliases.z ? u->aliases.z : "";
}

static char *dup_str(const char *z){
  size_t n = strlen(z);
  char *p = pe_malloc(n+1);
  if( p ) memcpy(p, z, n+1);
  return p;
}

/* Make room for one more alias and one more venue in the hash tables:
** double the buckets and chain everything again when they fill up. */
static int reserve_buckets(PeVenueOverlay *ov){
  size_t need = (size_t)ov->nAlias + (size_t)ov->nVenue + 2;
  uint32_t nNew;
  int *aNew, i;
  if( ov->nBucket>=need ) return PE_OK;
  for(nNew = ov->nBucket ? ov->nBucket : 64; nNew<need; nNew *= 2){}
  aNew = pe_malloc(3*(size_t)nNew*sizeof(int));
  if( aNew==0 ) return PE_NOMEM;
  pe_free(ov->aHead);
  ov->aHead = aNew;
  ov->nBucket = nNew;
  memset(aNew, 0xff, 3*(size_t)nNew*sizeof(int));     /* every head -1 */
  for(i=0; i<ov->nAlias; i++){
    UserAlias *al = &ov->aAlias[i];
    int *pFirst = head(ov, HEAD_FIRST, al->hFirst), *pAll = head(ov, HEAD_ALL, al->hAll);
    al->nextFirst = *pFirst; *pFirst = i;
    al->nextAll = *pAll; *pAll = i;
  }
  for(i=0; i<ov->nVenue; i++){
    UserVenue *u = &ov->aVenue[i];
    int *pAcr = head(ov, HEAD_ACRONYM, pe_venue_hash(u->zAcronym, (int)strlen(u->zAcronym)));
    u->nextAcronym = *pAcr; *pAcr = i;
  }
  return PE_OK;
}

static int overlay_add_alias(PeVenueOverlay *ov, int iVenue, const char *zAlias,
                             char *zErr, size_t nErr){
  PeBuf words;
  int nTok, rc, i;
  uint32_t hAll;
  UserAlias *al;
  pe_buf_init(&words);
  rc = pe_venue_alias_words(zAlias, &words, &nTok);
  if( rc ){ pe_buf_free(&words); return rc; }
  if( nTok==0 ){
    pe_buf_free(&words);
    snprintf(zErr, nErr, "alias '%.100s' has no word to match", zAlias);
    return PE_ERROR;
  }
  /* the same words again: the later row wins */
  hAll = pe_venue_hash(words.z, (int)words.n);   /* n < PE_VENUE_USER_MAX_BYTES */
  for(i = ov->nBucket ? *head(ov, HEAD_ALL, hAll) : -1; i>=0; i = ov->aAlias[i].nextAll){
    al = &ov->aAlias[i];
    if( al->hAll==hAll && al->nToks==words.n && memcmp(al->zToks, words.z, words.n)==0 ){
      al->iVenue = iVenue;
      pe_buf_free(&words);
      return PE_OK;
    }
  }
  if( ov->nAlias==ov->nAliasAlloc ){
    int nNew = ov->nAliasAlloc ? ov->nAliasAlloc*2 : 16;
    UserAlias *aNew = pe_realloc(ov->aAlias, (size_t)nNew*sizeof(UserAlias));
    if( aNew==0 ){ pe_buf_free(&words); return PE_NOMEM; }
    ov->aAlias = aNew; ov->nAliasAlloc = nNew;
  }
  if( reserve_buckets(ov) ){ pe_buf_free(&words); return PE_NOMEM; }
  al = &ov->aAlias[ov->nAlias];
  al->iVenue = iVenue;
  al->nTok = nTok;
  al->nToks = words.n;
  al->hFirst = pe_venue_hash(words.z, (int)strlen(words.z));
  al->hAll = hAll;
  al->zToks = pe_buf_finish(&words, 0);
  if( al->zToks==0 ) return PE_NOMEM;
  al->nextFirst = *head(ov, HEAD_FIRST, al->hFirst);
  *head(ov, HEAD_FIRST, al->hFirst) = ov->nAlias;
  al->nextAll = *head(ov, HEAD_ALL, hAll);
  *head(ov, HEAD_ALL, hAll) = ov->nAlias;
  ov->nAlias++;
  return PE_OK;
}

/* The venue with this acronym, or a new one: its index, or -1 on OOM. */
static int venue_for(PeVenueOverlay *ov, const char *zAcronym){
  uint32_t h = pe_venue_hash(zAcronym, (int)strlen(zAcronym));
  UserVenue *u;
  int i;
  for(i = ov->nBucket ? *head(ov, HEAD_ACRONYM, h) : -1; i>=0; i = ov->aVenue[i].nextAcronym){
    if( strcmp(ov->aVenue[i].zAcronym, zAcronym)==0 ) return i;
  }
  if( ov->nVenue==ov->nVenueAlloc ){
    int nNew = ov->nVenueAlloc ? ov->nVenueAlloc*2 : 8;
    UserVenue *aNew = pe_realloc(ov->aVenue, (size_t)nNew*sizeof(UserVenue));
    if( aNew==0 ) return -1;
    ov->aVenue = aNew; ov->nVenueAlloc = nNew;
  }
  if( reserve_buckets(ov) ) return -1;
  u = &ov->aVenue[ov->nVenue];
  memset(u, 0, sizeof(*u));
  u->zAcronym = dup_str(zAcronym);
  if( u->zAcronym==0 ) return -1;
  u->eKind = -1;
  u->iCatalog = pe_venue_find_acronym(zAcronym);
  u->nextAcronym = *head(ov, HEAD_ACRONYM, h);
  *head(ov, HEAD_ACRONYM, h) = ov->nVenue;
  return ov->nVenue++;
}

/* Refuse a row past the table's limits (venue.h), naming the limit. */
static int check_limits(PeVenueOverlay *ov, size_t nText, char *zErr, size_t nErr){
  if( ov->nRow>=PE_VENUE_USER_MAX_ROWS ){
    snprintf(zErr, nErr, "more than %d rows (PE_VENUE_USER_MAX_ROWS)", PE_VENUE_USER_MAX_ROWS);
    return PE_TOOBIG;
  }
  if( nText > (size_t)PE_VENUE_USER_MAX_BYTES - ov->nByte ){
    snprintf(zErr, nErr, "the table's text passes %d bytes (PE_VENUE_USER_MAX_BYTES)",
             PE_VENUE_USER_MAX_BYTES);
    return PE_TOOBIG;
  }
  ov->nRow++;
  ov->nByte += nText;
  return PE_OK;
}

int pe_venue_overlay_add(PeVenueOverlay *ov, const char *zAlias, const char *zAcronym,
                         const char *zName, const char *zKind, char *zErr, size_t nErr){
  int i, eKind = -1, rc, nBefore;
  UserVenue *u;
  size_t nText = (zAlias ? strlen(zAlias) : 0) + (zAcronym ? strlen(zAcronym) : 0)
               + (zName ? strlen(zName) : 0) + (zKind ? strlen(zKind) : 0);
  rc = check_limits(ov, nText, zErr, nErr);
  if( rc ) return rc;
  if( zAcronym==0 || zAcronym[0]==0 ){
    snprintf(zErr, nErr, "acronym is empty");
    return PE_ERROR;
  }
  if( zKind ){
    eKind = pe_venue_kind_from_name(zKind);
    if( eKind<0 ){
      snprintf(zErr, nErr, "kind '%.40s' is not conference, journal, workshop or preprint", zKind);
      return PE_ERROR;
    }
  }
  nBefore = ov->nVenue;
  i = venue_for(ov, zAcronym);
  if( i<0 ) return PE_NOMEM;
  if( i==nBefore ){                 /* a new venue: its acronym is an alias too */
    rc = overlay_add_alias(ov, i, zAcronym, zErr, nErr);
    if( rc ) return rc;
  }
  u = &ov->aVenue[i];
  if( zName ){
    char *z = dup_str(zName);
    if( z==0 ) return PE_NOMEM;
    pe_free(u->zName);
    u->zName = z;
  }
  if( eKind>=0 ) u->eKind = eKind;
  if( zAlias ){
    if( u->aliases.n ) pe_buf_appendc(&u->aliases, '|');
    pe_buf_appends(&u->aliases, zAlias);
    if( u->aliases.oom ) return PE_NOMEM;
    return overlay_add_alias(ov, i, zAlias, zErr, nErr);
  }
  return PE_OK;
}
