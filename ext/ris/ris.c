/* ris.c: see ris.h. */
#include <stdio.h>
#include <string.h>
#include "ris.h"
#include "common/pe_mem.h"
#include "common/utf8.h"

struct RisParser {
  const char *z; size_t n, i;
  int line;              /* of the line at i */
  RisRecord rec;
  PeBuf text;
  int nFieldAlloc, nDiagAlloc;
  int bDone;
};

RisParser *ris_open(const char *z, size_t n){
  RisParser *p = pe_malloc(sizeof(*p));
  if( p==0 ) return 0;
  memset(p, 0, sizeof(*p));
  pe_buf_init(&p->text);
  p->z = z; p->n = n;
  p->line = 1;
  if( n>=3 && memcmp(z, "\xEF\xBB\xBF", 3)==0 ) p->i = 3;   /* a byte order mark */
  return p;
}

void ris_close(RisParser *p){
  if( p==0 ) return;
  pe_free(p->rec.aField);
  pe_free(p->rec.aDiag);
  pe_buf_free(&p->text);
  pe_free(p);
}

int ris_get(const RisRecord *r, const char *zTag, const char **pz, size_t *pn){
  int k;
  for(k=0; k<r->nField; k++){
    if( r->aField[k].tag[0]==zTag[0] && r->aField[k].tag[1]==zTag[1] ){
      *pz = r->zText + r->aField[k].iVal;
      *pn = r->aField[k].nVal;
      return 1;
    }
  }
  return 0;
}

/* A line: its start, end (before CR LF) and the start of the next one. */
typedef struct Line { size_t a, e, next; } Line;

static Line line_at(const RisParser *p, size_t i){
  Line l;
  const char *nl = memchr(p->z+i, '\n', p->n-i);
  l.a = i;
  l.next = nl ? (size_t)(nl-p->z)+1 : p->n;
  l.e = nl ? (size_t)(nl-p->z) : p->n;
  while( l.e>l.a && (p->z[l.e-1]=='\r' || p->z[l.e-1]==' ' || p->z[l.e-1]=='\t') ) l.e--;
  return l;
}

/* Is the line a tag line?  Then the value starts at *piVal. */
static int tag_line(const RisParser *p, Line l, size_t *piVal){
  const char *z = p->z + l.a;
  size_t n = l.e-l.a, k = 2;
  if( n<3 || z[0]<'A' || z[0]>'Z' || !((z[1]>='A' && z[1]<='Z') || (z[1]>='0' && z[1]<='9')) ) return 0;
  if( z[2]==' ' ) k = 3;
  if( k<n && z[k]==' ' ) k++;
  if( k>=n || z[k]!='-' || k==2 ) return 0;
  k++;
  if( k<n && z[k]!=' ' ) return 0;       /* 'AB-CD': not a tag line */
  if( k<n ) k++;
  *piVal = l.a + k;
  return 1;
}

static int is_blank(const RisParser *p, Line l){
  size_t k;
  for(k=l.a; k<l.e; k++) if( p->z[k]!=' ' && p->z[k]!='\t' ) return 0;
  return 1;
}

static int diag_(RisParser *p, int bInRecord, int line, size_t at, size_t lineStart, int bError,
                const char *zKind, const char *zMsg){
  RisRecord *r = &p->rec;
  RisDiag *d;
  if( r->nDiag==p->nDiagAlloc ){
    int nNew = p->nDiagAlloc ? p->nDiagAlloc*2 : 8;
    RisDiag *a = pe_realloc(r->aDiag, (size_t)nNew*sizeof(RisDiag));
    if( a==0 ) return PE_NOMEM;
    r->aDiag = a;
    p->nDiagAlloc = nNew;
  }
  d = &r->aDiag[r->nDiag++];
  d->line = line;
  d->col = (int)pe_utf8_count(p->z+lineStart, at-lineStart) + 1;
  d->bError = bError;
  d->bInRecord = bInRecord;
  d->zKind = zKind;
  strncpy(d->zMsg, zMsg, sizeof(d->zMsg)-1);
  d->zMsg[sizeof(d->zMsg)-1] = 0;
  return PE_OK;
}

/* Append z[a..e) to the record's text, as UTF-8 (Latin-1 for bytes that are not). */
static int add_text(RisParser *p, size_t a, size_t e, int line, size_t lineStart){
  size_t i = a;
  while( i<e ){
    size_t s = i;
    while( i<e && (unsigned char)p->z[i]<0x80 ) i++;
    pe_buf_append(&p->text, p->z+s, i-s);
    while( i<e && (unsigned char)p->z[i]>=0x80 ){
      uint32_t c;
      int k = pe_utf8_decode((const unsigned char*)p->z+i, e-i, &c);
      if( c==PE_REPLACEMENT && !(k==3 && memcmp(p->z+i, "\xEF\xBF\xBD", 3)==0) ){
        char m[120];
        snprintf(m, sizeof(m), "byte 0x%02X is not UTF-8: read as Latin-1", (unsigned char)p->z[i]);
        if( diag_(p, 1, line, i, lineStart, 0, "encoding", m) ) return PE_NOMEM;
        pe_buf_append_utf8(&p->text, (unsigned char)p->z[i]);
        i++;
      }else{
        pe_buf_append(&p->text, p->z+i, (size_t)k);
        i += (size_t)k;
      }
    }
  }
  return p->text.oom ? PE_NOMEM : PE_OK;
}

