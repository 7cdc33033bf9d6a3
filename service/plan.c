/* The glue between the store and the generator: see plan.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/plan.h"
#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "scheduler/generate.h"
#include "scheduler/handoff.h"

#define DAY 86400

int
plan_settings_get(const struct config *cfg, const char *rotation, struct plan_settings *out)
{
	static const struct plan_settings defaults = {
		PLAN_FREEZE_DAYS, PLAN_MIN_GAP_SHIFTS, PLAN_RECOVERY_SHIFTS,
		PLAN_HEAVY_SLEEP_INTERRUPTIONS, PLAN_HOLIDAY_WEIGHT,
	};
	int r;

	*out = defaults;
	if (cfg == NULL)
		return 0;
	if ((r = config_rotation_int(cfg, rotation, "freeze_days", defaults.freeze_days,
				     0, 3660, &out->freeze_days)) != 0 ||
	    (r = config_rotation_int(cfg, rotation, "min_gap_shifts", defaults.min_gap_shifts,
				     0, 52, &out->min_gap_shifts)) != 0 ||
	    (r = config_rotation_int(cfg, rotation, "recovery_shifts", defaults.recovery_shifts,
				     0, 52, &out->recovery_shifts)) != 0 ||
	    (r = config_rotation_int(cfg, rotation, "heavy_sleep_interruptions",
				     defaults.heavy_sleep_interruptions, 1, 1000,
				     &out->heavy_sleep_interruptions)) != 0 ||
	    (r = config_rotation_int(cfg, rotation, "holiday_weight", defaults.holiday_weight,
				     0, 1000, &out->holiday_weight)) != 0)
		return r;
	return 0;
}

int64_t
plan_slot_weight(long holiday_weight, int holidays)
{
	return PLAN_WEEK_LOAD + 10 * (int64_t)holiday_weight * holidays;
}

/* Everything known about a term, loaded with a handful of list queries. */
struct plan_input {
	const struct term *term;
	struct rotation rot;
	const struct tz_zone *zone;
	struct plan_settings set;
	size_t ns;                      /* weeks */
	int64_t *bound;                 /* [ns + 1] handoffs */
	struct membership *mem;         /* sorted by handle */
	size_t nm;
	struct shift *own;              /* the term's shifts, by slot */
	size_t n_own;
	const struct shift **at;        /* [ns] the term's shift of each slot, or NULL */
	struct shift *member_shifts;    /* the members' shifts in any rotation */
	size_t n_member_shifts;
	struct leave *leave;            /* the members' leave */
	size_t n_leave;
};

static void
input_free(struct plan_input *in)
{
	free(in->bound);
	free(in->mem);
	free(in->own);
	free(in->at);
	free(in->member_shifts);
	free(in->leave);
}

/* Loads the term's rotation, weeks, members, own shifts, the members'
 * shifts elsewhere and their leave. 0, EX_DATAERR for a rotation whose
 * zone is unknown (printed), or the store's status. */
static int
input_load(struct store *db, const struct config *cfg, const struct term *t,
	   struct plan_input *in)
{
	int64_t from, to;
	int r;

	memset(in, 0, sizeof *in);
	in->term = t;
	if ((r = store_rotation_get_id(db, t->rotation_id, &in->rot)) != 0)
		return r == STORE_NOT_FOUND ? rota_fail(EX_SOFTWARE, "term '%s' has no rotation",
							t->name) : r;
	if ((in->zone = tz_lookup(in->rot.tz)) == NULL)
		return rota_fail(EX_DATAERR, "rotation '%s' has an unknown time zone '%s'",
				 in->rot.name, in->rot.tz);
	if ((r = plan_settings_get(cfg, in->rot.name, &in->set)) != 0)
		return r;
	in->ns = t->weeks > 0 ? (size_t)t->weeks : 0;
	in->bound = xcalloc(in->ns + 1, sizeof *in->bound);
	handoff_series(in->zone, t->start, in->rot.shift_days > 0 ? in->rot.shift_days : 7,
		       (int)in->ns, in->bound);
	from = in->bound[0];
	to = in->bound[in->ns];
	if ((r = store_member_list(db, t->id, &in->mem, &in->nm)) != 0 ||
	    (r = store_term_shifts(db, t->id, &in->own, &in->n_own)) != 0 ||
	    (r = store_term_member_shifts(db, t->id, from, to, &in->member_shifts,
					  &in->n_member_shifts)) != 0 ||
	    (r = store_term_leave(db, t->id, from, to, &in->leave, &in->n_leave)) != 0)
		return r;
	in->at = xcalloc(in->ns ? in->ns : 1, sizeof *in->at);
	for (size_t k = 0; k < in->n_own; k++) {
		const struct shift *sh = &in->own[k];

		if (sh->slot >= 0 && (size_t)sh->slot < in->ns)
			in->at[sh->slot] = sh;
	}
	return 0;
}

