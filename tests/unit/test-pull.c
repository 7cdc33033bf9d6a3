/* The parsers of PagerDuty's and Opsgenie's answers (reports/pull.h):
 * bodies shaped like the services' documented ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/tz.h"
#include "reports/pull.h"

static int64_t
at(int y, int mo, int d, int h, int mi, int s)
{
	return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

static const char incidents[] =
	"{\"incidents\": ["
	" {\"id\": \"PT4KHLK\", \"incident_number\": 1234, \"title\": \"The server is on fire.\","
	"  \"created_at\": \"2027-01-05T02:10:00Z\", \"status\": \"resolved\", \"urgency\": \"high\","
	"  \"service\": {\"id\": \"PIJ90N7\", \"type\": \"service_reference\", \"summary\": \"My Mail Service\"},"
	"  \"assignments\": [], \"acknowledgements\": []},"
	" {\"id\": \"PQ2BBBB\", \"title\": \"Latency\", \"created_at\": \"2027-01-06T14:00:00+01:00\","
	"  \"urgency\": \"low\", \"service\": {\"summary\": \"api\"},"
	"  \"assignments\": [{\"assignee\": {\"summary\": \"Bo Berg\"}}],"
	"  \"acknowledgements\": [{\"at\": \"2027-01-06T13:03:00Z\", \"acknowledger\": {\"summary\": \"Cy Diaz\"}}]}"
	"], \"limit\": 100, \"offset\": 0, \"more\": true}";

static void
pagerduty_incidents_become_pages(void **state)
{
	struct page_vec v = { 0 };
	char err[128] = "";
	bool more = false;

	(void)state;
	assert_int_equal(pagerduty_parse_incidents(incidents, &v, &more, err, sizeof err), 0);
	assert_true(more);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.v[0].source, "pagerduty");
	assert_string_equal(v.v[0].source_id, "PT4KHLK");
	assert_int_equal(v.v[0].created, at(2027, 1, 5, 2, 10, 0));
	assert_string_equal(v.v[0].alert, "The server is on fire.");
	assert_string_equal(v.v[0].service, "My Mail Service");
	assert_string_equal(v.v[0].urgency, "high");
	assert_string_equal(v.v[0].responder_name, "");
	assert_int_equal(v.v[0].acknowledged, 0);
	assert_false(v.v[0].acted);
	/* An offset is honoured; the acknowledger wins over the assignee. */
	assert_int_equal(v.v[1].created, at(2027, 1, 6, 13, 0, 0));
	assert_int_equal(v.v[1].acknowledged, at(2027, 1, 6, 13, 3, 0));
	assert_string_equal(v.v[1].responder_name, "Cy Diaz");
	assert_true(v.v[1].acted);
	page_vec_free(&v);
}

static void
pagerduty_log_entries_give_ack_resolve_escalation(void **state)
{
	static const char entries[] =
		"{\"log_entries\": ["
		" {\"type\": \"resolve_log_entry\", \"created_at\": \"2027-01-05T03:00:00Z\","
		"  \"agent\": {\"type\": \"service_reference\", \"summary\": \"My Mail Service\"},"
		"  \"incident\": {\"id\": \"PT4KHLK\"}},"
		" {\"type\": \"acknowledge_log_entry\", \"created_at\": \"2027-01-05T02:20:00Z\","
		"  \"agent\": {\"type\": \"user_reference\", \"summary\": \"Late Larry\"},"
		"  \"incident\": {\"id\": \"PT4KHLK\"}},"
		" {\"type\": \"acknowledge_log_entry\", \"created_at\": \"2027-01-05T02:14:00Z\","
		"  \"agent\": {\"type\": \"user_reference\", \"summary\": \"Ana Lopez\"},"
		"  \"incident\": {\"id\": \"PT4KHLK\"}},"
		" {\"type\": \"escalate_log_entry\", \"created_at\": \"2027-01-05T02:25:00Z\","
		"  \"incident\": {\"id\": \"PT4KHLK\"}},"
		" {\"type\": \"acknowledge_log_entry\", \"created_at\": \"2027-01-05T02:14:00Z\","
		"  \"agent\": {\"type\": \"user_reference\", \"summary\": \"Other\"},"
		"  \"incident\": {\"id\": \"PNOTOURS\"}}"
		"], \"more\": false}";
	struct page_vec v = { 0 };
	char err[128] = "";
	bool more = true;
	struct page *p;

	(void)state;
	assert_int_equal(pagerduty_parse_incidents(incidents, &v, &more, err, sizeof err), 0);
	assert_int_equal(pagerduty_apply_log_entries(entries, &v, &more, err, sizeof err), 0);
	assert_false(more);
	p = strcmp(v.v[0].source_id, "PT4KHLK") == 0 ? &v.v[0] : &v.v[1];
	assert_string_equal(p->source_id, "PT4KHLK");
	/* The first acknowledgement counts, whatever the order of entries. */
	assert_int_equal(p->acknowledged, at(2027, 1, 5, 2, 14, 0));
	assert_string_equal(p->responder_name, "Ana Lopez");
	assert_int_equal(p->resolved, at(2027, 1, 5, 3, 0, 0));
	assert_true(p->escalated);
	assert_true(p->acted);
	page_vec_free(&v);
}

