/* bibnames.c: see bibnames.h. */
#include <string.h>
#include <utf8proc.h>
#include "bibnames.h"
#include "latex/latex.h"
#include "common/utf8.h"

/* Letter commands that stand for one letter of a known case ({\o}, {\AA}). */
static const struct { const char *zCmd; char cCase; } aLetterCommand[] = {
  { "i", 'l' }, { "j", 'l' }, { "o", 'l' }, { "O", 'u' }, { "l", 'l' }, { "L", 'u' },
  { "oe", 'l' }, { "OE", 'u' }, { "ae", 'l' }, { "AE", 'u' }, { "aa", 'l' }, { "AA", 'u' },
  { "ss", 'l' }, { "SS", 'u' }, { "dh", 'l' }, { "DH", 'u' }, { "th", 'l' }, { "TH", 'u' },
  { "ng", 'l' }, { "NG", 'u' }, { "dj", 'l' }, { "DJ", 'u' },
};

#define MAX_WORDS 64          /* more words in one name are joined to the last */

typedef struct Word { size_t a, b; } Word;

static int is_space(char c){ return c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f' || c=='\v'; }
static int is_ascii_letter(char c){ return (c>='a' && c<='z') || (c>='A' && c<='Z'); }

/* Case of a code point: 'l', 'u', or 0 when it has none. */
static char case_of(const unsigned char *z, size_t n){
  uint32_t c;
  pe_utf8_decode(z, n, &c);
  if( c<0x80 ){
    if( c>='a' && c<='z' ) return 'l';
    if( c>='A' && c<='Z' ) return 'u';
    return 0;
  }
  if( (uint32_t)utf8proc_toupper((utf8proc_int32_t)c)!=c ) return 'l';
  if( (uint32_t)utf8proc_tolower((utf8proc_int32_t)c)!=c ) return 'u';
  return 0;
}

/* The case of a word z[a..b): its first letter outside braces decides. */
static char word_case(const char *z, size_t a, size_t b){
  size_t i = a;
  while( i<b ){
    unsigned char c = (unsigned char)z[i];
    if( c=='{' ){
      size_t depth = 1, j = i+1;
      if( j<b && z[j]=='\\' ){
        /* a special character: a letter command, or an accent on a letter */
        size_t e = j+1, k;
        while( e<b && is_ascii_letter(z[e]) ) e++;
        for(k=0; k<sizeof(aLetterCommand)/sizeof(aLetterCommand[0]); k++){
          if( strlen(aLetterCommand[k].zCmd)==e-j-1 && memcmp(aLetterCommand[k].zCmd, z+j+1, e-j-1)==0 ){
            return aLetterCommand[k].cCase;
          }
        }
        if( e==j+1 && e<b ) e++;                  /* \" \' ...: a control symbol */
        for(; e<b && z[e]!='}'; e++){
          char cc = e<b ? case_of((const unsigned char*)z+e, b-e) : 0;
          if( cc ) return cc;
        }
        return 0;
      }
      /* another group: caseless, skip it */
      while( j<b && depth ){
        if( z[j]=='{' ) depth++;
        else if( z[j]=='}' ) depth--;
        j++;
      }
      i = j;
      continue;
    }
    if( c>=0x80 || is_ascii_letter((char)c) ){
      char cc = case_of((const unsigned char*)z+i, b-i);
      if( cc ) return cc;
    }
    if( c>=0x80 ){
      uint32_t u;
      i += (size_t)pe_utf8_decode((const unsigned char*)z+i, b-i, &u);
    }else{
      i++;
    }
  }
  return 0;
}

void bib_names_start(BibNameIter *it, const char *z, size_t n){
  it->z = z ? z : "";
  it->n = z ? n : 0;
  it->i = 0;
}

/* End of the next name from i: the start of " and " outside braces, or n;
** *pNext gets where the name after it starts. */
static size_t name_end(const char *z, size_t n, size_t i, size_t *pNext){
  size_t depth = 0;
  for(; i<n; i++){
    char c = z[i];
    if( c=='{' ) depth++;
    else if( c=='}' ){ if( depth ) depth--; }
    else if( depth==0 && is_space(c) && i+4<n
          && (z[i+1]|0x20)=='a' && (z[i+2]|0x20)=='n' && (z[i+3]|0x20)=='d' && is_space(z[i+4]) ){
      *pNext = i+4;
      return i;
    }
  }
  *pNext = n;
  return n;
}

static BibText span(const char *z, const Word *w, int from, int to){  /* words [from, to) */
  BibText t = { 0, 0 };
  if( from<to ){ t.z = z + w[from].a; t.n = w[to-1].b - w[from].a; }
  return t;
}

/* A character of a name written in Chinese, Japanese or Korean script: Han,
** kana, bopomofo (pe_is_cjk), or Hangul syllables and jamo. */
static int is_cjk_name_char(uint32_t c){
  return pe_is_cjk(c) || (c>=0xAC00 && c<=0xD7A3) || (c>=0x1100 && c<=0x11FF)
      || (c>=0x3130 && c<=0x318F) || (c>=0xA960 && c<=0xA97F) || (c>=0xD7B0 && c<=0xD7FF);
}

/* Is z[a..b) all CJK characters (braces aside), and not empty? */
static int all_cjk_span(const char *z, size_t a, size_t b){
  size_t i = a;
  int n = 0;
  while( i<b ){
    uint32_t c;
    if( z[i]=='{' || z[i]=='}' ){ i++; continue; }
    i += (size_t)pe_utf8_decode((const unsigned char*)z+i, b-i, &c);
    if( !is_cjk_name_char(c) ) return 0;
    n++;
  }
  return n>0;
}

/* Split one name z[a..b) (trimmed, not empty). */
static void split_name(const char *z, size_t a, size_t b, BibName *p){
  Word w[MAX_WORDS];
  int nWord = 0, aComma[2], nComma = 0, k;
  size_t i = a, depth = 0;
  memset(p, 0, sizeof(*p));
  /* a literal: one brace group around everything */
  if( z[a]=='{' ){
    size_t j = a;
    for(; j<b; j++){
      if( z[j]=='{' ) depth++;
      else if( z[j]=='}' && --depth==0 ) break;
    }
    if( j==b-1 ){
      p->last.z = z+a; p->last.n = b-a;
      p->bLiteral = 1;
      return;
    }
    depth = 0;
  }
  /* words, and where the commas fall between them */
  while( i<b ){
    size_t start;
    char c = z[i];
    if( is_space(c) || c=='~' || c=='-' ){ i++; continue; }
    if( c==',' ){
      if( nComma<2 ) aComma[nComma++] = nWord;
      i++;
      continue;
    }
    start = i;
    while( i<b ){
      c = z[i];
      if( c=='{' ) depth++;
      else if( c=='}' ){ if( depth ) depth--; }
      else if( depth==0 && (is_space(c) || c=='~' || c=='-' || c==',') ) break;
      i++;
    }
    if( nWord<MAX_WORDS ){ w[nWord].a = start; w[nWord].b = i; nWord++; }
    else w[nWord-1].b = i;
  }
  if( nWord==0 ) return;
  if( nComma==0 ){
    int f, l = -1;
    if( nWord==1 && w[0].b-w[0].a==6 && memcmp(z+w[0].a, "others", 6)==0 ){
      p->last = span(z, w, 0, 1);
      p->bOthers = 1;
      return;
    }
    /* Chinese, Japanese and Korean names are written family name first:
    ** '李 四' is family 李, given 四 (every word in CJK script, no comma) */
    for(k=0; k<nWord && all_cjk_span(z, w[k].a, w[k].b); k++){}
    if( nWord>=2 && k==nWord ){
      p->last = span(z, w, 0, 1);
      p->first = span(z, w, 1, nWord);
      return;
    }
    for(f=0; f<nWord-1 && word_case(z, w[f].a, w[f].b)!='l'; f++){}
    if( f<nWord-1 ){
      for(k=f; k<nWord-1; k++) if( word_case(z, w[k].a, w[k].b)=='l' ) l = k;
      p->first = span(z, w, 0, f);
      p->von = span(z, w, f, l+1);
      p->last = span(z, w, l+1, nWord);
    }else{
      p->first = span(z, w, 0, nWord-1);
      p->last = span(z, w, nWord-1, nWord);
    }
    return;
  }
  {
    int m = aComma[0], l = -1;           /* words [0, m) are "von Last" */
    for(k=0; k<m-1; k++) if( word_case(z, w[k].a, w[k].b)=='l' ) l = k;
    p->von = span(z, w, 0, l+1);
    p->last = span(z, w, l+1, m);
    if( nComma==1 ){
      p->first = span(z, w, m, nWord);
    }else{
      p->jr = span(z, w, m, aComma[1]);
      p->first = span(z, w, aComma[1], nWord);
    }
  }
}

int bib_names_next(BibNameIter *it, BibName *pName){
  while( it->i<it->n ){
    size_t next, a = it->i, b = name_end(it->z, it->n, it->i, &next);
    it->i = next;
    while( a<b && (is_space(it->z[a]) || it->z[a]==',') ) a++;
    while( b>a && (is_space(it->z[b-1]) || it->z[b-1]==',') ) b--;
    if( a<b ){
      split_name(it->z, a, b, pName);
      return 1;
    }
  }
  return 0;
}

/* Is t all CJK characters (braces aside)? */
static int all_cjk(BibText t){ return t.z && all_cjk_span(t.z, 0, t.n); }

/* Append part t to raw, after a space when raw is not empty. */
static void add_part(PeBuf *raw, BibText t){
  if( t.z==0 ) return;
  if( raw->n ) pe_buf_appendc(raw, ' ');
  pe_buf_append(raw, t.z, t.n);
}

int bib_name_display(PeBuf *out, const BibName *p){
  PeBuf raw;
  int rc;
  size_t at = out->n, k, w;
  pe_buf_init(&raw);
  if( p->first.z && p->last.z && !p->von.z && !p->jr.z && all_cjk(p->first) && all_cjk(p->last) ){
    /* a Chinese, Japanese or Korean name reads family name first: 张三 */
    pe_buf_append(&raw, p->last.z, p->last.n);
    pe_buf_append(&raw, p->first.z, p->first.n);
  }else{
    add_part(&raw, p->first);
    add_part(&raw, p->von);
    add_part(&raw, p->last);
    if( p->jr.z ){
      pe_buf_append(&raw, ", ", 2);
      pe_buf_append(&raw, p->jr.z, p->jr.n);
    }
  }
  rc = raw.oom ? PE_NOMEM : pe_latex_to_unicode(out, raw.z ? raw.z : "", raw.n);
  pe_buf_free(&raw);
  if( rc!=PE_OK ) return rc;
  /* a tie (~, a no-break space) reads as a plain space in a display name */
  for(k=w=at; k<out->n; k++){
    if( (unsigned char)out->z[k]==0xC2 && k+1<out->n && (unsigned char)out->z[k+1]==0xA0 ){
      out->z[w++] = ' ';
      k++;
    }else{
      out->z[w++] = out->z[k];
    }
  }
  out->n = w;
  if( out->z ) out->z[w] = 0;
  return PE_OK;
}
