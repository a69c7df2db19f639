/*
** readinglist_line.h: reading one line of a reading list (pure C, no state).
**
** The parser (readinglist.c) asks these questions of each line:
**   - Markdown structure: is it a heading, a code fence, a separator, a
**     list item (with a checkbox)?
**   - What of a title line is the title, and what is markup around it: a
**     link and its url, bare urls, #hashtags and [bracketed] tags, a venue
**     in brackets ('(NeurIPS 2020)'), emphasis?
**   - Title or note?  pe_rl_note_reason() gives the reason a line can only
**     be note text (script, formula, resumed sentence, link, sentence
**     punctuation); pe_rl_title_reason() adds the tests a plain-text line
**     must also pass to be a title (length, capitalization).  Both return
**     NULL when the line may be a title, else a short reason.
**   - Does a text name a venue ('CVPR 2021', "NeurIPS'20", 'nips2020')?
*/
#ifndef PE_READINGLIST_LINE_H
#define PE_READINGLIST_LINE_H
#include <stddef.h>

typedef struct PeSpan { size_t off, len; } PeSpan;

/* Leading white space, counting a tab as 4 columns. */
int pe_rl_indent(const char *z, size_t n);
/* Is the line blank (white space only)? */
int pe_rl_is_blank(const char *z, size_t n);
/* ATX heading '# text': its level 1..6 and text span (trailing #s gone), else 0. */
int pe_rl_heading(const char *z, size_t n, PeSpan *pText);
/* Code fence ``` or ~~~ (up to 3 spaces indent): its char, else 0.  *pLen is
** the run length (a closing fence must be at least as long). */
int pe_rl_fence(const char *z, size_t n, int *pLen);
/* Thematic break: ---, ***, ___ (3 or more, spaces allowed). */
int pe_rl_is_separator(const char *z, size_t n);

/* A list item: '- ', '* ', '+ ', '1. ', '1) ', optionally with a checkbox. */
typedef struct PeRlItem {
  int indent;             /* columns before the marker */
  size_t contentOff;      /* first byte after marker (and checkbox) and spaces */
  int markerWidth;        /* columns of marker + its space: 2 for '- ' */
  const char *zStatus;    /* from the checkbox, NULL when none */
} PeRlItem;
int pe_rl_item(const char *z, size_t n, PeRlItem *pItem);

/* The parts of a title line (offsets into the text given).  Its tags are
** not counted here: aArea says where they are written (the runs of '#tag',
** '[tag]', '【tag】' taken off either end of the title and of the text after
** its link or url, and that text itself), and any number of them may be
** there; read them with the tags core (pe_rl_tags_in()). */
#define PE_RL_TAG_AREAS 8   /* runs before, after and around a venue, the rest: 7 at most */
typedef struct PeRlTitle {
  PeSpan title;           /* the title itself; len 0 when nothing is left */
  PeSpan url;             /* first link target or bare url; len 0 if none */
  PeSpan venue;           /* a bracketed venue '(CVPR 2021)'; len 0 if none */
  PeSpan rest;            /* text after a link/url that is not the title */
  int hasLink;            /* the title came from a [text](url) link */
  int nArea;
  PeSpan aArea[PE_RL_TAG_AREAS];  /* where the line's tags are written, in order */
} PeRlTitle;
void pe_rl_title_parts(const char *z, size_t n, PeRlTitle *p);

/* How the plain-text rules read a line: a title, or why it is note text.
** The parser steers on these values; pe_rl_why_name() is what
** readinglist_line_kind() shows. */
typedef enum PeRlWhy {
  PE_RL_IS_TITLE = 0,
  PE_RL_WHY_EMPTY,              /* 'empty' */
  PE_RL_WHY_RESUMES,            /* 'resumes a sentence': starts with ',', ')', '，' ... */
  PE_RL_WHY_FORMULA,            /* 'formula': LaTeX, '^', '_', '=', '$' ... */
  PE_RL_WHY_LINK,               /* 'link': a URL, or only a link */
  PE_RL_WHY_SCRIPT,             /* 'script': CJK, Cyrillic ... (note text in these lists) */
  PE_RL_WHY_SENTENCE,           /* 'sentence': ends like one, or holds two */
  PE_RL_WHY_TOO_LONG,           /* 'too long': over 300 bytes or 30 words */
  PE_RL_WHY_TOO_SHORT,          /* 'too short': one word */
  PE_RL_WHY_AUTHORS,            /* 'author list' */
  PE_RL_WHY_LOWERCASE,          /* 'lowercase start' */
  PE_RL_WHY_NOT_TITLE_CASE,     /* 'not title case' */
  PE_RL_WHY_NOTE                /* 'note': starts with '\', ',', ')' or ';' */
} PeRlWhy;
const char *pe_rl_why_name(PeRlWhy eWhy);

/* Why z[0..n) can only be note text, or PE_RL_IS_TITLE. */
PeRlWhy pe_rl_note_reason(const char *z, size_t n);
/* Why z[0..n) is not a plain-text title (note_reason, then length, an
** author list, lowercase start, capitalization), or PE_RL_IS_TITLE. */
PeRlWhy pe_rl_title_reason(const char *z, size_t n);
/* Does the line end without finishing its sentence (so a following line
** of the same paragraph continues it)? */
int pe_rl_open_sentence(const char *z, size_t n);
/* Image caption '【tag】-...', '[tag]-...', '![alt](img)': 1 and the
** bracketed tag (len 0 for an image), else 0. */
int pe_rl_caption(const char *z, size_t n, PeSpan *pTag);

/* The first venue named in z: an acronym with a year ('CVPR 2021',
** "NeurIPS'20", 'AAAI-20', 'ICLR21', 'nips2020'), extended by a following
** 'Workshop(s)'.  1 and its span, else 0. */
int pe_rl_venue_token(const char *z, size_t n, PeSpan *pSpan);

/* Trim white space (ASCII and U+3000) from both ends of a span. */
PeSpan pe_rl_trim(const char *z, PeSpan s);

#endif
