/*
** cslread.h: CSL-JSON (the bibliography format of citeproc-js, pandoc,
** Zotero's "CSL JSON" export, citation.js) read item by item: the pure core of
** csljson_entries() and csljson_diagnostics().
**
** The text is a JSON array of items (objects), or one item object; a UTF-8
** byte order mark is skipped.  Each item is parsed on its own, so memory is
** one item whatever the size of the text.  Problems (line and column in
** characters): a JSON syntax error (reading stops there: what follows cannot
** be told apart), an element that is not an object (skipped), an item without
** id or type, a name list or date that is not what CSL says (the item is
** still returned; the column that needs it is NULL or partial).
*/
#ifndef PE_CSLREAD_H
#define PE_CSLREAD_H
#include <stddef.h>
#include "common/pejson.h"
#include "common/strbuf.h"

typedef struct CslDiag {
  int line, col, bError;
  int bInItem;           /* about the entry's item (else found before it) */
  const char *zKind;     /* static: syntax, not_item, missing_id, missing_type, bad_names, bad_date */
  char zMsg[160];
} CslDiag;

typedef struct CslEntry {
  int bItem;             /* 0: only diagnostics */
  const PeJson *pJson;   /* the item: node 0 */
  size_t iStart, iEnd;   /* its bytes in the text */
  int line, col;         /* where it starts */
  CslDiag *aDiag; int nDiag;
} CslEntry;

typedef struct CslReader CslReader;

CslReader *csl_open(const char *z, size_t n);   /* NULL on OOM; z is not copied */
int csl_next(CslReader *p, const CslEntry **pp); /* PE_OK (*pp NULL at the end) or PE_NOMEM */
void csl_close(CslReader *p);

#endif
