/* service/schedule.c and service/feeds.c without the command line:
 * generating and checking a term, personal feed addresses and publishing,
 * and who may do each. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "service/feeds.h"
#include "service/schedule.h"
#include "tests/unit/service-fixture.h"

static void
add_leave(struct team *t, const struct person *p, int64_t start, int64_t end)
{
	struct leave l = { .person_id = p->id, .start = start, .end = end };

	snprintf(l.reason, sizeof l.reason, "away");
	assert_int_equal(store_leave_add(t->base.db, &l, 0), 0);
}

/* Who holds each of the term's weeks, "ana,bo,..." */
static void
holders(struct team *t, char *buf, size_t len)
{
	struct shift_filter f = { .term_id = t->term.id };
	struct shift *v;
	size_t n;

	buf[0] = '\0';
	assert_int_equal(store_shift_list(t->base.db, &f, &v, &n), 0);
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? "," : "", v[i].handle);
	free(v);
}

static void
test_generate(void **state)
{
	struct team *t = *state;
	struct schedule_result res;
	char before[128], after[128];

	act_as(t, &t->ana);
	assert_int_equal(schedule_generate(&t->svc, "h1", false, &res), EX_NOPERM);
	assert_string_equal(last_error, "schedule generate: managers only (you are ana)");
	schedule_result_free(&res);

	/* dee joined after the shifts were laid: a dry run shows the change
	 * and keeps the week inside the freeze horizon; nothing is written. */
	act_as(t, &t->mo);
	holders(t, before, sizeof before);
	assert_int_equal(schedule_generate(&t->svc, "h1", true, &res), 0);
	assert_int_equal(res.diff.n_slots, 6);
	assert_int_equal(res.diff.n_fixed, 1);
	assert_true(res.diff.n_changes > 0);
	assert_int_equal(res.n_unfixed, 0);
	holders(t, after, sizeof after);
	assert_string_equal(before, after);
	assert_int_equal(audit_count(t->base.db, "schedule.generate"), 0);
	schedule_result_free(&res);

	assert_int_equal(schedule_generate(&t->svc, "h1", false, &res), 0);
	holders(t, after, sizeof after);
	assert_string_not_equal(before, after);
	assert_non_null(strstr(after, "dee"));
	assert_int_equal(strncmp(after, "ana,", 4), 0);     /* frozen: kept */
	assert_int_equal(audit_count(t->base.db, "schedule.generate"), 1);
	schedule_result_free(&res);
}

static void
test_generate_keeps_frozen_on_leave(void **state)
{
	struct team *t = *state;
	struct schedule_result res;

	add_leave(t, &t->ana, T0 + 86400, T0 + 2 * 86400);
	act_as(t, &t->mo);
	assert_int_equal(schedule_generate(&t->svc, "h1", false, &res), 0);
	assert_int_equal(res.n_unfixed, 1);
	assert_int_equal(res.unfixed[0].problem.kind, PLAN_LEAVE);
	assert_int_equal(res.unfixed[0].problem.shift_id, t->shift[0]);
	assert_string_equal(res.unfixed[0].kept, "frozen");
	/* The override that would fix it names someone free then. */
	assert_int_equal(strncmp(res.unfixed[0].problem.fix, "rota override ", 14), 0);
	assert_null(strstr(res.unfixed[0].problem.fix, "ana"));
	assert_null(strstr(res.unfixed[0].problem.fix, "HANDLE"));
	assert_string_equal(last_warning, "1 problem in term h1 left as it was: the generator "
			    "may not change its week; the command that would fix each is listed");
	schedule_result_free(&res);
}

static void
test_generate_infeasible(void **state)
{
	struct team *t = *state;
	const struct person *everyone[] = { &t->ana, &t->bo, &t->cy, &t->dee };
	struct schedule_result res;
	char before[128], after[128];

	for (size_t i = 0; i < 4; i++)
		add_leave(t, everyone[i], T0 + 3 * W, T0 + 4 * W);
	act_as(t, &t->mo);
	holders(t, before, sizeof before);
	assert_int_equal(schedule_generate(&t->svc, "h1", false, &res), EX_DATAERR);
	assert_non_null(strstr(last_error, "term 'h1' cannot be scheduled: week 4 from Mon "
			       "2027-01-25 10:00 (Europe/Dublin): "));
	assert_non_null(strstr(last_error, "; nothing was changed"));
	holders(t, after, sizeof after);
	assert_string_equal(before, after);
	schedule_result_free(&res);
}

