/*
** fuzz_tags: the tag core (ext/tags/tags.c) on fuzz input, without SQLite.
**
** Invariants checked (a broken one aborts: a finding):
**   - pe_tag_norm gives valid UTF-8 with no NUL, and is idempotent:
**     tag_norm(tag_norm(x)) == tag_norm(x);
**   - every tag pe_tags_next finds is non-empty, NUL-terminated at nTag,
**     valid UTF-8, already canonical (tag_norm(tag) == tag), and its raw
**     span lies inside the text;
**   - the set built from the text holds every tag found; its JSON is a
**     string array that reads back (pe_json_string_array) as the same tags,
**     and removing a tag removes it.
** Byte 0 holds the iterator flags; the rest is the text.
*/
#include "fuzz_check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "tags/tags.h"

static void check_norm(const char *z, size_t n){
  PeBuf a, b;
  pe_buf_init(&a); pe_buf_init(&b);
  if( pe_tag_norm(&a, z, n)==PE_OK && pe_tag_norm(&b, a.z ? a.z : "", a.n)==PE_OK ){
    FUZZ_ASSERT(fuzz_valid_utf8(a.z, a.n), "tag_norm output not UTF-8");
    FUZZ_ASSERT(a.n==0 || strlen(a.z)==a.n, "NUL inside tag_norm output");
    FUZZ_ASSERT(fuzz_same(a.z, a.n, b.z, b.n), "not idempotent: '%.*s' -> '%.*s'",
                (int)a.n, a.z ? a.z : "", (int)b.n, b.z ? b.z : "");
  }
  pe_buf_free(&a); pe_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size){
  const char *z;
  size_t n;
  unsigned flags;
  PeTagIter it;
  PeTagSet set;
  PeBuf json, items;
  size_t nFound = 0, nItem = 0, lastRaw = 0;
  int rc;
  if( size<1 || size>65536 ) return 0;
  flags = data[0] & PE_TAGS_MARKED_ONLY;
  z = (const char*)data+1; n = size-1;
  check_norm(z, n);

  pe_tagset_init(&set);
  pe_tags_init(&it, z, n, flags);
  while( (rc = pe_tags_next(&it))==PE_TAG_ROW ){
    FUZZ_ASSERT(it.nTag>0 && it.zTag[it.nTag]==0 && strlen(it.zTag)==it.nTag, "bad tag length");
    FUZZ_ASSERT(fuzz_valid_utf8(it.zTag, it.nTag), "tag not UTF-8");
    FUZZ_ASSERT(it.iRaw<=n && it.nRaw<=n-it.iRaw, "raw span %zu+%zu outside %zu", it.iRaw, it.nRaw, n);
    FUZZ_ASSERT(it.iRaw>=lastRaw, "raw spans out of order: %zu after %zu", it.iRaw, lastRaw);
    lastRaw = it.iRaw;
    {
      PeBuf c;
      pe_buf_init(&c);
      if( pe_tag_norm(&c, it.zTag, it.nTag)==PE_OK ){
        FUZZ_ASSERT(fuzz_same(c.z, c.n, it.zTag, it.nTag), "found tag '%s' not canonical ('%.*s')",
                    it.zTag, (int)c.n, c.z ? c.z : "");
      }
      pe_buf_free(&c);
    }
    nFound++;
  }
  pe_tags_close(&it);
  if( rc!=PE_OK ){ pe_tagset_free(&set); return 0; }

  if( pe_tagset_add_text(&set, z, n)!=PE_OK ){ pe_tagset_free(&set); return 0; }
  pe_buf_init(&json); pe_buf_init(&items);
  if( pe_tagset_json(&set, &json)==PE_OK ){
    int isArr = pe_json_string_array(json.z ? json.z : "", json.n, &items, &nItem);
    size_t off = 0, k;
    FUZZ_ASSERT(isArr==1, "tagset JSON is not a string array: %.*s", (int)json.n, json.z);
    FUZZ_ASSERT(fuzz_valid_utf8(json.z, json.n), "tagset JSON not UTF-8");
    for(k=0; k<nItem; k++){
      const char *zT = items.z + off;
      size_t nT = strlen(zT);
      FUZZ_ASSERT(pe_tagset_has(&set, zT, nT), "set lost '%s'", zT);
      off += nT + 1;
    }
    /* Remove the first item: neither it nor its descendants remain. */
    if( nItem>0 ){
      pe_tagset_remove(&set, items.z, strlen(items.z));
      FUZZ_ASSERT(!pe_tagset_has(&set, items.z, strlen(items.z)), "remove kept '%s'", items.z);
    }
  }
  (void)nFound;
  pe_buf_free(&json); pe_buf_free(&items);
  pe_tagset_free(&set);
  return 0;
}
