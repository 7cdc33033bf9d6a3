/* The glue between store and generator (service/plan.c), on a real
 * database: a fresh term follows the fairness order, re-generation keeps
 * what it must and changes only what leave broke, an infeasible week is
 * named and nothing is written, DST weeks, carry-over, the escalation
 * tier, holiday weights and the checks; weeks in parts: a start mid-week,
 * a cancelled week in progress, split weeks kept and counted by part,
 * windows inside weeks. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "service/plan.h"
#include "service/cover.h"
#include "common/tz.h"
#include "scheduler/generate.h"
#include "store/store.h"
#include "tests/unit/store-fixture.h"

#define DAY	86400
#define WEEK	(7 * DAY)
#define T0	INT64_C(1798970400)	/* Sunday 2027-01-03 10:00 UTC: a term may start any day */
#define BEFORE	(T0 - 3 * DAY)		/* "now" for a term about to start */

/* The store fixture, and the rotation, term and people of a test. */
struct plan_team {
	struct fixture base;            /* first: the store fixture's teardown frees it */
	struct rotation rot;
	struct term term;
	struct person p[8];
	size_t np;
};

static int
plan_setup(void **state)
{
	return fixture_setup(state, sizeof(struct plan_team), true);
}

static int
plan_teardown(void **state)
{
	tz_cleanup();
	return teardown(state);
}

static struct person *
add_person(struct plan_team *f, const char *handle, bool manager, int64_t office)
{
	struct person *p = &f->p[f->np++];

	memset(p, 0, sizeof *p);
	snprintf(p->handle, sizeof p->handle, "%s", handle);
	snprintf(p->name, sizeof p->name, "Name of %s", handle);
	snprintf(p->email, sizeof p->email, "%s@example.com", handle);
	snprintf(p->tz, sizeof p->tz, "Europe/Dublin");
	p->is_manager = manager;
	p->office_id = office;
	p->sleep_start = 1320;
	p->sleep_end = 420;
	assert_int_equal(store_person_add(f->base.db, p, 1), 0);
	return p;
}

static void
add_rotation(struct plan_team *f, struct rotation *r, const char *name, enum tier tier)
{
	memset(r, 0, sizeof *r);
	snprintf(r->name, sizeof r->name, "%s", name);
	r->tier = tier;
	snprintf(r->tz, sizeof r->tz, "Europe/Dublin");
	r->handoff_dow = 1;
	r->handoff_minute = 600;
	r->shift_days = 7;
	assert_int_equal(store_rotation_add(f->base.db, r, 1), 0);
}

static void
add_term(struct plan_team *f, struct term *t, const char *name, const struct rotation *r,
	 int64_t start, int weeks)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", name);
	t->rotation_id = r->id;
	t->start = start;
	t->end = start + (int64_t)weeks * WEEK;     /* no DST change in the tests that read it */
	t->weeks = weeks;
	assert_int_equal(store_term_add(f->base.db, t, 1), 0);
}

/* A rotation "ops" and a term "t1" of WEEKS weeks from T0 whose members
 * are the people added so far. */
static void
team(struct plan_team *f, int weeks)
{
	add_rotation(f, &f->rot, "ops", TIER_PRIMARY);
	add_term(f, &f->term, "t1", &f->rot, T0, weeks);
	for (size_t i = 0; i < f->np; i++)
		assert_int_equal(store_member_join(f->base.db, f->term.id, f->p[i].id, 1), 0);
}

static void
add_leave(struct plan_team *f, const struct person *p, int64_t start, int64_t end)
{
	struct leave l = { .person_id = p->id, .start = start, .end = end };

	assert_int_equal(store_leave_add(f->base.db, &l, 1), 0);
}

/* The handles of the term's shifts in slot order, space-separated. */
static void
schedule(struct plan_team *f, const struct term *t, char *buf, size_t len)
{
	struct shift *v;
	size_t n;

	buf[0] = '\0';
	assert_int_equal(store_term_shifts(f->base.db, t->id, &v, &n), 0);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].slot, (int)i);
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? " " : "",
			 v[i].cancelled ? "-" : v[i].handle);
	}
	free(v);
}

