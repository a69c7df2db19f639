/*
** pe_register.h: between the registration (paperext.c) and the helpers that
** reach the state it hands out (pe_value.c, pe_tvf.c).  Bindings do not
** include it.
*/
#ifndef PE_REGISTER_H
#define PE_REGISTER_H
#include "pe_sqlite.h"

/* A unit's per-connection state, reference counted: SQLite calls the
** destructor once per function and module that carries it. */
typedef struct PeShared PeShared;
PeShared *pe_shared_new(void *pState, void (*xFree)(void*));
void pe_shared_ref(PeShared *p);
void pe_shared_unref(void *p);          /* a destructor for SQLite */
void *pe_shared_state(const PeShared *p);

/* What a table is registered with (its pAux). */
typedef struct PeTableAux {
  PeShared *pShared;
  const PeTable *pTable;
} PeTableAux;

#endif
