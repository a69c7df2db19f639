/*
** fuzz_readinglist: the reading-list parser core on any bytes.
**
** The whole input is one list.  Beyond crashes, leaks and sanitizer
** reports, these are findings (abort): positions that do not increase,
** title lines that go backwards, a string handed out that is not valid
** UTF-8, tags that are not a JSON array, a title where a preface should be.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "common/pe_mem.h"
#include "common/utf8.h"
#include "readinglist/readinglist.h"

static void check_utf8(PeRlStr s){
  size_t i = 0;
  if( s.z==0 ) return;
  while( i<s.n ){
    uint32_t c;
    int len = pe_utf8_decode((const unsigned char*)s.z + i, s.n - i, &c);
    if( (c==PE_REPLACEMENT && len==1) || c==0 ) abort();
    i += (size_t)len;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *a, size_t n){
  char *z = pe_malloc(n ? n : 1);     /* exactly n bytes: overreads show */
  PeRl *p;
  int kind;
  long long lastPos = -1, lastLine = 0;
  if( z==0 ) return 0;
  if( n ) memcpy(z, a, n);
  p = pe_rl_new(z, n);
  if( p ){
    while( pe_rl_next(p, &kind)==0 && kind!=PE_RL_DONE ){
      if( kind==PE_RL_ENTRY ){
        const PeRlEntry *e = pe_rl_entry(p);
        if( e->position<=lastPos || e->line<lastLine ) abort();
        if( (e->position==0)!=(e->title.z==0) ) abort();
        if( e->tags.n<2 || e->tags.z[0]!='[' || e->tags.z[e->tags.n-1]!=']' ) abort();
        check_utf8(e->title); check_utf8(e->note); check_utf8(e->tags);
        check_utf8(e->venue); check_utf8(e->url); check_utf8(e->arxiv); check_utf8(e->doi);
        lastPos = e->position;
        lastLine = e->line;
      }else{
        const PeRlDiag *d = pe_rl_diag(p);
        if( d->line<1 || d->col<1 ) abort();
        check_utf8(d->message);
      }
    }
    pe_rl_free(p);
  }
  pe_free(z);
  return 0;
}
