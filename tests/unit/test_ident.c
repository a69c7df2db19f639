/* Unit tests of the identifier core (ext/ident/ident.c) and its labeled set tests/data/ident.tsv. */
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "ident/ident.h"

/* "id|version" of the first arXiv id, "" when none. */
static char *arxiv(const char *z, size_t n){
  PeBuf b;
  size_t i, len;
  int v;
  pe_buf_init(&b);
  if( pe_arxiv_find(z, n, &i, &len, &v) ){
    pe_buf_append(&b, z+i, len);
    if( v ) pe_buf_appendf(&b, "|%d", v);
  }
  return pe_buf_finish(&b, 0);
}

static char *doi(const char *z, size_t n){
  PeBuf b;
  pe_buf_init(&b);
  if( pe_doi_find(z, n, &b)<0 ) CHECK(0);
  return pe_buf_finish(&b, 0);
}

#define CHECK_ARXIV(in, want) do{ char *g = arxiv(in, strlen(in)); CHECK_STR(g, want); pe_free(g); }while(0)
#define CHECK_DOI(in, want) do{ char *g = doi(in, strlen(in)); CHECK_STR(g, want); pe_free(g); }while(0)

/* Each line "text<TAB>arxiv_id<TAB>version<TAB>doi" of tests/data/ident.tsv. */
static void labeled_set(void){
  FILE *in = fopen("tests/data/ident.tsv", "rb");
  char line[4096];
  int nCase = 0, nRight = 0;
  CHECK(in!=0);
  if( in==0 ) return;
  while( fgets(line, sizeof line, in) ){
    char *f[4], *p = line, *gotA, *gotD, want[1024];
    size_t len = strlen(line);
    int k;
    if( line[0]=='#' && line[1]==' ' ) continue;
    while( len>0 && (line[len-1]=='\n' || line[len-1]=='\r') ) line[--len] = 0;
    for(k=0; k<4; k++){
      f[k] = p;
      p = p ? strchr(p, '\t') : 0;
      if( p ) *p++ = 0;
    }
    if( f[3]==0 ) continue;
    snprintf(want, sizeof want, "%s%s%s", f[1], f[2][0] ? "|" : "", f[2]);
    gotA = arxiv(f[0], strlen(f[0]));
    gotD = doi(f[0], strlen(f[0]));
    nCase++;
    if( strcmp(gotA, want)==0 && strcmp(gotD, f[3])==0 ) nRight++;
    else printf("ident.tsv: %s\n  want %s / %s\n  got  %s / %s\n", f[0], want, f[3], gotA, gotD);
    pe_free(gotA);
    pe_free(gotD);
  }
  fclose(in);
  printf("ident.tsv: %d/%d right\n", nRight, nCase);
  CHECK(nCase>=70);
  CHECK_INT(nRight, nCase);
}