static int add_field(RisParser *p, const char *zTag, int line){
  RisRecord *r = &p->rec;
  RisField *f;
  if( r->nField==p->nFieldAlloc ){
    int nNew = p->nFieldAlloc ? p->nFieldAlloc*2 : 32;
    RisField *a = pe_realloc(r->aField, (size_t)nNew*sizeof(RisField));
    if( a==0 ) return PE_NOMEM;
    r->aField = a;
    p->nFieldAlloc = nNew;
  }
  f = &r->aField[r->nField++];
  f->tag[0] = zTag[0]; f->tag[1] = zTag[1]; f->tag[2] = 0;
  f->iVal = p->text.n;
  f->nVal = 0;
  f->line = line;
  return PE_OK;
}

static void end_field(RisParser *p){
  RisRecord *r = &p->rec;
  if( r->nField ){
    RisField *f = &r->aField[r->nField-1];
    /* trailing line breaks (empty lines before the next tag) are not the value's */
    while( p->text.n>f->iVal && p->text.z[p->text.n-1]=='\n' ) p->text.n--;
    f->nVal = p->text.n - f->iVal;
  }
}

int ris_next(RisParser *p, const RisRecord **pp){
  RisRecord *r = &p->rec;
  int bOpen = 0, bOutside = 0, nBlank = 0, rc;
  *pp = 0;
  if( p->bDone ) return PE_OK;
  pe_buf_reset(&p->text);
  r->nField = 0;
  r->nDiag = 0;
  r->bRecord = 0;
  r->iType = r->nType = 0;
  while( p->i<p->n ){
    Line l = line_at(p, p->i);
    size_t iVal;
    int line = p->line;
    if( tag_line(p, l, &iVal) ){
      const char *zTag = p->z+l.a;
      int bTY = zTag[0]=='T' && zTag[1]=='Y', bER = zTag[0]=='E' && zTag[1]=='R';
      nBlank = 0;
      if( bTY && bOpen ){
        /* a new record before ER: end this one here, read TY again next time */
        end_field(p);
        if( diag_(p, 1, line, l.a, l.a, 0, "unclosed_record", "a new record (TY) starts before ER ended the one above") ) return PE_NOMEM;
        break;
      }
      p->i = l.next;
      p->line++;
      if( !bOpen ){
        if( !bTY ){
          if( !bOutside ){
            char m[120];
            snprintf(m, sizeof(m), "tag %.2s outside a record: a record starts with 'TY  - '", zTag);
            if( diag_(p, 0, line, l.a, l.a, 1, "syntax", m) ) return PE_NOMEM;
          }
          bOutside = 1;
          continue;
        }
        bOpen = 1;
        bOutside = 0;
        r->bRecord = 1;
        r->line = line;
        r->offset = l.a;
        r->iType = p->text.n;
        if( (rc = add_text(p, iVal, l.e, line, l.a))!=PE_OK ) return rc;
        r->nType = p->text.n - r->iType;
        if( r->nType==0 && diag_(p, 1, line, iVal, l.a, 1, "syntax", "TY has no type (JOUR, CONF, BOOK, ...)") ) return PE_NOMEM;
        continue;
      }
      end_field(p);
      if( bER ){
        r->zText = p->text.z ? p->text.z : "";
        *pp = r;
        return PE_OK;
      }
      if( (rc = add_field(p, zTag, line))!=PE_OK ) return rc;
      if( (rc = add_text(p, iVal, l.e, line, l.a))!=PE_OK ) return rc;
      continue;
    }
    p->i = l.next;
    p->line++;
    if( is_blank(p, l) ){
      if( bOpen && r->nField ) nBlank++;
      continue;
    }
    if( !bOpen ){
      if( !bOutside && diag_(p, 0, line, l.a, l.a, 0, "outside_record", "text outside a record (skipped)") ) return PE_NOMEM;
      bOutside = 1;
      continue;
    }
    if( r->nField==0 ){
      /* a line after TY that is no tag: TY's value goes on?  No: text to skip */
      if( diag_(p, 1, line, l.a, l.a, 0, "syntax", "a line that is not a tag line ('XX  - value') after TY (skipped)") ) return PE_NOMEM;
      continue;
    }
    /* a continuation line: the value above goes on, on a new line */
    pe_buf_appendc(&p->text, '\n');
    while( nBlank-- > 0 ) pe_buf_appendc(&p->text, '\n');
    nBlank = 0;
    {
      size_t a = l.a;
      while( a<l.e && (p->z[a]==' ' || p->z[a]=='\t') ) a++;
      if( (rc = add_text(p, a, l.e, line, l.a))!=PE_OK ) return rc;
    }
  }
  if( bOpen ){
    end_field(p);
    if( p->i>=p->n ){
      char m[120];
      snprintf(m, sizeof(m), "the text ends inside the record of line %d (no ER)", r->line);
      if( diag_(p, 1, p->line, p->n, p->n, 0, "unclosed_record", m) ) return PE_NOMEM;
    }
    r->zText = p->text.z ? p->text.z : "";
    *pp = r;
    return p->text.oom ? PE_NOMEM : PE_OK;
  }
  p->bDone = 1;
  if( r->nDiag ){
    r->bRecord = 0;
    r->zText = p->text.z ? p->text.z : "";
    *pp = r;
  }
  return PE_OK;
}
