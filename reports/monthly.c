/* The monthly report: reads a month from the store and computes every
 * figure (monthly.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "reports/interruptions.h"
#include "reports/monthly.h"
#include "reports/money.h"
#include "reports/page-import.h"
#include "reports/month.h"
#include "reports/pay-month.h"

#define DAY 86400
#define WEEK (7 * DAY)
#define DAILY_REST (11 * 3600)
#define WEEKLY_REST (35 * 3600)
#define HISTORY_DAYS 400
#define DST_SLACK 7200

int
monthly_thresholds(const struct config *cfg, struct ind_thresholds *th)
{
	long goal, pct;
	int r;

	ind_thresholds_default(th);
	if ((r = config_get_int(cfg, "report", NULL, "goal", 10, 1, 1000000, &goal)) != 0 ||
	    (r = config_get_int(cfg, "report", NULL, "goal_amber_pct", 80, 1, 100, &pct)) != 0)
		return r;
	ind_thresholds_set_goal(th, goal, pct);
	for (int i = 0; i < IND_COUNT; i++) {
		const char *key = ind_def(i)->key, *v;
		long line = 0;

		if (i == IND_TEAM_OOH)
			continue;       /* follows the goal */
		v = config_get(cfg, "thresholds", NULL, key, &line);
		if (v != NULL && ind_threshold_parse(v, &th->t[i]) != 0)
			return rota_fail_at(EX_CONFIG, config_path(cfg), line,
					    "[thresholds] %s wants two whole numbers AMBER RED, "
					    "AMBER <= RED: '%s'", key, v);
	}
	/* The minimum counts: min_KEY for each indicator measured on one. */
	for (int i = 0; i < IND_COUNT; i++) {
		char key[64];
		long v;

		if (ind_def(i)->basis == NULL)
			continue;
		snprintf(key, sizeof key, "min_%s", ind_def(i)->key);
		if ((r = config_get_int(cfg, "thresholds", NULL, key, (long)th->min[i], 0,
					1000000, &v)) != 0)
			return r;
		th->min[i] = v;
	}
	if ((r = config_get_int(cfg, "report", NULL, "forecast_min_interruptions",
				(long)th->fc_min_interruptions, 0, 1000000, &goal)) != 0 ||
	    (r = config_get_int(cfg, "report", NULL, "forecast_min_elapsed_pct",
				(long)th->fc_min_elapsed_pct, 0, 100, &pct)) != 0)
		return r;
	th->fc_min_interruptions = goal;
	th->fc_min_elapsed_pct = pct;
	return 0;
}

/* When an interruption's work ends: its last resolution, else its first
 * acknowledgement, else its arrival. */
static int64_t
work_end(const struct interruption *in)
{
	int64_t end = in->start;

	if (in->acknowledged > end)
		end = in->acknowledged;
	if (in->resolved > end)
		end = in->resolved;
	return end;
}

static bool
is_ooh(enum page_class c)
{
	return c == PAGE_OUT_OF_HOURS || c == PAGE_SLEEP;
}

static void
month_add(int *year, int *month, int delta)
{
	int m = *year * 12 + (*month - 1) + delta;

	*year = m / 12;
	*month = m % 12 + 1;
}

/* A table by person id (open addressing) with a number each: for the
 * trend, each responder's latest page; for index_people, a person's count,
 * then place. */
struct last_page {
	int64_t responder_id;           /* 0: empty */
	int64_t created;
};

struct last_table {
	struct last_page *v;
	size_t size, used;              /* size: a power of two */
};

static size_t
last_hash(int64_t id, size_t size)
{
	return (size_t)(((uint64_t)id * 0x9e3779b97f4a7c15u) >> 32) & (size - 1);
}

/* The slot of ID: its entry, or the empty one to fill. */
static struct last_page *
last_page(struct last_table *t, int64_t id)
{
	size_t k;

	if (2 * (t->used + 1) > t->size) {
		struct last_page *old = t->v;
		size_t n = t->size;

		t->size = n ? 2 * n : 64;
		t->v = xcalloc(t->size, sizeof *t->v);
		for (size_t i = 0; i < n; i++)
			if (old[i].responder_id != 0) {
				k = last_hash(old[i].responder_id, t->size);
				while (t->v[k].responder_id != 0)
					k = (k + 1) & (t->size - 1);
				t->v[k] = old[i];
			}
		free(old);
	}
	k = last_hash(id, t->size);
	while (t->v[k].responder_id != 0 && t->v[k].responder_id != id)
		k = (k + 1) & (t->size - 1);
	return &t->v[k];
}