static int
by_hash(const void *a, const void *b)
{
	uint64_t ha = gen_tie_hash(*(const char *const *)a, "t1");
	uint64_t hb = gen_tie_hash(*(const char *const *)b, "t1");

	return ha < hb ? -1 : ha > hb;
}

static void
test_fresh_term_follows_fairness_order(void **state)
{
	struct plan_team *f = *state;
	const char *order[4] = { "ana", "bo", "cy", "dee" };
	struct plan_diff d;
	char want[128], got[128];

	for (size_t i = 0; i < 4; i++)
		add_person(f, order[i], false, 0);
	team(f, 8);
	/* Everyone equal: the stable hash orders the first round, and the
	 * longest-since-last-shift rule repeats it. */
	qsort(order, 4, sizeof *order, by_hash);
	snprintf(want, sizeof want, "%s %s %s %s %s %s %s %s", order[0], order[1],
		 order[2], order[3], order[0], order[1], order[2], order[3]);

	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, false, &d), 0);
	assert_int_equal(d.n_slots, 8);
	assert_int_equal(d.n_changes, 8);
	assert_int_equal(d.n_fixed, 0);
	assert_int_equal(d.changes[0].old_person, 0);
	assert_int_equal(d.changes[0].shift_id, 0);
	assert_int_equal(d.changes[0].start, T0);
	assert_int_equal(d.changes[7].end, T0 + 8 * WEEK);
	assert_string_equal(d.changes[0].new_handle, order[0]);
	plan_diff_free(&d);
	schedule(f, &f->term, got, sizeof got);
	assert_string_equal(got, "");           /* a dry run writes nothing */

	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	assert_true(d.changes[0].shift_id > 0);
	plan_diff_free(&d);
	schedule(f, &f->term, got, sizeof got);
	assert_string_equal(got, want);

	/* Again: nothing to change. */
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	assert_int_equal(d.n_changes, 0);
	plan_diff_free(&d);
}

static void
test_leave_changes_only_the_weeks_it_breaks(void **state)
{
	struct plan_team *f = *state;
	struct plan_diff d;
	struct shift *v, *w;
	size_t n, m;
	bool slot5 = false;

	add_person(f, "ana", false, 0);
	add_person(f, "bo", false, 0);
	add_person(f, "cy", false, 0);
	add_person(f, "dee", false, 0);
	team(f, 12);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	plan_diff_free(&d);
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, &v, &n), 0);
	assert_int_equal(n, 12);

	/* Whoever has week 6 (slot 5) takes a day off in it. */
	for (size_t i = 0; i < f->np; i++)
		if (f->p[i].id == v[5].person_id)
			add_leave(f, &f->p[i], T0 + 5 * WEEK + 2 * DAY, T0 + 5 * WEEK + 3 * DAY);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	assert_true(d.n_changes >= 1 && d.n_changes <= 3);
	for (size_t k = 0; k < d.n_changes; k++) {
		const struct plan_change *c = &d.changes[k];

		/* Only weeks near the hole move; week 6 leaves its holder. */
		assert_true(c->slot >= 2 && c->slot <= 8);
		assert_int_equal(c->old_person, v[c->slot].person_id);
		assert_int_equal(c->shift_id, v[c->slot].id);
		if (c->slot == 5) {
			slot5 = true;
			assert_int_not_equal(c->new_person, v[5].person_id);
		}
	}
	assert_true(slot5);
	plan_diff_free(&d);
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, &w, &m), 0);
	assert_int_equal(m, 12);
	for (size_t i = 0; i < 12; i++) {
		if (i < 2 || i > 8) {
			assert_int_equal(w[i].person_id, v[i].person_id);
			assert_int_equal(w[i].sequence, 0);
		}
	}
	free(v);
	free(w);
}

