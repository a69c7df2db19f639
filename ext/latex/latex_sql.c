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
#include "latexescape.h"

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

/* latex_escape(text[, mode]): mode 'utf8' (the default) or 'ascii'. */
static void escape_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t n;
  PeBuf b;
  int bAscii = 0;
  if( argc<1 || argc>2 ){
    sqlite3_result_error(ctx, "latex_escape: wants (text) or (text, mode)", -1);
    return;
  }
  if( argc==2 && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    const char *zMode = (const char*)sqlite3_value_text(argv[1]);
    if( zMode==0 ){ sqlite3_result_error_nomem(ctx); return; }
    if( sqlite3_stricmp(zMode, "ascii")==0 ) bAscii = 1;
    else if( sqlite3_stricmp(zMode, "utf8")!=0 && sqlite3_stricmp(zMode, "utf-8")!=0 ){
      char *zErr = sqlite3_mprintf("latex_escape: unknown mode '%s' (use 'utf8' or 'ascii')", zMode);
      if( zErr==0 ){ sqlite3_result_error_nomem(ctx); return; }
      sqlite3_result_error(ctx, zErr, -1);
      sqlite3_free(zErr);
      return;
    }
  }
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&b);
  pe_result_buf(ctx, pe_latex_escape(&b, z, n, bAscii), &b);
}

static const PeFunction aFunc[] = {
  PE_SCALAR("latex_to_unicode", 1, PE_PURE, latex_func,
    "latex_to_unicode(text) -> text",
    "LaTeX accents, special letters, dashes and escapes decoded to Unicode NFC; "
    "case-protecting braces removed, math kept as written."),
  PE_SCALAR("latex_escape", -1, PE_PURE, escape_func,
    "latex_escape(text[, mode]) -> text",
    "Text that is not LaTeX made safe for LaTeX and BibTeX: & % # _ $ { } ~ ^ \\ escaped; non-ASCII "
    "kept as UTF-8, or with mode 'ascii' written as LaTeX commands ({\\\"u}, {\\ss}, --)."),
};

const PeUnit pe_unit_latex = {
  .zName = "latex", PE_FUNCTIONS(aFunc),
};
