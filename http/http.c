/* rota's one HTTP client: see http.h. */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/config.h"
#include "common/err.h"
#include "common/url.h"
#include "common/xalloc.h"
#include "http/http.h"

/* ---- libcurl's global state ---- */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static bool curl_ready;

static void
cleanup(void)
{
	curl_global_cleanup();
}

static void
init(void)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {
		curl_ready = true;
		atexit(cleanup);
	}
}

int
http_init(void)
{
	pthread_once(&init_once, init);
	return curl_ready ? 0 : rota_fail(EX_SOFTWARE, "libcurl could not be initialised");
}

bool
http_is_url(const char *s)
{
	return url_is_http(s);
}

struct http_session {
	CURL *curl;
};

struct http_session *
http_session_new(void)
{
	struct http_session *s;

	if (http_init() != 0)
		return NULL;
	s = xcalloc(1, sizeof *s);
	if ((s->curl = curl_easy_init()) == NULL) {
		free(s);
		rota_fail(EX_SOFTWARE, "libcurl could not be set up");
		return NULL;
	}
	return s;
}

void
http_session_free(struct http_session *s)
{
	if (s == NULL)
		return;
	curl_easy_cleanup(s->curl);
	free(s);
}

/* ---- the pure parts ---- */

const char *
http_reason(long status)
{
	switch (status) {
	case 300: return "Multiple Choices";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 307: return "Temporary Redirect";
	case 308: return "Permanent Redirect";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 408: return "Request Timeout";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 412: return "Precondition Failed";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	case 507: return "Insufficient Storage";
	}
	return NULL;
}

enum http_outcome
http_classify(int curl_code, long status, bool too_big)
{
	if (too_big || curl_code == CURLE_FILESIZE_EXCEEDED)
		return HTTP_TOO_LARGE;
	switch (curl_code) {
	case CURLE_OK:
		break;
	case CURLE_OPERATION_TIMEDOUT:
		return HTTP_TIMEOUT;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return HTTP_DNS;
	case CURLE_COULDNT_CONNECT:
		return HTTP_REFUSED;
	case CURLE_TOO_MANY_REDIRECTS:
	case CURLE_UNSUPPORTED_PROTOCOL:
		return HTTP_REDIRECT;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
		return HTTP_TLS;
	case CURLE_GOT_NOTHING:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return HTTP_BROKEN;
	default:
		return HTTP_FAILED;
	}
	if (status >= 200 && status < 300)
		return HTTP_OK;
	if (status == 304)
		return HTTP_NOT_MODIFIED;
	if (status == 401 || status == 403)
		return HTTP_AUTH;
	if (status == 404 || status == 410)
		return HTTP_MISSING;
	if (status == 408 || status == 429 || status >= 500)
		return HTTP_BUSY;
	if (status >= 300 && status < 400)
		return HTTP_REDIRECT;
	return HTTP_REJECTED;
}

int
http_outcome_exit(enum http_outcome o)
{
	switch (o) {
	case HTTP_OK:
	case HTTP_NOT_MODIFIED:
		return 0;
	case HTTP_BUSY:
	case HTTP_TIMEOUT:
	case HTTP_BROKEN:
		return EX_TEMPFAIL;
	case HTTP_TOO_LARGE:
		return EX_DATAERR;
	default:
		return EX_UNAVAILABLE;
	}
}

#define RETRY_AFTER_MAX 86400L

long
http_retry_after_parse(const char *value, time_t now)
{
	const char *p = value;
	long secs = 0;
	time_t t;

	while (*p == ' ' || *p == '\t')
		p++;
	if (isdigit((unsigned char)*p)) {
		for (; isdigit((unsigned char)*p); p++)
			if (secs < RETRY_AFTER_MAX)
				secs = secs * 10 + (*p - '0');
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '\0')
			return -1;
		return secs < RETRY_AFTER_MAX ? secs : RETRY_AFTER_MAX;
	}
	if (*p == '\0' || (t = curl_getdate(p, NULL)) == -1)
		return -1;
	if (t <= now)
		return 0;
	return t - now < RETRY_AFTER_MAX ? (long)(t - now) : RETRY_AFTER_MAX;
}

long
http_retry_wait(const struct http_retry *p, long status, long retry_after, int tries)
{
	long wait;

	if (tries > p->retries)
		return -1;
	if (status == 429)
		wait = retry_after >= 0 ? retry_after : 1;
	else if (status == 503 && retry_after >= 0)
		wait = retry_after;
	else
		return -1;
	return wait <= p->max_wait ? wait : -1;
}

