/* bibmap.c: see bibmap.h (open addressing, linear probing, load <= 1/2). */
#include <string.h>
#include "bibmap.h"
#include "common/pe_mem.h"

static unsigned char lower(unsigned char c){ return (c>='A' && c<='Z') ? (unsigned char)(c+32) : c; }

static uint32_t hash_key(const char *z, size_t n){
  uint32_t h = 2166136261u;                      /* FNV-1a over the folded bytes */
  size_t i;
  for(i=0; i<n; i++){ h ^= lower((unsigned char)z[i]); h *= 16777619u; }
  return h | 1;
}

static int same_key(const char *zStored, const char *z, size_t n){
  size_t i;
  for(i=0; i<n; i++) if( (unsigned char)zStored[i]!=lower((unsigned char)z[i]) ) return 0;
  return 1;
}

void bib_map_init(BibMap *m){
  memset(m, 0, sizeof(*m));
  pe_buf_init(&m->pool);
}

void bib_map_free(BibMap *m){
  pe_free(m->aSlot);
  pe_buf_free(&m->pool);
  memset(m, 0, sizeof(*m));
}

static BibMapSlot *probe(const BibMap *m, uint32_t h, const char *z, size_t n){
  size_t mask = m->nSlot-1, i = h & mask;
  for(;;){
    BibMapSlot *s = &m->aSlot[i];
    if( s->hash==0 ) return s;
    if( s->hash==h && s->nKey==n && same_key(m->pool.z + s->iKey, z, n) ) return s;
    i = (i+1) & mask;
  }
}

BibMapSlot *bib_map_find(const BibMap *m, const char *zKey, size_t nKey){
  BibMapSlot *s;
  if( m->nSlot==0 ) return 0;
  s = probe(m, hash_key(zKey, nKey), zKey, nKey);
  return s->hash ? s : 0;
}

static int grow(BibMap *m){
  size_t nNew = m->nSlot ? m->nSlot*2 : 64, i;
  BibMapSlot *aNew = pe_malloc(nNew*sizeof(*aNew));
  BibMapSlot *aOld = m->aSlot;
  size_t nOld = m->nSlot;
  if( aNew==0 ) return PE_NOMEM;
  memset(aNew, 0, nNew*sizeof(*aNew));
  m->aSlot = aNew;
  m->nSlot = nNew;
  for(i=0; i<nOld; i++){
    if( aOld[i].hash ){
      size_t j = aOld[i].hash & (nNew-1);
      while( aNew[j].hash ) j = (j+1) & (nNew-1);
      aNew[j] = aOld[i];
    }
  }
  pe_free(aOld);
  return PE_OK;
}

int bib_map_put(BibMap *m, const char *zKey, size_t nKey, const char *zVal, size_t nVal,
                int bReplace, BibMapSlot **ppSlot, int *pbNew){
  uint32_t h = hash_key(zKey, nKey);
  BibMapSlot *s;
  int bNew;
  if( nKey>UINT32_MAX ) return PE_TOOBIG;
  if( (m->nUsed+1)*2 > m->nSlot && grow(m) ) return PE_NOMEM;
  s = probe(m, h, zKey, nKey);
  bNew = s->hash==0;
  if( bNew ){
    size_t i, at = m->pool.n;
    if( pe_buf_reserve(&m->pool, nKey+1) ) return PE_NOMEM;
    for(i=0; i<nKey; i++) m->pool.z[at+i] = (char)lower((unsigned char)zKey[i]);
    m->pool.n += nKey;
    pe_buf_appendc(&m->pool, 0);
    s->hash = h; s->nKey = (uint32_t)nKey; s->iKey = at; s->aux = 0;
    s->iVal = at; s->nVal = 0;
    m->nUsed++;
  }
  if( bNew || bReplace ){
    size_t at = m->pool.n;
    if( pe_buf_append(&m->pool, zVal ? zVal : "", nVal) || pe_buf_appendc(&m->pool, 0) ){
      return PE_NOMEM;
    }
    s->iVal = at; s->nVal = nVal;
  }
  if( ppSlot ) *ppSlot = s;
  if( pbNew ) *pbNew = bNew;
  return PE_OK;
}
