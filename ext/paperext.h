/*
** paperext.h: what every SQLite binding (ext/<module>_sql.c) shares.
**
** A module of paperext is a pure C core (ext/<module>.c, no sqlite3.h) and a
** thin binding (ext/<module>_sql.c) that converts values and reports errors.
** A binding describes what it registers in one PeUnit: a table of scalar and
** aggregate functions, a table of virtual tables, and optionally a hook for
** anything else (an FTS5 tokenizer).  ext/paperext.c holds the one list of
** units; sqlite3_paperext_init() registers them all and the eponymous table
** paperext_functions lists them, so the reference can be read from SQL.
*/
#ifndef PAPEREXT_H
#define PAPEREXT_H
#include <stddef.h>
#include "sqlite3ext.h"
#include "strbuf.h"
SQLITE_EXTENSION_INIT3

#define PAPEREXT_VERSION "0.1.0"

/* Flags for pure functions and for anything with side effects or file access. */
#define PE_PURE   (SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS)
#define PE_DIRECT (SQLITE_UTF8|SQLITE_DIRECTONLY)

typedef struct PeFunction {
  const char *zName;
  int nArg;                 /* -1 for any number */
  int flags;                /* PE_PURE or PE_DIRECT (SQLITE_UTF8 included) */
  void (*xFunc)(sqlite3_context*, int, sqlite3_value**);    /* scalar */
  void (*xStep)(sqlite3_context*, int, sqlite3_value**);    /* aggregate */
  void (*xFinal)(sqlite3_context*);                         /* aggregate */
  const char *zSignature;   /* e.g. "regexp_like(text, pattern[, flags]) -> 0|1" */
  const char *zSummary;     /* one sentence */
} PeFunction;

typedef struct PeTable {
  const char *zName;
  const sqlite3_module *pModule;  /* eponymous: xCreate==0 or ==xConnect */
  const char *zSignature;
  const char *zSummary;
} PeTable;

/* Something registered by PeUnit.xRegister, listed in paperext_functions. */
typedef struct PeOther {
  const char *zKind;        /* e.g. "tokenizer" */
  const char *zName;
  const char *zSignature;
  const char *zSummary;
} PeOther;

typedef struct PeUnit {
  const char *zName;
  const PeFunction *aFunc; int nFunc;
  const PeTable *aTable; int nTable;
  const PeOther *aOther; int nOther;
  /* Per-connection state shared by the unit's functions and tables (e.g. a
  ** compiled-pattern cache).  xNewState may be NULL; when it returns NULL
  ** registration fails with SQLITE_NOMEM.  Reach it with pe_state(). */
  void *(*xNewState)(sqlite3 *db);
  void (*xFreeState)(void *pState);
  /* Extra registration (may be NULL): pState as made by xNewState. */
  int (*xRegister)(sqlite3 *db, void *pState, char **pzErrMsg);
} PeUnit;

/* The list of units, in registration order (ext/paperext.c). */
const PeUnit *const *pe_units(int *pnUnit);

/* The unit's per-connection state for a function call / a vtab pAux. */
void *pe_state(sqlite3_context *ctx);
void *pe_state_from_aux(void *pAux);

/* Text of a value (NULL when the value is NULL or on OOM: check
** sqlite3_value_type first), its byte length in *pn. */
const char *pe_value_text(sqlite3_value *v, size_t *pn);

/* Report a core's status code: PE_NOMEM -> SQLITE_NOMEM, PE_TOOBIG ->
** SQLITE_TOOBIG, else the message (or zFallback when zMsg is NULL). */
void pe_result_status(sqlite3_context *ctx, int rc, const char *zMsg);

/* Return a pe_malloc'ed text (taken over and freed); NULL means OOM. */
void pe_result_text_owned(sqlite3_context *ctx, char *z, size_t n);

/* The usual end of a core call that filled a PeBuf: rc PE_OK hands the
** buffer's text to SQLite as the result; any other rc frees the buffer and
** reports rc (pe_result_status). */
void pe_result_buf(sqlite3_context *ctx, int rc, PeBuf *b);

/* Set a vtab's error message (printf-style, replaces any previous one).
** Returns SQLITE_ERROR, or SQLITE_NOMEM when the message could not be
** allocated, so a vtab method can end with `return pe_vtab_error(...)`. */
int pe_vtab_error(sqlite3_vtab *pVtab, const char *zFormat, ...);

/* Any argument NULL? (functions return NULL then, by convention) */
int pe_any_null(int argc, sqlite3_value **argv);

#endif
