/* regex_template.c: replacement templates of regexp_replace (see regex.h). */
#include <string.h>
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "regex.h"

#define MAX_GROUP_NAME 32          /* PCRE2's limit on a group name */

typedef struct TplPiece {
  size_t off, len;            /* literal text: tpl->zText[off..off+len) */
  int group;                  /* >=0: insert this group; -1: literal */
  char zName[MAX_GROUP_NAME+1]; /* for $name: resolved per match (duplicates) */
} TplPiece;

struct PeTemplate {
  char *zText;
  int nPiece;
  TplPiece *aPiece;
};

void pe_template_free(PeTemplate *tpl){
  if( tpl==0 ) return;
  pe_free(tpl->zText);
  pe_free(tpl->aPiece);
  pe_free(tpl);
}

static int is_name_start(char c){
  return (c>='A' && c<='Z') || (c>='a' && c<='z') || c=='_';
}
static int is_digit(char c){ return c>='0' && c<='9'; }

/* Where a "$..." reference at z[i] ends and what it names. */
typedef struct TplRef { size_t end; size_t nameOff, nameLen; int numeric; } TplRef;

static int scan_ref(const char *z, size_t n, size_t i, TplRef *r){
  size_t k = i+1;
  if( k<n && z[k]=='{' ){
    size_t s = k+1, e = s;
    while( e<n && z[e]!='}' ) e++;
    if( e>=n || e==s ) return 0;
    r->nameOff = s; r->nameLen = e-s; r->end = e+1;
  }else if( k<n && is_digit(z[k]) ){
    size_t e = k;
    while( e<n && is_digit(z[e]) ) e++;
    r->nameOff = k; r->nameLen = e-k; r->end = e;
  }else if( k<n && is_name_start(z[k]) ){
    size_t e = k;
    while( e<n && (is_name_start(z[e]) || is_digit(z[e])) ) e++;
    r->nameOff = k; r->nameLen = e-k; r->end = e;
  }else{
    return 0;
  }
  {
    size_t j;
    r->numeric = 1;
    for(j=0; j<r->nameLen; j++) if( !is_digit(z[r->nameOff+j]) ) r->numeric = 0;
  }
  return 1;
}

/* "regexp_replace: <zWhat><ref> at offset N in replacement '...'" */
static int template_error(char **pzErr, const char *zWhat, const char *zRef, size_t nRef,
                          size_t iOff, const char *z, size_t n){
  PeBuf b;
  pe_buf_init(&b);
  pe_buf_appends(&b, "regexp_replace: ");
  pe_buf_appends(&b, zWhat);
  if( nRef ){
    pe_buf_appendc(&b, '\'');
    pe_regex_append_valid_utf8(&b, zRef, nRef);
    pe_buf_appendc(&b, '\'');
  }
  pe_buf_appendf(&b, " at offset %zu", pe_regex_chars(z, iOff));
  pe_buf_appends(&b, " in replacement '");
  pe_regex_append_valid_utf8(&b, z, n);
  pe_buf_appendc(&b, '\'');
  *pzErr = pe_buf_finish(&b, 0);
  return *pzErr ? PE_ERROR : PE_NOMEM;
}

int pe_template_parse(const PeRegex *re, const char *z, size_t n,
                      PeTemplate **ppTpl, char **pzErr){
  PeTemplate *tpl;
  size_t i = 0, litStart = 0, nMax = 1;
  long nGroup = pe_regex_group_count(re);
  *ppTpl = 0;
  for(i=0; i<n; i++) if( z[i]=='$' ) nMax += 2;
  tpl = pe_malloc(sizeof(*tpl));
  if( tpl==0 ) return PE_NOMEM;
  memset(tpl, 0, sizeof(*tpl));
  tpl->zText = pe_malloc(n+1);
  tpl->aPiece = pe_malloc(nMax*sizeof(TplPiece));
  if( tpl->zText==0 || tpl->aPiece==0 ){ pe_template_free(tpl); return PE_NOMEM; }
  if( n ) memcpy(tpl->zText, z, n);
  tpl->zText[n] = 0;

#define ADD_LITERAL(from, to) do{ if( (to)>(from) ){ \
    TplPiece *p_ = &tpl->aPiece[tpl->nPiece++]; \
    p_->off = (from); p_->len = (to)-(from); p_->group = -1; p_->zName[0] = 0; } }while(0)

  for(i=0; i<n; ){
    TplRef r;
    TplPiece *p;
    if( z[i]!='$' ){ i++; continue; }
    if( i+1<n && z[i+1]=='$' ){          /* $$: a dollar */
      ADD_LITERAL(litStart, i+1);
      i += 2;
      litStart = i;
      continue;
    }
    if( !scan_ref(z, n, i, &r) ){
      pe_template_free(tpl);
      if( i+1<n && z[i+1]=='{' ){
        return template_error(pzErr, "unterminated or empty '${'", "", 0, i, z, n);
      }
      return template_error(pzErr, "lone '$'", "", 0, i, z, n);
    }
    ADD_LITERAL(litStart, i);
    p = &tpl->aPiece[tpl->nPiece++];
    p->off = p->len = 0;
    p->zName[0] = 0;
    if( r.numeric ){
      size_t j;
      long g = 0;
      for(j=0; j<r.nameLen && g<=nGroup; j++) g = g*10 + (z[r.nameOff+j]-'0');
      if( g>nGroup ){
        pe_template_free(tpl);
        return template_error(pzErr, "no such group ", z+i, r.end-i, i, z, n);
      }
      p->group = (int)g;
    }else{
      int g = pe_regex_group_number(re, z+r.nameOff, r.nameLen);
      if( g<0 ){
        pe_template_free(tpl);
        return template_error(pzErr, "no such group ", z+i, r.end-i, i, z, n);
      }
      p->group = g;
      memcpy(p->zName, z+r.nameOff, r.nameLen);
      p->zName[r.nameLen] = 0;
    }
    i = r.end;
    litStart = i;
  }
  ADD_LITERAL(litStart, n);
#undef ADD_LITERAL
  *ppTpl = tpl;
  return PE_OK;
}

int pe_template_expand(const PeTemplate *tpl, const PeRegex *re, const char *z, PeBuf *out){
  int i;
  for(i=0; i<tpl->nPiece; i++){
    const TplPiece *p = &tpl->aPiece[i];
    size_t s, e;
    if( p->group<0 ){
      pe_buf_append(out, tpl->zText + p->off, p->len);
    }else if( p->zName[0] ? pe_regex_group_named(re, p->zName, strlen(p->zName), &s, &e)==1
                          : pe_regex_group(re, p->group, &s, &e) ){
      pe_buf_append(out, z+s, e-s);
    }
  }
  return out->oom ? PE_NOMEM : PE_OK;
}

