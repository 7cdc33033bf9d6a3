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

#include "common/text.h"
#include "fuzz/fuzz.h"
#include "reports/pull.h"

static const char INCIDENTS[] =
	"{\"incidents\": ["
	"{\"id\": \"PA1\", \"created_at\": \"2027-01-04T03:12:00Z\", \"title\": \"disk\","
	" \"service\": {\"summary\": \"checkout\"}, \"urgency\": \"high\"},"
	"{\"id\": \"PB2\", \"created_at\": \"2027-01-13T19:30:00Z\"},"
	"{\"id\": \"PC3\", \"created_at\": \"2027-01-20T14:00:00Z\"}], \"more\": false}";

/* A page as a parser may leave it: its texts end inside their fields,
 * and each follows the rule for text of common/text.h (valid UTF-8, no
 * control character but tab, a line feed only in the alert): the parsers
 * check every text where it enters, and cut one only at a whole
 * character, so none that breaks the rule may be stored. */
static void
check(const struct page_vec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		const struct page *p = &v->v[i];
		const char *line[] = { p->source, p->source_id, p->service, p->responder_name,
				       p->urgency, p->runbook_url };

		if (strnlen(p->source_id, sizeof p->source_id) == sizeof p->source_id ||
		    strnlen(p->alert, sizeof p->alert) == sizeof p->alert ||
		    strnlen(p->service, sizeof p->service) == sizeof p->service ||
		    strnlen(p->responder_name, sizeof p->responder_name) ==
			    sizeof p->responder_name ||
		    strnlen(p->urgency, sizeof p->urgency) == sizeof p->urgency ||
		    strnlen(p->runbook_url, sizeof p->runbook_url) == sizeof p->runbook_url)
			abort();
		for (size_t k = 0; k < sizeof line / sizeof line[0]; k++)
			if (text_fault(line[k], TEXT_LINE, NULL, 0) != 0)
				abort();
		if (text_fault(p->alert, TEXT_LINES, NULL, 0) != 0)
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
