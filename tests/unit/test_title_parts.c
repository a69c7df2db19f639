/* Unit tests of the title's parts, relation and blocking keys
** (ext/title/title_parts.c, title_compare.c, title_keys.c, title_html.c,
** title_words.c). */
#include <stdio.h>
#include <stdlib.h>
#include "title_check.h"
#include "title/title_parts.h"
#include "title/title_words.h"

static int rel(const char *a, const char *b){
  int r = -1, r2 = -1;
  double s = -2.0;
  CHECK_INT(pe_title_relation(a, strlen(a), b, strlen(b), &r, 0), PE_OK);
  CHECK_INT(pe_title_relation(b, strlen(b), a, strlen(a), &r2, &s), PE_OK);
  CHECK_INT(r, r2);                                         /* symmetric */
  /* the similarity of the same pass is pe_title_similarity's, exactly */
  CHECK_INT(s==pe_title_similarity(a, strlen(a), b, strlen(b)), 1);
  return r;
}

static char aMain[512];
static const char *title_main(const char *z){
  size_t i, n;
  pe_title_main(z, strlen(z), &i, &n);
  if( n>=sizeof(aMain) ) n = sizeof(aMain)-1;
  memcpy(aMain, z+i, n);
  aMain[n] = 0;
  return aMain;
}

static char *keys(const char *z){
  PeBuf b;
  pe_buf_init(&b);
  CHECK_INT(pe_title_keys(&b, z, strlen(z)), PE_OK);
  return pe_buf_finish(&b, 0);
}
#define CHECK_KEYS(in, want) do{ char *g = keys(in); CHECK_STR(g, want); pe_free(g); }while(0)

/* Do two JSON arrays of pe_title_keys (strings without escapes) share one? */
static int share_key(const char *ja, const char *jb){
  const char *p = ja;
  while( (p = strchr(p, '"'))!=0 ){
    const char *e = strchr(p+1, '"');
    char item[1024];
    size_t n = (size_t)(e-p)+1;
    if( e==0 || n>=sizeof item ) return 0;
    memcpy(item, p, n);
    item[n] = 0;
    if( strstr(jb, item) ) return 1;
    p = e+1;
  }
  return 0;
}

static void html(void){
  CHECK_KEY("Don&#x2019;t Stop", "dont stop");                    /* hex reference */
  CHECK_KEY("What&#8217;s Hidden", "whats hidden");                /* decimal */
  CHECK_KEY("Schr&ouml;dinger &amp; Poincar&eacute;", "schrodinger and poincare");
  CHECK_KEY("Registers&#46;", "registers");
  CHECK_KEY("Deep&nbsp;Residual", "deep residual");
  CHECK_KEY("Sim&#8208;to&#8208;Real", "sim to real");
  CHECK_KEY("<i>De novo</i> design of CO<sub>2</sub> <SPAN class=\"x\">sinks</SPAN>",
            "de novo design of co2 sinks");                       /* inline tags */
  CHECK_KEY("a<br>b<p>c", "a b c");                                /* breaking tags */
  CHECK_KEY("<mml:math><mml:mi>k</mml:mi></mml:math>-means", "k means");
  CHECK_KEY("&amp;amp; AT&T &nosuch; &#; &#0; &#xD800; &#99999999999999; &eacute",
            "and at and t and nosuch and and 0 and xd800 and 99999999999999 and eacute");
                                                                  /* not references: '&' is 'and' */
  CHECK_KEY("a < b > c <10B <b", "a b c 10b b");                   /* not tags */
  CHECK_KEY("<unknown>x</unknown>", "unknown x unknown");
}

