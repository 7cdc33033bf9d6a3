/* Text from outside, shown safely: the one rule for bytes rota prints.
 *
 * Stored text can hold anything a file or an API gave (an alert title
 * with "\x1b[31m", a field with a line break, bytes that are not UTF-8).
 * What reaches a terminal or a text table goes through escape_visible,
 * so a control sequence is shown and never obeyed and a table row stays
 * one line; what goes into JSON goes through utf8_repaired, as jansson
 * refuses strings that are not valid UTF-8. */
#ifndef ROTA_ESCAPE_H
#define ROTA_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The length (1 to 4) of the valid UTF-8 character S begins with, or 0
 * when its first byte begins none (a stray continuation byte, an overlong
 * form, a surrogate, past U+10FFFF, a sequence cut short) or is NUL. */
size_t utf8_char_len(const char *s);

/* S as it may be shown: each C0 control character (tab too unless
 * KEEP_TAB), DEL, each C1 control character (U+0080 to U+009F, two bytes
 * in UTF-8) and each byte that is not part of valid UTF-8 becomes \xHH
 * (per byte: \x1b, \x0a, \xc2\x9b, \xff), the way git and less show
 * them. Returns a new string (caller frees). */
char *escape_visible(const char *s, bool keep_tab);

/* Writes escape_visible(S, KEEP_TAB) to F. */
void escape_write(FILE *f, const char *s, bool keep_tab);

/* S with each byte that is not part of valid UTF-8 replaced by U+FFFD
 * (the replacement character), or NULL when S is valid UTF-8 already and
 * can be used as it is. A new string (caller frees). */
char *utf8_repaired(const char *s);

#endif
