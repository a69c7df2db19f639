/*
** ident_sql.c: arXiv ids and DOIs in any text.
**
**   SELECT arxiv_id('https://arxiv.org/pdf/2008.02496v2.pdf');   -- '2008.02496'
**   SELECT arxiv_version('arXiv:2008.02496v2');                  -- 2
**   SELECT arxiv_id('see hep-th/9901001');                       -- 'hep-th/9901001'
**   SELECT arxiv_id('https://doi.org/10.48550/arXiv.2008.02496'); -- '2008.02496'
**   SELECT doi('doi = {10.1145/3292500.3330701},');               -- '10.1145/3292500.3330701'
**   SELECT doi('https://doi.org/10.1007%2F978-3-030-58452-8_13'); -- '10.1007/978-3-030-58452-8_13'
**   SELECT arxiv_url('arXiv:2008.02496');         -- 'https://arxiv.org/abs/2008.02496'
**   SELECT doi_url('DOI: 10.1109/CVPR.2020.00975'); -- 'https://doi.org/10.1109/cvpr.2020.00975'
**
** Each function takes any text and uses the first identifier in it (rules
** in ident.h).  arxiv_id() drops the version, arxiv_version() gives it (NULL
** when the text names none), arxiv_url() keeps it.  NULL when the text holds
** no identifier, and for NULL.
*/
#include "sqlite/pe_sqlite.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"
#include "ident.h"

/* argv[0]'s first arXiv id: 1 found, 0 not (result left NULL or error set). */
static int find_arxiv(sqlite3_context *ctx, sqlite3_value **argv, const char **pz,
                      size_t *piId, size_t *pnId, int *pVersion){
  size_t n;
  const char *z;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return 0;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
  *pz = z;
  return pe_arxiv_find(z, n, piId, pnId, pVersion);
}

static void arxiv_id_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t i, n;
  int v;
  (void)argc;
  if( find_arxiv(ctx, argv, &z, &i, &n, &v) ){
    sqlite3_result_text64(ctx, z+i, n, SQLITE_TRANSIENT, SQLITE_UTF8);
  }
}

static void arxiv_version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t i, n;
  int v;
  (void)argc;
  if( find_arxiv(ctx, argv, &z, &i, &n, &v) && v>0 ) sqlite3_result_int(ctx, v);
}

static void arxiv_url_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z;
  size_t i, n;
  int v;
  PeBuf b;
  (void)argc;
  if( !find_arxiv(ctx, argv, &z, &i, &n, &v) ) return;
  pe_buf_init(&b);
  pe_result_buf(ctx, pe_arxiv_url(&b, z+i, n, v), &b);
}

/* doi(text) and doi_url(text): asUrl says which. */
static void doi_common(sqlite3_context *ctx, sqlite3_value **argv, int asUrl){
  size_t n;
  const char *z;
  PeBuf b, url;
  int r;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = pe_value_text(argv[0], &n);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  pe_buf_init(&b);
  r = pe_doi_find(z, n, &b);
  if( r<0 ){ pe_buf_free(&b); sqlite3_result_error_nomem(ctx); return; }
  if( r==0 ){ pe_buf_free(&b); return; }
  if( !asUrl ){ pe_result_buf(ctx, PE_OK, &b); return; }
  pe_buf_init(&url);
  r = pe_doi_url(&url, b.z, b.n);
  pe_buf_free(&b);
  pe_result_buf(ctx, r, &url);
}

static void doi_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  doi_common(ctx, argv, 0);
}
static void doi_url_func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  doi_common(ctx, argv, 1);
}

static const PeFunction aFunc[] = {
  { "arxiv_id", 1, PE_PURE, arxiv_id_func, 0, 0,
    "arxiv_id(text) -> text",
    "The first arXiv id in a text (bare, arXiv:, abs/pdf URL, arXiv DOI), without version." },
  { "arxiv_version", 1, PE_PURE, arxiv_version_func, 0, 0,
    "arxiv_version(text) -> integer",
    "The version number of the first arXiv id in a text, NULL when it has none." },
  { "doi", 1, PE_PURE, doi_func, 0, 0,
    "doi(text) -> text",
    "The first DOI in a text, lowercased, without doi:/URL prefix or trailing punctuation." },
  { "arxiv_url", 1, PE_PURE, arxiv_url_func, 0, 0,
    "arxiv_url(id) -> text",
    "https://arxiv.org/abs/<id> for the first arXiv id in the text (its version kept)." },
  { "doi_url", 1, PE_PURE, doi_url_func, 0, 0,
    "doi_url(doi) -> text",
    "https://doi.org/<doi> for the first DOI in the text, escaped where a URL needs it." },
};

const PeUnit pe_unit_ident = {
  .zName = "ident", PE_FUNCTIONS(aFunc),
};
