/* Pulling pages from PagerDuty's and Opsgenie's REST APIs.
 *
 *  - PagerDuty (REST API v2): GET /incidents?since&until, 100 a page by
 *    offset while "more" is true, then GET /log_entries over the same
 *    window up to now for who acknowledged, when it was resolved and
 *    whether it escalated. Header `Authorization: Token token=...`.
 *  - Opsgenie (Alert API v2): GET /v2/alerts with a createdAt query,
 *    100 a page, following "paging.next" (only while it stays on the
 *    configured API host, so the key is never sent elsewhere). Header
 *    `Authorization: GenieKey ...`.
 *
 * HTTP goes through http/http.h: a 429, or a 503 with Retry-After, is
 * asked again after its Retry-After (bounded by the policy); any other
 * failure ends the pull with nothing returned, with http.h's message and
 * exit status: the caller imports all of a pull or none of it. TLS peers
 * are always verified; redirects are not followed. */
#ifndef ROTA_PULL_H
#define ROTA_PULL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http/http.h"
#include "store/store.h"

enum pull_source { PULL_PAGERDUTY, PULL_OPSGENIE };

struct pull_request {
	enum pull_source source;
	const char *api_url;          /* "https://api.pagerduty.com", no trailing / */
	const char *token;            /* a secret: never printed */
	int64_t since, until;         /* pages created in [since, until) */
	int64_t now;                  /* log entries are read up to now */
	long timeout_seconds;         /* per request */
	struct http_retry retry;      /* 429 and 503 asked again (http/http.h) */
};

/* A growable array of pages. */
struct page_vec {
	struct page *v;
	size_t n, cap;
};

/* A new zeroed page at the end of VEC. */
struct page *page_vec_push(struct page_vec *vec);
void page_vec_free(struct page_vec *vec);

/* The pages of R's source, as the source gave them: source, source_id,
 * times, responder_name (the acknowledger, else the assignee or owner), service,
 * alert, urgency, escalated and acted set; responder and class left for
 * the importer. Returns 0, or a sysexits status after printing why
 * (69 unreachable or refused, 75 server error, timeout or rate limited
 * too long, 65 a body that is not what the API returns). */
int pull_pages(const struct pull_request *r, struct page_vec *out);

/* The parsers, apart from the transport for unit tests. Each returns 0,
 * or -1 with a reason in ERR (ERRLEN bytes). */

/* One page of GET /incidents: appends its incidents; *more gets "more". */
int pagerduty_parse_incidents(const char *body, struct page_vec *out, bool *more,
			      char *err, size_t errlen);
/* One page of GET /log_entries: applies acknowledgements, resolutions
 * and escalations to the matching incidents of PAGES. */
int pagerduty_apply_log_entries(const char *body, struct page_vec *pages,
				bool *more, char *err, size_t errlen);
/* One page of GET /v2/alerts: appends its alerts; *next gets a copy of
 * paging.next (caller frees) or NULL on the last page. */
int opsgenie_parse_alerts(const char *body, struct page_vec *out, char **next,
			  char *err, size_t errlen);

/* An API's time: ISO 8601 with Z or an offset, fractional seconds
 * ignored ("2027-01-04T03:12:00.636Z"). 0 or -1. */
int api_time_parse(const char *s, int64_t *out);

#endif
