/*
** test_venue_labeled.c: accuracy of pe_venue_parse() on the hand-labeled
** set tests/data/venues_labeled.tsv (raw, acronym, year, kind, source).
**
**   build/plain/unit/test_venue_labeled            assert accuracy >= 99%, list misses
**   build/plain/unit/test_venue_labeled --report   print the figures only (make bench)
**
** A row counts as right when acronym, year and kind all equal the label.
** The floor is 98.5%: most of the misses left are journals whose ISO 4
** abbreviation in JabRef's lists differs from the hand label (README, venue).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "venue/venue.h"
#include "common/strbuf.h"

#define LABELED "tests/data/venues_labeled.tsv"
#define MIN_ACCURACY 0.985

static int same(const char *zGot, const char *zWant){
  if( zGot==0 ) return zWant[0]==0;
  return strcmp(zGot, zWant)==0;
}

int main(int argc, char **argv){
  int report = argc>1 && strcmp(argv[1], "--report")==0;
  FILE *f = fopen(LABELED, "r");
  char line[4096];
  int nRow = 0, nRight = 0, nAcr = 0, nYear = 0, nKind = 0, lineNo = 0;
  if( f==0 ){ printf("cannot open %s\n", LABELED); return 1; }
  while( fgets(line, sizeof line, f) ){
    char *aField[5];
    int nField = 0, wantYear;
    char *p = line;
    PeVenueInfo v;
    lineNo++;
    line[strcspn(line, "\n")] = 0;
    if( line[0]=='#' || line[0]==0 ) continue;
    while( nField<5 ){
      aField[nField++] = p;
      p = strchr(p, '\t');
      if( p==0 ) break;
      *p++ = 0;
    }
    if( nField<4 ){ printf("%s:%d: want 4 or 5 fields\n", LABELED, lineNo); return 1; }
    wantYear = atoi(aField[2]);
    if( pe_venue_parse(0, aField[0], strlen(aField[0]), &v)!=PE_OK ){ printf("OOM\n"); return 1; }
    nRow++;
    {
      int okA = same(v.zAcronym, aField[1]);
      int okY = v.year==wantYear;
      int okK = same(pe_venue_kind_name(v.eKind), aField[3]);
      nAcr += okA; nYear += okY; nKind += okK;
      if( okA && okY && okK ){
        nRight++;
      }else if( !report ){
        printf("miss %s:%d: %s\n  want: %s|%s|%s\n  got:  %s|%d|%s\n", LABELED, lineNo, aField[0],
               aField[1], aField[2], aField[3], v.zAcronym ? v.zAcronym : "",
               v.year, pe_venue_kind_name(v.eKind) ? pe_venue_kind_name(v.eKind) : "");
      }
    }
  }
  fclose(f);
  printf("venue accuracy: %d/%d rows right (%.1f%%); acronym %.1f%%, year %.1f%%, kind %.1f%%\n",
         nRight, nRow, 100.0*nRight/nRow, 100.0*nAcr/nRow, 100.0*nYear/nRow, 100.0*nKind/nRow);
  if( report ) return 0;
  CHECK(nRow>=300);
  CHECK((double)nRight >= MIN_ACCURACY*nRow);
  return CHECK_REPORT("venue_labeled");
}
