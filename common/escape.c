/* Text from outside, shown safely: see escape.h. */
#include <config.h>  /* autoconf's, not common/config.h */

#include <stdlib.h>
#include <string.h>

#include "common/escape.h"
#include "common/xalloc.h"

size_t
utf8_char_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len;

	if (p[0] == 0)
		return 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;      /* overlong below */
		else if (p[0] == 0xed)
			hi = 0x9f;      /* surrogates above */
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		if (p[0] == 0xf0)
			lo = 0x90;      /* overlong below */
		else if (p[0] == 0xf4)
			hi = 0x8f;      /* past U+10FFFF above */
	} else {
		return 0;               /* 0x80-0xc1 and 0xf5-0xff begin nothing */
	}
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return len;
}

/* Whether the character of LEN bytes at P is shown as \xHH. */
static bool
hidden(const unsigned char *p, size_t len, bool keep_tab)
{
	if (len == 0)
		return true;
	if (len == 1)
		return (p[0] < 0x20 && !(keep_tab && p[0] == '\t')) || p[0] == 0x7f;
	return len == 2 && p[0] == 0xc2 && p[1] <= 0x9f;
}

char *
escape_visible(const char *s, bool keep_tab)
{
	static const char hex[] = "0123456789abcdef";
	char *out = xmalloc(4 * strlen(s) + 1), *o = out;
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t len = utf8_char_len((const char *)p);

		if (hidden(p, len, keep_tab)) {
			/* A C1 character shows as its two bytes; a bad byte
			 * alone, and what follows is read afresh. */
			for (size_t i = 0; i < (len ? len : 1); i++) {
				*o++ = '\\';
				*o++ = 'x';
				*o++ = hex[p[i] >> 4];
				*o++ = hex[p[i] & 0xf];
			}
			p += len ? len : 1;
		} else {
			memcpy(o, p, len);
			o += len;
			p += len;
		}
	}
	*o = '\0';
	return out;
}

void
escape_write(FILE *f, const char *s, bool keep_tab)
{
	char *v = escape_visible(s, keep_tab);

	fputs(v, f);
	free(v);
}

char *
utf8_repaired(const char *s)
{
	const char *p = s;
	char *out, *o;

	while (*p && utf8_char_len(p) != 0)
		p += utf8_char_len(p);
	if (*p == '\0')
		return NULL;
	/* Each bad byte becomes three: at most three times as long. */
	out = xmalloc(3 * strlen(s) + 1);
	memcpy(out, s, (size_t)(p - s));
	o = out + (p - s);
	while (*p) {
		size_t len = utf8_char_len(p);

		if (len == 0) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
			p++;
		} else {
			memcpy(o, p, len);
			o += len;
			p += len;
		}
	}
	*o = '\0';
	return out;
}