struct trend_state {
	struct last_table last;
	const int64_t *starts;          /* MONTHLY_TREND of them */
	struct mr_month *trend;
	int k;                          /* the month of the latest page */
};

/* Chained as reports/interruptions.h does, each page to the previous one
 * of its responder (pages come in order of creation); nobody's pages
 * alone. An interruption counts in the month of its start. */
static void
trend_page(const struct page_time *t, void *arg)
{
	struct trend_state *ts = arg;
	struct last_page *l = t->responder_id != 0 ? last_page(&ts->last, t->responder_id) : NULL;
	bool chained = l != NULL && l->responder_id != 0 &&
		t->created - l->created <= INTERRUPTION_GAP;

	if (l != NULL) {
		if (l->responder_id == 0)
			ts->last.used++;
		l->responder_id = t->responder_id;
		l->created = t->created;
	}
	if (chained)
		return;
	while (ts->k < MONTHLY_TREND - 1 && t->created >= ts->starts[ts->k + 1])
		ts->k++;
	ts->trend[ts->k].ooh++;
}

/* The team's trend: out-of-hours interruptions in each of the months
 * before the report's (the last entry is filled by the caller). */
static int
trend(struct store *db, const struct tz_zone *zone, struct monthly_report *r)
{
	int64_t starts[MONTHLY_TREND + 1];
	struct trend_state ts = { .starts = starts, .trend = r->team.trend };
	int64_t first = INT64_MAX;
	int ret;

	for (int i = 0; i <= MONTHLY_TREND; i++)
		starts[i] = report_month_start(zone, r->year, r->month, i - (MONTHLY_TREND - 1));
	for (int i = 0; i < MONTHLY_TREND; i++) {
		r->team.trend[i].year = r->year;
		r->team.trend[i].month = r->month;
		month_add(&r->team.trend[i].year, &r->team.trend[i].month,
			  i - (MONTHLY_TREND - 1));
		r->team.trend[i].ooh = 0;
	}
	ret = store_report_ooh_each(db, starts[0], starts[MONTHLY_TREND - 1], trend_page, &ts);
	free(ts.last.v);
	if (ret == 0)
		ret = store_report_first(db, &first);
	/* The trend starts at the first month with data, else at the month. */
	r->team.trend_first = MONTHLY_TREND - 1;
	while (ret == 0 && r->team.trend_first > 0 && first < starts[r->team.trend_first])
		r->team.trend_first--;
	return ret;
}

static int
cmp_handle(const void *a, const void *b)
{
	return strcmp(((const struct mr_person *)a)->handle, ((const struct mr_person *)b)->handle);
}

static int
cmp_alert(const void *a, const void *b)
{
	const struct mr_alert *x = a, *y = b;
	int c;

	if (x->ooh != y->ooh)
		return x->ooh < y->ooh ? 1 : -1;
	if (x->sleep != y->sleep)
		return x->sleep < y->sleep ? 1 : -1;
	if (x->pages != y->pages)
		return x->pages < y->pages ? 1 : -1;
	if ((c = strcmp(x->service, y->service)) != 0)
		return c;
	return strcmp(x->alert, y->alert);
}

static int
cmp_service(const void *a, const void *b)
{
	const struct mr_service *x = a, *y = b;

	if (x->ooh != y->ooh)
		return x->ooh < y->ooh ? 1 : -1;
	if (x->sleep != y->sleep)
		return x->sleep < y->sleep ? 1 : -1;
	if (x->pages != y->pages)
		return x->pages < y->pages ? 1 : -1;
	return strcmp(x->service, y->service);
}

static void
worst(enum ind_status *w, enum ind_status s)
{
	if (s > *w)
		*w = s;
}

