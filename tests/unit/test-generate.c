/* Unit tests of the generator and the hard constraints.
 *
 * Properties are checked over random teams drawn from a seeded xorshift
 * generator (fixed seeds: every run sees the same teams); the checks are
 * written from DESIGN.md's rules, not by calling the code under test. Then
 * hand-written stories: infeasible week, holiday weeks, carry-over,
 * recovery, backtracking. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scheduler/constraints.h"
#include "scheduler/generate.h"

#define DAY	86400
#define WEEK	(7 * DAY)
#define T0	INT64_C(1798970400)	/* Monday 2027-01-04 10:00 UTC */
#define N_CASES	400

#define MAX_MEMBERS	10
#define MAX_SLOTS	60
#define MAX_IV		4

/* A team and a term to schedule; everything inline so copies are cheap. */
struct team {
	struct gen_params p;
	struct gen_member m[MAX_MEMBERS];
	size_t nm;
	struct gen_interval leave[MAX_MEMBERS][MAX_IV];
	struct gen_interval busy[MAX_MEMBERS][MAX_IV];
	char handle[MAX_MEMBERS][32];
	struct gen_slot slot[MAX_SLOTS];
	size_t ns;
	bool has_fixed;
};

static uint64_t rng;

/* xorshift64: the tests' own PRNG, so results do not depend on libc. */
static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* A number in [0, n). */
static int64_t
pick(int64_t n)
{
	return (int64_t)(next() % (uint64_t)n);
}

/* Points the members' interval pointers at t's own arrays (after a copy). */
static void
team_relink(struct team *t)
{
	for (size_t j = 0; j < t->nm; j++) {
		t->m[j].leave = t->leave[j];
		t->m[j].busy = t->busy[j];
		t->m[j].handle = t->handle[j];
	}
}

/* Fills t with the team of the given seed. */
static void
team_random(struct team *t, uint64_t seed)
{
	memset(t, 0, sizeof *t);
	rng = seed * 0x9E3779B97F4A7C15ULL + 1;
	t->p.escalation = pick(4) == 0;
	t->p.min_gap_shifts = pick(5) == 0 ? 2 : 1;
	t->p.recovery_shifts = (int)pick(3);
	t->p.shift_seconds = WEEK;
	t->p.term_name = pick(2) ? "2027-H1" : "2027-H2";
	t->p.max_nodes = 200000;
	t->nm = 2 + (size_t)pick(MAX_MEMBERS - 1);
	t->ns = 4 + (size_t)pick(MAX_SLOTS - 4);

	int64_t at = T0;
	for (size_t i = 0; i < t->ns; i++) {
		int64_t len = WEEK + (pick(20) == 0 ? (pick(2) ? 3600 : -3600) : 0);

		t->slot[i].start = at;
		t->slot[i].end = at + len;
		t->slot[i].weight = 1000 + (pick(6) == 0 ? 200 * (1 + pick(3)) : 0);
		at += len;
	}
	int64_t span = at - T0;
	for (size_t j = 0; j < t->nm; j++) {
		struct gen_member *m = &t->m[j];

		snprintf(t->handle[j], sizeof t->handle[j], "u%zu-%llu", j,
		    (unsigned long long)(seed % 97));
		m->person_id = (int64_t)(j + 1) * 10;
		m->is_manager = t->p.escalation ? pick(4) != 0 : pick(3) == 0;
		if (pick(3) == 0) {
			m->n_leave = 1 + (size_t)pick(2);
			for (size_t k = 0; k < m->n_leave; k++) {
				t->leave[j][k].start = T0 + pick(span);
				t->leave[j][k].end = t->leave[j][k].start + DAY + pick(3 * WEEK);
			}
		}
		if (pick(5) == 0) {
			m->n_busy = 1 + (size_t)pick(2);
			for (size_t k = 0; k < m->n_busy; k++) {
				t->busy[j][k].start = t->slot[pick((int64_t)t->ns)].start + DAY;
				t->busy[j][k].end = t->busy[j][k].start + WEEK;
			}
		}
		m->member_from = pick(6) == 0 ? t->slot[pick((int64_t)t->ns)].start : INT64_MIN;
		m->member_until = pick(6) == 0 ? t->slot[pick((int64_t)t->ns)].end : INT64_MAX;
		m->carry_load = pick(3) == 0 ? pick(3000) : 0;
		m->last_shift_end = INT64_MIN;
		if (pick(4) == 0) {
			m->last_shift_end = T0 - pick(3) * WEEK;
			m->last_shift_heavy = pick(2) == 0;
		}
	}
	if (pick(3) == 0) {
		for (size_t i = 0; i < t->ns; i++) {
			if (pick(8) == 0) {
				t->slot[i].fixed_person = t->m[pick((int64_t)t->nm)].person_id;
				t->has_fixed = true;
			}
		}
	}
	team_relink(t);
}