static const struct membership *
member_of(const struct plan_input *in, int64_t person_id)
{
	for (size_t j = 0; j < in->nm; j++)
		if (in->mem[j].person_id == person_id)
			return &in->mem[j];
	return NULL;
}

int
plan_holiday_counts(struct store *db, int64_t term_id, const int64_t *start,
		    const int64_t *end, size_t n, int *counts)
{
	struct holiday *h = NULL;
	struct office *o = NULL;
	size_t nh = 0, no = 0, last_range = (size_t)-1;
	char from_day[16], to_day[16], last_day[11] = "";
	const struct tz_zone *utc = tz_utc();
	int r;

	for (size_t i = 0; i < n; i++)
		counts[i] = 0;
	if (n == 0)
		return 0;
	/* UTC dates a day either side cover every office's local dates. */
	date_format_local(start[0] - DAY, utc, from_day, sizeof from_day);
	date_format_local(end[n - 1] + DAY, utc, to_day, sizeof to_day);
	if ((r = store_term_holidays(db, term_id, from_day, to_day, &h, &nh)) != 0)
		return r;
	if (nh > 0 && (r = store_office_list(db, &o, &no)) != 0) {
		free(h);
		return r;
	}
	for (size_t k = 0; k < nh; k++) {
		const struct tz_zone *zone = NULL;
		int y, m, d;
		int64_t noon;
		size_t lo = 0, hi = n;

		for (size_t i = 0; i < no; i++)
			if (o[i].id == h[k].office_id)
				zone = tz_lookup(o[i].tz);
		if (zone == NULL || date_parse(h[k].day, &y, &m, &d) < 0)
			continue;
		noon = tz_from_local(zone, y, m, d, 12, 0, 0);
		while (hi - lo > 1) {           /* the last range with start <= noon */
			size_t mid = (lo + hi) / 2;
			if (start[mid] <= noon)
				lo = mid;
			else
				hi = mid;
		}
		if (noon < start[lo] || noon >= end[lo])
			continue;
		/* Sorted by day: the same date from two offices counts once. */
		if (lo == last_range && strcmp(last_day, h[k].day) == 0)
			continue;
		counts[lo]++;
		last_range = lo;
		snprintf(last_day, sizeof last_day, "%s", h[k].day);
	}
	free(h);
	free(o);
	return 0;
}

/* The generator's view of the members: intervals point into ivs. */
struct plan_members {
	struct gen_member *m;
	struct gen_interval *ivs;
};

static void
members_free(struct plan_members *pm)
{
	free(pm->m);
	free(pm->ivs);
}

static int
members_build(struct store *db, const struct plan_input *in, struct plan_members *pm)
{
	struct member_history *hist = NULL;
	size_t n_hist = 0, n_iv = 0;
	int r;

	if ((r = store_member_history(db, in->term->id, in->rot.id, in->bound[0],
				      &hist, &n_hist)) != 0)
		return r;
	pm->m = xcalloc(in->nm ? in->nm : 1, sizeof *pm->m);
	pm->ivs = xcalloc(in->n_leave + in->n_member_shifts + 1, sizeof *pm->ivs);
	for (size_t j = 0; j < in->nm; j++) {
		const struct membership *ms = &in->mem[j];
		struct gen_member *g = &pm->m[j];

		g->person_id = ms->person_id;
		g->handle = ms->handle;
		g->is_manager = ms->is_manager;
		g->member_from = ms->joined;
		g->member_until = ms->left;
		g->last_shift_end = INT64_MIN;
		g->leave = &pm->ivs[n_iv];
		for (size_t k = 0; k < in->n_leave; k++) {
			if (in->leave[k].person_id != ms->person_id)
				continue;
			pm->ivs[n_iv++] = (struct gen_interval){ in->leave[k].start,
								 in->leave[k].end };
			g->n_leave++;
		}
		g->busy = &pm->ivs[n_iv];
		for (size_t k = 0; k < in->n_member_shifts; k++) {
			const struct shift *sh = &in->member_shifts[k];

			if (sh->person_id != ms->person_id || sh->tier == in->rot.tier)
				continue;
			pm->ivs[n_iv++] = (struct gen_interval){ sh->start, sh->end };
			g->n_busy++;
		}
		for (size_t k = 0; k < n_hist; k++) {
			if (hist[k].person_id != ms->person_id)
				continue;
			g->carry_load = hist[k].shifts * 1000;
			g->last_shift_end = hist[k].last_end;
			g->last_shift_heavy = hist[k].last_sleep_pages >=
					      in->set.heavy_sleep_interruptions;
		}
	}
	free(hist);
	return 0;
}