static void
alerts(struct monthly_report *r, const struct page_rows *pr)
{
	/* Counts per interned (service, alert) pair, then the pairs of the
	 * month's pages; services sum their pairs. */
	struct mr_alert *acc = xcalloc(pr->n_alerts + 1, sizeof *acc);
	size_t n = 0;

	for (size_t i = 0; i < pr->n; i++) {
		const struct page_row *pg = &pr->v[i];
		struct mr_alert *a = &acc[pg->alert];

		if (pg->created < r->from || pg->created >= r->to)
			continue;
		a->pages++;
		if (is_ooh(pg->class)) {
			a->ooh++;
			if (!pg->acted)
				a->unacted++;
		}
		if (pg->class == PAGE_SLEEP)
			a->sleep++;
		if (!pg->has_runbook)
			a->no_runbook++;
	}
	for (size_t k = 0; k < pr->n_alerts; k++)
		if (acc[k].pages > 0)
			n++;
	r->alerts = xcalloc(n + 1, sizeof *r->alerts);
	r->services = xcalloc(n + 1, sizeof *r->services);
	for (size_t k = 0; k < pr->n_alerts; k++) {
		struct mr_alert *a;
		struct mr_service *s = NULL;

		if (acc[k].pages == 0)
			continue;
		a = &r->alerts[r->n_alerts++];
		*a = acc[k];
		snprintf(a->service, sizeof a->service, "%s", pr->alerts[k].service);
		snprintf(a->alert, sizeof a->alert, "%s", pr->alerts[k].alert);
		for (size_t j = 0; j < r->n_services && s == NULL; j++)
			if (strcmp(r->services[j].service, a->service) == 0)
				s = &r->services[j];
		if (s == NULL) {
			s = &r->services[r->n_services++];
			snprintf(s->service, sizeof s->service, "%s", a->service);
		}
		s->pages += a->pages;
		s->ooh += a->ooh;
		s->sleep += a->sleep;
	}
	free(acc);
	if (r->n_alerts > 0)
		qsort(r->alerts, r->n_alerts, sizeof *r->alerts, cmp_alert);
	if (r->n_services > 0)
		qsort(r->services, r->n_services, sizeof *r->services, cmp_service);
	for (size_t k = 0; k < r->n_alerts; k++) {
		struct mr_alert *a = &r->alerts[k];
		char who[420];

		snprintf(who, sizeof who, "%s%s%s", a->service, a->service[0] ? " / " : "",
			 a->alert[0] ? a->alert : "(no alert name)");
		a->v[IND_ALERT_OOH] = a->ooh;
		a->v[IND_ALERT_UNACTED] = a->unacted;
		a->v[IND_ALERT_NO_RUNBOOK] = a->no_runbook;
		a->worst = IND_GREEN;
		for (int i = IND_ALERT_FIRST; i <= IND_ALERT_LAST; i++) {
			ind_eval(i, &r->th.t[i], who, a->v[i], &a->st[i]);
			worst(&a->worst, a->st[i].status);
		}
	}
}

/* The person with id ID in the report, added when ADD. */
static struct mr_person *
person_slot(struct store *db, struct monthly_report *r, int64_t id, bool add, int *err)
{
	struct person p;
	struct person_attrs then;
	int ret;

	for (size_t k = 0; k < r->n_people; k++)
		if (r->people[k].id == id)
			return &r->people[k];
	if (!add || id == 0)
		return NULL;
	/* A manager at the month's end (or now, when earlier). */
	if ((ret = store_person_get_id(db, id, &p)) != 0 ||
	    (ret = store_person_attrs_at(db, id, r->now < r->to ? r->now : r->to - 1,
					 &then)) != 0) {
		if (ret != STORE_NOT_FOUND)
			*err = ret;
		return NULL;
	}
	r->people = xreallocarray(r->people, r->n_people + 1, sizeof *r->people);
	memset(&r->people[r->n_people], 0, sizeof *r->people);
	r->people[r->n_people].id = id;
	snprintf(r->people[r->n_people].handle, HANDLE_MAX, "%s", p.handle);
	snprintf(r->people[r->n_people].name, NAME_MAX_, "%s", p.name);
	r->people[r->n_people].is_manager = then.is_manager;
	r->people[r->n_people].v[IND_WEEKS_SINCE] = -1;
	return &r->people[r->n_people++];
}

static int64_t
overlap(int64_t a, int64_t b, int64_t from, int64_t to)
{
	if (a < from)
		a = from;
	if (b > to)
		b = to;
	return b > a ? b - a : 0;
}

/* A page of a person: the index of pages sorted by person, then page. */
struct by_person {
	int64_t person_id;
	size_t page;
};

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Pages by person: their responder's (an escalation is no interruption
 * of the escalation person: interruption_in_month). */
static struct by_person *
index_people(const struct page_row *p, size_t np, size_t *n)
{
	struct by_person *v = xreallocarray(NULL, np + 1, sizeof *v);

	*n = 0;
	for (size_t i = 0; i < np; i++)
		if (p[i].responder_id != 0)
			v[(*n)++] = (struct by_person){ p[i].responder_id, i };
	if (*n > 1) {
		/* Speed: a counting sort by person (a team has tens, a month
		 * ~100,000 pages), stable, so each person's pages stay in
		 * order: by person id, then page. */
		struct last_table t = { 0 };
		struct by_person *out = xreallocarray(NULL, *n, sizeof *out);
		int64_t *ids = xreallocarray(NULL, *n, sizeof *ids), at = 0;
		size_t nids = 0;

		for (size_t i = 0; i < *n; i++) {
			struct last_page *l = last_page(&t, v[i].person_id);

			if (l->responder_id == 0) {
				l->responder_id = v[i].person_id;
				l->created = 0;
				t.used++;
				ids[nids++] = v[i].person_id;
			}
			l->created++;   /* its count, for now */
		}
		qsort(ids, nids, sizeof *ids, cmp_id);
		for (size_t k = 0; k < nids; k++) {
			struct last_page *l = last_page(&t, ids[k]);
			int64_t c = l->created;

			l->created = at;  /* its first place */
			at += c;
		}
		for (size_t i = 0; i < *n; i++)
			out[last_page(&t, v[i].person_id)->created++] = v[i];
		free(t.v);
		free(ids);
		free(v);
		v = out;
	}
	return v;
}

