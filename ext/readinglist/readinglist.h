/*
** readinglist.h: the reading-list parser, a pure C core (no sqlite3.h).
**
** A reading list is plain text or Markdown: an optional preface, then one
** title per paper, each followed by its notes.  The parser walks the text
** once, line by line, and hands out one item at a time: an entry (a paper,
** or the preface as entry 0) or a diagnostic.  Nothing is held beyond the
** entry being built, so a list of any size runs in memory proportional to
** its largest entry.  The text itself is not copied: keep it alive and
** unchanged until pe_rl_free().
**
**   PeRl *p = pe_rl_new(z, n);
**   int kind;
**   while( pe_rl_next(p, &kind)==PE_OK && kind!=PE_RL_DONE ){
**     if( kind==PE_RL_ENTRY ) use(pe_rl_entry(p)); else use(pe_rl_diag(p));
**   }
**   pe_rl_free(p);
**
** Every non-blank line of the input ends up in exactly one place: an
** entry's title, an entry's note, or a diagnostic (a heading, or text
** that belongs to no entry).  The rules that tell a title from a note are
** described in readinglist_line.h and in ext/readinglist/README.md.
**
** All strings handed out are valid UTF-8 (invalid bytes become U+FFFD and
** are reported as a diagnostic) and stay valid until the next pe_rl_next().
*/
#ifndef PE_READINGLIST_H
#define PE_READINGLIST_H
#include <stddef.h>

typedef struct PeRl PeRl;

/* A string handed out by the parser: z==0 means SQL NULL. */
typedef struct PeRlStr { const char *z; size_t n; } PeRlStr;

typedef struct PeRlEntry {
  long long position;   /* 1, 2, ... in list order; 0 for the preface */
  long long line;       /* 1-based line of the title (preface: its first line) */
  PeRlStr title;        /* NULL for the preface */
  PeRlStr note;         /* paragraphs joined by a blank line; NULL when none */
  PeRlStr tags;         /* JSON array of canonical tags, "[]" when none */
  PeRlStr venue;        /* venue text that applies, NULL when none */
  const char *zStatus;  /* "to-read", "read", "reading", "skipped" or NULL */
  PeRlStr url;          /* first link of the entry, NULL when none */
  PeRlStr arxiv;        /* arXiv id (no version) found in the entry, or NULL */
  PeRlStr doi;          /* DOI found in the entry, or NULL */
} PeRlEntry;

typedef struct PeRlDiag {
  long long line;       /* 1-based */
  long long col;        /* 1-based, in characters */
  const char *zSeverity;/* "error" | "warning" | "info" */
  const char *zKind;    /* "invalid_utf8", "heading", "orphan_text", ... */
  PeRlStr message;      /* names the problem and quotes the text */
} PeRlDiag;

/* Kinds of item returned by pe_rl_next(). */
#define PE_RL_DONE  0
#define PE_RL_ENTRY 1
#define PE_RL_DIAG  2

/* A parser over z[0..n) (not copied).  NULL on out-of-memory. */
PeRl *pe_rl_new(const char *z, size_t n);
/* The next item: *peKind is PE_RL_ENTRY, PE_RL_DIAG or PE_RL_DONE.
** Returns PE_OK or PE_NOMEM (the parser is then unusable). */
int pe_rl_next(PeRl *p, int *peKind);
const PeRlEntry *pe_rl_entry(const PeRl *p);
const PeRlDiag *pe_rl_diag(const PeRl *p);
void pe_rl_free(PeRl *p);

#endif
