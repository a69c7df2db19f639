/*
** venue_overlay.c: the user's own venues and aliases (see venue.h).
**
** The SQL binding fills an overlay from the table paperext_venue_aliases; the
** parser (venue.c) matches its aliases before the catalog's.  An alias is kept
** as its canonical words, so it matches every spelling the catalog's would.
*/
#include <stdio.h>
#include <string.h>
#include "venue.h"
#include "venue_int.h"
#include "pe_mem.h"

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
  pe_free(ov);
}

int pe_venue_overlay_count(const PeVenueOverlay *ov){ return ov ? ov->nVenue : 0; }

void pe_venue_overlay_venue(const PeVenueOverlay *ov, int i, PeVenueInfo *pOut,
                            const char **pzAliases){
  const UserVenue *u = &ov->aVenue[i];
  memset(pOut, 0, sizeof(*pOut));
  pOut->isUser = 1;                  /* the strings belong to the overlay */
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

/* Bytes taken by nTok NUL-terminated words at z. */
static size_t words_len(const char *z, int nTok){
  size_t n = 0;
  int k;
  for(k=0; k<nTok; k++) n += strlen(z+n) + 1;
  return n;
}

static int overlay_add_alias(PeVenueOverlay *ov, int iVenue, const char *zAlias,
                             char *zErr, size_t nErr){
  PeBuf words;
  int nTok, rc, i;
  UserAlias *al;
  pe_buf_init(&words);
  rc = pe_venue_alias_words(zAlias, &words, &nTok);
  if( rc ){ pe_buf_free(&words); return rc; }
  if( nTok==0 ){
    pe_buf_free(&words);
    snprintf(zErr, nErr, "alias '%s' has no word to match", zAlias);
    return PE_ERROR;
  }
  /* the same words again: the later row wins */
  for(i=0; i<ov->nAlias; i++){
    al = &ov->aAlias[i];
    /* (same count, same bytes: an alias of other lengths must not be read
    ** past its end, as a fuzzer found) */
    if( al->nTok==nTok && words_len(al->zToks, nTok)==words.n
     && memcmp(al->zToks, words.z, words.n)==0 ){
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
  al = &ov->aAlias[ov->nAlias];
  al->iVenue = iVenue;
  al->nTok = nTok;
  al->zToks = pe_buf_finish(&words, 0);
  if( al->zToks==0 ) return PE_NOMEM;
  ov->nAlias++;
  return PE_OK;
}

int pe_venue_overlay_add(PeVenueOverlay *ov, const char *zAlias, const char *zAcronym,
                         const char *zName, const char *zKind, char *zErr, size_t nErr){
  int i, eKind = -1, rc;
  UserVenue *u = 0;
  if( zAcronym==0 || zAcronym[0]==0 ){
    snprintf(zErr, nErr, "acronym is empty");
    return PE_ERROR;
  }
  if( zKind ){
    eKind = pe_venue_kind_from_name(zKind);
    if( eKind<0 ){
      snprintf(zErr, nErr, "kind '%s' is not conference, journal, workshop or preprint", zKind);
      return PE_ERROR;
    }
  }
  for(i=0; i<ov->nVenue; i++){
    if( strcmp(ov->aVenue[i].zAcronym, zAcronym)==0 ){ u = &ov->aVenue[i]; break; }
  }
  if( u==0 ){
    if( ov->nVenue==ov->nVenueAlloc ){
      int nNew = ov->nVenueAlloc ? ov->nVenueAlloc*2 : 8;
      UserVenue *aNew = pe_realloc(ov->aVenue, (size_t)nNew*sizeof(UserVenue));
      if( aNew==0 ) return PE_NOMEM;
      ov->aVenue = aNew; ov->nVenueAlloc = nNew;
    }
    u = &ov->aVenue[ov->nVenue];
    memset(u, 0, sizeof(*u));
    u->zAcronym = dup_str(zAcronym);
    if( u->zAcronym==0 ) return PE_NOMEM;
    u->eKind = -1;
    u->iCatalog = pe_venue_find_acronym(zAcronym);
    i = ov->nVenue++;
    rc = overlay_add_alias(ov, i, zAcronym, zErr, nErr);
    if( rc ) return rc;
    u = &ov->aVenue[i];
  }
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