/* Whether the minimum gap binds in TERM: as for the generator, only where
 * the term has 3 or more members (DESIGN.md); in a smaller one every
 * member serves back to back by necessity. */
static int
min_gap_applies(struct store *db, int64_t term_id, bool *applies)
{
	struct membership *m = NULL;
	size_t n = 0;
	int r = store_member_list(db, term_id, &m, &n);

	free(m);
	*applies = n >= 3;
	return r;
}

/* Whether SH[J] is its holder's first part of its week (SH sorted by
 * start: the week's earlier parts lie between its start and J). */
static bool
first_part_of_week(const struct shift *sh, size_t j)
{
	for (size_t k = j; k-- > 0 && sh[k].start >= sh[j].slot_start;)
		if (sh[k].person_id == sh[j].person_id && sh[k].term_id == sh[j].term_id &&
		    sh[k].slot == sh[j].slot)
			return false;
	return true;
}

/* Into GS, for the minimum gap of GAP weeks, the weeks of its rotation
 * that the holder of SH[FIRST] held from it on: their parts of one week
 * are one stretch, from their first part to the end of their last (a
 * night of their week covered by a colleague does not cut it into two
 * close shifts), and only a week they hold whole counts (week_held_whole:
 * a night taken for a colleague is not a week of one's own), as schedule
 * check counts it. SH is sorted by start. Returns how many. */
static size_t
held_weeks(const struct shift *sh, size_t nsh, size_t first, long gap, struct gap_shift *gs)
{
	int64_t person = sh[first].person_id, rotation = sh[first].rotation_id;
	size_t ng = 0;

	for (size_t j = first; j < nsh; j++) {
		const struct shift *s = &sh[j];
		int64_t end = s->end;

		if (s->person_id != person || s->rotation_id != rotation ||
		    !first_part_of_week(sh, j))
			continue;
		for (size_t k = j + 1; k < nsh && sh[k].start < s->slot_end; k++)
			if (sh[k].person_id == person && sh[k].term_id == s->term_id &&
			    sh[k].slot == s->slot)
				end = sh[k].end;
		if (!week_held_whole(s->start, end, s->slot_start, s->slot_end))
			continue;
		gs[ng++] = (struct gap_shift){ s->start, end,
			gap > 0 ? gap * (s->slot_end - s->slot_start) - DST_SLACK : 0 };
	}
	return ng;
}

/* The seconds of shift S inside [FROM, TO) its holder was on call: its
 * rotation's windows there (OC), else all of them. */
static int64_t
oncall_within(const struct monthly_oncall *oc, size_t noc, const struct shift *s,
	      int64_t from, int64_t to)
{
	int64_t a = s->start > from ? s->start : from, b = s->end < to ? s->end : to;

	for (size_t i = 0; i < noc; i++)
		if (oc[i].rotation_id == s->rotation_id)
			return b > a ? time_spans_within(oc[i].v, oc[i].n, a, b) : 0;
	return overlap(s->start, s->end, from, to);
}