const char *
plan_kept_why(const struct shift *sh, const struct plan_settings *set, int64_t now)
{
	if (sh->origin == ORIGIN_SWAP)
		return "swapped";
	if (sh->origin == ORIGIN_OVERRIDE)
		return "overridden";
	if (sh->start < now)
		return "started";
	if (sh->start < now + set->freeze_days * DAY)
		return "frozen";
	return NULL;
}

/* The handle of PERSON_ID among the members, or "" */
static const char *
handle_of(const struct plan_input *in, int64_t person_id)
{
	const struct membership *m = member_of(in, person_id);

	return m ? m->handle : "";
}

/* Writes a change to an existing shift (new ones are inserted together). */
static int
write_change(struct store *db, const struct plan_change *c, const struct shift *sh,
	     int64_t now)
{
	int r;

	if ((r = store_shift_assign(db, sh->id, c->new_person, ORIGIN_GENERATED, now)) != 0)
		return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
	if (c->old_person != c->new_person &&
	    (r = store_swap_close_for_shift(db, sh->id, now)) > STORE_NOT_FOUND)
		return r;
	return 0;
}

/* Inserts the new shifts of the changes (those with no shift yet) in one
 * go and records their ids in the changes. */
static int
insert_new(struct store *db, const struct plan_input *in, struct plan_diff *out, int64_t now)
{
	struct shift *add = xcalloc(out->n_changes ? out->n_changes : 1, sizeof *add);
	size_t *which = xcalloc(out->n_changes ? out->n_changes : 1, sizeof *which);
	size_t n = 0;
	int r;

	for (size_t k = 0; k < out->n_changes; k++) {
		const struct plan_change *c = &out->changes[k];
		struct shift *sh = &add[n];

		if (c->shift_id != 0)
			continue;
		sh->rotation_id = in->rot.id;
		snprintf(sh->rotation, sizeof sh->rotation, "%s", in->rot.name);
		sh->tier = in->rot.tier;
		sh->term_id = in->term->id;
		snprintf(sh->term, sizeof sh->term, "%s", in->term->name);
		sh->slot = c->slot;
		sh->person_id = c->new_person;
		sh->start = c->start;
		sh->end = c->end;
		sh->origin = ORIGIN_GENERATED;
		which[n++] = k;
	}
	r = store_shift_insert_many(db, add, n, now);
	for (size_t i = 0; r == 0 && i < n; i++)
		out->changes[which[i]].shift_id = add[i].id;
	free(add);
	free(which);
	return r;
}