int
http_retry_load(const struct config *cfg, const char *section, struct http_retry *out)
{
	long retries, wait;
	int r;

	if ((r = config_get_int(cfg, "http", NULL, "retries", HTTP_DEFAULT_RETRIES, 0, 10,
				&retries)) != 0 ||
	    (r = config_get_int(cfg, "http", NULL, "max_retry_after",
				HTTP_DEFAULT_MAX_RETRY_AFTER, 0, 3600, &wait)) != 0)
		return r;
	if (section != NULL &&
	    (r = config_get_int(cfg, section, NULL, "max_retry_after", wait, 0, 3600,
				&wait)) != 0)
		return r;
	out->retries = (int)retries;
	out->max_wait = wait;
	return 0;
}

/* ---- one transfer ---- */

/* The answer's body, growing, refused past max. */
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

/* The headers of the last answer that rota reads. */
struct heads {
	char *etag, *last_modified, *location, *retry_after;
};

static void
heads_free(struct heads *h)
{
	free(h->etag);
	free(h->last_modified);
	free(h->location);
	free(h->retry_after);
	memset(h, 0, sizeof *h);
}

/* Sets *SLOT to the value of header NAME when LINE is that header. */
static bool
header_value(const char *line, size_t len, const char *name, char **slot)
{
	size_t nl = strlen(name);
	const char *v, *e;

	if (len <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':')
		return false;
	v = line + nl + 1;
	e = line + len;
	while (v < e && (*v == ' ' || *v == '\t'))
		v++;
	while (e > v && isspace((unsigned char)e[-1]))
		e--;
	free(*slot);
	*slot = e > v ? xasprintf("%.*s", (int)(e - v), v) : NULL;
	return true;
}

static size_t
on_header(char *data, size_t size, size_t nmemb, void *arg)
{
	struct heads *h = arg;
	size_t n = size * nmemb;

	/* A status line starts the headers of the next answer (after a
	 * redirect): only the last answer's count. */
	if (n >= 5 && strncmp(data, "HTTP/", 5) == 0)
		heads_free(h);
	else if (!header_value(data, n, "ETag", &h->etag) &&
		 !header_value(data, n, "Last-Modified", &h->last_modified) &&
		 !header_value(data, n, "Location", &h->location))
		header_value(data, n, "Retry-After", &h->retry_after);
	return n;
}

static long
timeout_of(const struct http_request *rq)
{
	return rq->timeout > 0 ? rq->timeout : HTTP_DEFAULT_TIMEOUT;
}

static void
allow(CURL *h, const char *schemes)
{
#if LIBCURL_VERSION_NUM >= 0x075500        /* 7.85.0: CURLOPT_PROTOCOLS_STR */
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, schemes);
#else
	long bits = 0;

	if (strstr(schemes, "http") != NULL)
		bits |= strstr(schemes, "http,") || strcmp(schemes, "http") == 0 ?
			CURLPROTO_HTTP | CURLPROTO_HTTPS : CURLPROTO_HTTPS;
	if (strstr(schemes, "smtp") != NULL)
		bits |= CURLPROTO_SMTP | CURLPROTO_SMTPS;
	curl_easy_setopt(h, CURLOPT_PROTOCOLS, bits);
#endif
}

void
http_secure(CURL *h, long timeout, const char *ca_file)
{
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, timeout);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, timeout);
	/* Never off: a server that cannot prove who it is is not spoken to. */
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (ca_file != NULL)
		curl_easy_setopt(h, CURLOPT_CAINFO, ca_file);
	curl_easy_setopt(h, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
}

static struct curl_slist *
add_header(struct curl_slist *l, const char *name, const char *value)
{
	char *h;

	if (value == NULL || value[0] == '\0')
		return l;
	h = xasprintf("%s: %s", name, value);
	l = curl_slist_append(l, h);
	free(h);
	return l;
}

/* One request, no retry: fills RS's status, body, headers and outcome. */
static void
perform(CURL *h, const struct http_request *rq, struct http_response *rs)
{
	const char *method = rq->method ? rq->method : "GET";
	bool https = strncasecmp(rq->url, "https://", 8) == 0;
	struct sink sink = { 0 };
	struct heads heads = { 0 };
	struct curl_slist *hdrs = NULL;
	const char *eff = NULL;
	CURLcode rc;

	curl_easy_reset(h);
	rs->detail[0] = '\0';
	sink.max = rq->max_bytes > 0 ? rq->max_bytes : (size_t)HTTP_DEFAULT_MAX_BYTES;
	hdrs = add_header(hdrs, "If-None-Match", rq->etag);
	hdrs = add_header(hdrs, "If-Modified-Since", rq->last_modified);
	for (const char *const *p = rq->headers; p != NULL && *p != NULL; p++)
		hdrs = curl_slist_append(hdrs, *p);

	curl_easy_setopt(h, CURLOPT_URL, rq->url);
	if (strcmp(method, "GET") == 0)
		curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
	else if (strcmp(method, "POST") != 0)
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	if (rq->body != NULL) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, rq->body);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)rq->body_len);
	}
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, rs->detail);
	allow(h, "http,https");
	http_secure(h, timeout_of(rq), rq->ca_file);
	if (rq->follow_redirects) {
#if LIBCURL_VERSION_NUM >= 0x075500
		curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, https ? "https" : "http,https");
