/*
** check.h: the tiny assertion kit of the C unit tests (tests/unit/test_*.c).
** Each test program ends with CHECK_REPORT(), which prints
** "unit <name>: N passed, N failed" and returns non-zero on a failure.
*/
#ifndef PE_CHECK_H
#define PE_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_passed = 0, check_failed = 0;

#define CHECK(cond) do{ \
  if( cond ) check_passed++; \
  else { check_failed++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
}while(0)

/* Compare two NUL-terminated strings (either may be NULL). */
#define CHECK_STR(got, want) do{ \
  const char *g_ = (got), *w_ = (want); \
  if( (g_==0 && w_==0) || (g_ && w_ && strcmp(g_, w_)==0) ) check_passed++; \
  else { check_failed++; printf("FAIL %s:%d: %s\n  want: %s\n  got:  %s\n", \
         __FILE__, __LINE__, #got, w_ ? w_ : "(null)", g_ ? g_ : "(null)"); } \
}while(0)

#define CHECK_INT(got, want) do{ \
  long long g_ = (long long)(got), w_ = (long long)(want); \
  if( g_==w_ ) check_passed++; \
  else { check_failed++; printf("FAIL %s:%d: %s\n  want: %lld\n  got:  %lld\n", \
         __FILE__, __LINE__, #got, w_, g_); } \
}while(0)

#define CHECK_REPORT(name) \
  (printf("unit %s: %d passed, %d failed\n", name, check_passed, check_failed), \
   check_failed ? 1 : 0)

#endif
