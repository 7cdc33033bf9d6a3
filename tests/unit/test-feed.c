/* iCalendar feeds: what calendars/feed.c writes, parsed back with libical;
 * and the store's feed queries (history window, cancelled shifts). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "calendars/feed.h"
#include "common/tz.h"
#include "store/store.h"
#include "tests/unit/store-fixture.h"

/* 2027-03-22 10:00 Europe/Dublin (GMT) to 2027-03-29 10:00 (IST): a
 * 167-hour week across the spring change. */
#define DUB_START 1805709600
#define DUB_END 1806310800
/* 2027-03-15 10:00 to 2027-03-22 10:00 America/Los_Angeles (PDT both). */
#define LA_START 1805130000
#define LA_END 1805734800
#define NOW (DUB_START - 86400)

static const struct feed_settings fs = {
	.now = NOW, .alarm_minutes = 30, .refresh_minutes = 60, .history_weeks = 8,
};

static struct shift
shift(int64_t id, const char *rotation, enum tier tier, const char *tz,
      const char *handle, int64_t start, int64_t end, int sequence)
{
	struct shift sh = { .id = id, .tier = tier, .start = start, .end = end,
			    .sequence = sequence, .slot = (int)id };

	snprintf(sh.rotation, sizeof sh.rotation, "%s", rotation);
	snprintf(sh.term, sizeof sh.term, "%s-2027", rotation);
	snprintf(sh.tz, sizeof sh.tz, "%s", tz);
	snprintf(sh.handle, sizeof sh.handle, "%s", handle);
	shift_uid_make(sh.rotation, sh.term, sh.slot, sh.uid, sizeof sh.uid);
	return sh;
}

static icalcomponent *
parse(const char *text)
{
	icalcomponent *cal = icalparser_parse_string(text);

	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	return cal;
}

static const char *
x_value(icalcomponent *c, const char *name)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY))
		if (strcmp(icalproperty_get_x_name(p), name) == 0)
			return icalproperty_get_x(p);
	return NULL;
}

static const char *
tzid_of(icalcomponent *ev, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(ev, kind);
	icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);

	return tzid ? icalparameter_get_tzid(tzid) : "";
}

/* An event's start or end as a UTC instant, through the feed's own
 * VTIMEZONE (never the built-in zone of the same name). */
static int64_t
instant(icalcomponent *cal, icalcomponent *ev, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(ev, kind);
	struct icaltimetype t = kind == ICAL_DTSTART_PROPERTY ? icalproperty_get_dtstart(p)
							      : icalproperty_get_dtend(p);
	const char *tzid = tzid_of(ev, kind);
	icaltimezone *zone = icaltimezone_get_utc_timezone();

	if (*tzid != '\0') {
		zone = icalcomponent_get_timezone(cal, tzid);
		assert_non_null(zone);
	}
	return (int64_t)icaltime_as_timet_with_zone(t, zone);
}

/* A shift's UID (the event's, in every feed and on every CalDAV server):
 * fixed for good, so pinned here byte for byte. */
static void
test_shift_uid(void **state)
{
	char uid[UID_MAX], small[12];
	(void)state;

	shift_uid_make("primary", "2027-h1", 12, uid, sizeof uid);
	assert_string_equal(uid, "shift-1f2bfc18262dfa82-12@rota");
	shift_uid_make("Bereitschaft \xc3\xbc", "2028 \xe2\x80\x94 b", 0, uid, sizeof uid);
	assert_string_equal(uid, "shift-549589f1dd090502-0@rota");
	shift_uid_make("primary", "2027-h1", 12, small, sizeof small);
	assert_string_equal(small, "shift-1f2bf");
}