static int
cmp_part(const void *a, const void *b)
{
	const struct mr_part *x = a, *y = b;
	int c = strcmp(x->rotation, y->rotation);

	if (c != 0)
		return c;
	if (x->tier != y->tier)
		return x->tier < y->tier ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* The month's shifts SH[0..NSH) (parts of a week included), cut to it,
 * for the who-was-on-call strip. */
static void
parts(struct monthly_report *r, const struct shift *sh, size_t nsh)
{
	r->parts = xcalloc(nsh + 1, sizeof *r->parts);
	for (size_t i = 0; i < nsh; i++) {
		struct mr_part *pt;

		if (overlap(sh[i].start, sh[i].end, r->from, r->to) == 0)
			continue;
		pt = &r->parts[r->n_parts++];
		snprintf(pt->rotation, sizeof pt->rotation, "%s", sh[i].rotation);
		snprintf(pt->handle, sizeof pt->handle, "%s", sh[i].handle);
		pt->tier = sh[i].tier;
		pt->start = sh[i].start > r->from ? sh[i].start : r->from;
		pt->end = sh[i].end < r->to ? sh[i].end : r->to;
	}
	if (r->n_parts > 0)
		qsort(r->parts, r->n_parts, sizeof *r->parts, cmp_part);
}

/* Every figure of one person. */
static int
person_figures(struct store *db, const struct config *cfg, struct monthly_report *r,
	       const struct monthly_oncall *oc, size_t noc,
	       struct mr_person *mp, const struct page_row *p, size_t np,
	       const struct by_person *bp, size_t nbp,
	       const struct shift *sh, size_t nsh, const struct tz_zone *rzone)
{
	struct person_attrs pe;
	const struct tz_zone *zone;
	size_t k = 0, ni = 0, lo = 0, hi = nbp, first;
	struct interruption *in = NULL;
	struct page_row *mine = NULL;
	struct work *w = NULL;
	int64_t *nights = xreallocarray(NULL, np + 1, sizeof *nights), nn = 0;
	struct gap_shift *gs = xreallocarray(NULL, nsh + 1, sizeof *gs);
	int64_t ref = r->now < r->to ? r->now : r->to, last_end = INT64_MIN;
	int ret = 0;

	/* Days of rest in the zone in force when the month began. */
	if ((ret = store_person_attrs_at(db, mp->id, r->from, &pe)) != 0)
		goto done;
	zone = tz_lookup(pe.tz);
	if (zone == NULL)
		zone = rzone;
	while (lo < hi) {                       /* the first entry of the person */
		size_t mid = lo + (hi - lo) / 2;

		if (bp[mid].person_id < mp->id)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* The person's pages, as responder. */
	for (first = lo; lo < nbp && bp[lo].person_id == mp->id; lo++)
		k++;
	mine = xreallocarray(NULL, k + 1, sizeof *mine);
	w = xreallocarray(NULL, k + 1, sizeof *w);
	for (size_t i = 0; i < k; i++) {
		mine[i] = p[bp[first + i].page];
		mine[i].responder_id = mp->id;
	}
	interruptions_merge_rows(mine, k, &in, &ni);
	for (size_t i = 0; i < ni; i++) {
		w[i] = (struct work){ in[i].start, work_end(&in[i]) };
		if (!interruption_in_month(&in[i], r->from, r->to))
			continue;
		mp->interruptions++;
		if (is_ooh(in[i].class))
			mp->v[IND_OOH]++;
		if (in[i].class == PAGE_SLEEP) {
			struct person_attrs then;
			const struct tz_zone *z;

			/* The night of the sleep hours in force then. */
			if ((ret = store_person_attrs_at(db, mp->id, in[i].start, &then)) != 0)
				goto done;
			z = tz_lookup(then.tz);
			mp->v[IND_SLEEP]++;
			nights[nn++] = night_of(z ? z : rzone, then.sleep_start, then.sleep_end,
						in[i].start);
		}
	}
	mp->v[IND_DAILY_REST] = rest_broken_days(zone, r->year, r->month, w, ni, DAILY_REST);
	mp->v[IND_WEEKLY_REST] = rest_broken_weeks(zone, r->year, r->month, w, ni, WEEKLY_REST);
	nights_count(nights, (size_t)nn, &mp->v[IND_NIGHTS], &mp->v[IND_NIGHT_RUN]);
	/* Shifts: those of the month, the most interruptions in one, the gaps. */
	for (size_t i = 0; i < nsh; i++) {
		const struct shift *s = &sh[i];
		int64_t count = 0;

		if (s->person_id != mp->id)
			continue;
		if (s->start <= ref && s->end > last_end)
			last_end = s->start <= ref && ref < s->end ? ref : s->end;
		if (overlap(s->start, s->end, r->from, r->to) == 0)
			continue;
		mp->shifts++;
		mp->oncall_seconds += oncall_within(oc, noc, s, r->from, r->to);
		/* Only the month's: a shift ending on its first day brings
		 * none of the month before. */
		for (size_t j = 0; j < ni; j++)
			if (in[j].start >= s->start && in[j].start < s->end &&
			    interruption_in_month(&in[j], r->from, r->to))
				count++;
		if (count > mp->v[IND_SHIFT_PAGES])
			mp->v[IND_SHIFT_PAGES] = count;
	}
	if (last_end != INT64_MIN)
		mp->v[IND_WEEKS_SINCE] = (ref - last_end) / WEEK;
	for (size_t i = 0; i < nsh; i++) {
		long gap;
		size_t ng = 0;
		bool seen = false, applies;

		if (sh[i].person_id != mp->id)
			continue;
		for (size_t j = 0; j < i && !seen; j++)
			seen = sh[j].person_id == mp->id && sh[j].rotation_id == sh[i].rotation_id;
		if (seen)
			continue;       /* that rotation was counted */
		if ((ret = config_rotation_int(cfg, sh[i].rotation, "min_gap_shifts", 1, 0, 52,
					       &gap)) != 0 ||
		    (ret = min_gap_applies(db, sh[i].term_id, &applies)) != 0)
			goto done;
		if (!applies)
			gap = 0;
		ng = held_weeks(sh, nsh, i, gap, gs);
		mp->v[IND_CLOSE_SHIFTS] += close_shifts(gs, ng, r->from, r->to);
	}
done:
	free(mine);
	free(in);
	free(w);
	free(nights);
	free(gs);
	return ret;
}

/* The team: out-of-hours interruptions per responder, by hour, and the
 * times to acknowledge and to resolve. */
static int
team_figures(struct store *db, struct monthly_report *r, const struct page_row *p,
	     size_t np, const struct tz_zone *rzone)
{
	struct interruption *in = NULL;
	int64_t *ack = xreallocarray(NULL, np + 1, sizeof *ack);
	int64_t *res = xreallocarray(NULL, np + 1, sizeof *res);
	size_t nack = 0, nres = 0, ni = 0;
	const struct tz_zone *zone = rzone;
	int ret = 0;

	for (size_t i = 0; i < np; i++) {
		const struct page_row *pg = &p[i];

		if (pg->created < r->from || pg->created >= r->to)
			continue;
		r->team.pages++;
		if (page_by_owners(pg->responder_id))
			r->team.owners_pages++;
		if (pg->escalated) {
			struct mr_person *mp = person_slot(db, r, pg->escalation_person_id,
							   false, &ret);

			r->team.v[IND_ESCALATIONS]++;
			if (mp != NULL)
				mp->escalations++;
		}
		if (pg->acknowledged > 0)
			ack[nack++] = pg->acknowledged > pg->created ? pg->acknowledged - pg->created : 0;
		if (pg->resolved > 0)
			res[nres++] = pg->resolved > pg->created ? pg->resolved - pg->created : 0;
	}
	interruptions_merge_rows(p, np, &in, &ni);
	for (size_t j = 0; j < ni; j++) {
		struct local_time lt;

		if (!interruption_in_month(&in[j], r->from, r->to))
			continue;
		r->team.interruptions++;
		if (in[j].class == PAGE_SLEEP)
			r->team.sleep_interruptions++;
		if (!is_ooh(in[j].class))
			continue;
		r->team.v[IND_TEAM_OOH]++;
		if (in[j].start < r->now)
			r->team.so_far++;
		/* The hour in the responder's zone in force then. */
		zone = rzone;
		if (in[j].responder_id != 0) {
			struct person_attrs then;

			ret = store_person_attrs_at(db, in[j].responder_id, in[j].start, &then);
			if (ret == 0 && tz_lookup(then.tz) != NULL)
				zone = tz_lookup(then.tz);
			else if (ret != STORE_NOT_FOUND && ret != 0)
				goto out;
			ret = 0;
		}
		tz_to_local(zone, in[j].start, &lt);
		r->by_hour[lt.hour]++;
	}
	stats_sort(ack, nack);
	stats_sort(res, nres);
	r->team.v[IND_ACK_MEDIAN] = stats_percentile(ack, nack, 50);
	r->team.v[IND_ACK_P95] = stats_percentile(ack, nack, 95);
	r->team.v[IND_RESOLVE_MEDIAN] = stats_percentile(res, nres, 50);
	r->team.v[IND_RESOLVE_P95] = stats_percentile(res, nres, 95);
	r->team.count[IND_ACK_MEDIAN] = r->team.count[IND_ACK_P95] = (int64_t)nack;
	r->team.count[IND_RESOLVE_MEDIAN] = r->team.count[IND_RESOLVE_P95] = (int64_t)nres;
out:
	free(in);
	free(ack);
	free(res);
	return ret;
}

enum ind_status
monthly_overall(const struct monthly_report *r)
{
	enum ind_status w = IND_GREEN;

	for (int i = IND_TEAM_FIRST; i <= IND_TEAM_LAST; i++)
		worst(&w, r->team.st[i].status);
	if (r->team.has_forecast)
		worst(&w, r->team.fc_st.status);
	for (size_t k = 0; k < r->n_people; k++)
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++)
			worst(&w, r->people[k].st[i].status);
	for (size_t k = 0; k < r->n_alerts; k++)
		worst(&w, r->alerts[k].worst);
	return w;
}

bool
monthly_grey_shown(const struct ind_result *st, int64_t v)
{
	return st->status == IND_GREY && v > 0;
}

void
monthly_pay_text(const struct mr_person *p, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < p->n_pay && used < len; i++) {
		char amount[48];

		money_format(p->pay[i].total_minor, p->pay[i].exponent, amount, sizeof amount);
		used += (size_t)snprintf(buf + used, len - used, "%s%s %s", i > 0 ? ", " : "",
					 amount, p->pay[i].currency);
	}
}

