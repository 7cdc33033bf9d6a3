/* service/leave.c and service/holiday.c without the command line: who may
 * add, list and remove leave and holidays, the words of each refusal,
 * the audit events, and the one calendar sync of leave and holiday import
 * (new, changed and removed events, nothing doubled, only the rows of
 * that source touched, the shifts the new leave overlaps and why each is
 * kept), on a store built through its API, messages kept by a sink. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "service/holiday.h"
#include "service/leave.h"
#include "tests/unit/service-fixture.h"

#define DAY 86400LL
#define START 1798761600LL              /* Fri 2027-01-01 00:00 UTC: the tests' now */

/* ana (Dublin) and bo (Los Angeles) volunteer, mo is a manager; office
 * dub; rotation ops with a term t1 holding two shifts of ana: one inside
 * the freeze horizon, one beyond it. */
struct leave_team {
	struct fixture base;            /* first: the store fixture's teardown frees it */
	struct person ana, bo, mo;
	struct office dub;
	int64_t frozen_shift, movable_shift;
	struct actor actor;
	struct svc svc;
	char ics[160];                  /* a calendar file in the fixture's folder */
};

static void
act(struct leave_team *t, const struct person *p)
{
	fixture_act(&t->actor, p);
}

static int64_t
add_shift(struct leave_team *t, const struct rotation *rot, const struct term *term, int slot,
	  int64_t start)
{
	struct shift sh = { .rotation_id = rot->id, .term_id = term->id, .slot = slot,
			    .person_id = t->ana.id, .start = start, .end = start + 7 * DAY };

	assert_int_equal(store_shift_insert(t->base.db, &sh, 0), 0);
	return sh.id;
}

static int
leave_setup(void **state)
{
	struct leave_team *t;
	struct rotation ops = { .tier = TIER_PRIMARY, .handoff_dow = 1,
				.handoff_minute = 600, .shift_days = 7 };
	struct term term = { .start = START - 4 * DAY + 36000, .weeks = 12 };

	if (fixture_setup(state, sizeof *t, true) != 0)
		return -1;
	t = *state;
	t->ana = fixture_person(t->base.db, "ana", "Europe/Dublin", false);
	t->bo = fixture_person(t->base.db, "bo", "America/Los_Angeles", false);
	t->mo = fixture_person(t->base.db, "mo", "Europe/Dublin", true);
	snprintf(t->dub.name, sizeof t->dub.name, "dub");
	snprintf(t->dub.tz, sizeof t->dub.tz, "Europe/Dublin");
	assert_int_equal(store_office_add(t->base.db, &t->dub, 0), 0);
	snprintf(ops.name, sizeof ops.name, "ops");
	snprintf(ops.tz, sizeof ops.tz, "Europe/Dublin");
	assert_int_equal(store_rotation_add(t->base.db, &ops, 0), 0);
	term.rotation_id = ops.id;
	term.end = term.start + 12 * 7 * DAY;
	snprintf(term.name, sizeof term.name, "t1");
	assert_int_equal(store_term_add(t->base.db, &term, 0), 0);
	assert_int_equal(store_member_join(t->base.db, term.id, t->ana.id, 0), 0);
	/* Mon 2027-01-04 10:00 and Mon 2027-03-01 10:00 (UTC). */
	t->frozen_shift = add_shift(t, &ops, &term, 1, term.start + 7 * DAY);
	t->movable_shift = add_shift(t, &ops, &term, 9, term.start + 9 * 7 * DAY);
	snprintf(t->ics, sizeof t->ics, "%s/ooo.ics", t->base.dir);
	t->svc = (struct svc){ .db = t->base.db, .cfg = NULL, .now = START, .actor = &t->actor };
	fixture_keep_messages();
	return 0;
}

/* An event of a calendar: its DTSTART and DTEND lines (DTEND may be
 * NULL), and more lines (NULL for none). */
struct event {
	const char *uid, *start, *end, *summary, *more;
};

/* Writes a calendar of EVENTS (ending with a NULL uid) to PATH. */
static void
write_ics(const char *path, const struct event *e)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rota tests//EN\r\n", f);
	for (; e->uid != NULL; e++) {
		fprintf(f, "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20261201T000000Z\r\n%s\r\n",
			e->uid, e->start);
		if (e->end != NULL)
			fprintf(f, "%s\r\n", e->end);
		if (e->more != NULL)
			fprintf(f, "%s\r\n", e->more);
		fprintf(f, "SUMMARY:%s\r\nEND:VEVENT\r\n", e->summary);
	}
	fputs("END:VCALENDAR\r\n", f);
	assert_int_equal(fclose(f), 0);
}

