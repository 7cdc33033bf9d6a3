/* A month's pay for everybody; see pay-month.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "reports/classify.h"
#include "reports/interruptions.h"
#include "reports/money.h"
#include "reports/month.h"
#include "reports/pay-month.h"
#include "reports/responder.h"

#define DAY 86400

/* The money keys of a policy, in the order of rota.conf(5). */
static const char *const amount_keys[] = {
	"stipend_per_week", "weekday_rate", "weekend_rate", "holiday_rate",
	"active_hour_rate", "sleep_interruption_bonus", "monthly_cap",
};

static int64_t *
amount_field(struct pay_policy *p, size_t i)
{
	int64_t *fields[] = { &p->stipend_per_week, &p->weekday_rate, &p->weekend_rate,
			      &p->holiday_rate, &p->active_hour_rate,
			      &p->sleep_interruption_bonus, &p->monthly_cap };
	return fields[i];
}

/* Whether [policy "NAME"] has any key. */
static bool
policy_exists(const struct config *cfg, const char *name)
{
	static const char *const others[] = { "currency", "active_rounding_minutes",
					       "toil_hours_per_sleep_interruption" };

	for (size_t i = 0; i < sizeof amount_keys / sizeof amount_keys[0]; i++)
		if (config_get(cfg, "policy", name, amount_keys[i], NULL) != NULL)
			return true;
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		if (config_get(cfg, "policy", name, others[i], NULL) != NULL)
			return true;
	return false;
}

int
pay_policy_load(const struct config *cfg, const char *name, long ref_line,
		struct pay_policy *out)
{
	const char *path = config_path(cfg), *cur, *why;
	long line = 0, v;
	int r;

	memset(out, 0, sizeof *out);
	if (strlen(name) >= sizeof out->name || !policy_exists(cfg, name))
		return rota_fail_at(EX_CONFIG, path, ref_line,
				    "unknown policy '%s' (no [policy \"%s\"] section)", name, name);
	snprintf(out->name, sizeof out->name, "%s", name);
	cur = config_get(cfg, "policy", name, "currency", &line);
	if (cur == NULL)
		cur = "EUR";
	out->exponent = money_exponent(cur);
	if (out->exponent < 0)
		return rota_fail_at(EX_CONFIG, path, line,
				    "unknown currency '%s' in [policy \"%s\"] (an ISO 4217 "
				    "code such as EUR, USD, GBP or JPY)", cur, name);
	memcpy(out->currency, cur, 4);
	for (size_t i = 0; i < sizeof amount_keys / sizeof amount_keys[0]; i++) {
		const char *s = config_get(cfg, "policy", name, amount_keys[i], &line);
		int64_t *field = amount_field(out, i);

		if (s == NULL)
			continue;
		if (money_parse(s, out->exponent, field, &why) < 0)
			return rota_fail_at(EX_CONFIG, path, line,
					    "%s '%s' %s (%s has %d decimal%s)",
					    amount_keys[i], s, why, out->currency,
					    out->exponent, out->exponent == 1 ? "" : "s");
		if (*field < 0)
			return rota_fail_at(EX_CONFIG, path, line,
					    "%s '%s' must not be negative", amount_keys[i], s);
	}
	if ((r = config_get_int(cfg, "policy", name, "active_rounding_minutes", 15, 1,
				1440, &v)) != 0)
		return r;
	out->active_rounding_minutes = (int)v;
	if ((r = config_get_int(cfg, "policy", name, "toil_hours_per_sleep_interruption",
				0, 0, 24, &v)) != 0)
		return r;
	out->toil_hours_per_sleep_interruption = v;
	return 0;
}

/* What the computation keeps besides its result. */
struct work_state {
	struct rotation *rots;
	size_t n_rots;
	long *rot_policy;                 /* per rotation: policy index, -1: unpaid */
	struct shift *shifts;
	size_t n_shifts;
	const struct page_row *pages;     /* in order of creation */
	size_t n_pages;
	struct page_rows own;             /* when read here */
	size_t *by_person;                /* shift indexes by person, then start */
	struct id_index { int64_t id; size_t index; } *ids;  /* persons by id */
	size_t n_ids;
	struct office *offices;
	size_t n_offices;
	struct holiday *holidays;         /* of the month's days, and 2 more each side */
	size_t n_holidays;
	struct responder_cals rc;         /* what was in force for whom when */
	struct pay_person *days;          /* per shift: whose days its day rates count */
};

/* The policy index of rotation ROTATION_ID, or -1. */
static long
rotation_policy(const struct work_state *w, int64_t rotation_id)
{
	for (size_t i = 0; i < w->n_rots; i++)
		if (w->rots[i].id == rotation_id)
			return w->rot_policy[i];
	return -1;
}

static int
load_policies(struct store *s, const struct config *cfg, struct pay_month *m,
	      struct work_state *w)
{
	int r;