static void
test_calendar_properties(void **state)
{
	icalcomponent *cal;
	char *text;
	size_t count = 99;

	(void)state;
	assert_int_equal(feed_build("On call: primary", NULL, 0, NULL, 0, &fs, &text, &count), 0);
	assert_int_equal(count, 0);
	assert_non_null(strstr(text, "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
	cal = parse(text);
	assert_string_equal(icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY) ?
			    icalproperty_get_version(icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY)) : "",
			    "2.0");
	assert_string_equal(icalproperty_get_prodid(icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY)),
			    FEED_PRODID);
	assert_int_equal(icalproperty_get_method(icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY)),
			 ICAL_METHOD_PUBLISH);
	assert_string_equal(x_value(cal, "X-WR-CALNAME"), "On call: primary");
	assert_string_equal(icalproperty_get_name(icalcomponent_get_first_property(cal, ICAL_NAME_PROPERTY)),
			    "On call: primary");
	assert_string_equal(x_value(cal, "X-PUBLISHED-TTL"), "PT1H");
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 0);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 0);
	icalcomponent_free(cal);
	free(text);
}

static void
test_events_round_trip(void **state)
{
	struct shift v[3] = {
		shift(7, "sf", TIER_PRIMARY, "America/Los_Angeles", "bob", LA_START, LA_END, 0),
		shift(8, "primary", TIER_PRIMARY, "Europe/Dublin", "alice", DUB_START, DUB_END, 3),
		shift(9, "sf", TIER_PRIMARY, "America/Los_Angeles", "bob", LA_END, LA_END + 604800, 1),
	};
	/* Escalation: carol until Wednesday, then dave. */
	struct shift esc[2] = {
		shift(20, "managers", TIER_ESCALATION, "UTC", "carol", DUB_START - 432000, DUB_START + 172800, 0),
		shift(21, "managers", TIER_ESCALATION, "UTC", "dave", DUB_START + 172800, DUB_START + 777600, 0),
	};
	icalcomponent *cal, *ev, *alarm;
	char *text;
	size_t count;
	int n = 0;

	(void)state;
	assert_int_equal(feed_build("On call: alice", v, 3, esc, 2, &fs, &text, &count), 0);
	assert_int_equal(count, 3);
	/* Plain IANA TZIDs, wall-clock times in the rotation's zone. */
	assert_non_null(strstr(text, "DTSTART;TZID=Europe/Dublin:20270322T100000\r\n"));
	assert_non_null(strstr(text, "DTEND;TZID=Europe/Dublin:20270329T100000\r\n"));
	assert_non_null(strstr(text, "DTSTART;TZID=America/Los_Angeles:20270315T100000\r\n"));
	cal = parse(text);
	/* One VTIMEZONE per zone used, before the events. */
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 2);
	assert_true(strstr(text, "BEGIN:VTIMEZONE") < strstr(text, "BEGIN:VEVENT"));
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 3);
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), n++) {
		const struct shift *sh = &v[n];
		char summary[256];

		snprintf(summary, sizeof summary, "On call: %s \xe2\x80\x94 %s", sh->rotation, sh->handle);
		assert_string_equal(icalcomponent_get_uid(ev), sh->uid);
		assert_int_equal(icalproperty_get_sequence(icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY)),
				 sh->sequence);
		assert_string_equal(icalcomponent_get_summary(ev), summary);
		assert_string_equal(tzid_of(ev, ICAL_DTSTART_PROPERTY), sh->tz);
		assert_string_equal(tzid_of(ev, ICAL_DTEND_PROPERTY), sh->tz);
		assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), sh->start);
		assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), sh->end);
		assert_int_equal(icalproperty_get_transp(icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY)),
				 ICAL_TRANSP_TRANSPARENT);
		assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CONFIRMED);
		assert_int_equal(icaltime_as_timet(icalcomponent_get_dtstamp(ev)), NOW);
		alarm = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
		assert_non_null(alarm);
		assert_int_equal(icaldurationtype_as_int(icalproperty_get_trigger(
			icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY)).duration), -1800);
	}
	/* The Dublin week: 167 hours, escalation carol then dave. */
	ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY) - instant(cal, ev, ICAL_DTSTART_PROPERTY),
			 167 * 3600);
	assert_string_equal(icalcomponent_get_description(ev),
			    "alice is primary on call (primary).\n"
			    "Escalation (managers' tier): carol, then dave.\n"
			    "To hand this shift to someone else: rota swap request 8 [--with HANDLE]; "
			    "rota swap suggest 8 lists who could take it.");
	icalcomponent_free(cal);
	free(text);
}

