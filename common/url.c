/* Addresses as shown: see url.h. */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "common/url.h"
#include "common/xalloc.h"

bool
url_is_http(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

/* The authority of the http(s) URL S: [*START, *END). */
static void
authority(const char *s, const char **start, const char **end)
{
	*start = strstr(s, "://") + 3;
	*end = *start + strcspn(*start, "/?#");
}

bool
url_has_userinfo(const char *s)
{
	const char *a, *e;

	if (!url_is_http(s))
		return false;
	authority(s, &a, &e);
	return memchr(a, '@', (size_t)(e - a)) != NULL;
}

/* The host and port of the authority [A, E): after any user information. */
static const char *
host_start(const char *a, const char *e)
{
	for (const char *p = e; p > a; p--)
		if (p[-1] == '@')
			return p;
	return a;
}

void
url_host(const char *s, char *buf, size_t len)
{
	const char *a, *e, *h, *port;
	size_t n = 0;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (!url_is_http(s))
		return;
	authority(s, &a, &e);
	h = host_start(a, e);
	/* A port follows the last ':' outside an IPv6 literal's brackets. */
	port = e;
	for (const char *p = e; p > h; p--)
		if (p[-1] == ':' ) {
			port = p - 1;
			break;
		} else if (p[-1] == ']') {
			break;
		}
	for (const char *p = h; p < port && n + 1 < len; p++)
		buf[n++] = (char)tolower((unsigned char)*p);
	buf[n] = '\0';
}

char *
url_shown(const char *s)
{
	const char *a, *e, *h, *path_end, *last;
	size_t scheme;

	if (!url_is_http(s))
		return xstrdup(s);
	authority(s, &a, &e);
	h = host_start(a, e);
	scheme = (size_t)(a - s);
	path_end = e + strcspn(e, "?#");
	/* The last segment, a trailing '/' aside. */
	while (path_end > e && path_end[-1] == '/')
		path_end--;
	for (last = path_end; last > e && last[-1] != '/'; last--)
		;
	if (last <= e + 1)      /* no path, or one segment */
		return xasprintf("%.*s%.*s/%.*s", (int)scheme, s, (int)(e - h), h,
				 (int)(path_end - last), last);
	return xasprintf("%.*s%.*s/\xe2\x80\xa6/%.*s", (int)scheme, s, (int)(e - h), h,
			 (int)(path_end - last), last);
}
