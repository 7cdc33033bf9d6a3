/* Text in fixed fields, and the rule for text that enters: see text.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "common/text.h"

void
text_copy(char *dst, size_t len, const char *src)
{
	size_t n = strlen(src);

	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

enum char_kind { CHAR_TEXT, CHAR_CONTROL, CHAR_BAD };

/* The character at U: its length in bytes (*n, 1 for a bad byte) and
 * kind. The one decoder of the rule (RFC 3629's table of well-formed
 * sequences): overlong forms, surrogates, code points past U+10FFFF and
 * cut sequences are CHAR_BAD. */
static enum char_kind
char_at(const unsigned char *u, size_t *n, unsigned *cp)
{
	unsigned c = u[0];

	*n = 1;
	*cp = c;
	if (c < 0x80)
		return c < 0x20 || c == 0x7f ? CHAR_CONTROL : CHAR_TEXT;
	if (c >= 0xC2 && c <= 0xDF) {
		if ((u[1] & 0xC0) != 0x80)
			return CHAR_BAD;
		*n = 2;
		*cp = (c & 0x1F) << 6 | (u[1] & 0x3F);
		return *cp <= 0x9F ? CHAR_CONTROL : CHAR_TEXT;  /* C1 */
	}
	if (c >= 0xE0 && c <= 0xEF) {
		unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;

		if (u[1] < lo || u[1] > hi || (u[2] & 0xC0) != 0x80)
			return CHAR_BAD;
		*n = 3;
		*cp = (c & 0x0F) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3F);
		return CHAR_TEXT;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;

		if (u[1] < lo || u[1] > hi || (u[2] & 0xC0) != 0x80 || (u[3] & 0xC0) != 0x80)
			return CHAR_BAD;
		*n = 4;
		*cp = (c & 0x07) << 18 | (u[1] & 0x3Fu) << 12 | (u[2] & 0x3Fu) << 6 | (u[3] & 0x3F);
		return CHAR_TEXT;
	}
	return CHAR_BAD;
}

size_t
text_fault(const char *s, enum text_allow allow, char *why, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;
	unsigned cp;

	for (;;) {
		enum char_kind k;

		/* Speed: printable ASCII, nearly all of any file. */
		while (u[i] >= 0x20 && u[i] < 0x7f)
			i++;
		if (u[i] == '\0')
			return 0;
		k = char_at(u + i, &n, &cp);
		if (k == CHAR_TEXT || (k == CHAR_CONTROL &&
				       (cp == '\t' || (cp == '\n' && allow == TEXT_LINES)))) {
			i += n;
			continue;
		}
		if (why == NULL)
			;
		else if (k == CHAR_BAD)
			snprintf(why, len, "not UTF-8 at byte %zu (0x%02x)", i + 1, u[i]);
		else if (cp == '\n')
			snprintf(why, len, "a line break at byte %zu (one line only)", i + 1);
		else if (cp == '\r')
			snprintf(why, len, "a carriage return at byte %zu", i + 1);
		else if (cp >= 0x80)
			snprintf(why, len, "a control character at byte %zu (U+%04X)", i + 1, cp);
		else
			snprintf(why, len, "a control character at byte %zu (0x%02x)", i + 1, cp);
		return i + 1;
	}
}

void
text_clean(char *buf, size_t len, const char *s)
{
	const unsigned char *u = (const unsigned char *)(s ? s : "");
	size_t o = 0, n;
	unsigned cp;

	while (*u != '\0') {
		enum char_kind k = char_at(u, &n, &cp);

		if (k == CHAR_TEXT) {
			if (o + n >= len)
				break;
			memcpy(buf + o, u, n);
			o += n;
		} else {
			if (o + 1 >= len)
				break;
			buf[o++] = k == CHAR_BAD ? '?' : ' ';
		}
		u += n;
	}
	while (o > 0 && buf[o - 1] == ' ')
		o--;
	buf[o] = '\0';
}
