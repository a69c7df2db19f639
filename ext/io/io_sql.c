/*
** io_sql.c: files and encodings, from SQL.
**
**   SELECT paperext_readfile('list.txt');        -- the file's bytes (a BLOB)
**   -- error: paperext_readfile: cannot read 'lost.txt': No such file or directory
**   SELECT text_utf8(paperext_readfile('list.txt'), 'list.txt');
**   -- the text, when it is UTF-8 (a BOM dropped; UTF-16 with a BOM decoded);
**   -- else an error naming the first bad byte and the likely encoding:
**   -- list.txt: not UTF-8 (byte 0xA7 at 1:1); it looks like big5:
**   --   name the encoding, e.g. text_decode(bytes, 'big5')
**   SELECT text_encoding(paperext_readfile('old.txt'));   -- 'big5'
**   SELECT text_decode(paperext_readfile('old.txt'), 'big5');
**
** paperext_readfile reads a file: it is direct-only (never from a view or a
** trigger).  The others depend on their arguments only.  NULL gives NULL.
*/
#include <stdio.h>
#include <string.h>
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "io.h"

/* The bytes of a value, BLOB or text. */
static const char *value_bytes(sqlite3_value *v, size_t *pn){
  const char *z = sqlite3_value_type(v)==SQLITE_BLOB ? (const char*)sqlite3_value_blob(v)
                                                     : (const char*)sqlite3_value_text(v);
  *pn = (size_t)sqlite3_value_bytes(v);
  return z ? z : (*pn==0 ? "" : 0);
}

static void readfile_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *zPath;
  char zErr[256];
  PeBuf b;
  int rc;
  char *z;
  size_t n;
  if( pe_any_null(argc, argv) ) return;
  zPath = (const char*)sqlite3_value_text(argv[0]);
  if( zPath==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&b);
  zErr[0] = 0;
  rc = pe_io_read_file(zPath, &b, zErr, sizeof zErr);
  if( rc==PE_OK && (z = pe_buf_finish(&b, &n))!=0 ){
    sqlite3_result_blob64(ctx, z, n, pe_free);
    return;
  }
  pe_buf_free(&b);
  if( rc==PE_OK || rc==PE_NOMEM ){ sqlite3_result_error_nomem(ctx); return; }
  {
    char *zMsg = rc==PE_TOOBIG
      ? sqlite3_mprintf("paperext_readfile: '%s' is larger than %lld bytes (PE_IO_MAX_FILE)",
                        zPath, (long long)PE_IO_MAX_FILE)
      : sqlite3_mprintf("paperext_readfile: cannot read '%s': %s", zPath, zErr);
    pe_result_status(ctx, zMsg ? PE_ERROR : PE_NOMEM, zMsg);
    sqlite3_free(zMsg);
  }
}

static void decode_into_result(sqlite3_context *ctx, const char *z, size_t n,
                               const char *zEnc, const char *zWhat){
  char zErr[128];
  size_t bad;
  PeBuf b;
  int rc;
  pe_buf_init(&b);
  rc = pe_io_decode(&b, z, n, zEnc, &bad, zErr, sizeof zErr);
  if( rc==PE_ERROR ){
    int line, col;
    char *zMsg;
    pe_io_position(z, bad, &line, &col);
    zMsg = bad<n ? sqlite3_mprintf("%s: %s (byte 0x%02X at line %d, byte offset %llu)", zWhat, zErr,
                                   (unsigned char)z[bad], line, (unsigned long long)bad)
                 : sqlite3_mprintf("%s: %s", zWhat, zErr);
    pe_buf_free(&b);
    pe_result_status(ctx, zMsg ? PE_ERROR : PE_NOMEM, zMsg);
    sqlite3_free(zMsg);
    return;
  }
  pe_result_buf(ctx, rc, &b);
}

