/*
** bibxref.c: crossref, for the BibTeX parser (see bibtex.c's header).
**
** A child names its parent, which may come later in the text.  Before the
** first item, if the text mentions crossref at all, a light pass (values not
** built, except crossref and parents') collects the crossref targets, stores
** the fields of each parent that comes after its first child, and indexes
** every key's offset; a parent that came before its first child is then
** parsed again at its offset.  The main pass looks the parents up.
*/
#include <string.h>
#include "bibparser.h"
#include "bibscan.h"
#include "pe_mem.h"

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

/* Fill p->parents (see the header comment).  The light pass collects the
** crossref targets, stores each parent that comes after its first child,
** and indexes every key's offset.  A parent that came before its first
** child is then parsed again at its offset: with the macros as they stand
** at the end, which is exact unless an @string redefined a macro (then a
** second light pass stores those parents in order). */
int bib_resolve_crossrefs(BibParser *p){
  BibMap targets;
  int pass, rc = PE_OK;
  size_t nUnresolved = 0, k;
  bib_map_init(&targets);
  for(pass=0; pass<2 && rc==PE_OK; pass++){
    BibParser *q = bib_open(p->z, p->n, (p->flags & BIB_LATIN1) | BIB_NO_INHERIT);
    const BibEntry *e;
    if( q==0 ){ rc = PE_NOMEM; break; }
    q->bLight = 1;
    q->bQuiet = 1;
    q->pTargets = &targets;
    while( (rc = bib_next(q, &e))==PE_OK && e ){
      BibMapSlot *s;
      BibText x;
      if( e->eKind!=BIB_ENTRY ) continue;
      x = bib_field(e, "crossref", 0);
      if( pass==0 && x.z && x.n ){
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
    if( rc==PE_OK && nUnresolved>0 && !q->bMacroRedefined ){
      /* parse the early parents again, one by one, at their offsets */
      for(k=0; k<targets.nSlot && rc==PE_OK; k++){
        BibMapSlot *t = &targets.aSlot[k], *at;
        if( t->hash==0 || t->aux ) continue;
        at = bib_map_find(&q->keys, bib_map_key(&targets, t), t->nKey);
        if( at==0 ){ t->aux = 2; nUnresolved--; continue; }   /* no such entry */
        q->i = at->aux;
        if( !bib_next_item(q) ) continue;           /* values kept: t is a target */
        bib_publish(q);
        if( q->oom ){ rc = PE_NOMEM; break; }
        rc = store_parent(p, q, t);
        nUnresolved--;
      }
      nUnresolved = 0;
    }
    bib_close(q);
    if( nUnresolved==0 ) break;
  }
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
