/*
** venue_cache.c: a per-connection memo of recent pe_venue_parse() results
** (see venue.h).  A venue column repeats the same strings, so most calls are
** answered by a hash of 24 bytes and one comparison.
*/
#include <string.h>
#include "venue.h"
#include "common/strbuf.h"
#include "common/pe_mem.h"

typedef struct CacheSlot {
  uint32_t hash;
  uint16_t n;                   /* text length; 0xFFFF: empty */
  char z[PE_VENUE_CACHE_TEXT];
  PeVenueInfo info;
} CacheSlot;

/* A text is kept only when seen twice (aSeen remembers the hash of the last
** miss per slot): a column of all-different texts then costs a 4-byte store
** per row, not a 200-byte copy that would push the catalog out of the caches. */
struct PeVenueCache {
  uint32_t aSeen[PE_VENUE_CACHE_SLOTS];
  CacheSlot aSlot[PE_VENUE_CACHE_SLOTS];
};

/* A cheap hash (a miss must cost little): the length and 24 bytes from the
** start, middle and end; a hit is checked byte by byte anyway. */
static uint32_t cache_hash(const char *z, size_t n){
  uint64_t a = 0, b = 0, m = 0, h;
  if( n>=8 ){
    memcpy(&a, z, 8);
    memcpy(&b, z+n-8, 8);
    memcpy(&m, z+n/2-4, 8);
  }else{
    memcpy(&a, z, n);
  }
  h = (a*0x9E3779B97F4A7C15ull) ^ (b*0xC2B2AE3D27D4EB4Full) ^ (m*0x165667B19E3779F9ull) ^ n;
  h ^= h>>29;
  h *= 0xBF58476D1CE4E5B9ull;
  return (uint32_t)(h ^ (h>>32));
}

PeVenueCache *pe_venue_cache_new(void){
  PeVenueCache *c = pe_malloc(sizeof(*c));
  if( c ) pe_venue_cache_clear(c);
  return c;
}

void pe_venue_cache_free(PeVenueCache *c){ pe_free(c); }

void pe_venue_cache_clear(PeVenueCache *c){
  int i;
  for(i=0; i<PE_VENUE_CACHE_SLOTS; i++){ c->aSlot[i].n = 0xFFFF; c->aSeen[i] = 0; }
}

int pe_venue_parse_cached(PeVenueCache *c, const PeVenueOverlay *ov, const char *z, size_t n,
                          PeVenueInfo *pOut){
  CacheSlot *slot;
  uint32_t h;
  int rc;
  if( c==0 || n>PE_VENUE_CACHE_TEXT ) return pe_venue_parse(ov, z, n, pOut);
  h = cache_hash(z, n);
  slot = &c->aSlot[h & (PE_VENUE_CACHE_SLOTS-1)];
  if( slot->n==n && slot->hash==h && memcmp(slot->z, z, n)==0 ){
    *pOut = slot->info;
    return PE_OK;
  }
  rc = pe_venue_parse(ov, z, n, pOut);
  if( c->aSeen[h & (PE_VENUE_CACHE_SLOTS-1)]!=h ){
    c->aSeen[h & (PE_VENUE_CACHE_SLOTS-1)] = h;
  }else if( rc==PE_OK ){
    slot->hash = h;
    slot->n = (uint16_t)n;
    memcpy(slot->z, z, n);
    slot->info = *pOut;
  }
  return rc;
}