static void
write_config(struct plan_team *f, const char *text, struct config **cfg)
{
	char path[FIXTURE_PATH_MAX];
	FILE *fp;

	fp = fopen(fixture_file(&f->base, "rota.conf", path, sizeof path), "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(config_load(path, cfg), 0);
}

static void
test_kept_shifts_past_frozen_swapped(void **state)
{
	struct plan_team *f = *state;
	struct person *ana;
	struct plan_diff d;
	struct config *cfg;
	struct plan_problem *pv = NULL;
	struct shift *v;
	size_t n, pn = 0;
	int64_t now = T0 + WEEK + DAY;  /* in week 2 */

	ana = add_person(f, "ana", false, 0);
	add_person(f, "bo", false, 0);
	add_person(f, "cy", false, 0);
	add_person(f, "dee", false, 0);
	team(f, 8);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	plan_diff_free(&d);
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, &v, &n), 0);
	/* Week 7 is handed to ana by a swap, and ana goes on leave then; the
	 * holders of weeks 1-4 go on leave in their weeks. */
	assert_int_equal(store_shift_assign(f->base.db, v[6].id, ana->id, ORIGIN_SWAP, 2), 0);
	add_leave(f, ana, T0 + 6 * WEEK, T0 + 7 * WEEK);
	for (int s = 0; s < 4; s++)
		for (size_t i = 0; i < f->np; i++)
			if (f->p[i].id == v[s].person_id)
				add_leave(f, &f->p[i], T0 + s * WEEK + DAY, T0 + s * WEEK + 2 * DAY);

	/* The check sees weeks 2-4 and 7 (week 1 is over). */
	assert_int_equal(plan_check(f->base.db, NULL, &f->term, now, &pv, &pn), 0);
	{
		struct plan_problem *leave[8];
		size_t nl = 0;

		for (size_t k = 0; k < pn; k++) {
			if (pv[k].kind == PLAN_LEAVE) {
				leave[nl++] = &pv[k];
				continue;
			}
			/* ana's swap may sit next to another week of hers. */
			assert_int_equal(pv[k].kind, PLAN_GAP);
			assert_string_equal(pv[k].handle, "ana");
		}
		assert_true(pn <= 6);
		assert_int_equal(nl, 4);
		assert_int_equal(leave[0]->start, T0 + WEEK);
		assert_int_equal(leave[0]->shift_id, v[1].id);
		assert_int_equal(leave[3]->start, T0 + 6 * WEEK);
		assert_string_equal(leave[3]->handle, "ana");
		assert_string_equal(leave[3]->term, "t1");
	}
	free(pv);

	/* Weeks 1-2 have started, weeks 3-4 start within 14 days, week 7 was
	 * swapped: all kept, leave or not. Only weeks next to ana's swapped
	 * week may change (the minimum gap). */
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, now, true, &d), 0);
	assert_int_equal(d.n_fixed, 5);
	for (size_t k = 0; k < d.n_changes; k++)
		assert_true(d.changes[k].slot == 5 || d.changes[k].slot == 7);
	plan_diff_free(&d);
	free(v);
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, &v, &n), 0);
	assert_int_equal(v[6].person_id, ana->id);
	assert_int_equal(v[6].origin, ORIGIN_SWAP);

	/* With a 7-day horizon week 4 is free again, and its holder's leave
	 * moves it. */
	write_config(f, "[schedule]\nfreeze_days = 7\n", &cfg);
	assert_int_equal(plan_generate(f->base.db, cfg, &f->term, now, true, &d), 0);
	assert_int_equal(d.n_fixed, 4);
	assert_true(d.n_changes >= 1);
	assert_int_equal(d.changes[0].slot, 3);
	assert_int_equal(d.changes[0].old_person, v[3].person_id);
	plan_diff_free(&d);
	config_free(cfg);
	free(v);

	/* A bad setting is a configuration error. */
	write_config(f, "[rotation \"ops\"]\nholiday_weight = lots\n", &cfg);
	assert_int_equal(plan_generate(f->base.db, cfg, &f->term, now, false, &d), 78);
	plan_diff_free(&d);
	config_free(cfg);
}

static void
test_infeasible_week_named_and_nothing_written(void **state)
{
	struct plan_team *f = *state;
	struct plan_diff d;
	char got[128];

	for (int i = 0; i < 3; i++) {
		static const char *h[] = { "ana", "bo", "cy" };
		struct person *p = add_person(f, h[i], false, 0);
		add_leave(f, p, T0 + 2 * WEEK + DAY, T0 + 2 * WEEK + 2 * DAY);
	}
	team(f, 6);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 65);
	assert_int_equal(d.failed_slot, 2);
	assert_int_equal(d.failed_start, T0 + 2 * WEEK);
	assert_int_equal(d.failed_end, T0 + 3 * WEEK);
	assert_string_equal(d.reason, "nobody can take it: ana: on leave; bo: on leave; "
			    "cy: on leave");
	assert_int_equal(d.n_changes, 0);
	plan_diff_free(&d);
	schedule(f, &f->term, got, sizeof got);
	assert_string_equal(got, "");
}

