/* regex.c: see regex.h. */
#define _GNU_SOURCE                 /* memmem */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <stdio.h>
#include <string.h>
#include <pcre2.h>
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "regex.h"
#include "regex_litset.h"
#include "regex_words.h"
#include "common/utf8.h"

#define COMPILE_OPTIONS (PCRE2_UTF|PCRE2_UCP|PCRE2_MATCH_INVALID_UTF|PCRE2_NEVER_BACKSLASH_C)
#define HASH_BUCKETS 256            /* a power of two, > PE_REGEX_CACHE_SIZE */
#define JIT_STACK_START (32*1024)
#define JIT_STACK_MAX   (1024*1024)
#define MAX_GROUP_NAME  32          /* PCRE2's limit on a group name */

struct PeRegex {
  int nRef;
  pcre2_code *code;
  pcre2_match_data *md;     /* reused by every search with this pattern */
  PCRE2_SIZE *ov;           /* md's ovector */
  int jit;                  /* JIT-compiled: match with pcre2_jit_match */
  int literal;              /* answered by a byte search for zPat */
  size_t iRare;             /* literal: the offset of its rarest byte */
  int nonAsciiStart;        /* every match starts with a non-ASCII character */
  int anchorCheck;          /* anchored: aAnchorStart says which first bytes can match */
  uint8_t aAnchorStart[32];
  PeLitSet lits;            /* an alternation of literals: where to start PCRE2 */
  int nGroup;               /* capturing groups */
  uint32_t options;         /* the flags' options */
  uint64_t hash;
  char *zPat;               /* the pattern, NUL-terminated */
  size_t nPat;
  size_t mStart, mEnd;      /* the last match */
  /* Cache links (only while the env's cache holds it). */
  PeRegex *pHashNext, *pLruPrev, *pLruNext;
};

struct PeRegexEnv {
  pcre2_general_context *gctx;
  pcre2_compile_context *cctx;
  pcre2_match_context *mctx;
  pcre2_jit_stack *jitStack;
  PeRegex *aBucket[HASH_BUCKETS];
  PeRegex *pNewest, *pOldest;  /* the LRU list, most recently used first */
  int nEntry;
};

static void plan_start(PeRegexEnv *env, PeRegex *re);

/* ---- PCRE2 allocates through pe_mem.h ---- */
static void *pcre_alloc(PCRE2_SIZE n, void *pUnused){ (void)pUnused; return pe_malloc(n); }
static void pcre_free(void *p, void *pUnused){ (void)pUnused; pe_free(p); }

void pe_regex_append_valid_utf8(PeBuf *b, const char *z, size_t n){
  size_t i = 0;
  while( i<n ){
    uint32_t c;
    int k = pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    if( c==PE_REPLACEMENT && k==1 ) pe_buf_append_utf8(b, c);
    else pe_buf_append(b, z+i, (size_t)k);
    i += (size_t)k;
  }
}

/* Finish a message begun in b with " in 'zIn'": PE_ERROR, or PE_NOMEM when
** even the message cannot be allocated (*pzErr stays NULL then). */
/* A message quotes at most this many bytes of a pattern (a pattern of
** megabytes would otherwise make a message of megabytes). */
#define ERROR_QUOTE_MAX 200

static int error_in(char **pzErr, PeBuf *b, const char *zIn, size_t nIn){
  size_t nQuote = nIn;
  if( nQuote>ERROR_QUOTE_MAX ){
    nQuote = ERROR_QUOTE_MAX;
    while( nQuote>0 && ((unsigned char)zIn[nQuote] & 0xC0)==0x80 ) nQuote--;  /* whole characters */
  }
  pe_buf_appends(b, " in '");
  pe_regex_append_valid_utf8(b, zIn, nQuote);
  if( nQuote<nIn ) pe_buf_appendf(b, "...' (%zu bytes)", nIn);
  else pe_buf_appendc(b, '\'');
  *pzErr = pe_buf_finish(b, 0);
  return *pzErr ? PE_ERROR : PE_NOMEM;
}

