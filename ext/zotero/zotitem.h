/*
** zotitem.h: one Zotero item, gathered from the library's tables, and what
** zotero_items() derives from it (the pure core; the binding reads the tables).
**
** The binding adds the item's pieces as it reads them (fields by name,
** creators in order, tags, collection paths, child notes as HTML); the text is
** copied, so the caller's buffers may change afterwards.  Then each column
** is made on demand.  Derived values (see README.md for the rules):
**   title      the field title (caseName, nameOfAct or subject for the item
**              types that have those instead)
**   date, year the date field as Zotero stores it ('2020-06-00 June 2020'):
**              '2020-06' and 2020; the fields JSON keeps 'June 2020'
**   venue      the first of publicationTitle, proceedingsTitle, bookTitle,
**              websiteTitle, blogTitle, forumTitle, encyclopediaTitle,
**              dictionaryTitle, programTitle, conferenceName, repository
**   doi        the DOI field, else a 'DOI: ...' line of Extra, else a
**              doi.org URL; canonical (ident.h)
**   arxiv      from archiveID, an arxiv.org URL, a 10.48550/arXiv DOI,
**              Extra ('arXiv: 2002.05709'), number or publicationTitle
**              ('arXiv:2008.02496 [cs]')
**   citation key  the field citationKey (Zotero 7), else 'Citation Key: x'
**              in Extra (Better BibTeX)
**   author, editor  BibTeX name lists: 'Last, First and ...', a
**              single-field name braced ({OpenAI})
*/
#ifndef PE_ZOTITEM_H
#define PE_ZOTITEM_H
#include <stddef.h>
#include "common/strbuf.h"

typedef struct ZotStr { size_t i, n; } ZotStr;   /* a span of the item's arena */
typedef struct ZotPair { ZotStr a, b; } ZotPair;
typedef struct ZotCreator { ZotStr role, first, last; int bSingle; } ZotCreator;

typedef struct ZotItem {
  PeBuf arena;                      /* every text of the item */
  ZotPair *aField; int nField, nFieldAlloc;
  ZotCreator *aCreator; int nCreator, nCreatorAlloc;
  ZotStr *aTag; int nTag, nTagAlloc;
  ZotStr *aColl; int nColl, nCollAlloc;
  ZotStr *aNote; int nNote, nNoteAlloc;
  int oom;
} ZotItem;

void zot_item_init(ZotItem *p);
void zot_item_clear(ZotItem *p);    /* empty it for the next item, memory kept */
void zot_item_free(ZotItem *p);

/* Adding the pieces; PE_OK or PE_NOMEM (also sticky in p->oom). */
int zot_item_field(ZotItem *p, const char *zName, size_t nName, const char *zVal, size_t nVal);
int zot_item_creator(ZotItem *p, const char *zRole, size_t nRole, const char *zFirst, size_t nFirst,
                     const char *zLast, size_t nLast, int bSingle);
int zot_item_tag(ZotItem *p, const char *z, size_t n);
int zot_item_collection(ZotItem *p, const char *z, size_t n);
int zot_item_note(ZotItem *p, const char *z, size_t n);

/* The columns.  Each appends its value to out and returns 1, or returns 0
** when the item has none (NULL), or -1 when out of memory. */
int zot_item_title(const ZotItem *p, PeBuf *out);
int zot_item_creators_json(const ZotItem *p, PeBuf *out);
int zot_item_names(const ZotItem *p, int bEditors, PeBuf *out);
int zot_item_date(const ZotItem *p, PeBuf *out);
int zot_item_year(const ZotItem *p, long *pYear);          /* 1 with *pYear, or 0 */
int zot_item_venue(const ZotItem *p, PeBuf *out);
int zot_item_doi(const ZotItem *p, PeBuf *out);
int zot_item_url(const ZotItem *p, PeBuf *out);
int zot_item_arxiv(const ZotItem *p, PeBuf *out);
int zot_item_tags_json(const ZotItem *p, PeBuf *out);
int zot_item_collections_json(const ZotItem *p, PeBuf *out);
int zot_item_notes(const ZotItem *p, PeBuf *out);
int zot_item_citation_key(const ZotItem *p, PeBuf *out);
int zot_item_fields_json(const ZotItem *p, PeBuf *out);

#endif
