/* venue_sql.c: placeholder until issue 4 lands this module. */
#include "paperext.h"

const PeUnit pe_unit_venue = { "venue", 0, 0, 0, 0, 0, 0, 0, 0, 0 };
