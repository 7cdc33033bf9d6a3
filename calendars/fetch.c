/* HTTP(S) GET with libcurl, and local files the same way: see fetch.h. */
#include "config.h"

#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendars/fetch.h"
#include "common/err.h"
#include "common/xalloc.h"

static bool curl_ready;

int
fetch_init(void)
{
	if (curl_ready)
		return 0;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return rota_fail(EX_SOFTWARE, "libcurl could not be initialised");
	curl_ready = true;
	return 0;
}

void
fetch_cleanup(void)
{
	if (curl_ready)
		curl_global_cleanup();
	curl_ready = false;
}

bool
fetch_is_url(const char *arg)
{
	return strncasecmp(arg, "http://", 7) == 0 || strncasecmp(arg, "https://", 8) == 0;
}

void
fetch_result_free(struct fetch_result *r)
{
	free(r->body);
	free(r->etag);
	free(r->last_modified);
	free(r->effective_url);
	memset(r, 0, sizeof *r);
}

const char *
fetch_http_status_words(long status)
{
	switch (status) {
	case 400: return "400 Bad Request";
	case 401: return "401 Unauthorized: the server wants credentials";
	case 403: return "403 Forbidden: the server refuses access";
	case 404: return "404 Not Found: no such document at that address";
	case 405: return "405 Method Not Allowed";
	case 408: return "408 Request Timeout";
	case 410: return "410 Gone: the document was removed";
	case 429: return "429 Too Many Requests";
	case 500: return "500 Internal Server Error";
	case 502: return "502 Bad Gateway";
	case 503: return "503 Service Unavailable";
	case 504: return "504 Gateway Timeout";
	}
	return NULL;
}

int
fetch_http_status_exit(long status)
{
	if (status >= 500 || status == 408 || status == 429)
		return EX_TEMPFAIL;
	return EX_UNAVAILABLE;
}

/* The body, growing, refused past max. */
struct sink {
	char *buf;
	size_t len, cap, max;
	bool too_big;
};

static size_t
on_body(char *data, size_t size, size_t nmemb, void *arg)
{
	struct sink *s = arg;
	size_t n = size * nmemb;

	if (n > s->max - s->len) {
		s->too_big = true;
		return 0;                       /* aborts the transfer */
	}
	if (s->len + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 16384;

		while (cap < s->len + n + 1)
			cap *= 2;
		s->buf = xreallocarray(s->buf, cap, 1);
		s->cap = cap;
	}
	memcpy(s->buf + s->len, data, n);
	s->len += n;
	s->buf[s->len] = '\0';
	return n;
}

/* The value of header NAME in a raw header line, or NULL; malloc'd. */
static char *
header_value(const char *line, size_t len, const char *name)
{
	size_t nl = strlen(name);
	const char *v, *e;

	if (len <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':')
		return NULL;
	v = line + nl + 1;
	e = line + len;
	while (v < e && (*v == ' ' || *v == '\t'))
		v++;
	while (e > v && isspace((unsigned char)e[-1]))
		e--;
	if (e == v)
		return NULL;
	return xasprintf("%.*s", (int)(e - v), v);
}

struct validators {
	char *etag, *last_modified;
};

static size_t
on_header(char *data, size_t size, size_t nmemb, void *arg)
{
	struct validators *v = arg;
	size_t n = size * nmemb;
	char *s;

	/* A new status line starts the headers of the next answer (after a
	 * redirect): only the last answer's validators count. */
	if (n >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		free(v->etag);
		free(v->last_modified);
		v->etag = v->last_modified = NULL;
	} else if ((s = header_value(data, n, "ETag")) != NULL) {
		free(v->etag);
		v->etag = s;
	} else if ((s = header_value(data, n, "Last-Modified")) != NULL) {
		free(v->last_modified);
		v->last_modified = s;
	}
	return n;
}

/* The message and status of a libcurl failure. */
static int
curl_failure(const char *url, CURLcode rc, const char *errbuf, long timeout)
{
	const char *detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);

	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		return rota_fail(EX_TEMPFAIL, "%s: no complete answer within %ld second%s "
				 "(timed out); try again later", url, timeout,
				 timeout == 1 ? "" : "s");
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return rota_fail(EX_UNAVAILABLE, "%s: host not found (%s)", url, detail);
	case CURLE_COULDNT_CONNECT:
		return rota_fail(EX_UNAVAILABLE, "%s: cannot connect (%s)", url, detail);
	case CURLE_TOO_MANY_REDIRECTS:
		return rota_fail(EX_UNAVAILABLE, "%s: more than %d redirects", url,
				 FETCH_MAX_REDIRECTS);
	case CURLE_UNSUPPORTED_PROTOCOL:
		return rota_fail(EX_UNAVAILABLE, "%s: redirected to an address rota does not "
				 "follow (%s)", url, detail);
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
		return rota_fail(EX_UNAVAILABLE, "%s: TLS failed, the server's certificate "
				 "cannot be trusted (%s)", url, detail);
	case CURLE_GOT_NOTHING:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return rota_fail(EX_TEMPFAIL, "%s: the connection broke off (%s); try again "
				 "later", url, detail);
	default:
		return rota_fail(EX_UNAVAILABLE, "%s: %s", url, detail);
	}
}