#else
		curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS,
				 https ? (long)CURLPROTO_HTTPS : (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
		curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
		curl_easy_setopt(h, CURLOPT_MAXREDIRS, (long)HTTP_MAX_REDIRECTS);
	}
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)sink.max);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &heads);
	if (rq->username != NULL) {
		curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(h, CURLOPT_USERNAME, rq->username);
		curl_easy_setopt(h, CURLOPT_PASSWORD, rq->password ? rq->password : "");
	}

	rc = curl_easy_perform(h);
	/* No option keeps a pointer to the password or the buffers past this. */
	curl_easy_setopt(h, CURLOPT_PASSWORD, NULL);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, NULL);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
	rs->status = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &rs->status);
	curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &eff);
	if (rs->detail[0] == '\0')
		snprintf(rs->detail, sizeof rs->detail, "%s", curl_easy_strerror(rc));
	rs->curl_code = (int)rc;
	rs->outcome = http_classify((int)rc, rs->status, sink.too_big);
	/* A 304 is news only to a conditional GET. */
	if (rs->outcome == HTTP_NOT_MODIFIED && !(rq->etag && rq->etag[0]) &&
	    !(rq->last_modified && rq->last_modified[0]))
		rs->outcome = HTTP_REDIRECT;
	free(rs->body);
	free(rs->etag);
	free(rs->last_modified);
	free(rs->location);
	free(rs->effective_url);
	rs->body = sink.buf;
	rs->len = sink.len;
	if (rs->outcome == HTTP_OK && rs->body == NULL)
		rs->body = xstrdup("");
	rs->etag = heads.etag;
	rs->last_modified = heads.last_modified;
	rs->location = heads.location;
	rs->retry_after = heads.retry_after ?
		http_retry_after_parse(heads.retry_after, time(NULL)) : -1;
	free(heads.retry_after);
	rs->effective_url = xstrdup(eff ? eff : rq->url);
	curl_slist_free_all(hdrs);
}

enum http_outcome
http_send(const struct http_request *rq, struct http_response *rs)
{
	CURL *h;

	memset(rs, 0, sizeof *rs);
	rs->retry_after = -1;
	if (!http_is_url(rq->url)) {
		rs->outcome = HTTP_FAILED;
		snprintf(rs->detail, sizeof rs->detail, "not an http:// or https:// URL");
		return rs->outcome;
	}
	if (http_init() != 0 ||
	    (h = rq->session ? rq->session->curl : curl_easy_init()) == NULL) {
		rs->outcome = HTTP_FAILED;
		snprintf(rs->detail, sizeof rs->detail, "libcurl could not be set up");
		return rs->outcome;
	}
	for (;;) {
		long wait;

		perform(h, rq, rs);
		rs->tries++;
		if (rs->outcome != HTTP_BUSY ||
		    (wait = http_retry_wait(&rq->retry, rs->status, rs->retry_after,
					    rs->tries)) < 0)
			break;
		nanosleep(&(struct timespec){ .tv_sec = (time_t)wait }, NULL);
	}
	if (rq->session == NULL)
		curl_easy_cleanup(h);
	return rs->outcome;
}

void
http_response_free(struct http_response *rs)
{
	free(rs->body);
	free(rs->etag);
	free(rs->last_modified);
	free(rs->location);
	free(rs->effective_url);
	memset(rs, 0, sizeof *rs);
}

/* ---- what went wrong, in words ---- */

/* "HTTP 404 Not Found" */
static char *
status_words(long status)
{
	const char *r = http_reason(status);

	return r ? xasprintf("HTTP %ld %s", status, r) : xasprintf("HTTP %ld", status);
}

/* Why a busy answer was not waited out, or how often it was asked. */
static char *
busy_note(const struct http_request *rq, const struct http_response *rs)
{
	if (rs->retry_after > rq->retry.max_wait &&
	    (rs->status == 429 || rs->status == 503))
		return xasprintf(" (it asks to wait %ld s; rota waits %ld s at most)",
				 rs->retry_after, rq->retry.max_wait);
	if (rs->tries > 1)
		return xasprintf(" (asked %d times)", rs->tries);
	return xstrdup("");
}

