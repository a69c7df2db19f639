/*
** merge.h: when two records of a bibliography are one work — the pure core
** of paper_match() and match_keys(), which the papers database's import
** (sql/schema.sql) uses to merge records into papers.
**
** A record is what one import brought for one paper: a .bib entry, a line
** of a reading list, a Zotero item.  pe_merge_decide() compares two and says
** SAME, DIFFERENT or UNSURE, with a score and the reason in words.  Its rules,
** in order (the first that applies decides):
**   1. Identifiers.  Equal DOIs, or equal arXiv ids: SAME.  Two DOIs (or two
**      arXiv ids) that differ: DIFFERENT.  An arXiv DOI (10.48550/arXiv.X) is
**      read as the arXiv id X.
**   2. Titles.  Neither the same title, nor one plus a subtitle, nor similar
**      (pe_title_relation: title.h): DIFFERENT.
**   3. Guards, for similar titles:
**      - a book, a thesis and a paper (article, inproceedings, misc, report,
**        chapter...) are three kinds of work: DIFFERENT;
**      - different editions ('1st' and '2nd', '2' and 'Second'): DIFFERENT;
**      - years more than one apart: DIFFERENT, unless one record is a preprint
**        (arXiv) from up to two years before the other;
**      - different volume, issue or first page: DIFFERENT (a journal's
**        column in every issue: 'Calendar', 'Editorial');
**      - both with authors and none in common (last name + first initial,
**        LaTeX decoded and folded, so Sch{\"o}lkopf = Schölkopf; given and
**        family names swapped also match): DIFFERENT;
**      - two entries of one bibliography (same source, different cite keys):
**        UNSURE — a .bib never lists one work twice on purpose.
**   4. Then: authors in common: SAME.  A record without authors (a reading
**      list's line) is SAME when the titles are equal (same title key) and no
**      venue or year disagrees (a preprint's venue, arXiv, disagrees with
**      none), or when similar titles come with the same venue and year; else
**      UNSURE.  A title that is the other plus a
**      subtitle is SAME only with authors in common or the same venue and year.
*/
#ifndef PE_MERGE_H
#define PE_MERGE_H
#include <stddef.h>
#include "common/strbuf.h"

/* One record, as text (NULL or "" when unknown). */
typedef struct PeRecord {
  const char *zTitle;
  const char *zAuthors;     /* BibTeX form: 'Last, First and First Last and others' */
  int year;                 /* 0 when unknown */
  const char *zType;        /* entry type: article, inproceedings, book, phdthesis, ... */
  const char *zKind;        /* venue kind: conference, journal, workshop, preprint */
  const char *zVenue;       /* canonical venue (venue_norm) */
  const char *zDoi;
  const char *zArxiv;
  const char *zEdition, *zVolume, *zNumber, *zPages;
  const char *zSource;      /* the file it came from */
  const char *zKey;         /* its cite key */
} PeRecord;

enum { PE_MERGE_DIFFERENT = 0, PE_MERGE_SAME = 1, PE_MERGE_UNSURE = 2 };

typedef struct PeMergeVerdict {
  int eVerdict;             /* PE_MERGE_* */
  double score;             /* title similarity, 1.0 for identifiers */
  char zReason[200];        /* 'same DOI', 'years 2012 and 2017 are more than one apart' */
} PeMergeVerdict;

/* Compare a and b.  PE_OK or PE_NOMEM. */
int pe_merge_decide(const PeRecord *a, const PeRecord *b, PeMergeVerdict *v);

/* A record read from a JSON object with any of the members title, authors,
** year, type, kind, venue, doi, arxiv, edition, volume, number, pages,
** source, key (others are ignored; a member that is not a string or a number
** is unknown).  pe_merge_from_json() fills r, pointing into a[]: PE_OK,
** PE_NOMEM, or PE_ERROR when the text is not a JSON object.  Free with
** pe_merge_json_free() whatever it returned. */
#define PE_MERGE_NMEMBER 14
typedef struct PeMergeJson { PeRecord r; PeBuf a[PE_MERGE_NMEMBER]; } PeMergeJson;
int pe_merge_from_json(PeMergeJson *p, const char *z, size_t n);
void pe_merge_json_free(PeMergeJson *p);

/* The keys that find a record's possible duplicates through an index, as a
** JSON array of strings, appended to out: "doi:<doi>", "arxiv:<id>", then
** the title's blocking keys (pe_title_keys, title.h, which says which
** spellings always share one).  PE_OK or PE_NOMEM. */
int pe_merge_keys(PeBuf *out, const char *zTitle, const char *zDoi, const char *zArxiv);

/* A 128-bit hash of z[0..n), as 32 lower-case hex digits and a NUL in
** zOut[33]: two multiply-and-shift passes over its 8-byte words (read
** little-endian), each mixed at the end (splitmix64).  Not cryptographic:
** it tells whether a record changed. */
void pe_merge_hash(const char *z, size_t n, char zOut[33]);

/* The first 64 bits of that hash, as a signed integer (an index key). */
long long pe_merge_hash64(const char *z, size_t n);

#endif
