/* Unit tests of the tags core (ext/tags/tags.c), and its labeled set tests/data/tags.tsv. */
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "tags/tags.h"

static char *norm(const char *z){
  PeBuf b;
  pe_buf_init(&b);
  pe_buf_appends(&b, "keep:");          /* pe_tag_norm appends */
  CHECK_INT(pe_tag_norm(&b, z, strlen(z)), PE_OK);
  return pe_buf_finish(&b, 0);
}

#define CHECK_NORM(in, want) do{ char *g = norm(in); CHECK_STR(g, "keep:" want); pe_free(g); }while(0)

/* All tags of a text as "tag@offset+len ..." */
static char *each(const char *z, unsigned flags){
  PeTagIter it;
  PeBuf b;
  int rc;
  pe_buf_init(&b);
  pe_tags_init(&it, z, strlen(z), flags);
  while( (rc = pe_tags_next(&it))==PE_TAG_ROW ){
    pe_buf_appendf(&b, "%s%s@%zu+%zu", b.n ? " " : "", it.zTag, it.iRaw, it.nRaw);
    CHECK_INT(it.nTag, strlen(it.zTag));
  }
  CHECK_INT(rc, PE_OK);
  pe_tags_close(&it);
  return pe_buf_finish(&b, 0);
}

#define CHECK_EACH(in, flags, want) do{ char *g = each(in, flags); CHECK_STR(g, want); pe_free(g); }while(0)

static char *parse(const char *z, size_t n){
  PeTagSet s;
  PeBuf b;
  pe_tagset_init(&s);
  pe_buf_init(&b);
  CHECK_INT(pe_tagset_add_text(&s, z, n), PE_OK);
  CHECK_INT(pe_tagset_json(&s, &b), PE_OK);
  pe_tagset_free(&s);
  return pe_buf_finish(&b, 0);
}

/* Every line "text<TAB>json" of tests/data/tags.tsv parses to json. */
static void labeled_set(void){
  FILE *in = fopen("tests/data/tags.tsv", "rb");
  char line[4096];
  int nCase = 0, nRight = 0;
  CHECK(in!=0);
  if( in==0 ) return;
  while( fgets(line, sizeof line, in) ){
    char *tab = strchr(line, '\t'), *got;
    size_t len = strlen(line);
    if( line[0]=='#' && line[1]==' ' ) continue;
    if( tab==0 ) continue;
    while( len>0 && (line[len-1]=='\n' || line[len-1]=='\r') ) line[--len] = 0;
    *tab = 0;
    got = parse(line, strlen(line));
    nCase++;
    if( strcmp(got, tab+1)==0 ) nRight++;
    else printf("tags.tsv: %s\n  want %s\n  got  %s\n", line, tab+1, got);
    pe_free(got);
  }
  fclose(in);
  printf("tags.tsv: %d/%d right\n", nRight, nCase);
  CHECK(nCase>=50);
  CHECK_INT(nRight, nCase);
}

/* Random texts built from tricky pieces: never a crash (ASan run), always
** a JSON array, every raw span inside the text.  One check for the lot. */
static void fuzz(void){
  static const char *aPiece[] = {
    "#", "[", "]", "(", ")", "`", "``", "://", "http", "\xE3\x80\x90", "\xE3\x80\x91",
    "\xE3\x80\x94", "\xE3\x80\x95", "\xEF\xBC\xBB", "\xEF\xBC\xBD", "\xEF\xBC\x83", "\xFF",
    "\xE3\x80", "\xC3", "a", "Z", "1", " ", "\n", ",", "\xEF\xBC\x8C", "\xE3\x80\x81", "/",
    "_", "-", ".", "\\", "!", "x", "^", "@", "\"", "\xE8\xA8\x98", "e\xCC\x81", "\xE2\x80\x8B",
  };
  unsigned seed = 12345;
  int k, j, nBad = 0;
  for(k=0; k<20000; k++){
    char buf[64];
    size_t n = 0;
    int nPiece;
    PeTagSet s;
    PeBuf b;
    PeTagIter it;
    seed = seed*1103515245u + 12345u;
    nPiece = (int)((seed>>16)%12);
    for(j=0; j<nPiece; j++){
      const char *p;
      seed = seed*1103515245u + 12345u;
      p = aPiece[(seed>>16)%(sizeof(aPiece)/sizeof(aPiece[0]))];
      if( n+strlen(p)>=sizeof buf ) break;
      memcpy(buf+n, p, strlen(p));
      n += strlen(p);
    }
    pe_tagset_init(&s);
    pe_buf_init(&b);
    if( pe_tagset_add_text(&s, buf, n) || pe_tagset_json(&s, &b) || b.z[0]!='[' ) nBad++;
    pe_tagset_free(&s);
    pe_buf_reset(&b);
    if( pe_tag_norm(&b, buf, n)!=PE_OK ) nBad++;
    pe_buf_free(&b);
    pe_tags_init(&it, buf, n, 0);
    while( pe_tags_next(&it)==PE_TAG_ROW ){
      if( it.iRaw+it.nRaw>n || it.nTag==0 ) nBad++;
    }
    pe_tags_close(&it);
  }
  CHECK_INT(nBad, 0);
}