static void
test_one_shift_alone(void **state)
{
	struct shift sh = shift(5, "managers", TIER_ESCALATION, "Europe/Dublin", "carol",
				DUB_START, DUB_END, 2);
	icalcomponent *cal = feed_calendar_new("x", &fs), *back, *ev;
	char *text;

	(void)state;
	assert_int_equal(feed_add_zone(cal, sh.tz, sh.start), 0);
	assert_int_equal(feed_add_zone(cal, sh.tz, 0), 0);          /* once only */
	assert_int_equal(feed_add_zone(cal, "UTC", 0), 0);          /* none for UTC */
	assert_int_equal(feed_add_zone(cal, "Mars/Olympus", 0), -1);
	assert_non_null(feed_add_shift(cal, &sh, NULL, &fs));
	text = feed_to_string(cal);
	back = parse(text);
	assert_int_equal(icalcomponent_count_components(back, ICAL_VTIMEZONE_COMPONENT), 1);
	ev = icalcomponent_get_first_component(back, ICAL_VEVENT_COMPONENT);
	assert_string_equal(icalcomponent_get_description(ev),
			    "carol is the escalation point (managers' tier, managers) this week.\n"
			    "To hand this shift to someone else: rota swap request 5 [--with HANDLE]; "
			    "rota swap suggest 5 lists who could take it.");
	icalcomponent_free(back);
	icalcomponent_free(cal);
	free(text);
}

static void
test_cancelled_and_window(void **state)
{
	struct shift v[4] = {
		/* ended before the history window: left out */
		shift(1, "primary", TIER_PRIMARY, "UTC", "ann", NOW - 10 * 604800, NOW - 9 * 604800, 0),
		/* in the window, ended: kept */
		shift(2, "primary", TIER_PRIMARY, "UTC", "ann", NOW - 3 * 604800, NOW - 2 * 604800, 0),
		/* cancelled, ended: left out */
		shift(3, "primary", TIER_PRIMARY, "UTC", "ann", NOW - 2 * 604800, NOW - 604800, 4),
		/* cancelled, in the future: kept as CANCELLED */
		shift(4, "primary", TIER_PRIMARY, "UTC", "ann", NOW + 3600, NOW + 604800, 5),
	};
	icalcomponent *cal, *ev;
	char *text;
	size_t count;

	(void)state;
	v[2].cancelled = v[3].cancelled = true;
	assert_int_equal(feed_build("c", v, 4, NULL, 0, &fs, &text, &count), 0);
	assert_int_equal(count, 2);
	assert_non_null(strstr(text, "DTSTART:20270228T100000Z\r\n"));   /* UTC: no TZID */
	cal = parse(text);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 0);
	ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_string_equal(icalcomponent_get_uid(ev), v[1].uid);
	ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	assert_string_equal(icalcomponent_get_uid(ev), v[3].uid);
	assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
	assert_int_equal(icalproperty_get_sequence(icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY)), 5);
	assert_null(icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT));
	icalcomponent_free(cal);
	free(text);
}

static void
test_escalation_names(void **state)
{
	struct shift esc[3] = {
		shift(1, "m", TIER_ESCALATION, "UTC", "carol", 0, 100, 0),
		shift(2, "m", TIER_ESCALATION, "UTC", "dave", 100, 200, 0),
		shift(3, "m", TIER_ESCALATION, "UTC", "carol", 200, 300, 0),
	};
	struct shift p = shift(9, "p", TIER_PRIMARY, "UTC", "ann", 50, 250, 0);
	char buf[64], tiny[8];

	(void)state;
	assert_string_equal(feed_escalation(esc, 3, &p, buf, sizeof buf), "carol, then dave");
	p.start = 100;
	p.end = 200;
	assert_string_equal(feed_escalation(esc, 3, &p, buf, sizeof buf), "dave");
	p.start = 300;
	p.end = 400;
	assert_string_equal(feed_escalation(esc, 3, &p, buf, sizeof buf), "");
	p.start = 0;
	assert_string_equal(feed_escalation(esc, 3, &p, tiny, sizeof tiny), "carol, ");
	p.tier = TIER_ESCALATION;
	assert_string_equal(feed_escalation(esc, 3, &p, buf, sizeof buf), "");
}