static void
test_dst_weeks(void **state)
{
	struct plan_team *f = *state;
	struct plan_diff d;
	/* Monday 2027-03-22 10:00 GMT; clocks go forward on Sunday 28 March
	 * and back on Sunday 31 October. */
	int64_t march = INT64_C(1805709600), october;

	add_person(f, "ana", false, 0);
	add_person(f, "bo", false, 0);
	add_person(f, "cy", false, 0);
	add_rotation(f, &f->rot, "ops", TIER_PRIMARY);
	add_term(f, &f->term, "t1", &f->rot, march, 33);
	for (size_t i = 0; i < f->np; i++)
		assert_int_equal(store_member_join(f->base.db, f->term.id, f->p[i].id, 1), 0);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, march - DAY, false, &d), 0);
	assert_int_equal(d.n_changes, 33);
	assert_int_equal(d.changes[0].end - d.changes[0].start, 167 * 3600);
	assert_int_equal(d.changes[1].start, march + WEEK - 3600);  /* 10:00 IST = 09:00Z */
	assert_int_equal(d.changes[1].end - d.changes[1].start, 168 * 3600);
	october = d.changes[31].start;                              /* Mon 2027-10-25 */
	assert_int_equal(october, march + 31 * WEEK - 3600);
	assert_int_equal(d.changes[31].end - d.changes[31].start, 169 * 3600);
	assert_int_equal(d.changes[32].start, march + 32 * WEEK);
	plan_diff_free(&d);
}

/* Inserts a shift of term T in slot SLOT held by P. */
static void
add_shift(struct plan_team *f, const struct term *t, int slot, const struct person *p)
{
	struct shift sh = { 0 };

	sh.rotation_id = f->rot.id;
	snprintf(sh.rotation, sizeof sh.rotation, "%s", f->rot.name);
	sh.term_id = t->id;
	snprintf(sh.term, sizeof sh.term, "%s", t->name);
	sh.slot = slot;
	sh.person_id = p->id;
	sh.start = t->start + slot * WEEK;
	sh.end = sh.start + WEEK;
	assert_int_equal(store_shift_insert(f->base.db, &sh, 1), 0);
}

static void
test_carry_over(void **state)
{
	struct plan_team *f = *state;
	struct person *a, *b, *c;
	struct term t0;
	struct plan_diff d;
	char got[128];

	a = add_person(f, "ana", false, 0);
	b = add_person(f, "bo", false, 0);
	c = add_person(f, "cy", false, 0);
	/* An earlier term of the rotation: bo served 3 weeks, cy 2, ana only
	 * the last one. Then a 2-week break. */
	add_rotation(f, &f->rot, "ops", TIER_PRIMARY);
	add_term(f, &t0, "t0", &f->rot, T0, 6);
	add_shift(f, &t0, 0, b);
	add_shift(f, &t0, 1, c);
	add_shift(f, &t0, 2, b);
	add_shift(f, &t0, 3, c);
	add_shift(f, &t0, 4, b);
	add_shift(f, &t0, 5, a);
	add_term(f, &f->term, "t1", &f->rot, T0 + 8 * WEEK, 3);
	for (size_t i = 0; i < f->np; i++)
		assert_int_equal(store_member_join(f->base.db, f->term.id, f->p[i].id, 1), 0);
	/* Least carried load first, although ana served most recently. */
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	plan_diff_free(&d);
	schedule(f, &f->term, got, sizeof got);
	assert_string_equal(got, "ana cy bo");
}