/* Index of person_id among t's members, or -1. */
static int
index_of(const struct team *t, int64_t person_id)
{
	for (size_t j = 0; j < t->nm; j++) {
		if (t->m[j].person_id == person_id)
			return (int)j;
	}
	return -1;
}

/* Whether [a, b) meets any of the n intervals. */
static bool
meets(const struct gen_interval *iv, size_t n, int64_t a, int64_t b)
{
	for (size_t k = 0; k < n; k++) {
		if (iv[k].start < b && a < iv[k].end)
			return true;
	}
	return false;
}

/* Whether the minimum gap applies to t, counted here from the rule. */
static bool
gap_rule_applies(const struct team *t)
{
	int64_t from = t->slot[0].start, until = t->slot[t->ns - 1].end;
	size_t n = 0;

	for (size_t j = 0; j < t->nm; j++) {
		const struct gen_member *m = &t->m[j];

		if ((!t->p.escalation || m->is_manager) && m->member_from < m->member_until &&
		    m->member_from < until && from < m->member_until)
			n++;
	}
	return t->p.min_gap_shifts > 0 && n >= 3;
}

/* Checks every hard rule for every slot the generator filled (fixed slots
 * are exempt, but count as neighbours for the gap). */
static void
assert_valid(const struct team *t, const int64_t *person)
{
	bool gap = gap_rule_applies(t);
	int64_t need = t->p.min_gap_shifts * WEEK - 7200;

	for (size_t i = 0; i < t->ns; i++) {
		const struct gen_slot *s = &t->slot[i];

		assert_true(person[i] != 0);
		if (s->fixed_person != 0) {
			assert_int_equal(person[i], s->fixed_person);
			continue;
		}
		int j = index_of(t, person[i]);
		assert_true(j >= 0);
		const struct gen_member *m = &t->m[j];
		assert_false(meets(m->leave, m->n_leave, s->start, s->end));
		assert_false(meets(m->busy, m->n_busy, s->start, s->end));
		assert_true(!t->p.escalation || m->is_manager);
		assert_true(s->start >= m->member_from && s->end <= m->member_until);
		if (!gap)
			continue;
		if (m->last_shift_end != INT64_MIN)
			assert_true(s->start - m->last_shift_end >= need);
		for (size_t k = 0; k < t->ns; k++) {
			if (k == i || person[k] != person[i])
				continue;
			if (k < i)
				assert_true(s->start - t->slot[k].end >= need);
			else
				assert_true(t->slot[k].start - s->end >= need);
		}
	}
}

/* Whether member j of t can serve every slot: no leave, no other tier,
 * whole term, right tier, no rest owed at the start. */
static bool
fully_available(const struct team *t, size_t j)
{
	const struct gen_member *m = &t->m[j];

	return m->n_leave == 0 && m->n_busy == 0 && m->member_from == INT64_MIN &&
	    m->member_until == INT64_MAX && (!t->p.escalation || m->is_manager) &&
	    m->last_shift_end == INT64_MIN;
}

/* Runs the generator on t; the result is the caller's to free. */
static int
run(const struct team *t, struct gen_result *r)
{
	return gen_run(&t->p, t->m, t->nm, t->slot, t->ns, r);
}

