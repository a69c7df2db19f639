/*
** bibparser.h: the BibTeX parser's insides, shared by bibtex.c (the
** parser) and bibxref.c (crossref resolution).  Not an API: bibtex.h is.
*/
#ifndef PE_BIBPARSER_H
#define PE_BIBPARSER_H
#include <stddef.h>
#include <stdint.h>
#include "bibmap.h"
#include "bibtex.h"
#include "common/strbuf.h"

typedef struct FieldRec { size_t iName, nName, iVal, nVal, off; } FieldRec;
#define FIELD_INDEX_MIN 32      /* fields of an entry looked up by a linear scan */
typedef struct DiagRec {
  int line, col, severity;
  const char *zKind;
  size_t iMsg, nMsg;
} DiagRec;

struct BibParser {
  const char *z;
  size_t n;
  size_t i;                     /* where the next item is searched from */
  unsigned flags;
  int oom;
  BibMap macros;
  BibMap keys;                  /* keys seen so far; aux = line of the first */

  /* crossref */
  int bXrefDone;
  BibMap parents;               /* parent key -> its fields, serialized */
  BibMapSlot *pParent;          /* the current entry's parent, if any */
  BibMap *pTargets;             /* in a light pass: the crossref targets */
  int bLight;                   /* light pass: values built only when needed */
  int bQuiet;                   /* no diagnostics (light pass, BIB_NO_VALUES) */
  int bKeepValues;              /* light pass: this entry's values are needed */
  int bMacroRedefined;          /* an @string redefined a macro */

  /* the current item */
  PeBuf arena;
  PeBuf msgs;                   /* diagnostic messages of the current item */
  FieldRec *aRec; size_t nRec, nRecAlloc;
  uint64_t nameFilter;          /* name_bit() of every field in aRec */
  BibMap fieldIndex;            /* field name -> aRec index, past FIELD_INDEX_MIN fields */
  DiagRec *aDRec; size_t nDRec, nDRecAlloc;
  BibField *aField; size_t nFieldAlloc;
  BibField *aInh; size_t nInhAlloc;
  BibDiag *aDiag; size_t nDiagAlloc;
  size_t iType, nType, iKey, nKey; int bKey;
  size_t iErr, nErr; int bErr;
  size_t iRaw, nRaw; int bRawArena;
  size_t resume;                /* where to go on after a syntax error */
  size_t iOpen;                 /* the item's '{' or '(' (p->n before it is read) */
  size_t valStart;              /* arena offset where the value being built starts */
  int bRunaway;                 /* warned about a runaway value in this item */
  int bRecovering;              /* an item ran to the end of the input: see scan_limit() */
  BibEntry entry;

  /* line tracking: the position of posOff is known */
  size_t posOff, posLineStart;
  int posLine;
  size_t colOff;                /* the column of colOff is col */
  int col;
};

/* bibtex.c */
int bib_grow_array(void **pa, size_t *pnAlloc, size_t nNeed, size_t szElem);
void bib_diag(BibParser *p, size_t off, int severity, const char *zKind,
              const char *zFormat, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 5, 6)))
#endif
  ;
int bib_find_field_rec(const BibParser *p, const char *zName, size_t nName);
int bib_next_item(BibParser *p);     /* parse the next item; 0 at the end */
void bib_publish(BibParser *p);      /* make p->entry from the records */

/* bibxref.c */
int bib_mentions_crossref(const char *z, size_t n);
int bib_resolve_crossrefs(BibParser *p);  /* fill p->parents: PE_OK, PE_NOMEM */
void bib_find_parent(BibParser *p);       /* before bib_publish() */
void bib_inherit(BibParser *p);           /* after bib_publish() */

#endif