int main(void){
  PeTagSet s;
  PeBuf b;
  char *z;
  size_t nItem;

  /* pe_tag_norm: each rule */
  CHECK_NORM("Self Supervised", "self-supervised");                /* case fold, space -> - */
  CHECK_NORM("self_supervised", "self-supervised");                /* _ -> - */
  CHECK_NORM("  self  -  supervised  ", "self-supervised");        /* trim, runs collapse */
  CHECK_NORM("#SSL", "ssl");                                       /* leading # */
  CHECK_NORM("##SSL", "ssl");
  CHECK_NORM("[video]", "video");                                  /* brackets */
  CHECK_NORM("(video)", "video");
  CHECK_NORM("【会议】", "会议");
  CHECK_NORM("〔图〕", "图");
  CHECK_NORM("「分类」", "分类");
  CHECK_NORM("『检测』", "检测");
  CHECK_NORM("《书名》", "书名");
  CHECK_NORM("\"Quoted Tag\"", "quoted-tag");
  CHECK_NORM("#[(Video)]", "video");                               /* nested, repeated */
  CHECK_NORM("(a) (b)", "(a)-(b)");                                /* not one surrounding pair */
  CHECK_NORM("[video", "[video");                                  /* unbalanced kept */
  CHECK_NORM("ML / SSL / Contrastive", "ml/ssl/contrastive");      /* '/' kept, spaces around go */
  CHECK_NORM("ml//ssl/", "ml/ssl");
  CHECK_NORM("/ml", "ml");
  CHECK_NORM("ＮＬＰ", "nlp");                                       /* NFKC full width */
  CHECK_NORM("ｖｉｄｅｏ　ｇｅｎ", "video-gen");                       /* ideographic space */
  CHECK_NORM("［ＳＳＬ］", "ssl");
  CHECK_NORM("＃对比学习", "对比学习");
  CHECK_NORM("Straße", "strasse");                                 /* full case folding */
  CHECK_NORM("Café", "café");                                      /* accents kept */
  CHECK_NORM("ﬁne-tuning", "fine-tuning");                         /* ligature */
  CHECK_NORM("zero\xE2\x80\x8Bshot", "zeroshot");                  /* ZWSP ignored */
  CHECK_NORM("video.", "video");                                   /* trailing punctuation */
  CHECK_NORM("视频。", "视频");
  CHECK_NORM("node.js", "node.js");
  CHECK_NORM("C#", "c#");
  CHECK_NORM("C++", "c++");
  CHECK_NORM("", "");
  CHECK_NORM("  ", "");
  CHECK_NORM("#", "");
  CHECK_NORM("[ ]", "");
  CHECK_NORM("\xFF" "a", "\xEF\xBF\xBD" "a");                      /* bad byte -> U+FFFD */

  /* pe_tags_next: offsets and lengths of raw spans */
  CHECK_EACH("read #SSL [video]", 0, "ssl@5+4 video@10+7");
  CHECK_EACH("【会议】x", 0, "会议@0+12");
  CHECK_EACH("[a, b]", 0, "a@1+1 b@4+1");                          /* list inside brackets */
  CHECK_EACH(" a , b ", 0, "a@1+1 b@5+1");                         /* list mode */
  CHECK_EACH("a, b", PE_TAGS_MARKED_ONLY, "");
  CHECK_EACH("#a #a", 0, "a@0+2 a@3+2");                           /* every occurrence */
  CHECK_EACH("#ssl.", 0, "ssl@0+4");                               /* trailing '.' not raw */
  CHECK_EACH("C# a#b &#39; #1 #2020 # heading x.com/#frag", PE_TAGS_MARKED_ONLY, "");
  CHECK_EACH("[x] [ ] [^1] [@key] [12] [[w]] a[0] \\[m\\] ![i](u) [l](u#v) [d]: u",
             PE_TAGS_MARKED_ONLY, "");
  CHECK_EACH("[a][b]", 0, "a@0+3 b@3+3");
  CHECK_EACH("`#no` #yes", 0, "yes@6+4");
  CHECK_EACH("``a ` #no`` #yes", 0, "yes@12+4");
  CHECK_EACH("`unclosed #yes", 0, "yes@10+4");
  CHECK_EACH("see http://a.b/#x [y](http://c) z", 0, "");         /* markup: not a list */
  CHECK_EACH("#自监督学习# 视频", 0, "自监督学习@0+16");
  CHECK_EACH("#自监督#视频", 0, "自监督@0+10");                      /* closing '#' */
  CHECK_EACH("论文#自监督", 0, "自监督@6+10");                        /* after CJK */
  CHECK_EACH("#a#b", 0, "a@0+2");
  CHECK_EACH("a b, #c [d, e]", 0, "a-b@0+3 c@5+2 d@9+1 e@12+1");       /* mixed list */
  CHECK_EACH("a b, #c [d, e]", PE_TAGS_MARKED_ONLY, "c@5+2 d@9+1 e@12+1");
  CHECK_EACH("a b, x #c", 0, "c@7+2");                               /* prose: marked only */

  /* tag sets */
  pe_tagset_init(&s);
  CHECK_INT(pe_tagset_add_text(&s, "[\"ML/SSL/Contrastive\", \"cv\"]", 29), PE_OK);
  CHECK_INT(pe_tagset_has(&s, "ml/ssl", 6), 1);
  CHECK_INT(pe_tagset_has(&s, "ml", 2), 1);
  CHECK_INT(pe_tagset_has(&s, "ml/ss", 5), 0);                     /* whole segments only */
  CHECK_INT(pe_tagset_has(&s, "ml/ssl/contrastive/x", 20), 0);
  CHECK_INT(pe_tagset_has(&s, "", 0), 0);
  CHECK_INT(pe_tagset_add(&s, "cv", 2), PE_OK);                    /* duplicate */
  CHECK_INT(pe_tagset_add(&s, "nlp", 3), PE_OK);
  pe_tagset_remove(&s, "ml", 2);                                   /* with descendants */
  pe_buf_init(&b);
  CHECK_INT(pe_tagset_json(&s, &b), PE_OK);
  CHECK_STR(b.z, "[\"cv\",\"nlp\"]");
  pe_buf_free(&b);
  pe_tagset_free(&s);

  /* many tags: the hash grows, order and distinctness hold */
  pe_tagset_init(&s);
  {
    int k;
    char t[16];
    for(k=0; k<1000; k++){ snprintf(t, sizeof t, "t%d", k%500); pe_tagset_add(&s, t, strlen(t)); }
    CHECK_INT(s.nTag, 500);
    CHECK_INT(pe_tagset_has(&s, "t499", 4), 1);
    pe_buf_init(&b);
    pe_tagset_json(&s, &b);
    CHECK(strncmp(b.z, "[\"t0\",\"t1\",\"t2\",", 16)==0);
    pe_buf_free(&b);
  }
  pe_tagset_free(&s);

  /* JSON string arrays */
  CHECK_INT(pe_json_string_array(" [ ] ", 5, 0, 0), 1);
  CHECK_INT(pe_json_string_array("[\"a\",]", 6, 0, 0), 0);
  CHECK_INT(pe_json_string_array("[\"a\" \"b\"]", 9, 0, 0), 0);
  CHECK_INT(pe_json_string_array("[\"a\"] x", 7, 0, 0), 0);
  CHECK_INT(pe_json_string_array("[1]", 3, 0, 0), 0);
  CHECK_INT(pe_json_string_array("[null, \"a\", null]", 17, 0, 0), 1);
  CHECK_INT(pe_json_string_array("[nul]", 5, 0, 0), 0);
  CHECK_INT(pe_json_string_array("[video]", 7, 0, 0), 0);
  pe_buf_init(&b);
  z = "[\"a\\\"\\u00e9\\ud83d\\ude00\\n\"]";
  CHECK_INT(pe_json_string_array(z, strlen(z), &b, &nItem), 1);
  CHECK_INT(nItem, 1);
  CHECK_STR(b.z, "a\"\xC3\xA9\xF0\x9F\x98\x80\n");
  pe_buf_free(&b);
  z = parse("[\"Self Supervised\", \"#video\", \"video\"]", 38);
  CHECK_STR(z, "[\"self-supervised\",\"video\"]");
  pe_free(z);
  z = parse("[\"a\\u0000b\"]", 12);                                /* NUL stays out */
  CHECK_STR(z, "[\"a\xEF\xBF\xBD" "b\"]");
  pe_free(z);

  labeled_set();
  fuzz();
  return CHECK_REPORT("tags");
}
