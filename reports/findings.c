/* The findings of a monthly report: see findings.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "reports/findings.h"

static void
push(struct finding **v, size_t *n, enum finding_of of, int indicator, size_t index,
     const struct ind_result *st)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = (struct finding){ of, indicator, index, st };
}

size_t
monthly_findings(const struct monthly_report *r, struct finding **v)
{
	const struct mr_team *t = &r->team;
	size_t n = 0;

	*v = NULL;
	for (int i = IND_TEAM_FIRST; i <= IND_TEAM_LAST; i++)
		if (t->st[i].status != IND_GREEN || i == IND_TEAM_OOH)
			push(v, &n, FINDING_TEAM, i, 0, &t->st[i]);
	if (t->has_forecast)
		push(v, &n, FINDING_FORECAST, IND_COUNT, 0, &t->fc_st);
	for (size_t k = 0; k < r->n_people; k++)
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++)
			if (r->people[k].st[i].status > IND_GREEN)
				push(v, &n, FINDING_PERSON, i, k, &r->people[k].st[i]);
	for (size_t k = 0; k < r->n_people; k++)
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++)
			if (monthly_grey_shown(&r->people[k].st[i], r->people[k].v[i]))
				push(v, &n, FINDING_PERSON_GREY, i, k, &r->people[k].st[i]);
	for (int i = IND_ALERT_FIRST; i <= IND_ALERT_LAST; i++)
		for (size_t k = 0; k < r->n_alerts; k++)
			if (r->alerts[k].st[i].status > IND_GREEN)
				push(v, &n, FINDING_ALERT, i, k, &r->alerts[k].st[i]);
	return n;
}

/* qsort: the most concerning first, as monthly_attention() says. */
static int
attention_order(const void *x, const void *y)
{
	const struct attention *a = x, *b = y;

	if (a->worst != b->worst)
		return a->worst > b->worst ? -1 : 1;
	if (a->red != b->red)
		return a->red > b->red ? -1 : 1;
	if (a->amber != b->amber)
		return a->amber > b->amber ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

size_t
monthly_attention(const struct monthly_report *r, struct attention **v)
{
	size_t n = 0;

	*v = NULL;
	for (size_t k = 0; k < r->n_people; k++) {
		struct attention a = { k, IND_GREEN, 0, 0 };

		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++) {
			a.red += r->people[k].st[i].status == IND_RED;
			a.amber += r->people[k].st[i].status == IND_AMBER;
		}
		if (a.red == 0 && a.amber == 0)
			continue;
		a.worst = a.red > 0 ? IND_RED : IND_AMBER;
		*v = xreallocarray(*v, n + 1, sizeof **v);
		(*v)[n++] = a;
	}
	if (n > 0)
		qsort(*v, n, sizeof **v, attention_order);
	return n;
}

const char *
finding_alert_heading(int i)
{
	static const char *const heading[] = {
		[IND_ALERT_OOH] = "Alerts that interrupted someone out of hours",
		[IND_ALERT_UNACTED] = "Could it have waited until morning? "
			"(resolved out of hours without anyone acting)",
		[IND_ALERT_NO_RUNBOOK] = "Alerts without a runbook link",
	};

	return heading[i];
}

int
monthly_red(struct store *db, const struct config *cfg, int year, int month,
	    int64_t now, struct red_indicator **v, size_t *n)
{
	struct monthly_report r;
	struct finding *fs;
	size_t nf;
	int ret;

	*v = NULL;
	*n = 0;
	if ((ret = monthly_build(db, cfg, year, month, now, NULL, 0, &r)) != 0)
		return ret;
	nf = monthly_findings(&r, &fs);
	for (size_t k = 0; k < nf; k++) {
		const struct finding *f = &fs[k];
		struct red_indicator *x;

		if (f->st->status != IND_RED || f->of == FINDING_ALERT)
			continue;
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		x = &(*v)[(*n)++];
		memset(x, 0, sizeof *x);
		if (f->of == FINDING_PERSON)
			snprintf(x->handle, sizeof x->handle, "%s", r.people[f->index].handle);
		x->indicator = f->of == FINDING_FORECAST ? "forecast" : ind_def(f->indicator)->key;
		snprintf(x->month, sizeof x->month, "%s", r.month_name);
		snprintf(x->why, sizeof x->why, "%s", f->st->why);
	}
	free(fs);
	monthly_free(&r);
	return 0;
}
