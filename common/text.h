/* Text in fixed fields. */
#ifndef ROTA_TEXT_H
#define ROTA_TEXT_H

#include <stddef.h>

/* Copies SRC into DST (LEN bytes, LEN > 0), NUL-terminated; text too long
 * for it is cut at a whole UTF-8 character, never inside one. */
void text_copy(char *dst, size_t len, const char *src);

#endif
