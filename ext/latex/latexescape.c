/* latexescape.c: see latexescape.h. */
#include <string.h>
#include <utf8proc.h>
#include "latexescape.h"
#include "latex_escape_generated.h"
#include "common/utf8.h"

static const char *lookup(const PeLatexOut *a, int n, uint32_t cp){
  int lo = 0, hi = n-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( a[mid].cp==cp ) return a[mid].zTex;
    if( a[mid].cp<cp ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

#define N_OUT ((int)(sizeof(aLatexOut)/sizeof(aLatexOut[0])))
#define N_ACCENT ((int)(sizeof(aLatexAccent)/sizeof(aLatexAccent[0])))

/* A letter with one accent, {\'e} or {\v{s}} ({\'\i} for an i): 1, or 0 when
** the character is not a base letter and a mark LaTeX writes. */
static int accented(PeBuf *out, uint32_t c){
  utf8proc_int32_t a[4];
  utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)c, a, 4, UTF8PROC_DECOMPOSE, 0);
  const char *zAcc;
  uint32_t base;
  if( k!=2 || a[0]>=0x80 ) return 0;
  base = (uint32_t)a[0];
  if( !((base>='a' && base<='z') || (base>='A' && base<='Z')) ) return 0;
  zAcc = lookup(aLatexAccent, N_ACCENT, (uint32_t)a[1]);
  if( zAcc==0 ) return 0;
  pe_buf_append(out, "{\\", 2);
  pe_buf_appends(out, zAcc);
  if( zAcc[0]>='A' && zAcc[0]<='z' && ((zAcc[0]|0x20)>='a' && (zAcc[0]|0x20)<='z') ){
    /* a letter accent takes its argument in braces: {\v{s}} */
    pe_buf_appendc(out, '{');
    if( base=='i' || base=='j' ){ pe_buf_appendc(out, '\\'); }
    pe_buf_appendc(out, (char)base);
    pe_buf_appendc(out, '}');
  }else{
    if( base=='i' || base=='j' ) pe_buf_appendc(out, '\\');
    pe_buf_appendc(out, (char)base);
  }
  pe_buf_appendc(out, '}');
  return 1;
}

int pe_latex_escape(PeBuf *out, const char *z, size_t n, int bAscii){
  PeBuf nfc;
  size_t i = 0;
  int rc = PE_OK;
  pe_buf_init(&nfc);
  if( bAscii ){
    rc = pe_fold_append(&nfc, z, n, PE_FOLD_NFC);
    if( rc!=PE_OK ){ pe_buf_free(&nfc); return rc; }
    z = nfc.z ? nfc.z : "";
    n = nfc.n;
  }
  while( i<n ){
    unsigned char c = (unsigned char)z[i];
    if( c<0x80 ){
      size_t s = i;
      while( i<n && (unsigned char)z[i]<0x80 && !strchr("&%#_${}~^\\", z[i]) && (unsigned char)z[i]>=0x20 ) i++;
      pe_buf_append(out, z+s, i-s);
      if( i>=n || (unsigned char)z[i]>=0x80 ) continue;
      c = (unsigned char)z[i++];
      switch( c ){
        case '{': pe_buf_appends(out, "\\textbraceleft{}"); break;
        case '}': pe_buf_appends(out, "\\textbraceright{}"); break;
        case '~': pe_buf_appends(out, "\\textasciitilde{}"); break;
        case '^': pe_buf_appends(out, "\\textasciicircum{}"); break;
        case '\\': pe_buf_appends(out, "\\textbackslash{}"); break;
        case '\n': case '\t': pe_buf_appendc(out, (char)c); break;
        case '&': case '%': case '#': case '_': case '$':
          pe_buf_appendc(out, '\\');
          pe_buf_appendc(out, (char)c);
          break;
        default: pe_buf_appendc(out, ' '); break;     /* a control character */
      }
      continue;
    }
    {
      uint32_t cp;
      int k = pe_utf8_decode((const unsigned char*)z+i, n-i, &cp);
      const char *zTex = bAscii ? lookup(aLatexOut, N_OUT, cp) : 0;
      if( zTex ) pe_buf_appends(out, zTex);
      else if( !(bAscii && accented(out, cp)) ) pe_buf_append(out, z+i, (size_t)k);
      i += (size_t)k;
    }
  }
  pe_buf_free(&nfc);
  return out->oom ? PE_NOMEM : PE_OK;
}
