/* cli/shift-check.c: the hard rules for one person taking one shift,
 * on a database built through the store API. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "service/shift-check.h"
#include "common/tz.h"
#include "scheduler/constraints.h"
#include "tests/unit/store-fixture.h"

#define W (7 * 86400LL)
#define T0 1799056800LL			/* Mon 2027-01-04 10:00 UTC */

struct check {
	struct fixture base;            /* first: the store fixture's teardown frees it */
	char conf[FIXTURE_PATH_MAX], conf_nogap[FIXTURE_PATH_MAX];
	struct config *cfg, *cfg_nogap;
	struct person ana, bo, cy, max;
	struct term term;
	int64_t shift[6];		/* primary weeks 0-5 */
	int64_t esc_shift;		/* max in the escalation tier, week 0 */
};

static struct person
person(const char *handle, bool manager)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420, .is_manager = manager };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "Name of %s", handle);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "Europe/Dublin");
	return p;
}

static int64_t
add_shift(struct store *db, const struct rotation *r, const struct term *t, int slot,
	  int64_t person_id)
{
	struct shift sh = { .rotation_id = r->id, .term_id = t->id, .slot = slot,
			    .person_id = person_id, .start = t->start + slot * W,
			    .end = t->start + (slot + 1) * W };

	snprintf(sh.rotation, sizeof sh.rotation, "%s", r->name);
	snprintf(sh.term, sizeof sh.term, "%s", t->name);
	assert_int_equal(store_shift_insert(db, &sh, 0), 0);
	return sh.id;
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* ana, bo, cy volunteer in primary (6 weeks: ana, bo, cy, ana, bo, cy);
 * max, a manager, is in the escalation tier in week 0 and also a member
 * of the primary term. */
static int
check_setup(void **state)
{
	struct check *f;
	struct rotation prim = { .tier = TIER_PRIMARY, .handoff_dow = 1,
				 .handoff_minute = 600, .shift_days = 7 };
	struct rotation esc = prim;
	struct term et = { .weeks = 6 };
	struct person *people[4];

	if (fixture_setup(state, sizeof *f, true) != 0)
		return -1;
	f = *state;
	people[0] = &f->ana;
	people[1] = &f->bo;
	people[2] = &f->cy;
	people[3] = &f->max;
	fixture_file(&f->base, "rota.conf", f->conf, sizeof f->conf);
	fixture_file(&f->base, "nogap.conf", f->conf_nogap, sizeof f->conf_nogap);
	write_file(f->conf, "[schedule]\nmin_gap_shifts = 1\n");
	write_file(f->conf_nogap, "[rotation \"primary\"]\nmin_gap_shifts = 0\n");
	if (config_load(f->conf, &f->cfg) != 0 || config_load(f->conf_nogap, &f->cfg_nogap) != 0)
		return -1;
	f->ana = person("ana", false);
	f->bo = person("bo", false);
	f->cy = person("cy", false);
	f->max = person("max", true);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(store_person_add(f->base.db, people[i], 0), 0);
	snprintf(prim.name, sizeof prim.name, "primary");
	snprintf(prim.tz, sizeof prim.tz, "Europe/Dublin");
	esc = prim;
	esc.tier = TIER_ESCALATION;
	snprintf(esc.name, sizeof esc.name, "managers");
	assert_int_equal(store_rotation_add(f->base.db, &prim, 0), 0);
	assert_int_equal(store_rotation_add(f->base.db, &esc, 0), 0);
	f->term = (struct term){ .rotation_id = prim.id, .start = T0, .end = T0 + 6 * W, .weeks = 6 };
	snprintf(f->term.name, sizeof f->term.name, "2027-H1");
	assert_int_equal(store_term_add(f->base.db, &f->term, 0), 0);
	et = f->term;
	et.rotation_id = esc.id;
	snprintf(et.name, sizeof et.name, "managers-2027-H1");
	assert_int_equal(store_term_add(f->base.db, &et, 0), 0);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(store_member_join(f->base.db, f->term.id, people[i]->id, 0), 0);
	assert_int_equal(store_member_join(f->base.db, et.id, f->max.id, 0), 0);
	for (int w = 0; w < 6; w++)
		f->shift[w] = add_shift(f->base.db, &prim, &f->term, w, people[w % 3]->id);
	f->esc_shift = add_shift(f->base.db, &esc, &et, 0, f->max.id);
	return 0;
}

static int
check_teardown(void **state)
{
	struct check *f = *state;

	config_free(f->cfg);
	config_free(f->cfg_nogap);
	tz_cleanup();
	return teardown(state);
}

static struct shift
get_shift(struct check *f, int64_t id)
{
	struct shift sh;

	assert_int_equal(store_shift_get(f->base.db, id, &sh), 0);
	return sh;
}

/* cy may take week 0 (ana's): her own shifts are weeks 2 and 5, and week
 * 2 leaves one week off after it. */
static void
test_free_member_may_take(void **state)
{
	struct check *f = *state;
	struct shift w0 = get_shift(f, f->shift[0]);
	struct shift_verdict v;

	assert_int_equal(shift_check(f->base.db, f->cfg, &w0, &f->cy, &v), 0);
	assert_int_equal(v.code, GEN_OK);
	assert_string_equal(v.why, "");
	assert_false(v.elsewhere);
	/* Week 2 starts one week after week 0 ends. */
	assert_int_equal(v.nearest, W);
	assert_int_equal(v.nearest_shift_id, f->shift[2]);
}

static void
test_minimum_gap(void **state)
{
	struct check *f = *state;
	struct shift w0 = get_shift(f, f->shift[0]);
	struct shift_verdict v;
	char want[256];

	/* bo holds week 1, right after week 0. */
	assert_int_equal(shift_check(f->base.db, f->cfg, &w0, &f->bo, &v), 0);
	assert_int_equal(v.code, GEN_GAP_AFTER);
	snprintf(want, sizeof want, "breaks the minimum gap of 1 shift(s) off: already on "
		 "call from Mon 2027-01-11 10:00 Europe/Dublin (shift %lld)",
		 (long long)f->shift[1]);
	assert_string_equal(v.why, want);
	assert_int_equal(v.nearest, 0);

	/* ana taking week 4 (bo's): her week 3 ends as it starts. */
	{
		struct shift w4 = get_shift(f, f->shift[4]);

		assert_int_equal(shift_check(f->base.db, f->cfg, &w4, &f->ana, &v), 0);
		assert_int_equal(v.code, GEN_GAP_BEFORE);
	}
	/* With min_gap_shifts = 0 for the rotation, bo may. */
	assert_int_equal(shift_check(f->base.db, f->cfg_nogap, &w0, &f->bo, &v), 0);
	assert_int_equal(v.code, GEN_OK);
}

static void
test_leave(void **state)
{
	struct check *f = *state;
	struct shift w0 = get_shift(f, f->shift[0]);
	struct leave l = { .person_id = f->cy.id, .start = T0 + 86400 - 36000,
			   .end = T0 + 3 * 86400 - 36000 };
	struct shift_verdict v;
	char want[256];

	assert_int_equal(store_leave_add(f->base.db, &l, 0), 0);
	assert_int_equal(shift_check(f->base.db, f->cfg, &w0, &f->cy, &v), 0);
	assert_int_equal(v.code, GEN_ON_LEAVE);
	snprintf(want, sizeof want, "on leave from Tue 2027-01-05 to Wed 2027-01-06 "
		 "Europe/Dublin (leave %lld)", (long long)l.id);
	assert_string_equal(v.why, want);

	/* Leave that ends as the shift starts is no obstacle. */
	{
		struct shift w4 = get_shift(f, f->shift[4]);
		struct leave before = { .person_id = f->cy.id, .start = T0, .end = w4.start };

		assert_int_equal(store_leave_add(f->base.db, &before, 0), 0);
		assert_int_equal(shift_check(f->base.db, f->cfg_nogap, &w4, &f->cy, &v), 0);
		assert_int_equal(v.code, GEN_OK);
	}
}

static void
test_not_a_member(void **state)
{
	struct check *f = *state;
	struct shift w0 = get_shift(f, f->shift[0]);
	struct person zed = person("zed", false);
	struct shift_verdict v;

	assert_int_equal(store_person_add(f->base.db, &zed, 0), 0);
	assert_int_equal(shift_check(f->base.db, f->cfg, &w0, &zed, &v), 0);
	assert_int_equal(v.code, GEN_NOT_MEMBER);
	assert_string_equal(v.why, "not a member of term 2027-H1 at that time");

	/* Leaving the term before the shift starts also ends the right to it. */
	assert_int_equal(store_member_leave(f->base.db, f->term.id, f->cy.id, T0), 0);
	assert_int_equal(shift_check(f->base.db, f->cfg, &w0, &f->cy, &v), 0);
	assert_int_equal(v.code, GEN_NOT_MEMBER);
}

static void
test_other_tier_and_managers_only(void **state)
{
	struct check *f = *state;
	struct shift w0 = get_shift(f, f->shift[0]);
	struct shift esc = get_shift(f, f->esc_shift);
	struct shift_verdict v;
	char want[256];

	/* max is on call in the escalation tier in week 0. */
	assert_int_equal(shift_check(f->base.db, f->cfg, &w0, &f->max, &v), 0);
	assert_int_equal(v.code, GEN_BUSY);
	snprintf(want, sizeof want, "on call in the escalation tier at the same time "
		 "(shift %lld, rotation managers)", (long long)f->esc_shift);
	assert_string_equal(v.why, want);

	/* ana, a member of the managers' term but not a manager. */
	assert_int_equal(store_member_join(f->base.db, esc.term_id, f->ana.id, 0), 0);
	assert_int_equal(shift_check(f->base.db, f->cfg, &esc, &f->ana, &v), 0);
	assert_int_equal(v.code, GEN_NOT_MANAGER);
	assert_string_equal(v.why, "not a manager (rotation managers is in the escalation "
			    "tier, managers only)");
}

/* The minimum gap applies only with 3 or more members able to serve. */
static void
test_gap_needs_three_members(void **state)
{
	struct check *f = *state;
	struct shift w0 = get_shift(f, f->shift[0]);
	struct shift_verdict v;

	assert_int_equal(store_member_leave(f->base.db, f->term.id, f->max.id, T0 - 1), 0);
	assert_int_equal(shift_check(f->base.db, f->cfg, &w0, &f->bo, &v), 0);
	assert_int_equal(v.code, GEN_GAP_AFTER);
	assert_int_equal(store_member_leave(f->base.db, f->term.id, f->cy.id, T0 - 1), 0);
	assert_int_equal(shift_check(f->base.db, f->cfg, &w0, &f->bo, &v), 0);
	assert_int_equal(v.code, GEN_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_free_member_may_take, check_setup, check_teardown),
		cmocka_unit_test_setup_teardown(test_minimum_gap, check_setup, check_teardown),
		cmocka_unit_test_setup_teardown(test_leave, check_setup, check_teardown),
		cmocka_unit_test_setup_teardown(test_not_a_member, check_setup, check_teardown),
		cmocka_unit_test_setup_teardown(test_other_tier_and_managers_only, check_setup, check_teardown),
		cmocka_unit_test_setup_teardown(test_gap_needs_three_members, check_setup, check_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
