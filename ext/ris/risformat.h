/*
** risformat.h: one record as RIS text, the pure core of ris_format().
**
**   TY  - JOUR
**   AU  - Shannon, Claude E.
**   ...
**   ER  - 
**
** Fields come from a JSON object (as ris_entries().fields gives it): each
** member a tag, its value a string or a number, or an array of them (one line
** each, in order); null is skipped.  A value with line breaks is written as
** continuation lines, which ris_entries() joins back with line breaks.  Lines
** end with CR LF, as the RIS specification asks.  Refused, because the text
** would not read back: a type or tag that is not RIS ('XX': a capital, then a
** capital or a digit; TY and ER are written by the formatter), and a value
** holding a line that would read as a tag line.
*/
#ifndef PE_RISFORMAT_H
#define PE_RISFORMAT_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the record to out.  PE_OK, PE_NOMEM, or PE_ERROR with the reason in pErr. */
int ris_format(PeBuf *out, PeBuf *pErr, const char *zType, size_t nType,
               const char *zJson, size_t nJson);

#endif
