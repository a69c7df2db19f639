/*
** title_html.h: the HTML that titles bring from the web, read as text.
**
** Titles copied from Crossref, publisher pages or HTML exports carry
** character references ('Don&#x2019;t', 'Schr&ouml;dinger', '&#46;',
** '&amp;') and inline markup ('<i>De novo</i> design', 'CO<sub>2</sub>').
** pe_title_html_decode() turns them into the text a reader sees:
**   - numeric references &#N; and &#xH; (a code point of 1..0x10FFFF, not a
**     surrogate) become that character; named ones (&eacute;) come from the
**     HTML 4.01 list (title_entities_generated.h) plus &apos;; the ';' is
**     required; anything else (a lone '&', '&nosuch;') stays as written;
**   - inline tags (<i> <b> <em> <strong> <sub> <sup> <scp> <u> <tt> <small>
**     <span ...> <font ...> and every <mml:...> or <jats:...>, opening or
**     closing, with attributes) are dropped, their text kept; <br> and <p>
**     become a space.  Any other '<' stays ('a < b', '<10B parameters').
** One pass, linear in n; the output is never longer than the input
** (a reference is at least as long as the UTF-8 it stands for).
*/
#ifndef PE_TITLE_HTML_H
#define PE_TITLE_HTML_H
#include <stddef.h>
#include "common/strbuf.h"

/* Might z[0..n) hold a reference or a tag ('&' or '<')?  The cheap test. */
int pe_title_has_html(const char *z, size_t n);

/* Append the decoded z[0..n) to out.  PE_OK or PE_NOMEM. */
int pe_title_html_decode(PeBuf *out, const char *z, size_t n);

#endif
