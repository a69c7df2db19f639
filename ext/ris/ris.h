/*
** ris.h: RIS (the tagged format of Reference Manager, EndNote, Zotero, IEEE
** Xplore, ACM DL, Springer, ScienceDirect, Scopus) read record by record:
** the pure core of ris_entries() and ris_diagnostics().
**
** A line 'XX  - value' holds tag XX (a capital letter, then a capital or a
** digit), two spaces (one is accepted), '-', a space, the value; 'TY  - JOUR'
** starts a record and 'ER  - ' ends it.  Within a record a line that is not a
** tag line continues the value before it (joined with a line break), and an
** empty line inside a value is kept in it (trailing ones are not).  CRLF or
** LF, a UTF-8 byte order mark, trailing white space: all read.  Bytes that are
** not UTF-8 are read as Latin-1 (old EndNote exports), with a warning.
**
** Diagnostics (line and column in characters): a tag line before any TY or
** text outside a record (skipped), a TY inside a record not closed by ER (the
** record ends there), a record still open at the end of the text, a record
** without a TY type, an empty tag line, non-UTF-8 bytes.
*/
#ifndef PE_RIS_H
#define PE_RIS_H
#include <stddef.h>
#include "common/strbuf.h"

typedef struct RisField {
  char tag[3];          /* "AU", NUL-terminated */
  size_t iVal, nVal;    /* the value in the record's text */
  int line;
} RisField;

typedef struct RisDiag {
  int line, col;
  int bError;
  int bInRecord;        /* 0: found before the record's TY (outside any record) */
  const char *zKind;    /* static: syntax, outside_record, unclosed_record, encoding, empty_value */
  char zMsg[120];
} RisDiag;

typedef struct RisRecord {
  int bRecord;          /* 0: only diagnostics (text after the last record) */
  int line;             /* of TY */
  size_t offset;        /* byte offset of TY */
  const char *zText;    /* the values (and the type) */
  RisField *aField; int nField;
  size_t iType, nType;  /* TY's value in zText */
  RisDiag *aDiag; int nDiag;
} RisRecord;

typedef struct RisParser RisParser;

RisParser *ris_open(const char *z, size_t n);   /* NULL on OOM; z is not copied */
/* The next record into *pp (NULL at the end).  PE_OK or PE_NOMEM. */
int ris_next(RisParser *p, const RisRecord **pp);
void ris_close(RisParser *p);

/* The first value of tag zTag (0 when none): *pz, *pn. */
int ris_get(const RisRecord *r, const char *zTag, const char **pz, size_t *pn);

#endif
