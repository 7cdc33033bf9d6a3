/* A calendar from a file or a URL: see fetch.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "calendars/fetch.h"
#include "common/err.h"
#include "common/secret.h"
#include "common/url.h"
#include "common/xalloc.h"

static const struct http_peer calendar_server = {
	.name = "the server",
	.timeout_key = "[http] timeout_seconds",
	.auth_hint = "give the address that needs no credentials (its secret or public "
		     "URL), or set [import] host, username and password_file",
	.missing_hint = "no such calendar at that address: is the URL right?",
	.short_url = true,      /* a calendar's path is often its secret */
};

/* The credentials of [import] for URL: only when its host is [import]
 * host (never sent elsewhere, nor on a redirect to another host).
 * *USER and *PASS are NULL when none apply; free *PASS with secret_free. */
static int
credentials(const struct config *cfg, const char *url, const char **user, char **pass)
{
	long line = 0;
	const char *host = config_get(cfg, "import", NULL, "host", &line);
	const char *name = config_get(cfg, "import", NULL, "username", NULL);
	char want[256];
	int r;

	*user = NULL;
	*pass = NULL;
	if (name == NULL || *name == '\0')
		return 0;
	if (host == NULL || *host == '\0')
		return rota_fail(EX_CONFIG, "[import] username is set but [import] host is not: "
				 "name the one host the credentials are for");
	url_host(url, want, sizeof want);
	if (strcasecmp(want, host) != 0)
		return 0;
	if ((r = secret_get(cfg, "ROTA_IMPORT_PASSWORD", "import", "password_file",
			    pass)) != 0)
		return r;
	if (*pass == NULL)
		return rota_fail(EX_CONFIG, "[import] username is set but there is no password: "
				 "set $ROTA_IMPORT_PASSWORD or [import] password_file");
	*user = name;
	return 0;
}

void
fetch_result_free(struct fetch_result *r)
{
	free(r->body);
	http_response_free(&r->http);
	memset(r, 0, sizeof *r);
}

int
fetch_url(const struct config *cfg, struct store *s, const char *url, const char *cache_key,
	  int64_t now, struct fetch_result *out)
{
	static const char *const accept[] = { "Accept: text/calendar, */*;q=0.5", NULL };
	struct http_request rq = {
		.peer = &calendar_server, .url = url, .headers = accept,
		.max_bytes = FETCH_MAX_BYTES, .follow_redirects = true,
	};
	char *pass = NULL;
	int r;

	memset(out, 0, sizeof *out);
	if (!http_is_url(url))
		return rota_fail(EX_USAGE, "%s: not an http:// or https:// URL", url);
	if ((r = config_get_int(cfg, "http", NULL, "timeout_seconds", HTTP_DEFAULT_TIMEOUT,
				1, 3600, &rq.timeout)) != 0 ||
	    (r = http_retry_load(cfg, NULL, &rq.retry)) != 0 ||
	    (r = credentials(cfg, url, &rq.username, &pass)) != 0 ||
	    (r = http_cache_load(s, cache_key, now, &out->sent, &rq)) != 0) {
		secret_free(pass);
		return r;
	}
	rq.password = pass;
	out->conditional = rq.etag != NULL;
	r = http_call(&rq, &out->http);
	secret_free(pass);
	if (r != 0)
		return r;
	out->not_modified = out->http.outcome == HTTP_NOT_MODIFIED;
	out->body = out->http.body ? out->http.body : xstrdup("");
	out->len = out->http.len;
	out->http.body = NULL;
	return 0;
}

int
fetch_remember(struct store *s, const char *cache_key, const struct fetch_result *f,
	       int64_t now)
{
	struct http_request sent = { 0 };

	if (f->conditional) {
		sent.etag = f->sent.etag;
		sent.last_modified = f->sent.last_modified;
	}
	return http_cache_save(s, cache_key, &sent, &f->http, now);
}

int
fetch_file(const char *path, struct fetch_result *out)
{
	char buf[65536];
	size_t n, cap = 0;
	FILE *f;

	memset(out, 0, sizeof *out);
	/* "-": standard input (through rota serve, the caller's file). */
	f = strcmp(path, "-") == 0 ? fdopen(dup(STDIN_FILENO), "rb") : fopen(path, "rb");
	if (f == NULL)
		return rota_fail(EX_NOINPUT, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (n > (size_t)FETCH_MAX_BYTES - out->len) {
			fclose(f);
			fetch_result_free(out);
			return rota_fail(EX_DATAERR, "%s: larger than %zu bytes", path,
					 (size_t)FETCH_MAX_BYTES);
		}
		if (out->len + n + 1 > cap) {
			cap = cap ? cap : sizeof buf;
			while (cap < out->len + n + 1)
				cap *= 2;
			out->body = xreallocarray(out->body, cap, 1);
		}
		memcpy(out->body + out->len, buf, n);
		out->len += n;
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		fetch_result_free(out);
		return rota_fail(e == EISDIR ? EX_NOINPUT : EX_IOERR, "%s: %s", path,
				 strerror(e ? e : EIO));
	}
	fclose(f);
	if (out->body == NULL)
		out->body = xstrdup("");
	out->body[out->len] = '\0';
	return 0;
}