static void words(void){
  CHECK(pe_title_numbers_equal("gpt 4 report", 12, "gpt4 report", 11));
  CHECK(pe_title_numbers_equal("part ii", 7, "part 2", 6));          /* Roman = digits */
  CHECK(!pe_title_numbers_equal("part i", 6, "part ii", 7));
  CHECK(!pe_title_numbers_equal("deep speech", 11, "deep speech 2", 13));
  CHECK(pe_title_numbers_equal("why should i trust you", 22, "why should i trust you", 22));
  CHECK(pe_title_numbers_equal("why should i trust you", 22, "why should trust you", 20)); /* 'i' alone is no number */
  CHECK(pe_title_numbers_equal("x 007", 5, "x 7", 3));              /* leading zeros */
  CHECK(!pe_title_numbers_equal("a 1 2", 5, "a 2 1", 5));           /* order counts */
  CHECK(pe_title_has_number_word("part iv", 7));
  CHECK(pe_title_has_number_word("phi 1 5 technical report", 24));
  CHECK(!pe_title_has_number_word("pix2pix", 7));
  CHECK(!pe_title_has_number_word("mix vision", 10));
  CHECK_INT(pe_title_content_words("a survey on vision transformer", 30), 3);
  CHECK(pe_title_starts_with_genre("a comprehensive survey", 22)==0);
  CHECK(pe_title_starts_with_genre("an introduction", 15));
}

static void similarity_rules(void){
  /* numbers: another work whatever the words */
  CHECK(sim("Scaling Vision Transformers to Many Parameters Across Tasks",
            "Scaling Vision Transformers to Many Parameters Across Tasks 2") < PE_TITLE_SAME);
  CHECK(sim("Physics Informed Deep Learning (Part I): Data-driven Solutions of Nonlinear Partial Differential Equations",
            "Physics Informed Deep Learning (Part II): Data-driven Solutions of Nonlinear Partial Differential Equations") < PE_TITLE_SAME);
  CHECK(sim("GPT-4 Technical Report", "GPT4 technical report")==1.0);
  /* confused endings, British spellings, not comparatives */
  CHECK(sim("Robust Principal Component Analysis?", "Robust Principle Component Analysis?")==1.0);
  CHECK(sim("Colorful Image Colorization", "Colourful Image Colourisation")==1.0);
  CHECK(sim("Modeling Relational Data", "Modelling Relational Data")==1.0);
  CHECK(sim("Centre Loss for Face Recognition", "Center Loss for Face Recognition")==1.0);
  CHECK(sim("Catalogue of Galaxies", "Catalog of Galaxies")==1.0);
  CHECK(sim("Fast R-CNN", "Faster R-CNN") < PE_TITLE_SAME);
  CHECK(sim("Graph Convolutional Nets", "Graph Convolutional Networks")==1.0);  /* still an abbreviation */
  /* order: the shared words in another order are another title */
  CHECK(sim("Neural Networks for Pattern Recognition", "Pattern Recognition and Neural Networks") < PE_TITLE_SAME);
  CHECK(sim("A Survey on Vision Transformer", "Transformers in Vision: A Survey") < PE_TITLE_SAME);
  CHECK(sim("BERT Pre-training of Deep Bidirectional Transformers",
            "Pre-training of Deep Bidirectional Transformers (BERT)") >= PE_TITLE_SAME);  /* one word moved */
  /* subtitles and parentheticals are tried away, times 0.97 */
  CHECK(sim("Denoising Diffusion Implicit Models (DDIM)", "Denoising Diffusion Implicit Models") >= 0.969);
  CHECK(sim("Denoising Diffusion Implicit Models (DDIM)", "Denoising Diffusion Implicit Models") < 1.0);
  CHECK(sim("Swin Transformer: Hierarchical Vision Transformer using Shifted Windows", "Swin Transformer") >= PE_TITLE_SAME);
  CHECK(sim("YOLOv3: An Incremental Improvement", "YOLOv3") >= PE_TITLE_SAME);       /* one coined word */
  CHECK(sim("Dropout: A Simple Way to Prevent Neural Networks from Overfitting", "Dropout") < PE_TITLE_SAME);
  CHECK(sim("Segment Anything", "Segment Anything (SAM)") >= PE_TITLE_SAME);
  CHECK(sim("Deep Learning: A Survey", "Deep Learning") < PE_TITLE_SAME);            /* genre */
  CHECK(sim("Textbooks Are All You Need II: phi-1.5 technical report", "Textbooks Are All You Need") < PE_TITLE_SAME);
  CHECK(sim("DINO: Emerging Properties in Self-Supervised Vision Transformers (ViT)",
            "Emerging Properties in Self-Supervised Vision Transformers") >= 0.97*0.97 - 1e-9);  /* name and parenthetical */
  CHECK(sim("Reinforcement Learning: A Survey", "Reinforcement Learning: An Introduction") < PE_TITLE_SAME);
  CHECK(sim("Deep Learning: Methods", "Deep Learning: Applications") < PE_TITLE_SAME);  /* never two variants */
}

