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
#include "scheduler/coverage.h"
#include "scheduler/generate.h"
#include "service/cover.h"
#include "service/leave.h"

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

/* The rows of one week of the term (its parts, cancelled ones too), by
 * start: a slice of plan_input.own. */
struct plan_week {
	const struct shift *row;
	size_t n;
};

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
	struct shift *own;              /* the term's parts, by slot and start */
	size_t n_own;
	struct plan_week *week;         /* [ns] */
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
	free(in->week);
	free(in->member_shifts);
	free(in->leave);
}

/* Loads the term's rotation, weeks, members, own parts (in one query), the
 * members' shifts elsewhere and their leave. 0, EX_DATAERR for a rotation
 * whose zone is unknown (printed), or the store's status. */
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
	cover_term_weeks(&in->rot, t, &in->bound, &in->ns);
	from = in->bound[0];
	to = in->bound[in->ns];
	if ((r = store_member_list(db, t->id, &in->mem, &in->nm)) != 0 ||
	    (r = store_term_shifts(db, t->id, &in->own, &in->n_own)) != 0 ||
	    (r = store_term_member_shifts(db, t->id, from, to, &in->member_shifts,
					  &in->n_member_shifts)) != 0 ||
	    (r = store_term_leave(db, t->id, from, to, &in->leave, &in->n_leave)) != 0)
		return r;
	in->week = xcalloc(in->ns ? in->ns : 1, sizeof *in->week);
	for (size_t k = 0; k < in->n_own; k++) {
		const struct shift *sh = &in->own[k];
		struct plan_week *w;

		if (sh->slot < 0 || (size_t)sh->slot >= in->ns)
			continue;
		w = &in->week[sh->slot];
		if (w->n++ == 0)
			w->row = sh;
	}
	return 0;
}

/* What covers instant T of week I: its active part, or NULL with
 * [*from, *to) the window around T that no active part covers. */
static const struct shift *
week_at(const struct plan_input *in, size_t i, int64_t t, int64_t *from, int64_t *to)
{
	const struct plan_week *w = &in->week[i];

	*from = in->bound[i];
	*to = in->bound[i + 1];
	for (size_t k = 0; k < w->n; k++) {
		const struct shift *p = &w->row[k];

		if (p->cancelled)
			continue;
		if (p->start <= t && t < p->end)
			return p;
		if (p->end <= t && p->end > *from)
			*from = p->end;
		if (p->start > t && p->start < *to)
			*to = p->start;
	}
	return NULL;
}

/* The active parts of week I; *ONE is the last of them. */
static size_t
week_active(const struct plan_input *in, size_t i, const struct shift **one)
{
	const struct plan_week *w = &in->week[i];
	size_t n = 0;

	*one = NULL;
	for (size_t k = 0; k < w->n; k++) {
		if (!w->row[k].cancelled) {
			*one = &w->row[k];
			n++;
		}
	}
	return n;
}

/* The row of week SLOT that starts at START, cancelled or not, or NULL:
 * a row's start is its identity (and its UID's), so a change that starts
 * there takes that row. */
static const struct shift *
row_at(const struct plan_input *in, int slot, int64_t start)
{
	const struct plan_week *w = &in->week[slot];

	for (size_t k = 0; k < w->n; k++)
		if (w->row[k].start == start)
			return &w->row[k];
	return NULL;
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
			g->carry_load = hist[k].held * PLAN_WEEK_LOAD / 1000;
			g->last_shift_end = hist[k].last_end;
			g->last_shift_heavy = hist[k].last_sleep_pages >=
					      in->set.heavy_sleep_interruptions;
		}
	}
	free(hist);
	return 0;
}

const char *const plan_kept_words[PLAN_N_KEPT] = {
	"started", "frozen", "swapped", "overridden", "split",
};

