/* romanize.c: see romanize.h. */
#include <string.h>
#include "romanize.h"
#include "pinyin_table_generated.h"
#include "common/utf8.h"

/* Surname readings that differ from the character's customary reading. */
static const struct { uint32_t c; const char *z; } aSurname[] = {
  { 0x66FE, "zeng" }, { 0x5355, "shan" }, { 0x89E3, "xie" }, { 0x533A, "ou" }, { 0x67E5, "zha" },
  { 0x4EC7, "qiu" }, { 0x4E50, "yue" }, { 0x6A02, "yue" }, { 0x76D6, "ge" }, { 0x84CB, "ge" },
  { 0x7FDF, "zhai" }, { 0x7F2A, "miao" }, { 0x7E46, "miao" }, { 0x8983, "qin" }, { 0x53EC, "shao" },
  { 0x6734, "piao" }, { 0x90C7, "xi" }, { 0x7C98, "nian" }, { 0x5C09, "yu" }, { 0x4FDE, "yu" },
  { 0x957F, "chang" }, { 0x9577, "chang" }, { 0x91CD, "chong" }, { 0x4E07, "wan" }, { 0x89C3, "guan" },
};

/* Korean family names as they are usually written in Latin letters. */
static const struct { uint32_t c; const char *z; } aKoreanSurname[] = {
  { 0xAE40, "kim" }, { 0xC774, "lee" }, { 0xBC15, "park" }, { 0xCD5C, "choi" }, { 0xC815, "jung" },
  { 0xAC15, "kang" }, { 0xC870, "cho" }, { 0xC724, "yoon" }, { 0xC7A5, "jang" }, { 0xC784, "lim" },
  { 0xD55C, "han" }, { 0xC624, "oh" }, { 0xC11C, "seo" }, { 0xC2E0, "shin" }, { 0xAD8C, "kwon" },
  { 0xD669, "hwang" }, { 0xC548, "ahn" }, { 0xC1A1, "song" }, { 0xB958, "ryu" }, { 0xC720, "yoo" },
  { 0xC804, "jeon" }, { 0xD64D, "hong" }, { 0xACE0, "ko" }, { 0xBB38, "moon" }, { 0xC591, "yang" },
  { 0xC190, "son" }, { 0xBC30, "bae" }, { 0xBC31, "baek" }, { 0xD5C8, "heo" }, { 0xB178, "noh" },
  { 0xB0A8, "nam" }, { 0xC2EC, "shim" }, { 0xD558, "ha" }, { 0xACFD, "kwak" }, { 0xC131, "sung" },
  { 0xCC28, "cha" }, { 0xC8FC, "joo" }, { 0xC6B0, "woo" }, { 0xAD6C, "koo" }, { 0xBBFC, "min" },
  { 0xC9C4, "jin" }, { 0xC9C0, "ji" }, { 0xCC44, "chae" }, { 0xC6D0, "won" }, { 0xCC9C, "cheon" },
  { 0xBC29, "bang" }, { 0xACF5, "kong" }, { 0xD604, "hyun" }, { 0xBCC0, "byun" }, { 0xC5FC, "yeom" },
  { 0xC5EC, "yeo" }, { 0xCD94, "choo" }, { 0xB3C4, "do" }, { 0xC11D, "seok" }, { 0xC120, "sun" },
  { 0xAE38, "gil" }, { 0xC5F0, "yeon" }, { 0xD45C, "pyo" }, { 0xBA85, "myung" }, { 0xAE30, "ki" },
};

/* Hiragana U+3041..U+3096 in Hepburn ("" for the small tsu, handled apart). */
static const char *const azKana[] = {
  "a", "a", "i", "i", "u", "u", "e", "e", "o", "o",
  "ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",
  "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",
  "ta", "da", "chi", "ji", "", "tsu", "zu", "te", "de", "to", "do",
  "na", "ni", "nu", "ne", "no",
  "ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po",
  "ma", "mi", "mu", "me", "mo", "ya", "ya", "yu", "yu", "yo", "yo",
  "ra", "ri", "ru", "re", "ro", "wa", "wa", "i", "e", "o", "n", "vu", "ka", "ke",
};

/* Hangul jamo in Revised Romanization: initial, vowel, final. */
static const char *const azInitial[19] = { "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s",
  "ss", "", "j", "jj", "ch", "k", "t", "p", "h" };
static const char *const azVowel[21] = { "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa",
  "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i" };
static const char *const azFinal[28] = { "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l",
  "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t" };

