/*
** pe_sqlite.h: what every SQLite binding (ext/<module>/<module>_sql.c) shares.
**
** A module of paperext is a folder ext/<module>/: pure C cores (no sqlite3.h,
** unit-testable and fuzzable alone) and one thin binding, <module>_sql.c, that
** converts values and reports errors.  A binding describes everything it
** registers in one PeUnit, written with designated initializers:
**
**   static const PeFunction aFunc[] = { PE_SCALAR("tag_norm", 1, PE_PURE, ...) };
**   static const PeTable aTable[] = { { .zName = "tag_each", ... } };
**   const PeUnit pe_unit_tags = { .zName = "tags", PE_FUNCTIONS(aFunc), PE_TABLES(aTable) };
**
** The counts are taken from the arrays (PE_FUNCTIONS, PE_TABLES, PE_OTHERS), so
** what is declared is what is registered and what paperext_functions lists.
** ext/sqlite/paperext.c holds the one list of units; sqlite3_paperext_init()
** registers them in that order.
**
** Table-valued functions declare their hidden arguments as data (PeTvfArg)
** and share one connect, one planner and one missing-argument error:
** see PeTable and the pe_tvf_* functions below (ext/sqlite/pe_tvf.c).
*/
#ifndef PE_SQLITE_H
#define PE_SQLITE_H
#include <stddef.h>
#include "sqlite3ext.h"
#include "common/strbuf.h"
SQLITE_EXTENSION_INIT3

#define PAPEREXT_VERSION "0.1.0"

/* Flags for pure functions, for functions that read the database (neither
** deterministic nor innocuous), and for anything that reads files. */
#define PE_PURE    (SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS)
#define PE_READS   (SQLITE_UTF8)
#define PE_DIRECT  (SQLITE_UTF8|SQLITE_DIRECTONLY)

typedef struct PeFunction {
  const char *zName;
  int nArg;                 /* -1 for any number */
  int flags;                /* PE_PURE, PE_READS or PE_DIRECT (SQLITE_UTF8 included) */
  void (*xFunc)(sqlite3_context*, int, sqlite3_value**);    /* scalar */
  void (*xStep)(sqlite3_context*, int, sqlite3_value**);    /* aggregate */
  void (*xFinal)(sqlite3_context*);                         /* aggregate */
  const char *zSignature;   /* e.g. "regexp_like(text, pattern[, flags]) -> 0|1" */
  const char *zSummary;     /* one sentence */
} PeFunction;

#define PE_SCALAR(name, narg, flags, xFunc, sig, summary) \
  { name, narg, flags, xFunc, 0, 0, sig, summary }
#define PE_AGGREGATE(name, narg, flags, xStep, xFinal, sig, summary) \
  { name, narg, flags, 0, xStep, xFinal, sig, summary }

/* A hidden argument of a table-valued function: tag_each(text) has one,
** regexp_matches(text, pattern[, flags]) three.  They are declared, in
** order, after the table's visible columns. */
typedef struct PeTvfArg {
  const char *zName;        /* the hidden column: 'text' */
  int bRequired;            /* missing -> "<table>: missing argument <name>" */
} PeTvfArg;

#define PE_TVF_MAX_ARG 8

/* What a table touches, as for functions: nothing but its arguments
** (SQLITE_VTAB_INNOCUOUS), the database, or files (SQLITE_VTAB_DIRECTONLY). */
enum { PE_TABLE_PURE = 0, PE_TABLE_READS, PE_TABLE_DIRECT };    /* idxNum bits 0..7 say which arguments were given */

typedef struct PeTable {
  const char *zName;
  const sqlite3_module *pModule;  /* eponymous-only: xCreate==0, xConnect pe_tvf_connect */
  const char *zColumns;           /* the visible columns: "tag TEXT, raw TEXT, position INTEGER" */
  const PeTvfArg *aArg; int nArg; /* the hidden arguments (PE_ARGS(aArg)) */
  int eAccess;                    /* PE_TABLE_PURE (0), PE_TABLE_READS or PE_TABLE_DIRECT */
  int iVariant;                   /* for a module serving several tables */
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

/* The number of elements of an array; a pointer is refused at compile time. */
#define PE_COUNT(a) ((int)(sizeof(a)/sizeof((a)[0]) \
  + 0*sizeof(char[1 - 2*__builtin_types_compatible_p(__typeof__(a), __typeof__(&(a)[0]))])))
#define PE_FUNCTIONS(a) .aFunc = (a), .nFunc = PE_COUNT(a)
#define PE_TABLES(a)    .aTable = (a), .nTable = PE_COUNT(a)
#define PE_OTHERS(a)    .aOther = (a), .nOther = PE_COUNT(a)
#define PE_ARGS(a)      .aArg = (a), .nArg = PE_COUNT(a)

/* The list of units, in registration order (ext/sqlite/paperext.c). */
const PeUnit *const *pe_units(int *pnUnit);

/* The unit's per-connection state for a function call. */
void *pe_state(sqlite3_context *ctx);

/* Text of a value (NULL when the value is NULL or on OOM: check
** sqlite3_value_type first), its byte length in *pn. */
const char *pe_value_text(sqlite3_value *v, size_t *pn);

/* Report a core's status code: PE_NOMEM -> SQLITE_NOMEM, PE_TOOBIG ->
** SQLITE_TOOBIG, else the message (a generic one when zMsg is NULL). */
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

/* ------------------------------------------------ table-valued functions */

/* The vtab of every table of paperext: made by pe_tvf_connect from the
** PeTable it was registered with. */
typedef struct PeTvf {
  sqlite3_vtab base;
  const PeTable *pTable;    /* the declaration: columns, arguments */
  sqlite3 *db;              /* the connection */
  void *pState;             /* the unit's per-connection state */
  int nVisible;             /* visible columns; argument k is column nVisible+k */
} PeTvf;

/* xConnect / xDisconnect for every table: declares "CREATE TABLE x(<zColumns>,
** <arg> HIDDEN, ...)" and marks the table innocuous or direct-only as its eAccess says. */
int pe_tvf_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                   sqlite3_vtab **ppVtab, char **pzErr);
int pe_tvf_disconnect(sqlite3_vtab *pVtab);

/* xBestIndex for every table: each argument given by an equality constraint
** reaches xFilter, in argument order, and sets bit k of idxNum (argument k).
** A plan without a required argument costs more than any other and sets
** PE_TVF_MISSING: if SQLite runs it after all, pe_tvf_args fails the
** statement with "<table>: missing argument <name>" (an error while
** planning would also fail queries whose OR terms SQLite only tries).  An
** argument given but not usable yet (it depends on a table later in the
** join) returns SQLITE_CONSTRAINT, so the planner tries another order.
** Bits from PE_TVF_MAX_ARG up to 29 are free for the table (a binding may
** call this, then add its own; it keeps the cost of a PE_TVF_MISSING plan). */
#define PE_TVF_MISSING 0x40000000
int pe_tvf_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo);

/* In xFilter: apArg[k] = argument k, or NULL when it was not given (a given
** SQL NULL is a value of type SQLITE_NULL).  apArg holds pTable->nArg.
** SQLITE_ERROR (the vtab's message set) when a required one is missing:
** xFilter returns it. */
int pe_tvf_args(sqlite3_vtab_cursor *cur, int idxNum, int argc, sqlite3_value **argv,
                sqlite3_value **apArg);

/* The table's declaration and state, from a cursor. */
#define pe_tvf_of(cur) ((PeTvf*)(cur)->pVtab)

#endif
