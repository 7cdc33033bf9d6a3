/* service/pages.c, pay.c and reports.c without the command line: page
 * import, pull and list, pay and the monthly and fairness reports on a
 * store built through its API, with a configuration read from a file and
 * the messages kept by a sink instead of printed: who may, what each
 * returns, the words of each refusal. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/err.h"
#include "service/pages.h"
#include "service/pay.h"
#include "service/plan.h"
#include "service/reports.h"
#include "tests/unit/store-fixture.h"

#define W (7 * 86400LL)
#define T0 1799056800LL			/* Mon 2027-01-04 10:00 UTC */
#define NOW (T0 + 16 * 86400LL)		/* Wed 2027-01-20 10:00 UTC */

/* The messages of the operation under test. */
static char last_error[4096];

static void
keep(enum rota_msg_kind kind, const char *text, void *arg)
{
	(void)arg;
	if (kind == ROTA_MSG_ERROR)
		snprintf(last_error, sizeof last_error, "%s", text);
}

/* ana and bo volunteer in term h1 of rotation ops (2 weeks: ana, bo),
 * paid 500.00 EUR a week; mo is a manager. Months in Europe/Dublin. */
struct team {
	struct fixture base;            /* first: the store fixture's teardown frees it */
	struct person ana, bo, mo;
	struct term term;
	struct config *cfg;
	char conf[128], csv[128];
	struct actor actor;
	struct svc svc;
};

static const char conf_text[] =
	"[report]\n"
	"timezone = Europe/Dublin\n"
	"[service \"ops\"]\n"
	"rotation = ops\n"
	"[rotation \"ops\"]\n"
	"policy = standard\n"
	"[policy \"standard\"]\n"
	"currency = EUR\n"
	"stipend_per_week = 500.00\n";

/* ana woken at 03:00 in Dublin on Tuesday 5 January, in her week. */
static const char csv_text[] =
	"id,created_at,acknowledged_at,resolved_at,responder,service,alert,escalated\n"
	"P1,2027-01-05T03:00:00Z,2027-01-05T03:05:00Z,2027-01-05T03:30:00Z,ana,ops,Disk full,false\n";

static struct person
add_person(struct store *db, const char *handle, bool manager)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420, .is_manager = manager };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "Name of %s", handle);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "Europe/Dublin");
	assert_int_equal(store_person_add(db, &p, 0), 0);
	return p;
}

/* Makes P the acting person (a manager's rights when they are one). */
static void
act_as(struct team *t, const struct person *p)
{
	memset(&t->actor, 0, sizeof t->actor);
	snprintf(t->actor.login, sizeof t->actor.login, "%s", p->handle);
	snprintf(t->actor.label, sizeof t->actor.label, "%s", p->handle);
	t->actor.known = true;
	t->actor.person = *p;
	t->actor.privileged = p->is_manager;
	last_error[0] = '\0';
}