/* Each person's pay of the month, from the pay report's own computation. */
static int
pay(struct store *db, const struct config *cfg, struct monthly_report *r,
    const struct page_rows *pr)
{
	struct pay_month pm;
	int ret = pay_month_compute_rows(db, cfg, r->year, r->month, pr, &pm);

	if (ret != 0) {
		pay_month_free(&pm);
		return ret;
	}
	for (size_t i = 0; i < pm.n_lines; i++) {
		const struct pay_line *l = &pm.lines[i];
		const struct person *who = &pm.persons[l->person];

		for (size_t k = 0; k < r->n_people; k++) {
			struct mr_person *mp = &r->people[k];

			if (mp->id != who->id || mp->n_pay >= sizeof mp->pay / sizeof mp->pay[0])
				continue;
			snprintf(mp->pay[mp->n_pay].currency, sizeof mp->pay[0].currency, "%s",
				 l->currency);
			mp->pay[mp->n_pay].exponent = l->exponent;
			mp->pay[mp->n_pay].total_minor = l->total;
			mp->n_pay++;
		}
	}
	pay_month_free(&pm);
	return 0;
}

/* Every member of a term overlapping the month, for part of it. */
static int
term_members(struct store *db, struct monthly_report *r)
{
	struct term *t = NULL;
	size_t nt = 0;
	int ret = store_term_list(db, 0, &t, &nt);

	for (size_t i = 0; i < nt && ret == 0; i++) {
		struct membership *m = NULL;
		size_t nm = 0;

		if (t[i].start >= r->to || t[i].end <= r->from)
			continue;
		ret = store_member_list(db, t[i].id, &m, &nm);
		for (size_t k = 0; k < nm && ret == 0; k++)
			if (m[k].joined < r->to && m[k].left > r->from)
				person_slot(db, r, m[k].person_id, true, &ret);
		free(m);
	}
	free(t);
	return ret;
}