/* Property: a feasible team gets every rule kept, the same result twice,
 * and a spread of at most one among its fully available members. */
static void
test_random_fresh(void **state)
{
	size_t feasible = 0;

	(void)state;
	for (uint64_t seed = 1; seed <= N_CASES; seed++) {
		struct team t;
		struct gen_result a, b;

		team_random(&t, seed);
		if (run(&t, &a) != 0) {
			assert_true(a.failed_slot >= 0 && a.failed_slot < (long)t.ns);
			assert_true(strlen(a.reason) > 0);
			assert_null(a.person);
			continue;
		}
		feasible++;
		assert_int_equal(a.failed_slot, -1);
		assert_valid(&t, a.person);
		assert_int_equal(run(&t, &b), 0);
		assert_memory_equal(a.person, b.person, t.ns * sizeof *a.person);
		if (!t.has_fixed) {
			int64_t lo = INT64_MAX, hi = INT64_MIN;

			for (size_t j = 0; j < t.nm; j++) {
				int64_t n = 0;

				if (!fully_available(&t, j))
					continue;
				for (size_t i = 0; i < t.ns; i++)
					n += a.person[i] == t.m[j].person_id;
				lo = n < lo ? n : lo;
				hi = n > hi ? n : hi;
			}
			assert_true(lo == INT64_MAX || hi - lo <= 1);
		}
		gen_result_free(&a);
		gen_result_free(&b);
	}
	/* The random teams must mostly be schedulable, or the test says little. */
	assert_true(feasible > N_CASES / 2);
}

/* Property: re-generating with nothing changed, some more slots frozen,
 * changes nothing and keeps the fixed slots. */
static void
test_random_regen_unchanged(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= N_CASES; seed++) {
		struct team t;
		struct gen_result a, b;

		team_random(&t, seed);
		if (run(&t, &a) != 0)
			continue;
		size_t frozen = (size_t)pick((int64_t)t.ns);
		for (size_t i = 0; i < t.ns; i++) {
			t.slot[i].current_person = a.person[i];
			if (i < frozen)
				t.slot[i].fixed_person = a.person[i];
		}
		assert_int_equal(run(&t, &b), 0);
		assert_memory_equal(a.person, b.person, t.ns * sizeof *a.person);
		assert_int_equal(b.n_changed, 0);
		gen_result_free(&a);
		gen_result_free(&b);
	}
}

/* Property: after one person adds leave over one of their future shifts,
 * re-generation keeps the fixed slots, hands that shift to someone else,
 * keeps every rule, and changes no more than a fresh run would. */
static void
test_random_regen_leave(void **state)
{
	size_t tried = 0, few = 0;

	(void)state;
	for (uint64_t seed = 1; seed <= N_CASES; seed++) {
		struct team t;
		struct gen_result a, b, c;

		team_random(&t, seed);
		if (run(&t, &a) != 0)
			continue;
		size_t i = (size_t)pick((int64_t)t.ns);
		int j = index_of(&t, a.person[i]);
		if (t.slot[i].fixed_person != 0 || j < 0 || t.m[j].n_leave == MAX_IV) {
			gen_result_free(&a);
			continue;
		}
		struct gen_interval *lv = &t.leave[j][t.m[j].n_leave++];
		lv->start = t.slot[i].start + DAY;
		lv->end = lv->start + DAY;
		for (size_t k = 0; k < t.ns; k++)
			t.slot[k].current_person = a.person[k];
		if (run(&t, &b) != 0) {
			/* Then no schedule exists at all: a fresh run agrees. */
			assert_int_not_equal(run(&t, &c), 0);
			gen_result_free(&a);
			continue;
		}
		tried++;
		assert_valid(&t, b.person);
		assert_true(b.person[i] != a.person[i]);
		assert_true(b.n_changed >= 1);
		for (size_t k = 0; k < t.ns; k++)
			t.slot[k].current_person = 0;
		assert_int_equal(run(&t, &c), 0);
		size_t fresh_changes = 0;
		for (size_t k = 0; k < t.ns; k++)
			fresh_changes += c.person[k] != a.person[k];
		assert_true(b.n_changed <= fresh_changes || b.n_changed <= 3);
		few += b.n_changed <= 3;
		gen_result_free(&a);
		gen_result_free(&b);
		gen_result_free(&c);
	}
	assert_true(tried > N_CASES / 4);
	/* Most of the time only the shift itself and a move or two change. */
	assert_true(few * 10 >= tried * 9);
}