/* The leave of P, all of it. */
static size_t
leave_of(struct leave_team *t, const struct person *p, struct leave **v)
{
	size_t n;

	assert_int_equal(store_leave_list(t->base.db, p->id, 0, INT64_MAX, v, &n), 0);
	return n;
}

static void
test_leave_add(void **state)
{
	struct leave_team *t = *state;
	struct leave l, *v;
	struct person p;

	act(t, &t->ana);
	assert_int_equal(leave_add(&t->svc, NULL, "2027-05-01", "2027-05-31", "holiday", &l, &p), 0);
	/* Whole days in ana's zone (IST, UTC+1), both ends included. */
	assert_int_equal(l.start, 1809126000);          /* 2027-04-30T23:00Z */
	assert_int_equal(l.end, 1811804400);            /* 2027-05-31T23:00Z */
	assert_int_equal(l.person_id, t->ana.id);
	assert_string_equal(p.handle, "ana");
	assert_string_equal(l.reason, "holiday");
	assert_int_equal(audit_count(t->base.db, "leave.add"), 1);

	/* A volunteer only for themselves. */
	assert_int_equal(leave_add(&t->svc, "bo", "2027-05-01", "2027-05-01", "", &l, &p),
			 EX_NOPERM);
	assert_string_equal(last_error, "leave add for someone else: managers only (you are ana)");
	/* A manager for anyone, in that person's zone. */
	act(t, &t->mo);
	assert_int_equal(leave_add(&t->svc, "bo", "2027-05-01", "2027-05-01", "", &l, &p), 0);
	assert_int_equal(l.start, 1809154800);          /* 2027-05-01T07:00Z */
	assert_int_equal(l.end, 1809241200);
	assert_string_equal(p.tz, "America/Los_Angeles");
	assert_int_equal(audit_count(t->base.db, "leave.add"), 2);

	/* Refusals change nothing. */
	assert_int_equal(leave_add(&t->svc, "ana", "2027-05-31", "2027-06-02", "", &l, &p),
			 EX_DATAERR);
	assert_non_null(strstr(last_error, "this leave overlaps leave 1 of ana (from Sat "
			       "2027-05-01 to Mon 2027-05-31, holiday); remove that first"));
	assert_int_equal(leave_add(&t->svc, "ana", "2027-05-31", "2027-05-01", "", &l, &p),
			 EX_USAGE);
	assert_string_equal(last_error, "TO (2027-05-01) is before FROM (2027-05-31)");
	assert_int_equal(leave_add(&t->svc, "ana", "2027-05-01T10:00:00Z",
				   "2027-05-01T10:00:00Z", "", &l, &p), EX_USAGE);
	assert_non_null(strstr(last_error, "is empty"));
	assert_int_equal(leave_add(&t->svc, "zed", "soon", "2027-05-01", "", &l, &p), EX_USAGE);
	assert_non_null(strstr(last_error, "FROM: bad date 'soon'"));
	assert_int_equal(leave_add(&t->svc, "zed", "2027-05-01", "2027-05-02", "", &l, &p),
			 EX_DATAERR);
	assert_string_equal(last_error, "unknown person 'zed' (see rota person list)");
	assert_int_equal(leave_of(t, &t->ana, &v), 1);
	free(v);
	assert_int_equal(audit_count(t->base.db, "leave.add"), 2);
}

