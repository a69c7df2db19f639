/*
** strbuf.h: a growable byte buffer for the pure cores.
**
** Out-of-memory is sticky: after the first failed allocation every append
** is a no-op returning PE_NOMEM, so callers may append freely and check
** once, at pe_buf_finish() or via buf->oom.
*/
#ifndef PE_STRBUF_H
#define PE_STRBUF_H
#include <stddef.h>
#include <stdint.h>

#define PE_OK     0
#define PE_NOMEM  1   /* an allocation failed */
#define PE_ERROR  2   /* bad input; a message says what and where */
#define PE_TOOBIG 3   /* a size limit was hit */

typedef struct PeBuf {
  char *z;        /* content, NUL-terminated when z != 0 */
  size_t n;       /* bytes used, without the NUL */
  size_t cap;     /* bytes allocated */
  int oom;        /* set once an allocation failed */
} PeBuf;

void pe_buf_init(PeBuf *b);
void pe_buf_free(PeBuf *b);
void pe_buf_reset(PeBuf *b);                 /* empty it, keep the memory */
int pe_buf_reserve(PeBuf *b, size_t extra);  /* room for extra more bytes */
int pe_buf_append(PeBuf *b, const char *z, size_t n);
int pe_buf_appends(PeBuf *b, const char *z); /* NUL-terminated */
int pe_buf_appendc(PeBuf *b, char c);
int pe_buf_appendf(PeBuf *b, const char *zFormat, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
int pe_buf_append_utf8(PeBuf *b, uint32_t c);  /* one code point */
/* z[0..n) as a JSON string literal, quotes included. */
int pe_buf_append_json(PeBuf *b, const char *z, size_t n);
/* Hand over the content (NUL-terminated, free with pe_free); NULL on OOM.
** An empty buffer gives an allocated "" so NULL always means OOM. */
char *pe_buf_finish(PeBuf *b, size_t *pn);

#endif
