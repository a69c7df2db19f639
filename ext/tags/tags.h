/*
** tags.h: the pure core of tag normalization and tag finding.
**
** A canonical tag is what pe_tag_norm() makes of a raw tag: NFKC, Unicode
** case folded, trimmed; leading '#' and surrounding brackets or quotes
** removed; runs of white space, '_' and '-' become one '-'; '/' is kept as
** the hierarchy separator ('ML / SSL' -> 'ml/ssl'); trailing sentence
** punctuation ('.', ',', ';', ':', '!', '?', '。') dropped.  Chinese and
** every other script are kept.  An empty result means "no tag".
**
** Finding tags in a text (pe_tags_next) has two modes:
**   marked: the text holds at least one marked tag, and only those count:
**     #hashtag   '#' at the start of a word (after white space, an opening
**                bracket or quote, a list separator, or a CJK character, as
**                in '研究#自监督'), its body made of
**                letters, digits, marks, '_', '-', '/', '.', '+', and holding
**                at least one letter: not C#, a#b, x.com/#frag, &#39;, #1,
**                '# Heading'.  A trailing '.' is dropped ('#ssl.' -> 'ssl').
**                '#topic#' (Weibo style) is one tag: its closing '#' starts
**                nothing ('#自监督#视频' gives 自监督 only).
**     [tag]      '[' not after a letter/digit or one of \ ! [ _ } ) ^, the
**                content on one line with a letter and no LaTeX (\ { } ^ =)
**                in it ($E_{x}[\|x\|^2]$, f(x)[i]); not a Markdown link or image
**                '[text](url)' (the url is skipped too), not a link
**                definition '[ref]: url', not a task box '[ ]' / '[x]', not a
**                footnote '[^1]', a citation '[@key]' or '[12]', not a wiki
**                link '[[page]]'.  '[a][b]' is two tags.
**     【tag】〔tag〕〖tag〗［tag］  full-width brackets, anywhere.
**     A bracket holding a list ('[video, SSL]') gives one tag per item.
**     Text inside `code spans` and URLs (a word holding "://") is skipped.
**   list: the text holds no marked tag, so it is a list split on
**     , ; | ， 、 ； and line breaks ('Domain Adaptation, NAS').  A text
**     holding a Markdown link or a URL is prose, never a list: no tags.
**   mixed list: a one-line text split by those separators (outside
**     brackets) into items that are each either marked tags only
**     ('#NAS', '[video, SSL]', '【会议】') or a short plain phrase (at most
**     6 words and 32 characters, no URL): 'Domain Adaptation, #NAS' gives
**     both tags, where the marked mode would drop 'Domain Adaptation'.
**
** Use from C:
**
**   PeTagIter it;
**   int rc;
**   pe_tags_init(&it, z, n, 0);
**   while( (rc = pe_tags_next(&it))==PE_TAG_ROW ){
**     ... it.zTag[0..it.nTag) canonical, z[it.iRaw .. it.iRaw+it.nRaw) raw ...
**   }
**   pe_tags_close(&it);
**   if( rc!=PE_OK ) ... PE_NOMEM ...
*/
#ifndef PE_TAGS_H
#define PE_TAGS_H
#include <stddef.h>
#include <stdint.h>
#include "common/strbuf.h"

/* Append the canonical form of the tag z[0..n) to out (nothing when it is
** empty: compare out->n before and after).  PE_OK or PE_NOMEM. */
int pe_tag_norm(PeBuf *out, const char *z, size_t n);

/* pe_tags_next() returns this when it found a tag. */
#define PE_TAG_ROW 100

/* Flags for pe_tags_init(). */
#define PE_TAGS_MARKED_ONLY 0x01   /* never fall back to list mode */

/* Private: where a look-ahead scan for a closer landed (see tags.c). */
typedef struct PeTagSeek { size_t from, at, n; } PeTagSeek;
#define PE_TAGS_MAX_TICKS 16   /* longest backtick run read as a code span */