/*
** The offset an error message names: in characters from 0, pointing at a
** character of the pattern.  PCRE2 counts bytes and, for a problem found
** at the end ('ab(c': the parenthesis is never closed), points just past
** the pattern; we name its last character instead.
*/
static size_t error_offset(const char *z, size_t n, size_t iByte){
  if( iByte<n ) return pe_regex_chars(z, iByte);
  n = pe_regex_chars(z, n);
  return n ? n-1 : 0;
}

/* ---- the environment ---- */

PeRegexEnv *pe_regex_env_new(void){
  PeRegexEnv *env = pe_malloc(sizeof(*env));
  if( env==0 ) return 0;
  memset(env, 0, sizeof(*env));
  env->gctx = pcre2_general_context_create(pcre_alloc, pcre_free, 0);
  if( env->gctx ){
    env->cctx = pcre2_compile_context_create(env->gctx);
    env->mctx = pcre2_match_context_create(env->gctx);
    env->jitStack = pcre2_jit_stack_create((PCRE2_SIZE)JIT_STACK_START, (PCRE2_SIZE)JIT_STACK_MAX, env->gctx);
  }
  if( env->cctx==0 || env->mctx==0 || env->jitStack==0 ){
    pe_regex_env_free(env);
    return 0;
  }
  pcre2_set_match_limit(env->mctx, PE_REGEX_MATCH_LIMIT);
  pcre2_set_heap_limit(env->mctx, PE_REGEX_HEAP_LIMIT_KB);
  pcre2_jit_stack_assign(env->mctx, 0, env->jitStack);
  return env;
}

static void cache_unlink(PeRegexEnv *env, PeRegex *re);

void pe_regex_env_free(PeRegexEnv *env){
  if( env==0 ) return;
  while( env->pOldest ){
    PeRegex *re = env->pOldest;
    cache_unlink(env, re);
    pe_regex_unref(re);
  }
  pcre2_jit_stack_free(env->jitStack);
  pcre2_match_context_free(env->mctx);
  pcre2_compile_context_free(env->cctx);
  pcre2_general_context_free(env->gctx);
  pe_free(env);
}

/* ---- flags ---- */

int pe_regex_flags(const char *z, size_t n, uint32_t *pOptions, char **pzErr){
  uint32_t o = 0;
  size_t i;
  *pOptions = 0;
  for(i=0; i<n; i++){
    switch( z[i] ){
      case 'i': o |= PCRE2_CASELESS; break;
      case 'm': o |= PCRE2_MULTILINE; break;
      case 's': o |= PCRE2_DOTALL; break;
      case 'x': o |= PCRE2_EXTENDED; break;
      case 'w': o |= PE_REGEX_WORDS; break;
      default: {
        /* Name the whole character, even when it is not ASCII. */
        size_t k = i+1;
        PeBuf b;
        while( k<n && ((unsigned char)z[k] & 0xC0)==0x80 ) k++;
        pe_buf_init(&b);
        pe_buf_appends(&b, "regexp: unknown flag '");
        pe_regex_append_valid_utf8(&b, z+i, k-i);
        pe_buf_appends(&b, "' in '");
        pe_regex_append_valid_utf8(&b, z, n);
        pe_buf_appends(&b, "' (flags are i, m, s, x, w)");
        *pzErr = pe_buf_finish(&b, 0);
        return *pzErr ? PE_ERROR : PE_NOMEM;
      }
    }
  }
  *pOptions = o;
  return PE_OK;
}

/* ---- compiling ---- */

int pe_regex_literal_pattern(const char *zPat, size_t nPat, uint32_t options){
  size_t i;
  if( nPat==0 ) return 0;                  /* matches empty strings everywhere */
  if( options & (PCRE2_CASELESS|PCRE2_EXTENDED) ) return 0;
  for(i=0; i<nPat; i++){
    if( strchr("\\^$.[|()?*+{", zPat[i]) ) return 0;   /* also catches NUL */
  }
  return 1;
}

