/* The monthly report as JSON (jansson): every figure. */
#include "config.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "common/err.h"
#include "common/jsonx.h"
#include "common/timefmt.h"
#include "reports/monthly.h"

/* Every value goes through common/jsonx.h: text that is not valid UTF-8
 * (a database edited by hand) shows U+FFFD, as in every --json output, and
 * nothing is ever left out. */

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
	return jx_new(json_pack("{s:o, s:s, s:o, s:I, s:I, s:I}", "value", figure(v),
			 "status", ind_status_name(st->status), "why", jx_string(st->why),
			 "amber", (json_int_t)r->th.t[id].amber, "red", (json_int_t)r->th.t[id].red,
			 "judged_from", (json_int_t)r->th.min[id]));
}

static json_t *
team(const struct monthly_report *r)
{
	const struct mr_team *t = &r->team;
	json_t *o = json_object(), *ind = json_object(), *trend = json_array();

	jx_set(o, "ooh_interruptions", json_integer(t->v[IND_TEAM_OOH]));
	jx_set(o, "goal", json_integer(r->th.goal));
	jx_set(o, "status", jx_string(ind_status_name(t->st[IND_TEAM_OOH].status)));
	jx_set(o, "why", jx_string(t->st[IND_TEAM_OOH].why));
	jx_set(o, "pages", json_integer(t->pages));
	jx_set(o, "service_owners_pages", json_integer(t->owners_pages));
	jx_set(o, "interruptions", json_integer(t->interruptions));
	jx_set(o, "sleep_interruptions", json_integer(t->sleep_interruptions));
	for (int i = IND_TEAM_FIRST; i <= IND_TEAM_LAST; i++) {
		if (i != IND_TEAM_OOH)
			jx_set(o, ind_def(i)->key, figure(t->v[i]));
		jx_set(ind, ind_def(i)->key, indicator(r, i, t->v[i], &t->st[i]));
	}
	jx_set(o, "indicators", ind);
	for (int i = t->trend_first; i < MONTHLY_TREND; i++) {
		char m[16];

		snprintf(m, sizeof m, "%04d-%02d", t->trend[i].year, t->trend[i].month);
		jx_append(trend, json_pack("{s:s, s:I}", "month", m,
			"ooh_interruptions", (json_int_t)t->trend[i].ooh));
	}
	jx_set(o, "trend", trend);
	if (t->has_forecast)
		jx_set(o, "forecast", json_pack("{s:I, s:f, s:I, s:I, s:s, s:o}",
			"so_far", (json_int_t)t->so_far, "expected", t->fc.expected,
			"low", (json_int_t)t->fc.low, "high", (json_int_t)t->fc.high,
			"status", ind_status_name(t->fc_st.status), "why", jx_string(t->fc_st.why)));
	else
		jx_set(o, "forecast", json_null());
	return o;
}

static json_t *
person(const struct monthly_report *r, const struct mr_person *p)
{
	json_t *o = json_object(), *ind = json_object(), *pay = json_array();
	enum ind_status w = IND_GREEN;

	jx_set(o, "handle", jx_string(p->handle));
	jx_set(o, "name", jx_string(p->name));
	jx_set(o, "manager", json_boolean(p->is_manager));
	jx_set(o, "shifts", json_integer(p->shifts));
	jx_set(o, "oncall_hours", json_real((double)p->oncall_seconds / 3600.0));
	jx_set(o, "interruptions", json_integer(p->interruptions));
	jx_set(o, "escalations", json_integer(p->escalations));
	for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++) {
		jx_set(o, ind_def(i)->key, figure(p->v[i]));
		jx_set(ind, ind_def(i)->key, indicator(r, i, p->v[i], &p->st[i]));
		if (p->st[i].status > w)
			w = p->st[i].status;
	}
	jx_set(o, "status", jx_string(ind_status_name(w)));
	jx_set(o, "indicators", ind);
	for (size_t i = 0; i < p->n_pay; i++)
		jx_append(pay, json_pack("{s:o, s:I}", "currency", jx_string(p->pay[i].currency),
			"total_minor", (json_int_t)p->pay[i].total_minor));
	jx_set(o, "pay", pay);
	return o;
}

static json_t *
alert(const struct monthly_report *r, const struct mr_alert *a)
{
	json_t *o = json_object(), *ind = json_object();

	jx_set(o, "service", jx_string(a->service));
	jx_set(o, "alert", jx_string(a->alert));
	jx_set(o, "pages", json_integer(a->pages));
	jx_set(o, "ooh_pages", json_integer(a->ooh));
	jx_set(o, "sleep_pages", json_integer(a->sleep));
	jx_set(o, "unacted", json_integer(a->unacted));
	jx_set(o, "no_runbook", json_integer(a->no_runbook));
	jx_set(o, "status", jx_string(ind_status_name(a->worst)));
	for (int i = IND_ALERT_FIRST; i <= IND_ALERT_LAST; i++)
		jx_set(ind, ind_def(i)->key, indicator(r, i, a->v[i], &a->st[i]));
	jx_set(o, "indicators", ind);
	return o;
}

int
render_json(const struct monthly_report *r, FILE *f)
{
	json_t *root = json_object(), *people = json_array(), *alerts = json_array(),
		*services = json_array(), *hours = json_array();
	char from[32], to[32];
	int ret = 0;

	time_format_utc(r->from, from, sizeof from);
	time_format_utc(r->to, to, sizeof to);
	jx_set(root, "month", jx_string(r->month_name));
	jx_set(root, "timezone", jx_string(r->zone));
	jx_set(root, "from", jx_string(from));
	jx_set(root, "to", jx_string(to));
	jx_set(root, "status", jx_string(ind_status_name(r->worst)));
	jx_set(root, "team", team(r));
	for (size_t i = 0; i < r->n_people; i++)
		jx_append(people, person(r, &r->people[i]));
	jx_set(root, "people", people);
	for (size_t i = 0; i < r->n_alerts; i++)
		jx_append(alerts, alert(r, &r->alerts[i]));
	jx_set(root, "alerts", alerts);
	for (size_t i = 0; i < r->n_services; i++)
		jx_append(services, json_pack("{s:o, s:I, s:I, s:I}",
			"service", jx_string(r->services[i].service), "pages", (json_int_t)r->services[i].pages,
			"ooh_pages", (json_int_t)r->services[i].ooh,
			"sleep_pages", (json_int_t)r->services[i].sleep));
	jx_set(root, "services", services);
	for (int h = 0; h < 24; h++)
		jx_append(hours, json_integer(r->by_hour[h]));
	jx_set(root, "ooh_by_hour", hours);
	/* A failed write is F's owner's to report (monthly.h). */
	if (json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 && !ferror(f))
		ret = rota_fail(EX_SOFTWARE, "jansson cannot write the report");
	fputc('\n', f);
	json_decref(root);
	return ret;
}