static void
test_leave_list_remove(void **state)
{
	struct leave_team *t = *state;
	struct leave_item *v;
	struct leave l;
	struct person p;
	size_t n;

	act(t, &t->mo);
	assert_int_equal(leave_add(&t->svc, "ana", "2027-05-01", "2027-05-31", "", &l, &p), 0);
	assert_int_equal(leave_add(&t->svc, "bo", "2027-05-01", "2027-05-01", "", &l, &p), 0);

	/* A manager sees everyone's, each with their own zone. */
	assert_int_equal(leave_list(&t->svc, NULL, NULL, NULL, &p, &v, &n), 0);
	assert_int_equal(p.id, 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].leave.handle, "ana");
	assert_string_equal(v[0].tz, "Europe/Dublin");
	assert_string_equal(v[1].tz, "America/Los_Angeles");
	free(v);
	/* A volunteer their own, and nobody else's. */
	act(t, &t->bo);
	assert_int_equal(leave_list(&t->svc, NULL, NULL, NULL, &p, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].leave.handle, "bo");
	free(v);
	assert_int_equal(leave_list(&t->svc, "ana", NULL, NULL, &p, &v, &n), EX_NOPERM);
	assert_string_equal(last_error, "leave list for someone else: managers only (you are bo)");
	assert_null(v);
	/* --from and --to are read in the person's zone. */
	assert_int_equal(leave_list(&t->svc, NULL, "2027-05-02", NULL, &p, &v, &n), 0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(leave_list(&t->svc, NULL, NULL, "2026-01-01", &p, &v, &n), EX_USAGE);
	assert_string_equal(last_error, "--to 2026-01-01 is in the past: give --from too");
	assert_int_equal(leave_list(&t->svc, NULL, "2027-05-02", "2027-05-01", &p, &v, &n),
			 EX_USAGE);
	assert_string_equal(last_error, "--to 2027-05-01 is before --from 2027-05-02");

	/* Removed by its owner or a manager only. */
	assert_int_equal(leave_remove(&t->svc, 1, &l, &p), EX_NOPERM);
	assert_string_equal(last_error, "leave remove: leave 1 is ana's: only they or a manager "
			    "may remove it (you are bo)");
	act(t, &t->ana);
	assert_int_equal(leave_remove(&t->svc, 1, &l, &p), 0);
	assert_string_equal(l.handle, "ana");
	assert_string_equal(p.tz, "Europe/Dublin");
	assert_int_equal(audit_count(t->base.db, "leave.remove"), 1);
	assert_int_equal(leave_remove(&t->svc, 1, &l, &p), EX_DATAERR);
	assert_string_equal(last_error, "no leave 1 (see rota leave list)");
	act(t, &t->mo);
	assert_int_equal(leave_remove(&t->svc, 2, &l, &p), 0);
	assert_int_equal(audit_count(t->base.db, "leave.remove"), 2);
}

static const struct event ooo[] = {
	{ "ski@x", "DTSTART;VALUE=DATE:20270302", "DTEND;VALUE=DATE:20270304", "Skiing", NULL },
	{ "dentist@x", "DTSTART;VALUE=DATE:20270105", NULL, "Dentist", NULL },
	{ "conf@x", "DTSTART:20270405T090000Z", "DTEND:20270405T170000Z", "Conference", NULL },
	{ "free@x", "DTSTART;VALUE=DATE:20270501", NULL, "Free", "TRANSP:TRANSPARENT" },
	{ NULL, NULL, NULL, NULL, NULL },
};

static void
assert_counts(const struct import_counts *c, size_t added, size_t updated, size_t removed,
	      size_t unchanged)
{
	assert_int_equal(c->added, added);
	assert_int_equal(c->updated, updated);
	assert_int_equal(c->removed, removed);
	assert_int_equal(c->unchanged, unchanged);
}

