/*
** latex_sql.c: LaTeX text decoded to Unicode, from SQL.
**
**   SELECT latex_to_unicode('M{\"u}ller --- {\ss}');      -- 'Müller — ß'
**   SELECT latex_to_unicode('Schr\"{o}dinger $\alpha$');  -- 'Schrödinger $\alpha$'
**
** Accents, special letters, dashes, ties and escapes become Unicode (NFC);
** case-protecting braces go; math between $...$ is kept as written.  NULL
** gives NULL.  The table of commands is ext/latex/data/latex_symbols.tsv
** (generated into latex_table_generated.h by gen/gen_latex.py).
*/
#include "sqlite/pe_sqlite.h"
#include "common/strbuf.h"
#include "latex.h"

static void latex_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n;
  PeBuf b;
  if( pe_any_null(argc, argv) ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&b);
  pe_result_buf(ctx, pe_latex_to_unicode(&b, z, n), &b);
}

static const PeFunction aFunc[] = {
  PE_SCALAR("latex_to_unicode", 1, PE_PURE, latex_func,
    "latex_to_unicode(text) -> text",
    "LaTeX accents, special letters, dashes and escapes decoded to Unicode NFC; "
    "case-protecting braces removed, math kept as written."),
};

const PeUnit pe_unit_latex = {
  .zName = "latex", PE_FUNCTIONS(aFunc),
};