static void
opsgenie_alerts_become_pages(void **state)
{
	static const char body[] =
		"{\"data\": ["
		" {\"id\": \"70413a06-38d6-4c85-92b8-5ebc900d42e2\", \"tinyId\": \"1791\","
		"  \"message\": \"Disk full\", \"createdAt\": \"2027-01-05T01:00:00.636Z\","
		"  \"acknowledged\": true, \"priority\": \"P1\", \"owner\": \"bo@example.com\","
		"  \"tags\": [\"db\", \"escalated\"], \"entity\": \"database\", \"source\": \"Datadog\","
		"  \"report\": {\"ackTime\": 180500, \"closeTime\": 3600000, \"acknowledgedBy\": \"ana@example.com\"}},"
		" {\"id\": \"og-2\", \"message\": \"Flappy\", \"createdAt\": \"2027-01-07T12:00:00Z\","
		"  \"acknowledged\": false, \"priority\": \"P5\", \"owner\": \"\", \"tags\": [],"
		"  \"source\": \"Prometheus\", \"report\": {\"closeTime\": 60000}}"
		"], \"paging\": {\"next\": \"https://api.opsgenie.com/v2/alerts?offset=2\"}, \"took\": 0.1}";
	struct page_vec v = { 0 };
	char err[128] = "", *next = NULL;

	(void)state;
	assert_int_equal(opsgenie_parse_alerts(body, &v, &next, err, sizeof err), 0);
	assert_string_equal(next, "https://api.opsgenie.com/v2/alerts?offset=2");
	assert_int_equal(v.n, 2);
	assert_string_equal(v.v[0].source, "opsgenie");
	assert_string_equal(v.v[0].source_id, "70413a06-38d6-4c85-92b8-5ebc900d42e2");
	assert_int_equal(v.v[0].created, at(2027, 1, 5, 1, 0, 0));
	/* ackTime and closeTime are milliseconds after creation. */
	assert_int_equal(v.v[0].acknowledged, at(2027, 1, 5, 1, 3, 0));
	assert_int_equal(v.v[0].resolved, at(2027, 1, 5, 2, 0, 0));
	assert_string_equal(v.v[0].responder_name, "ana@example.com");
	assert_string_equal(v.v[0].service, "database");
	assert_string_equal(v.v[0].urgency, "P1");
	assert_true(v.v[0].escalated);
	assert_true(v.v[0].acted);
	assert_string_equal(v.v[1].service, "Prometheus");
	assert_int_equal(v.v[1].acknowledged, 0);
	assert_int_equal(v.v[1].resolved, at(2027, 1, 7, 12, 1, 0));
	assert_false(v.v[1].acted);
	assert_false(v.v[1].escalated);
	free(next);
	page_vec_free(&v);
}

static void
malformed_answers_are_refused(void **state)
{
	static const char *bad[] = {
		"<html>maintenance</html>",
		"{\"incidents\": {}}",
		"{\"incidents\": [{\"title\": \"no id\"}]}",
		"{\"incidents\": [{\"id\": \"P1\", \"created_at\": \"yesterday\"}]}",
		"[1, 2]",
	};
	struct page_vec v = { 0 };
	char err[128], *next;
	bool more;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		assert_int_equal(pagerduty_parse_incidents(bad[i], &v, &more, err, sizeof err), -1);
		assert_true(err[0] != '\0');
	}
	assert_int_equal(opsgenie_parse_alerts("{\"data\": [{\"id\": \"x\"}]}", &v, &next,
					       err, sizeof err), -1);
	assert_string_equal(err, "an alert without id or createdAt");
	assert_int_equal(pagerduty_apply_log_entries("{\"log_entries\": [{}]}", &v, &more,
						     err, sizeof err), -1);
	page_vec_free(&v);
}

static void
api_times_drop_fractions(void **state)
{
	int64_t t;

	(void)state;
	assert_int_equal(api_time_parse("2027-01-05T01:00:00.636Z", &t), 0);
	assert_int_equal(t, at(2027, 1, 5, 1, 0, 0));
	assert_int_equal(api_time_parse("2028-02-29T23:59:59.9-05:00", &t), 0);
	assert_int_equal(t, at(2028, 3, 1, 4, 59, 59));
	assert_int_equal(api_time_parse("2027-01-05", &t), 0);
	assert_int_equal(api_time_parse("2027-01-05T01:00:00.Zjunk", &t), -1);
	assert_int_equal(api_time_parse("soon", &t), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pagerduty_incidents_become_pages),
		cmocka_unit_test(pagerduty_log_entries_give_ack_resolve_escalation),
		cmocka_unit_test(opsgenie_alerts_become_pages),
		cmocka_unit_test(malformed_answers_are_refused),
		cmocka_unit_test(api_times_drop_fractions),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	tz_cleanup();
	return rc;
}