int
plan_generate(struct store *db, const struct config *cfg, const struct term *t,
	      int64_t now, bool apply, struct plan_diff *out)
{
	struct plan_input in;
	struct plan_members pm = { 0 };
	struct gen_params p = { 0 };
	struct gen_result res = { 0 };
	struct gen_slot *slots = NULL;
	size_t *slot_of = NULL, n = 0;
	int *holidays = NULL;
	int r;

	memset(out, 0, sizeof *out);
	out->failed_slot = -1;
	if ((r = input_load(db, cfg, t, &in)) != 0)
		goto done;
	out->rotation = in.rot;
	out->n_slots = in.ns;
	holidays = xcalloc(in.ns ? in.ns : 1, sizeof *holidays);
	if ((r = plan_holiday_counts(db, in.term->id, in.bound, in.bound + 1, in.ns,
				       holidays)) != 0 ||
	    (r = members_build(db, &in, &pm)) != 0)
		goto done;

	/* The generator's slots: every week but those that have started with
	 * no shift or a cancelled one (the past stays as it was; schedule
	 * check lists them). A week with no shift is filled even inside the
	 * freeze horizon: nobody's plans change, and a hole is worse than
	 * short notice. */
	slots = xcalloc(in.ns ? in.ns : 1, sizeof *slots);
	slot_of = xcalloc(in.ns ? in.ns : 1, sizeof *slot_of);
	for (size_t i = 0; i < in.ns; i++) {
		const struct shift *sh = in.at[i];
		struct gen_slot *g = &slots[n];

		if ((sh == NULL || sh->cancelled) && in.bound[i] < now)
			continue;
		g->start = in.bound[i];
		g->end = in.bound[i + 1];
		g->weight = plan_slot_weight(in.set.holiday_weight, holidays[i]);
		if (sh != NULL && !sh->cancelled) {
			if (plan_kept_why(sh, &in.set, now) != NULL) {
				g->fixed_person = sh->person_id;
				out->n_fixed++;
			} else {
				g->current_person = sh->person_id;
			}
		}
		slot_of[n++] = i;
	}

	p.escalation = in.rot.tier == TIER_ESCALATION;
	p.min_gap_shifts = (int)in.set.min_gap_shifts;
	p.recovery_shifts = (int)in.set.recovery_shifts;
	p.shift_seconds = (int64_t)(in.rot.shift_days > 0 ? in.rot.shift_days : 7) * DAY;
	p.term_name = t->name;
	if (gen_run(&p, pm.m, in.nm, slots, n, &res) != 0) {
		if (res.failed_slot >= 0 && (size_t)res.failed_slot < n) {
			size_t i = slot_of[res.failed_slot];
			out->failed_slot = (long)i;
			out->failed_start = in.bound[i];
			out->failed_end = in.bound[i + 1];
		}
		snprintf(out->reason, sizeof out->reason, "%s", res.reason);
		r = EX_DATAERR;
		goto done;
	}

	for (size_t k = 0; k < n; k++) {
		size_t i = slot_of[k];
		const struct shift *sh = in.at[i];
		struct plan_change *c;

		if (slots[k].fixed_person != 0)
			continue;
		if (sh != NULL && !sh->cancelled && sh->person_id == res.person[k])
			continue;
		if (out->changes == NULL)       /* at most one change per slot */
			out->changes = xcalloc(n, sizeof *out->changes);
		c = &out->changes[out->n_changes++];
		c->shift_id = sh ? sh->id : 0;
		c->slot = (int)i;
		c->start = in.bound[i];
		c->end = in.bound[i + 1];
		if (sh != NULL && !sh->cancelled) {
			c->old_person = sh->person_id;
			snprintf(c->old_handle, sizeof c->old_handle, "%s", sh->handle);
		}
		c->new_person = res.person[k];
		snprintf(c->new_handle, sizeof c->new_handle, "%s", handle_of(&in, c->new_person));
		if (apply && sh != NULL && (r = write_change(db, c, sh, now)) != 0)
			goto done;
	}
	r = apply ? insert_new(db, &in, out, now) : 0;
done:
	gen_result_free(&res);
	free(slots);
	free(slot_of);
	free(holidays);
	members_free(&pm);
	input_free(&in);
	return r;
}

void
plan_diff_free(struct plan_diff *d)
{
	free(d->changes);
	d->changes = NULL;
	d->n_changes = 0;
}

const char *
plan_problem_name(enum plan_problem_kind k)
{
	switch (k) {
	case PLAN_UNCOVERED: return "uncovered";
	case PLAN_LEAVE: return "leave";
	case PLAN_OTHER_TIER: return "other_tier";
	case PLAN_NOT_MANAGER: return "not_manager";
	case PLAN_GAP: return "gap";
	}
	return "?";
}

static void
problem(struct plan_problem **v, size_t *n, const struct plan_input *in,
	enum plan_problem_kind kind, const struct shift *sh, int64_t start, int64_t end,
	const char *fmt, ...) __attribute__((format(printf, 8, 9)));

static void
problem(struct plan_problem **v, size_t *n, const struct plan_input *in,
	enum plan_problem_kind kind, const struct shift *sh, int64_t start, int64_t end,
	const char *fmt, ...)
{
	struct plan_problem *p;
	va_list ap;

	*v = xreallocarray(*v, *n + 1, sizeof **v);
	p = &(*v)[(*n)++];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	snprintf(p->term, sizeof p->term, "%s", in->term->name);
	snprintf(p->rotation, sizeof p->rotation, "%s", in->rot.name);
	snprintf(p->tz, sizeof p->tz, "%s", in->rot.tz);
	if (sh != NULL) {
		p->shift_id = sh->id;
		snprintf(p->handle, sizeof p->handle, "%s", sh->handle);
	}
	p->start = start;
	p->end = end;
	va_start(ap, fmt);
	vsnprintf(p->detail, sizeof p->detail, fmt, ap);
	va_end(ap);
}