	if ((r = store_rotation_list(s, &w->rots, &w->n_rots)) != 0)
		return r;
	w->rot_policy = xcalloc(w->n_rots + 1, sizeof *w->rot_policy);
	m->policies = xcalloc(w->n_rots + 1, sizeof *m->policies);
	for (size_t i = 0; i < w->n_rots; i++) {
		long line = 0;
		const char *name = config_get(cfg, "rotation", w->rots[i].name, "policy", &line);
		size_t k;

		w->rot_policy[i] = -1;
		/* Unset: "standard", when there is such a policy. */
		if (name == NULL && policy_exists(cfg, "standard"))
			name = "standard";
		if (name == NULL || *name == '\0')
			continue;
		for (k = 0; k < m->n_policies; k++)
			if (strcmp(m->policies[k].name, name) == 0)
				break;
		if (k == m->n_policies) {
			if ((r = pay_policy_load(cfg, name, line, &m->policies[k])) != 0)
				return r;
			m->n_policies++;
		}
		w->rot_policy[i] = (long)k;
	}
	return 0;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int
person_cmp(const void *a, const void *b)
{
	return strcmp(((const struct person *)a)->handle, ((const struct person *)b)->handle);
}

/* Reads the people of IDS[0..N) (any order, repeats allowed) into
 * m->persons, sorted by handle. */
static int
load_persons(struct store *s, struct pay_month *m, int64_t *ids, size_t n)
{
	int r;

	qsort(ids, n, sizeof *ids, id_cmp);
	m->persons = xcalloc(n + 1, sizeof *m->persons);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && ids[i] == ids[i - 1])
			continue;
		if ((r = store_person_get_id(s, ids[i], &m->persons[m->n_persons])) != 0)
			return r == STORE_NOT_FOUND ?
				rota_fail(EX_SOFTWARE, "person %lld is missing", (long long)ids[i]) : r;
		m->n_persons++;
	}
	qsort(m->persons, m->n_persons, sizeof *m->persons, person_cmp);
	return 0;
}

/* Every office and the public holidays of the month's days (2 more each
 * side, for every zone), for what was in force for each person when
 * (reports/responder.h). */
static int
load_calendars(struct store *s, struct work_state *w, int64_t from, int64_t to)
{
	const struct tz_zone *utc = tz_utc();
	char from_day[16], to_day[16];
	int r;

	date_format_local(from - 2 * DAY, utc, from_day, sizeof from_day);
	date_format_local(to + 2 * DAY, utc, to_day, sizeof to_day);
	if ((r = store_office_list(s, &w->offices, &w->n_offices)) != 0 ||
	    (r = store_holiday_list(s, 0, from_day, to_day, &w->holidays, &w->n_holidays)) != 0)
		return r;
	responder_cals_init(&w->rc, s, w->offices, w->n_offices, w->holidays, w->n_holidays);
	return 0;
}

/* Why what was in force for person P (AT) cannot be judged: EX_DATAERR
 * after saying so. */
static int
unreadable(const struct person *p, const struct responder_at *at)
{
	if (at->cal == NULL && at->office != NULL)
		return rota_fail(EX_DATAERR, "office '%s' has an unreadable zone "
				 "or business hours", at->office->name);
	return rota_fail(EX_DATAERR, "person '%s' has an unknown time zone '%s'",
			 p->handle, at->attrs->tz);
}

/* The policy paying work of person PERSON_ID at T: the shift they held
 * then, else the page's rotation. w->by_person indexes the shifts by
 * person, then start. */
static long
work_policy(const struct work_state *w, int64_t person_id, int64_t t, int64_t page_rotation)
{
	size_t lo = 0, hi = w->n_shifts;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (w->shifts[w->by_person[mid]].person_id < person_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < w->n_shifts; lo++) {
		const struct shift *sh = &w->shifts[w->by_person[lo]];

		if (sh->person_id != person_id || sh->start > t)
			break;
		if (t < sh->end)
			return rotation_policy(w, sh->rotation_id);
	}
	return page_rotation ? rotation_policy(w, page_rotation) : -1;
}

static const struct shift *sort_shifts;   /* for by_person_cmp */

