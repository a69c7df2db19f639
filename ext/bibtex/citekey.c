/* citekey.c: see citekey.h. */
#include <string.h>
#include "bibnames.h"
#include "citekey.h"
#include "romanize.h"
#include "latex/latex.h"
#include "common/utf8.h"

/* Words a key never takes from a title. */
static const char *const azStopWord[] = {
  "a", "an", "the", "on", "of", "in", "for", "to", "and", "or", "with", "from",
  "by", "at", "as", "is", "are", "via", "into", "onto", "towards", "toward",
  "what", "how", "why", "when", "where", "do", "does", "can", "we", "our",
  "its", "it", "be", "not", "no", "all", "about", "using", "this", "that",
  "der", "die", "das", "le", "la", "les", "el", "un", "une",
  /* Chinese titles, romanized: 基于 关于 一种 面向 浅谈 浅析 试论 对于 */
  "jiyu", "guanyu", "yizhong", "mianxiang", "qiantan", "qianxi", "shilun", "duiyu",
};

/* Chinese family names of two characters (simplified and traditional). */
static const char *const azCompoundSurname[] = {
  "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟", "尉遲",
  "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "西門",
  "南宫", "南宮", "独孤", "獨孤", "轩辕", "軒轅", "呼延", "万俟", "萬俟", "闻人", "聞人", "澹台",
  "公冶", "宗政", "濮阳", "濮陽", "淳于", "单于", "單于", "太叔", "申屠", "钟离", "鍾離", "百里",
  "东郭", "東郭", "拓跋",
};

/* Letters that keep no ASCII base after removing marks. */
static const struct { uint32_t c; const char *zAscii; } aAsciiLetter[] = {
  { 0x00F8, "o" }, { 0x00D8, "o" }, { 0x0142, "l" }, { 0x0141, "l" },
  { 0x0111, "d" }, { 0x0110, "d" }, { 0x00F0, "d" }, { 0x00D0, "d" },
  { 0x00E6, "ae" }, { 0x00C6, "ae" }, { 0x0153, "oe" }, { 0x0152, "oe" },
  { 0x00FE, "th" }, { 0x00DE, "th" }, { 0x0131, "i" }, { 0x0237, "j" },
  { 0x014B, "ng" }, { 0x014A, "ng" }, { 0x0127, "h" }, { 0x0126, "h" },
};

/* z[0..n) as LaTeX-decoded lowercase ASCII letters and digits, words
** separated by one space; other characters are dropped (so "Pre-training"
** is one word, "pretraining"). */
static int fold_ascii(PeBuf *out, const char *z, size_t n){
  PeBuf dec, folded;
  size_t i = 0;
  int rc;
  pe_buf_init(&dec);
  pe_buf_init(&folded);
  rc = pe_latex_to_unicode(&dec, z, n);
  if( rc==PE_OK ){
    rc = pe_fold_append(&folded, dec.z ? dec.z : "", dec.n,
                        PE_FOLD_NFKC|PE_FOLD_CASE|PE_FOLD_STRIPMARK|PE_FOLD_IGNORE);
  }
  while( rc==PE_OK && i<folded.n ){
    uint32_t c;
    size_t k;
    i += (size_t)pe_utf8_decode((const unsigned char*)folded.z+i, folded.n-i, &c);
    if( (c>='a' && c<='z') || (c>='0' && c<='9') ){ pe_buf_appendc(out, (char)c); continue; }
    for(k=0; k<sizeof(aAsciiLetter)/sizeof(aAsciiLetter[0]); k++){
      if( aAsciiLetter[k].c==c ) break;
    }
    if( k<sizeof(aAsciiLetter)/sizeof(aAsciiLetter[0]) ) pe_buf_appends(out, aAsciiLetter[k].zAscii);
    else if( pe_is_space(c) || pe_is_cjk(c) ){
      if( out->n && out->z[out->n-1]!=' ' ) pe_buf_appendc(out, ' ');
    }
  }
  pe_buf_free(&dec);
  pe_buf_free(&folded);
  if( rc==PE_OK && out->oom ) rc = PE_NOMEM;
  return rc;
}

