/* The service layer's unit-test team: see service-fixture.h. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/err.h"
#include "tests/unit/service-fixture.h"

/* The messages of the operation under test. */
char last_error[4096], last_warning[4096];

static void
keep(enum rota_msg_kind kind, const char *text, void *arg)
{
	(void)arg;
	snprintf(kind == ROTA_MSG_ERROR ? last_error : last_warning, sizeof last_error,
		 "%s", text);
}

struct person
fixture_person(struct store *db, const char *handle, const char *tz, bool manager)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420, .is_manager = manager };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "Name of %s", handle);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "%s", tz);
	assert_int_equal(store_person_add(db, &p, 0), 0);
	return p;
}

void
fixture_act(struct actor *a, const struct person *p)
{
	memset(a, 0, sizeof *a);
	snprintf(a->login, sizeof a->login, "%s", p->handle);
	snprintf(a->label, sizeof a->label, "%s", p->handle);
	a->known = true;
	a->person = *p;
	a->privileged = p->is_manager;
	last_error[0] = last_warning[0] = '\0';
}

void
act_as(struct team *t, const struct person *p)
{
	fixture_act(&t->actor, p);
}

void
fixture_keep_messages(void)
{
	rota_set_sink(keep, NULL);
}

int
team_setup(void **state)
{
	struct team *t;
	const struct person *order[3], *members[5];

	if (fixture_setup(state, sizeof *t, true) != 0)
		return -1;
	t = *state;
	t->ana = fixture_person(t->base.db, "ana", "Europe/Dublin", false);
	t->bo = fixture_person(t->base.db, "bo", "Europe/Dublin", false);
	t->cy = fixture_person(t->base.db, "cy", "Europe/Dublin", false);
	t->dee = fixture_person(t->base.db, "dee", "Europe/Dublin", false);
	t->eve = fixture_person(t->base.db, "eve", "Europe/Dublin", false);
	t->mo = fixture_person(t->base.db, "mo", "Europe/Dublin", true);
	members[0] = &t->ana;
	members[1] = &t->bo;
	members[2] = &t->cy;
	members[3] = &t->dee;
	members[4] = &t->eve;
	t->ops = (struct rotation){ .tier = TIER_PRIMARY, .handoff_dow = 1,
				    .handoff_minute = 600, .shift_days = 7 };
	snprintf(t->ops.name, sizeof t->ops.name, "ops");
	snprintf(t->ops.tz, sizeof t->ops.tz, "Europe/Dublin");
	assert_int_equal(store_rotation_add(t->base.db, &t->ops, 0), 0);
	t->term = (struct term){ .rotation_id = t->ops.id, .start = T0, .end = T0 + 6 * W,
				 .weeks = 6 };
	snprintf(t->term.name, sizeof t->term.name, "h1");
	assert_int_equal(store_term_add(t->base.db, &t->term, 0), 0);
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(store_member_join(t->base.db, t->term.id, members[i]->id, 0), 0);
	assert_int_equal(store_member_leave(t->base.db, t->term.id, t->eve.id, NOW - 1), 0);
	order[0] = &t->ana;
	order[1] = &t->bo;
	order[2] = &t->cy;
	for (int w = 0; w < 6; w++) {
		struct shift sh = { .rotation_id = t->ops.id, .term_id = t->term.id, .slot = w,
				    .person_id = order[w % 3]->id, .start = T0 + w * W,
				    .end = T0 + (w + 1) * W };

		assert_int_equal(store_shift_insert(t->base.db, &sh, 0), 0);
		t->shift[w] = sh.id;
	}
	t->svc = (struct svc){ .db = t->base.db, .cfg = NULL, .now = NOW, .actor = &t->actor };
	fixture_keep_messages();
	return 0;
}

int
team_teardown(void **state)
{
	rota_set_sink(NULL, NULL);
	return teardown(state);
}

size_t
audit_count(struct store *db, const char *action)
{
	struct audit_event *v;
	size_t n, k = 0;

	assert_int_equal(store_audit_list(db, 0, &v, &n), 0);
	for (size_t i = 0; i < n; i++)
		k += strcmp(v[i].action, action) == 0;
	store_audit_free(v, n);
	return k;
}