static int
by_person_cmp(const void *a, const void *b)
{
	const struct shift *x = &sort_shifts[*(const size_t *)a];
	const struct shift *y = &sort_shifts[*(const size_t *)b];

	if (x->person_id != y->person_id)
		return x->person_id < y->person_id ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

static int
page_cmp(const void *a, const void *b)
{
	const struct page_row *x = a, *y = b;

	if (x->responder_id != y->responder_id)
		return x->responder_id < y->responder_id ? -1 : 1;
	if (x->acknowledged != y->acknowledged)
		return x->acknowledged < y->acknowledged ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Index of person ID in m->persons through w->ids (id, index pairs
 * sorted by id), or (size_t)-1. */
static size_t
find_person(const struct work_state *w, int64_t id)
{
	size_t lo = 0, hi = w->n_ids;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (w->ids[mid].id == id)
			return w->ids[mid].index;
		if (w->ids[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

static int
id_index_cmp(const void *a, const void *b)
{
	return id_cmp(a, b);   /* id is the first member */
}

/* The first of the N rows of V (in order of creation) created at T or
 * later. */
static size_t
first_at(const struct page_row *v, size_t n, int64_t t)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].created < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
pay_month_compute(struct store *s, const struct config *cfg, int year, int month,
		  struct pay_month *m)
{
	return pay_month_compute_rows(s, cfg, year, month, NULL, m);
}

int
pay_month_compute_rows(struct store *s, const struct config *cfg, int year, int month,
		       const struct page_rows *rows, struct pay_month *m)
{
	struct work_state w = { 0 };
	struct shift_filter f = { 0 };
	struct pay_person *pp = NULL;
	struct pay_shift *ps = NULL;
	struct pay_work *pw = NULL;
	struct pay_sleep *pz = NULL;
	struct interruption *irs = NULL;
	size_t nps = 0, npw = 0, npz = 0, nirs = 0, kept = 0;
	const struct tz_zone *zone;
	int r;

	memset(m, 0, sizeof *m);
	m->year = year;
	m->month = month;
	if ((r = report_zone(cfg, &zone, NULL)) != 0)
		return r;
	m->from = report_month_start(zone, year, month, 0);
	m->to = report_month_start(zone, year, month, 1);
	if ((r = load_policies(s, cfg, m, &w)) != 0)
		goto done;

	/* Shifts of paid rotations overlapping the month: whoever holds them. */
	f.from = m->from;
	f.to = m->to;
	if ((r = store_shift_list(s, &f, &w.shifts, &w.n_shifts)) != 0)
		goto done;
	for (size_t i = 0; i < w.n_shifts; i++)
		if (rotation_policy(&w, w.shifts[i].rotation_id) >= 0)
			w.shifts[kept++] = w.shifts[i];
	w.n_shifts = kept;
	/* Pages from a day before the month (merging looks back 60 s; work
	 * acknowledged before the month belongs to the month before). */
	if (rows != NULL && rows->from <= m->from - DAY && rows->to >= m->to) {
		size_t a = first_at(rows->v, rows->n, m->from - DAY);

		w.n_pages = first_at(rows->v, rows->n, m->to) - a;
		w.pages = w.n_pages > 0 ? rows->v + a : NULL;
	} else {
		if ((r = store_report_page_rows(s, m->from - DAY, m->to, false, &w.own)) != 0)
			goto done;
		w.pages = w.own.v;
		w.n_pages = w.own.n;
	}

	/* Shifts by person, for the policy of each piece of work. */
	w.by_person = xcalloc(w.n_shifts + 1, sizeof *w.by_person);
	for (size_t i = 0; i < w.n_shifts; i++)
		w.by_person[i] = i;
	sort_shifts = w.shifts;
	qsort(w.by_person, w.n_shifts, sizeof *w.by_person, by_person_cmp);
	sort_shifts = NULL;

	/* Everyone paid: holders of the shifts and responders to paid pages. */
	{
		int64_t *ids = xcalloc(w.n_shifts + w.n_pages + 1, sizeof *ids);
		size_t nids = 0;

		for (size_t i = 0; i < w.n_shifts; i++)
			ids[nids++] = w.shifts[i].person_id;
		for (size_t i = 0; i < w.n_pages; i++) {
			const struct page_row *pg = &w.pages[i];

			if (pg->responder_id != 0 &&
			    (work_policy(&w, pg->responder_id, pg->created, pg->rotation_id) >= 0 ||
			     (pg->acknowledged != 0 &&
			      work_policy(&w, pg->responder_id, pg->acknowledged,
					  pg->rotation_id) >= 0)))
				ids[nids++] = pg->responder_id;
		}
		r = load_persons(s, m, ids, nids);
		free(ids);
		if (r != 0)
			goto done;
	}
	w.ids = xcalloc(m->n_persons + 1, sizeof *w.ids);
	for (size_t i = 0; i < m->n_persons; i++)
		w.ids[w.n_ids++] = (struct id_index){ m->persons[i].id, i };
	qsort(w.ids, w.n_ids, sizeof *w.ids, id_index_cmp);
	if ((r = load_calendars(s, &w, m->from, m->to)) != 0)
		goto done;

	pp = xcalloc(m->n_persons + 1, sizeof *pp);
	for (size_t i = 0; i < m->n_persons; i++) {
		pp[i].id = m->persons[i].id;
		snprintf(pp[i].handle, sizeof pp[i].handle, "%s", m->persons[i].handle);
	}
	ps = xcalloc(w.n_shifts + 1, sizeof *ps);
	w.days = xcalloc(w.n_shifts + 1, sizeof *w.days);
	for (size_t i = 0; i < w.n_shifts; i++) {
		const struct shift *sh = &w.shifts[i];
		size_t k = find_person(&w, sh->person_id);
		int64_t week = sh->slot_end > sh->slot_start ? sh->slot_start : sh->start;
		struct responder_at at;
		int days = 7;

		/* Day rates count the days of the zone, and the public holidays
		 * of the office, in force for the holder at the week's start. */
		if ((r = responder_at(&w.rc, sh->person_id, week, &at)) != 0)
			goto done;
		if (at.cal == NULL || at.sleep == NULL) {
			r = unreadable(&m->persons[k], &at);
			goto done;
		}
		w.days[i] = pp[k];
		w.days[i].zone = at.sleep->zone;
		w.days[i].holidays = at.cal->holidays;
		w.days[i].n_holidays = at.cal->n_holidays;

		for (size_t j = 0; j < w.n_rots; j++)
			if (w.rots[j].id == sh->rotation_id)
				days = w.rots[j].shift_days;
		ps[nps++] = (struct pay_shift){ k, (size_t)rotation_policy(&w, sh->rotation_id),
			sh->start, sh->end, days, sh->slot_start, sh->slot_end, &w.days[i] };
	}

	/* Active work: each responder's acknowledge-to-resolve intervals,
	 * overlapping and back-to-back ones merged. */
	pw = xcalloc(w.n_pages + 1, sizeof *pw);
	if (w.n_pages > 0) {
		struct page_row *v = xcalloc(w.n_pages, sizeof *v);
		size_t nv = 0;

		for (size_t i = 0; i < w.n_pages; i++)
			if (w.pages[i].responder_id != 0 && w.pages[i].acknowledged != 0 &&
			    w.pages[i].resolved > w.pages[i].acknowledged)
				v[nv++] = w.pages[i];
		qsort(v, nv, sizeof *v, page_cmp);
		for (size_t i = 0; i < nv;) {
			int64_t who = v[i].responder_id, a = v[i].acknowledged, b = v[i].resolved;
			int64_t rot = v[i].rotation_id, ooh;
			size_t j = i + 1, k = find_person(&w, who);
			struct responder_at bad = { 0 };
			long pol;

			while (j < nv && v[j].responder_id == who && v[j].acknowledged <= b) {
				if (v[j].resolved > b)
					b = v[j].resolved;
				j++;
			}
			i = j;
			if (k == (size_t)-1 || a < m->from || a >= m->to)
				continue;
			pol = work_policy(&w, who, a, rot);
			if (pol < 0)
				continue;
			if ((r = responder_ooh_seconds(&w.rc, who, a, b, &ooh, &bad)) != 0 ||
			    (bad.attrs != NULL && (r = unreadable(&m->persons[k], &bad)) != 0))
				break;
			pw[npw++] = (struct pay_work){ k, (size_t)pol, a, ooh };
		}
		free(v);
		if (r != 0)
			goto done;
	}

	/* Sleep-hour interruptions. */
	interruptions_merge_rows(w.pages, w.n_pages, &irs, &nirs);
	pz = xcalloc(nirs + 1, sizeof *pz);
	for (size_t i = 0; i < nirs; i++) {
		const struct interruption *it = &irs[i];
		size_t k = find_person(&w, it->responder_id);
		enum page_class c = it->class;
		long pol;

		if (!interruption_in_month(it, m->from, m->to) || k == (size_t)-1)
			continue;
		if (c == PAGE_UNCLASSIFIED &&
		    (r = responder_classify(&w.rc, it->responder_id, it->start, &c)) != 0)
			goto done;
		if (c != PAGE_SLEEP)
			continue;
		pol = work_policy(&w, it->responder_id, it->start,
				  w.pages[it->first].rotation_id);
		if (pol >= 0)
			pz[npz++] = (struct pay_sleep){ k, (size_t)pol, it->start };
	}

	{
		struct pay_input in = { m->from, m->to, m->policies, m->n_policies,
					pp, m->n_persons, ps, nps, pw, npw, pz, npz };
		pay_compute(&in, &m->lines, &m->n_lines);
	}
done:
	responder_cals_free(&w.rc);
	free(w.offices);
	free(w.holidays);
	free(w.days);
	free(w.rots);
	free(w.rot_policy);
	free(w.by_person);
	free(w.ids);
	free(w.shifts);
	store_report_page_rows_free(&w.own);
	free(irs);
	free(pp);
	free(ps);
	free(pw);
	free(pz);
	return r;
}

void
pay_month_free(struct pay_month *m)
{
	free(m->policies);
	free(m->persons);
	free(m->lines);
	memset(m, 0, sizeof *m);
}
