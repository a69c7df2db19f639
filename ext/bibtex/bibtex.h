/*
** bibtex.h: the pure BibTeX parser behind bibtex_entries() and
** bibtex_diagnostics().
**
** A streaming iterator over one input text: bib_next() returns one item at a
** time (an entry, an @string, @preamble or @comment, or a piece of text that
** failed to parse), and all it returns lives until the next call.  Memory
** beyond the input is the current item plus the @string macros, one small
** record per key (duplicate check) and, when the text uses crossref, the
** fields of the entries that are crossref parents.
**
** The rules are BibTeX's: @string macros (case-insensitive, later ones win
** from there on), month macros jan..dec, # concatenation, braced and quoted
** values with nested braces, bare numbers, {} or () around an entry, % with
** no special meaning, text outside entries ignored.  A value keeps its inner
** braces and LaTeX as written; runs of white space become one space, trimmed.
** A syntax error ends the item (with its line:column) and parsing resumes
** at the next '@'.
**
** Encoding: UTF-8 is taken as is.  A byte that is not part of valid UTF-8 is
** read as a Latin-1 character (é for 0xE9), with a warning 'encoding' per
** item; with BIB_LATIN1 the whole text is read as Latin-1, silently.
*/
#ifndef PE_BIBTEX_H
#define PE_BIBTEX_H
#include <stddef.h>
#include "common/strbuf.h"

typedef struct BibText { const char *z; size_t n; } BibText;   /* z==0: none */

/* What an item is. */
enum { BIB_ENTRY, BIB_STRING, BIB_PREAMBLE, BIB_COMMENT, BIB_JUNK };
/* Severity of a diagnostic. */
enum { BIB_SEV_ERROR = 1, BIB_SEV_WARNING = 2 };

typedef struct BibField {
  BibText name;       /* lowercased */
  BibText value;      /* macros expanded, # joined, white space collapsed */
  size_t offset;      /* of the field name in the input */
} BibField;

typedef struct BibDiag {
  int line, col;      /* 1-based; col counts characters */
  int severity;       /* BIB_SEV_* */
  const char *zKind;  /* 'syntax', 'duplicate_key', ... (static) */
  BibText message;
} BibDiag;

typedef struct BibEntry {
  int eKind;                    /* BIB_ENTRY, ... */
  BibText type;                 /* lowercased; z==0 for BIB_JUNK */
  BibText key;                  /* z==0 when none was read */
  int line;                     /* of the '@' */
  size_t iStart, iEnd;          /* its bytes in the input */
  BibText raw;                  /* the source text (re-encoded if it was not UTF-8) */
  BibText error;                /* z==0, or why the item could not be parsed */
  const BibField *aField; int nField;            /* in source order, first of duplicates */
  const BibField *aInherited; int nInherited;    /* from the crossref parent */
  const BibDiag *aDiag; int nDiag;
} BibEntry;

/* Flags for bib_open(). */
#define BIB_LATIN1     0x01   /* the input is Latin-1, not UTF-8 */
#define BIB_NO_INHERIT 0x02   /* skip crossref resolution (no aInherited) */
#define BIB_NO_VALUES  0x04   /* structure only: no fields, macros or diagnostics
                              ** (enough for key, type, line, raw and error) */
#define BIB_NO_DIAGS   0x08   /* no diagnostics (error still set) */
#define BIB_NO_LINES   0x10   /* entry.line left 0 (error messages keep theirs) */
#define BIB_NO_RAW     0x20   /* with no diagnostics: entry.raw left empty (z==0),
                              ** which spares the search for bytes to re-encode */

typedef struct BibParser BibParser;

/* A parser over z[0..n), which must stay unchanged until bib_close().
** NULL on OOM. */
BibParser *bib_open(const char *z, size_t n, unsigned flags);
/* The next item in *ppEntry, or NULL at the end.  PE_OK or PE_NOMEM (after
** which the parser is unusable). */
int bib_next(BibParser *p, const BibEntry **ppEntry);
void bib_close(BibParser *p);
/* Bytes of per-item scratch the parser holds now (its bounded memory,
** apart from macros, keys and crossref parents). */
size_t bib_scratch_bytes(const BibParser *p);

/* The value of field zName (lowercase) of e, looking in its own fields and
** then (when bInherited) in the inherited ones; z==0 when absent. */
BibText bib_field(const BibEntry *e, const char *zName, int bInherited);

/* Is c a character BibTeX allows in a name (entry type, field, macro)? */
int bib_is_name_char(unsigned char c);

#endif
