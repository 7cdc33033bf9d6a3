/* service/setup.c without the command line: offices, rotations and terms
 * added, who may add them, the words of each refusal, what is stored and
 * audited; and read back. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "service/setup.h"
#include "tests/unit/service-fixture.h"

static void
test_office_add(void **state)
{
	struct team *t = *state;
	struct office o = { .name = "Dublin", .tz = "Europe/Dublin",
			    .hours = "Mon-Fri 09:00-18:00" }, got;

	act_as(t, &t->ana);
	assert_int_equal(office_add(&t->svc, &o), EX_NOPERM);
	assert_string_equal(last_error, "office add: managers only (you are ana)");
	assert_int_equal(store_office_get(t->base.db, "Dublin", &got), STORE_NOT_FOUND);
	assert_int_equal(audit_count(t->base.db, "office.add"), 0);

	act_as(t, &t->mo);
	assert_int_equal(office_add(&t->svc, &o), 0);
	assert_int_equal(store_office_get(t->base.db, "Dublin", &got), 0);
	assert_int_equal(got.id, o.id);
	assert_string_equal(got.hours, "Mon-Fri 09:00-18:00");
	assert_int_equal(audit_count(t->base.db, "office.add"), 1);
	assert_int_equal(office_add(&t->svc, &o), EX_DATAERR);
	assert_string_equal(last_error, "office 'Dublin' already exists");
	assert_int_equal(audit_count(t->base.db, "office.add"), 1);
}

static void
test_rotation_add(void **state)
{
	struct team *t = *state;
	struct rotation r = { .name = "esc", .tier = TIER_ESCALATION, .tz = "America/New_York",
			      .handoff_dow = 2, .handoff_minute = 9 * 60, .shift_days = 14 };
	struct rotation got;
	json_t *j;
	char *text;

	act_as(t, &t->bo);
	assert_int_equal(rotation_add(&t->svc, &r), EX_NOPERM);
	assert_string_equal(last_error, "rotation add: managers only (you are bo)");
	assert_int_equal(store_rotation_get(t->base.db, "esc", &got), STORE_NOT_FOUND);

	act_as(t, &t->mo);
	assert_int_equal(rotation_add(&t->svc, &r), 0);
	assert_int_equal(store_rotation_get(t->base.db, "esc", &got), 0);
	assert_int_equal(got.tier, TIER_ESCALATION);
	assert_int_equal(got.shift_days, 14);
	assert_int_equal(audit_count(t->base.db, "rotation.add"), 1);
	j = rotation_to_json(&got);
	text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_string_equal(text, "{\"name\":\"esc\",\"tier\":\"escalation\",\"tz\":"
			    "\"America/New_York\",\"handoff\":\"Tue 09:00\",\"shift_days\":14}");
	free(text);
	json_decref(j);
	assert_int_equal(rotation_add(&t->svc, &t->ops), EX_DATAERR);
	assert_string_equal(last_error, "rotation 'ops' already exists");
}

static void
test_term_add(void **state)
{
	struct team *t = *state;
	struct term n = { .name = "h2", .weeks = 4 }, got;
	struct rotation rot;

	act_as(t, &t->cy);
	assert_int_equal(term_add(&t->svc, "ops", "2027-02-15", &n, &rot), EX_NOPERM);
	assert_string_equal(last_error, "term add: managers only (you are cy)");
	assert_int_equal(store_term_get(t->base.db, "h2", &got), STORE_NOT_FOUND);

	act_as(t, &t->mo);
	assert_int_equal(term_add(&t->svc, "nope", "2027-02-15", &n, &rot), EX_DATAERR);
	assert_string_equal(last_error, "unknown rotation 'nope' (see rota rotation list)");
	assert_int_equal(term_add(&t->svc, "ops", "2027-02-30", &n, &rot), EX_USAGE);
	assert_string_equal(last_error, "--start: bad date '2027-02-30' (expected YYYY-MM-DD "
			    "or YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])");
	/* h1 runs to Mon 2027-02-15 10:00: a start before its end overlaps. */
	assert_int_equal(term_add(&t->svc, "ops", "2027-02-08", &n, &rot), EX_DATAERR);
	assert_string_equal(last_error, "term 'h2' would overlap term 'h1' of rotation 'ops' "
			    "(Mon 2027-01-04 10:00 to Mon 2027-02-15 10:00)");
	n.weeks = TERM_WEEKS_MAX + 1;
	assert_int_equal(term_add(&t->svc, "ops", "2027-02-15", &n, &rot), EX_USAGE);
	assert_string_equal(last_error, "a term holds 1 to 520 shifts, not 521");
	assert_int_equal(audit_count(t->base.db, "term.add"), 0);

	/* From midnight in the rotation's zone, the first handoff after it. */
	n.weeks = 4;
	assert_int_equal(term_add(&t->svc, "ops", "2027-02-15", &n, &rot), 0);
	assert_string_equal(rot.name, "ops");
	assert_int_equal(n.start, T0 + 6 * W);
	assert_int_equal(n.end, T0 + 10 * W);
	assert_int_equal(store_term_get(t->base.db, "h2", &got), 0);
	assert_int_equal(got.start, n.start);
	assert_int_equal(got.rotation_id, t->ops.id);
	assert_int_equal(audit_count(t->base.db, "term.add"), 1);
}