/* Builds a plain primary team of n members "m0".."m{n-1}" over ns weekly
 * slots of weight 1000; caller adjusts. */
static void
team_plain(struct team *t, size_t n, size_t ns)
{
	memset(t, 0, sizeof *t);
	t->p.min_gap_shifts = 1;
	t->p.recovery_shifts = 1;
	t->p.shift_seconds = WEEK;
	t->p.term_name = "2027-H1";
	t->p.max_nodes = 200000;
	t->nm = n;
	t->ns = ns;
	for (size_t j = 0; j < n; j++) {
		snprintf(t->handle[j], sizeof t->handle[j], "m%zu", j);
		t->m[j].person_id = (int64_t)j + 1;
		t->m[j].member_from = INT64_MIN;
		t->m[j].member_until = INT64_MAX;
		t->m[j].last_shift_end = INT64_MIN;
	}
	for (size_t i = 0; i < ns; i++) {
		t->slot[i].start = T0 + (int64_t)i * WEEK;
		t->slot[i].end = T0 + (int64_t)(i + 1) * WEEK;
		t->slot[i].weight = 1000;
	}
	team_relink(t);
}

/* Two members, both on leave in week 3: week 3 fails, naming both. */
static void
test_infeasible_leave(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 2, 6);
	snprintf(t.handle[0], sizeof t.handle[0], "alice");
	snprintf(t.handle[1], sizeof t.handle[1], "bob");
	for (size_t j = 0; j < 2; j++) {
		t.leave[j][0] = (struct gen_interval){ T0 + 3 * WEEK + DAY, T0 + 3 * WEEK + 3 * DAY };
		t.m[j].n_leave = 1;
	}
	assert_int_equal(run(&t, &r), -1);
	assert_int_equal(r.failed_slot, 3);
	assert_null(r.person);
	assert_string_equal(r.reason, "nobody can take it: alice: on leave; bob: on leave");
}

/* Three members with the gap rule, one on leave and one a non-manager in
 * the escalation tier: the reasons say so, and the gap one says before. */
static void
test_infeasible_reasons(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 3, 4);
	t.p.escalation = true;
	t.m[0].is_manager = true;
	t.m[1].is_manager = true;
	t.leave[1][0] = (struct gen_interval){ T0, T0 + 2 * WEEK };
	t.m[1].n_leave = 1;
	/* m1 is on leave in weeks 0-1 and m2 joins in week 2: week 0 can only
	 * go to m0, and then week 1 to nobody. */
	t.m[2].is_manager = true;
	t.m[2].member_from = T0 + 2 * WEEK;
	assert_int_equal(run(&t, &r), -1);
	assert_int_equal(r.failed_slot, 1);
	assert_string_equal(r.reason, "nobody can take it: m0: had a shift less than 1 shift(s) "
	    "before; m1: on leave; m2: not a member of the term then");
}

/* Holiday weeks go to different people: load breaks ties in shift count. */
static void
test_holiday_spread(void **state)
{
	struct team t;
	struct gen_result r;
	int holidays[4] = { 0 };

	(void)state;
	team_plain(&t, 4, 8);
	t.slot[0].weight = t.slot[4].weight = t.slot[5].weight = 1400;
	assert_int_equal(run(&t, &r), 0);
	for (size_t i = 0; i < t.ns; i++) {
		if (t.slot[i].weight > 1000)
			holidays[r.person[i] - 1]++;
	}
	for (size_t j = 0; j < 4; j++)
		assert_true(holidays[j] <= 1);
	gen_result_free(&r);
}

/* Carry-over: with three members and four weeks, the one who carried the
 * least load from the last term takes the extra week. */
