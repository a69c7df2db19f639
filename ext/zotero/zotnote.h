/*
** zotnote.h: Zotero's notes (HTML) as plain text, the pure core behind the
** notes column of zotero_items().
**
** Zotero keeps a note as an HTML fragment ('<div data-schema-version="8">
** <h1>..</h1><p>..</p></div>').  The text keeps what a reader sees as lines:
** every block element (p, div, h1-h6, li, blockquote, pre, tr, ...) starts
** and ends a line, <br> breaks one, a list item starts with "- " (or "1. "
** in an <ol>), table cells are separated by a tab.  Inside a line, white
** space runs read as one space (as a browser shows them), except in <pre>.
** Entities are decoded (&amp; &lt; &nbsp; &#955; &#x3bb; and the common
** named ones; an unknown one stays as written); comments, <script>,
** <style> and <head> are dropped; other tags are dropped, their text kept.
** Lines are trimmed; empty lines are not kept (a paragraph is a line).
*/
#ifndef PE_ZOTNOTE_H
#define PE_ZOTNOTE_H
#include <stddef.h>
#include "common/strbuf.h"

/* Append the text of the HTML z[0..n) to out.  PE_OK or PE_NOMEM. */
int zot_note_text(PeBuf *out, const char *z, size_t n);

#endif