static uint64_t pattern_hash(const char *z, size_t n, uint32_t options){
  uint64_t h = 14695981039346656037ULL ^ options;   /* FNV-1a */
  size_t i;
  for(i=0; i<n; i++){ h ^= (unsigned char)z[i]; h *= 1099511628211ULL; }
  return h;
}

static void regex_free(PeRegex *re){
  pcre2_match_data_free(re->md);
  pcre2_code_free(re->code);
  pe_free(re->zPat);
  pe_free(re);
}

/* Replace re->code by the code of re's pattern rewritten for the flag w;
** re->code is 0 with *pErrCode set when that does not compile (a limit
** the longer pattern hits).  PE_OK or PE_NOMEM. */
static int words_code(PeRegexEnv *env, PeRegex *re, int *pErrCode, PCRE2_SIZE *pErrOffset){
  PeBuf b;
  int changed = 0;
  pe_buf_init(&b);
  if( pe_regex_words_rewrite(re->zPat, re->nPat, (re->options & PCRE2_EXTENDED)!=0, &b, &changed) ){
    pe_buf_free(&b);
    return PE_NOMEM;
  }
  if( changed ){
    pcre2_code_free(re->code);
    re->code = pcre2_compile((PCRE2_SPTR)(b.z ? b.z : ""), b.n,
                             COMPILE_OPTIONS|(re->options & ~PE_REGEX_WORDS),
                             pErrCode, pErrOffset, env->cctx);
    *pErrOffset = re->nPat;        /* an offset in the rewritten pattern means nothing here */
  }
  pe_buf_free(&b);
  return PE_OK;
}

int pe_regex_compile(PeRegexEnv *env, const char *zPat, size_t nPat,
                     uint32_t options, PeRegex **ppRe, char **pzErr){
  PeRegex *re;
  int errCode = 0;
  PCRE2_SIZE errOffset = 0;
  uint32_t nCapture = 0;
  int rewritten = 0;
  *ppRe = 0;
  re = pe_malloc(sizeof(*re));
  if( re==0 ) return PE_NOMEM;
  memset(re, 0, sizeof(*re));
  re->nRef = 1;
  re->options = options;
  re->hash = pattern_hash(zPat, nPat, options);
  re->nPat = nPat;
  re->zPat = pe_malloc(nPat+1);
  if( re->zPat==0 ){ pe_free(re); return PE_NOMEM; }
  if( nPat ) memcpy(re->zPat, zPat, nPat);
  re->zPat[nPat] = 0;
  re->code = pcre2_compile((PCRE2_SPTR)re->zPat, nPat, COMPILE_OPTIONS|(options & ~PE_REGEX_WORDS),
                           &errCode, &errOffset, env->cctx);
  if( re->code && (options & PE_REGEX_WORDS) ){
    /* The pattern as written compiled (so errors name its own offsets):
    ** now the one with the reader's word boundaries (regex_words.h). */
    int rc = words_code(env, re, &errCode, &errOffset);
    if( rc ){ regex_free(re); return rc; }
    rewritten = 1;
  }
  if( re->code==0 ){
    PCRE2_UCHAR aMsg[256];
    PeBuf b;
    regex_free(re);
    if( errCode==PCRE2_ERROR_HEAP_FAILED || errCode==121 /* failed to allocate heap memory */ ){
      return PE_NOMEM;
    }
    pcre2_get_error_message(errCode, aMsg, sizeof(aMsg));
    pe_buf_init(&b);
    pe_buf_appendf(&b, "regexp: %s at offset %zu", (const char*)aMsg,
                   error_offset(zPat, nPat, errOffset));
    /* Name the limit PCRE2 hit, and its value. */
    if( errCode==PCRE2_ERROR_PARENTHESES_NEST_TOO_DEEP ){
      uint32_t nLimit = 0;
      pcre2_config(PCRE2_CONFIG_PARENSLIMIT, &nLimit);
      pe_buf_appendf(&b, " (PCRE2's limit: %u nested parentheses)", (unsigned)nLimit);
    }else if( errCode==PCRE2_ERROR_PATTERN_TOO_LARGE ){
      uint32_t nLink = 0;
      pcre2_config(PCRE2_CONFIG_LINKSIZE, &nLink);
      pe_buf_appendf(&b, " (PCRE2's limit: a compiled pattern of %llu code units, link size %u)",
                     nLink>=4 ? 2147483647ULL : (1ULL<<(8*nLink)), (unsigned)nLink);
    }
    if( rewritten ) pe_buf_appends(&b, " (the pattern as the flag w rewrites its \\b, \\B and \\w)");
    return error_in(pzErr, &b, zPat, nPat);
  }
  pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &nCapture);
  re->nGroup = (int)nCapture;