static void
test_carry_over_counts_parts_by_share(void **state)
{
	struct plan_team *f = *state;
	struct person *a, *b, *c;
	struct term t0;
	struct plan_diff d;
	char got[128];

	a = add_person(f, "ana", false, 0);
	b = add_person(f, "bo", false, 0);
	c = add_person(f, "cy", false, 0);
	/* An earlier term: ana's week, of which bo covered two nights (ana
	 * holds it in three parts, bo in two), then cy's week. Counted by
	 * rows, ana would carry 3 weeks and bo 2; by share, ana 5/7 of a
	 * week, bo 2/7 and cy 1. */
	add_rotation(f, &f->rot, "ops", TIER_PRIMARY);
	add_term(f, &t0, "t0", &f->rot, T0, 2);
	add_shift(f, &t0, 0, a);
	add_shift(f, &t0, 1, c);
	assert_int_equal(cover_apply(f->base.db, &f->rot, T0 + DAY, T0 + 2 * DAY, b->id,
				     ORIGIN_OVERRIDE, 1), 0);
	assert_int_equal(cover_apply(f->base.db, &f->rot, T0 + 3 * DAY, T0 + 4 * DAY, b->id,
				     ORIGIN_OVERRIDE, 1), 0);
	add_term(f, &f->term, "t1", &f->rot, T0 + 4 * WEEK, 3);
	for (size_t i = 0; i < f->np; i++)
		assert_int_equal(store_member_join(f->base.db, f->term.id, f->p[i].id, 1), 0);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	plan_diff_free(&d);
	schedule(f, &f->term, got, sizeof got);
	assert_string_equal(got, "bo ana cy");
}

static void
test_escalation_tier(void **state)
{
	struct plan_team *f = *state;
	struct rotation esc;
	struct term e1;
	struct plan_diff d;
	struct person *ana, *mia, *max;
	struct shift *v;
	size_t n;
	char got[128];

	ana = add_person(f, "ana", false, 0);
	mia = add_person(f, "mia", true, 0);
	max = add_person(f, "max", true, 0);
	team(f, 4);
	add_shift(f, &f->term, 1, mia);   /* mia is primary in week 2 */
	add_rotation(f, &esc, "managers", TIER_ESCALATION);
	add_term(f, &e1, "e1", &esc, T0, 4);
	assert_int_equal(store_member_join(f->base.db, e1.id, ana->id, 1), 0);
	assert_int_equal(store_member_join(f->base.db, e1.id, mia->id, 1), 0);
	assert_int_equal(store_member_join(f->base.db, e1.id, max->id, 1), 0);
	assert_int_equal(plan_generate(f->base.db, NULL, &e1, BEFORE, true, &d), 0);
	plan_diff_free(&d);
	assert_int_equal(store_term_shifts(f->base.db, e1.id, &v, &n), 0);
	assert_int_equal(n, 4);
	/* Managers only; not mia in week 2; two managers: no minimum gap, two
	 * weeks each. */
	assert_int_equal(v[1].person_id, max->id);
	schedule(f, &e1, got, sizeof got);
	assert_null(strstr(got, "ana"));
	assert_int_equal((v[0].person_id == mia->id) + (v[2].person_id == mia->id) +
			 (v[3].person_id == mia->id), 2);
	free(v);

	/* A non-manager alone in an escalation term: infeasible, and said why. */
	assert_int_equal(store_member_leave(f->base.db, e1.id, mia->id, 1), 0);
	assert_int_equal(store_member_leave(f->base.db, e1.id, max->id, 1), 0);
	assert_int_equal(plan_generate(f->base.db, NULL, &e1, BEFORE, false, &d), 65);
	/* Weeks 1-2 start within the freeze horizon and stay as they are. */
	assert_int_equal(d.failed_slot, 2);
	assert_string_equal(d.reason, "nobody can take it: ana: not a manager (escalation "
			    "tier is managers only); max: not a member of the term then; "
			    "mia: not a member of the term then");
	plan_diff_free(&d);
}

static void
test_holiday_weight(void **state)
{
	(void)state;
	assert_int_equal(plan_slot_weight(50, 0), 1000);
	assert_int_equal(plan_slot_weight(50, 1), 1500);
	assert_int_equal(plan_slot_weight(50, 2), 2000);
	assert_int_equal(plan_slot_weight(0, 3), 1000);
	assert_int_equal(plan_slot_weight(100, 1), 2000);
}

