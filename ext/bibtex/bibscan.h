/*
** bibscan.h: the byte scans the BibTeX parser spends its time in, 16 bytes
** at a time with SSE2 where the compiler has it (every x86-64), one at a
** time otherwise.  Each returns what its scalar loop below it would.
*/
#ifndef PE_BIBSCAN_H
#define PE_BIBSCAN_H
#include <stddef.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#define BIBSCAN_SSE2 1
#endif

/* Index of the first byte in z[i..n) equal to a, b or c, or n. */
static inline size_t bibscan_find3(const char *z, size_t i, size_t n, char a, char b, char c){
#ifdef BIBSCAN_SSE2
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  while( i+16<=n ){
    __m128i x = _mm_loadu_si128((const __m128i*)(z+i));
    int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va),
                                                        _mm_cmpeq_epi8(x, vb)),
                                           _mm_cmpeq_epi8(x, vc)));
    if( m ) return i + (size_t)__builtin_ctz((unsigned)m);
    i += 16;
  }
#endif
  while( i<n && z[i]!=a && z[i]!=b && z[i]!=c ) i++;
  return i;
}

/* Index of the first byte >= 0x80 in z[i..n), or n. */
static inline size_t bibscan_find_high(const char *z, size_t i, size_t n){
#ifdef BIBSCAN_SSE2
  while( i+16<=n ){
    int m = _mm_movemask_epi8(_mm_loadu_si128((const __m128i*)(z+i)));
    if( m ) return i + (size_t)__builtin_ctz((unsigned)m);
    i += 16;
  }
#endif
  while( i<n && (unsigned char)z[i]<0x80 ) i++;
  return i;
}

/* Index of the first k in z[i..n-1) with z[k]|0x20 == a and z[k+1]|0x20 == b
** (a pair of letters in any case), or n. */
static inline size_t bibscan_find_pair_ci(const char *z, size_t i, size_t n, char a, char b){
#ifdef BIBSCAN_SSE2
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), lc = _mm_set1_epi8(0x20);
  while( i+17<=n ){
    __m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i*)(z+i)), lc);
    __m128i y = _mm_or_si128(_mm_loadu_si128((const __m128i*)(z+i+1)), lc);
    int m = _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(y, vb)));
    if( m ) return i + (size_t)__builtin_ctz((unsigned)m);
    i += 16;
  }
#endif
  for(; i+1<n; i++){
    if( (z[i]|0x20)==a && (z[i+1]|0x20)==b ) return i;
  }
  return n;
}

/* Bits set in a 16-bit mask (no popcnt instruction needed). */
static inline unsigned bibscan_popcount16(unsigned m){
  m = m - ((m>>1) & 0x5555u);
  m = (m & 0x3333u) + ((m>>2) & 0x3333u);
  m = (m + (m>>4)) & 0x0F0Fu;
  return (m + (m>>8)) & 0x1Fu;
}

/* Number of '\n' in z[i..n); *pLast gets the index after the last one
** (unchanged when there is none). */
static inline size_t bibscan_count_newlines(const char *z, size_t i, size_t n, size_t *pLast){
  size_t count = 0;
#ifdef BIBSCAN_SSE2
  const __m128i nl = _mm_set1_epi8('\n');
  while( i+16<=n ){
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i*)(z+i)), nl));
    if( m ){
      count += bibscan_popcount16(m);
      *pLast = i + 32 - (size_t)__builtin_clz(m);
    }
    i += 16;
  }
#endif
  for(; i<n; i++) if( z[i]=='\n' ){ count++; *pLast = i+1; }
  return count;
}

/* Length of the prefix of z[0..n) that white-space collapsing leaves as it
** is: printable ASCII with single spaces (none first when bAfterSpace). */
static inline size_t bibscan_plain_prefix(const char *z, size_t n, int bAfterSpace){
  size_t i = 0;
#ifdef BIBSCAN_SSE2
  const __m128i sp = _mm_set1_epi8(' '), lim = _mm_set1_epi8(0x21);
  while( i+16<=n ){
    __m128i x = _mm_loadu_si128((const __m128i*)(z+i));
    /* bytes < 0x21 (signed compare: bytes >= 0x80 are negative, so they count too) */
    unsigned low = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, lim));
    unsigned spc = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, sp));
    unsigned prev = (spc<<1) | (unsigned)((i ? z[i-1]==' ' : bAfterSpace) ? 1 : 0);
    unsigned bad = (low & ~spc) | (spc & prev);
    if( bad ) return i + (size_t)__builtin_ctz(bad);
    i += 16;
  }
#endif
  for(; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c<0x20 || c>=0x80 ) return i;
    if( c==' ' && (i ? z[i-1]==' ' : bAfterSpace) ) return i;
  }
  return n;
}

/* Length of the prefix of z[0..n) that a JSON string holds as it is
** (no '"', no backslash, no control character). */
static inline size_t bibscan_json_plain(const char *z, size_t n){
  size_t i = 0;
#ifdef BIBSCAN_SSE2
  const __m128i q = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'), c1f = _mm_set1_epi8(0x1F);
  while( i+16<=n ){
    __m128i x = _mm_loadu_si128((const __m128i*)(z+i));
    __m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, q), _mm_cmpeq_epi8(x, bs)),
                               _mm_cmpeq_epi8(_mm_max_epu8(x, c1f), c1f));
    int m = _mm_movemask_epi8(bad);
    if( m ) return i + (size_t)__builtin_ctz((unsigned)m);
    i += 16;
  }
#endif
  while( i<n && z[i]!='"' && z[i]!='\\' && (unsigned char)z[i]>=0x20 ) i++;
  return i;
}

#endif
