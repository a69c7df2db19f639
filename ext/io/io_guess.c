/*
** io_guess.c: which encoding bytes that are not UTF-8 most likely are.
**
** Each candidate's byte structure is checked (a sequence it cannot hold
** rules it out), and its characters are sorted into common and uncommon
** by where their codes lie: every one of these encodings puts its most
** used characters in one block, so text in the right encoding is mostly
** "common" and the same bytes read as another encoding are not.
**   Big5       A1-A3 symbols, A4-C6 level-1 hanzi (5,401 common characters)
**   GB18030    A1-A9 symbols and B0-D7 level-1 hanzi (GB 2312's 3,755
**              most used), both with a trail byte A1-FE
**   Shift_JIS  81-84 symbols and kana, 88-98 level-1 kanji (JIS X 0208);
**              single-byte half-width katakana A1-DF count as uncommon
** The candidate with most common characters wins when at least 70% of its
** characters are common; Latin text (sparse high bytes between ASCII
** letters) is windows-1252 when it uses 80-9F (curly quotes, dashes) and
** latin1 otherwise.  UTF-16 is told by its BOM or by NUL bytes in every
** other position.  Text here means reading lists and bibliographies: a few
** lines of CJK are enough to tell.
*/
#include "io.h"

typedef struct Tally { size_t nCommon, nChars; int bad; } Tally;

static int in(unsigned char c, unsigned lo, unsigned hi){ return c>=lo && c<=hi; }

static void big5(const unsigned char *z, size_t n, Tally *t){
  size_t i = 0;
  while( i<n && !t->bad ){
    unsigned char a = z[i], b;
    if( a<0x80 ){ i++; continue; }
    if( !in(a, 0xA1, 0xF9) || i+1>=n ){ t->bad = 1; break; }
    b = z[i+1];
    if( !(in(b, 0x40, 0x7E) || in(b, 0xA1, 0xFE)) ){ t->bad = 1; break; }
    t->nChars++;
    if( in(a, 0xA1, 0xA3) || in(a, 0xA4, 0xC6) ) t->nCommon++;
    i += 2;
  }
}

static void gb18030(const unsigned char *z, size_t n, Tally *t){
  size_t i = 0;
  while( i<n && !t->bad ){
    unsigned char a = z[i], b;
    if( a<0x80 ){ i++; continue; }
    if( !in(a, 0x81, 0xFE) || i+1>=n ){ t->bad = 1; break; }
    b = z[i+1];
    if( in(b, 0x30, 0x39) ){                    /* four bytes: rare characters */
      if( i+3>=n || !in(z[i+2], 0x81, 0xFE) || !in(z[i+3], 0x30, 0x39) ){ t->bad = 1; break; }
      t->nChars++;
      i += 4;
      continue;
    }
    if( !(in(b, 0x40, 0x7E) || in(b, 0x80, 0xFE)) ){ t->bad = 1; break; }
    t->nChars++;
    if( b>=0xA1 && (in(a, 0xA1, 0xA9) || in(a, 0xB0, 0xD7)) ) t->nCommon++;
    i += 2;
  }
}

static void shift_jis(const unsigned char *z, size_t n, Tally *t){
  size_t i = 0;
  while( i<n && !t->bad ){
    unsigned char a = z[i], b;
    if( a<0x80 ){ i++; continue; }
    if( in(a, 0xA1, 0xDF) ){ t->nChars++; i++; continue; }   /* half-width kana */
    if( !(in(a, 0x81, 0x9F) || in(a, 0xE0, 0xFC)) || i+1>=n ){ t->bad = 1; break; }
    b = z[i+1];
    if( !(in(b, 0x40, 0x7E) || in(b, 0x80, 0xFC)) ){ t->bad = 1; break; }
    t->nChars++;
    if( in(a, 0x81, 0x84) || in(a, 0x88, 0x98) ) t->nCommon++;
    i += 2;
  }
}

/* NUL bytes at even (BE) or odd (LE) offsets: UTF-16 of mostly ASCII text. */
static const char *utf16_by_nuls(const unsigned char *z, size_t n){
  size_t i, even = 0, odd = 0;
  if( n<4 ) return 0;
  for(i=0; i<n; i++) if( z[i]==0 ){ if( i&1 ) odd++; else even++; }
  if( odd*4 > n && even*20 < n ) return "utf-16le";
  if( even*4 > n && odd*20 < n ) return "utf-16be";
  return 0;
}

const char *pe_io_guess(const char *zText, size_t n){
  const unsigned char *z = (const unsigned char*)zText;
  static const struct { const char *zName; void (*x)(const unsigned char*, size_t, Tally*); } aCjk[] = {
    { "big5", big5 }, { "gb18030", gb18030 }, { "shift_jis", shift_jis },
  };
  const char *zBest = 0;
  double best = 0.0;
  size_t i, nHigh = 0, nC1 = 0;
  int k;
  if( n>=2 && z[0]==0xFF && z[1]==0xFE ) return "utf-16le";
  if( n>=2 && z[0]==0xFE && z[1]==0xFF ) return "utf-16be";
  if( pe_io_utf8_invalid(zText, n)==n ) return "utf-8";
  if( (zBest = utf16_by_nuls(z, n))!=0 ) return zBest;
  for(k=0; k<(int)(sizeof(aCjk)/sizeof(aCjk[0])); k++){
    Tally t = { 0, 0, 0 };
    double score;
    aCjk[k].x(z, n, &t);
    if( t.bad || t.nChars==0 ) continue;
    score = (double)t.nCommon / (double)t.nChars;
    if( score>best ){ best = score; zBest = aCjk[k].zName; }
  }
  if( zBest && best>=0.70 ) return zBest;
  /* Latin: high bytes mostly single, between ASCII letters */
  for(i=0; i<n; i++){
    if( z[i]>=0x80 ){
      nHigh++;
      if( z[i]<0xA0 ) nC1++;
    }
  }
  if( nHigh*3 <= n ) return nC1 ? "windows-1252" : "latin1";
  return 0;
}
