/* Unit tests of the venue core (ext/venue/venue.c): rules, the overlay, long and
** random input (run under ASan+UBSan and valgrind by `make test`). */
#include <stdlib.h>
#include "check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "venue/venue.h"

static PeVenueInfo parse(const PeVenueOverlay *ov, const char *z){
  PeVenueInfo v;
  int rc = pe_venue_parse(ov, z, strlen(z), &v);
  CHECK_INT(rc, PE_OK);
  return v;
}

#define CHECK_VENUE(pOv, zIn, zAcr, iYear, zKind) do{ \
  PeVenueInfo v_ = parse(pOv, zIn); \
  CHECK_STR(v_.zAcronym, zAcr); \
  CHECK_INT(v_.year, iYear); \
  CHECK_STR(pe_venue_kind_name(v_.eKind), zKind); \
}while(0)

int main(void){
  PeVenueOverlay *ov;
  char zErr[200];
  int i;

  /* the catalog is sorted for lookup and complete */
  CHECK(pe_venue_count > 14000);
  CHECK(pe_venue_find_acronym("NeurIPS") >= 0);
  CHECK_INT(pe_venue_find_acronym("NoSuchVenue"), -1);
  CHECK_INT(pe_venue_kind_from_name("journal"), PE_VK_JOURNAL);
  CHECK_INT(pe_venue_kind_from_name("book"), -1);
  CHECK_STR(pe_venue_kind_name(PE_VK_NONE), 0);
  for(i=1; i<pe_venue_alias_count; i++){
    const PeVenueAlias *a = &pe_venue_aliases[i-1], *b = &pe_venue_aliases[i];
    uint32_t fa = pe_venue_alias_toks[a->iTok], fb = pe_venue_alias_toks[b->iTok];
    uint32_t sa = a->nTok>1 ? pe_venue_alias_toks[a->iTok+1] : UINT32_MAX;
    uint32_t sb = b->nTok>1 ? pe_venue_alias_toks[b->iTok+1] : UINT32_MAX;
    if( fa>fb || (fa==fb && sa>sb) || (fa==fb && sa==sb && a->nTok<b->nTok) ){ CHECK(0); break; }
  }
  for(i=0; i<pe_venue_word_count; i++){      /* each group holds the aliases of its stem */
    const PeVenueWord *w = &pe_venue_words[i];
    if( w->nAlias && pe_venue_alias_toks[pe_venue_aliases[w->iAlias].iTok]!=(uint32_t)i ){ CHECK(0); break; }
  }

  /* compact forms, separators, noise */
  CHECK_VENUE(0, "nips2020", "NeurIPS", 2020, "conference");
  CHECK_VENUE(0, "NeurIPS\xE2\x80\x99" "20", "NeurIPS", 2020, "conference");   /* ’ */
  CHECK_VENUE(0, "neurips_2020", "NeurIPS", 2020, "conference");
  CHECK_VENUE(0, "EMNLP-19", "EMNLP", 2019, "conference");
  CHECK_VENUE(0, "3DV'19", "3DV", 2019, "conference");
  CHECK_VENUE(0, "nips98", "NeurIPS", 1998, "conference");
  CHECK_VENUE(0, "ACL (1)", "ACL", 0, "conference");
  CHECK_VENUE(0, "Proceedingsofthe58thAnnualMeetingoftheAssociationforComputationalLinguistics",
              "ACL", 2020, "conference");
  CHECK_VENUE(0, "In CVPR, pages 770\xE2\x80\x93" "778, 2016", "CVPR", 2016, "conference");
  CHECK_VENUE(0, "pp. 2010-2018", 0, 0, 0);
  CHECK_VENUE(0, "IEEE Computer Architecture Letters (CAL)", "IEEE Comput. Archit. Lett.", 0, "journal");
  CHECK_VENUE(0, "Robotics: Science and Systems XIV", "RSS", 2018, "conference");
  CHECK_VENUE(0, "ICLR (Workshop)", "ICLR", 0, "workshop");
  CHECK_VENUE(0, "Proceedings of the 158th Annual Meeting of the ACL", "ACL", 0, "conference");  /* 2120: no */
  CHECK_VENUE(0, "", 0, 0, 0);
  CHECK_VENUE(0, "   ", 0, 0, 0);

  /* case-sensitive acronyms of the CCF list: 'RE' is Requirements Engineering, 're' a word */
  CHECK_VENUE(0, "RE 2019", "RE", 2019, "conference");
  CHECK_VENUE(0, "re 2019", 0, 2019, 0);
  CHECK_VENUE(0, "Computer Vision", 0, 0, 0);           /* not IEEE VIS */

  /* the overlay */
  ov = pe_venue_overlay_new();
  CHECK(ov!=0);
  CHECK_INT(pe_venue_overlay_add(ov, "DL4Rec", "DL4Rec", "Deep Learning for Recommendation", "workshop",
                                 zErr, sizeof zErr), PE_OK);
  CHECK_INT(pe_venue_overlay_add(ov, "Neural Info Proc Sys", "NeurIPS", 0, 0, zErr, sizeof zErr), PE_OK);
  CHECK_INT(pe_venue_overlay_add(ov, 0, "ICML", "ICML (renamed)", "journal", zErr, sizeof zErr), PE_OK);
  CHECK_INT(pe_venue_overlay_add(ov, "x", 0, 0, 0, zErr, sizeof zErr), PE_ERROR);
  CHECK_STR(zErr, "acronym is empty");
  CHECK_INT(pe_venue_overlay_add(ov, "x", "X", 0, "book", zErr, sizeof zErr), PE_ERROR);
  CHECK_STR(zErr, "kind 'book' is not conference, journal, workshop or preprint");
  CHECK_INT(pe_venue_overlay_add(ov, "of the", "X", 0, 0, zErr, sizeof zErr), PE_ERROR);
  CHECK_STR(zErr, "alias 'of the' has no word to match");
  CHECK_INT(pe_venue_overlay_count(ov), 4);               /* X was defined before its bad alias */
  CHECK_VENUE(ov, "dl4rec'21", "DL4Rec", 2021, "workshop");
  CHECK_VENUE(ov, "Proc. Neural Info. Proc. Sys. 2019", "NeurIPS", 2019, "conference");
  CHECK_VENUE(ov, "ICML 2020", "ICML", 2020, "journal");
  CHECK_STR(parse(ov, "ICML").zName, "ICML (renamed)");
  CHECK_VENUE(ov, "CVPR 2020", "CVPR", 2020, "conference");
  {
    PeVenueInfo v;
    const char *zAliases;
    pe_venue_overlay_venue(ov, 0, &v, &zAliases);
    CHECK_STR(v.zAcronym, "DL4Rec");
    CHECK_STR(zAliases, "DL4Rec");
    pe_venue_overlay_venue(ov, 1, &v, &zAliases);
    CHECK_STR(v.zName, "Conference on Neural Information Processing Systems");
  }
  /* many aliases: the match array grows past its static size */
  for(i=0; i<100; i++){
    char zA[32], zAcr[32];
    snprintf(zA, sizeof zA, "venue%03d", i);
    snprintf(zAcr, sizeof zAcr, "V%03d", i);
    CHECK_INT(pe_venue_overlay_add(ov, zA, zAcr, 0, "conference", zErr, sizeof zErr), PE_OK);
  }
  CHECK_VENUE(ov, "venue077 2020", "V077", 2020, "conference");
  pe_venue_overlay_free(ov);
  pe_venue_overlay_free(0);

  /* the overlay at scale: the same words again move the alias to the later
  ** row; of two aliases starting at one word the longer wins; the limits */
  ov = pe_venue_overlay_new();
  for(i=0; i<20000; i++){
    char zA[48], zAcr[32];
    snprintf(zA, sizeof zA, "Meeting on Topic %d", i);
    snprintf(zAcr, sizeof zAcr, "MT%d", i);
    if( pe_venue_overlay_add(ov, zA, zAcr, 0, "workshop", zErr, sizeof zErr)!=PE_OK ) break;
  }
  CHECK_INT(i, 20000);
  CHECK_INT(pe_venue_overlay_count(ov), 20000);
  CHECK_VENUE(ov, "Proc. Meeting on Topic 12345 (2021)", "MT12345", 2021, "workshop");
  CHECK_INT(pe_venue_overlay_add(ov, "meeting on topic 12345", "LATER", 0, 0, zErr, sizeof zErr), PE_OK);
  CHECK_VENUE(ov, "Meeting on Topic 12345 2021", "LATER", 2021, 0);
  CHECK_INT(pe_venue_overlay_add(ov, "Meeting", "SHORT", 0, 0, zErr, sizeof zErr), PE_OK);
  CHECK_VENUE(ov, "Meeting on Topic 7", "MT7", 0, "workshop");
  CHECK_VENUE(ov, "Meeting 2020", "SHORT", 2020, 0);
  pe_venue_overlay_free(ov);
  ov = pe_venue_overlay_new();
  for(i=0; i<PE_VENUE_USER_MAX_ROWS; i++){
    if( pe_venue_overlay_add(ov, 0, "ONE", 0, 0, zErr, sizeof zErr)!=PE_OK ) break;
  }
  CHECK_INT(i, PE_VENUE_USER_MAX_ROWS);
  CHECK_INT(pe_venue_overlay_add(ov, 0, "ONE", 0, 0, zErr, sizeof zErr), PE_TOOBIG);
  CHECK_STR(zErr, "more than 100000 rows (PE_VENUE_USER_MAX_ROWS)");
  pe_venue_overlay_free(ov);
  {
    size_t nBig = PE_VENUE_USER_MAX_BYTES/2 + 1;
    char *zBig = malloc(nBig+1);
    memset(zBig, 'n', nBig); zBig[nBig] = 0;
    ov = pe_venue_overlay_new();
    CHECK_INT(pe_venue_overlay_add(ov, 0, "BIGA", zBig, 0, zErr, sizeof zErr), PE_OK);
    CHECK_INT(pe_venue_overlay_add(ov, 0, "BIGB", zBig, 0, zErr, sizeof zErr), PE_TOOBIG);
    CHECK_STR(zErr, "the table's text passes 16777216 bytes (PE_VENUE_USER_MAX_BYTES)");
    pe_venue_overlay_free(ov);
    free(zBig);
  }

  /* the acronym index agrees with a scan of the catalog */
  {
    int nBad = 0, j;
    for(i=0; i<pe_venue_count; i++){
      for(j=0; strcmp(pe_venue_table[j].zAcronym, pe_venue_table[i].zAcronym)!=0; j++){}
      if( pe_venue_find_acronym(pe_venue_table[i].zAcronym)!=j ) nBad++;
    }
    CHECK_INT(nBad, 0);
    CHECK_INT(pe_venue_find_acronym("NoSuchVenue"), -1);
    CHECK_INT(pe_venue_find_acronym(""), -1);
  }

  /* the memo: the same answer the second time, also after a clear */
  {
    PeVenueCache *c = pe_venue_cache_new();
    PeVenueInfo v1, v2;
    const char *zLong = "Proceedings of the 2019 Conference of the North American Chapter of the "
                        "Association for Computational Linguistics: Human Language Technologies, "
                        "Volume 1 (Long and Short Papers), pages 4171-4186, Minneapolis, Minnesota";
    CHECK(c!=0);
    for(i=0; i<3; i++){
      CHECK_INT(pe_venue_parse_cached(c, 0, "nips2020", 8, &v1), PE_OK);
      CHECK_STR(v1.zAcronym, "NeurIPS");
      CHECK_INT(v1.year, 2020);
      CHECK_INT(pe_venue_parse_cached(c, 0, "CVPR21", 6, &v2), PE_OK);
      CHECK_STR(v2.zAcronym, "CVPR");
      CHECK(strlen(zLong) > PE_VENUE_CACHE_TEXT);
      CHECK_INT(pe_venue_parse_cached(c, 0, zLong, strlen(zLong), &v2), PE_OK);  /* not kept */
      CHECK_STR(v2.zAcronym, "NAACL");
      CHECK_INT(pe_venue_parse_cached(c, 0, "", 0, &v2), PE_OK);
      CHECK_STR(v2.zAcronym, 0);
      if( i==1 ) pe_venue_cache_clear(c);
    }
    CHECK_INT(pe_venue_parse_cached(0, 0, "ICLR'21", 7, &v1), PE_OK);
    CHECK_INT(v1.year, 2021);
    pe_venue_cache_free(c);
  }

  /* long input: beyond every static buffer */
  {
    PeBuf b;
    char *z;
    pe_buf_init(&b);
    for(i=0; i<300; i++) pe_buf_appends(&b, "Springer, Cham, ");
    pe_buf_appends(&b, "Proceedings of the 37th International Conference on Machine Learning");
    z = pe_buf_finish(&b, 0);
    CHECK_VENUE(0, z, "ICML", 2020, "conference");
    pe_free(z);
  }

  /* random bytes and random mixes of venue fragments: no crash, no leak */
  {
    static const char *const azPart[] = { "CVPR", "'", "20", "2020", "-", "Workshop", "of the",
      "\xE2\x80\x99", "\xFF", "\xC3\xA9", "(", ")", "{", "}", "37th", "Thirty", "Findings", "arXiv:",
      "2008.02496", "/", "hep-th/9901001", "https://", "www.", "XVI", " ", "Advances in Neural",
      "Information Processing Systems", "33", "pp.", "vol.", "nat.", "Nature", "\xE4\xBC\x9A" };
    unsigned seed = 12345;
    PeVenueOverlay *ovFuzz = pe_venue_overlay_new();
    CHECK(ovFuzz!=0);
    CHECK_INT(pe_venue_overlay_add(ovFuzz, "Workshop 33", "W33", 0, "workshop", zErr, sizeof zErr), PE_OK);
    CHECK_INT(pe_venue_overlay_add(ovFuzz, "\xC3\xA9 Thirty", "CVPR", 0, 0, zErr, sizeof zErr), PE_OK);
    CHECK_INT(pe_venue_overlay_add(ovFuzz, "nat.", "NAT", "Nat", "journal", zErr, sizeof zErr), PE_OK);
    for(i=0; i<20000; i++){
      char a[200];
      int n = 0, k, nPart;
      seed = seed*1103515245u + 12345u;
      nPart = (int)(seed>>16) % 12;
      for(k=0; k<nPart; k++){
        const char *zP;
        seed = seed*1103515245u + 12345u;
        if( (seed>>16) % 7==0 ){ a[n++] = (char)(seed>>8); continue; }
        zP = azPart[(seed>>16) % (sizeof(azPart)/sizeof(azPart[0]))];
        if( n+(int)strlen(zP) >= (int)sizeof(a) ) break;
        memcpy(a+n, zP, strlen(zP)); n += (int)strlen(zP);
      }
      {
        PeVenueInfo v;
        if( pe_venue_parse((i&1) ? ovFuzz : 0, a, (size_t)n, &v)!=PE_OK ){ CHECK(0); break; }
        if( v.year!=0 && (v.year<1950 || v.year>2099) ){ CHECK(0); break; }
      }
    }
    CHECK(1);
    pe_venue_overlay_free(ovFuzz);
  }
  return CHECK_REPORT("venue");
}
