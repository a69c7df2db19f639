/* merge_hash.c: a record's content hash (see merge.h, pe_merge_hash).
** Eight bytes a step, read little-endian whatever the machine, so a
** database's stored hashes mean the same on any of them. */
#include <stdint.h>
#include "merge.h"

static uint64_t mix(uint64_t x){           /* splitmix64's finalizer */
  x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27; x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

static uint64_t load_le(const unsigned char *p, size_t n){   /* n <= 8 */
  uint64_t v = 0;
  size_t i;
  for(i=0; i<n; i++) v |= (uint64_t)p[i] << (8*i);
  return v;
}

static uint64_t load8_le(const unsigned char *p){   /* one load on most machines */
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24
       | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

static void hash2(const char *z, size_t n, uint64_t *pA, uint64_t *pB){
  const unsigned char *p = (const unsigned char*)z;
  uint64_t a = 0x243f6a8885a308d3ull ^ (uint64_t)n, b = 0x6a09e667f3bcc909ull;
  size_t i;
  for(i=0; i+8<=n; i+=8){
    uint64_t w = load8_le(p+i);
    a = (a ^ w) * 0x9e3779b97f4a7c15ull;  a ^= a >> 29;
    b = (b + w) * 0xc2b2ae3d27d4eb4full;  b = (b << 31) | (b >> 33);
  }
  if( i<n ){
    uint64_t w = load_le(p+i, n-i) | (uint64_t)(n-i) << 56;
    a = (a ^ w) * 0x9e3779b97f4a7c15ull;  a ^= a >> 29;
    b = (b + w) * 0xc2b2ae3d27d4eb4full;  b = (b << 31) | (b >> 33);
  }
  *pA = mix(a);
  *pB = mix(b ^ *pA);
}

long long pe_merge_hash64(const char *z, size_t n){
  uint64_t a, b;
  hash2(z, n, &a, &b);
  return (long long)a;
}

void pe_merge_hash(const char *z, size_t n, char zOut[33]){
  static const char hex[] = "0123456789abcdef";
  uint64_t a, b;
  int k;
  hash2(z, n, &a, &b);
  for(k=0; k<16; k++){
    uint64_t v = k<8 ? a : b;
    int shift = 60 - 8*(k%8);
    zOut[2*k]   = hex[(v >> shift) & 15];
    zOut[2*k+1] = hex[(v >> (shift-4)) & 15];
  }
  zOut[32] = 0;
}