static void
test_leave_import(void **state)
{
	struct leave_team *t = *state;
	static const struct event changed[] = {
		{ "dentist@x", "DTSTART;VALUE=DATE:20270105", NULL, "Dentist again", NULL },
		{ "conf@x", "DTSTART:20270405T090000Z", "DTEND:20270405T170000Z", "Conference",
		  NULL },
		{ "new@x", "DTSTART;VALUE=DATE:20270601", NULL, "New", NULL },
		{ NULL, NULL, NULL, NULL, NULL },
	};
	char other[192];
	struct leave_import res;
	struct leave l, *v;
	struct person p;

	act(t, &t->ana);
	assert_int_equal(leave_add(&t->svc, NULL, "2027-07-01", "2027-07-02", "by hand", &l, &p), 0);
	write_ics(t->ics, ooo);
	assert_int_equal(leave_import(&t->svc, t->ics, NULL, &res), 0);
	assert_true(res.sync.synced);
	assert_counts(&res.sync.counts, 3, 0, 0, 0);
	assert_int_equal(res.sync.ics.transparent, 1);
	/* The shifts it overlaps, and plan_kept_why's answer for each. */
	assert_int_equal(res.n_conflicts, 2);
	assert_int_equal(res.conflicts[0].shift.id, t->frozen_shift);
	assert_string_equal(res.conflicts[0].kept, "frozen");
	assert_int_equal(res.conflicts[1].shift.id, t->movable_shift);
	assert_null(res.conflicts[1].kept);
	leave_import_free(&res);
	assert_int_equal(audit_count(t->base.db, "leave.import"), 1);

	/* Again: nothing doubled, nothing audited. */
	assert_int_equal(leave_import(&t->svc, t->ics, NULL, &res), 0);
	assert_counts(&res.sync.counts, 0, 0, 0, 3);
	leave_import_free(&res);
	assert_int_equal(leave_of(t, &t->ana, &v), 4);
	free(v);
	assert_int_equal(audit_count(t->base.db, "leave.import"), 1);

	/* Another calendar with one of the same UIDs is its own source. */
	snprintf(other, sizeof other, "%s/other.ics", t->base.dir);
	write_ics(other, changed + 2);
	assert_int_equal(leave_import(&t->svc, other, NULL, &res), 0);
	assert_counts(&res.sync.counts, 1, 0, 0, 0);
	leave_import_free(&res);

	/* Changed, removed and new events; the other source and the leave
	 * added by hand untouched. */
	write_ics(t->ics, changed);
	assert_int_equal(leave_import(&t->svc, t->ics, NULL, &res), 0);
	assert_counts(&res.sync.counts, 1, 1, 1, 1);
	leave_import_free(&res);
	assert_int_equal(leave_of(t, &t->ana, &v), 5);
	assert_string_equal(v[0].reason, "Dentist again");
	assert_string_equal(v[3].reason, "New");
	assert_string_equal(v[4].reason, "by hand");
	assert_string_equal(v[4].source, "manual");
	free(v);
	assert_int_equal(audit_count(t->base.db, "leave.import"), 3);

	/* Who may: a volunteer only their own; a manager anyone's. */
	assert_int_equal(leave_import(&t->svc, t->ics, "bo", &res), EX_NOPERM);
	assert_false(res.sync.synced);
	leave_import_free(&res);
	assert_string_equal(last_error, "leave import for someone else: managers only (you are ana)");
	act(t, &t->mo);
	assert_int_equal(leave_import(&t->svc, t->ics, "bo", &res), 0);
	assert_counts(&res.sync.counts, 3, 0, 0, 0);
	assert_int_equal(res.n_conflicts, 0);
	leave_import_free(&res);

	/* A missing file changes nothing. */
	assert_int_equal(leave_import(&t->svc, "/nonexistent/x.ics", "bo", &res), EX_NOINPUT);
	leave_import_free(&res);
}

/* The holidays of OFFICE in YEAR as holiday list reads them
 * (holiday_list_query, holiday_list_each), into *V (free it); *O and
 * *FROM_YEAR get the query's office and first year. */
struct holidays_read {
	struct holiday *v;
	size_t n;
};

static int
keep_holiday(void *row, void *arg)
{
	struct holidays_read *k = arg;

	k->v = realloc(k->v, (k->n + 1) * sizeof *k->v);
	assert_non_null(k->v);
	k->v[k->n++] = *(const struct holiday *)row;
	return 0;
}

static size_t
holidays_listed(struct leave_team *t, const char *office, int year, struct office *o,
		int *from_year, struct holiday **v)
{
	struct holiday_query q;
	struct holidays_read k = { NULL, 0 };

	assert_int_equal(holiday_list_query(&t->svc, office, year, &q), 0);
	assert_int_equal(holiday_list_each(&t->svc, &q, keep_holiday, &k), 0);
	*o = q.office;
	*from_year = q.from_year;
	*v = k.v;
	return k.n;
}

static void
test_holiday_add_remove_list(void **state)
{
	struct leave_team *t = *state;
	struct holiday h, *v;
	struct office o;
	int y;

	act(t, &t->ana);
	assert_int_equal(holiday_add(&t->svc, "dub", "2027-03-17", NULL, &h), EX_NOPERM);
	assert_string_equal(last_error, "holiday add: managers only (you are ana)");
	act(t, &t->mo);
	assert_int_equal(holiday_add(&t->svc, "dub", "2027-03-17", NULL, &h), 0);
	assert_string_equal(h.name, "Public holiday");
	assert_string_equal(h.office, "dub");
	assert_int_equal(holiday_add(&t->svc, "dub", "2027-03-17", "Again", &h), EX_DATAERR);
	assert_string_equal(last_error, "office 'dub' already has a holiday on 2027-03-17: "
			    "Public holiday (holiday 1)");
	assert_int_equal(holiday_add(&t->svc, "dub", "2027-02-29", NULL, &h), EX_USAGE);
	assert_int_equal(holiday_add(&t->svc, "nowhere", "2027-03-18", NULL, &h), EX_DATAERR);
	assert_string_equal(last_error, "unknown office 'nowhere' (see rota office list)");
	assert_int_equal(holiday_add(&t->svc, "dub", "2028-01-01", "New Year", &h), 0);
	assert_int_equal(audit_count(t->base.db, "holiday.add"), 2);

	/* Anyone lists them: this year on, or one year. */
	act(t, &t->bo);
	assert_int_equal(holidays_listed(t, NULL, 0, &o, &y, &v), 2);
	assert_int_equal(y, 2027);
	free(v);
	assert_int_equal(holidays_listed(t, "dub", 2028, &o, &y, &v), 1);
	assert_string_equal(v[0].name, "New Year");
	assert_string_equal(o.name, "dub");
	free(v);

	assert_int_equal(holiday_remove(&t->svc, 1, &h), EX_NOPERM);
	act(t, &t->mo);
	assert_int_equal(holiday_remove(&t->svc, 1, &h), 0);
	assert_string_equal(h.day, "2027-03-17");
	assert_int_equal(holiday_remove(&t->svc, 1, &h), EX_DATAERR);
	assert_string_equal(last_error, "no holiday 1 (see rota holiday list)");
	assert_int_equal(audit_count(t->base.db, "holiday.remove"), 1);
}

