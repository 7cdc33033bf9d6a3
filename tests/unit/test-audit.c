/* service/audit.c without the command line: the trail as each reader may
 * see it (a volunteer reads nobody else's leave reason or import source). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "service/audit.h"
#include "service/leave.h"
#include "tests/unit/service-fixture.h"

/* ana and bo take leave with a reason; ana removes hers; a leave import
 * of cy's is audited with its source. */
static void
story(struct team *t)
{
	struct leave l;
	struct person p;

	act_as(t, &t->ana);
	assert_int_equal(leave_add(&t->svc, NULL, "2027-02-01", "2027-02-03", "surgery", &l, &p), 0);
	act_as(t, &t->bo);
	assert_int_equal(leave_add(&t->svc, NULL, "2027-03-01", "2027-03-02", "wedding", &l, &p), 0);
	act_as(t, &t->ana);
	assert_int_equal(leave_remove(&t->svc, 1, &l, &p), 0);
	act_as(t, &t->cy);
	assert_int_equal(svc_audit(&t->svc, "leave.import", "cy", NULL,
				   json_pack("{s:s, s:i}", "source",
					     "https://cal.example.com/secret-token.ics", "added", 2)), 0);
}

/* The events of ACTION, in order, as the actor reads them (after or,
 * when there is none, before), joined by "|". */
static void
read_trail(struct team *t, const char *object, char *buf, size_t len)
{
	struct audit_event *v;
	size_t n, used = 0;

	assert_int_equal(audit_list(&t->svc, INT64_MIN, object, &v, &n), 0);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (strncmp(v[i].action, "leave.", 6) != 0)
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%s %s", used ? "|" : "",
					 v[i].action, v[i].after ? v[i].after : v[i].before);
		assert_true(used < len);
	}
	store_audit_free(v, n);
}

static void
test_volunteer_view(void **state)
{
	struct team *t = *state;
	char trail[2048];

	story(t);
	act_as(t, &t->bo);
	read_trail(t, NULL, trail, sizeof trail);
	assert_string_equal(trail,
		"leave.add {\"id\":1,\"person\":\"ana\",\"first_day\":\"2027-02-01\","
		"\"last_day\":\"2027-02-03\",\"start\":\"2027-02-01T00:00:00Z\","
		"\"end\":\"2027-02-04T00:00:00Z\"}"
		"|leave.add {\"id\":2,\"person\":\"bo\",\"first_day\":\"2027-03-01\","
		"\"last_day\":\"2027-03-02\",\"start\":\"2027-03-01T00:00:00Z\","
		"\"end\":\"2027-03-03T00:00:00Z\",\"reason\":\"wedding\"}"
		"|leave.remove {\"id\":1,\"person\":\"ana\",\"first_day\":\"2027-02-01\","
		"\"last_day\":\"2027-02-03\",\"start\":\"2027-02-01T00:00:00Z\","
		"\"end\":\"2027-02-04T00:00:00Z\"}"
		"|leave.import {\"added\":2}");

	/* Their own import keeps its source. */
	act_as(t, &t->cy);
	read_trail(t, "cy", trail, sizeof trail);
	assert_string_equal(trail, "leave.import {\"source\":\"https://cal.example.com/"
			    "secret-token.ics\",\"added\":2}");
}

static void
test_manager_view(void **state)
{
	struct team *t = *state;
	char trail[2048];

	story(t);
	act_as(t, &t->mo);
	read_trail(t, "leave 1", trail, sizeof trail);
	assert_string_equal(trail,
		"leave.add {\"id\":1,\"person\":\"ana\",\"first_day\":\"2027-02-01\","
		"\"last_day\":\"2027-02-03\",\"start\":\"2027-02-01T00:00:00Z\","
		"\"end\":\"2027-02-04T00:00:00Z\",\"reason\":\"surgery\"}"
		"|leave.remove {\"id\":1,\"person\":\"ana\",\"first_day\":\"2027-02-01\","
		"\"last_day\":\"2027-02-03\",\"start\":\"2027-02-01T00:00:00Z\","
		"\"end\":\"2027-02-04T00:00:00Z\",\"reason\":\"surgery\"}");
	read_trail(t, "cy", trail, sizeof trail);
	assert_non_null(strstr(trail, "secret-token"));
}

static void
test_filters(void **state)
{
	struct team *t = *state;
	struct audit_event *v;
	size_t n;

	story(t);
	act_as(t, &t->dee);
	assert_int_equal(audit_list(&t->svc, INT64_MIN, "leave 2", &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].action, "leave.add");
	store_audit_free(v, n);
	assert_int_equal(audit_list(&t->svc, NOW + 1, NULL, &v, &n), 0);
	assert_int_equal(n, 0);
	store_audit_free(v, n);
	assert_int_equal(audit_list(&t->svc, INT64_MIN, "nothing", &v, &n), 0);
	assert_int_equal(n, 0);
	store_audit_free(v, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_volunteer_view, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_manager_view, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_filters, team_setup, team_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