#ifndef PE_REGEX_NO_SHORTCUTS      /* a bench-only build: PCRE2's JIT alone */
  re->literal = pe_regex_literal_pattern(zPat, nPat, options);
  if( re->literal ) re->iRare = pe_literal_rare_byte(re->zPat, nPat);
#endif
  if( !re->literal ){
    /* Without JIT (no executable memory, say) the interpreter still works. */
    re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE)==0;
  }
  re->md = pcre2_match_data_create_from_pattern(re->code, env->gctx);
  if( re->md==0 ){ regex_free(re); return PE_NOMEM; }
  re->ov = pcre2_get_ovector_pointer(re->md);
#ifndef PE_REGEX_NO_SHORTCUTS
  if( !re->literal ){
    pe_litset_parse(re->zPat, nPat, (options & PCRE2_CASELESS)!=0,
                    (options & PCRE2_EXTENDED)!=0, &re->lits);
    if( re->lits.n==0 ) plan_start(env, re);
  }
#endif
  *ppRe = re;
  return PE_OK;
}

/* Which ASCII bytes can begin a match: each of the 128 is tried as a
** one-character subject, anchored, with PCRE2_PARTIAL_HARD, and NOMATCH
** means that no match can begin with it.  (Only valid when nothing before
** the start matters: see plan_start.) */
static void probe_ascii_starts(PeRegexEnv *env, const PeRegex *re, uint8_t aMap[16]){
  unsigned char c;
  memset(aMap, 0, 16);
  for(c=0; c<0x80; c++){
    int rc = pcre2_match(re->code, &c, 1, 0, PCRE2_ANCHORED|PCRE2_PARTIAL_HARD|PCRE2_NO_JIT,
                         re->md, env->mctx);
    if( rc!=PCRE2_ERROR_NOMATCH ) aMap[c>>3] |= (uint8_t)(1<<(c&7));
  }
}