static void
test_term_span_dst(void **state)
{
	struct team *t = *state;
	struct rotation rot = t->ops;
	int64_t start, end;

	/* Across the spring change (Dublin, 28 March 2027): the handoff stays
	 * at 10:00 local, 09:00 UTC. */
	term_span(&rot, T0 + 11 * W, 2, &start, &end);
	assert_int_equal(start, T0 + 11 * W);
	assert_int_equal(end, T0 + 13 * W - 3600);
}

/* Anyone may read them back: offices with their people and this year's
 * holidays, terms with their members now, one term's memberships. */
static void
test_lists(void **state)
{
	struct team *t = *state;
	struct office o = { .name = "Dublin", .tz = "Europe/Dublin",
			    .hours = "Mon-Fri 09:00-18:00" };
	struct holiday h1 = { 0 }, h2 = { 0 };
	struct term n = { .name = "h2", .weeks = 4 }, got;
	struct office_item *ov;
	struct term_item *tv;
	struct membership *m;
	struct rotation rot;
	size_t count;

	act_as(t, &t->mo);
	assert_int_equal(office_add(&t->svc, &o), 0);
	assert_int_equal(term_add(&t->svc, "ops", "2027-02-15", &n, &rot), 0);
	t->ana.office_id = o.id;
	assert_int_equal(store_person_update(t->base.db, &t->ana), 0);
	h1.office_id = h2.office_id = o.id;
	snprintf(h1.day, sizeof h1.day, "2026-12-25");       /* NOW is in 2026 */
	snprintf(h2.day, sizeof h2.day, "2027-01-01");
	assert_int_equal(store_holiday_add(t->base.db, &h1, "manual", NULL, NULL), 0);
	assert_int_equal(store_holiday_add(t->base.db, &h2, "manual", NULL, NULL), 0);

	act_as(t, &t->bo);
	assert_int_equal(office_list(&t->svc, &ov, &count), 0);
	assert_int_equal(count, 1);
	assert_string_equal(ov[0].office.name, "Dublin");
	assert_int_equal(ov[0].people, 1);
	assert_int_equal(ov[0].holidays_this_year, 1);
	free(ov);

	assert_int_equal(term_list(&t->svc, "ops", &tv, &count), 0);
	assert_int_equal(count, 2);
	assert_string_equal(tv[0].term.name, "h1");
	assert_int_equal(tv[0].members, 4);             /* eve has left */
	assert_string_equal(tv[0].rotation.tz, "Europe/Dublin");
	assert_string_equal(tv[1].term.name, "h2");
	assert_int_equal(tv[1].members, 0);
	free(tv);
	assert_int_equal(term_list(&t->svc, "nope", &tv, &count), EX_DATAERR);
	assert_string_equal(last_error, "unknown rotation 'nope' (see rota rotation list)");
	assert_null(tv);

	assert_int_equal(term_show(&t->svc, "h1", &got, &rot, &m, &count), 0);
	assert_int_equal(count, 5);
	assert_string_equal(rot.name, "ops");
	free(m);
	assert_int_equal(term_show(&t->svc, "h9", &got, &rot, &m, &count), EX_DATAERR);
	assert_string_equal(last_error, "unknown term 'h9' (see rota term list)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_office_add, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_rotation_add, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_term_add, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_term_span_dst, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_lists, team_setup, team_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
