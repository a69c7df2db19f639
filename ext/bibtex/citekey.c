/* citekey.c: see citekey.h. */
#include <string.h>
#include "bibnames.h"
#include "citekey.h"
#include "latex/latex.h"
#include "common/utf8.h"

/* Words a key never takes from a title. */
static const char *const azStopWord[] = {
  "a", "an", "the", "on", "of", "in", "for", "to", "and", "or", "with", "from",
  "by", "at", "as", "is", "are", "via", "into", "onto", "towards", "toward",
  "what", "how", "why", "when", "where", "do", "does", "can", "we", "our",
  "its", "it", "be", "not", "no", "all", "about", "using", "this", "that",
  "der", "die", "das", "le", "la", "les", "el", "un", "une",
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

int bib_cite_key(PeBuf *out, const char *zAuthor, size_t nAuthor,
                 const char *zYear, size_t nYear, const char *zTitle, size_t nTitle){
  PeBuf tmp;
  BibNameIter it;
  BibName name;
  size_t at = out->n, i;
  int rc = PE_OK;
  pe_buf_init(&tmp);
  bib_names_start(&it, zAuthor, nAuthor);
  if( zAuthor && bib_names_next(&it, &name) && name.last.z ){
    rc = fold_ascii(&tmp, name.last.z, name.last.n);
    if( name.bLiteral ) first_word(out, &tmp, 0);
    else for(i=0; i<tmp.n; i++) if( tmp.z[i]!=' ' ) pe_buf_appendc(out, tmp.z[i]);
  }
  if( out->n==at ) pe_buf_appends(out, "anon");
  for(i=0; zYear && i<nYear; i++){
    if( zYear[i]>='0' && zYear[i]<='9' ){
      size_t s = i;
      while( i<nYear && zYear[i]>='0' && zYear[i]<='9' ) i++;
      pe_buf_append(out, zYear+s, i-s);
      break;
    }
  }
  if( rc==PE_OK && zTitle ){
    pe_buf_reset(&tmp);
    rc = fold_ascii(&tmp, zTitle, nTitle);
    if( rc==PE_OK ) first_word(out, &tmp, 1);
  }
  if( rc==PE_OK && (out->oom || tmp.oom) ) rc = PE_NOMEM;
  pe_buf_free(&tmp);
  return rc;
}