/*
** Start-up shortcuts, decided once per pattern, for what PCRE2 does not do
** itself (literal patterns and literal sets are handled before this):
**
** - An anchored pattern (^arXiv:..., \A...) can only match at the start, so
**   when the first byte of a text cannot begin a match, PCRE2 is not called.
** - A pattern that can only start at a non-ASCII character (\p{Han}{4},
**   [\x{4e00}-\x{9fff}]{4}) lets the search skip ASCII text 8 bytes at a
**   time: PCRE2 would test each byte against its map of first bytes, or for
**   \p{Han} look up the Unicode property of every character.
**
** Which bytes can begin a match comes from PCRE2's own map of first bytes
** when it has one, else from probing.  Either is only sound when nothing
** before the start matters, so patterns with a lookbehind or \b
** (MAXLOOKBEHIND), or verbs such as (*COMMIT), get no shortcut; nor do
** patterns that may match an empty string or whose first character PCRE2
** already scans for.
*/
static void plan_start(PeRegexEnv *env, PeRegex *re){
  uint32_t minLength = 0, firstType = 0, lookbehind = 0, allOptions = 0;
  const uint8_t *pBitmap = 0;
  uint8_t aAscii[16];
  int i, anyAscii = 0;
  pcre2_pattern_info(re->code, PCRE2_INFO_MINLENGTH, &minLength);
  pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTCODETYPE, &firstType);
  pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTBITMAP, &pBitmap);
  pcre2_pattern_info(re->code, PCRE2_INFO_MAXLOOKBEHIND, &lookbehind);
  pcre2_pattern_info(re->code, PCRE2_INFO_ALLOPTIONS, &allOptions);
  if( lookbehind!=0 || memmem(re->zPat, re->nPat, "(*", 2) ) return;
  if( allOptions & PCRE2_ANCHORED ){
    probe_ascii_starts(env, re, aAscii);
    memcpy(re->aAnchorStart, aAscii, 16);
    memset(re->aAnchorStart+16, 0xFF, 16);     /* any non-ASCII byte: ask PCRE2 */
    re->anchorCheck = 1;
    return;
  }
  if( minLength==0 || firstType!=0 ) return;
  if( pBitmap ){
    memcpy(aAscii, pBitmap, 16);
  }else{
    probe_ascii_starts(env, re, aAscii);
  }
  for(i=0; i<16; i++) anyAscii |= aAscii[i];
  re->nonAsciiStart = !anyAscii;
}

/* The first byte at or after i that is not ASCII, or n: 16 bytes a step,
** then the exact byte from the high bits of the word that has one. */
static size_t skip_ascii(const char *z, size_t i, size_t n){
  const uint64_t high = 0x8080808080808080ULL;
  while( i+16<=n ){
    uint64_t a, b;
    memcpy(&a, z+i, 8);
    memcpy(&b, z+i+8, 8);
    if( (a|b) & high ){
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__==__ORDER_LITTLE_ENDIAN__
      if( a & high ) return i + (size_t)(__builtin_ctzll(a & high)>>3);
      return i + 8 + (size_t)(__builtin_ctzll(b & high)>>3);
#else
      break;
#endif
    }
    i += 16;
  }
  while( i<n && (unsigned char)z[i]<0x80 ) i++;
  return i;
}

void pe_regex_ref(PeRegex *re){ re->nRef++; }

void pe_regex_unref(PeRegex *re){
  if( re && --re->nRef==0 ) regex_free(re);
}

int pe_regex_is(const PeRegex *re, const char *zPat, size_t nPat, uint32_t options){
  return re->options==options && re->nPat==nPat && memcmp(re->zPat, zPat, nPat)==0;
}
int pe_regex_is_literal(const PeRegex *re){ return re->literal; }
int pe_regex_skips_ascii(const PeRegex *re){ return re->nonAsciiStart; }
int pe_regex_checks_anchor(const PeRegex *re){ return re->anchorCheck; }
int pe_regex_literal_set(const PeRegex *re){ return re->lits.n; }
uint32_t pe_regex_options(const PeRegex *re){ return re->options; }
int pe_regex_group_count(const PeRegex *re){ return re->nGroup; }
const char *pe_regex_pattern(const PeRegex *re){ return re->zPat; }

/* ---- the LRU cache ---- */

static void cache_unlink(PeRegexEnv *env, PeRegex *re){
  PeRegex **pp = &env->aBucket[re->hash & (HASH_BUCKETS-1)];
  while( *pp!=re ) pp = &(*pp)->pHashNext;
  *pp = re->pHashNext;
  if( re->pLruPrev ) re->pLruPrev->pLruNext = re->pLruNext; else env->pNewest = re->pLruNext;
  if( re->pLruNext ) re->pLruNext->pLruPrev = re->pLruPrev; else env->pOldest = re->pLruPrev;
  re->pHashNext = re->pLruPrev = re->pLruNext = 0;
  env->nEntry--;
}

