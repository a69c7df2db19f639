/*
** venue_catalog.h: the shape of the generated venue catalog (venue_catalog.c).
**
** gen/gen_venues.py turns the data in data/ (hand-checked aliases,
** the CCFDDL conference list, JabRef's journal abbreviations) into these
** constant tables.  Matching works on words, not characters:
**
**   pe_venue_words   every word the catalog knows, with its class and the id
**                    of the stem it stands for ('Comput.' and 'computer' ->
**                    'comput'); found through pe_venue_word_hash (FNV-1a of
**                    the lower-case word, open addressing, word 0 = empty slot).
**   pe_venue_aliases every alias as a sequence of stem ids (pe_venue_alias_toks),
**                    grouped by first stem, then sorted by second stem (one-word
**                    aliases last) and longest first: a word of the input leads
**                    to its group, the next word to a binary search inside it.
**   pe_venue_squash  full names with the spaces removed, longest first, for
**                    text whose spaces a PDF extraction lost.
*/
#ifndef PE_VENUE_CATALOG_H
#define PE_VENUE_CATALOG_H
#include <stdint.h>

/* Venue kinds (index into pe_venue_kind_names). */
enum { PE_VK_NONE = 0, PE_VK_CONFERENCE, PE_VK_JOURNAL, PE_VK_WORKSHOP, PE_VK_PREPRINT };

typedef struct PeVenue {
  const char *zAcronym;   /* canonical acronym (ISO 4 abbreviation for most journals) */
  const char *zName;      /* canonical full name */
  const char *zAliases;   /* '|'-separated spellings, as listed in the data */
  const char *zDblp;      /* dblp key ("conf/icml") or "" */
  const char *zProceedings; /* title of the proceedings (a template, venue_aliases.tsv), "" */
  uint8_t eKind;          /* PE_VK_* */
  uint8_t editionStep;    /* 0: editions do not give the year */
  uint8_t editionMin;     /* first edition the rule holds for */
  int16_t editionBase;    /* year = editionBase + editionStep * N */
  int16_t volumeBase;     /* proceedings volume N is year volumeBase + N; 0: no rule */
  uint16_t iEdition;      /* its rows of pe_venue_editions: [iEdition, iEdition+nEdition) */
  uint16_t nEdition;
} PeVenue;

/* One fact of data/editions.tsv: the venue's edition N was held in year. */
typedef struct PeVenueEdition { uint16_t nth; uint16_t year; } PeVenueEdition;

/* Word classes. */
enum {
  PE_VW_WORD = 0,     /* an ordinary word, matched through its stem */
  PE_VW_DROP,         /* a filler word, removed before matching */
  PE_VW_PAGES,        /* 'pp.', 'vol.': the numbers after it are not years */
  PE_VW_WORKSHOP,     /* 'workshop(s)' (kept as a word too) */
  PE_VW_FINDINGS,     /* 'findings' (kept as a word too) */
  PE_VW_NUMBER,       /* 'thirty' = 30 */
  PE_VW_ORDINAL       /* 'fourth' = 4th */
};

typedef struct PeVenueWord {
  const char *z;          /* lower-case word */
  uint8_t n;              /* its length */
  uint8_t eClass;         /* PE_VW_* */
  uint16_t value;         /* number words */
  uint32_t stem;          /* id of the word it stands for (itself when a stem) */
  uint32_t iAlias;        /* aliases starting with this stem: [iAlias, iAlias+nAlias) */
  uint32_t nAlias;
} PeVenueWord;

/* Alias flags. */
#define PE_VA_CASE      0x01  /* case-sensitive acronym: zCase as written or in capitals */
#define PE_VA_WHOLE     0x02  /* only when it covers every content word of the text */
#define PE_VA_VOLUME    0x04  /* a number right after it is a volume (NeurIPS) */
#define PE_VA_WORKSHOP  0x08  /* the spelling itself means a workshop (CVPRW) */
#define PE_VA_ACRONYM   0x10  /* an acronym: 'ICML 20' means 2020 */
#define PE_VA_PUBLISHER 0x20  /* also a publisher's name: counts only at the start */

typedef struct PeVenueAlias {
  uint32_t iVenue;
  uint32_t iTok;          /* first stem id in pe_venue_alias_toks */
  uint32_t second;        /* the second stem id, UINT32_MAX for a one-word alias */
  uint8_t nTok;
  uint8_t flags;          /* PE_VA_* */
  const char *zCase;      /* PE_VA_CASE: the spelling required */
} PeVenueAlias;

typedef struct PeVenueSquash {
  const char *z;          /* lower-case letters and digits only */
  uint32_t n;
  uint32_t iVenue;
  uint32_t flags;         /* PE_VA_VOLUME when the name is followed by volumes */
} PeVenueSquash;

extern const PeVenue pe_venue_table[];
extern const int pe_venue_count;
extern const PeVenueEdition pe_venue_editions[];  /* by venue, then by edition */
extern const int pe_venue_edition_count;
extern const uint16_t pe_venue_by_acronym[];   /* venue indexes by acronym (strcmp order) */
extern const PeVenueWord pe_venue_words[];
extern const int pe_venue_word_count;
/* A slot of the word hash table: the word's full hash, so that most probes
** are settled without touching the word itself, and its index + 1 (0: empty). */
typedef struct PeVenueSlot { uint32_t hash; uint32_t word; } PeVenueSlot;
extern const PeVenueSlot pe_venue_word_hash[];
extern const uint32_t pe_venue_word_hash_mask;
extern const uint32_t pe_venue_alias_toks[];
extern const PeVenueAlias pe_venue_aliases[];
extern const int pe_venue_alias_count;
extern const PeVenueSquash pe_venue_squash[];
extern const int pe_venue_squash_count;
/* Journals matched only by their whole name, letters only ('proceedingsoftheieee'):
** names that are all fillers or that read like another journal without them.
** Here flags holds pe_venue_hash(z); sorted by it for a binary search. */
extern const PeVenueSquash pe_venue_literal[];
extern const int pe_venue_literal_count;
extern const uint32_t pe_venue_literal_max;       /* the longest name there */

/* One-edit typos: a catalog word (eKind 0) or it with one letter deleted
** (eKind 1), and the word (UINT32_MAX: two different stems, ambiguous);
** found through pe_venue_typo_hash (FNV-1a of z, xor eKind). */
typedef struct PeVenueTypo { const char *z; uint8_t n; uint8_t eKind; uint32_t word; } PeVenueTypo;
extern const PeVenueTypo pe_venue_typo[];
extern const PeVenueSlot pe_venue_typo_hash[];
extern const uint32_t pe_venue_typo_hash_mask;

/* FNV-1a, the hash of pe_venue_word_hash (the generator computes the same). */
static inline uint32_t pe_venue_hash(const char *z, int n){
  uint32_t h = 2166136261u;
  int i;
  for(i=0; i<n; i++){ h ^= (unsigned char)z[i]; h *= 16777619u; }
  return h;
}

#endif