/* "Mon 2027-01-04 10:00" in the rotation's zone, into the caller's buffer. */
static void
local(const struct plan_input *in, int64_t t, char *buf, size_t len)
{
	time_format_local(t, in->zone, buf, len);
}

/* The problems of one shift of the term (not cancelled). */
static int
check_shift(struct store *db, const struct plan_input *in, const struct shift *sh,
	    const struct shift *prev, int64_t gap, struct plan_problem **v, size_t *n)
{
	const struct membership *m = member_of(in, sh->person_id);
	char a[32], b[32];
	bool manager = m != NULL && m->is_manager;
	int r;

	if (m != NULL && m->left < sh->end) {
		int64_t from = m->left > sh->start ? m->left : sh->start;
		local(in, m->left, a, sizeof a);
		problem(v, n, in, PLAN_UNCOVERED, sh, from, sh->end,
			"%s left the term on %s and still holds this shift", sh->handle, a);
	}
	for (size_t k = 0; k < in->n_leave; k++) {
		const struct leave *l = &in->leave[k];

		if (l->person_id != sh->person_id || l->end <= sh->start || l->start >= sh->end)
			continue;
		local(in, l->start, a, sizeof a);
		local(in, l->end, b, sizeof b);
		problem(v, n, in, PLAN_LEAVE, sh, sh->start, sh->end,
			"%s is on leave from %s to %s%s%s", sh->handle, a, b,
			l->reason[0] ? ": " : "", l->reason);
	}
	for (size_t k = 0; k < in->n_member_shifts; k++) {
		const struct shift *o = &in->member_shifts[k];

		if (o->person_id != sh->person_id || o->tier == in->rot.tier ||
		    o->end <= sh->start || o->start >= sh->end)
			continue;
		problem(v, n, in, PLAN_OTHER_TIER, sh, sh->start, sh->end,
			"%s is also on call in %s rotation '%s' (shift %lld)", sh->handle,
			tier_name(o->tier), o->rotation, (long long)o->id);
	}
	if (in->rot.tier == TIER_ESCALATION && m == NULL) {
		/* Given to someone outside the term (an override, say). */
		struct person p;

		if ((r = store_person_get_id(db, sh->person_id, &p)) > STORE_NOT_FOUND)
			return r;
		manager = r == 0 && p.is_manager;
	}
	if (in->rot.tier == TIER_ESCALATION && !manager)
		problem(v, n, in, PLAN_NOT_MANAGER, sh, sh->start, sh->end,
			"%s is not a manager (the escalation tier is managers only)", sh->handle);
	if (prev != NULL && gap > 0 && sh->start - prev->end < gap) {
		local(in, prev->start, a, sizeof a);
		problem(v, n, in, PLAN_GAP, sh, sh->start, sh->end,
			"%s also has the shift from %s, less than %ld shift(s) before",
			sh->handle, a, in->set.min_gap_shifts);
	}
	return 0;
}

int
plan_check(struct store *db, const struct config *cfg, const struct term *t,
	   int64_t now, struct plan_problem **v, size_t *n)
{
	struct plan_input in;
	size_t serving = 0;
	int64_t gap = 0;
	int r;

	if ((r = input_load(db, cfg, t, &in)) != 0)
		goto done;
	/* The minimum gap holds where 3 or more members can serve. */
	for (size_t j = 0; j < in.nm; j++)
		if (in.mem[j].left > in.mem[j].joined &&
		    (in.rot.tier == TIER_PRIMARY || in.mem[j].is_manager))
			serving++;
	if (serving >= 3 && in.set.min_gap_shifts > 0)
		gap = in.set.min_gap_shifts * (int64_t)(in.rot.shift_days > 0 ?
			in.rot.shift_days : 7) * DAY - 7200;
	for (size_t i = 0; i < in.ns; i++) {
		const struct shift *sh = in.at[i], *prev = NULL;

		if (in.bound[i + 1] <= now)
			continue;
		if (sh == NULL || sh->cancelled) {
			problem(v, n, &in, PLAN_UNCOVERED, NULL, in.bound[i], in.bound[i + 1],
				"%s", sh ? "its shift was cancelled" : in.bound[i] < now ?
				"no shift" : "no shift: run rota schedule generate");
			continue;
		}
		for (size_t k = i; k-- > 0;) {
			const struct shift *o = in.at[k];
			if (o != NULL && !o->cancelled && o->person_id == sh->person_id) {
				prev = o;
				break;
			}
		}
		if ((r = check_shift(db, &in, sh, prev, gap, v, n)) != 0)
			goto done;
	}
done:
	input_free(&in);
	return r;
}
