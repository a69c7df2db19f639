/* fts_options.c: the options of the paperext tokenizer (see fts_tokenizer.h). */
#include <stdio.h>
#include <string.h>
#include "fts_tokenizer.h"
#include "common/pe_mem.h"
#include "common/strbuf.h"

int pe_fts_options(const char *const *azArg, int nArg, unsigned *pFlags,
                   const char **azRest, int *pnRest, char *zErr, size_t nErr){
  int i;
  unsigned flags = PE_FTS_ASCII_FAST;
  *pnRest = 0;
  for(i=0; i<nArg; i++){
    const char *zName = azArg[i];
    unsigned bit = strcmp(zName, "fold")==0 ? PE_FTS_FOLD
                 : strcmp(zName, "bigram")==0 ? PE_FTS_BIGRAM : 0;
    if( bit ){
      const char *zVal = i+1<nArg ? azArg[i+1] : 0;
      if( zVal==0 || (strcmp(zVal, "0")!=0 && strcmp(zVal, "1")!=0) ){
        snprintf(zErr, nErr, "paperext tokenizer: option %s expects 0 or 1, got %s%s%s",
                 zName, zVal ? "'" : "", zVal ? zVal : "nothing", zVal ? "'" : "");
        return 1;
      }
      if( zVal[0]=='1' ) flags |= bit; else flags &= ~bit;
      i++;
      continue;
    }
    if( strcmp(zName, "tokenchars")==0 || strcmp(zName, "separators")==0
     || strcmp(zName, "categories")==0 ){
      flags &= ~(unsigned)PE_FTS_ASCII_FAST;
    }
    /* unicode61 takes name value pairs: copy both (it checks them). */
    azRest[(*pnRest)++] = zName;
    if( i+1<nArg ) azRest[(*pnRest)++] = azArg[++i];
  }
  *pFlags = flags;
  return 0;
}

int pe_fts_split_args(const char *z, char ***pazArg, int *pnArg,
                      char *zErr, size_t nErr){
  PeBuf words;              /* the words, each NUL-terminated */
  size_t i = 0, n = strlen(z), k;
  int nWord = 0;
  char **az;
  char *zText;
  *pazArg = 0;
  *pnArg = 0;
  pe_buf_init(&words);
  while( i<n ){
    char q = z[i];
    if( q==' ' || q=='\t' || q=='\n' || q=='\r' ){ i++; continue; }
    if( q=='\'' || q=='"' || q=='`' || q=='[' ){
      char close = q=='[' ? ']' : q;
      size_t start = i++;
      for(;;){
        if( i>=n ){
          snprintf(zErr, nErr, "unterminated %c quote at offset %zu of the options", q, start);
          pe_buf_free(&words);
          return PE_ERROR;
        }
        if( z[i]==close ){
          if( close!=']' && i+1<n && z[i+1]==close ){ pe_buf_appendc(&words, close); i += 2; continue; }
          i++;
          break;
        }
        pe_buf_appendc(&words, z[i++]);
      }
    }else{
      while( i<n && z[i]!=' ' && z[i]!='\t' && z[i]!='\n' && z[i]!='\r' ){
        pe_buf_appendc(&words, z[i++]);
      }
    }
    pe_buf_appendc(&words, 0);
    nWord++;
  }
  if( words.oom ){ pe_buf_free(&words); return PE_NOMEM; }
  /* One block: the pointer array, then the words. */
  az = pe_malloc(sizeof(char*)*(size_t)(nWord+1) + words.n + 1);
  if( az==0 ){ pe_buf_free(&words); return PE_NOMEM; }
  zText = (char*)(az + nWord + 1);
  if( words.n ) memcpy(zText, words.z, words.n);
  for(k=0, i=0; (int)k<nWord; k++){
    az[k] = zText + i;
    i += strlen(zText + i) + 1;
  }
  az[nWord] = 0;
  pe_buf_free(&words);
  *pazArg = az;
  *pnArg = nWord;
  return PE_OK;
}