static void
test_holiday_weeks_spread(void **state)
{
	struct plan_team *f = *state;
	struct office o = { 0 };
	struct plan_diff d;
	struct shift *v;
	size_t n;

	snprintf(o.name, sizeof o.name, "Dublin");
	snprintf(o.tz, sizeof o.tz, "Europe/Dublin");
	snprintf(o.hours, sizeof o.hours, "Mon-Fri 09:00-18:00");
	assert_int_equal(store_office_add(f->base.db, &o, 1), 0);
	add_person(f, "ana", false, o.id);
	add_person(f, "bo", false, o.id);
	add_person(f, "cy", false, o.id);
	/* Holidays on the Wednesdays of weeks 1 and 4: whoever takes week 1
	 * carries more load, so is not given week 4 in the next round. */
	{
		static const char *days[] = { "2027-01-06", "2027-01-27" };
		for (int i = 0; i < 2; i++) {
			struct holiday h = { .office_id = o.id };
			snprintf(h.day, sizeof h.day, "%s", days[i]);
			snprintf(h.name, sizeof h.name, "Holiday %d", i);
			assert_int_equal(store_holiday_add(f->base.db, &h, NULL, NULL, NULL), 0);
		}
	}
	team(f, 6);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	plan_diff_free(&d);
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, &v, &n), 0);
	assert_int_equal(n, 6);
	/* Round 2 goes by load: the holder of week 1 (1500) comes last. */
	assert_int_equal(v[5].person_id, v[0].person_id);
	assert_int_not_equal(v[3].person_id, v[0].person_id);
	free(v);
}

/* Four people and an 8-week term, generated at BEFORE; *V gets its
 * shifts, one per week. */
static void
generated(struct plan_team *f, struct shift **v)
{
	struct plan_diff d;
	size_t n;

	add_person(f, "ana", false, 0);
	add_person(f, "bo", false, 0);
	add_person(f, "cy", false, 0);
	add_person(f, "dee", false, 0);
	team(f, 8);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	plan_diff_free(&d);
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, v, &n), 0);
	assert_int_equal(n, 8);
}

static void
test_midweek_start_covers_now_to_the_handoff(void **state)
{
	struct plan_team *f = *state;
	/* Wednesday of the term's first week, between two minutes. */
	int64_t now = T0 + 2 * DAY + 4 * 3600 + 30;
	struct plan_diff d;
	struct plan_problem *pv = NULL;
	struct shift *v;
	size_t n, pn = 0;

	add_person(f, "ana", false, 0);
	add_person(f, "bo", false, 0);
	add_person(f, "cy", false, 0);
	team(f, 4);
	assert_int_equal(plan_check(f->base.db, NULL, &f->term, now, &pv, &pn), 0);
	assert_int_equal(pn, 4);
	assert_int_equal(pv[0].kind, PLAN_UNCOVERED);
	assert_int_equal(pv[0].start, now + 30);        /* the past cannot be fixed */
	assert_int_equal(pv[0].end, T0 + WEEK);
	free(pv);

	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, now, true, &d), 0);
	assert_int_equal(d.n_changes, 4);
	assert_int_equal(d.changes[0].slot, 0);
	assert_int_equal(d.changes[0].slot_start, T0);
	assert_int_equal(d.changes[0].slot_end, T0 + WEEK);
	assert_int_equal(d.changes[0].start, cover_earliest(now));
	assert_int_equal(d.changes[0].end, T0 + WEEK);
	assert_string_equal(d.changes[0].why, "uncovered");
	for (size_t k = 0; k < d.n_changes; k++)
		assert_true(d.changes[k].start >= now);
	plan_diff_free(&d);
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, &v, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(v[0].start, now + 30);
	assert_int_equal(v[0].slot_start, T0);
	assert_int_equal(v[0].slot_end, T0 + WEEK);
	assert_int_equal(v[1].start, T0 + WEEK);
	free(v);

	/* Again: nothing to do, the part is kept as a split week. */
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, now, true, &d), 0);
	assert_int_equal(d.n_changes, 0);
	assert_int_equal(d.kept_by[4], 1);
	assert_string_equal(plan_kept_words[4], "split");
	plan_diff_free(&d);
	pv = NULL;
	pn = 0;
	assert_int_equal(plan_check(f->base.db, NULL, &f->term, now, &pv, &pn), 0);
	assert_int_equal(pn, 0);
	free(pv);
}