static void decode_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z, *zEnc;
  size_t n;
  if( pe_any_null(argc, argv) ) return;
  z = value_bytes(argv[0], &n);
  zEnc = (const char*)sqlite3_value_text(argv[1]);
  if( z==0 || zEnc==0 ){ sqlite3_result_error_nomem(ctx); return; }
  decode_into_result(ctx, z, n, zEnc, "text_decode");
}

static void encoding_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z, *zGuess;
  size_t n;
  if( pe_any_null(argc, argv) ) return;
  z = value_bytes(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  zGuess = pe_io_guess(z, n);
  if( zGuess ) sqlite3_result_text(ctx, zGuess, -1, SQLITE_STATIC);
}

static void utf8_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z, *zWhat = "text", *zGuess;
  size_t n, bad;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( argc>1 && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    zWhat = (const char*)sqlite3_value_text(argv[1]);
    if( zWhat==0 ){ sqlite3_result_error_nomem(ctx); return; }
  }
  z = value_bytes(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( n>=2 && (((unsigned char)z[0]==0xFF && (unsigned char)z[1]==0xFE)
            || ((unsigned char)z[0]==0xFE && (unsigned char)z[1]==0xFF)) ){
    decode_into_result(ctx, z, n, "utf-16", zWhat);   /* the BOM says which */
    return;
  }
  if( n>=3 && memcmp(z, "\xEF\xBB\xBF", 3)==0 ){ z += 3; n -= 3; }
  bad = pe_io_utf8_invalid(z, n);
  if( bad==n ){
    sqlite3_result_text64(ctx, z, n, SQLITE_TRANSIENT, SQLITE_UTF8);
    return;
  }
  {
    int line, col;
    char *zMsg;
    pe_io_position(z, bad, &line, &col);
    zGuess = pe_io_guess(z, n);
    zMsg = zGuess
      ? sqlite3_mprintf("%s: not UTF-8 (byte 0x%02X at %d:%d); it looks like %s: name the "
                        "encoding, e.g. text_decode(bytes, '%s')", zWhat,
                        (unsigned char)z[bad], line, col, zGuess, zGuess)
      : sqlite3_mprintf("%s: not UTF-8 (byte 0x%02X at %d:%d), and not an encoding paperext "
                        "can guess: name it, e.g. text_decode(bytes, 'euc-kr')", zWhat,
                        (unsigned char)z[bad], line, col);
    pe_result_status(ctx, zMsg ? PE_ERROR : PE_NOMEM, zMsg);
    sqlite3_free(zMsg);
  }
}

static const PeFunction aFunc[] = {
  PE_SCALAR("paperext_readfile", 1, PE_DIRECT, readfile_func,
    "paperext_readfile(path) -> blob",
    "The bytes of a file; an error naming the path when it cannot be read (readfile() gives NULL)."),
  PE_SCALAR("text_utf8", 1, PE_PURE, utf8_func,
    "text_utf8(bytes) -> text",
    "The bytes as UTF-8 text (BOM dropped, UTF-16 with BOM decoded); an error naming the first "
    "byte that is not UTF-8 and the likely encoding."),
  PE_SCALAR("text_utf8", 2, PE_PURE, utf8_func,
    "text_utf8(bytes, name) -> text",
    "text_utf8(bytes), naming the text (a file name) in its error."),
  PE_SCALAR("text_encoding", 1, PE_PURE, encoding_func,
    "text_encoding(bytes) -> text",
    "The encoding the bytes most likely are: utf-8, utf-16le/be, big5, gb18030, shift_jis, "
    "windows-1252, latin1; NULL when none fits."),
  PE_SCALAR("text_decode", 2, PE_PURE, decode_func,
    "text_decode(bytes, encoding) -> text",
    "The bytes decoded from the named encoding (Big5, GBK/GB18030, Shift_JIS, Latin-1, any iconv "
    "name) to UTF-8; an error at the first byte that is not of it."),
};

const PeUnit pe_unit_io = {
  .zName = "io", PE_FUNCTIONS(aFunc),
};
