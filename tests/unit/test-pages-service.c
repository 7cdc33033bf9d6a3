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
#include "tests/unit/service-fixture.h"

#define JAN20 (T0 + 16 * 86400LL)	/* Wed 2027-01-20 10:00 UTC */

/* service-fixture.h's team, months in Europe/Dublin, ops paid 500.00 EUR
 * a week, and a CSV of one page: ana woken at 03:00 in Dublin on Tuesday
 * 5 January, in her first week. The clock is 20 January. */
static struct config *cfg;
static char csv[128];

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

static const char csv_text[] =
	"id,created_at,acknowledged_at,resolved_at,responder,service,alert,escalated\n"
	"P1,2027-01-05T03:00:00Z,2027-01-05T03:05:00Z,2027-01-05T03:30:00Z,ana,ops,Disk full,false\n";

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
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

static int
pages_setup(void **state)
{
	struct team *t;
	char conf[128];

	if (team_setup(state) != 0)
		return -1;
	t = *state;
	snprintf(conf, sizeof conf, "%s/rota.conf", t->base.dir);
	snprintf(csv, sizeof csv, "%s/pages.csv", t->base.dir);
	write_file(conf, conf_text);
	write_file(csv, csv_text);
	assert_int_equal(config_load(conf, &cfg), 0);
	t->svc.cfg = cfg;
	t->svc.now = JAN20;
	unsetenv("ROTA_PAGERDUTY_TOKEN");
	return 0;
}

static int
pages_teardown(void **state)
{
	config_free(cfg);
	cfg = NULL;
	return team_teardown(state);
}

/* The pages of the CSV, imported by a manager. */
static void
import(struct team *t)
{
	struct page_import_result res;

	act_as(t, &t->mo);
	assert_int_equal(pages_import(&t->svc, csv, PAGE_FORMAT_GUESS, NULL, &res), 0);
}

static void
test_import(void **state)
{
	struct team *t = *state;
	struct page_import_result res;

	act_as(t, &t->ana);
	assert_int_equal(pages_import(&t->svc, csv, PAGE_FORMAT_GUESS, NULL, &res),
			 EX_NOPERM);
	assert_string_equal(last_error, "page import: managers only (you are ana)");
	assert_int_equal(audit_count(t->base.db, "page.import"), 0);

	act_as(t, &t->mo);
	assert_int_equal(pages_import(&t->svc, csv, PAGE_FORMAT_GUESS, NULL, &res), 0);
	assert_int_equal(res.format, PAGE_FORMAT_GENERIC);
	assert_int_equal(res.pages, 1);
	assert_int_equal(res.imported, 1);
	assert_int_equal(audit_count(t->base.db, "page.import"), 1);
	/* Again: nothing new, and its own audit event. */
	assert_int_equal(pages_import(&t->svc, csv, PAGE_FORMAT_GUESS, NULL, &res), 0);
	assert_int_equal(res.pages, 1);
	assert_int_equal(res.imported, 0);
	assert_int_equal(audit_count(t->base.db, "page.import"), 2);
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
	assert_int_equal(audit_count(t->base.db, "page.import"), 0);
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
	struct config *other;
	char conf[160];

	assert_non_null(pd);
	assert_non_null(pages_source_find("opsgenie"));
	assert_null(pages_source_find("nagios"));

	act_as(t, &t->ana);
	assert_int_equal(pages_pull(&t->svc, pd, JAN20 - W, JAN20, &res), EX_NOPERM);
	assert_string_equal(last_error, "page pull: managers only (you are ana)");

	act_as(t, &t->mo);
	assert_int_equal(pages_pull(&t->svc, pd, JAN20 - W, JAN20, &res), EX_CONFIG);
	assert_string_equal(last_error, "no pagerduty token: set ROTA_PAGERDUTY_TOKEN or "
			    "[pagerduty] token_file in rota.conf");

	snprintf(conf, sizeof conf, "%s/ftp.conf", t->base.dir);
	write_file(conf, "[pagerduty]\napi_url = ftp://example.com\n");
	assert_int_equal(config_load(conf, &other), 0);
	t->svc.cfg = other;
	assert_int_equal(pages_pull(&t->svc, pd, JAN20 - W, JAN20, &res), EX_CONFIG);
	assert_non_null(strstr(last_error, "ftp.conf:2: [pagerduty] api_url must be an "
				"http(s) URL"));
	t->svc.cfg = cfg;
	config_free(other);
	assert_int_equal(audit_count(t->base.db, "page.pull"), 0);
}

static void
test_pay(void **state)
{
	struct team *t = *state;
	struct pay_month m;

	/* A manager: everyone paid in January (ana twice, her second week cut
	 * at the month's end: 158 of 168 hours), by handle. */
	act_as(t, &t->mo);
	assert_int_equal(pay_view(&t->svc, 2027, 1, &m), 0);
	assert_int_equal(m.n_lines, 3);
	assert_string_equal(m.persons[m.lines[0].person].handle, "ana");
	assert_string_equal(m.persons[m.lines[1].person].handle, "bo");
	assert_string_equal(m.persons[m.lines[2].person].handle, "cy");
	assert_int_equal(m.lines[0].total, 97024);
	assert_int_equal(m.lines[1].total, 50000);
	assert_string_equal(m.lines[1].currency, "EUR");
	pay_month_free(&m);

	act_as(t, &t->bo);              /* a volunteer: their own */
	assert_int_equal(pay_view(&t->svc, 2027, 1, &m), 0);
	assert_int_equal(m.n_lines, 1);
	assert_string_equal(m.persons[m.lines[0].person].handle, "bo");
	pay_month_free(&m);

	act_as(t, &t->dee);             /* a volunteer paid nothing: nothing */
	assert_int_equal(pay_view(&t->svc, 2027, 1, &m), 0);
	assert_int_equal(m.n_lines, 0);
	pay_month_free(&m);

	act_as_nobody(t);               /* nobody in rota: refused */
	assert_int_equal(pay_view(&t->svc, 2027, 1, &m), EX_NOPERM);
	assert_non_null(strstr(last_error, "you (guest) are not a person in rota"));
	pay_month_free(&m);
}

