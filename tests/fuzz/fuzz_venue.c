/*
** fuzz_venue: the venue core (ext/venue*.c) on fuzz input.
**
** Byte 0 chooses a mode; the rest is a venue string.  Invariants (a broken
** one aborts):
**   - the year is 0 or in 1950..2099, the kind a known one (its name reads
**     back to it), an acronym is a catalog acronym (or the overlay's);
**   - the cached parse (twice: miss then hit) equals the plain parse;
**   - with an overlay whose alias is a line of the input, parsing still
**     keeps these invariants, and the overlay never crashes on odd rows.
*/
#include "fuzz_check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "venue/venue.h"

static void check_info(const PeVenueInfo *v){
  FUZZ_ASSERT(v->year==0 || (v->year>=1950 && v->year<=2099), "year %d", v->year);
  if( v->eKind==PE_VK_NONE ){
    FUZZ_ASSERT(pe_venue_kind_name(v->eKind)==0, "kind name for none");
  }else{
    const char *zKind = pe_venue_kind_name(v->eKind);
    FUZZ_ASSERT(zKind && pe_venue_kind_from_name(zKind)==v->eKind, "kind %d", v->eKind);
  }
  if( v->zAcronym && !v->isUser ){
    FUZZ_ASSERT(pe_venue_find_acronym(v->zAcronym)>=0, "acronym '%s' not in the catalog", v->zAcronym);
  }
  /* (the overlay keeps the user's strings as they came) */
  if( v->zAcronym && !v->isUser ) FUZZ_ASSERT(fuzz_valid_utf8(v->zAcronym, strlen(v->zAcronym)), "acronym not UTF-8");
  if( v->zName && !v->isUser ) FUZZ_ASSERT(fuzz_valid_utf8(v->zName, strlen(v->zName)), "name not UTF-8");
}

static int same_info(const PeVenueInfo *a, const PeVenueInfo *b){
  return a->year==b->year && a->eKind==b->eKind && a->isUser==b->isUser
      && ((a->zAcronym==0 && b->zAcronym==0) || (a->zAcronym && b->zAcronym && strcmp(a->zAcronym, b->zAcronym)==0))
      && ((a->zName==0 && b->zName==0) || (a->zName && b->zName && strcmp(a->zName, b->zName)==0));
}

static void parse_all(const PeVenueOverlay *ov, const char *z, size_t n){
  PeVenueInfo a, b, c;
  PeVenueCache *cache;
  if( pe_venue_parse(ov, z, n, &a)!=PE_OK ) return;
  check_info(&a);
  cache = pe_venue_cache_new();
  if( cache==0 ) return;
  if( pe_venue_parse_cached(cache, ov, z, n, &b)==PE_OK
   && pe_venue_parse_cached(cache, ov, z, n, &c)==PE_OK ){
    FUZZ_ASSERT(same_info(&a, &b) && same_info(&a, &c), "cached parse differs for '%.*s'", (int)n, z);
  }
  pe_venue_cache_free(cache);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  const char *z;
  size_t n;
  if( size<1 || size>16384 ) return 0;
  z = (const char*)data+1; n = size-1;
  parse_all(0, z, n);
  if( data[0] & 1 ){
    /* First line: the alias; second: the acronym; third: the kind. */
    const char *zNl = memchr(z, '\n', n);
    char *zAlias, *zAcr = 0, *zKind = 0;
    size_t nAlias = zNl ? (size_t)(zNl - z) : n;
    PeVenueOverlay *ov = pe_venue_overlay_new();
    char zErr[200];
    if( ov==0 ) return 0;
    zAlias = strndup(z, nAlias);
    if( zNl ){
      const char *zRest = zNl+1, *zNl2 = memchr(zRest, '\n', n-nAlias-1);
      size_t nRest = n-nAlias-1;
      zAcr = strndup(zRest, zNl2 ? (size_t)(zNl2-zRest) : nRest);
      if( zNl2 ) zKind = strndup(zNl2+1, nRest - (size_t)(zNl2-zRest) - 1);
    }
    if( zAlias && pe_venue_overlay_add(ov, zAlias, zAcr ? zAcr : "FUZZ", 0,
                                       (data[0] & 2) ? zKind : 0, zErr, sizeof zErr)==PE_OK ){
      int i, nv = pe_venue_overlay_count(ov);
      for(i=0; i<nv; i++){
        PeVenueInfo v;
        const char *zAliases = 0;
        pe_venue_overlay_venue(ov, i, &v, &zAliases);
        check_info(&v);
      }
      parse_all(ov, z, n);
      parse_all(ov, zAlias, strlen(zAlias));
    }
    free(zAlias); free(zAcr); free(zKind);
    pe_venue_overlay_free(ov);
  }
  return 0;
}
