/* readinglist_sql.c: placeholder until issue 5 lands this module. */
#include "paperext.h"

const PeUnit pe_unit_readinglist = { "readinglist", 0, 0, 0, 0, 0, 0, 0, 0, 0 };