static const char *pinyin(uint32_t c){
  int lo = 0, hi = PE_PINYIN_NCHAR-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    uint32_t cp = aPinyinChar[mid]>>11;
    if( cp==c ) return azPinyinSyllable[aPinyinChar[mid] & 0x7FF];
    if( cp<c ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

/* A kana as hiragana's index (0..85), or -1. */
static int kana_index(uint32_t c){
  if( c>=0x3041 && c<=0x3096 ) return (int)(c-0x3041);
  if( c>=0x30A1 && c<=0x30F6 ) return (int)(c-0x30A1);
  return -1;
}
static int is_kana(uint32_t c){ return kana_index(c)>=0 || (c>=0x30F7 && c<=0x30FA) || c==0x30FC; }
static int is_hangul(uint32_t c){ return c>=0xAC00 && c<=0xD7A3; }

static void space(PeBuf *out){
  if( out->n && out->z[out->n-1]!=' ' ) pe_buf_appendc(out, ' ');
}

/* The kana run z[i..) into out; returns where it ends. */
static int is_katakana(uint32_t c){ return c>=0x30A0 && c<=0x30FF; }

static size_t kana_run(PeBuf *out, const char *z, size_t n, size_t i){
  int bDouble = 0, bKatakana = -1;
  while( i<n ){
    uint32_t c, d = 0;
    int k = pe_utf8_decode((const unsigned char*)z+i, n-i, &c), kn = 0, x;
    const char *s;
    char syl[8];
    if( !is_kana(c) ) break;
    /* hiragana after katakana (or back) starts a new word: ディープラーニング|による */
    if( c!=0x30FC && bKatakana>=0 && bKatakana!=is_katakana(c) ) break;
    if( c!=0x30FC ) bKatakana = is_katakana(c);
    i += (size_t)k;
    if( c==0x30FC ) continue;                       /* ー: the long vowel, dropped */
    if( c>=0x30F7 ){ s = c==0x30F7 ? "va" : c==0x30F8 ? "vi" : c==0x30F9 ? "ve" : "vo"; }
    else{
      x = kana_index(c);
      if( x==34 ){ bDouble = 1; continue; }        /* っ: doubles what follows */
      s = azKana[x];
    }
    strcpy(syl, s);
    if( i<n ){
      kn = pe_utf8_decode((const unsigned char*)z+i, n-i, &d);
      x = kana_index(d);
      if( x==66 || x==68 || x==70 ){                /* small ゃ ゅ ょ: kya, sha, cho */
        size_t m = strlen(syl);
        if( m>=2 && syl[m-1]=='i' ){
          char v = x==66 ? 'a' : x==68 ? 'u' : 'o';
          if( (m==3 && (syl[0]=='s' || syl[0]=='c')) || (m==2 && syl[0]=='j') ){ syl[m-1] = v; }
          else{ syl[m-1] = 'y'; syl[m] = v; syl[m+1] = 0; }
          i += (size_t)kn;
        }
      }else if( x==0 || x==2 || x==4 || x==6 || x==8 ){   /* small ァ ィ ゥ ェ ォ: fa, ti, wi */
        size_t m = strlen(syl);
        char v = "aiueo"[x/2];
        if( strcmp(syl, "u")==0 ){ syl[0] = 'w'; syl[1] = v; syl[2] = 0; }
        else if( strcmp(syl, "fu")==0 || strcmp(syl, "vu")==0 ){ syl[1] = v; }
        else if( m>=2 ){
          if( strcmp(syl, "shi")==0 || strcmp(syl, "chi")==0 ){ syl[2] = v; }
          else if( strcmp(syl, "ji")==0 ){ syl[1] = v; }
          else syl[m-1] = v;
        }
        i += (size_t)kn;
      }
    }
    if( bDouble ){
      pe_buf_appendc(out, syl[0]=='c' ? 't' : syl[0]);
      bDouble = 0;
    }
    pe_buf_appends(out, syl);
  }
  return i;
}

static void hangul(PeBuf *out, uint32_t c, int bFamily){
  uint32_t s = c - 0xAC00;
  size_t k;
  if( bFamily ){
    for(k=0; k<sizeof(aKoreanSurname)/sizeof(aKoreanSurname[0]); k++){
      if( aKoreanSurname[k].c==c ){ pe_buf_appends(out, aKoreanSurname[k].z); return; }
    }
  }
  pe_buf_appends(out, azInitial[s/588]);
  pe_buf_appends(out, azVowel[(s%588)/28]);
  pe_buf_appends(out, azFinal[s%28]);
}

int bib_romanize(PeBuf *out, const char *z, size_t n, int bFamily, int bTitle){
  size_t i = 0;
  int nHan = 0;          /* Han characters so far in the current run */
  int bFirst = 1;        /* the first CJK character of the text (a family name's) */
  int bCjk = 0;          /* the last character was CJK */
  while( i<n ){
    uint32_t c;
    int k = pe_utf8_decode((const unsigned char*)z+i, n-i, &c);
    const char *s = c>=0x3400 ? pinyin(c) : 0;
    if( s ){
      if( bTitle && nHan%2==0 ) space(out);
      if( bFamily && bFirst ){
        size_t q;
        for(q=0; q<sizeof(aSurname)/sizeof(aSurname[0]); q++) if( aSurname[q].c==c ){ s = aSurname[q].z; break; }
      }
      pe_buf_appends(out, s);
      nHan++;
      bFirst = 0;
      bCjk = 1;
      i += (size_t)k;
      continue;
    }
    nHan = 0;
    if( is_kana(c) ){
      size_t e;
      if( bTitle ) space(out);
      e = kana_run(out, z, n, i);
      if( e==i ){ pe_buf_append(out, z+i, (size_t)k); e = i+(size_t)k; }   /* a lone ー */
      i = e;
      if( bTitle ) space(out);
      bFirst = 0;
      bCjk = 1;
      continue;
    }
    if( is_hangul(c) ){
      if( !bCjk && bTitle && out->n && out->z[out->n-1]!=' ' ) space(out);
      hangul(out, c, bFamily && bFirst);
      bFirst = 0;
      bCjk = 1;
      i += (size_t)k;
      continue;
    }
    if( bCjk && bTitle && !pe_is_space(c) ) space(out);
    bCjk = 0;
    pe_buf_append(out, z+i, (size_t)k);
    i += (size_t)k;
  }
  return out->oom ? PE_NOMEM : PE_OK;
}
