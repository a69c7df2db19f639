/*
** title_parts.h: the parts of a title, as a bibliography writes them:
**
**     [Name SEP] main [(parenthetical)] [SEP subtitle]
**
** SEP, a subtitle separator, is ':' (but between digits: '10:30'), a
** '-', '--' or '---' or an en dash '–' with white space on both sides, or
** an em dash '—' (or '―') anywhere; a parenthetical is a '(...)' or
** '[...]' group that ends the part it is in ('... Models (DDPM)',
** 'Big Transfer (BiT): ...').  Only separators outside braces and $math$
** count ('{A: B}' is one part).
**
**   - the main title (pe_title_main) is the text before the first SEP,
**     without a parenthetical at its end, trimmed; the whole title (trimmed)
**     when it has neither;
**   - the text before the first SEP is a leading name when its key has one
**     or two words ('BERT: Pre-training of ...', 'Big Bird: ...'); the title
**     after it is then the title without its name.
**
** pe_title_variants() lists the shorter titles a title stands for, the
** variants that title_similarity() and title_relation() also compare:
** the main title (when a subtitle or parenthetical was cut), the title
** without its name, and that title's own main title.  A cut part that holds
** a number word ('Part II', '(2nd ed.)', ': 2', 'phi-1.5 technical report')
** marks a sequel or an edition, another work: it is never cut.
*/
#ifndef PE_TITLE_PARTS_H
#define PE_TITLE_PARTS_H
#include <stddef.h>
#include "common/strbuf.h"

/* The main title of z[0..n): its start and length in z. */
void pe_title_main(const char *z, size_t n, size_t *pi, size_t *pn);

/* Has z[0..n) a leading name?  Then 1, and *pi: where the title after it
** starts.  *pOom set on out of memory. */
int pe_title_rest(const char *z, size_t n, size_t *pi, int *pOom);

typedef struct PeTitleVariant {
  size_t i, n;        /* the shorter title: z[i..i+n) */
  int nCut;           /* parts cut: 1, or 2 (the name and a subtitle) */
  int tailCut;        /* a subtitle or parenthetical was cut */
  int sameOk;         /* title_same may rest on it (see title.h) */
  PeBuf key;          /* its key (pe_title_key) */
} PeTitleVariant;

#define PE_TITLE_MAX_VARIANTS 3

/* The variants of z[0..n) into a[], their count in *pn.  PE_OK or PE_NOMEM
** (then none is left to free).  Free them with pe_title_variants_free(). */
int pe_title_variants(const char *z, size_t n, PeTitleVariant *a, int *pn);
void pe_title_variants_free(PeTitleVariant *a, int n);

#endif
