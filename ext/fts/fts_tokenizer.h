/*
** fts_tokenizer.h: the pure core of the `paperext` FTS5 tokenizer.
**
** pe_fts_tokenize() splits a text into
**   - CJK characters (pe_is_cjk: Han incl. extensions and compatibility
**     forms, kana, bopomofo): one token each, at consecutive positions;
**   - runs of everything else, handed to the caller's xRun (the binding
**     gives them to FTS5's unicode61; pure-ASCII runs may instead be
**     tokenized here exactly as unicode61 would, see PE_FTS_ASCII_FAST).
**
** Adjacency is exact: two CJK characters sit at consecutive positions only
** when nothing but each other separates them.  When only separators (space,
** punctuation, invalid bytes...) lie between two CJK characters, a "break"
** token (PE_FTS_BREAK) takes the position in between, so the phrase 記憶
** does not match 記，憶, just as LIKE '%記憶%' does not.
**
** Bigrams (PE_FTS_BIGRAM): in a document each CJK character directly
** followed by another also gets the pair as a colocated token at its own
** position.  In a query (PE_FTS_QUERY) a CJK character directly followed by
** another is replaced by that pair, so a phrase of n characters reads n-1
** short pair doclists plus the last character, and matches exactly the rows
** the per-character phrase matches; the phrase keeps n tokens so
** highlight() and snippet() still mark all n characters.
**
** Variation selectors (U+FE00.., U+E0100..) after a CJK character are part
** of its span, not of its token.
**
** Invalid UTF-8 decodes as U+FFFD one byte at a time (utf8.h); it is a
** separator, and all byte offsets are into the original text.
*/
#ifndef PE_FTS_TOKENIZER_H
#define PE_FTS_TOKENIZER_H
#include <stddef.h>
#include <stdint.h>

/* Flags of pe_fts_tokenize(). */
#define PE_FTS_FOLD       0x01  /* Traditional->Simplified, full-width alnum->ASCII */
#define PE_FTS_BIGRAM     0x02  /* index character pairs too */
#define PE_FTS_QUERY      0x04  /* tokenizing a query, not a document */
#define PE_FTS_ASCII_FAST 0x08  /* tokenize pure-ASCII runs here (default unicode61 rules) */

/* Token flag passed to xToken: same position as the previous token
** (the value of FTS5_TOKEN_COLOCATED, so FTS5's callback can be the sink). */
#define PE_FTS_COLOCATED  0x01

/* The break token (U+FFFF, a noncharacter no other tokenizer emits). */
#define PE_FTS_BREAK      "\xEF\xBF\xBF"
#define PE_FTS_BREAK_LEN  3

typedef struct PeFtsSink {
  void *pTokenCtx;
  /* One token: zTok[0..nTok) covering text bytes [iStart, iEnd). */
  int (*xToken)(void *pCtx, int flags, const char *zTok, int nTok,
                int iStart, int iEnd);
  void *pRunCtx;
  /* A run of non-CJK text (valid UTF-8, no CJK) to tokenize.  Offsets
  ** inside zRun map to the original text as pe_fts_map_offset() says.
  ** Set *pnToken to the number of tokens emitted. */
  int (*xRun)(void *pCtx, const char *zRun, int nRun,
              int iBase, const int *aMap, int *pnToken);
} PeFtsSink;

/* Original byte offset of offset iOff (0..nRun) of a run given to xRun. */
static inline int pe_fts_map_offset(int iBase, const int *aMap, int iOff){
  return aMap ? aMap[iOff] : iBase + iOff;
}

/* Tokenize z[0..n).  Returns 0, or the first non-zero code an xToken or
** xRun returned (at once), or nomem_rc when an allocation failed. */
int pe_fts_tokenize(const char *z, int n, unsigned flags,
                    const PeFtsSink *pSink, int nomem_rc);

/* Read the paperext options out of a tokenizer's arguments (name value
** pairs): `fold 0|1`, `bigram 0|1`.  The others, meant for unicode61, are
** copied to azRest (room for nArg entries).  PE_FTS_ASCII_FAST is set unless
** an option changes unicode61's character classes (tokenchars, separators,
** categories).  Returns 0, or 1 with a message in zErr. */
int pe_fts_options(const char *const *azArg, int nArg, unsigned *pFlags,
                   const char **azRest, int *pnRest, char *zErr, size_t nErr);

/* Split an options text as FTS5 splits a tokenize= argument: words
** separated by spaces, 'single', "double" or `back` quoted with the quote
** doubled inside, or [bracketed].  *pazArg is one pe_malloc'ed block (free
** it with pe_free).  Returns 0, PE_NOMEM (strbuf.h) or PE_ERROR with a
** message in zErr for an unterminated quote. */
int pe_fts_split_args(const char *z, char ***pazArg, int *pnArg,
                      char *zErr, size_t nErr);

/* The fold of one code point (itself when it has none). */
uint32_t pe_fts_fold(uint32_t c);

/* The generated Traditional->Simplified table (fts_fold_table_generated.c). */
typedef struct PeFtsFold { uint32_t from, to; } PeFtsFold;
extern const PeFtsFold pe_fts_fold_table[];
extern const int pe_fts_fold_count;

#endif
