/* A calendar from a file or a URL: see fetch.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendars/fetch.h"
#include "common/err.h"
#include "common/xalloc.h"

static const struct http_peer calendar_server = {
	.name = "the server",
	.timeout_key = "[http] timeout_seconds",
	.auth_hint = "rota sends no credentials for a calendar: give the address "
		     "that needs none (its secret or public URL)",
	.missing_hint = "no such calendar at that address: is the URL right?",
};

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
	int r;

	memset(out, 0, sizeof *out);
	if (!http_is_url(url))
		return rota_fail(EX_USAGE, "%s: not an http:// or https:// URL", url);
	if ((r = config_get_int(cfg, "http", NULL, "timeout_seconds", HTTP_DEFAULT_TIMEOUT,
				1, 3600, &rq.timeout)) != 0 ||
	    (r = http_retry_load(cfg, NULL, &rq.retry)) != 0 ||
	    (r = http_cache_load(s, cache_key, now, &out->sent, &rq)) != 0)
		return r;
	out->conditional = rq.etag != NULL;
	if ((r = http_call(&rq, &out->http)) != 0)
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