static void
test_carry_over(void **state)
{
	struct team t;
	struct gen_result r;
	int n[3] = { 0 };

	(void)state;
	team_plain(&t, 3, 4);
	t.m[0].carry_load = 500;
	t.m[1].carry_load = 0;
	t.m[2].carry_load = 300;
	assert_int_equal(run(&t, &r), 0);
	for (size_t i = 0; i < t.ns; i++)
		n[r.person[i] - 1]++;
	assert_int_equal(n[1], 2);
	assert_int_equal(r.person[0], 2);
	assert_int_equal(r.person[1], 3);
	assert_int_equal(r.person[2], 1);
	assert_int_equal(r.person[3], 2);
	gen_result_free(&r);
}

/* Index of the first slot person_id holds in r, or -1. */
static long
first_shift(const struct team *t, const struct gen_result *r, int64_t person_id)
{
	for (size_t i = 0; i < t->ns; i++) {
		if (r->person[i] == person_id)
			return (long)i;
	}
	return -1;
}

/* A heavy last shift buys a week of extra rest when others can cover. */
static void
test_recovery(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 3, 6);
	t.m[0].last_shift_end = T0;
	t.m[1].carry_load = t.m[2].carry_load = 500;
	assert_int_equal(run(&t, &r), 0);
	assert_int_equal(first_shift(&t, &r, 1), 1);
	gen_result_free(&r);

	t.m[0].last_shift_heavy = true;
	assert_int_equal(run(&t, &r), 0);
	assert_int_equal(first_shift(&t, &r, 1), 2);
	assert_valid(&t, r.person);
	gen_result_free(&r);
}

/* Recovery is soft: when nobody else can take the week, the tired person
 * takes it rather than the term failing. */
static void
test_recovery_soft(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 2, 4);
	t.p.recovery_shifts = 2;
	t.m[0].last_shift_end = T0;
	t.m[0].last_shift_heavy = true;
	t.leave[1][0] = (struct gen_interval){ T0 + WEEK, T0 + 2 * WEEK };
	t.m[1].n_leave = 1;
	assert_int_equal(run(&t, &r), 0);
	assert_int_equal(r.person[0], 2);
	assert_int_equal(r.person[1], 1);
	gen_result_free(&r);
}

/* Greedy gives week 1 to m1 (less carry than m2), leaving week 2, which
 * only m1 can take, to nobody: the search undoes week 1. */
static void
test_backtracking(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 3, 4);
	t.m[1].carry_load = 100;
	t.m[2].carry_load = 200;
	t.leave[0][0] = (struct gen_interval){ T0 + 2 * WEEK, T0 + 3 * WEEK };
	t.m[0].n_leave = 1;
	t.leave[2][0] = (struct gen_interval){ T0 + 2 * WEEK, T0 + 3 * WEEK };
	t.m[2].n_leave = 1;
	assert_int_equal(run(&t, &r), 0);
	assert_int_equal(r.person[0], 1);
	assert_int_equal(r.person[1], 3);
	assert_int_equal(r.person[2], 2);
	assert_valid(&t, r.person);
	gen_result_free(&r);

	/* Four choices are enough for a greedy pass but not for the detour:
	 * then the failure is the greedy pass's dead end, week 2. */
	t.p.max_nodes = 4;
	assert_int_equal(run(&t, &r), -1);
	assert_int_equal(r.failed_slot, 2);
	assert_string_equal(r.reason, "nobody can take it: m0: on leave; "
	    "m1: had a shift less than 1 shift(s) before; m2: on leave");
}

