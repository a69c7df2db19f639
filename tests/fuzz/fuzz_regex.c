/*
** fuzz_regex: the regex core (ext/regex*.c) on fuzz input, without SQLite.
**
** Input: byte 0 picks the flags (bits: i m s x w), then the pattern up to the
** first NUL (at most 512 bytes: PCRE2's own limits are tested in
** tests/sql/limits.test), then a replacement template up to the next NUL,
** then the subject (at most 4096 bytes).  The core's match limit stays on,
** so catastrophic patterns end with an error, not a hang.
** Invariants (a broken one aborts):
**   - a compile error is PE_ERROR with a non-empty UTF-8 message; a pattern
**     that compiles without the flag w compiles with it, unless the longer
**     rewritten pattern hits a PCRE2 limit (the message says so);
**   - matches lie inside the subject, in order, without overlap, and groups
**     inside the subject; pe_regex_count agrees with the iteration;
**   - replacing with "$0" gives back the subject, with "" the subject minus
**     the matched bytes;
**   - a template either parses or is refused with a UTF-8 message; its
**     expansion never fails but for OOM.
*/
#include "fuzz_check.h"
#include "common/pe_mem.h"
#include "regex/regex.h"
#include "common/strbuf.h"

static PeRegexEnv *env;

static void check_err(int rc, char *zErr){
  FUZZ_ASSERT(rc==PE_ERROR || rc==PE_NOMEM, "rc %d", rc);
  if( rc==PE_ERROR ){
    FUZZ_ASSERT(zErr && zErr[0] && fuzz_valid_utf8(zErr, strlen(zErr)), "bad message");
  }
  pe_free(zErr);
}

static int replace_with(PeRegex *re, const char *zTpl, const char *z, size_t n, PeBuf *out){
  PeTemplate *tpl = 0;
  char *zErr = 0;
  int rc = pe_template_parse(re, zTpl, strlen(zTpl), &tpl, &zErr);
  if( rc ){ pe_free(zErr); return rc; }
  rc = pe_regex_replace(env, re, tpl, z, n, out, &zErr);
  pe_free(zErr);
  pe_template_free(tpl);
  return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  static const char aFlag[] = "imsxw";
  char zFlags[6];
  int nf = 0, i, rc, found;
  uint32_t opts = 0;
  const char *zPat, *zTpl = "", *z = "";
  size_t nPat, nTpl = 0, n = 0;
  const char *p, *q;
  char *zErr = 0;
  PeRegex *re = 0;
  PeRegexIter it;
  long long nCount = 0, nIter = 0, nMatched = 0;
  size_t lastEnd = 0;

  if( size<1 ) return 0;
  if( env==0 && (env = pe_regex_env_new())==0 ) return 0;
  for(i=0; i<5; i++) if( data[0] & (1<<i) ) zFlags[nf++] = aFlag[i];
  zFlags[nf] = 0;
  zPat = (const char*)data+1;
  p = memchr(zPat, 0, size-1);
  nPat = p ? (size_t)(p-zPat) : size-1;
  if( p ){
    zTpl = p+1;
    q = memchr(zTpl, 0, size-1-nPat-1);
    nTpl = q ? (size_t)(q-zTpl) : size-1-nPat-1;
    if( q ){ z = q+1; n = size-1-nPat-1-nTpl-1; }
  }
  if( nPat>512 || n>4096 ) return 0;

  rc = pe_regex_flags(zFlags, (size_t)nf, &opts, &zErr);
  FUZZ_ASSERT(rc==PE_OK, "flags '%s' refused", zFlags);
  rc = pe_regex_get(env, zPat, nPat, opts, &re, &zErr);
  if( rc==PE_ERROR && (opts & PE_REGEX_WORDS) ){
    PeRegex *plain = 0;
    char *zPlainErr = 0;
    if( pe_regex_compile(env, zPat, nPat, opts & ~PE_REGEX_WORDS, &plain, &zPlainErr)==PE_OK ){
      FUZZ_ASSERT(strstr(zErr, "flag w rewrites")!=0, "compiles, but not with w: %s", zErr);
    }
    pe_regex_unref(plain);
    pe_free(zPlainErr);
  }
  if( rc ){ check_err(rc, zErr); return 0; }
  FUZZ_ASSERT(pe_regex_is(re, zPat, nPat, opts), "cache gave another pattern");

  pe_regex_iter_init(&it, re, z, n);
  for(;;){
    int g, nGroup = pe_regex_group_count(re);
    rc = pe_regex_next(env, &it, &found, &zErr);
    if( rc ){ check_err(rc, zErr); zErr = 0; goto done; }
    if( !found ) break;
    FUZZ_ASSERT(it.start<=it.end && it.end<=n, "match %zu..%zu in %zu", it.start, it.end, n);
    FUZZ_ASSERT(it.start>=lastEnd, "match %zu..%zu overlaps %zu", it.start, it.end, lastEnd);
    lastEnd = it.end;
    for(g=0; g<=nGroup; g++){
      size_t s, e;
      if( pe_regex_group(re, g, &s, &e) ) FUZZ_ASSERT(s<=n && e<=n, "group %d %zu..%zu", g, s, e);
    }
    nIter++;
    nMatched += (long long)(it.end - it.start);
    /* Perl's rule allows an empty and a non-empty match at each position. */
    FUZZ_ASSERT(nIter<=2*(long long)n+1, "more matches than positions");
  }
  rc = pe_regex_count(env, re, z, n, &nCount, &zErr);
  if( rc ){ check_err(rc, zErr); zErr = 0; goto done; }
  FUZZ_ASSERT(nCount==nIter, "count %lld vs %lld matches", nCount, nIter);

  {
    PeBuf out;
    pe_buf_init(&out);
    if( replace_with(re, "$0", z, n, &out)==PE_OK ){
      FUZZ_ASSERT(fuzz_same(out.z, out.n, z, n), "replace $0 changed the subject");
    }
    pe_buf_reset(&out);
    if( replace_with(re, "", z, n, &out)==PE_OK ){
      FUZZ_ASSERT((long long)out.n==(long long)n-nMatched, "replace '' left %zu of %zu-%lld",
                  out.n, n, nMatched);
    }
    pe_buf_reset(&out);
    {
      PeTemplate *tpl = 0;
      rc = pe_template_parse(re, zTpl, nTpl, &tpl, &zErr);
      if( rc ){ check_err(rc, zErr); zErr = 0; }
      else{
        rc = pe_regex_replace(env, re, tpl, z, n, &out, &zErr);
        if( rc ){ check_err(rc, zErr); zErr = 0; }
        pe_template_free(tpl);
      }
    }
    pe_buf_free(&out);
  }
done:
  pe_regex_unref(re);
  return 0;
}