static void lru_push_newest(PeRegexEnv *env, PeRegex *re){
  re->pLruPrev = 0;
  re->pLruNext = env->pNewest;
  if( env->pNewest ) env->pNewest->pLruPrev = re; else env->pOldest = re;
  env->pNewest = re;
}

int pe_regex_get(PeRegexEnv *env, const char *zPat, size_t nPat,
                 uint32_t options, PeRegex **ppRe, char **pzErr){
  uint64_t h = pattern_hash(zPat, nPat, options);
  PeRegex *re;
  int rc;
  for(re=env->aBucket[h & (HASH_BUCKETS-1)]; re; re=re->pHashNext){
    if( re->hash==h && pe_regex_is(re, zPat, nPat, options) ){
      if( env->pNewest!=re ){       /* move to the front */
        re->pLruPrev->pLruNext = re->pLruNext;
        if( re->pLruNext ) re->pLruNext->pLruPrev = re->pLruPrev; else env->pOldest = re->pLruPrev;
        lru_push_newest(env, re);
      }
      re->nRef++;
      *ppRe = re;
      return PE_OK;
    }
  }
  rc = pe_regex_compile(env, zPat, nPat, options, ppRe, pzErr);
  if( rc!=PE_OK || PE_REGEX_CACHE_SIZE<=0 ) return rc;
  re = *ppRe;                       /* set: pe_regex_compile returned PE_OK */
  if( env->nEntry>=PE_REGEX_CACHE_SIZE ){
    PeRegex *pOld = env->pOldest;
    cache_unlink(env, pOld);
    pe_regex_unref(pOld);
  }
  re->pHashNext = env->aBucket[h & (HASH_BUCKETS-1)];  /* NOLINT(clang-analyzer-core.NullDereference): re is set when rc is PE_OK */
  env->aBucket[h & (HASH_BUCKETS-1)] = re;
  lru_push_newest(env, re);
  re->nRef++;                       /* the cache's reference */
  env->nEntry++;
  return PE_OK;
}

/* ---- matching ---- */

/* Kept out of line (cold): its message buffer would otherwise give every
** search, the hot path of a WHERE clause, a large stack frame to set up. */
#if defined(__GNUC__)
__attribute__((cold, noinline))
#endif
static int match_error(char **pzErr, int rc, const PeRegex *re){
  PCRE2_UCHAR aMsg[256];
  const char *zWhy;
  PeBuf b;
  switch( rc ){
    case PCRE2_ERROR_NOMEMORY:
    case PCRE2_ERROR_HEAP_FAILED:
      return PE_NOMEM;
    case PCRE2_ERROR_MATCHLIMIT:
      snprintf((char*)aMsg, sizeof(aMsg), "match limit of %d steps exceeded"
               " (the pattern backtracks too much)", PE_REGEX_MATCH_LIMIT);
      zWhy = (const char*)aMsg; break;
    case PCRE2_ERROR_JIT_STACKLIMIT:
      zWhy = "JIT stack limit exceeded (the pattern nests too deeply)"; break;
    case PCRE2_ERROR_DEPTHLIMIT:
      zWhy = "match depth limit exceeded (the pattern nests too deeply)"; break;
    case PCRE2_ERROR_HEAPLIMIT:
      snprintf((char*)aMsg, sizeof(aMsg), "match heap limit of %d KiB exceeded (the pattern"
               " keeps too many backtracking positions for this text)", PE_REGEX_HEAP_LIMIT_KB);
      zWhy = (const char*)aMsg; break;
    default:
      pcre2_get_error_message(rc, aMsg, sizeof(aMsg));
      zWhy = (const char*)aMsg;
  }
  pe_buf_init(&b);
  pe_buf_appends(&b, "regexp: ");
  pe_buf_appends(&b, zWhy);
  return error_in(pzErr, &b, re->zPat, re->nPat);
}

