/*
** pejson.h: a JSON reader for the pure cores (RFC 8259): one value parsed
** into a flat array of nodes, children after their parent in document order.
**
**   PeJson j;
**   pe_json_init(&j);
**   if( pe_json_parse(&j, z, n, 0)==PE_OK ){  // j.aNode[0] is the value
**     int k = pe_json_member(&j, 0, "title"); // node of a member's value, or -1
**     pe_json_text(&j, k, &buf);              // a string decoded, a number as written
**   }
**   pe_json_free(&j);
**
** A node's subtree ends at aNode[i].iNext (the index after it), so siblings
** are walked with i = aNode[i].iNext.  An object's children alternate key
** (a string node) and value.  Errors give the byte offset (iErr) and what
** was wrong (zErr, static text); the caller turns the offset into line:col.
** Nesting deeper than PE_JSON_MAX_DEPTH is an error, never a stack overflow.
*/
#ifndef PE_PEJSON_H
#define PE_PEJSON_H
#include <stddef.h>
#include "strbuf.h"

#define PE_JSON_MAX_DEPTH 500

enum { PE_JSON_NULL, PE_JSON_TRUE, PE_JSON_FALSE, PE_JSON_NUMBER, PE_JSON_STRING,
       PE_JSON_ARRAY, PE_JSON_OBJECT };

typedef struct PeJsonNode {
  unsigned char eType;
  size_t iStart, iEnd;   /* the value's bytes in the text (quotes included) */
  int nChild;            /* array elements; object members x 2 */
  int iNext;             /* index of the node after this subtree */
} PeJsonNode;

typedef struct PeJson {
  const char *z;
  PeJsonNode *aNode; int nNode, nAlloc;
  size_t iErr; const char *zErr;
} PeJson;

void pe_json_init(PeJson *j);
void pe_json_free(PeJson *j);

/* Parse the one value that starts at z[i] (white space skipped before it)
** into j (its nodes replace any earlier ones).  *piEnd (may be NULL) gets
** the offset after the value.  PE_OK, PE_NOMEM, or PE_ERROR with iErr/zErr. */
int pe_json_parse(PeJson *j, const char *z, size_t n, size_t i, size_t *piEnd);

/* The node of member zKey's value in object node iObj, or -1. */
int pe_json_member(const PeJson *j, int iObj, const char *zKey);

/* Append a string node's text, decoded (a number or true/false: as written;
** null: nothing).  PE_OK, PE_NOMEM, or PE_ERROR for an array or object. */
int pe_json_text(const PeJson *j, int iNode, PeBuf *out);

/* Is string node iNode equal to zKey (after decoding)? */
int pe_json_eq(const PeJson *j, int iNode, const char *zKey);

/* Append node iNode as compact JSON (no white space outside strings, which
** keep their escapes as written).  PE_OK or PE_NOMEM. */
int pe_json_compact(const PeJson *j, int iNode, PeBuf *out);

/* Skip white space from z[i]; the offset of the next byte. */
size_t pe_json_space(const char *z, size_t n, size_t i);

#endif
