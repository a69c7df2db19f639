/*
** bibmap.h: a string -> string hash map with ASCII case-insensitive keys,
** for the BibTeX parser: @string macros, the keys seen (duplicate check),
** crossref targets and their parents' fields.
**
** Keys are stored lowercased (ASCII only, as BibTeX folds); keys and values
** live in the map's own pool.  Replacing a value appends the new one (the
** old bytes stay until the map is freed: growth is bounded by the input).
** Slot pointers are valid until the next insertion.
*/
#ifndef PE_BIBMAP_H
#define PE_BIBMAP_H
#include <stddef.h>
#include <stdint.h>
#include "common/strbuf.h"

typedef struct BibMapSlot {
  uint32_t hash;      /* 0 marks an empty slot (real hashes are forced odd) */
  uint32_t nKey;
  size_t iKey;        /* key bytes: pool.z + iKey */
  size_t iVal, nVal;  /* value bytes: pool.z + iVal */
  size_t aux;         /* caller's number (a line, a flag) */
} BibMapSlot;

typedef struct BibMap {
  BibMapSlot *aSlot;
  size_t nSlot;       /* a power of two, or 0 */
  size_t nUsed;
  PeBuf pool;
} BibMap;

void bib_map_init(BibMap *m);
void bib_map_free(BibMap *m);
BibMapSlot *bib_map_find(const BibMap *m, const char *zKey, size_t nKey);
/* Insert zKey (or find it).  When it is new, or bReplace, its value
** becomes zVal[0..nVal).  *ppSlot (may be NULL) gets the slot and *pbNew
** (may be NULL) whether it was new.  PE_OK or PE_NOMEM. */
int bib_map_put(BibMap *m, const char *zKey, size_t nKey, const char *zVal, size_t nVal,
                int bReplace, BibMapSlot **ppSlot, int *pbNew);
static inline const char *bib_map_key(const BibMap *m, const BibMapSlot *s){ return m->pool.z + s->iKey; }
static inline const char *bib_map_value(const BibMap *m, const BibMapSlot *s){ return m->pool.z + s->iVal; }

#endif