/* The row of HANDLE in report R, or NULL. */
static const struct mr_person *
row_of(const struct monthly_report *r, const char *handle)
{
	for (size_t i = 0; i < r->n_people; i++)
		if (strcmp(r->people[i].handle, handle) == 0)
			return &r->people[i];
	return NULL;
}

/* The person HANDLE of report R: fails the test when not there. */
static const struct mr_person *
in_report(const struct monthly_report *r, const char *handle)
{
	const struct mr_person *p = row_of(r, handle);

	if (p == NULL)
		fail_msg("%s is not in the report", handle);
	return p;
}

static void
test_monthly(void **state)
{
	struct team *t = *state;
	struct monthly_report r;
	struct mr_team team;
	enum ind_status worst;

	import(t);
	act_as(t, &t->mo);
	assert_int_equal(report_monthly(&t->svc, 2027, 1, &r), 0);
	assert_string_equal(r.zone, "Europe/Dublin");
	/* Every member of the term: dee, who holds no shift, too; not eve,
	 * who left before the month. */
	assert_int_equal(r.n_people, 4);
	for (size_t i = 0; i < r.n_people; i++)
		assert_string_not_equal(r.people[i].handle, "eve");
	assert_int_equal(in_report(&r, "dee")->shifts, 0);
	for (size_t i = 0; i < r.n_people; i++)
		assert_int_equal(r.people[i].n_pay, strcmp(r.people[i].handle, "dee") != 0);
	team = r.team;
	worst = r.worst;
	monthly_free(&r);

	/* A volunteer reads the team's figures whole, and of the people their
	 * own row only (service/privacy.h). */
	act_as(t, &t->bo);
	assert_int_equal(report_monthly(&t->svc, 2027, 1, &r), 0);
	assert_int_equal(r.n_people, 1);
	assert_int_equal(in_report(&r, "bo")->n_pay, 1);
	assert_int_equal(in_report(&r, "bo")->pay[0].total_minor, 50000);
	assert_null(row_of(&r, "ana"));
	assert_null(row_of(&r, "cy"));
	assert_int_equal(r.team.pages, team.pages);
	assert_int_equal(r.team.interruptions, team.interruptions);
	assert_int_equal(r.team.sleep_interruptions, team.sleep_interruptions);
	assert_memory_equal(r.team.v, team.v, sizeof team.v);
	assert_int_equal(r.worst, worst);
	monthly_free(&r);

	/* Someone who is no person in rota: the team's figures, nobody's row. */
	act_as_nobody(t);
	assert_int_equal(report_monthly(&t->svc, 2027, 1, &r), 0);
	assert_int_equal(r.n_people, 0);
	assert_int_equal(r.team.pages, team.pages);
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

	/* Anyone may read it: two weeks each for ana, bo, cy, none for dee;
	 * ana's page in her week is the term's one interruption. */
	assert_int_equal(report_fairness(&t->svc, "h1", &v), 0);
	assert_string_equal(v.term.name, "h1");
	assert_string_equal(v.rot.name, "ops");
	assert_int_equal(v.rep.n_members, v.n_members);
	for (size_t i = 0; i < v.n_members; i++) {
		const char *h = v.members[i].handle;
		bool none = strcmp(h, "dee") == 0 || strcmp(h, "eve") == 0;

		assert_string_equal(v.rep.members[i].handle, h);
		assert_int_equal(v.rep.members[i].shifts, none ? 0 : 2);
		assert_int_equal(v.rep.members[i].load, none ? 0 : 2 * PLAN_WEEK_LOAD);
		assert_int_equal(v.interruptions[i], strcmp(h, "ana") == 0);
	}
	assert_int_equal(v.rep.coverage_seconds, 6 * W);
	assert_true(v.balance_interruptions == fair_balance(v.interruptions, v.n_members));
	assert_true(v.balance_interruptions < 1.0);   /* uneven: ana alone was woken */
	fairness_view_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import, pages_setup, pages_teardown),
		cmocka_unit_test_setup_teardown(test_import_failure_keeps_nothing, pages_setup,
						pages_teardown),
		cmocka_unit_test_setup_teardown(test_list, pages_setup, pages_teardown),
		cmocka_unit_test_setup_teardown(test_pull_refusals, pages_setup, pages_teardown),
		cmocka_unit_test_setup_teardown(test_pay, pages_setup, pages_teardown),
		cmocka_unit_test_setup_teardown(test_monthly, pages_setup, pages_teardown),
		cmocka_unit_test_setup_teardown(test_fairness, pages_setup, pages_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
