/* bibtex_sql.c: placeholder until issue 3 lands this module. */
#include "paperext.h"

const PeUnit pe_unit_bibtex = { "bibtex", 0, 0, 0, 0, 0, 0, 0, 0, 0 };
