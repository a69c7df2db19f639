/* merge_int.h: what the merge core's files share (not for bindings). */
#ifndef PE_MERGE_INT_H
#define PE_MERGE_INT_H
#include <stddef.h>

/* Length of the main title of z[0..n): the title before a subtitle (after
** ': ', ' - ', ' -- ', ' — ', ' – ', '? ') or before a closing
** parenthetical ('Denoising Diffusion Probabilistic Models (DDPM)'); n when
** there is none.  The main part keeps at least two words. */
size_t pe_merge_main_title(const char *z, size_t n);

/* Length of a leading 'Name: ' (one word, then ': ') of z[0..n) followed
** by a title of two words or more, 0 when there is none. */
size_t pe_merge_name_prefix(const char *z, size_t n);

#endif
