/*
** readinglist_refs.h: what the reading-list parser takes from the other
** cores: canonical tags (tags.h) and identifiers (ident.h).  Small adapters,
** so the parser stays independent of their exact interfaces.
*/
#ifndef PE_READINGLIST_REFS_H
#define PE_READINGLIST_REFS_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the canonical tags written in z[0..n) ('#tag', '[tag]', '【tag】';
** only '#hashtags' when onlyHashtags), each followed by a NUL byte. */
int pe_rl_tags_in(PeBuf *out, const char *z, size_t n, int onlyHashtags);
/* Append the canonical form of the whole text z[0..n) as one tag (may be empty). */
int pe_rl_tag_norm(PeBuf *out, const char *z, size_t n);
/* A set of distinct canonical tags in first-seen order: tags.h's PeTagSet
** (hashed), behind a pointer so that the parser can move its entries by
** value.  NULL is an empty set for _add (which makes it), _json, _clear
** and _free. */
typedef struct PeRlTags PeRlTags;
int pe_rl_tags_add(PeRlTags **pp, const char *z, size_t n);   /* PE_OK or PE_NOMEM */
int pe_rl_tags_json(const PeRlTags *p, PeBuf *out);          /* '["a","b"]' */
void pe_rl_tags_clear(PeRlTags *p);
void pe_rl_tags_free(PeRlTags *p);
/* Fill arxiv and doi (each only while still empty) from the first arXiv id
** and DOI found in z[0..n) (z may be NULL). */
int pe_rl_find_ids(PeBuf *arxiv, PeBuf *doi, const char *z, size_t n);

#endif