static void
test_cancelled_week_in_progress_refilled_from_now(void **state)
{
	struct plan_team *f = *state;
	int64_t now = T0 + 2 * WEEK + 3 * DAY;
	struct plan_diff d;
	struct shift *v, *w;
	size_t n;

	generated(f, &v);
	assert_int_equal(store_shift_cancel(f->base.db, v[2].id, 2), 0);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, now, true, &d), 0);
	assert_int_equal(d.n_changes, 1);
	assert_string_equal(d.changes[0].why, "cancelled");
	assert_int_equal(d.changes[0].start, now);
	assert_int_equal(d.changes[0].end, T0 + 3 * WEEK);
	assert_true(d.changes[0].shift_id != v[2].id);
	plan_diff_free(&d);
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, &w, &n), 0);
	assert_int_equal(n, 9);
	assert_true(w[2].cancelled);                    /* the week's old row */
	assert_int_equal(w[2].start, T0 + 2 * WEEK);
	assert_false(w[3].cancelled);                   /* the part from now */
	assert_int_equal(w[3].slot, 2);
	assert_int_equal(w[3].start, now);
	free(v);
	free(w);
}

/* The rest of a week in progress given to the holder of its next part
 * (two members: no minimum gap) merges with that part (cover_apply's
 * rule): one part of one holder, never two side by side. */
static void
test_midweek_fill_merges_with_the_next_part(void **state)
{
	struct plan_team *f = *state;
	int64_t now = T0 + 2 * DAY + 30;
	struct plan_diff d;
	struct shift *v;
	size_t n, parts = 0;

	add_person(f, "ana", false, 0);
	add_person(f, "bo", false, 0);
	team(f, 2);
	add_leave(f, &f->p[1], T0, T0 + WEEK);          /* only ana may take week 0 */
	assert_int_equal(cover_apply(f->base.db, &f->rot, T0 + 4 * DAY, T0 + WEEK, f->p[0].id,
				     ORIGIN_OVERRIDE, now), 0);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, now, true, &d), 0);
	assert_int_equal(d.changes[0].start, now + 30);
	assert_int_equal(d.changes[0].end, T0 + 4 * DAY);
	assert_string_equal(d.changes[0].new_handle, "ana");
	plan_diff_free(&d);
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, &v, &n), 0);
	for (size_t k = 0; k < n; k++) {
		if (v[k].slot != 0 || v[k].cancelled)
			continue;
		parts++;
		assert_int_equal(v[k].start, now + 30);
		assert_int_equal(v[k].end, T0 + WEEK);
		assert_string_equal(v[k].handle, "ana");
	}
	assert_int_equal(parts, 1);
	free(v);
}

static void
test_split_week_kept_and_counted_by_part(void **state)
{
	struct plan_team *f = *state;
	int64_t from = T0 + 2 * WEEK + 2 * DAY, to = T0 + 2 * WEEK + 4 * DAY;
	struct plan_diff d;
	struct plan_problem *pv = NULL;
	struct shift *v, *w;
	size_t n, pn = 0;

	generated(f, &v);
	/* The holder of week 1 covers two nights of week 3: nobody's gap
	 * breaks, the counts stay within a shift. */
	assert_int_equal(cover_apply(f->base.db, &f->rot, from, to, v[0].person_id,
				     ORIGIN_OVERRIDE, 2), 0);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	assert_int_equal(d.n_changes, 0);
	assert_int_equal(d.n_fixed, 3);                 /* two frozen, one split */
	assert_int_equal(d.kept_by[1], 2);
	assert_int_equal(d.kept_by[4], 1);
	plan_diff_free(&d);
	assert_int_equal(plan_check(f->base.db, NULL, &f->term, BEFORE, &pv, &pn), 0);
	assert_int_equal(pn, 0);
	free(pv);

	/* Given to the holder of week 4 instead: too close to it, so week 4
	 * moves (it is free), and says why. */
	assert_int_equal(cover_apply(f->base.db, &f->rot, from, to, v[3].person_id,
				     ORIGIN_OVERRIDE, 3), 0);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	assert_true(d.n_changes >= 1);
	assert_int_equal(d.changes[0].slot, 3);
	assert_int_equal(d.changes[0].old_person, v[3].person_id);
	assert_string_equal(d.changes[0].why, "gap");
	plan_diff_free(&d);
	/* The split week's parts are as they were. */
	assert_int_equal(store_term_shifts(f->base.db, f->term.id, &w, &n), 0);
	assert_int_equal(n, 10);
	assert_int_equal(w[2].end, from);
	assert_int_equal(w[3].start, from);
	assert_int_equal(w[3].end, to);
	assert_int_equal(w[3].person_id, v[3].person_id);
	assert_int_equal(w[4].start, to);
	assert_int_equal(w[4].person_id, v[2].person_id);
	free(v);
	free(w);
}

