/* The HTTP side of `rota page pull`: paged GETs through http/http.h,
 * which waits out 429 answers. See pull.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "http/http.h"
#include "reports/pull.h"

#define PAGE_LIMIT 100
#define BODY_MAX (64L * 1024 * 1024)  /* one page of 100 is far smaller */
/* The answers one list may take (100,000 items): an API that always says
 * there is more would otherwise be asked forever, the pages growing. */
#define ANSWERS_MAX 1000

static const struct http_peer peers[] = {
	[PULL_PAGERDUTY] = {
		.name = "PagerDuty", .timeout_key = "[pagerduty] timeout_seconds",
		.auth_hint = "the token was refused (check ROTA_PAGERDUTY_TOKEN or "
			     "[pagerduty] token_file)",
		.missing_hint = "is [pagerduty] api_url right?",
	},
	[PULL_OPSGENIE] = {
		.name = "Opsgenie", .timeout_key = "[opsgenie] timeout_seconds",
		.auth_hint = "the token was refused (check ROTA_OPSGENIE_TOKEN or "
			     "[opsgenie] token_file)",
		.missing_hint = "is [opsgenie] api_url right?",
	},
};

struct http {
	struct http_session *session;
	const char *const *headers;
	const struct pull_request *req;
	const char *name;             /* "pagerduty", for messages */
};

/* GETs URL into *B (freed first), with the retry policy of the pull:
 * 0, or the exit status after printing why. No redirects: the token
 * must not follow one to another host. */
static int
get(struct http *h, const char *url, struct http_response *b)
{
	struct http_request rq = {
		.peer = &peers[h->req->source], .url = url, .headers = h->headers,
		.timeout = h->req->timeout_seconds, .max_bytes = BODY_MAX,
		.retry = h->req->retry, .session = h->session,
	};

	http_response_free(b);
	return http_call(&rq, b);
}

static int
malformed(const struct http *h, const char *url, const char *why)
{
	return rota_fail(EX_DATAERR, "%s: GET %s: unexpected answer: %s", h->name, url, why);
}

/* 0 while a list has taken fewer than ANSWERS_MAX answers (N so far),
 * else exit 65 saying so: URL was the last one and still said more. */
static int
too_many(const struct http *h, const char *url, long n)
{
	char why[160];

	if (n < ANSWERS_MAX)
		return 0;
	snprintf(why, sizeof why, "more than %d answers of %d items: pull a shorter "
		 "window (--since, --until)", ANSWERS_MAX, PAGE_LIMIT);
	return malformed(h, url, why);
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
	struct http_response b = { 0 };
	bool more = true;
	int rc = 0;

	for (long n = 0; rc == 0 && more; n++) {
		snprintf(url, sizeof url, "%s/incidents?since=%s&until=%s&limit=%d&offset=%ld"
			 "&time_zone=UTC", r->api_url, since, until, PAGE_LIMIT, n * PAGE_LIMIT);
		if ((rc = get(h, url, &b)) == 0 &&
		    pagerduty_parse_incidents(b.body, out, &more, err, sizeof err) < 0)
			rc = malformed(h, url, err);
		if (rc == 0 && more)
			rc = too_many(h, url, n + 1);
	}
	/* Acknowledgements and resolutions may come after the window. */
	more = out->n > 0;
	for (long n = 0; rc == 0 && more; n++) {
		snprintf(url, sizeof url, "%s/log_entries?since=%s&until=%s&limit=%d&offset=%ld"
			 "&time_zone=UTC", r->api_url, since, now, PAGE_LIMIT, n * PAGE_LIMIT);
		if ((rc = get(h, url, &b)) == 0 &&
		    pagerduty_apply_log_entries(b.body, out, &more, err, sizeof err) < 0)
			rc = malformed(h, url, err);
		if (rc == 0 && more)
			rc = too_many(h, url, n + 1);
	}
	http_response_free(&b);
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
	struct http_response b = { 0 };
	size_t base = strlen(r->api_url);
	long n = 0;
	int rc = 0;

	/* Opsgenie's search syntax takes createdAt in epoch milliseconds. */
	snprintf(query, sizeof query, "createdAt>=%lld AND createdAt<%lld",
		 (long long)r->since * 1000, (long long)r->until * 1000);
	escaped = curl_easy_escape(NULL, query, 0);
	url = xmalloc(base + strlen(escaped) + 96);
	sprintf(url, "%s/v2/alerts?query=%s&limit=%d&offset=0&sort=createdAt&order=asc",
		r->api_url, escaped, PAGE_LIMIT);
	curl_free(escaped);
	while (rc == 0 && url != NULL) {
		if ((rc = get(h, url, &b)) == 0 &&
		    opsgenie_parse_alerts(b.body, out, &next, err, sizeof err) < 0)
			rc = malformed(h, url, err);
		/* The key goes nowhere but the configured API. */
		if (rc == 0 && next != NULL &&
		    (strncmp(next, r->api_url, base) != 0 || next[base] != '/'))
			rc = malformed(h, url, "paging.next leaves the API host");
		if (rc == 0 && next != NULL)
			rc = too_many(h, url, ++n);
		free(url);
		url = next;
		next = NULL;
	}
	free(url);
	http_response_free(&b);
	return rc;
}

int
pull_pages(const struct pull_request *r, struct page_vec *out)
{
	struct http h = { .req = r };
	char auth[4200];
	const char *headers[] = { auth, NULL, NULL };
	int rc;

	h.name = r->source == PULL_PAGERDUTY ? "pagerduty" : "opsgenie";
	if ((h.session = http_session_new()) == NULL)
		return EX_SOFTWARE;
	if (r->source == PULL_PAGERDUTY) {
		snprintf(auth, sizeof auth, "Authorization: Token token=%s", r->token);
		headers[1] = "Accept: application/vnd.pagerduty+json;version=2";
	} else {
		snprintf(auth, sizeof auth, "Authorization: GenieKey %s", r->token);
	}
	h.headers = headers;
	rc = r->source == PULL_PAGERDUTY ? pull_pagerduty(&h, out) : pull_opsgenie(&h, out);
	explicit_bzero(auth, sizeof auth);
	http_session_free(h.session);
	if (rc != 0)
		page_vec_free(out);
	return rc;
}