int
http_explain(const struct http_request *rq, const struct http_response *rs, char **msg)
{
	const struct http_peer *p = rq->peer;
	const char *name = p && p->name ? p->name : "the server";
	const char *method = rq->method ? rq->method : "GET";
	bool secret = p && p->secret_url;
	/* libcurl's own words name the host: not for a secret URL. */
	const char *detail = secret ? curl_easy_strerror((CURLcode)rs->curl_code) : rs->detail;
	char *url = p && p->short_url ? url_shown(rq->url) : xstrdup(rq->url);
	char *to = p && p->short_url && rs->location ? url_shown(rs->location) : NULL;
	char *at = secret ? xstrdup(name) : xasprintf("%s at %s", name, url);
	char *req = secret ? xstrdup("") : xasprintf(" for %s %s", method, url);
	char *st = status_words(rs->status), *note;
	int code = http_outcome_exit(rs->outcome);

	*msg = NULL;
	switch (rs->outcome) {
	case HTTP_OK:
	case HTTP_NOT_MODIFIED:
		break;
	case HTTP_REFUSED:
		*msg = xasprintf("cannot connect to %s (is it running, is the URL right?)", at);
		break;
	case HTTP_DNS:
		*msg = xasprintf("cannot find %s%s%s (is the URL right?)", at,
				 detail[0] ? ": " : "", detail);
		break;
	case HTTP_TLS:
		*msg = xasprintf("TLS with %s failed%s%s (certificates are always verified: "
				 "the server's must name its host and come from an authority "
				 "this system trusts)", at, detail[0] ? ": " : "", detail);
		break;
	case HTTP_TIMEOUT:
		*msg = xasprintf("%s did not answer within %ld s (try again later%s%s%s)", at,
				 timeout_of(rq), p && p->timeout_key ? "; " : "",
				 p && p->timeout_key ? p->timeout_key : "",
				 p && p->timeout_key ? " sets the limit" : "");
		break;
	case HTTP_BROKEN:
		*msg = xasprintf("%s broke the connection off%s%s (try again later)", at,
				 detail[0] ? ": " : "", detail);
		break;
	case HTTP_TOO_LARGE:
		*msg = xasprintf("%s answered more than %zu bytes", at,
				 rq->max_bytes > 0 ? rq->max_bytes : (size_t)HTTP_DEFAULT_MAX_BYTES);
		break;
	case HTTP_REDIRECT:
		if (rs->curl_code == CURLE_TOO_MANY_REDIRECTS)
			*msg = xasprintf("%s redirects more than %d times", at, HTTP_MAX_REDIRECTS);
		else if (rs->curl_code != CURLE_OK)
			*msg = xasprintf("%s redirects to an address rota does not follow (%s)",
					 at, detail);
		else if (rs->location != NULL && !secret)
			*msg = xasprintf("%s redirects%s (%s) to %s: use that URL", name, req, st,
					 to ? to : rs->location);
		else
			*msg = xasprintf("%s answered %s%s, which rota does not follow", name, st,
					 req);
		break;
	case HTTP_AUTH:
		*msg = xasprintf("%s answered %s%s: %s", name, st, req,
				 p && p->auth_hint ? p->auth_hint : "it wants credentials");
		break;
	case HTTP_MISSING:
		*msg = xasprintf("%s answered %s%s: %s", name, st, req,
				 p && p->missing_hint ? p->missing_hint : "is the URL right?");
		break;
	case HTTP_BUSY:
		note = busy_note(rq, rs);
		*msg = xasprintf("%s answered %s%s: try again later%s", name, st, req, note);
		free(note);
		break;
	case HTTP_REJECTED:
		*msg = xasprintf("%s answered %s%s", name, st, req);
		break;
	case HTTP_FAILED:
		*msg = xasprintf("%s: %s", at, detail[0] ? detail : "the request failed");
		break;
	}
	if (*msg == NULL && code != 0)
		*msg = xasprintf("%s: %s", at, detail);
	free(url);
	free(to);
	free(at);
	free(req);
	free(st);
	return code;
}

int
http_fail(const struct http_request *rq, const struct http_response *rs)
{
	char *msg;
	int code = http_explain(rq, rs, &msg);

	if (msg != NULL)
		rota_fail(code, "%s", msg);
	free(msg);
	return code;
}

int
http_call(const struct http_request *rq, struct http_response *rs)
{
	enum http_outcome o = http_send(rq, rs);

	if (o == HTTP_OK || o == HTTP_NOT_MODIFIED)
		return 0;
	return http_fail(rq, rs);
}