int
fetch_url(const char *url, const struct fetch_options *o, struct fetch_result *out)
{
	static const struct fetch_options defaults = { 0 };
	struct sink sink = { 0 };
	struct validators val = { 0 };
	struct curl_slist *hdrs = NULL;
	char errbuf[CURL_ERROR_SIZE] = "", *h;
	const char *eff = NULL;
	long timeout, status = 0;
	bool https;
	CURLcode rc;
	CURL *c;
	int r;

	memset(out, 0, sizeof *out);
	if (o == NULL)
		o = &defaults;
	if (!fetch_is_url(url))
		return rota_fail(EX_USAGE, "%s: not an http:// or https:// URL", url);
	if ((r = fetch_init()) != 0)
		return r;
	https = strncasecmp(url, "https://", 8) == 0;
	timeout = o->timeout_seconds > 0 ? o->timeout_seconds : FETCH_DEFAULT_TIMEOUT;
	sink.max = o->max_bytes > 0 ? o->max_bytes : (size_t)FETCH_DEFAULT_MAX_BYTES;
	if ((c = curl_easy_init()) == NULL)
		return rota_fail(EX_SOFTWARE, "libcurl could not be set up");

	if (o->accept != NULL) {
		h = xasprintf("Accept: %s", o->accept);
		hdrs = curl_slist_append(hdrs, h);
		free(h);
	}
	if (o->etag != NULL && o->etag[0] != '\0') {
		h = xasprintf("If-None-Match: %s", o->etag);
		hdrs = curl_slist_append(hdrs, h);
		free(h);
	}
	if (o->last_modified != NULL && o->last_modified[0] != '\0') {
		h = xasprintf("If-Modified-Since: %s", o->last_modified);
		hdrs = curl_slist_append(hdrs, h);
		free(h);
	}
	for (const char *const *p = o->headers; p != NULL && *p != NULL; p++)
		hdrs = curl_slist_append(hdrs, *p);

	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
#if LIBCURL_VERSION_NUM >= 0x075500        /* 7.85.0 */
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, https ? "https" : "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS,
			 https ? (long)CURLPROTO_HTTPS : (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	/* Never off: a calendar from a server that cannot prove who it is
	 * is not read. */
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)sink.max);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &val);

	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
	out->status = status;
	if (sink.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		r = rota_fail(EX_DATAERR, "%s: the answer is larger than %zu bytes", url, sink.max);
	} else if (rc != CURLE_OK) {
		r = curl_failure(url, rc, errbuf, timeout);
	} else if (status == 304) {
		out->not_modified = true;
		r = 0;
	} else if (status >= 200 && status < 300) {
		r = 0;
	} else {
		const char *words = fetch_http_status_words(status);
		int st = fetch_http_status_exit(status);

		if (words != NULL)
			r = rota_fail(st, "%s: the server answered %s%s", url, words,
				      st == EX_TEMPFAIL ? "; try again later" : "");
		else
			r = rota_fail(st, "%s: the server answered HTTP %ld%s", url, status,
				      st == EX_TEMPFAIL ? "; try again later" : "");
	}
	if (r == 0) {
		out->body = sink.buf ? sink.buf : xstrdup("");
		out->len = sink.len;
		sink.buf = NULL;
		out->etag = val.etag;
		out->last_modified = val.last_modified;
		val.etag = val.last_modified = NULL;
		out->effective_url = xstrdup(eff ? eff : url);
	}
	free(sink.buf);
	free(val.etag);
	free(val.last_modified);
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(c);
	return r;
}

int
fetch_file(const char *path, size_t max_bytes, struct fetch_result *out)
{
	struct sink sink = { 0 };
	char buf[65536];
	size_t n;
	FILE *f;

	memset(out, 0, sizeof *out);
	sink.max = max_bytes > 0 ? max_bytes : (size_t)FETCH_DEFAULT_MAX_BYTES;
	if ((f = fopen(path, "rb")) == NULL)
		return rota_fail(EX_NOINPUT, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (on_body(buf, 1, n, &sink) != n) {
			fclose(f);
			free(sink.buf);
			return rota_fail(EX_DATAERR, "%s: larger than %zu bytes", path, sink.max);
		}
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		free(sink.buf);
		return rota_fail(e == EISDIR ? EX_NOINPUT : EX_IOERR, "%s: %s", path,
				 strerror(e ? e : EIO));
	}
	fclose(f);
	out->body = sink.buf ? sink.buf : xstrdup("");
	out->len = sink.len;
	return 0;
}
