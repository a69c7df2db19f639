/*
** bibnames.h: BibTeX's name rules, the pure core of bibtex_names().
**
** An author or editor field is a list of names joined by "and" (any case,
** outside braces, between white space).  Each name is one of
**     First von Last        von Last, First        von Last, Jr, First
** where the von part is the words that start with a lowercase letter (a
** word's case is its first letter outside braces; a brace group that starts
** with a command, like {\"u}, counts as the letter it makes; other brace
** groups are caseless), the Last part has at least one word, and braces
** protect: {World Health Organization} is one word, a literal name.  A last
** name "others" marks a list that goes on (and others).
**
** Words are separated by white space, ~ and - outside braces; each part is
** returned as written, from its first word to its last (so "Jean-Paul").
**
** Chinese, Japanese and Korean names (the one rule that is not BibTeX's): a
** name without a comma whose words are all in CJK script (Han, kana, Hangul)
** is family name first, as those languages write it: '李 四' is family 李,
** given 四; '山田 太郎', '김 민수' alike.  With a comma BibTeX's rule holds
** ('张, 三': family 张).  A name in one word ('李四') is all family name: the
** split between family and given name cannot be told from the text.  A name
** mixing scripts ('李 Si', 'Li 四') follows BibTeX's rule (given name first).
*/
#ifndef PE_BIBNAMES_H
#define PE_BIBNAMES_H
#include <stddef.h>
#include "bibtex.h"
#include "common/strbuf.h"

typedef struct BibName {
  BibText first, von, last, jr;   /* as written; z==0 when empty */
  int bLiteral;                   /* the whole name is one brace group */
  int bOthers;                    /* the name is "others" */
} BibName;

typedef struct BibNameIter { const char *z; size_t n, i; } BibNameIter;

void bib_names_start(BibNameIter *it, const char *z, size_t n);
/* The next name into *pName: 1, or 0 at the end (empty names are skipped). */
int bib_names_next(BibNameIter *it, BibName *pName);

/* "First von Last, Jr" with LaTeX decoded (a literal name: its text; a
** name all in CJK characters: family name first, no space, 张三). */
int bib_name_display(PeBuf *out, const BibName *pName);

#endif
