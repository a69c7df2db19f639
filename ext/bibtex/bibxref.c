/*
** bibxref.c: crossref, for the BibTeX parser (see bibtex.c's header).
**
** A child names its parent, which may come later in the text.  Before the
** first item, if the text mentions crossref at all, a light pass (values not
** built, except crossref and parents') collects the crossref targets, stores
** the fields of each parent that comes after its first child, and indexes
** every key's offset and the @string items; the parents that came before
** their first child are then parsed again at their offsets, in text order
** with the @string items (so that each sees the macros as they stood
** there).  The main pass looks the parents up.
*/
#include <stdlib.h>
#include <string.h>
#include "bibparser.h"
#include "bibscan.h"
#include "common/pe_mem.h"

/* Does the text mention crossref at all (any case)?  Candidates are the
** rare pair "cr", found 16 bytes at a time. */
int bib_mentions_crossref(const char *z, size_t n){
  size_t i = 0;
  while( (i = bibscan_find_pair_ci(z, i, n, 'c', 'r'))+8<=n ){
    if( (z[i+2]|0x20)=='o' && (z[i+3]|0x20)=='s' && (z[i+4]|0x20)=='s'
     && (z[i+5]|0x20)=='r' && (z[i+6]|0x20)=='e' && (z[i+7]|0x20)=='f' ) return 1;
    i++;
  }
  return 0;
}

/* Serialize the current entry's fields as the parent record of its key:
** [u32 nName][name][u32 nValue][value]... */
static int store_parent(BibParser *pMain, const BibParser *pPass, BibMapSlot *pTarget){
  const BibEntry *e = &pPass->entry;
  PeBuf rec;
  int k, rc;
  uint32_t len;
  pe_buf_init(&rec);
  for(k=0; k<e->nField; k++){
    len = (uint32_t)e->aField[k].name.n;
    pe_buf_append(&rec, (const char*)&len, 4);
    pe_buf_append(&rec, e->aField[k].name.z, len);
    len = (uint32_t)e->aField[k].value.n;
    pe_buf_append(&rec, (const char*)&len, 4);
    pe_buf_append(&rec, e->aField[k].value.z, len);
  }
  rc = rec.oom ? PE_NOMEM
     : bib_map_put(&pMain->parents, e->key.z, e->key.n, rec.z, rec.n, 0, 0, 0);
  pe_buf_free(&rec);
  pTarget->aux = 1;
  return rc;
}

/* An offset to parse again in the replay, and whether the first pass was
** recovering from an unclosed item there (see scan_limit()). */
typedef struct Replay { size_t off; int bRecovering; } Replay;

static int replay_cmp(const void *a, const void *b){
  size_t x = ((const Replay*)a)->off, y = ((const Replay*)b)->off;
  return x<y ? -1 : x>y;
}

/* Store the parents that came before their first child: parse again, in
** text order, every @string item and each such parent, so that each parent
** sees the macros exactly as they stood where it was written.  aStr holds
** the @string items of the first pass q, which indexed every key. */
static int replay_parents(BibParser *p, BibParser *q, BibMap *pTargets,
                          Replay *aStr, size_t nStr, size_t recoverAt){
  Replay *a = 0;
  size_t nAlloc = 0, n = 0, k;
  BibParser *r;
  int rc = PE_OK;
  if( bib_grow_array((void**)&a, &nAlloc, nStr+1, sizeof(Replay)) ) return PE_NOMEM;
  if( nStr ) memcpy(a, aStr, nStr*sizeof(Replay));
  n = nStr;
  for(k=0; k<pTargets->nSlot; k++){
    BibMapSlot *t = &pTargets->aSlot[k], *at;
    if( t->hash==0 || t->aux ) continue;
    at = bib_map_find(&q->keys, bib_map_key(pTargets, t), t->nKey);
    if( at==0 ){ t->aux = 2; continue; }              /* no such entry */
    if( bib_grow_array((void**)&a, &nAlloc, n+1, sizeof(Replay)) ){ pe_free(a); return PE_NOMEM; }
    a[n].off = at->aux;
    a[n].bRecovering = at->aux>=recoverAt;
    n++;
  }
  if( n>nStr ){
    qsort(a, n, sizeof(Replay), replay_cmp);
    r = bib_open(p->z, p->n, (p->flags & BIB_LATIN1) | BIB_NO_INHERIT | BIB_NO_RAW);
    if( r==0 ){ pe_free(a); return PE_NOMEM; }
    r->bLight = 1;
    r->bQuiet = 1;
    r->pTargets = pTargets;
    for(k=0; k<n && rc==PE_OK; k++){
      BibMapSlot *t;
      r->i = a[k].off;
      r->bRecovering = a[k].bRecovering;
      if( !bib_next_item(r) ) continue;
      if( r->oom ){ rc = PE_NOMEM; break; }
      if( r->entry.eKind!=BIB_ENTRY || !r->bKeepValues ) continue;   /* an @string */
      bib_publish(r);
      if( r->oom ){ rc = PE_NOMEM; break; }
      t = bib_map_find(pTargets, r->entry.key.z, r->entry.key.n);
      if( t && t->aux==0 ) rc = store_parent(p, r, t);
    }
    bib_close(r);
  }
  pe_free(a);
  return rc;
}