static void mains(void){
  CHECK_STR(title_main("Soft Actor-Critic: Off-Policy Maximum Entropy Deep RL"), "Soft Actor-Critic");
  CHECK_STR(title_main("Big Transfer (BiT): General Visual Representation Learning"), "Big Transfer");
  CHECK_STR(title_main("Denoising Diffusion Implicit Models (DDIM)."), "Denoising Diffusion Implicit Models");
  CHECK_STR(title_main("Learning Transferable Visual Models [CLIP]"), "Learning Transferable Visual Models");
  CHECK_STR(title_main("Neural Networks for Machine Learning - Lecture 6a - Overview"), "Neural Networks for Machine Learning");
  CHECK_STR(title_main("Zero-Shot Learning—A Comprehensive Evaluation"), "Zero-Shot Learning");
  CHECK_STR(title_main("Zero-Shot Learning — A Comprehensive Evaluation"), "Zero-Shot Learning");
  CHECK_STR(title_main("Zero-Shot Learning -- A Comprehensive Evaluation"), "Zero-Shot Learning");
  CHECK_STR(title_main("Self-Supervised Learning"), "Self-Supervised Learning");  /* a hyphen is no separator */
  CHECK_STR(title_main("Sinkhorn–Knopp Algorithm"), "Sinkhorn–Knopp Algorithm");  /* nor an en dash in a word */
  CHECK_STR(title_main("Sinkhorn – Knopp"), "Sinkhorn");
  CHECK_STR(title_main("{A: B} and $x:y$: sub"), "{A: B} and $x:y$");            /* braces and math */
  CHECK_STR(title_main("Meeting at 10:30: notes"), "Meeting at 10:30");
  CHECK_STR(title_main("(DDPM)"), "(DDPM)");                                      /* nothing before it */
  CHECK_STR(title_main("  Attention Is All You Need  "), "Attention Is All You Need");
  CHECK_STR(title_main("Models (a (nested) note)"), "Models");
  CHECK_STR(title_main("Unbalanced (note"), "Unbalanced (note");
  CHECK_STR(title_main(""), "");
}

