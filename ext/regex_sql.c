/* regex_sql.c: placeholder until issue 2 lands this module. */
#include "paperext.h"

const PeUnit pe_unit_regex = { "regex", 0, 0, 0, 0, 0, 0, 0, 0, 0 };
