/*
** io.h: text as it comes from files, the pure core behind paperext_readfile(),
** text_utf8(), text_encoding() and text_decode().
**
** A reading list or a .bib comes as bytes.  UTF-8 (a BOM dropped) is used as
** it is; UTF-16 with a BOM (Windows Notepad) is decoded; anything else is
** refused before anything is imported, with the place of the first byte
** that is not UTF-8 and the encoding the bytes most likely are (guessed from
** their structure, see io_guess.c), so the user can name it:
** text_decode(bytes, 'big5') decodes with iconv (glibc).
*/
#ifndef PE_IO_H
#define PE_IO_H
#include <stddef.h>
#include "common/strbuf.h"

/* Files larger than this are refused by name (a reading list or a .bib is
** far smaller; SQLite's own limit on a value is 1 GB). */
#define PE_IO_MAX_FILE ((size_t)1 << 30)

/* Read the whole file at zPath into out.  PE_OK, PE_NOMEM, PE_TOOBIG, or
** PE_ERROR with zErr (nErr bytes) saying why ("No such file or directory"). */
int pe_io_read_file(const char *zPath, PeBuf *out, char *zErr, size_t nErr);

/* Offset of the first byte of z[0..n) that is not part of valid UTF-8, or n. */
size_t pe_io_utf8_invalid(const char *z, size_t n);

/* Line and column (1-based; the column counts characters, an invalid byte
** as one) of byte offset off. */
void pe_io_position(const char *z, size_t off, int *pLine, int *pCol);

/* The encoding the bytes most likely are: "utf-8", "utf-16le", "utf-16be",
** "big5", "gb18030", "shift_jis", "windows-1252" or "latin1"; NULL when
** nothing fits.  Deterministic: structure and character frequency classes
** only, no locale. */
const char *pe_io_guess(const char *z, size_t n);

/* Decode z[0..n) from the named encoding into UTF-8 (out).  Names are
** matched without case, '-' and '_' ("Big5", "GBK", "gb18030", "Shift_JIS",
** "cp932", "latin1", "windows-1252", "utf-16", "euc-jp", "euc-kr" ...; any
** name iconv knows).  PE_OK; PE_NOMEM; PE_ERROR with zErr when the name is
** unknown (*pBad = n) or a byte is not of that encoding (its offset in *pBad). */
int pe_io_decode(PeBuf *out, const char *z, size_t n, const char *zEnc,
                 size_t *pBad, char *zErr, size_t nErr);

#endif