/* Someone who is not a person in rota, without rights. */
static void
act_as_nobody(struct team *t)
{
	memset(&t->actor, 0, sizeof t->actor);
	snprintf(t->actor.login, sizeof t->actor.login, "guest");
	snprintf(t->actor.label, sizeof t->actor.label, "guest");
	last_error[0] = '\0';
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static int
team_setup(void **state)
{
	struct team *t = calloc(1, sizeof *t);
	struct fixture *f;
	struct rotation ops = { .tier = TIER_PRIMARY, .handoff_dow = 1,
				.handoff_minute = 600, .shift_days = 7 };
	const struct person *order[2];

	if (setup(state) != 0)
		return -1;
	f = *state;
	t->base = *f;
	free(f);
	*state = t;
	t->ana = add_person(t->base.db, "ana", false);
	t->bo = add_person(t->base.db, "bo", false);
	t->mo = add_person(t->base.db, "mo", true);
	snprintf(ops.name, sizeof ops.name, "ops");
	snprintf(ops.tz, sizeof ops.tz, "Europe/Dublin");
	assert_int_equal(store_rotation_add(t->base.db, &ops, 0), 0);
	t->term = (struct term){ .rotation_id = ops.id, .start = T0, .end = T0 + 2 * W,
				 .weeks = 2 };
	snprintf(t->term.name, sizeof t->term.name, "h1");
	assert_int_equal(store_term_add(t->base.db, &t->term, 0), 0);
	assert_int_equal(store_member_join(t->base.db, t->term.id, t->ana.id, 0), 0);
	assert_int_equal(store_member_join(t->base.db, t->term.id, t->bo.id, 0), 0);
	order[0] = &t->ana;
	order[1] = &t->bo;
	for (int w = 0; w < 2; w++) {
		struct shift sh = { .rotation_id = ops.id, .term_id = t->term.id, .slot = w,
				    .person_id = order[w]->id, .start = T0 + w * W,
				    .end = T0 + (w + 1) * W };

		assert_int_equal(store_shift_insert(t->base.db, &sh, 0), 0);
	}
	snprintf(t->conf, sizeof t->conf, "%s/rota.conf", t->base.dir);
	snprintf(t->csv, sizeof t->csv, "%s/pages.csv", t->base.dir);
	write_file(t->conf, conf_text);
	write_file(t->csv, csv_text);
	assert_int_equal(config_load(t->conf, &t->cfg), 0);
	t->svc = (struct svc){ .db = t->base.db, .cfg = t->cfg, .now = NOW, .actor = &t->actor };
	unsetenv("ROTA_PAGERDUTY_TOKEN");
	rota_set_sink(keep, NULL);
	return 0;
}

static int
team_teardown(void **state)
{
	struct team *t = *state;

	rota_set_sink(NULL, NULL);
	config_free(t->cfg);
	return teardown(state);
}

static size_t
count(struct store *db, const char *action)
{
	struct audit_event *v;
	size_t n, k = 0;

	assert_int_equal(store_audit_list(db, 0, &v, &n), 0);
	for (size_t i = 0; i < n; i++)
		k += strcmp(v[i].action, action) == 0;
	store_audit_free(v, n);
	return k;
}

/* The pages of the CSV, imported by a manager. */
static void
import(struct team *t)
{
	struct page_import_result res;

	act_as(t, &t->mo);
	assert_int_equal(pages_import(&t->svc, t->csv, PAGE_FORMAT_GUESS, NULL, &res), 0);
}

static void
test_import(void **state)
{
	struct team *t = *state;
	struct page_import_result res;

	act_as(t, &t->ana);
	assert_int_equal(pages_import(&t->svc, t->csv, PAGE_FORMAT_GUESS, NULL, &res),
			 EX_NOPERM);
	assert_string_equal(last_error, "page import: managers only (you are ana)");
	assert_int_equal(count(t->base.db, "page.import"), 0);

	act_as(t, &t->mo);
	assert_int_equal(pages_import(&t->svc, t->csv, PAGE_FORMAT_GUESS, NULL, &res), 0);
	assert_int_equal(res.format, PAGE_FORMAT_GENERIC);
	assert_int_equal(res.pages, 1);
	assert_int_equal(res.imported, 1);
	assert_int_equal(count(t->base.db, "page.import"), 1);
	/* Again: nothing new, and its own audit event. */
	assert_int_equal(pages_import(&t->svc, t->csv, PAGE_FORMAT_GUESS, NULL, &res), 0);
	assert_int_equal(res.pages, 1);
	assert_int_equal(res.imported, 0);
	assert_int_equal(count(t->base.db, "page.import"), 2);
}

static void
test_import_failure_keeps_nothing(void **state)
{
	struct team *t = *state;
	struct page_import_result res;
	char bad[160];

	snprintf(bad, sizeof bad, "%s/bad.csv", t->base.dir);
	write_file(bad, "id,created_at,responder,service,alert,escalated\n"
			"P1,2027-01-05T03:00:00Z,ana,ops,a,false\n"
			"P2,yesterday,ana,ops,b,false\n");
	act_as(t, &t->mo);
	assert_int_equal(pages_import(&t->svc, bad, PAGE_FORMAT_GUESS, NULL, &res), EX_DATAERR);
	assert_non_null(strstr(last_error, "bad.csv:3: "));
	assert_int_equal(count(t->base.db, "page.import"), 0);
	t->svc.now = NOW;
	{
		struct pages_month m;

		assert_int_equal(pages_list(&t->svc, 2027, 1, &m), 0);
		assert_int_equal(m.n, 0);
		pages_month_free(&m);
	}
}

static void
test_list(void **state)
{
	struct team *t = *state;
	struct pages_month m;

	import(t);
	act_as(t, &t->bo);              /* anyone may list */
	assert_int_equal(pages_list(&t->svc, 0, 0, &m), 0);
	assert_int_equal(m.year, 2027);
	assert_int_equal(m.month, 1);
	assert_int_equal(m.n, 1);
	assert_string_equal(m.v[0].source_id, "P1");
	assert_string_equal(m.responder[0], "ana");
	assert_null(m.escalation[0]);
	assert_int_equal(m.v[0].class, PAGE_SLEEP);
	pages_month_free(&m);

	assert_int_equal(pages_list(&t->svc, 2027, 2, &m), 0);
	assert_int_equal(m.n, 0);
	pages_month_free(&m);
}

static void
test_pull_refusals(void **state)
{
	struct team *t = *state;
	const struct pages_source *pd = pages_source_find("pagerduty");
	struct pages_pull_result res;
	struct config *cfg;
	char conf[160];

	assert_non_null(pd);
	assert_non_null(pages_source_find("opsgenie"));
	assert_null(pages_source_find("nagios"));

	act_as(t, &t->ana);
	assert_int_equal(pages_pull(&t->svc, pd, NOW - W, NOW, &res), EX_NOPERM);
	assert_string_equal(last_error, "page pull: managers only (you are ana)");

	act_as(t, &t->mo);
	assert_int_equal(pages_pull(&t->svc, pd, NOW - W, NOW, &res), EX_CONFIG);
	assert_string_equal(last_error, "no pagerduty token: set ROTA_PAGERDUTY_TOKEN or "
			    "[pagerduty] token_file in rota.conf");

	snprintf(conf, sizeof conf, "%s/ftp.conf", t->base.dir);
	write_file(conf, "[pagerduty]\napi_url = ftp://example.com\n");
	assert_int_equal(config_load(conf, &cfg), 0);
	t->svc.cfg = cfg;
	assert_int_equal(pages_pull(&t->svc, pd, NOW - W, NOW, &res), EX_CONFIG);
	assert_non_null(strstr(last_error, "ftp.conf:2: [pagerduty] api_url must be an "
				"http(s) URL"));
	t->svc.cfg = t->cfg;
	config_free(cfg);
	assert_int_equal(count(t->base.db, "page.pull"), 0);
}

static void
test_pay(void **state)
{
	struct team *t = *state;
	struct pay_month m;

	act_as(t, &t->mo);              /* a manager: everyone */
	assert_int_equal(pay_view(&t->svc, 2027, 1, &m), 0);
	assert_int_equal(m.n_lines, 2);
	assert_string_equal(m.persons[m.lines[0].person].handle, "ana");
	assert_string_equal(m.persons[m.lines[1].person].handle, "bo");
	assert_int_equal(m.lines[0].total, 50000);
	assert_string_equal(m.lines[0].currency, "EUR");
	pay_month_free(&m);

	act_as(t, &t->bo);              /* a volunteer: their own */
	assert_int_equal(pay_view(&t->svc, 2027, 1, &m), 0);
	assert_int_equal(m.n_lines, 1);
	assert_string_equal(m.persons[m.lines[0].person].handle, "bo");
	pay_month_free(&m);

	act_as_nobody(t);               /* nobody in rota: nothing */
	assert_int_equal(pay_view(&t->svc, 2027, 1, &m), EX_NOPERM);
	assert_non_null(strstr(last_error, "you (guest) are not a person in rota"));
	pay_month_free(&m);
}

static void
test_monthly(void **state)
{
	struct team *t = *state;
	struct monthly_report r;

	import(t);
	act_as(t, &t->mo);
	assert_int_equal(report_monthly(&t->svc, 2027, 1, &r), 0);
	assert_string_equal(r.zone, "Europe/Dublin");
	assert_int_equal(r.n_people, 2);
	for (size_t i = 0; i < r.n_people; i++)
		assert_int_equal(r.people[i].n_pay, 1);
	monthly_free(&r);

	/* A volunteer reads the report, with rota pay's rule for the pay. */
	act_as(t, &t->bo);
	assert_int_equal(report_monthly(&t->svc, 2027, 1, &r), 0);
	assert_int_equal(r.n_people, 2);
	for (size_t i = 0; i < r.n_people; i++) {
		bool own = strcmp(r.people[i].handle, "bo") == 0;

		assert_int_equal(r.people[i].n_pay, own ? 1 : 0);
		if (!own)
			assert_int_equal(r.people[i].v[IND_SLEEP], 1);   /* the figures stay */
	}
	monthly_free(&r);

	act_as_nobody(t);
	assert_int_equal(report_monthly(&t->svc, 2027, 1, &r), 0);
	for (size_t i = 0; i < r.n_people; i++)
		assert_int_equal(r.people[i].n_pay, 0);
	monthly_free(&r);
}

static void
test_fairness(void **state)
{
	struct team *t = *state;
	struct fairness_view v;

	import(t);
	act_as(t, &t->bo);
	assert_int_equal(report_fairness(&t->svc, "h9", &v), EX_DATAERR);
	assert_string_equal(last_error, "unknown term 'h9' (see rota term list)");
	fairness_view_free(&v);

	assert_int_equal(report_fairness(&t->svc, "h1", &v), 0);
	assert_string_equal(v.term.name, "h1");
	assert_string_equal(v.rot.name, "ops");
	assert_int_equal(v.n_members, 2);
	assert_int_equal(v.rep.n_members, 2);
	assert_string_equal(v.rep.members[0].handle, v.members[0].handle);
	for (size_t i = 0; i < v.n_members; i++) {
		bool ana = strcmp(v.members[i].handle, "ana") == 0;

		assert_int_equal(v.rep.members[i].shifts, 1);
		assert_int_equal(v.rep.members[i].load, PLAN_WEEK_LOAD);
		assert_int_equal(v.interruptions[i], ana ? 1 : 0);
	}
	assert_int_equal(v.rep.coverage_seconds, 2 * W);
	assert_true(v.balance_interruptions == 0.0);
	fairness_view_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_import_failure_keeps_nothing, team_setup,
						team_teardown),
		cmocka_unit_test_setup_teardown(test_list, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_pull_refusals, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_pay, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_monthly, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_fairness, team_setup, team_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