const char *
plan_kept_why(const struct shift *sh, const struct plan_settings *set, int64_t now)
{
	if (sh->origin == ORIGIN_SWAP)
		return "swapped";
	if (sh->origin == ORIGIN_OVERRIDE)
		return "overridden";
	if (sh->start != sh->slot_start || sh->end != sh->slot_end)
		return "split";
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

/* How generation treats one slot. */
enum use_kind {
	USE_KEPT,                       /* as it is: a part of a week kept */
	USE_FREE,                       /* the generator's to fill, or to keep with its holder */
};

struct slot_use {
	enum use_kind kind;
	int64_t start, end;             /* the slot: a part, the week, or its rest from now */
	int64_t person;                 /* KEPT: its holder; FREE: its current holder, or 0 */
	const char *why;                /* FREE with nobody: "uncovered" or "cancelled" */
};

/* The generator's parameters for the term's rotation. */
static void
params_of(const struct plan_input *in, struct gen_params *p)
{
	memset(p, 0, sizeof *p);
	p->escalation = in->rot.tier == TIER_ESCALATION;
	p->min_gap_shifts = (int)in->set.min_gap_shifts;
	p->recovery_shifts = (int)in->set.recovery_shifts;
	p->shift_seconds = (int64_t)(in->rot.shift_days > 0 ? in->rot.shift_days : 7) * DAY;
	p->term_name = in->term->name;
}

/* plan_change.why's word for gen_moved_why's answer. */
static const char *
moved_word(int why)
{
	switch (why) {
	case GEN_OK: return "balance";
	case GEN_NOT_MEMBER: return "not_member";
	case GEN_NOT_MANAGER: return "not_manager";
	case GEN_ON_LEAVE: return "leave";
	case GEN_BUSY: return "other_tier";
	default: return "gap";
	}
}

/* Writes change C of part of its week (the rest of a week in progress)
 * through cover_apply, the one rule that splits and merges a week's parts
 * (a neighbour of the same holder is merged with it), and records the
 * part's id. */
static int
write_part(struct store *db, const struct rotation *rot, struct plan_change *c, int64_t now)
{
	struct shift_filter f = { .rotation_id = rot->id, .person_id = c->new_person,
				  .from = c->start, .to = c->start + 1 };
	struct shift *v;
	size_t n;
	int r;

	if ((r = cover_apply(db, rot, c->start, c->end, c->new_person, ORIGIN_GENERATED,
			     now)) != 0 ||
	    (r = store_shift_list(db, &f, &v, &n)) != 0)
		return r;
	c->shift_id = n > 0 ? v[0].id : 0;
	free(v);
	return n > 0 ? 0 : rota_fail(EX_SOFTWARE, "rotation %s: no part of person %lld at "
				     "%lld after generation", rot->name,
				     (long long)c->new_person, (long long)c->start);
}

/* Writes a change that takes an existing row (the one starting where it
 * starts), or covers part of its week; the others are inserted together
 * by insert_new. */
static int
write_change(struct store *db, const struct rotation *rot, struct plan_change *c,
	     int64_t now)
{
	int r;

	if (c->start != c->slot_start || c->end != c->slot_end)
		return write_part(db, rot, c, now);
	if (c->shift_id == 0)
		return 0;
	if ((r = store_shift_reshape(db, c->shift_id, c->new_person, c->end, ORIGIN_GENERATED,
				     now)) != 0)
		return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
	if (c->old_person != c->new_person &&
	    (r = store_swap_close_for_shift(db, c->shift_id, now)) > STORE_NOT_FOUND)
		return r;
	return 0;
}

/* Inserts the new shifts and parts of the changes (those with no row yet)
 * in one go and records their ids in the changes. */
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
		sh->slot_start = c->slot_start;
		sh->slot_end = c->slot_end;
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

/* What the generator works on: the weeks it may fill, and the parts of
 * weeks it must count, in time order, and which week each is. */
struct plan_slots {
	struct gen_slot *slot;
	struct slot_use *use;           /* [n] how each slot is used */
	size_t *week;                   /* [n] the week of each slot */
	size_t n;
	const int *holidays;            /* [ns] of each week */
};

static void
slots_free(struct plan_slots *ps)
{
	free(ps->slot);
	free(ps->use);
	free(ps->week);
}

/* Appends a slot [START, END) of week I. A slot shorter than its week (a
 * part of it) weighs its share of the week's load, and counts as that
 * share of a shift. */
static void
slot_push(const struct plan_input *in, struct plan_slots *ps, size_t i, enum use_kind kind,
	  int64_t start, int64_t end, int64_t person, const char *why)
{
	struct gen_slot *g = &ps->slot[ps->n];
	struct slot_use *u = &ps->use[ps->n];
	int64_t week = in->bound[i + 1] - in->bound[i];

	ps->week[ps->n++] = i;
	g->start = start;
	g->end = end;
	g->weight = plan_slot_weight(in->set.holiday_weight, ps->holidays[i]) * (end - start) /
		    week;
	g->share = GEN_WHOLE_SHIFT * (end - start) / week;
	if (g->share == 0)      /* minutes of a week: still some of a shift, never a whole */
		g->share = 1;
	if (kind == USE_KEPT)
		g->fixed_person = person;
	else
		g->current_person = person;
	*u = (struct slot_use){ kind, start, end, person, why };
}

/* Appends week I's active parts that start before (BEFORE) or from
 * (!BEFORE) instant T, as kept slots. */
static void
parts_push(const struct plan_input *in, struct plan_slots *ps, size_t i, int64_t t,
	   bool before)
{
	const struct plan_week *w = &in->week[i];

	for (size_t k = 0; k < w->n; k++) {
		const struct shift *p = &w->row[k];

		if (!p->cancelled && (p->start < t) == before)
			slot_push(in, ps, i, USE_KEPT, p->start, p->end, p->person_id, NULL);
	}
}

/* Counts week I as kept for WHY in OUT. */
static void
kept_count(struct plan_diff *out, const char *why)
{
	out->n_fixed++;
	for (size_t k = 0; k < PLAN_N_KEPT; k++)
		out->kept_by[k] += strcmp(plan_kept_words[k], why) == 0;
}

/* Whether some member may take [START, END) as far as the rules that do
 * not depend on their other shifts go (membership, managers only, leave,
 * the other tier). */
static bool
anyone_may(const struct plan_input *in, const struct plan_members *pm,
	   const struct gen_params *p, int64_t start, int64_t end)
{
	for (size_t j = 0; j < in->nm; j++)
		if (gen_check_fixed_rules(p, &pm->m[j], start, end, NULL, 0) == GEN_OK)
			return true;
	return false;
}

/* Appends the slots of week I at NOW. A week in progress that nobody
 * covers at the earliest instant a change may start (a term started
 * mid-week, a shift cancelled) is the generator's from then to its next
 * part or handoff, chosen by the same rules as a whole week; when no
 * member may take it at all (everyone on leave, say), it stays uncovered
 * (listed by schedule check) rather than stop the rest of the term being
 * generated. A week split into parts (part of it overridden or swapped,
 * or covered from mid-week) is kept as it is, each part counting for its
 * holder as its share of the week: that keeps shift counts and loads true
 * to the time held, and the minimum gap of each holder to their other
 * weeks. A week that is over with nobody on call stays so. */
static void
week_slots(const struct plan_input *in, const struct plan_members *pm,
	   const struct gen_params *p, size_t i, int64_t now, struct plan_slots *ps,
	   struct plan_diff *out)
{
	int64_t earliest = cover_earliest(now), from, to;
	const char *nobody = in->week[i].n > 0 ? "cancelled" : "uncovered", *why;
	const struct shift *one;
	size_t n = week_active(in, i, &one);

	if (in->bound[i] < earliest && earliest < in->bound[i + 1] &&
	    week_at(in, i, earliest, &from, &to) == NULL) {
		parts_push(in, ps, i, earliest, true);
		if (anyone_may(in, pm, p, earliest, to))
			slot_push(in, ps, i, USE_FREE, earliest, to, 0, nobody);
		parts_push(in, ps, i, earliest, false);
		return;
	}
	if (n == 0) {
		if (in->bound[i] >= now)
			slot_push(in, ps, i, USE_FREE, in->bound[i], in->bound[i + 1], 0, nobody);
		return;
	}
	why = n == 1 ? plan_kept_why(one, &in->set, now) : "split";
	if (why == NULL) {
		slot_push(in, ps, i, USE_FREE, in->bound[i], in->bound[i + 1], one->person_id,
			  NULL);
		return;
	}
	kept_count(out, why);
	parts_push(in, ps, i, in->bound[i], false);
}

/* The generator's slots at NOW, counting the weeks kept in OUT. */
static void
slots_build(const struct plan_input *in, const struct plan_members *pm,
	    const struct gen_params *p, const int *holidays, int64_t now,
	    struct plan_slots *ps, struct plan_diff *out)
{
	size_t cap = in->ns + in->n_own + 1;

	ps->slot = xcalloc(cap, sizeof *ps->slot);
	ps->use = xcalloc(cap, sizeof *ps->use);
	ps->week = xcalloc(cap, sizeof *ps->week);
	ps->n = 0;
	ps->holidays = holidays;
	for (size_t i = 0; i < in->ns; i++)
		week_slots(in, pm, p, i, now, ps, out);
}

/* The changes of the generator's result RES: slot K of PS whose person
 * is not the one it had. */
static void
changes_build(const struct plan_input *in, const struct gen_params *p,
	      const struct plan_members *pm, const struct plan_slots *ps,
	      const struct gen_result *res, struct plan_diff *out)
{
	for (size_t k = 0; k < ps->n; k++) {
		const struct slot_use *u = &ps->use[k];
		size_t i = ps->week[k];
		const struct shift *row = row_at(in, (int)i, u->start);
		struct plan_change *c;

		if (u->kind != USE_FREE || u->person == res->person[k])
			continue;
		if (out->changes == NULL)       /* at most one change per slot */
			out->changes = xcalloc(ps->n, sizeof *out->changes);
		c = &out->changes[out->n_changes++];
		c->shift_id = row != NULL ? row->id : 0;
		c->slot = (int)i;
		c->slot_start = in->bound[i];
		c->slot_end = in->bound[i + 1];
		c->start = u->start;
		c->end = u->end;
		c->old_person = u->person;
		/* A holder is a row's: someone no longer among the members too. */
		snprintf(c->old_handle, sizeof c->old_handle, "%s",
			 u->person && row != NULL ? row->handle : "");
		c->new_person = res->person[k];
		snprintf(c->new_handle, sizeof c->new_handle, "%s", handle_of(in, c->new_person));
		c->why = u->person == 0 ? u->why : moved_word(gen_moved_why(p, pm->m, in->nm,
			ps->slot, ps->n, res->person, k));
	}
}

int
plan_generate(struct store *db, const struct config *cfg, const struct term *t,
	      int64_t now, bool apply, struct plan_diff *out)
{
	struct plan_input in;
	struct plan_members pm = { 0 };
	struct plan_slots ps = { 0 };
	struct gen_params p;
	struct gen_result res = { 0 };
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
	params_of(&in, &p);
	slots_build(&in, &pm, &p, holidays, now, &ps, out);
	if (gen_run(&p, pm.m, in.nm, ps.slot, ps.n, &res) != 0) {
		if (res.failed_slot >= 0 && (size_t)res.failed_slot < ps.n) {
			out->failed_slot = (long)ps.week[res.failed_slot];
			out->failed_start = ps.slot[res.failed_slot].start;
			out->failed_end = ps.slot[res.failed_slot].end;
		}
		snprintf(out->reason, sizeof out->reason, "%s", res.reason);
		r = EX_DATAERR;
		goto done;
	}
	changes_build(&in, &p, &pm, &ps, &res, out);
	for (size_t k = 0; apply && r == 0 && k < out->n_changes; k++)
		r = write_change(db, &in.rot, &out->changes[k], now);
	if (r == 0 && apply)
		r = insert_new(db, &in, out, now);
done:
	gen_result_free(&res);
	slots_free(&ps);
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

/* The problems of one part of the term (not cancelled, not over) from LO
 * on, the earliest a change may start: leave and the other tier that are
 * over, and a gap to a part that has started, can no longer be helped.
 * PREV is the first part of the latest earlier week the same person held
 * whole when SH starts a week of their own, else NULL (the gap). (A
 * holder who has left the term is a window not covered: check_week.) */
static int
check_shift(struct store *db, const struct plan_input *in, const struct shift *sh,
	    const struct shift *prev, int64_t gap, int64_t lo, struct plan_problem **v,
	    size_t *n)
{
	const struct membership *m = member_of(in, sh->person_id);
	char a[32], span[LEAVE_SPAN_MAX];
	bool manager = m != NULL && m->is_manager;
	int r;

	for (size_t k = 0; k < in->n_leave; k++) {
		const struct leave *l = &in->leave[k];

		if (l->person_id != sh->person_id || l->end <= sh->start || l->start >= sh->end ||
		    l->end <= lo)
			continue;
		leave_span_text(l, in->zone, span, sizeof span);
		problem(v, n, in, PLAN_LEAVE, sh, sh->start, sh->end,
			"%s is on leave %s%s%s", sh->handle, span,
			l->reason[0] ? ": " : "", l->reason);
	}
	for (size_t k = 0; k < in->n_member_shifts; k++) {
		const struct shift *o = &in->member_shifts[k];

		if (o->person_id != sh->person_id || o->tier == in->rot.tier ||
		    o->end <= sh->start || o->start >= sh->end || o->end <= lo)
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
	if (prev != NULL && sh->start >= lo && sh->start - prev->slot_end < gap) {
		local(in, prev->start, a, sizeof a);
		problem(v, n, in, PLAN_GAP, sh, sh->start, sh->end,
			"%s also has the shift from %s, less than %ld shift(s) before",
			sh->handle, a, in->set.min_gap_shifts);
	}
	return 0;
}

/* Whether SH is the first part its person holds of its week, and they
 * hold the week whole (week_held_whole): what the minimum gap counts. */
static bool
starts_week_of_own(const struct plan_input *in, const struct shift *sh)
{
	int64_t start = sh->start, end = sh->end;

	for (size_t k = 0; k < in->n_own; k++) {
		const struct shift *o = &in->own[k];

		if (o->slot != sh->slot || o->cancelled || o->person_id != sh->person_id)
			continue;
		if (o->start < start)
			return false;
		if (o->end > end)
			end = o->end;
	}
	return week_held_whole(start, end, sh->slot_start, sh->slot_end);
}

/* The first part of the latest week before SH's that SH's person held
 * whole, or NULL. */
static const struct shift *
previous_part(const struct plan_input *in, const struct shift *sh)
{
	for (size_t k = (size_t)(sh - in->own); k-- > 0;) {
		const struct shift *o = &in->own[k];

		if (o->slot < sh->slot && !o->cancelled && o->person_id == sh->person_id &&
		    starts_week_of_own(in, o))
			return o;
	}
	return NULL;
}

/* The term's windows that are not covered from LO on, by the rule report
 * fairness shares (scheduler/coverage.h), in time order; ROW[k] is the
 * part behind coverage shift k. */
struct plan_gaps {
	struct coverage_gap *gap;
	size_t n, next;                 /* next: the first not yet reported */
	const struct shift **row;
};

static void
gaps_find(const struct plan_input *in, int64_t lo, struct plan_gaps *g)
{
	struct coverage_shift *cs = xcalloc(in->n_own + 1, sizeof *cs);
	struct coverage_member *cm = xcalloc(in->nm + 1, sizeof *cm);
	size_t n = 0;

	g->row = xcalloc(in->n_own + 1, sizeof *g->row);
	for (size_t k = 0; k < in->n_own; k++) {
		if (in->own[k].cancelled)
			continue;
		cs[n] = (struct coverage_shift){ in->own[k].person_id, in->own[k].start,
						 in->own[k].end };
		g->row[n++] = &in->own[k];
	}
	for (size_t j = 0; j < in->nm; j++)
		cm[j] = (struct coverage_member){ in->mem[j].person_id, in->mem[j].left };
	coverage_gaps(cs, n, cm, in->nm, lo > in->bound[0] ? lo : in->bound[0],
		      in->bound[in->ns], &g->gap, &g->n);
	g->next = 0;
	free(cs);
	free(cm);
}

static void
gaps_free(struct plan_gaps *g)
{
	free(g->gap);
	free(g->row);
}

/* The words of the window [FROM, TO) of week I that nobody holds. */
static const char *
uncovered_words(const struct plan_input *in, const struct plan_members *pm,
		const struct gen_params *p, size_t i, int64_t from, int64_t to)
{
	const struct shift *one;

	if (week_active(in, i, &one) > 0)
		return "nobody covers this part of the week";
	if (in->week[i].n > 0)
		return "its shift was cancelled";
	return anyone_may(in, pm, p, from, to) ? "no shift: run rota schedule generate" :
	       "no shift, and no member may take it";
}

/* Reports the part of gap GP that falls in week I. */
static void
gap_report(const struct plan_input *in, const struct plan_members *pm,
	   const struct gen_params *p, size_t i, const struct plan_gaps *g,
	   const struct coverage_gap *gp, struct plan_problem **v, size_t *n)
{
	int64_t from = gp->start > in->bound[i] ? gp->start : in->bound[i];
	int64_t to = gp->end < in->bound[i + 1] ? gp->end : in->bound[i + 1];
	const struct shift *sh;
	char a[32];

	if (gp->shift == (size_t)-1) {
		problem(v, n, in, PLAN_UNCOVERED, NULL, from, to, "%s",
			uncovered_words(in, pm, p, i, from, to));
		return;
	}
	sh = g->row[gp->shift];
	local(in, member_of(in, sh->person_id)->left, a, sizeof a);
	problem(v, n, in, PLAN_UNCOVERED, sh, from, to,
		"%s left the term on %s and still holds this shift", sh->handle, a);
}

/* Checks week I from LO on, in time order: the windows of G not covered
 * in it, and its parts (a window before a part that starts with it). */
static int
check_week(struct store *db, const struct plan_input *in, const struct plan_members *pm,
	   const struct gen_params *p, size_t i, struct plan_gaps *g, int64_t gap, int64_t lo,
	   struct plan_problem **v, size_t *n)
{
	const struct plan_week *w = &in->week[i];
	size_t k = 0, j = g->next;
	int r = 0;

	while (r == 0) {
		const struct shift *sh = NULL;
		const struct coverage_gap *gp = j < g->n && g->gap[j].start < in->bound[i + 1] ?
						&g->gap[j] : NULL;

		while (k < w->n && (w->row[k].cancelled || w->row[k].end <= lo))
			k++;
		if (k < w->n)
			sh = &w->row[k];
		if (gp == NULL && sh == NULL)
			break;
		if (gp != NULL && (sh == NULL || gp->start <= sh->start)) {
			gap_report(in, pm, p, i, g, gp, v, n);
			if (gp->end > in->bound[i + 1])
				break;          /* the rest of it is the next week's */
			j++;
			continue;
		}
		r = check_shift(db, in, sh, starts_week_of_own(in, sh) ? previous_part(in, sh) :
				NULL, gap, lo, v, n);
		k++;
	}
	g->next = j;
	return r;
}

/* A member other than the problem's person who may take its time from LO
 * on under every hard rule, the one holding the fewest parts of the term
 * first; "HANDLE" when nobody may. */
static const char *
fix_handle(const struct plan_input *in, const struct plan_members *pm,
	   const struct gen_params *p, bool gap_applies, const struct plan_problem *pr,
	   int64_t lo)
{
	struct gen_interval *own = xcalloc(in->n_own + 1, sizeof *own);
	const char *best = "HANDLE";
	size_t fewest = SIZE_MAX;

	for (size_t j = 0; j < in->nm; j++) {
		const struct gen_member *m = &pm->m[j];
		size_t n_own = 0;

		if (strcmp(m->handle, pr->handle) == 0)
			continue;
		for (size_t k = 0; k < in->n_own; k++)
			if (!in->own[k].cancelled && in->own[k].person_id == m->person_id)
				own[n_own++] = (struct gen_interval){ in->own[k].start,
								      in->own[k].end };
		if (n_own < fewest && gen_check_member(p, m, pr->start > lo ? pr->start : lo,
				pr->end, own, n_own, gap_applies, NULL, 0) == GEN_OK) {
			fewest = n_own;
			best = m->handle;
		}
	}
	free(own);
	return best;
}

/* Writes into each problem of V[FROM..N) the override that would fix it. */
static void
fixes(const struct plan_input *in, const struct plan_members *pm, int64_t lo,
      struct plan_problem *v, size_t from, size_t n)
{
	const struct tz_zone *zone = tz_lookup_or_utc(in->rot.tz);
	struct gen_params p;
	bool gap_applies;

	params_of(in, &p);
	gap_applies = gen_gap_applies(&p, pm->m, in->nm, in->bound[0], in->bound[in->ns]);
	for (size_t k = from; k < n; k++) {
		struct plan_problem *pr = &v[k];
		const char *who = fix_handle(in, pm, &p, gap_applies, pr, lo);
		char a[32], b[32];

		if (pr->shift_id != 0) {
			snprintf(pr->fix, sizeof pr->fix, "rota override %lld %s",
				 (long long)pr->shift_id, who);
			continue;
		}
		/* As the manager types it: the rotation's wall clock, which
		 * override --from and --to read. */
		if (pr->start <= lo)
			snprintf(a, sizeof a, "now");
		else
			time_format_typed(pr->start, zone, a, sizeof a);
		time_format_typed(pr->end, zone, b, sizeof b);
		snprintf(pr->fix, sizeof pr->fix, "rota override --rotation %s --from %s --to %s %s",
			 in->rot.name, a, b, who);
	}
}

int
plan_check(struct store *db, const struct config *cfg, const struct term *t,
	   int64_t now, struct plan_problem **v, size_t *n)
{
	struct plan_input in;
	struct plan_members pm = { 0 };
	struct plan_gaps g = { 0 };
	struct gen_params p;
	int64_t gap = 0, lo = cover_earliest(now);
	size_t first = *n;
	int r;

	if ((r = input_load(db, cfg, t, &in)) != 0 || (r = members_build(db, &in, &pm)) != 0)
		goto done;
	params_of(&in, &p);
	if (in.ns > 0 && gen_gap_applies(&p, pm.m, in.nm, in.bound[0], in.bound[in.ns]))
		gap = gen_gap_seconds(&p);
	gaps_find(&in, lo, &g);
	for (size_t i = 0; r == 0 && i < in.ns; i++)
		if (in.bound[i + 1] > lo)
			r = check_week(db, &in, &pm, &p, i, &g, gap, lo, v, n);
	if (r == 0)
		fixes(&in, &pm, lo, *v, first, *n);
done:
	gaps_free(&g);
	members_free(&pm);
	input_free(&in);
	return r;
}
