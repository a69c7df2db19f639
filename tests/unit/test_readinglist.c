/* Unit tests of the reading-list core: readinglist_line.c and readinglist.c. */
#include <stdlib.h>
#include "check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "readinglist/readinglist.h"
#include "readinglist/readinglist_line.h"

/* The reason's name (what readinglist_line_kind shows), NULL for a title. */
static const char *title_reason(const char *z){
  PeRlTitle t;
  PeRlWhy e;
  pe_rl_title_parts(z, strlen(z), &t);
  e = pe_rl_title_reason(z + t.title.off, t.title.len);
  return e==PE_RL_IS_TITLE ? 0 : pe_rl_why_name(e);
}

/* The venue token of z as a new string ("" when none). */
static char zVenue[128];
static const char *venue(const char *z){
  PeSpan s;
  zVenue[0] = 0;
  if( pe_rl_venue_token(z, strlen(z), &s) && s.len<sizeof(zVenue) ){
    memcpy(zVenue, z + s.off, s.len);
    zVenue[s.len] = 0;
  }
  return zVenue;
}

static char zPart[256];
static const char *part(const char *z, PeSpan s){
  size_t n = s.len<sizeof(zPart)-1 ? s.len : sizeof(zPart)-1;
  memcpy(zPart, z + s.off, n);
  zPart[n] = 0;
  return zPart;
}

/* Parse z; count entries and diagnostics; return the title of entry iWant
** (copied), and check positions and lines increase. */
typedef struct Parsed { int nEntry, nDiag, nTitle, ordered; char zTitle[256], zNote[512], zTags[512]; } Parsed;
static int parse(const char *z, size_t n, int iWant, Parsed *r){
  PeRl *p = pe_rl_new(z, n);
  int kind, rc;
  long long lastPos = -1, lastLine = 0;
  memset(r, 0, sizeof(*r));
  r->ordered = 1;
  if( p==0 ) return 1;
  while( (rc = pe_rl_next(p, &kind))==0 && kind!=PE_RL_DONE ){
    if( kind==PE_RL_ENTRY ){
      const PeRlEntry *e = pe_rl_entry(p);
      if( e->position<=lastPos || e->line<lastLine ) r->ordered = 0;
      lastPos = e->position; lastLine = e->line;
      if( e->title.z ) r->nTitle++;
      if( r->nEntry==iWant ){
        if( e->title.z ) snprintf(r->zTitle, sizeof r->zTitle, "%.*s", (int)e->title.n, e->title.z);
        if( e->note.z ) snprintf(r->zNote, sizeof r->zNote, "%.*s", (int)e->note.n, e->note.z);
        snprintf(r->zTags, sizeof r->zTags, "%.*s", (int)e->tags.n, e->tags.z);
      }
      r->nEntry++;
    }else{
      r->nDiag++;
    }
  }
  pe_rl_free(p);
  return rc;
}