/* A week of 167 hours still leaves one shift off between two shifts. */
static void
test_dst_week_gap(void **state)
{
	struct gen_params p = { .min_gap_shifts = 1, .shift_seconds = WEEK };
	struct gen_member m = { .person_id = 1, .handle = "a",
	    .member_from = INT64_MIN, .member_until = INT64_MAX,
	    .last_shift_end = INT64_MIN };
	struct gen_interval own = { T0, T0 + WEEK };
	int64_t s = T0 + WEEK + WEEK - 3600;
	char why[128];

	(void)state;
	assert_int_equal(gen_check_member(&p, &m, s, s + WEEK, &own, 1, true,
	    why, sizeof why), GEN_OK);
	assert_string_equal(why, "");
	assert_int_equal(gen_check_member(&p, &m, T0 + WEEK, T0 + 2 * WEEK, &own, 1,
	    true, why, sizeof why), GEN_GAP_BEFORE);
	assert_string_equal(why, "had a shift less than 1 shift(s) before");
	assert_int_equal(gen_check_member(&p, &m, T0 - WEEK, T0, &own, 1, true,
	    why, sizeof why), GEN_GAP_AFTER);
	assert_string_equal(why, "has a shift less than 1 shift(s) after");
	assert_int_equal(gen_check_member(&p, &m, T0 - WEEK, T0, &own, 1, false,
	    NULL, 0), GEN_OK);
}

/* Each fixed rule gives its own code and words. */
static void
test_check_reasons(void **state)
{
	struct gen_params p = { .escalation = true, .min_gap_shifts = 1, .shift_seconds = WEEK };
	struct gen_interval lv = { T0 + DAY, T0 + 2 * DAY }, busy = { T0 + 8 * DAY, T0 + 9 * DAY };
	struct gen_member m = { .person_id = 1, .handle = "a", .is_manager = true,
	    .leave = &lv, .n_leave = 1, .busy = &busy, .n_busy = 1,
	    .member_from = T0, .member_until = T0 + 10 * WEEK,
	    .last_shift_end = INT64_MIN };
	char why[128];

	(void)state;
	assert_int_equal(gen_check_fixed_rules(&p, &m, T0 - WEEK, T0, why, sizeof why),
	    GEN_NOT_MEMBER);
	assert_string_equal(why, "not a member of the term then");
	assert_int_equal(gen_check_fixed_rules(&p, &m, T0, T0 + WEEK, why, sizeof why),
	    GEN_ON_LEAVE);
	assert_string_equal(why, "on leave");
	assert_int_equal(gen_check_fixed_rules(&p, &m, T0 + WEEK, T0 + 2 * WEEK, why,
	    sizeof why), GEN_BUSY);
	assert_string_equal(why, "on call in the other tier at the same time");
	assert_int_equal(gen_check_fixed_rules(&p, &m, T0 + 2 * WEEK, T0 + 3 * WEEK, why,
	    sizeof why), GEN_OK);
	m.is_manager = false;
	assert_int_equal(gen_check_fixed_rules(&p, &m, T0 + 2 * WEEK, T0 + 3 * WEEK, why,
	    sizeof why), GEN_NOT_MANAGER);
	assert_string_equal(why, "not a manager (escalation tier is managers only)");
}

/* A fixed slot that breaks a rule is kept and does not fail the term; its
 * neighbours still respect the gap around it. */
static void
test_fixed_kept(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 3, 6);
	t.leave[0][0] = (struct gen_interval){ T0 + 2 * WEEK, T0 + 3 * WEEK };
	t.m[0].n_leave = 1;
	t.slot[2].fixed_person = 1;		/* m0, on leave: an override */
	t.slot[4].fixed_person = 99;		/* somebody outside the term */
	assert_int_equal(run(&t, &r), 0);
	assert_int_equal(r.person[2], 1);
	assert_int_equal(r.person[4], 99);
	assert_true(r.person[1] != 1 && r.person[3] != 1);
	assert_int_equal(r.n_changed, 6);
	gen_result_free(&r);
}

/* Members serve only inside their membership window. */
static void
test_membership(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 3, 8);
	t.m[2].member_from = T0 + 4 * WEEK;
	assert_int_equal(run(&t, &r), 0);
	assert_valid(&t, r.person);
	for (size_t i = 0; i < 4; i++)
		assert_true(r.person[i] != 3);
	gen_result_free(&r);
}

/* Slots out of order are refused with a reason, not scheduled. */
static void
test_bad_slots(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 3, 3);
	t.slot[2].start = t.slot[1].start;
	assert_int_equal(run(&t, &r), -1);
	assert_int_equal(r.failed_slot, -1);
	assert_string_equal(r.reason, "slot 2 starts before slot 1 ends");
}

