/* zotnote.c: see zotnote.h. */
#include <string.h>
#include "zotnote.h"

/* Elements that make a line of their own. */
static const char *const azBlock[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
  "tr", "table", "hr", "section", "article", "header", "footer", "dt", "dd", "dl",
  "figure", "figcaption", "address", "aside", "nav", "main", "thead", "tbody", "tfoot",
};
/* Elements whose content is not text. */
static const char *const azSkip[] = { "script", "style", "head", "title" };

static const struct { const char *zName; unsigned cp; } aEntity[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", ' ' }, { "ensp", ' ' }, { "emsp", ' ' }, { "thinsp", ' ' },
  { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "hellip", 0x2026 }, { "lsquo", 0x2018 },
  { "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "laquo", 0xAB },
  { "raquo", 0xBB }, { "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 }, { "times", 0xD7 },
  { "middot", 0xB7 }, { "bull", 0x2022 }, { "deg", 0xB0 }, { "euro", 0x20AC }, { "pound", 0xA3 },
  { "yen", 0xA5 }, { "sect", 0xA7 }, { "para", 0xB6 }, { "plusmn", 0xB1 }, { "micro", 0xB5 },
  { "larr", 0x2190 }, { "rarr", 0x2192 }, { "uarr", 0x2191 }, { "darr", 0x2193 },
  { "alpha", 0x3B1 }, { "beta", 0x3B2 }, { "gamma", 0x3B3 }, { "delta", 0x3B4 },
  { "lambda", 0x3BB }, { "mu", 0x3BC }, { "pi", 0x3C0 }, { "sigma", 0x3C3 }, { "tau", 0x3C4 },
};

typedef struct Html {
  PeBuf *out;
  size_t lineStart;     /* where the current line starts in out */
  int bSpace;           /* a space is pending before the next text */
  int nPre;             /* depth of <pre> */
  int aOl[16];          /* list stack: -1 for <ul>, else the next number of an <ol> */
  int nList;
  int nCell;            /* cells so far in the current row */
} Html;

static int lower_eq(const char *z, size_t n, const char *zName){
  size_t k;
  for(k=0; k<n; k++){
    char c = z[k];
    if( c>='A' && c<='Z' ) c = (char)(c+32);
    if( zName[k]!=c ) return 0;
  }
  return zName[n]==0;
}

static int in_list(const char *z, size_t n, const char *const *az, size_t nAz){
  size_t k;
  for(k=0; k<nAz; k++) if( lower_eq(z, n, az[k]) ) return 1;
  return 0;
}

/* Do the names a[0..n) and b[0..n) match, case aside? */
static int same_name(const char *a, const char *b, size_t n){
  size_t k;
  for(k=0; k<n; k++){
    char x = a[k], y = b[k];
    if( x>='A' && x<='Z' ) x = (char)(x+32);
    if( y>='A' && y<='Z' ) y = (char)(y+32);
    if( x!=y ) return 0;
  }
  return 1;
}

/* End the current line (if it holds anything): trim it, then '\n'. */
static void end_line(Html *h){
  PeBuf *o = h->out;
  while( o->n>h->lineStart && (o->z[o->n-1]==' ' || o->z[o->n-1]=='\t') ) o->n--;
  if( o->z ) o->z[o->n] = 0;
  if( o->n>h->lineStart ){
    pe_buf_appendc(o, '\n');
    h->lineStart = o->n;
  }
  h->bSpace = 0;
}

/* <br>: a line break even in an empty line (two <br> leave no blank line,
** as empty lines are not kept). */
static void hard_break(Html *h){
  end_line(h);
}

static void put_text(Html *h, const char *z, size_t n){
  if( n==0 ) return;
  if( h->bSpace && h->out->n>h->lineStart ) pe_buf_appendc(h->out, ' ');
  h->bSpace = 0;
  pe_buf_append(h->out, z, n);
}

static void put_cp(Html *h, unsigned cp){
  char a[4];
  int k = 0;
  if( cp<0x80 ) a[k++] = (char)cp;
  else if( cp<0x800 ){ a[k++] = (char)(0xC0|(cp>>6)); a[k++] = (char)(0x80|(cp&0x3F)); }
  else if( cp<0x10000 ){
    a[k++] = (char)(0xE0|(cp>>12)); a[k++] = (char)(0x80|((cp>>6)&0x3F)); a[k++] = (char)(0x80|(cp&0x3F));
  }else{
    a[k++] = (char)(0xF0|(cp>>18)); a[k++] = (char)(0x80|((cp>>12)&0x3F));
    a[k++] = (char)(0x80|((cp>>6)&0x3F)); a[k++] = (char)(0x80|(cp&0x3F));
  }
  put_text(h, a, (size_t)k);
}

/* An entity at z[0..n) (z[0]=='&'): bytes used, 0 when it is not one. */
static size_t entity(Html *h, const char *z, size_t n){
  size_t e = 1, k;
  unsigned long cp = 0;
  while( e<n && e<12 && z[e]!=';' ) e++;
  if( e>=n || z[e]!=';' || e==1 ) return 0;
  if( z[1]=='#' ){
    int hex = e>2 && (z[2]=='x' || z[2]=='X');
    for(k=hex ? 3 : 2; k<e; k++){
      char c = z[k];
      int d = (c>='0' && c<='9') ? c-'0' : hex && (c|0x20)>='a' && (c|0x20)<='f' ? (c|0x20)-'a'+10 : -1;
      if( d<0 ) return 0;
      cp = cp*(hex ? 16 : 10) + (unsigned long)d;
    }
    if( k==(hex ? 3u : 2u) || cp==0 || cp>0x10FFFF || (cp>=0xD800 && cp<=0xDFFF) ) return 0;
    if( cp==0xA0 ) cp = ' ';
    if( cp==' ' ){ h->bSpace = 1; return e+1; }
    put_cp(h, (unsigned)cp);
    return e+1;
  }
  for(k=0; k<sizeof(aEntity)/sizeof(aEntity[0]); k++){
    if( strlen(aEntity[k].zName)==e-1 && memcmp(aEntity[k].zName, z+1, e-1)==0 ){
      if( aEntity[k].cp==' ' ){
        /* a no-break space is a space that white-space collapsing keeps */
        if( h->bSpace && h->out->n>h->lineStart ) pe_buf_appendc(h->out, ' ');
        h->bSpace = 1;
        return e+1;
      }
      put_cp(h, aEntity[k].cp);
      return e+1;
    }
  }
  return 0;
}

/* A tag at z[0..n) (z[0]=='<'): act on it, return the bytes it takes. */
static size_t tag(Html *h, const char *z, size_t n, size_t *pSkipTo){
  size_t i = 1, s, e;
  int bClose = 0;
  *pSkipTo = 0;
  if( n>=4 && memcmp(z, "<!--", 4)==0 ){
    const char *p = 0;
    for(i=4; i+2<n; i++) if( z[i]=='-' && z[i+1]=='-' && z[i+2]=='>' ){ p = z+i; break; }
    return p ? (size_t)(p-z)+3 : n;
  }
  if( i<n && z[i]=='/' ){ bClose = 1; i++; }
  s = i;
  while( i<n && ( ((z[i]|0x20)>='a' && (z[i]|0x20)<='z') || (z[i]>='0' && z[i]<='9') ) ) i++;
  e = i;
  if( e==s ){ put_text(h, "<", 1); return 1; }     /* a lone '<' is text */
  /* to the end of the tag, quotes respected */
  while( i<n && z[i]!='>' ){
    if( z[i]=='"' || z[i]=='\'' ){
      char q = z[i++];
      while( i<n && z[i]!=q ) i++;
    }
    if( i<n ) i++;
  }
  if( i<n ) i++;
  if( lower_eq(z+s, e-s, "br") ){ hard_break(h); return i; }
  if( !bClose && in_list(z+s, e-s, azSkip, sizeof(azSkip)/sizeof(azSkip[0])) ){
    /* on to its close tag, which is read next (*pSkipTo: from z) */
    size_t k;
    for(k=i; k+2+(e-s)<=n; k++){
      if( z[k]=='<' && z[k+1]=='/' && same_name(z+k+2, z+s, e-s) ){ *pSkipTo = k; return 0; }
    }
    *pSkipTo = n;
    return 0;
  }
  if( in_list(z+s, e-s, azBlock, sizeof(azBlock)/sizeof(azBlock[0])) ){
    end_line(h);
    if( lower_eq(z+s, e-s, "pre") ) h->nPre += bClose ? (h->nPre>0 ? -1 : 0) : 1;
    if( lower_eq(z+s, e-s, "ul") || lower_eq(z+s, e-s, "ol") ){
      if( bClose ){ if( h->nList>0 ) h->nList--; }
      else{
        if( h->nList<16 ) h->aOl[h->nList] = lower_eq(z+s, e-s, "ol") ? 1 : -1;
        h->nList++;
      }
    }
    if( lower_eq(z+s, e-s, "tr") ) h->nCell = 0;
    if( !bClose && lower_eq(z+s, e-s, "li") ){
      int k = h->nList>0 && h->nList<=16 ? h->aOl[h->nList-1] : -1;
      if( k>0 ){
        pe_buf_appendf(h->out, "%d. ", k);
        h->aOl[h->nList-1]++;
      }else{
        pe_buf_append(h->out, "- ", 2);
      }
    }
    return i;
  }
  if( !bClose && (lower_eq(z+s, e-s, "td") || lower_eq(z+s, e-s, "th")) ){
    if( h->nCell++ ){ pe_buf_appendc(h->out, '\t'); h->bSpace = 0; }
    return i;
  }
  return i;
}

int zot_note_text(PeBuf *out, const char *z, size_t n){
  Html h;
  size_t i = 0, start = out->n;
  memset(&h, 0, sizeof(h));
  h.out = out;
  h.lineStart = out->n;
  while( i<n ){
    char c = z[i];
    if( c=='<' ){
      size_t skipTo;
      i += tag(&h, z+i, n-i, &skipTo);
      if( skipTo ) i += skipTo;     /* past <script>...: at its close tag */
      continue;
    }
    if( c=='&' ){
      size_t k = entity(&h, z+i, n-i);
      if( k ){ i += k; continue; }
      put_text(&h, "&", 1);
      i++;
      continue;
    }
    if( c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f' ){
      if( h.nPre ){
        if( c=='\n' ) end_line(&h);
        else if( c!='\r' ) put_text(&h, &c, 1);
      }else{
        h.bSpace = 1;
      }
      i++;
      continue;
    }
    {
      size_t s = i;
      while( i<n && z[i]!='<' && z[i]!='&' && z[i]!=' ' && z[i]!='\t' && z[i]!='\n'
          && z[i]!='\r' && z[i]!='\f' ) i++;
      put_text(&h, z+s, i-s);
    }
  }
  end_line(&h);
  /* no trailing newline */
  if( out->n>start && out->z[out->n-1]=='\n' ){ out->n--; out->z[out->n] = 0; }
  return out->oom ? PE_NOMEM : PE_OK;
}