static void relations(void){
  CHECK_INT(rel("Deep learning", "Deep Learning"), PE_TITLE_EQUAL);
  CHECK_INT(rel("{BERT}: Pre-training", "BERT: Pre-Training"), PE_TITLE_EQUAL);
  CHECK_INT(rel("Soft Actor-Critic", "Soft Actor-Critic: Off-Policy Maximum Entropy Deep Reinforcement Learning"), PE_TITLE_SUBTITLE);
  CHECK_INT(rel("Denoising Diffusion Probabilistic Models (DDPM)", "Denoising Diffusion Probabilistic Models"), PE_TITLE_SUBTITLE);
  CHECK_INT(rel("DINO: Emerging Properties in Self-Supervised Vision Transformers",
                "Emerging Properties in Self-Supervised Vision Transformers"), PE_TITLE_SUBTITLE);
  CHECK_INT(rel("Deep Learning", "Deep Learning: A Review"), PE_TITLE_SUBTITLE);   /* not title_same */
  CHECK_INT(rel("Dropout", "Dropout: A Simple Way to Prevent Neural Networks from Overfitting"), PE_TITLE_SUBTITLE);
  CHECK_INT(rel("Robust Principal Component Analysis", "Robust Principle Component Analysis"), PE_TITLE_SIMILAR);
  CHECK_INT(rel("Generative Adversarial Nets", "Generative Adversarial Networks"), PE_TITLE_SIMILAR);
  CHECK_INT(rel("Textbooks Are All You Need", "Textbooks Are All You Need II: phi-1.5 technical report"), PE_TITLE_DIFFERENT);
  CHECK_INT(rel("Deep Speech", "Deep Speech 2"), PE_TITLE_DIFFERENT);
  CHECK_INT(rel("Reinforcement Learning: A Survey", "Reinforcement Learning: An Introduction"), PE_TITLE_DIFFERENT);
  CHECK_INT(rel("Mask R-CNN", "Mesh R-CNN"), PE_TITLE_DIFFERENT);
  CHECK_INT(rel("", ""), PE_TITLE_EQUAL);
  CHECK_INT(rel("?!", ""), PE_TITLE_EQUAL);
  CHECK_INT(rel("a", ""), PE_TITLE_DIFFERENT);
}

static void blocking_keys(void){
  CHECK_KEYS("Deep Residual Learning for Image Recognition",
    "[\"t:deep residual learning for image recognition\",\"m:deep residual learning for image recognition\","
    "\"a:deep residual learning\",\"z:for image recognition\",\"a:deep residual\",\"z:image recognition\"]");
  CHECK_KEYS("DINO: Emerging Properties (EP)",
    "[\"t:dino emerging properties ep\",\"m:dino\",\"m:emerging properties ep\",\"m:emerging properties\","
    "\"a:dino emerging\",\"z:properties ep\"]");
  CHECK_KEYS("Deep Learning", "[\"t:deep learning\",\"m:deep learning\"]");
  CHECK_KEYS("基于深度学习的图像识别", "[\"t:基于深度学习的图像识别\",\"m:基于深度学习的图像识别\","
    "\"a:基于深度学\",\"z:的图像识别\"]");                  /* 11 words: halves of 5 */
  CHECK_KEYS("基于深度学习的图像识别研", "[\"t:基于深度学习的图像识别研\",\"m:基于深度学习的图像识别研\","
    "\"a:基于深度学习\",\"z:的图像识别研\",\"a:基于深度学\",\"z:图像识别研\"]");
  CHECK_KEYS("", "[]");
  CHECK_KEYS("?!", "[]");
}

/* Every real title of the labeled sets: the variants title_keys promises
** to find share a key with it, and title_relation calls a subtitle one. */
static int nTitle = 0, nVariant = 0, nMissed = 0;

static void check_variant(const char *zTitle, const char *zKeys, const char *zVar, const char *zWhy){
  char *kv = keys(zVar);
  nVariant++;
  if( kv && !share_key(zKeys, kv) ){
    nMissed++;
    if( nMissed<=10 ) printf("no shared key (%s): %s | %s\n  %s\n  %s\n", zWhy, zTitle, zVar, zKeys, kv);
  }
  pe_free(kv);
}