/* The tie-break hash is FNV-1a over handle, NUL, term. */
static void
test_tie_hash(void **state)
{
	(void)state;
	/* FNV-1a of the single byte 0. */
	assert_true(gen_tie_hash("", "") == 0xaf63bd4c8601b7dfULL);
	assert_true(gen_tie_hash(NULL, NULL) == gen_tie_hash("", ""));
	assert_true(gen_tie_hash("ab", "c") != gen_tie_hash("a", "bc"));
}

/* Re-generation after a member leaves the term half way: their later
 * shifts move, the earlier ones stay. */
static void
test_regen_member_leaves(void **state)
{
	struct team t;
	struct gen_result a, b;

	(void)state;
	team_plain(&t, 4, 12);
	assert_int_equal(run(&t, &a), 0);
	for (size_t i = 0; i < t.ns; i++)
		t.slot[i].current_person = a.person[i];
	t.m[3].member_until = T0 + 6 * WEEK;
	assert_int_equal(run(&t, &b), 0);
	assert_valid(&t, b.person);
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(b.person[i], a.person[i]);
	for (size_t i = 6; i < t.ns; i++)
		assert_true(b.person[i] != 4);
	gen_result_free(&a);
	gen_result_free(&b);
}

/* With equal counts and loads, the one longest off call goes first; never
 * on call counts as longest. */
static void
test_longest_since_last(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 3, 3);
	t.m[0].last_shift_end = T0 - 2 * WEEK;
	t.m[1].last_shift_end = T0 - 3 * WEEK;
	assert_int_equal(run(&t, &r), 0);
	assert_int_equal(r.person[0], 3);
	assert_int_equal(r.person[1], 2);
	assert_int_equal(r.person[2], 1);
	gen_result_free(&r);
}

/* Sets the current assignment of t's slots from ids (member numbers from 1). */
static void
set_current(struct team *t, const int64_t *ids)
{
	for (size_t i = 0; i < t->ns; i++)
		t->slot[i].current_person = ids[i];
}

/* Leave over a shift that nobody can take as things stand: the search frees
 * the neighbouring shifts, keeps each one's person where it can, and
 * changes two shifts, not three. */
static void
test_regen_widening(void **state)
{
	const int64_t before[6] = { 1, 2, 3, 1, 2, 3 };
	const int64_t after[6] = { 1, 2, 1, 3, 2, 3 };
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 3, 6);
	t.m[1].carry_load = 500;
	set_current(&t, before);
	t.leave[2][0] = (struct gen_interval){ T0 + 2 * WEEK, T0 + 2 * WEEK + DAY };
	t.m[2].n_leave = 1;
	assert_int_equal(run(&t, &r), 0);
	assert_memory_equal(r.person, after, sizeof after);
	assert_int_equal(r.n_changed, 2);
	gen_result_free(&r);
}

/* Leave over D's last shift: A fills it and has three shifts to D's one,
 * so one of A's shifts moves to D. */
static void
test_regen_repair(void **state)
{
	const int64_t before[8] = { 1, 2, 3, 4, 1, 2, 3, 4 };
	const int64_t after[8] = { 4, 2, 3, 4, 1, 2, 3, 1 };
	struct team t;
	struct gen_result r;

	(void)state;
	team_plain(&t, 4, 8);
	set_current(&t, before);
	t.leave[3][0] = (struct gen_interval){ T0 + 7 * WEEK, T0 + 8 * WEEK };
	t.m[3].n_leave = 1;
	assert_int_equal(run(&t, &r), 0);
	assert_memory_equal(r.person, after, sizeof after);
	assert_int_equal(r.n_changed, 2);
	gen_result_free(&r);
}

