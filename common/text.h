/* Text: the one rule for text that enters rota, and text in fixed fields.
 *
 * Every text rota takes in (CSV fields, calendar properties, API JSON,
 * configuration values, command-line arguments) is valid UTF-8 without
 * control characters: text_fault() says whether it is, and where its
 * first bad byte is. Valid UTF-8 is the shortest form of a code point up
 * to U+10FFFF that is not a surrogate (RFC 3629). The control characters
 * are C0 (U+0000-U+001F) but tab, DEL (U+007F) and C1 (U+0080-U+009F); a
 * field that may hold several lines (a page's alert text) allows the line
 * feed too, never the carriage return. */
#ifndef ROTA_TEXT_H
#define ROTA_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Copies SRC into DST (LEN bytes, LEN > 0), NUL-terminated; text too long
 * for it is cut at a whole UTF-8 character, never inside one. */
void text_copy(char *dst, size_t len, const char *src);

enum text_allow {
	TEXT_LINE,                      /* one line: tab, no line break */
	TEXT_LINES,                     /* several: tab and line feed */
};

/* The first fault of S (NUL-terminated): 0 when S follows the rule, else
 * 1 + the offset of its first bad byte, with WHY (LEN bytes, may be NULL)
 * set to what is wrong there, for a message after the field's name:
 * "not UTF-8 at byte 3 (0xff)", "a control character at byte 2 (0x1b)",
 * "a control character at byte 1 (U+009B)", "a line break at byte 5 (one
 * line only)", "a carriage return at byte 4". WHY holds only printable
 * ASCII. */
size_t text_fault(const char *s, enum text_allow allow, char *why, size_t len);

/* Copies S (NULL: "") into BUF (LEN > 0) as one line that follows the
 * rule, for text rota keeps whatever a foreign file holds (a calendar's
 * SUMMARY): every control character (line breaks included) becomes a
 * space, each byte that is not part of valid UTF-8 becomes '?', trailing
 * spaces go, and text too long is cut at a whole character. */
void text_clean(char *buf, size_t len, const char *s);

#endif
