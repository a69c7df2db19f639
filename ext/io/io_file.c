/* io_file.c: a whole file into a buffer (paperext_readfile()). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "io.h"

int pe_io_read_file(const char *zPath, PeBuf *out, char *zErr, size_t nErr){
  struct stat st;
  FILE *f;
  size_t got;
  int rc = PE_OK;
  if( stat(zPath, &st)!=0 ){
    snprintf(zErr, nErr, "%s", strerror(errno));
    return PE_ERROR;
  }
  if( S_ISDIR(st.st_mode) ){ snprintf(zErr, nErr, "is a directory"); return PE_ERROR; }
  if( (size_t)st.st_size > PE_IO_MAX_FILE ) return PE_TOOBIG;
  f = fopen(zPath, "rb");
  if( f==0 ){ snprintf(zErr, nErr, "%s", strerror(errno)); return PE_ERROR; }
  /* the size is a hint (a pipe or /proc file says 0): read to the end */
  if( pe_buf_reserve(out, (size_t)st.st_size + 1) ){ fclose(f); return PE_NOMEM; }
  for(;;){
    if( out->cap - out->n < 65536 && pe_buf_reserve(out, 65536) ){ rc = PE_NOMEM; break; }
    got = fread(out->z + out->n, 1, out->cap - out->n - 1, f);
    out->n += got;
    if( out->n > PE_IO_MAX_FILE ){ rc = PE_TOOBIG; break; }
    if( got==0 ){
      if( ferror(f) ){ snprintf(zErr, nErr, "read error: %s", strerror(errno)); rc = PE_ERROR; }
      break;
    }
  }
  fclose(f);
  if( out->z ) out->z[out->n] = 0;
  return rc;
}
