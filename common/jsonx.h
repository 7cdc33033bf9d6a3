/* jansson with every result checked: JSON output never leaves out a key
 * or an element. jansson refuses a string that is not valid UTF-8 (NULL
 * from json_string, -1 from the setter, and the key silently missing):
 * jx_string shows such text with U+FFFD for each bad byte (escape.h,
 * utf8_repaired). Any other failure is a want of memory or a bug (a NaN
 * given as a number): the program ends with EX_SOFTWARE, saying so. */
#ifndef ROTA_JSONX_H
#define ROTA_JSONX_H

#include <jansson.h>

/* A new JSON string of S (NULL: JSON null), bad bytes replaced. */
json_t *jx_string(const char *s);
/* V itself, or the end of the program when it is NULL. */
json_t *jx_new(json_t *v);
/* Sets KEY of OBJECT to V, stealing V; both checked. */
void jx_set(json_t *object, const char *key, json_t *v);
/* Appends V to ARRAY, stealing V; both checked. */
void jx_append(json_t *array, json_t *v);

#endif