/* Three members, whole weeks: slot i of N starts at T0 + i weeks. */
static void
plain_team(struct team *t, size_t ns)
{
	memset(t, 0, sizeof *t);
	t->p.min_gap_shifts = 1;
	t->p.shift_seconds = WEEK;
	t->p.term_name = "t";
	t->nm = 3;
	for (size_t j = 0; j < t->nm; j++) {
		snprintf(t->handle[j], sizeof t->handle[j], "%c", (int)('a' + j));
		t->m[j].person_id = (int64_t)j + 1;
		t->m[j].member_from = INT64_MIN;
		t->m[j].member_until = INT64_MAX;
		t->m[j].last_shift_end = INT64_MIN;
	}
	t->ns = ns;
	for (size_t i = 0; i < ns; i++) {
		t->slot[i].start = T0 + (int64_t)i * WEEK;
		t->slot[i].end = t->slot[i].start + WEEK;
		t->slot[i].weight = 1000;
	}
	team_relink(t);
}

/* Why a slot left its current person: the hard rule that stops them, or
 * none (balance); someone not among the members is not a member. */
static void
test_moved_why(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	plain_team(&t, 6);
	for (size_t i = 0; i < 6; i++)
		t.slot[i].current_person = (int64_t)(i % 3) + 1;
	t.leave[0][0] = (struct gen_interval){ T0 + 3 * WEEK + DAY, T0 + 3 * WEEK + 2 * DAY };
	t.m[0].n_leave = 1;
	assert_int_equal(gen_run(&t.p, t.m, t.nm, t.slot, t.ns, &r), 0);
	assert_int_not_equal(r.person[3], 1);
	assert_int_equal(gen_moved_why(&t.p, t.m, t.nm, t.slot, t.ns, r.person, 3), GEN_ON_LEAVE);
	/* Slot 0 kept by a: nothing stops a there. */
	assert_int_equal(gen_moved_why(&t.p, t.m, t.nm, t.slot, t.ns, r.person, 0), GEN_OK);
	t.slot[1].current_person = 99;
	assert_int_equal(gen_moved_why(&t.p, t.m, t.nm, t.slot, t.ns, r.person, 1),
	    GEN_NOT_MEMBER);
	gen_result_free(&r);
}

/* A part of a week counts as its share of a shift: a, who held three
 * quarters of a week in three parts, has held less than b, who held a
 * whole week, and takes the next one (by rows, a would have held 3). */
static void
test_share_counts(void **state)
{
	struct team t;
	struct gen_result r;

	(void)state;
	plain_team(&t, 5);
	t.nm = 2;                       /* no minimum gap */
	for (size_t i = 0; i < 3; i++) {
		t.slot[i].start = T0 + (int64_t)i * WEEK / 4;
		t.slot[i].end = t.slot[i].start + WEEK / 4;
		t.slot[i].weight = 250;
		t.slot[i].share = GEN_WHOLE_SHIFT / 4;
		t.slot[i].fixed_person = 1;
	}
	t.slot[3].fixed_person = 2;
	assert_int_equal(gen_run(&t.p, t.m, t.nm, t.slot, t.ns, &r), 0);
	assert_int_equal(r.person[4], 1);
	gen_result_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_fresh),
		cmocka_unit_test(test_random_regen_unchanged),
		cmocka_unit_test(test_random_regen_leave),
		cmocka_unit_test(test_infeasible_leave),
		cmocka_unit_test(test_infeasible_reasons),
		cmocka_unit_test(test_holiday_spread),
		cmocka_unit_test(test_carry_over),
		cmocka_unit_test(test_recovery),
		cmocka_unit_test(test_recovery_soft),
		cmocka_unit_test(test_backtracking),
		cmocka_unit_test(test_dst_week_gap),
		cmocka_unit_test(test_check_reasons),
		cmocka_unit_test(test_fixed_kept),
		cmocka_unit_test(test_membership),
		cmocka_unit_test(test_bad_slots),
		cmocka_unit_test(test_tie_hash),
		cmocka_unit_test(test_regen_member_leaves),
		cmocka_unit_test(test_longest_since_last),
		cmocka_unit_test(test_regen_widening),
		cmocka_unit_test(test_regen_repair),
		cmocka_unit_test(test_moved_why),
		cmocka_unit_test(test_share_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
