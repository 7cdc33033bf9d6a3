/* libFuzzer target of the parsers of `rota page pull` (reports/pull.h):
 * a page of PagerDuty's or Opsgenie's API as JSON in, pages or a refusal
 * out, never a crash, a leak or an undefined behaviour. Seeds:
 * fuzz/pull-json-seeds/.
 *
 * The first byte chooses the parser (and is not part of the body):
 *   'i' pagerduty_parse_incidents (GET /incidents),
 *   'l' pagerduty_apply_log_entries (GET /log_entries) over the incidents
 *       of INCIDENTS below,
 *   'a' opsgenie_parse_alerts (GET /v2/alerts);
 * any other first byte: each of the three in turn over the whole input. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "reports/pull.h"

static const char INCIDENTS[] =
	"{\"incidents\": ["
	"{\"id\": \"PA1\", \"created_at\": \"2027-01-04T03:12:00Z\", \"title\": \"disk\","
	" \"service\": {\"summary\": \"checkout\"}, \"urgency\": \"high\"},"
	"{\"id\": \"PB2\", \"created_at\": \"2027-01-13T19:30:00Z\"},"
	"{\"id\": \"PC3\", \"created_at\": \"2027-01-20T14:00:00Z\"}], \"more\": false}";

/* A page as a parser may leave it: its texts end inside their fields. */
static void
check(const struct page_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		const struct page *p = &v->v[i];

		if (strnlen(p->source_id, sizeof p->source_id) == sizeof p->source_id ||
		    strnlen(p->alert, sizeof p->alert) == sizeof p->alert ||
		    strnlen(p->service, sizeof p->service) == sizeof p->service ||
		    strnlen(p->responder_name, sizeof p->responder_name) ==
			    sizeof p->responder_name ||
		    strnlen(p->urgency, sizeof p->urgency) == sizeof p->urgency)
			abort();
	}
}

static void
incidents(const char *body)
{
	struct page_vec v = { 0 };
	char err[256];
	bool more;

	if (pagerduty_parse_incidents(body, &v, &more, err, sizeof err) == 0)
		check(&v);
	page_vec_free(&v);
}

static void
log_entries(const char *body)
{
	struct page_vec v = { 0 };
	char err[256];
	bool more;

	if (pagerduty_parse_incidents(INCIDENTS, &v, &more, err, sizeof err) != 0 || v.n != 3)
		abort();
	if (pagerduty_apply_log_entries(body, &v, &more, err, sizeof err) == 0)
		check(&v);
	page_vec_free(&v);
}

static void
alerts(const char *body)
{
	struct page_vec v = { 0 };
	char err[256], *next = NULL;

	if (opsgenie_parse_alerts(body, &v, &next, err, sizeof err) == 0)
		check(&v);
	free(next);
	page_vec_free(&v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *body;

	fuzz_quiet();
	if (size == 0)
		return 0;
	body = fuzz_string(data + 1, size - 1);
	switch (data[0]) {
	case 'i':
		incidents(body);
		break;
	case 'l':
		log_entries(body);
		break;
	case 'a':
		alerts(body);
		break;
	default:
		free(body);
		body = fuzz_string(data, size);
		incidents(body);
		log_entries(body);
		alerts(body);
	}
	free(body);
	return 0;
}