/* A Chinese name in one word ('李四', '{欧阳修远}'): its family name is the
** first character, or the first two for a compound surname.  *pn is cut to
** it; 0 when z is not 2 to 4 Han characters (braces aside). */
static int han_family(const char *z, size_t *pn){
  size_t i = 0, n = *pn, at2 = 0, at1 = 0;
  int nHan = 0;
  while( i<n ){
    uint32_t c;
    if( z[i]=='{' || z[i]=='}' ){ i++; continue; }
    i += (size_t)pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    if( !pe_is_cjk(c) || (c>=0x3040 && c<=0x30FF) ) return 0;
    nHan++;
    if( nHan==1 ) at1 = i;
    if( nHan==2 ) at2 = i;
  }
  if( nHan<2 || nHan>4 ) return 0;
  {
    size_t s = 0, k;
    while( s<n && z[s]=='{' ) s++;
    for(k=0; k<sizeof(azCompoundSurname)/sizeof(azCompoundSurname[0]); k++){
      size_t m = strlen(azCompoundSurname[k]);
      if( nHan>=3 && at2-s==m && memcmp(z+s, azCompoundSurname[k], m)==0 ){ *pn = at2; return 1; }
    }
  }
  *pn = at1;
  return 1;
}

static int is_stop_word(const char *z, size_t n){
  size_t k;
  for(k=0; k<sizeof(azStopWord)/sizeof(azStopWord[0]); k++){
    if( strlen(azStopWord[k])==n && memcmp(azStopWord[k], z, n)==0 ) return 1;
  }
  return 0;
}

/* Append the first word of the folded text (bSkipStop: the first that is
** not a stop word). */
static void first_word(PeBuf *out, const PeBuf *folded, int bSkipStop){
  size_t i = 0;
  while( i<folded->n ){
    size_t s;
    while( i<folded->n && folded->z[i]==' ' ) i++;
    s = i;
    while( i<folded->n && folded->z[i]!=' ' ) i++;
    if( i>s && !(bSkipStop && is_stop_word(folded->z+s, i-s)) ){
      pe_buf_append(out, folded->z+s, i-s);
      return;
    }
  }
}

/* The n-th word (0-based) that is not a stop word, appended to out; 1 if found. */
static int nth_word(PeBuf *out, const PeBuf *folded, int nth){
  size_t i = 0;
  while( i<folded->n ){
    size_t s;
    while( i<folded->n && folded->z[i]==' ' ) i++;
    s = i;
    while( i<folded->n && folded->z[i]!=' ' ) i++;
    if( i>s && !is_stop_word(folded->z+s, i-s) && nth--==0 ){
      pe_buf_append(out, folded->z+s, i-s);
      return 1;
    }
  }
  return 0;
}

/* z[0..n) romanized (CJK) then folded to ASCII words, into out. */
static int fold_text(PeBuf *out, const char *z, size_t n, int bFamily, int bTitle){
  PeBuf rom;
  int rc;
  pe_buf_init(&rom);
  rc = bib_romanize(&rom, z, n, bFamily, bTitle);
  if( rc==PE_OK ) rc = fold_ascii(out, rom.z ? rom.z : "", rom.n);
  pe_buf_free(&rom);
  return rc;
}

int bib_cite_key(PeBuf *out, const char *zAuthor, size_t nAuthor,
                 const char *zYear, size_t nYear, const char *zTitle, size_t nTitle){
  PeBuf tmp, title;
  BibNameIter it;
  BibName name;
  size_t at = out->n, i;
  int rc = PE_OK, bTitleName = 0;
  pe_buf_init(&tmp);
  pe_buf_init(&title);
  if( zTitle ) rc = fold_text(&title, zTitle, nTitle, 0, 1);
  bib_names_start(&it, zAuthor, nAuthor);
  if( rc==PE_OK && zAuthor && bib_names_next(&it, &name) && name.last.z ){
    size_t nLast = name.last.n;
    int bHan = name.first.z==0 && han_family(name.last.z, &nLast);
    rc = fold_text(&tmp, name.last.z, nLast, 1, 0);
    if( name.bLiteral && !bHan ) first_word(out, &tmp, 0);
    else for(i=0; i<tmp.n; i++) if( tmp.z[i]!=' ' ) pe_buf_appendc(out, tmp.z[i]);
  }
  if( out->n==at && rc==PE_OK ){
    /* no author: the title's first word stands for the name */
    bTitleName = nth_word(out, &title, 0);
    if( !bTitleName ) pe_buf_appends(out, "anon");
  }
  for(i=0; zYear && i<nYear; i++){
    if( zYear[i]>='0' && zYear[i]<='9' ){
      size_t s = i;
      while( i<nYear && zYear[i]>='0' && zYear[i]<='9' ) i++;
      pe_buf_append(out, zYear+s, i-s);
      break;
    }
  }
  if( rc==PE_OK ) nth_word(out, &title, bTitleName ? 1 : 0);
  if( rc==PE_OK && (out->oom || tmp.oom || title.oom) ) rc = PE_NOMEM;
  pe_buf_free(&tmp);
  pe_buf_free(&title);
  return rc;
}
