/* The HTTP side of `rota page pull`: paged GETs through libcurl, with
 * 429 answers waited out. See pull.h. */
#include <config.h>

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "reports/pull.h"

#define PAGE_LIMIT 100
#define BODY_MAX (64L * 1024 * 1024)  /* one page of 100 is far smaller */
#define RETRIES 5

struct body {
	char *data;
	size_t len;
};

struct http {
	CURL *curl;
	struct curl_slist *headers;
	const struct pull_request *req;
	const char *name;             /* "pagerduty", for messages */
};

static size_t
collect(char *data, size_t size, size_t n, void *arg)
{
	struct body *b = arg;
	size_t add = size * n;

	if (b->len + add > BODY_MAX)
		return 0;  /* curl fails the transfer: CURLE_WRITE_ERROR */
	b->data = xreallocarray(b->data, b->len + add + 1, 1);
	memcpy(b->data + b->len, data, add);
	b->len += add;
	b->data[b->len] = '\0';
	return add;
}

/* The status for a transfer that failed before an HTTP answer. */
static int
transfer_failed(const struct http *h, const char *url, CURLcode rc)
{
	int status = rc == CURLE_OPERATION_TIMEDOUT ? EX_TEMPFAIL : EX_UNAVAILABLE;

	return rota_fail(status, "%s: GET %s: %s", h->name, url, curl_easy_strerror(rc));
}

/* The status for an HTTP answer other than 200. */
static int
http_failed(const struct http *h, const char *url, long code)
{
	const char *env = h->req->source == PULL_PAGERDUTY ? "ROTA_PAGERDUTY_TOKEN"
							   : "ROTA_OPSGENIE_TOKEN";

	if (code == 401 || code == 403)
		return rota_fail(EX_UNAVAILABLE, "%s: GET %s: HTTP %ld: the token was refused "
				 "(check %s or [%s] token_file)", h->name, url, code, env, h->name);
	if (code >= 500)
		return rota_fail(EX_TEMPFAIL, "%s: GET %s: HTTP %ld: the service failed; "
				 "try again later", h->name, url, code);
	return rota_fail(EX_UNAVAILABLE, "%s: GET %s: HTTP %ld", h->name, url, code);
}

/* GETs URL into *B (caller frees b->data), waiting out 429 answers. */
static int
get(struct http *h, const char *url, struct body *b)
{
	for (int attempt = 0;; attempt++) {
		curl_off_t wait = 0;
		long code = 0;
		CURLcode rc;

		free(b->data);
		b->data = NULL;
		b->len = 0;
		curl_easy_setopt(h->curl, CURLOPT_URL, url);
		curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, b);
		if ((rc = curl_easy_perform(h->curl)) != CURLE_OK)
			return transfer_failed(h, url, rc);
		curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &code);
		if (code == 200 && b->data != NULL)
			return 0;
		if (code != 429)
			return http_failed(h, url, code);
		curl_easy_getinfo(h->curl, CURLINFO_RETRY_AFTER, &wait);
		if (wait <= 0)
			wait = 1;
		if (attempt == RETRIES || wait > h->req->max_retry_after)
			return rota_fail(EX_TEMPFAIL, "%s: rate limited (HTTP 429, retry after "
					 "%ld s); try again later", h->name, (long)wait);
		nanosleep(&(struct timespec){ .tv_sec = (time_t)wait }, NULL);
	}
}

static int
malformed(const struct http *h, const char *url, const char *why)
{
	return rota_fail(EX_DATAERR, "%s: GET %s: unexpected answer: %s", h->name, url, why);
}

static char *
iso(int64_t t)
{
	char buf[32];

	time_format_utc(t, buf, sizeof buf);
	return xstrdup(buf);
}