/* The store's side: the window and cancelled shifts. */
static void
test_store_feed_shifts(void **state)
{
	struct fixture *f = *state;
	struct store *db = f->db;
	struct person a = { .sleep_start = 1320, .sleep_end = 420 };
	struct rotation r = { .tier = TIER_PRIMARY, .handoff_dow = 1,
			      .handoff_minute = 600, .shift_days = 7 };
	struct term t = { .weeks = 12 };
	struct shift *v;
	size_t n;

	snprintf(a.handle, sizeof a.handle, "ann");
	snprintf(a.name, sizeof a.name, "Ann");
	snprintf(a.email, sizeof a.email, "ann@example.com");
	snprintf(a.tz, sizeof a.tz, "UTC");
	assert_int_equal(store_person_add(db, &a, 1), 0);
	snprintf(r.name, sizeof r.name, "primary");
	snprintf(r.tz, sizeof r.tz, "UTC");
	assert_int_equal(store_rotation_add(db, &r, 1), 0);
	snprintf(t.name, sizeof t.name, "t");
	t.rotation_id = r.id;
	t.start = NOW - 10 * 604800;
	t.end = t.start + 12 * 604800;
	assert_int_equal(store_term_add(db, &t, 1), 0);
	for (int i = 0; i < 12; i++) {
		struct shift sh = { .rotation_id = r.id, .term_id = t.id, .slot = i,
				    .person_id = a.id, .start = t.start + i * 604800,
				    .end = t.start + (i + 1) * 604800 };

		snprintf(sh.rotation, sizeof sh.rotation, "primary");
		snprintf(sh.term, sizeof sh.term, "t");
		assert_int_equal(store_shift_insert(db, &sh, 1), 0);
		/* slot 8 (ended) and slot 11 (future) are cancelled */
		if (i == 8 || i == 11)
			assert_int_equal(store_shift_cancel(db, sh.id, 2), 0);
	}
	/* Window from NOW - 8 weeks: slots 2..11 end after it; slot 8 is
	 * cancelled and over, so 9 remain. */
	assert_int_equal(store_feed_shifts(db, a.id, 0, NOW - 8 * 604800, NOW, &v, &n), 0);
	assert_int_equal(n, 9);
	assert_int_equal(v[0].slot, 2);
	assert_int_equal(v[8].slot, 11);
	assert_true(v[8].cancelled);
	assert_int_equal(v[8].sequence, 1);
	free(v);
	assert_int_equal(store_feed_shifts(db, 0, r.id, NOW - 8 * 604800, NOW, &v, &n), 0);
	assert_int_equal(n, 9);
	free(v);
	assert_int_equal(store_feed_shifts(db, 0, 0, NOW, NOW, &v, &n), 0);
	assert_int_equal(n, 2);          /* slot 10 (runs now) and 11 */
	free(v);
	assert_int_equal(store_feed_escalations(db, 0, &v, &n), 0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(store_person_set_feed_token(db, a.id, "0123456789abcdef0123456789abcdef"), 0);
	assert_int_equal(store_person_get(db, "ann", &a), 0);
	assert_string_equal(a.feed_token, "0123456789abcdef0123456789abcdef");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shift_uid),
		cmocka_unit_test(test_calendar_properties),
		cmocka_unit_test(test_events_round_trip),
		cmocka_unit_test(test_one_shift_alone),
		cmocka_unit_test(test_cancelled_and_window),
		cmocka_unit_test(test_escalation_names),
		cmocka_unit_test_setup_teardown(test_store_feed_shifts, setup, teardown),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);

	feed_cleanup();
	tz_cleanup();
	icalmemory_free_ring();
	return r;
}
