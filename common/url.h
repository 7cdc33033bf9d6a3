/* Addresses as people are shown them, and the parts of one rota must not
 * keep. A calendar's address often carries a secret: a user name and
 * password (https://alice:pw@host/...), or a private path or query
 * (.../private-abc123/basic.ics?token=...). rota never stores the first
 * (service/calendar-sync.c refuses it) and never prints the rest. */
#ifndef ROTA_URL_H
#define ROTA_URL_H

#include <stdbool.h>
#include <stddef.h>

/* An http:// or https:// URL (either case). */
bool url_is_http(const char *s);

/* Whether the http(s) URL S holds a user name or password (user@host,
 * user:password@host). */
bool url_has_userinfo(const char *s);

/* Into BUF (LEN bytes), the host of the http(s) URL S, without user
 * information or port, lower case; "" when S is none. */
void url_host(const char *s, char *buf, size_t len);

/* S as it may be printed: an http(s) URL as scheme://host[:port]/…/LAST
 * (LAST its last path segment; no user information, query or fragment;
 * "scheme://host/LAST" when the path has one segment, "scheme://host/"
 * when none); anything else (a file's path) unchanged. A new string. */
char *url_shown(const char *s);

#endif