/* Fill p->parents (see the header comment).  The light pass collects the
** crossref targets, stores each parent that comes after its first child,
** indexes every key's offset and notes where the @string items are; the
** parents that came before their first child are then replayed. */
int bib_resolve_crossrefs(BibParser *p){
  BibMap targets;
  int rc = PE_OK;
  size_t nUnresolved = 0, nStr = 0, nStrAlloc = 0, recoverAt = (size_t)-1;
  Replay *aStr = 0;
  BibParser *q;
  const BibEntry *e;
  bib_map_init(&targets);
  q = bib_open(p->z, p->n, (p->flags & BIB_LATIN1) | BIB_NO_INHERIT | BIB_NO_RAW);
  if( q==0 ) return PE_NOMEM;
  q->bLight = 1;
  q->bQuiet = 1;
  q->pTargets = &targets;
  for(;;){
    BibMapSlot *s;
    BibText x;
    int bRecovering = q->bRecovering;
    if( (rc = bib_next(q, &e))!=PE_OK || e==0 ) break;
    if( bRecovering && recoverAt==(size_t)-1 ) recoverAt = e->iStart;
    if( e->eKind==BIB_STRING ){
      if( bib_grow_array((void**)&aStr, &nStrAlloc, nStr+1, sizeof(Replay)) ){ rc = PE_NOMEM; break; }
      aStr[nStr].off = e->iStart;
      aStr[nStr].bRecovering = bRecovering;
      nStr++;
    }
    if( e->eKind!=BIB_ENTRY ) continue;
    x = bib_field(e, "crossref", 0);
    if( x.z && x.n ){
      int bNew;
      rc = bib_map_put(&targets, x.z, x.n, 0, 0, 0, &s, &bNew);
      if( rc ) break;
      if( bNew ) nUnresolved++;
    }
    if( q->bKeepValues && e->key.z
     && (s = bib_map_find(&targets, e->key.z, e->key.n))!=0 && s->aux==0 ){
      rc = store_parent(p, q, s);
      if( rc ) break;
      nUnresolved--;
    }
  }
  if( rc==PE_OK && nUnresolved>0 ) rc = replay_parents(p, q, &targets, aStr, nStr, recoverAt);
  bib_close(q);
  pe_free(aStr);
  bib_map_free(&targets);
  return rc;
}

/* Before publishing an entry: find its crossref parent (warn if missing). */
void bib_find_parent(BibParser *p){
  size_t k;
  p->pParent = 0;
  for(k=0; k<p->nRec; k++){
    const FieldRec *r = &p->aRec[k];
    if( r->nName==8 && memcmp(p->arena.z+r->iName, "crossref", 8)==0 && r->nVal>0 ){
      p->pParent = bib_map_find(&p->parents, p->arena.z+r->iVal, r->nVal);
      if( p->pParent==0 ){
        bib_diag(p, r->off, BIB_SEV_WARNING, "missing_crossref",
             "crossref '%.*s' names no entry of this text; nothing is inherited",
             (int)r->nVal, p->arena.z+r->iVal);
      }
      return;
    }
  }
}

/* After publishing: the parent's fields the entry lacks. */
void bib_inherit(BibParser *p){
  BibEntry *pE = &p->entry;
  const char *z, *zEnd;
  size_t nInh = 0;
  if( p->pParent==0 || p->oom ) return;
  z = bib_map_value(&p->parents, p->pParent);
  zEnd = z + p->pParent->nVal;
  while( z+4<=zEnd ){
    BibField f;
    uint32_t len;
    memcpy(&len, z, 4); f.name.z = z+4; f.name.n = len; z += 4+len;
    memcpy(&len, z, 4); f.value.z = z+4; f.value.n = len; z += 4+len;
    f.offset = 0;
    if( f.name.n==8 && memcmp(f.name.z, "crossref", 8)==0 ) continue;
    if( bib_find_field_rec(p, f.name.z, f.name.n)>=0 ) continue;
    if( bib_grow_array((void**)&p->aInh, &p->nInhAlloc, nInh+1, sizeof(BibField)) ){
      p->oom = 1;
      return;
    }
    p->aInh[nInh++] = f;
  }
  pE->aInherited = p->aInh;
  pE->nInherited = (int)nInh;
}
