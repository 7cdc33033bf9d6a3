/* The monthly report as JSON (jansson): every figure. */
#include "config.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "reports/monthly.h"

/* Whether a value was lost: jansson refuses text that is not valid UTF-8
 * (json_string() and json_pack() give NULL), and a NULL set into an
 * object or appended to an array is dropped without a word. The report
 * is then not written at all. */
static bool lost;

static void
set(json_t *o, const char *key, json_t *v)
{
	if (v == NULL || json_object_set_new(o, key, v) != 0)
		lost = true;
}

static void
append(json_t *a, json_t *v)
{
	if (v == NULL || json_array_append_new(a, v) != 0)
		lost = true;
}

static json_t *
figure(int64_t v)
{
	return v < 0 ? json_null() : json_integer(v);
}

/* Indicator ID of R: VALUE, its status and sentence, its thresholds and
 * the count it is judged from (ind_judge; 0: always). */
static json_t *
indicator(const struct monthly_report *r, int id, int64_t v, const struct ind_result *st)
{
	return json_pack("{s:o, s:s, s:s, s:I, s:I, s:I}", "value", figure(v),
			 "status", ind_status_name(st->status), "why", st->why,
			 "amber", (json_int_t)r->th.t[id].amber, "red", (json_int_t)r->th.t[id].red,
			 "judged_from", (json_int_t)r->th.min[id]);
}

static json_t *
team(const struct monthly_report *r)
{
	const struct mr_team *t = &r->team;
	json_t *o = json_object(), *ind = json_object(), *trend = json_array();

	set(o, "ooh_interruptions", json_integer(t->v[IND_TEAM_OOH]));
	set(o, "goal", json_integer(r->th.goal));
	set(o, "status", json_string(ind_status_name(t->st[IND_TEAM_OOH].status)));
	set(o, "why", json_string(t->st[IND_TEAM_OOH].why));
	set(o, "pages", json_integer(t->pages));
	set(o, "service_owners_pages", json_integer(t->owners_pages));
	set(o, "interruptions", json_integer(t->interruptions));
	set(o, "sleep_interruptions", json_integer(t->sleep_interruptions));
	for (int i = IND_TEAM_FIRST; i <= IND_TEAM_LAST; i++) {
		if (i != IND_TEAM_OOH)
			set(o, ind_def(i)->key, figure(t->v[i]));
		set(ind, ind_def(i)->key, indicator(r, i, t->v[i], &t->st[i]));
	}
	set(o, "indicators", ind);
	for (int i = t->trend_first; i < MONTHLY_TREND; i++) {
		char m[16];

		snprintf(m, sizeof m, "%04d-%02d", t->trend[i].year, t->trend[i].month);
		append(trend, json_pack("{s:s, s:I}", "month", m,
			"ooh_interruptions", (json_int_t)t->trend[i].ooh));
	}
	set(o, "trend", trend);
	if (t->has_forecast)
		set(o, "forecast", json_pack("{s:I, s:f, s:I, s:I, s:s, s:s}",
			"so_far", (json_int_t)t->so_far, "expected", t->fc.expected,
			"low", (json_int_t)t->fc.low, "high", (json_int_t)t->fc.high,
			"status", ind_status_name(t->fc_st.status), "why", t->fc_st.why));
	else
		set(o, "forecast", json_null());
	return o;
}

static json_t *
person(const struct monthly_report *r, const struct mr_person *p)
{
	json_t *o = json_object(), *ind = json_object(), *pay = json_array();
	enum ind_status w = IND_GREEN;

	set(o, "handle", json_string(p->handle));
	set(o, "name", json_string(p->name));
	set(o, "manager", json_boolean(p->is_manager));
	set(o, "shifts", json_integer(p->shifts));
	set(o, "oncall_hours", json_real((double)p->oncall_seconds / 3600.0));
	set(o, "interruptions", json_integer(p->interruptions));
	set(o, "escalations", json_integer(p->escalations));
	for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++) {
		set(o, ind_def(i)->key, figure(p->v[i]));
		set(ind, ind_def(i)->key, indicator(r, i, p->v[i], &p->st[i]));
		if (p->st[i].status > w)
			w = p->st[i].status;
	}
	set(o, "status", json_string(ind_status_name(w)));
	set(o, "indicators", ind);
	for (size_t i = 0; i < p->n_pay; i++)
		append(pay, json_pack("{s:s, s:I}", "currency", p->pay[i].currency,
			"total_minor", (json_int_t)p->pay[i].total_minor));
	set(o, "pay", pay);
	return o;
}

static json_t *
alert(const struct monthly_report *r, const struct mr_alert *a)
{
	json_t *o = json_object(), *ind = json_object();

	set(o, "service", json_string(a->service));
	set(o, "alert", json_string(a->alert));
	set(o, "pages", json_integer(a->pages));
	set(o, "ooh_pages", json_integer(a->ooh));
	set(o, "sleep_pages", json_integer(a->sleep));
	set(o, "unacted", json_integer(a->unacted));
	set(o, "no_runbook", json_integer(a->no_runbook));
	set(o, "status", json_string(ind_status_name(a->worst)));
	for (int i = IND_ALERT_FIRST; i <= IND_ALERT_LAST; i++)
		set(ind, ind_def(i)->key, indicator(r, i, a->v[i], &a->st[i]));
	set(o, "indicators", ind);
	return o;
}

int
render_json(const struct monthly_report *r, FILE *f)
{
	json_t *root = json_object(), *people = json_array(), *alerts = json_array(),
		*services = json_array(), *hours = json_array();
	char from[32], to[32];
	int ret = 0;

	lost = false;
	time_format_utc(r->from, from, sizeof from);
	time_format_utc(r->to, to, sizeof to);
	set(root, "month", json_string(r->month_name));
	set(root, "timezone", json_string(r->zone));
	set(root, "from", json_string(from));
	set(root, "to", json_string(to));
	set(root, "status", json_string(ind_status_name(r->worst)));
	set(root, "team", team(r));
	for (size_t i = 0; i < r->n_people; i++)
		append(people, person(r, &r->people[i]));
	set(root, "people", people);
	for (size_t i = 0; i < r->n_alerts; i++)
		append(alerts, alert(r, &r->alerts[i]));
	set(root, "alerts", alerts);
	for (size_t i = 0; i < r->n_services; i++)
		append(services, json_pack("{s:s, s:I, s:I, s:I}",
			"service", r->services[i].service, "pages", (json_int_t)r->services[i].pages,
			"ooh_pages", (json_int_t)r->services[i].ooh,
			"sleep_pages", (json_int_t)r->services[i].sleep));
	set(root, "services", services);
	for (int h = 0; h < 24; h++)
		append(hours, json_integer(r->by_hour[h]));
	set(root, "ooh_by_hour", hours);
	if (lost) {
		ret = rota_fail(EX_DATAERR, "cannot write the report as JSON: a name, "
				"service or alert in the database is not valid UTF-8");
	} else {
		/* A failed write is F's owner's to report (monthly.h). */
		if (json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 &&
		    !ferror(f))
			ret = rota_fail(EX_SOFTWARE, "jansson cannot write the report");
		fputc('\n', f);
	}
	json_decref(root);
	return ret;
}
