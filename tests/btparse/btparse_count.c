/*
** btparse_count: the reference for the BibTeX tests and benchmark, a tiny
** driver of btparse (Debian libbtparse-dev), the C library of Text::BibTeX.
**
**   build/btparse_count FILE...        "<entries> <errors> FILE" per file
**   build/btparse_count -f FILE...     also read every field's text (bench)
**   build/btparse_count -v FILE...     print "key<TAB>field<TAB>value" lines,
**                                      then "#count <entries> <errors>"
**
** <entries> counts the regular entries (not @string/@preamble/@comment)
** btparse returns, <errors> the entries it parsed with a bad status.
** Values are fully processed (macros expanded, pasted, collapsed), as
** bibtex_entries() does.
*/
#include <stdio.h>
#include <string.h>
#include <btparse.h>

int main(int argc, char **argv){
  int i, bFields = 0, bValues = 0, rc = 0;
  bt_initialize();
  bt_set_stringopts(BTE_REGULAR, BTO_FULL);
  bt_set_stringopts(BTE_MACRODEF, BTO_FULL);
  for(i=1; i<argc; i++){
    FILE *f;
    AST *entry;
    boolean ok;
    long nEntry = 0, nError = 0, nBytes = 0;
    if( strcmp(argv[i], "-f")==0 ){ bFields = 1; continue; }
    if( strcmp(argv[i], "-v")==0 ){ bFields = bValues = 1; continue; }
    f = fopen(argv[i], "r");
    if( f==0 ){ perror(argv[i]); rc = 1; continue; }
    while( (entry = bt_parse_entry(f, argv[i], 0, &ok))!=0 ){
      if( bt_entry_metatype(entry)==BTE_REGULAR ){
        nEntry++;
        if( !ok ) nError++;
        if( bFields ){
          AST *field = 0;
          char *name;
          while( (field = bt_next_field(entry, field, &name))!=0 ){
            char *t = bt_get_text(field);
            if( t ) nBytes += (long)strlen(t);
            if( bValues ) printf("%s\t%s\t%s\n", bt_entry_key(entry), name, t ? t : "");
          }
        }
      }
      bt_free_ast(entry);
    }
    fclose(f);
    if( bValues ){ printf("#count %ld %ld\n", nEntry, nError); continue; }
    if( bFields ) printf("%ld %ld %ld %s\n", nEntry, nError, nBytes, argv[i]);
    else printf("%ld %ld %s\n", nEntry, nError, argv[i]);
  }
  bt_cleanup();
  return rc;
}