static void
test_check(void **state)
{
	struct team *t = *state;
	struct plan_problem *v;
	size_t n;

	act_as(t, &t->ana);
	assert_int_equal(schedule_check(&t->svc, "h1", &v, &n), 0);
	assert_int_equal(n, 0);
	free(v);
	add_leave(t, &t->bo, T0 + W + 86400, T0 + W + 2 * 86400);
	assert_int_equal(schedule_check(&t->svc, NULL, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].kind, PLAN_LEAVE);
	assert_int_equal(v[0].shift_id, t->shift[1]);
	free(v);
	assert_int_equal(schedule_check(&t->svc, "h9", &v, &n), EX_DATAERR);
	assert_string_equal(last_error, "unknown term 'h9' (see rota term list)");
}

static void
test_feeds(void **state)
{
	struct team *t = *state;
	struct feed_address a, b;
	struct publish_stats st;
	struct config *cfg;
	char conf[160], dir[160];
	FILE *f;

	act_as(t, &t->bo);
	assert_int_equal(feed_address(&t->svc, "ana", &a), EX_NOPERM);
	assert_string_equal(last_error, "feed url: only ana or a manager may (you are bo)");
	assert_int_equal(feed_address(&t->svc, NULL, &a), EX_CONFIG);

	snprintf(conf, sizeof conf, "%s/rota.conf", t->base.dir);
	assert_non_null(f = fopen(conf, "w"));
	fputs("[feed]\nbase_url = https://feeds.example.com/rota/\n", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(config_load(conf, &cfg), 0);
	t->svc.cfg = cfg;
	assert_int_equal(feed_address(&t->svc, NULL, &a), 0);
	assert_int_equal(strlen(a.person.feed_token), 32);
	assert_int_equal(strncmp(a.url, "https://feeds.example.com/rota/", 31), 0);
	assert_string_equal(a.url + 31 + 32, ".ics");
	assert_int_equal(feed_address(&t->svc, NULL, &b), 0);
	assert_string_equal(a.url, b.url);                  /* made once */
	assert_int_equal(feed_rotate_token(&t->svc, NULL, &b), 0);
	assert_string_not_equal(a.url, b.url);
	assert_int_equal(audit_count(t->base.db, "feed.rotate-token"), 1);

	snprintf(dir, sizeof dir, "%s/pub", t->base.dir);
	assert_int_equal(feed_publish_dir(&t->svc, dir, NULL, NULL, &st), EX_NOPERM);
	assert_string_equal(last_error, "publish: managers only (you are bo)");
	act_as(t, &t->mo);
	assert_int_equal(feed_publish_dir(&t->svc, dir, NULL, NULL, &st), 0);
	assert_int_equal(st.rotations, 1);
	assert_int_equal(st.personal, 6);
	config_free(cfg);
}

/* Anyone may export a rotation's feed, the schedule being the team's; a
 * personal feed is its person's or a manager's (service/privacy.h). */
static void
test_feed_export(void **state)
{
	struct team *t = *state;
	size_t events;
	char *text;

	act_as(t, &t->bo);
	assert_int_equal(feed_export(&t->svc, "ana", NULL, &text, &events), EX_NOPERM);
	assert_string_equal(last_error, "feed export --person: only ana or a manager may "
			    "(you are bo)");
	assert_null(text);
	assert_int_equal(feed_export(&t->svc, "bo", NULL, &text, &events), 0);
	assert_non_null(strstr(text, "BEGIN:VCALENDAR\r\n"));
	free(text);
	act_as(t, &t->mo);
	assert_int_equal(feed_export(&t->svc, "ana", NULL, &text, &events), 0);
	assert_int_equal(events, 2);
	assert_int_equal(strncmp(text, "BEGIN:VCALENDAR\r\n", 17), 0);
	assert_non_null(strstr(text, "On call \xe2\x80\x94 "));
	free(text);
	act_as(t, &t->bo);
	assert_int_equal(feed_export(&t->svc, NULL, "ops", &text, &events), 0);
	assert_int_equal(events, 6);
	free(text);
	assert_int_equal(feed_export(&t->svc, "nobody", NULL, &text, &events), EX_DATAERR);
	assert_string_equal(last_error, "unknown person 'nobody' (see rota person list)");
	assert_null(text);
	assert_int_equal(feed_export(&t->svc, NULL, "nope", &text, &events), EX_DATAERR);
	assert_string_equal(last_error, "unknown rotation 'nope' (see rota rotation list)");
	assert_int_equal(events, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_generate, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_generate_keeps_frozen_on_leave, team_setup,
						team_teardown),
		cmocka_unit_test_setup_teardown(test_generate_infeasible, team_setup,
						team_teardown),
		cmocka_unit_test_setup_teardown(test_check, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_feeds, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_feed_export, team_setup, team_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