/* The holidays of office dub, all of them. */
static size_t
holidays_of(struct leave_team *t, struct holiday **v)
{
	size_t n;

	assert_int_equal(store_holiday_list(t->base.db, t->dub.id, "1900-01-01", NULL, v, &n), 0);
	return n;
}

static void
test_holiday_import(void **state)
{
	struct leave_team *t = *state;
	static const struct event days[] = {
		/* Two days, though marked free (holiday calendars do). */
		{ "xmas@x", "DTSTART;VALUE=DATE:20271225", "DTEND;VALUE=DATE:20271227",
		  "Christmas", "TRANSP:TRANSPARENT" },
		/* A timed event marks each day it touches in the office's zone. */
		{ "ny@x", "DTSTART:20271231T230000Z", "DTEND:20280101T010000Z", "New Year",
		  NULL },
		{ "patrick@x", "DTSTART;VALUE=DATE:20270317", NULL, "St Patrick", NULL },
		{ NULL, NULL, NULL, NULL, NULL },
	};
	static const struct event changed[] = {
		{ "xmas@x", "DTSTART;VALUE=DATE:20271225", "DTEND;VALUE=DATE:20271227", "Xmas",
		  NULL },
		{ "patrick@x", "DTSTART;VALUE=DATE:20270317", NULL, "St Patrick", NULL },
		{ NULL, NULL, NULL, NULL, NULL },
	};
	struct holiday_import res;
	struct holiday h, *v;

	act(t, &t->ana);
	write_ics(t->ics, days);
	assert_int_equal(holiday_import(&t->svc, "dub", t->ics, &res), EX_NOPERM);
	holiday_import_free(&res);
	assert_string_equal(last_error, "holiday import: managers only (you are ana)");

	act(t, &t->mo);
	assert_int_equal(holiday_add(&t->svc, "dub", "2027-05-03", "By hand", &h), 0);
	assert_int_equal(holiday_import(&t->svc, "dub", t->ics, &res), 0);
	assert_counts(&res.sync.counts, 5, 0, 0, 0);
	holiday_import_free(&res);
	assert_int_equal(holidays_of(t, &v), 6);
	assert_string_equal(v[0].day, "2027-03-17");
	assert_string_equal(v[2].name, "Christmas");
	assert_string_equal(v[4].day, "2027-12-31");
	assert_string_equal(v[5].day, "2028-01-01");
	free(v);
	assert_int_equal(audit_count(t->base.db, "holiday.import"), 1);

	/* Again: nothing doubled. */
	assert_int_equal(holiday_import(&t->svc, "dub", t->ics, &res), 0);
	assert_counts(&res.sync.counts, 0, 0, 0, 5);
	holiday_import_free(&res);
	assert_int_equal(audit_count(t->base.db, "holiday.import"), 1);

	/* Renamed days updated, gone ones removed, the one by hand kept. */
	write_ics(t->ics, changed);
	assert_int_equal(holiday_import(&t->svc, "dub", t->ics, &res), 0);
	assert_counts(&res.sync.counts, 0, 2, 2, 1);
	holiday_import_free(&res);
	assert_int_equal(holidays_of(t, &v), 4);
	assert_string_equal(v[1].name, "By hand");
	assert_string_equal(v[2].name, "Xmas");
	free(v);

	assert_int_equal(holiday_import(&t->svc, "nowhere", t->ics, &res), EX_DATAERR);
	holiday_import_free(&res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_leave_add, leave_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_leave_list_remove, leave_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_leave_import, leave_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_holiday_add_remove_list, leave_setup,
						team_teardown),
		cmocka_unit_test_setup_teardown(test_holiday_import, leave_setup, team_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