/* The search by PCRE2, after the start-up shortcuts (see plan_start).  Out
** of line, so that a literal search does not pay for its stack frame. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int search_pcre2(PeRegexEnv *env, PeRegex *re, const char *z, size_t n,
                        size_t iFrom, int notEmptyAt, int *pFound, char **pzErr){
  uint32_t options = notEmptyAt ? PCRE2_NOTEMPTY_ATSTART : 0;
  int rc;
  if( re->lits.n ){
    /* A match can only start where one of the literals occurs. */
    iFrom = pe_litset_find(&re->lits, z, iFrom, n);
    if( iFrom==PE_LITSET_NONE ) return PE_OK;
  }else if( re->anchorCheck ){
    /* Only a match at iFrom is possible: is its first byte a possible one? */
    if( iFrom<n ){
      unsigned char c = (unsigned char)z[iFrom];
      if( !(re->aAnchorStart[c>>3] & (1<<(c&7))) ) return PE_OK;
    }
  }else if( re->nonAsciiStart ){
    /* No match can start in ASCII text, nor be empty (see plan_start). */
    iFrom = skip_ascii(z, iFrom, n);
    if( iFrom>=n ) return PE_OK;
  }
  if( re->jit ){
    rc = pcre2_jit_match(re->code, (PCRE2_SPTR)z, n, iFrom, options, re->md, env->mctx);
  }else{
    rc = pcre2_match(re->code, (PCRE2_SPTR)z, n, iFrom, options, re->md, env->mctx);
  }
  if( rc==PCRE2_ERROR_JIT_STACKLIMIT ){
    /* The interpreter keeps its backtracking frames on the heap (up to
    ** PCRE2's heap limit), so it can finish what the JIT stack cannot. */
    rc = pcre2_match(re->code, (PCRE2_SPTR)z, n, iFrom, options|PCRE2_NO_JIT,
                     re->md, env->mctx);
  }
  if( rc==PCRE2_ERROR_NOMATCH ) return PE_OK;
  if( rc<0 ) return match_error(pzErr, rc, re);
  re->mStart = re->ov[0];
  re->mEnd = re->ov[1];
  if( re->mStart>re->mEnd ) re->mStart = re->mEnd;   /* \K oddities: never negative */
  *pFound = 1;
  return PE_OK;
}

int pe_regex_search(PeRegexEnv *env, PeRegex *re, const char *z, size_t n,
                    size_t iFrom, int notEmptyAt, int *pFound, char **pzErr){
  *pFound = 0;
  if( iFrom>n ) return PE_OK;
  if( z==0 ) z = "";
  if( re->literal ){
    size_t at = pe_literal_find(re->zPat, re->nPat, re->iRare, z, iFrom, n);
    if( at!=PE_LITSET_NONE ){
      re->mStart = at;
      re->mEnd = at + re->nPat;
      *pFound = 1;
    }
    return PE_OK;
  }
  return search_pcre2(env, re, z, n, iFrom, notEmptyAt, pFound, pzErr);
}

int pe_regex_group(const PeRegex *re, int i, size_t *pStart, size_t *pEnd){
  if( i==0 ){ *pStart = re->mStart; *pEnd = re->mEnd; return 1; }
  if( i<0 || i>re->nGroup || re->ov[2*(size_t)i]==PCRE2_UNSET ) return 0;
  *pStart = re->ov[2*(size_t)i];
  *pEnd = re->ov[2*(size_t)i+1];
  return 1;
}

/* Group called zName (NUL-terminated) in the last match. */
static int group_by_name(const PeRegex *re, const char *zName, size_t *pStart, size_t *pEnd){
  PCRE2_SPTR first, last;
  int entrySize = pcre2_substring_nametable_scan(re->code, (PCRE2_SPTR)zName, &first, &last);
  if( entrySize<=0 ) return -1;
  for(; first<=last; first+=entrySize){
    int g = (first[0]<<8) | first[1];
    if( pe_regex_group(re, g, pStart, pEnd) ) return 1;
  }
  return 0;
}