int main(void){
  PeBuf b;

  /* arXiv new style: 4 digits to 1412, 5 from 1501; month 01..12; from 0704 */
  CHECK_ARXIV("0704.0001", "0704.0001");
  CHECK_ARXIV("0703.0001", "");
  CHECK_ARXIV("1412.1234", "1412.1234");
  CHECK_ARXIV("1412.12345", "");
  CHECK_ARXIV("1501.1234", "");
  CHECK_ARXIV("1501.12345", "1501.12345");
  CHECK_ARXIV("2013.12345", "");
  CHECK_ARXIV("2000.12345", "");
  CHECK_ARXIV("2412.00001v12", "2412.00001|12");
  CHECK_ARXIV("2412.00001v0", "2412.00001");           /* v0 is no version */
  CHECK_ARXIV("2412.00001va", "");                     /* not an id's tail */
  CHECK_ARXIV("2412.00001v12345", "");
  CHECK_ARXIV("2412.00001.pdf", "2412.00001");
  CHECK_ARXIV("2412.00001.2", "");
  CHECK_ARXIV("2412.000012", "");
  CHECK_ARXIV("12412.00001", "");
  CHECK_ARXIV("a2412.00001", "");
  CHECK_ARXIV("1.2412.00001", "");
  CHECK_ARXIV("arXiv.2412.00001", "2412.00001");
  CHECK_ARXIV("(2412.00001)", "2412.00001");
  CHECK_ARXIV("first 1706.03762 then 2002.05709", "1706.03762");
  /* old style */
  CHECK_ARXIV("hep-th/9108001", "hep-th/9108001");
  CHECK_ARXIV("hep-th/9106001", "");                   /* before arXiv */
  CHECK_ARXIV("math/0703001", "math/0703001");
  CHECK_ARXIV("math/0704001", "");                     /* new style by then */
  CHECK_ARXIV("math/0313001", "");                     /* month 13 */
  CHECK_ARXIV("math.GT/0309136v2", "math.GT/0309136|2");
  CHECK_ARXIV("xhep-th/9901001", "");
  CHECK_ARXIV("foo/9901001", "");
  CHECK_ARXIV("hep-th/99010012", "");
  CHECK_ARXIV("HEP-TH/9901001", "");                   /* arXiv writes archives lower case */
  CHECK_ARXIV("", "");

  /* DOIs */
  CHECK_DOI("10.1234/ABC", "10.1234/abc");
  CHECK_DOI("10.123/abc", "");                         /* registrant: 4..9 digits */
  CHECK_DOI("10.1234567890/abc", "");
  CHECK_DOI("10.1234.5/abc", "10.1234.5/abc");         /* sub-registrant */
  CHECK_DOI("110.1234/abc", "");
  CHECK_DOI("x10.1234/abc", "");
  CHECK_DOI("10.1234/abc.", "10.1234/abc");
  CHECK_DOI("10.1234/abc).,;", "10.1234/abc");
  CHECK_DOI("10.1234/a(b)c", "10.1234/a(b)c");
  CHECK_DOI("10.1234/a(b", "10.1234/a(b");
  CHECK_DOI("10.1234/abc(", "10.1234/abc");
  CHECK_DOI("10.1234/a[b]c]", "10.1234/a[b]c");
  CHECK_DOI("10.1234/a<b>c>", "10.1234/a<b>c");
  CHECK_DOI("10.1234%2Fabc%2fdef", "10.1234/abc/def");
  CHECK_DOI("10.1234/abc%2E", "10.1234/abc");          /* decoded, then trimmed */
  CHECK_DOI("10.1234/a%20b", "10.1234/a%20b");          /* space is not decoded */
  CHECK_DOI("10.1234/a%zz", "10.1234/a%zz");
  CHECK_DOI("10.1234/abc\"x", "10.1234/abc");
  CHECK_DOI("10.1234/abc}", "10.1234/abc");
  CHECK_DOI("10.1234/abc#frag", "10.1234/abc");
  CHECK_DOI("10.1234/abc?x=1", "10.1234/abc");
  CHECK_DOI("10.1234/abc\xE3\x80\x82", "10.1234/abc");
  CHECK_DOI("10.1234/", "");
  CHECK_DOI("10.1234/...", "");
  CHECK_DOI("10.1/x 10.1234/y", "10.1234/y");
  CHECK_DOI("10.1234", "");

  /* URLs */
  pe_buf_init(&b);
  CHECK_INT(pe_arxiv_url(&b, "2008.02496", 10, 0), PE_OK);
  CHECK_STR(b.z, "https://arxiv.org/abs/2008.02496");
  pe_buf_reset(&b);
  CHECK_INT(pe_arxiv_url(&b, "hep-th/9901001", 14, 2), PE_OK);
  CHECK_STR(b.z, "https://arxiv.org/abs/hep-th/9901001v2");
  pe_buf_reset(&b);
  CHECK_INT(pe_doi_url(&b, "10.1002/x<1>#a b%c?", 19), PE_OK);
  CHECK_STR(b.z, "https://doi.org/10.1002/x%3C1%3E%23a%20b%25c%3F");
  pe_buf_free(&b);

  labeled_set();
  return CHECK_REPORT("ident");
}