/* Each person's share of the team's out-of-hours interruptions: whole
 * percentages adding up to 100. */
static void
shares(struct monthly_report *r)
{
	int64_t *v = xreallocarray(NULL, r->n_people + 1, sizeof *v);
	int64_t *pct = xreallocarray(NULL, r->n_people + 1, sizeof *pct);

	for (size_t k = 0; k < r->n_people; k++)
		v[k] = r->people[k].v[IND_OOH];
	stats_shares_pct(v, r->n_people, pct);
	for (size_t k = 0; k < r->n_people; k++)
		r->people[k].v[IND_OOH_SHARE] = pct[k];
	free(v);
	free(pct);
}

int
monthly_month_range(const struct config *cfg, int year, int month, int64_t *from,
		    int64_t *to)
{
	const struct tz_zone *zone;
	int ret;

	if ((ret = report_zone(cfg, &zone, NULL)) != 0)
		return ret;
	*from = report_month_start(zone, year, month, 0);
	*to = report_month_start(zone, year, month, 1);
	return 0;
}

int
monthly_build(struct store *db, const struct config *cfg, int year, int month,
	      int64_t now, const struct monthly_oncall *oc, size_t noc,
	      struct monthly_report *r)
{
	const char *zname;
	const struct tz_zone *zone;
	struct shift_filter f = { 0 };
	struct shift *sh = NULL;
	struct page_rows pr = { 0 };
	struct last_table seen = { 0 };
	struct page_row *p;
	struct by_person *bp = NULL;
	size_t nsh = 0, np, nbp = 0;
	int64_t pfrom, pto;
	int ret;

	memset(r, 0, sizeof *r);
	if ((ret = report_zone(cfg, &zone, &zname)) != 0)
		return ret;
	if ((ret = monthly_thresholds(cfg, &r->th)) != 0)
		return ret;
	r->year = year;
	r->month = month;
	snprintf(r->month_name, sizeof r->month_name, "%04d-%02d", year, month);
	snprintf(r->zone, sizeof r->zone, "%s", zname);
	if ((ret = monthly_month_range(cfg, year, month, &r->from, &r->to)) != 0)
		return ret;
	r->now = now;