static void
test_check_parts_and_windows(void **state)
{
	struct plan_team *f = *state;
	int64_t cut = T0 + 4 * WEEK + 3 * DAY, now = T0 + 4 * WEEK + 5 * DAY + 45;
	struct plan_problem *pv = NULL;
	struct plan_diff d;
	struct shift *v;
	size_t pn = 0;

	generated(f, &v);
	/* Week 5 ends early: nobody covers its last four days. */
	assert_int_equal(store_shift_reshape(f->base.db, v[4].id, v[4].person_id, cut,
					     ORIGIN_GENERATED, 2), 0);
	assert_int_equal(plan_check(f->base.db, NULL, &f->term, BEFORE, &pv, &pn), 0);
	assert_int_equal(pn, 1);
	assert_int_equal(pv[0].kind, PLAN_UNCOVERED);
	assert_int_equal(pv[0].shift_id, 0);
	assert_int_equal(pv[0].start, cut);
	assert_int_equal(pv[0].end, T0 + 5 * WEEK);
	assert_string_equal(pv[0].detail, "nobody covers this part of the week");
	assert_non_null(strstr(pv[0].fix, "rota override --rotation ops --from "
			       "2027-02-03T10:00 --to 2027-02-07T10:00 "));
	free(pv);

	/* Generation keeps the split week as it is, the hole too. */
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, BEFORE, true, &d), 0);
	assert_int_equal(d.n_changes, 0);
	assert_int_equal(d.kept_by[4], 1);
	plan_diff_free(&d);

	/* From inside the hole, generation covers its rest, and the check
	 * looks no further back than the next whole minute. */
	pv = NULL;
	pn = 0;
	assert_int_equal(plan_check(f->base.db, NULL, &f->term, now, &pv, &pn), 0);
	assert_int_equal(pn, 1);
	assert_int_equal(pv[0].start, now + 15);
	assert_non_null(strstr(pv[0].fix, "--from now --to 2027-02-07T10:00 "));
	free(pv);
	assert_int_equal(plan_generate(f->base.db, NULL, &f->term, now, true, &d), 0);
	assert_int_equal(d.n_changes, 1);
	assert_int_equal(d.changes[0].start, now + 15);
	assert_int_equal(d.changes[0].end, T0 + 5 * WEEK);
	plan_diff_free(&d);
	pv = NULL;
	pn = 0;
	assert_int_equal(plan_check(f->base.db, NULL, &f->term, now, &pv, &pn), 0);
	assert_int_equal(pn, 0);
	free(pv);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_term_follows_fairness_order, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_leave_changes_only_the_weeks_it_breaks, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_kept_shifts_past_frozen_swapped, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_infeasible_week_named_and_nothing_written, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_dst_weeks, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_carry_over, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_carry_over_counts_parts_by_share, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_escalation_tier, plan_setup, plan_teardown),
		cmocka_unit_test(test_holiday_weight),
		cmocka_unit_test_setup_teardown(test_holiday_weeks_spread, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_midweek_start_covers_now_to_the_handoff, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_cancelled_week_in_progress_refilled_from_now, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_midweek_fill_merges_with_the_next_part, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_split_week_kept_and_counted_by_part, plan_setup, plan_teardown),
		cmocka_unit_test_setup_teardown(test_check_parts_and_windows, plan_setup, plan_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