int main(void){
  Parsed r;
  PeRlTitle t;
  PeRlItem it;
  PeSpan s;
  const char *z;
  int i;

  /* ---- title or note: each rule on its own */
  CHECK(title_reason("Rethinking Attention with Performers")==0);
  CHECK(title_reason("Sharpness-Aware Minimization for Efficiently Improving Generalizationn")==0);
  CHECK_STR(title_reason("用random feature去近似softmax kernel"), "script");
  CHECK_STR(title_reason("DINO：self-distillation"), "script");
  CHECK_STR(title_reason("\\mathrm{Att}(Q,K,V) \\approx \\hat{D}^{-1}"), "formula");
  CHECK_STR(title_reason("L(w+\\epsilon)"), "formula");
  CHECK_STR(title_reason("x_t = a + b"), "formula");
  CHECK_STR(title_reason(",其中Q'和K'是矩陣"), "resumes a sentence");
  CHECK_STR(title_reason(")也就是說"), "resumes a sentence");
  CHECK_STR(title_reason("，其中D是负的cosine相似度"), "resumes a sentence");
  CHECK_STR(title_reason("【paper】-iclr2021想讀的論文"), "script");
  CHECK_STR(title_reason("Uses two augmented views."), "sentence");
  CHECK_STR(title_reason("Notes:"), "sentence");
  CHECK_STR(title_reason("Large models train slowly. Small Models Do Not"), "sentence");
  CHECK_STR(title_reason("trains on convex combinations"), "lowercase start");
  CHECK(title_reason("mixup: Beyond Empirical Risk Minimization")==0);
  CHECK(title_reason("iGPT Learns Pixels")==0);
  CHECK_STR(title_reason("Transformers"), "too short");
  CHECK_STR(title_reason("Great paper about contrastive learning"), "not title case");
  CHECK_STR(title_reason("Papers I want to read from NeurIPS 2020"), "not title case");
  CHECK(title_reason("Do We Need Zero Training Loss After Achieving Zero Training Error?")==0);
  CHECK_STR(pe_rl_why_name(pe_rl_note_reason("www.example.org", 15)), "link");
  CHECK_STR(title_reason(""), "empty");
  CHECK_STR(title_reason("A Title With Tags Only #a"), 0);
  CHECK_STR(title_reason("#only #tags"), "empty");
  {
    char zLong[400];
    memset(zLong, 0, sizeof zLong);
    for(i=0; i<40; i++) strcat(zLong, "Word ");
    CHECK_STR(title_reason(zLong), "too long");
  }
  CHECK(pe_rl_open_sentence("trains on convex combinations of", 32));
  CHECK(!pe_rl_open_sentence("It ends here.", 13));
  CHECK(!pe_rl_open_sentence("到這裡結束。", 18));

  /* ---- venues */
  CHECK_STR(venue("# Reading list — CVPR 2021"), "CVPR 2021");
  CHECK_STR(venue("看了一下iclr2021的oral"), "iclr2021");
  CHECK_STR(venue("NeurIPS'20"), "NeurIPS'20");
  CHECK_STR(venue("NeurIPS\xE2\x80\x99" "20 poster"), "NeurIPS\xE2\x80\x99" "20");
  CHECK_STR(venue("AAAI-20"), "AAAI-20");
  CHECK_STR(venue("ICLR21"), "ICLR21");
  CHECK_STR(venue("ICCV 2021 Workshops"), "ICCV 2021 Workshops");
  CHECK_STR(venue("resnet50 and vgg16"), "");
  CHECK_STR(venue("published in 2020"), "");
  CHECK_STR(venue("Since 2019 we"), "");
  CHECK_STR(venue("word2vec"), "");
  CHECK_STR(venue("CVPR 20211"), "");
  CHECK_STR(venue("CVPR 1850"), "");

  /* ---- Markdown structure */
  CHECK_INT(pe_rl_heading("## Self-supervised ##", 21, &s), 2);
  CHECK_STR(part("## Self-supervised ##", s), "Self-supervised");
  CHECK_INT(pe_rl_heading("#tag", 4, &s), 0);
  CHECK_INT(pe_rl_heading("####### seven", 13, &s), 0);
  CHECK(pe_rl_item("- [x] Done", 10, &it) && strcmp(it.zStatus, "read")==0 && it.contentOff==6);
  CHECK(pe_rl_item("12. Twelve", 10, &it) && it.zStatus==0 && it.contentOff==4);
  CHECK(!pe_rl_item("-1.5 is negative", 16, &it));
  CHECK(pe_rl_item("2020. A year", 12, &it) && it.contentOff==6);   /* Markdown says so */
  CHECK(pe_rl_is_separator("- - -", 5) && pe_rl_is_separator("***", 3) && !pe_rl_is_separator("--", 2));
  CHECK(pe_rl_caption("【paper】-iclr2021", 19, &s) && s.len==11);
  CHECK(!pe_rl_caption("[Title](http://x)", 17, &s));
  CHECK(!pe_rl_caption("[CVPR 2021] Some Title", 22, &s));

  /* ---- the parts of a title line */
  z = "**[Deep Residual Learning](https://arxiv.org/abs/1512.03385)** — 經典 #resnet";
  pe_rl_title_parts(z, strlen(z), &t);
  CHECK_STR(part(z, t.title), "Deep Residual Learning");
  CHECK_STR(part(z, t.url), "https://arxiv.org/abs/1512.03385");
  CHECK_INT(t.nArea, 2);                        /* the rest, then the tag after it */
  CHECK_STR(part(z, t.aArea[0]), "經典");
  CHECK_STR(part(z, t.aArea[1]), "#resnet");
  CHECK_STR(part(z, t.rest), "經典");
  z = "Mask R-CNN (ICCV 2017) [detection] <https://arxiv.org/abs/1703.06870>";
  pe_rl_title_parts(z, strlen(z), &t);
  CHECK_STR(part(z, t.title), "Mask R-CNN");
  CHECK_STR(part(z, t.venue), "ICCV 2017");
  CHECK_STR(part(z, t.url), "https://arxiv.org/abs/1703.06870");
  CHECK_INT(t.nArea, 1);
  CHECK_STR(part(z, t.aArea[0]), "[detection]");
  z = "Learning (Very) Deep Networks C# Style";
  pe_rl_title_parts(z, strlen(z), &t);
  CHECK_STR(part(z, t.title), z);
  CHECK_INT(t.nArea, 0);
  /* the tags after a link, adjacent: both in one area (issue 13) */
  z = "[Emerging Properties in Self-Supervised Vision Transformers](https://arxiv.org/abs/2104.14294v2) 【ssl】【vit】";
  pe_rl_title_parts(z, strlen(z), &t);
  CHECK_STR(part(z, t.title), "Emerging Properties in Self-Supervised Vision Transformers");
  CHECK_INT(t.nArea, 1);
  CHECK_STR(part(z, t.aArea[0]), "【ssl】【vit】");
  CHECK_INT(t.rest.len, 0);
  /* tags before a link: the link is the title */
  z = "#ssl 【vit】 **[Deep Residual Learning](https://arxiv.org/abs/1512.03385)** (CVPR 2016)";
  pe_rl_title_parts(z, strlen(z), &t);
  CHECK_STR(part(z, t.title), "Deep Residual Learning");
  CHECK(t.hasLink);
  CHECK_STR(part(z, t.venue), "CVPR 2016");
  CHECK_INT(t.nArea, 1);
  CHECK_STR(part(z, t.aArea[0]), "#ssl 【vit】");
  /* a venue between tags splits their run; glued tags; a url first */
  z = "https://x.org/a Mask R-CNN #a[b] (ICCV 2017) 【c】#d";
  pe_rl_title_parts(z, strlen(z), &t);
  CHECK_STR(part(z, t.title), "Mask R-CNN");
  CHECK_STR(part(z, t.url), "https://x.org/a");
  CHECK_STR(part(z, t.venue), "ICCV 2017");
  CHECK_INT(t.nArea, 2);
  CHECK_STR(part(z, t.aArea[0]), "#a[b]");
  CHECK_STR(part(z, t.aArea[1]), "【c】#d");
  /* a title wholly in brackets stays a title */
  z = "[Deep Residual Learning]";
  pe_rl_title_parts(z, strlen(z), &t);
  CHECK_STR(part(z, t.title), "[Deep Residual Learning]");
  /* a caption's label is followed by a dash, '_', ':' or '：', not by a tag */
  CHECK(pe_rl_caption("\xE3\x80\x90" "fig" "\xE3\x80\x91" "\xEF\xBC\x9A" "x", 13, &s) && s.len==9);
  CHECK(!pe_rl_caption("[ssl]" "\xEF\xBC\xBB" "vit" "\xEF\xBC\xBD" " Title", 20, &s));

  /* ---- the parser */
  /* no limit on the tags of a title line: 40 arrive */
  {
    char zLine[512];
    int k, nComma = 0;
    size_t len = (size_t)snprintf(zLine, sizeof zLine, "Emerging Properties in Vision Transformers");
    for(k=0; k<40; k++) len += (size_t)snprintf(zLine+len, sizeof zLine-len, " #t%d", k);
    CHECK_INT(parse(zLine, len, 0, &r), 0);
    CHECK_STR(r.zTitle, "Emerging Properties in Vision Transformers");
    for(k=0; r.zTags[k]; k++) nComma += r.zTags[k]==',';
    CHECK_INT(nComma, 39);
  }
  z = "preface\n\nFirst Paper Title\nnote one\n\nnote two\n\nSecond Paper Title\n";
  CHECK_INT(parse(z, strlen(z), 1, &r), 0);
  CHECK_INT(r.nEntry, 3);
  CHECK_STR(r.zTitle, "First Paper Title");
  CHECK_STR(r.zNote, "note one\n\nnote two");
  CHECK(r.ordered);
  /* a text that is not NUL-terminated: the parser reads only n bytes */
  CHECK_INT(parse("Only This Title Here XYZ", 20, 0, &r), 0);
  CHECK_STR(r.zTitle, "Only This Title Here");
  CHECK_INT(parse("", 0, 0, &r), 0);
  CHECK_INT(r.nEntry + r.nDiag, 0);
  CHECK_INT(parse(0, 0, 0, &r), 0);
  CHECK_INT(r.nEntry, 0);

  /* ---- a long generated list streams through with every entry found */
  {
    PeBuf b;
    size_t n;
    char *zList;
    pe_buf_init(&b);
    pe_buf_appends(&b, "看了一下nips2020的論文\n\n");
    for(i=0; i<20000; i++){
      pe_buf_appendf(&b, "Paper Number %d About Contrastive Video Learning\r\n\r\n", i);
      if( i%3==0 ) pe_buf_appends(&b, "筆記:記憶體用量很大\r\n\r\n\\min_w L(w)\r\n\r\n,其中w是參數\r\n\r\n");
      if( i%7==0 ) pe_buf_appends(&b, "【conference】-nips2020\r\n\r\n");
    }
    zList = pe_buf_finish(&b, &n);
    CHECK(zList!=0);
    CHECK_INT(parse(zList, n, 4, &r), 0);   /* entry 0 is the preface */
    CHECK_INT(r.nTitle, 20000);
    CHECK_INT(r.nEntry, 20001);
    CHECK_INT(r.nDiag, 0);
    CHECK(r.ordered);
    CHECK_STR(r.zTitle, "Paper Number 3 About Contrastive Video Learning");
    CHECK_STR(r.zNote, "筆記:記憶體用量很大\n\n\\min_w L(w)\n\n,其中w是參數");
    CHECK_STR(r.zTags, "[]");
    pe_free(zList);
  }

  /* ---- random text made of the pieces lists are made of: no crash, the
  ** items come in order (run under ASan+UBSan by make test) */
  {
    static const char *const azPiece[] = {
      "Some Paper Title", "筆記", "\n", "\n\n", "\r\n", "\r", "# ", "## Venue 2020",
      "- [ ] ", "- ", "1. ", "  ", "```", "~~~", "[", "]", "(", ")", "](", "http://x.y/z",
      "#tag", "【", "】", "\xff", "\xe8\xa8", "\\min", "_{", "^", ",", "。", "NeurIPS'20",
      "---", "![a](b)", "\t", "\0", "nips2020", "**", "<", ">", "\xEF\xBB\xBF",
    };
    unsigned seed = 12345;
    int nPiece = (int)(sizeof(azPiece)/sizeof(azPiece[0])), k, allOk = 1;
    for(k=0; k<3000; k++){
      PeBuf b;
      size_t n;
      char *zText;
      int m = (int)((seed = seed*1103515245u + 12345u) >> 16) % 60;
      pe_buf_init(&b);
      for(i=0; i<m; i++){
        int j = (int)((seed = seed*1103515245u + 12345u) >> 16) % nPiece;
        if( azPiece[j][0]==0 ) pe_buf_append(&b, "", 1);
        else pe_buf_appends(&b, azPiece[j]);
      }
      zText = pe_buf_finish(&b, &n);
      if( parse(zText, n, 0, &r)!=0 || !r.ordered ) allOk = 0;
      pe_free(zText);
    }
    CHECK(allOk);
  }
  return CHECK_REPORT("readinglist");
}