	f.from = r->from - HISTORY_DAYS * (int64_t)DAY;
	f.to = r->to;
	if ((ret = store_shift_list(db, &f, &sh, &nsh)) != 0)
		goto done;
	pfrom = r->from - 8 * DAY;
	pto = r->to + 8 * DAY;
	for (size_t i = 0; i < nsh; i++)
		if (overlap(sh[i].start, sh[i].end, r->from, r->to) > 0) {
			if (sh[i].start < pfrom)
				pfrom = sh[i].start;
			if (sh[i].end > pto)
				pto = sh[i].end;
		}
	if ((ret = store_report_page_rows(db, pfrom, pto, true, &pr)) != 0)
		goto done;
	p = pr.v;
	np = pr.n;

	/* Who is in the report: every member of a term overlapping the
	 * month, and anyone on call, interrupted or escalated to in it. */
	if ((ret = term_members(db, r)) != 0)
		goto done;
	for (size_t i = 0; i < nsh && ret == 0; i++)
		if (overlap(sh[i].start, sh[i].end, r->from, r->to) > 0)
			person_slot(db, r, sh[i].person_id, true, &ret);
	for (size_t i = 0; i < np && ret == 0; i++)
		if (p[i].created >= r->from && p[i].created < r->to) {
			/* Each person once (a month has ~100,000 pages). */
			int64_t ids[2] = { p[i].responder_id, p[i].escalation_person_id };

			for (int k = 0; k < 2 && ret == 0; k++) {
				struct last_page *l;

				if (ids[k] == 0 || (l = last_page(&seen, ids[k]))->responder_id != 0)
					continue;
				l->responder_id = ids[k];
				seen.used++;
				person_slot(db, r, ids[k], true, &ret);
			}
		}
	free(seen.v);
	if (ret != 0)
		goto done;
	if (r->n_people > 0)
		qsort(r->people, r->n_people, sizeof *r->people, cmp_handle);

	if ((ret = team_figures(db, r, p, np, zone)) != 0 || (ret = trend(db, zone, r)) != 0)
		goto done;
	r->team.trend[MONTHLY_TREND - 1].ooh = r->team.v[IND_TEAM_OOH];
	for (int i = IND_TEAM_FIRST; i <= IND_TEAM_LAST; i++)
		ind_judge(i, &r->th, "the team", r->team.v[i], r->team.count[i], &r->team.st[i]);
	if (now >= r->from && now < r->to &&
	    stats_forecast(r->team.so_far, now - r->from, r->to - r->from, &r->team.fc) == 0) {
		r->team.has_forecast = true;
		ind_forecast_judge(&r->th, r->team.so_far, now - r->from, r->to - r->from,
				   r->team.fc.expected, r->team.fc.low, r->team.fc.high,
				   &r->team.fc_st);
	}

	parts(r, sh, nsh);
	bp = index_people(p, np, &nbp);
	for (size_t k = 0; k < r->n_people; k++)
		if ((ret = person_figures(db, cfg, r, oc, noc, &r->people[k], p, np, bp, nbp,
					  sh, nsh, zone)) != 0)
			goto done;
	shares(r);
	for (size_t k = 0; k < r->n_people; k++) {
		struct mr_person *mp = &r->people[k];

		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++)
			ind_judge(i, &r->th, mp->handle, mp->v[i],
				  i == IND_OOH_SHARE ? r->team.v[IND_TEAM_OOH] : 0, &mp->st[i]);
	}
	if ((ret = pay(db, cfg, r, &pr)) != 0)
		goto done;
	alerts(r, &pr);
	r->worst = monthly_overall(r);
done:
	free(sh);
	store_report_page_rows_free(&pr);
	free(bp);
	if (ret != 0)
		monthly_free(r);
	return ret;
}

void
monthly_free(struct monthly_report *r)
{
	free(r->people);
	free(r->alerts);
	free(r->services);
	free(r->parts);
	if (r->prev != NULL)
		monthly_free(r->prev);
	free(r->prev);
	r->people = NULL;
	r->alerts = NULL;
	r->services = NULL;
	r->parts = NULL;
	r->prev = NULL;
	r->n_people = r->n_alerts = r->n_services = r->n_parts = 0;
}

void
monthly_previous(int year, int month, int *py, int *pm)
{
	*py = year;
	*pm = month;
	month_add(py, pm, -1);
}

const struct mr_person *
monthly_person(const struct monthly_report *r, int64_t id)
{
	for (size_t k = 0; k < r->n_people; k++)
		if (r->people[k].id == id)
			return &r->people[k];
	return NULL;
}