static void title_variants(const char *zTitle){
  char *k = key(zTitle), *kk, buf[4096];
  size_t aS[64], aE[64], n, i;
  int w = 0, j;
  if( k==0 ) return;
  n = strlen(k);
  for(i=0; i<n && w<64; ){                          /* word bounds (ASCII keys only) */
    while( i<n && k[i]==' ' ) i++;
    if( i>=n ) break;
    aS[w] = i;
    while( i<n && k[i]!=' ' ) i++;
    aE[w++] = i;
  }
  for(i=0; i<n; i++) if( (unsigned char)k[i]>=0x80 ) w = 0;   /* CJK splits otherwise */
  if( w==0 || n+64>sizeof buf ){ pe_free(k); return; }
  nTitle++;
  kk = keys(k);
  for(j=0; j<w && w>=4; j++){
    /* one word replaced (a typo: its first letter changed) */
    memcpy(buf, k, n+1);
    buf[aS[j]] = buf[aS[j]]=='q' ? 'z' : 'q';
    check_variant(k, kk, buf, "one word changed");
    strcat(buf, " (ACRO)");
    check_variant(k, kk, buf, "one word changed and a parenthetical");
    /* one word more */
    snprintf(buf, sizeof buf, "%.*sextra %s", (int)aS[j], k, k+aS[j]);
    check_variant(k, kk, buf, "one word added");
    /* one word less */
    if( w>=5 ){
      snprintf(buf, sizeof buf, "%.*s%s", (int)aS[j], k, k+(j+1<w ? aS[j+1] : aE[j]));
      check_variant(k, kk, buf, "one word dropped");
    }
  }
  snprintf(buf, sizeof buf, "%s: A New Subtitle for It", k);
  check_variant(k, kk, buf, "subtitle");
  CHECK_INT(rel(k, buf), PE_TITLE_SUBTITLE);
  snprintf(buf, sizeof buf, "%s (ACRO)", k);
  check_variant(k, kk, buf, "parenthetical");
  CHECK_INT(rel(k, buf), PE_TITLE_SUBTITLE);
  snprintf(buf, sizeof buf, "NameNet: %s", k);
  check_variant(k, kk, buf, "name");
  CHECK_INT(rel(k, buf), PE_TITLE_SUBTITLE);
  snprintf(buf, sizeof buf, "NameNet: %s (ACRO)", k);
  check_variant(k, kk, buf, "name and parenthetical");
  pe_free(kk);
  pe_free(k);
}

static void variants_of_pair(const char *zLabel, const char *zKind, char *zA, char *zB, void *pArg){
  (void)zLabel; (void)zKind; (void)pArg;
  title_variants(zA);
  title_variants(zB);
}

static void labeled_titles(const char *zFile){
  each_pair(zFile, variants_of_pair, 0);
}

/* title_same implies a relation; equal keys imply similarity 1. */
static void consistency(void){
  static const char *az[] = {
    "Deep Learning", "deep learning.", "Deep Learning: A Review", "Deep Learning (DL)",
    "BERT: Pre-training of Deep Bidirectional Transformers", "Pre-training of Deep Bidirectional Transformers",
    "Pre-training of Deep Bidirectional Transformer (BERT)", "Part II: Deep Learning", "Deep Learning 2",
    "Swin Transformer", "Swin Transformer: Hierarchical Vision Transformer", "Deep Speech 2: End-to-End",
    "Deep Speech", "Colourful Image Colourisation", "Colorful Image Colorization", "A: B: C", "A (B): C",
  };
  size_t i, j, n = sizeof(az)/sizeof(az[0]);
  int bad = 0;
  for(i=0; i<n; i++) for(j=0; j<n; j++){
    double s = sim(az[i], az[j]);
    int r = rel(az[i], az[j]);
    if( s>=PE_TITLE_SAME && r==PE_TITLE_DIFFERENT ) bad++;
    if( r==PE_TITLE_EQUAL && s!=1.0 ) bad++;
    if( s!=sim(az[j], az[i]) ) bad++;
  }
  CHECK_INT(bad, 0);
}

int main(void){
  html();
  words();
  similarity_rules();
  mains();
  relations();
  blocking_keys();
  consistency();
  labeled_titles("tests/data/title_pairs.tsv");
  labeled_titles("tests/data/title_pairs_heldout.tsv");
  labeled_titles("tests/data/title_pairs_fresh.tsv");
  labeled_titles("tests/data/title_pairs_fresh2.tsv");
  printf("title_keys: %d variants of %d real titles, %d without a shared key\n", nVariant, nTitle, nMissed);
  CHECK(nTitle>=900);
  CHECK_INT(nMissed, 0);
  return CHECK_REPORT("title_parts");
}
