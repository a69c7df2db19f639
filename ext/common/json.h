/*
** json.h: reading JSON text in the cores (bibtex_format's fields, the
** records paper_match() compares).  No tree is built: a reader walks the
** text once, and every value is read or skipped in time linear in its size.
*/
#ifndef PE_JSON_H
#define PE_JSON_H
#include <stddef.h>
#include "strbuf.h"

typedef struct PeJson { const char *z; size_t n, i; } PeJson;

/* Skip white space at j->i. */
void pe_json_space(PeJson *j);
/* The string at j->i (its opening quote) decoded into out; 0 if malformed. */
int pe_json_string(PeJson *j, PeBuf *out);
/* A scalar that is not a string: its text into out (numbers, true, false);
** 2 for null, 0 if it is not a scalar. */
int pe_json_scalar(PeJson *j, PeBuf *out);
/* Skip one value of any kind; 0 if malformed. */
int pe_json_skip(PeJson *j);

/* Member zKey of the object z[0..n): 1 a string or scalar (its text appended
** to out), 2 null, 3 an array or object (nothing appended), 0 absent, -1 not
** a well-formed object (as far as it was read), -2 out of memory. */
int pe_json_get(const char *z, size_t n, const char *zKey, PeBuf *out);

#endif
