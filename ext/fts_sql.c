/* fts_sql.c: placeholder until issue 6 lands this module. */
#include "paperext.h"

const PeUnit pe_unit_fts = { "fts", 0, 0, 0, 0, 0, 0, 0, 0, 0 };