static int
pull_pagerduty(struct http *h, struct page_vec *out)
{
	const struct pull_request *r = h->req;
	char *since = iso(r->since), *until = iso(r->until), *now = iso(r->now);
	char url[1024], err[256];
	struct body b = { 0 };
	bool more = true;
	int rc = 0;

	for (long offset = 0; rc == 0 && more; offset += PAGE_LIMIT) {
		snprintf(url, sizeof url, "%s/incidents?since=%s&until=%s&limit=%d&offset=%ld"
			 "&time_zone=UTC", r->api_url, since, until, PAGE_LIMIT, offset);
		if ((rc = get(h, url, &b)) == 0 &&
		    pagerduty_parse_incidents(b.data, out, &more, err, sizeof err) < 0)
			rc = malformed(h, url, err);
	}
	/* Acknowledgements and resolutions may come after the window. */
	more = out->n > 0;
	for (long offset = 0; rc == 0 && more; offset += PAGE_LIMIT) {
		snprintf(url, sizeof url, "%s/log_entries?since=%s&until=%s&limit=%d&offset=%ld"
			 "&time_zone=UTC", r->api_url, since, now, PAGE_LIMIT, offset);
		if ((rc = get(h, url, &b)) == 0 &&
		    pagerduty_apply_log_entries(b.data, out, &more, err, sizeof err) < 0)
			rc = malformed(h, url, err);
	}
	free(b.data);
	free(since);
	free(until);
	free(now);
	return rc;
}

static int
pull_opsgenie(struct http *h, struct page_vec *out)
{
	const struct pull_request *r = h->req;
	char query[128], err[256], *url, *next = NULL, *escaped;
	struct body b = { 0 };
	size_t base = strlen(r->api_url);
	int rc = 0;

	/* Opsgenie's search syntax takes createdAt in epoch milliseconds. */
	snprintf(query, sizeof query, "createdAt>=%lld AND createdAt<%lld",
		 (long long)r->since * 1000, (long long)r->until * 1000);
	escaped = curl_easy_escape(h->curl, query, 0);
	url = xmalloc(base + strlen(escaped) + 96);
	sprintf(url, "%s/v2/alerts?query=%s&limit=%d&offset=0&sort=createdAt&order=asc",
		r->api_url, escaped, PAGE_LIMIT);
	curl_free(escaped);
	while (rc == 0 && url != NULL) {
		if ((rc = get(h, url, &b)) == 0 &&
		    opsgenie_parse_alerts(b.data, out, &next, err, sizeof err) < 0)
			rc = malformed(h, url, err);
		/* The key goes nowhere but the configured API. */
		if (rc == 0 && next != NULL &&
		    (strncmp(next, r->api_url, base) != 0 || next[base] != '/'))
			rc = malformed(h, url, "paging.next leaves the API host");
		free(url);
		url = next;
		next = NULL;
	}
	free(url);
	free(b.data);
	return rc;
}

int
pull_pages(const struct pull_request *r, struct page_vec *out)
{
	struct http h = { .req = r };
	char auth[4200];
	int rc;

	h.name = r->source == PULL_PAGERDUTY ? "pagerduty" : "opsgenie";
	if ((h.curl = curl_easy_init()) == NULL)
		return rota_fail(EX_OSERR, "cannot start libcurl");
	if (r->source == PULL_PAGERDUTY) {
		snprintf(auth, sizeof auth, "Authorization: Token token=%s", r->token);
		h.headers = curl_slist_append(h.headers,
					      "Accept: application/vnd.pagerduty+json;version=2");
	} else {
		snprintf(auth, sizeof auth, "Authorization: GenieKey %s", r->token);
	}
	h.headers = curl_slist_append(h.headers, auth);
	explicit_bzero(auth, sizeof auth);
	curl_easy_setopt(h.curl, CURLOPT_HTTPHEADER, h.headers);
	curl_easy_setopt(h.curl, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h.curl, CURLOPT_TIMEOUT, r->timeout_seconds);
	curl_easy_setopt(h.curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h.curl, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	curl_easy_setopt(h.curl, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);
	/* No redirects: the token must not follow one to another host. TLS
	 * peers and host names are verified (libcurl's defaults, kept). */
	curl_easy_setopt(h.curl, CURLOPT_FOLLOWLOCATION, 0L);
	rc = r->source == PULL_PAGERDUTY ? pull_pagerduty(&h, out) : pull_opsgenie(&h, out);
	curl_slist_free_all(h.headers);
	curl_easy_cleanup(h.curl);
	if (rc != 0)
		page_vec_free(out);
	return rc;
}