typedef struct PeTagIter {
  /* Valid after pe_tags_next() returned PE_TAG_ROW, until the next call: */
  const char *zTag;      /* canonical tag, NUL-terminated */
  size_t nTag;           /* its length in bytes */
  size_t iRaw, nRaw;     /* the raw span it came from, byte offsets in z */
  int isMarked;          /* 1 for a marked tag, 0 for a list item */
  /* Private. */
  const char *z;
  size_t n, i;
  unsigned flags;
  int mode;              /* 0 marked scan, 1 list, 2 done */
  int nFound;
  int sawMarkup;         /* met a Markdown link or a URL: not a plain list */
  size_t iItem, iItemEnd;  /* pending items of a bracket holding a list */
  int started;           /* the mode is chosen at the first call */
  size_t nTotal;         /* n of the text (n is the end of the current item) */
  size_t iTop;           /* mixed list: where the next item starts */
  size_t itemA, itemB;   /* mixed list: the current item */
  int inItem, itemFound;
  size_t iTagEnd;          /* 1 + where the last marked tag ended, 0: none */
  PeBuf tag;
  /* memos of the look-ahead scans, so that a run of openers without
  ** closers is read once, not once per opener (tags.c, "Look-ahead") */
  PeTagSeek aSeek[5];      /* the closer of each bracket kind, at it->n */
  PeTagSeek aGroupSeek[5]; /* the same for the bracket groups of a mixed list */
  size_t aNoTicks[PE_TAGS_MAX_TICKS+1];  /* 1 + where a run of k backticks was not found */
  size_t nNoTicks;         /* the n those hold for */
} PeTagIter;

void pe_tags_init(PeTagIter *it, const char *z, size_t n, unsigned flags);
/* PE_TAG_ROW (a tag, fields set), PE_OK (no more) or PE_NOMEM. */
int pe_tags_next(PeTagIter *it);
void pe_tags_close(PeTagIter *it);

/*
** A set of distinct canonical tags in first-seen order.  Small sets live in
** the struct itself (no allocation); an all-zero PeTagSet is a valid empty
** set (so it can be an SQLite aggregate context).  It must not be copied.
*/
typedef struct PeTagEntry { size_t off, len; int dead; } PeTagEntry;

#define PE_TAGSET_INLINE 16

typedef struct PeTagSet {
  char *zText;           /* the tags, each NUL-terminated: aText or heap */
  size_t nText, nTextAlloc;
  PeTagEntry *aEntry;    /* aEntryInline or heap */
  size_t nTag, nAlloc;
  uint32_t *aHash;       /* open addressing, 1 + index into aEntry, once big */
  size_t nHash;
  int oom;
  char aText[256];
  PeTagEntry aEntryInline[PE_TAGSET_INLINE];
} PeTagSet;

void pe_tagset_init(PeTagSet *s);
void pe_tagset_free(PeTagSet *s);
/* Add one canonical tag (no normalization here). PE_OK or PE_NOMEM. */
int pe_tagset_add(PeTagSet *s, const char *zTag, size_t nTag);
/* Add every tag of a text: a JSON array of strings (each normalized) when
** the text is one, else the tags pe_tags_next() finds. PE_OK or PE_NOMEM. */
int pe_tagset_add_text(PeTagSet *s, const char *z, size_t n);
/* Does the set hold the canonical tag or one of its descendants
** ('ml/ssl/contrastive' is a descendant of 'ml/ssl' and of 'ml')? */
int pe_tagset_has(const PeTagSet *s, const char *zTag, size_t nTag);
/* Remove the canonical tag and its descendants. */
void pe_tagset_remove(PeTagSet *s, const char *zTag, size_t nTag);
/* Append the set as a JSON array: ["a","b"]. PE_OK or PE_NOMEM. */
int pe_tagset_json(const PeTagSet *s, PeBuf *out);

/* Is z[0..n) (after white space) a JSON array of strings (null items are
** allowed and skipped)?  When it is and out is not NULL, append each string,
** NUL-terminated, to out, and their count to *pnItem.
** Returns 1 (an array), 0 (not one), or -1 on OOM. */
int pe_json_string_array(const char *z, size_t n, PeBuf *out, size_t *pnItem);

#endif