/* Copy a group name to a NUL-terminated buffer; 0 if it cannot be one. */
static int name_copy(char aName[MAX_GROUP_NAME+1], const char *z, size_t n){
  if( n==0 || n>MAX_GROUP_NAME || memchr(z, 0, n) ) return 0;
  memcpy(aName, z, n);
  aName[n] = 0;
  return 1;
}

int pe_regex_group_named(const PeRegex *re, const char *zName, size_t nName,
                         size_t *pStart, size_t *pEnd){
  char aName[MAX_GROUP_NAME+1];
  if( !name_copy(aName, zName, nName) ) return -1;
  return group_by_name(re, aName, pStart, pEnd);
}

int pe_regex_group_number(const PeRegex *re, const char *zName, size_t nName){
  char aName[MAX_GROUP_NAME+1];
  int g;
  if( !name_copy(aName, zName, nName) ) return -1;
  g = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)aName);
  if( g==PCRE2_ERROR_NOUNIQUESUBSTRING ){
    PCRE2_SPTR first, last;
    pcre2_substring_nametable_scan(re->code, (PCRE2_SPTR)aName, &first, &last);
    g = (first[0]<<8) | first[1];
  }
  return g<0 ? -1 : g;
}

void pe_regex_iter_init(PeRegexIter *it, PeRegex *re, const char *z, size_t n){
  memset(it, 0, sizeof(*it));
  it->re = re;
  it->z = z;
  it->n = n;
}

int pe_regex_next(PeRegexEnv *env, PeRegexIter *it, int *pFound, char **pzErr){
  int rc;
  *pFound = 0;
  if( it->done ) return PE_OK;
  rc = pe_regex_search(env, it->re, it->z, it->n, it->iNext, it->lastEmpty, pFound, pzErr);
  if( rc!=PE_OK || !*pFound ){ it->done = 1; return rc; }
  it->start = it->re->mStart;
  it->end = it->re->mEnd;
  /* PCRE2 moves its start by whole characters; after an empty match the next
  ** search starts at the same place but may not match empty there. */
  it->lastEmpty = it->start==it->end;
  it->iNext = it->end;
  return PE_OK;
}

int pe_regex_count(PeRegexEnv *env, PeRegex *re, const char *z, size_t n,
                   long long *pCount, char **pzErr){
  PeRegexIter it;
  int found, rc;
  long long c = 0;
  pe_regex_iter_init(&it, re, z, n);
  while( (rc = pe_regex_next(env, &it, &found, pzErr))==PE_OK && found ) c++;
  *pCount = c;
  return rc;
}

int pe_regex_replace(PeRegexEnv *env, PeRegex *re, const PeTemplate *tpl,
                     const char *z, size_t n, PeBuf *out, char **pzErr){
  PeRegexIter it;
  int found, rc;
  size_t last = 0;
  pe_regex_iter_init(&it, re, z, n);
  while( (rc = pe_regex_next(env, &it, &found, pzErr))==PE_OK && found ){
    pe_buf_append(out, z+last, it.start-last);
    pe_template_expand(tpl, re, z, out);
    last = it.end;
  }
  if( rc!=PE_OK ) return rc;
  pe_buf_append(out, z+last, n-last);
  return out->oom ? PE_NOMEM : PE_OK;
}

/* ---- character positions ---- */

size_t pe_regex_chars(const char *z, size_t n){
  const unsigned char *p = (const unsigned char*)z;
  size_t i, count = 0;
  int inChar = 0;               /* continuation bytes now belong to a lead byte */
  for(i=0; i<n; i++){
    unsigned char c = p[i];
    if( c<0x80 ){ count++; inChar = 0; }
    else if( c>=0xC0 ){ count++; inChar = 1; }
    else if( !inChar ) count++;
  }
  return count;
}
