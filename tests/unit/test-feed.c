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
#include "scheduler/office-hours.h"
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
			    .sequence = sequence, .slot = (int)id, .updated = NOW - 3600 * id };

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
		/* Both when the shift last changed, whatever the clock. */
		assert_int_equal(icaltime_as_timet(icalcomponent_get_dtstamp(ev)), sh->updated);
		assert_int_equal(icaltime_as_timet(icalproperty_get_lastmodified(
			icalcomponent_get_first_property(ev, ICAL_LASTMODIFIED_PROPERTY))), sh->updated);
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

/* Zones are cut on 1 January (UTC) of a year, whatever the clock. */
static void
test_zone_cut(void **state)
{
	(void)state;
	assert_int_equal(feed_zone_cut(1803124800), 1798761600);    /* 2027-02-20T12:00Z */
	assert_int_equal(feed_zone_cut(1798761600), 1798761600);    /* 2027-01-01T00:00Z */
	assert_int_equal(feed_zone_cut(1798761599), 1767225600);    /* 2026-12-31T23:59:59Z */
	assert_int_equal(feed_zone_cut(0), 0);
}

/* An unchanged schedule is the same bytes at another time of the same
 * year, and its zones start on 1 January of the window's first year. */
static void
test_stable_bytes(void **state)
{
	struct shift v[2] = {
		shift(7, "sf", TIER_PRIMARY, "America/Los_Angeles", "bob", LA_START, LA_END, 0),
		shift(8, "primary", TIER_PRIMARY, "Europe/Dublin", "alice", DUB_START, DUB_END, 3),
	};
	struct feed_settings later = fs;
	char *text, *again;

	(void)state;
	later.now = NOW + 3 * 86400 + 4321;
	assert_int_equal(feed_build("c", v, 2, NULL, 0, &fs, &text, NULL), 0);
	feed_cleanup();         /* cut afresh, not taken from the cache */
	assert_int_equal(feed_build("c", v, 2, NULL, 0, &later, &again, NULL), 0);
	assert_string_equal(text, again);
	/* Window from 2027-01-24, less the longest shift: 2026-12-26. */
	assert_non_null(strstr(text, "TZID:Europe/Dublin\r\n"));
	assert_non_null(strstr(text, "DTSTART:20260101T000000\r\n"));
	assert_null(strstr(text, "DTSTART:20261226"));
	free(text);
	free(again);
}

/* Europe/Dublin in the conventional form: GMT (+0000) STANDARD, IST
 * (+0100) DAYLIGHT, and the instants of events across both changes the
 * same through the written zone. */
static void
test_dublin_conventional(void **state)
{
	/* 2027-10-25 10:00 IST to 2027-11-01 10:00 GMT: 169 hours. */
	struct shift v[2] = {
		shift(1, "ops", TIER_PRIMARY, "Europe/Dublin", "ann", DUB_START, DUB_END, 0),
		shift(2, "ops", TIER_PRIMARY, "Europe/Dublin", "bo", 1824454800, 1825063200, 0),
	};
	icalcomponent *cal, *vtz, *c, *ev;
	char *text;
	int standard = 0, daylight = 0, k = 0;

	(void)state;
	assert_int_equal(feed_build("c", v, 2, NULL, 0, &fs, &text, NULL), 0);
	cal = parse(text);
	vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	assert_non_null(vtz);
	for (c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT); c != NULL;
	     c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		int to = icalproperty_get_tzoffsetto(icalcomponent_get_first_property(c,
			ICAL_TZOFFSETTO_PROPERTY));
		const char *name = icalproperty_get_tzname(icalcomponent_get_first_property(c,
			ICAL_TZNAME_PROPERTY));

		if (icalcomponent_isa(c) == ICAL_XSTANDARD_COMPONENT) {
			assert_int_equal(to, 0);
			assert_string_equal(name, "GMT");
			standard++;
		} else {
			assert_int_equal(icalcomponent_isa(c), ICAL_XDAYLIGHT_COMPONENT);
			assert_int_equal(to, 3600);
			assert_string_equal(name, "IST");
			daylight++;
		}
	}
	assert_true(standard >= 2 && daylight >= 1);
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), k++) {
		assert_int_equal(instant(cal, ev, ICAL_DTSTART_PROPERTY), v[k].start);
		assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), v[k].end);
	}
	assert_int_equal(k, 2);
	assert_non_null(strstr(text, "DTSTART;TZID=Europe/Dublin:20271025T100000\r\n"));
	assert_non_null(strstr(text, "DTEND;TZID=Europe/Dublin:20271101T100000\r\n"));
	icalcomponent_free(cal);
	free(text);
}

/* The store side of parts and releases: a team of ann, bo and cy in a
 * rotation of UTC weeks from NOW - 1 day, its first week laid to ann. */
struct team {
	int64_t ann, bo, cy;
	struct rotation rot;
	struct term term;
	struct shift week;
};

static int64_t
person(struct store *db, const char *handle)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420 };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "Person %s", handle);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "UTC");
	assert_int_equal(store_person_add(db, &p, 1), 0);
	return p.id;
}

static void
team_make(struct store *db, struct team *t)
{
	memset(t, 0, sizeof *t);
	t->ann = person(db, "ann");
	t->bo = person(db, "bo");
	t->cy = person(db, "cy");
	t->rot = (struct rotation){ .tier = TIER_PRIMARY, .handoff_dow = 1, .handoff_minute = 600,
				    .shift_days = 7 };
	snprintf(t->rot.name, sizeof t->rot.name, "ops");
	snprintf(t->rot.tz, sizeof t->rot.tz, "UTC");
	assert_int_equal(store_rotation_add(db, &t->rot, 1), 0);
	t->term = (struct term){ .weeks = 2, .rotation_id = t->rot.id, .start = NOW - 86400 };
	t->term.end = t->term.start + 2 * 604800;
	snprintf(t->term.name, sizeof t->term.name, "h1");
	assert_int_equal(store_term_add(db, &t->term, 1), 0);
	t->week = (struct shift){ .rotation_id = t->rot.id, .term_id = t->term.id,
				  .person_id = t->ann, .start = t->term.start,
				  .end = t->term.start + 604800 };
	snprintf(t->week.rotation, sizeof t->week.rotation, "ops");
	snprintf(t->week.term, sizeof t->week.term, "h1");
	assert_int_equal(store_shift_insert(db, &t->week, 1), 0);
}

/* The text of PERSON_ID's feed (0: the rotation's) built at AT. */
static char *
feed_of(struct store *db, const struct team *t, int64_t person_id, int64_t at)
{
	struct feed_settings f = fs;
	struct shift *v = NULL, *rel = NULL, *all;
	size_t n = 0, nrel = 0;
	char *text;

	f.now = at;
	assert_int_equal(store_feed_shifts(db, person_id, person_id ? 0 : t->rot.id,
					   feed_window_start(&f), at, &v, &n), 0);
	if (person_id != 0)
		assert_int_equal(store_feed_releases(db, person_id, at, &rel, &nrel), 0);
	all = feed_personal(v, n, rel, nrel);
	assert_int_equal(feed_build("f", all, n + nrel, NULL, 0, &f, &text, NULL), 0);
	free(v);
	free(rel);
	free(all);
	return text;
}

/* "UID START END SEQUENCE STATUS LAST-MODIFIED" of each event of TEXT,
 * one a line, in feed order (instants in UTC seconds). */
static void
events_of(const char *text, char *buf, size_t len)
{
	icalcomponent *cal = parse(text), *ev;
	size_t used = 0;

	buf[0] = '\0';
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		used += (size_t)snprintf(buf + used, used < len ? len - used : 0,
			"%s %lld %lld %d %s %lld\n", icalcomponent_get_uid(ev),
			(long long)instant(cal, ev, ICAL_DTSTART_PROPERTY),
			(long long)instant(cal, ev, ICAL_DTEND_PROPERTY),
			icalproperty_get_sequence(icalcomponent_get_first_property(ev,
				ICAL_SEQUENCE_PROPERTY)),
			icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED ? "CANCELLED" : "CONFIRMED",
			(long long)icaltime_as_timet(icalproperty_get_lastmodified(
				icalcomponent_get_first_property(ev, ICAL_LASTMODIFIED_PROPERTY))));
	icalcomponent_free(cal);
}

/* WANT equals the events of the feed of PERSON_ID (0: the rotation) at AT. */
static void
expect_feed(struct store *db, const struct team *t, int64_t person_id, int64_t at,
	    const char *want)
{
	char *text = feed_of(db, t, person_id, at), got[2048];

	events_of(text, got, sizeof got);
	assert_string_equal(got, want);
	free(text);
}

/* A week split into parts: the first part keeps the week's UID (its end
 * moves, its SEQUENCE rises), the later part has a UID of its own; the
 * part given away stays CANCELLED in the feed of the one who gave it,
 * with the range they held, until it ends; given back, it is theirs again. */
static void
test_parts_and_releases(void **state)
{
	struct fixture *f = *state;
	struct store *db = f->db;
	struct team t;
	struct shift part;
	int64_t start, mid, end;
	char uid[UID_MAX], want[2048];

	team_make(db, &t);
	start = t.week.start;
	mid = start + 3 * 86400;
	end = t.week.end;
	/* bo covers ann's week from MID on: ann's part ends there (at NOW + 1). */
	assert_int_equal(store_shift_reshape(db, t.week.id, t.ann, mid, ORIGIN_OVERRIDE, NOW + 1), 0);
	part = (struct shift){ .rotation_id = t.rot.id, .term_id = t.term.id, .person_id = t.bo,
			       .start = mid, .end = end, .slot_start = start, .slot_end = end,
			       .origin = ORIGIN_OVERRIDE };
	snprintf(part.rotation, sizeof part.rotation, "ops");
	snprintf(part.term, sizeof part.term, "h1");
	assert_int_equal(store_shift_insert(db, &part, NOW + 1), 0);
	shift_part_uid_make("ops", "h1", 0, mid, uid, sizeof uid);
	assert_string_equal(part.uid, uid);
	snprintf(want, sizeof want, "%s %lld %lld 1 CONFIRMED %lld\n", t.week.uid,
		 (long long)start, (long long)mid, (long long)(NOW + 1));
	expect_feed(db, &t, t.ann, NOW + 2, want);
	snprintf(want, sizeof want, "%s %lld %lld 0 CONFIRMED %lld\n", uid, (long long)mid,
		 (long long)end, (long long)(NOW + 1));
	expect_feed(db, &t, t.bo, NOW + 2, want);

	/* bo gives the whole part to cy: the same UID, a higher SEQUENCE in
	 * cy's feed, and CANCELLED in bo's, changed when bo lost it. */
	assert_int_equal(store_shift_assign(db, part.id, t.cy, ORIGIN_SWAP, NOW + 10), 0);
	snprintf(want, sizeof want, "%s %lld %lld 1 CONFIRMED %lld\n", uid, (long long)mid,
		 (long long)end, (long long)(NOW + 10));
	expect_feed(db, &t, t.cy, NOW + 20, want);
	snprintf(want, sizeof want, "%s %lld %lld 1 CANCELLED %lld\n", uid, (long long)mid,
		 (long long)end, (long long)(NOW + 10));
	expect_feed(db, &t, t.bo, NOW + 20, want);
	/* The rotation's feed shows what is in force only. */
	snprintf(want, sizeof want, "%s %lld %lld 1 CONFIRMED %lld\n%s %lld %lld 1 CONFIRMED %lld\n",
		 t.week.uid, (long long)start, (long long)mid, (long long)(NOW + 1),
		 uid, (long long)mid, (long long)end, (long long)(NOW + 10));
	expect_feed(db, &t, 0, NOW + 20, want);
	/* Until its end has passed. */
	snprintf(want, sizeof want, "%s %lld %lld 1 CANCELLED %lld\n", uid, (long long)mid,
		 (long long)end, (long long)(NOW + 10));
	expect_feed(db, &t, t.bo, end - 1, want);
	expect_feed(db, &t, t.bo, end, "");

	/* cy gives it back to bo: bo holds it (no CANCELLED copy), cy gave it. */
	assert_int_equal(store_shift_assign(db, part.id, t.bo, ORIGIN_SWAP, NOW + 30), 0);
	snprintf(want, sizeof want, "%s %lld %lld 2 CONFIRMED %lld\n", uid, (long long)mid,
		 (long long)end, (long long)(NOW + 30));
	expect_feed(db, &t, t.bo, NOW + 40, want);
	snprintf(want, sizeof want, "%s %lld %lld 2 CANCELLED %lld\n", uid, (long long)mid,
		 (long long)end, (long long)(NOW + 30));
	expect_feed(db, &t, t.cy, NOW + 40, want);
}

/* A whole-week swap keeps the week's UID; the one who gave it keeps it,
 * CANCELLED, next to the shifts they still hold, in start order. */
static void
test_whole_swap_release(void **state)
{
	struct fixture *f = *state;
	struct store *db = f->db;
	struct team t;
	struct shift next;
	char want[2048];

	team_make(db, &t);
	next = (struct shift){ .rotation_id = t.rot.id, .term_id = t.term.id, .slot = 1,
			       .person_id = t.ann, .start = t.week.end, .end = t.week.end + 604800 };
	snprintf(next.rotation, sizeof next.rotation, "ops");
	snprintf(next.term, sizeof next.term, "h1");
	assert_int_equal(store_shift_insert(db, &next, 1), 0);
	assert_int_equal(store_shift_assign(db, t.week.id, t.cy, ORIGIN_SWAP, NOW + 5), 0);
	snprintf(want, sizeof want, "%s %lld %lld 1 CANCELLED %lld\n%s %lld %lld 0 CONFIRMED 1\n",
		 t.week.uid, (long long)t.week.start, (long long)t.week.end, (long long)(NOW + 5),
		 next.uid, (long long)next.start, (long long)next.end);
	expect_feed(db, &t, t.ann, NOW + 6, want);
	snprintf(want, sizeof want, "%s %lld %lld 1 CONFIRMED %lld\n", t.week.uid,
		 (long long)t.week.start, (long long)t.week.end, (long long)(NOW + 5));
	expect_feed(db, &t, t.cy, NOW + 6, want);
}

/* ---- out-of-hours rotations: an event per on-call window ---- */

/* 2027-03-15 10:00 Europe/Dublin (GMT) to 2027-03-22 10:00: the week
 * after America's change (14 March), before Europe's (28 March). */
#define MAR15 1805104800
/* 2027-12-27 10:00 to 2028-01-03 10:00 Europe/Dublin (GMT). */
#define DEC27 1829901600
#define JAN03 1830506400

/* Dublin (office 1) and San Francisco (office 2), Mon-Fri 09:00-18:00
 * each, with public holidays. */
struct offices {
	struct work_calendar cal[2];
};

static void
offices_make(struct offices *o, const struct holiday *h, size_t n)
{
	assert_int_equal(work_calendar_init(&o->cal[0], "Europe/Dublin", NULL, 1, h, n), 0);
	assert_int_equal(work_calendar_init(&o->cal[1], "America/Los_Angeles", NULL, 2, h, n), 0);
}

static void
offices_free(struct offices *o)
{
	work_calendar_free(&o->cal[0]);
	work_calendar_free(&o->cal[1]);
}

/* A feed_oncall_fn: on call while neither office is open. */
static int
offices_windows(void *arg, const struct shift *sh, bool *windows, struct time_span **v,
		size_t *n)
{
	struct offices *o = arg;

	*windows = true;
	oncall_windows(o->cal, 2, sh->start, sh->end, v, n);
	return 0;
}

/* The feed of the N shifts V with on-call windows from O (NULL: none). */
static char *
ooh_feed(struct offices *o, const struct shift *v, size_t n)
{
	struct feed_settings f = fs;
	char *text;

	f.oncall = o != NULL ? offices_windows : NULL;
	f.oncall_arg = o;
	assert_int_equal(feed_build("f", v, n, NULL, 0, &f, &text, NULL), 0);
	return text;
}

/* A shift of rotation ooh (Europe/Dublin), term ooh-2027, week SLOT,
 * held by HANDLE from START to END: the week's first part (its UID) or,
 * when START is not the week's WEEK_START, a later one. */
static struct shift
ooh_part(int slot, int64_t week_start, const char *handle, int64_t start, int64_t end,
	 int sequence)
{
	struct shift sh = shift(slot, "ooh", TIER_PRIMARY, "Europe/Dublin", handle, start, end,
				sequence);

	if (start != week_start)
		shift_part_uid_make(sh.rotation, sh.term, slot, start, sh.uid, sizeof sh.uid);
	return sh;
}

/* "DTSTART DTEND SLOT-STAMP" of each event of TEXT, one a line, in feed
 * order: the times as written (wall clock, Europe/Dublin), then what the
 * UID has between "shift-HASH-" (HASH: rotation ooh, term ooh-2027) and
 * "-oncall@rota" (both checked): the week and the window's start; then
 * " alarm" when it has one and " CANCELLED" when it is. */
static void
windows_of(const char *text, char *buf, size_t len)
{
	icalcomponent *cal = parse(text), *ev;
	char week[UID_MAX];
	size_t used = 0, nhash;

	shift_uid_make("ooh", "ooh-2027", 0, week, sizeof week);
	nhash = strlen("shift-") + 17;
	buf[0] = '\0';
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		const char *uid = icalcomponent_get_uid(ev);
		size_t nuid = strlen(uid), tail = strlen("-oncall@rota");

		assert_true(nuid > nhash + tail);
		assert_memory_equal(uid, week, nhash);
		assert_string_equal(uid + nuid - tail, "-oncall@rota");
		assert_string_equal(tzid_of(ev, ICAL_DTSTART_PROPERTY), "Europe/Dublin");
		used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s %s %.*s%s%s\n",
			icalproperty_get_value_as_string(icalcomponent_get_first_property(ev,
				ICAL_DTSTART_PROPERTY)),
			icalproperty_get_value_as_string(icalcomponent_get_first_property(ev,
				ICAL_DTEND_PROPERTY)),
			(int)(nuid - nhash - tail), uid + nhash,
			icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT) ? " alarm" : "",
			icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED ? " CANCELLED" : "");
	}
	icalcomponent_free(cal);
}

/* A window's UID: its week's and its start, fixed for good. */
static void
test_window_uid(void **state)
{
	struct shift sh = ooh_part(3, DUB_START, "ann", DUB_START + 86400, DUB_END, 4);
	char uid[UID_MAX];
	int64_t t = 0;

	(void)state;
	feed_window_uid(&sh, 1805763600, uid, sizeof uid);
	assert_string_equal(uid, "shift-49901d8f549b2c53-3-20270323T010000Z-oncall@rota");
	/* Read back (publish --caldav keeps past windows by it). */
	assert_int_equal(feed_window_uid_start(uid, &t), 0);
	assert_int_equal(t, 1805763600);
	assert_int_equal(feed_window_uid_start(sh.uid, &t), -1);
	assert_int_equal(feed_window_uid_start("shift-x-3-2027032XT010000Z-oncall@rota", &t), -1);
	assert_int_equal(feed_window_uid_start("-oncall@rota", &t), -1);
}

/* Dublin with San Francisco: on call from San Francisco's close (01:00
 * Dublin once America has changed its clocks, on 14 March) to Dublin's
 * opening, and from Friday's close in San Francisco to Monday 09:00 in
 * Dublin, which in the week of Europe's change (28 March) is 08:00 UTC;
 * an alarm before each week's first window, none before the Monday 10:00
 * handoff, in office hours. */
static void
test_windows_across_dst(void **state)
{
	struct shift v[2] = {
		ooh_part(1, MAR15, "ann", MAR15, DUB_START, 0),
		ooh_part(2, DUB_START, "ann", DUB_START, DUB_END, 1),
	};
	struct offices o;
	icalcomponent *cal, *ev;
	char *text, got[2048];

	(void)state;
	offices_make(&o, NULL, 0);
	text = ooh_feed(&o, v, 2);
	windows_of(text, got, sizeof got);
	assert_string_equal(got,
		"20270316T010000 20270316T090000 1-20270316T010000Z alarm\n"
		"20270317T010000 20270317T090000 1-20270317T010000Z\n"
		"20270318T010000 20270318T090000 1-20270318T010000Z\n"
		"20270319T010000 20270319T090000 1-20270319T010000Z\n"
		"20270320T010000 20270322T090000 1-20270320T010000Z\n"
		"20270323T010000 20270323T090000 2-20270323T010000Z alarm\n"
		"20270324T010000 20270324T090000 2-20270324T010000Z\n"
		"20270325T010000 20270325T090000 2-20270325T010000Z\n"
		"20270326T010000 20270326T090000 2-20270326T010000Z\n"
		"20270327T010000 20270329T090000 2-20270327T010000Z\n");
	cal = parse(text);
	/* The second week's first window has its alarm; the last ends at
	 * 09:00 IST, 08:00 UTC, an hour before the handoff. */
	ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	for (int i = 0; i < 5; i++)
		ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT));
	assert_int_equal(icalproperty_get_sequence(icalcomponent_get_first_property(ev,
		ICAL_SEQUENCE_PROPERTY)), 1);
	assert_int_equal(icaltime_as_timet(icalcomponent_get_dtstamp(ev)), v[1].updated);
	assert_int_equal(icalproperty_get_transp(icalcomponent_get_first_property(ev,
		ICAL_TRANSP_PROPERTY)), ICAL_TRANSP_TRANSPARENT);
	assert_string_equal(icalcomponent_get_description(ev),
		"ann is primary on call (ooh) out of hours: in business hours each service's own "
		"team takes its alerts.\nEscalation (managers' tier): nobody is scheduled.\n"
		"To hand this shift to someone else: rota swap request 2 [--with HANDLE]; "
		"rota swap suggest 2 lists who could take it.");
	while (icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT) != NULL)
		ev = icalcomponent_get_current_component(cal);
	assert_int_equal(instant(cal, ev, ICAL_DTEND_PROPERTY), DUB_END - 3600);
	icalcomponent_free(cal);
	free(text);
	offices_free(&o);
}

/* St Patrick's Day, Dublin's alone: on call from 01:00 until San
 * Francisco opens at 16:00 Dublin time. */
static void
test_windows_holiday(void **state)
{
	struct holiday h[1] = { { .office_id = 1, .day = "2027-03-17" } };
	struct shift v[1] = { ooh_part(1, MAR15, "ann", MAR15, DUB_START, 0) };
	struct offices o;
	char *text, got[2048];

	(void)state;
	offices_make(&o, h, 1);
	text = ooh_feed(&o, v, 1);
	windows_of(text, got, sizeof got);
	assert_string_equal(got,
		"20270316T010000 20270316T090000 1-20270316T010000Z alarm\n"
		"20270317T010000 20270317T160000 1-20270317T010000Z\n"
		"20270318T010000 20270318T090000 1-20270318T010000Z\n"
		"20270319T010000 20270319T090000 1-20270319T010000Z\n"
		"20270320T010000 20270322T090000 1-20270320T010000Z\n");
	free(text);
	offices_free(&o);
}

/* The year end: Dublin closed on 27 and 28 December, so on call from the
 * handoff (its alarm before it) until San Francisco opens; San Francisco
 * closed on 31 December, so on call from Dublin's close that Friday to
 * Monday 3 January, across the new year. */
static void
test_windows_year_end(void **state)
{
	struct holiday h[3] = {
		{ .office_id = 1, .day = "2027-12-27" }, { .office_id = 1, .day = "2027-12-28" },
		{ .office_id = 2, .day = "2027-12-31" },
	};
	struct shift v[1] = { ooh_part(1, DEC27, "ann", DEC27, JAN03, 0) };
	struct offices o;
	char *text, got[2048];

	(void)state;
	offices_make(&o, h, 3);
	text = ooh_feed(&o, v, 1);
	windows_of(text, got, sizeof got);
	assert_string_equal(got,
		"20271227T100000 20271227T170000 1-20271227T100000Z alarm\n"
		"20271228T020000 20271228T170000 1-20271228T020000Z\n"
		"20271229T020000 20271229T090000 1-20271229T020000Z\n"
		"20271230T020000 20271230T090000 1-20271230T020000Z\n"
		"20271231T020000 20271231T090000 1-20271231T020000Z\n"
		"20271231T180000 20280103T090000 1-20271231T180000Z\n");
	free(text);
	offices_free(&o);
}

/* Wednesday 03:00-05:00 of ann's week covered by bo: ann's windows keep
 * their UIDs but for the one cut (its end moves) and the one that starts
 * at 05:00 (new, the first of her later part: an alarm); bo's window has
 * an alarm; given by bo to cy, it stays CANCELLED in bo's feed with the
 * UID cy's has; merged back, the rotation's feed has one event a UID. */
static void
test_windows_in_parts(void **state)
{
	int64_t wed3 = DUB_START + 41 * 3600, wed5 = wed3 + 2 * 3600;
	struct shift week = ooh_part(2, DUB_START, "ann", DUB_START, DUB_END, 0);
	struct shift ann[2] = {
		ooh_part(2, DUB_START, "ann", DUB_START, wed3, 1),
		ooh_part(2, DUB_START, "ann", wed5, DUB_END, 0),
	};
	struct shift bo = ooh_part(2, DUB_START, "bo", wed3, wed5, 0), rot[3];
	struct offices o;
	char *text, got[2048];

	(void)state;
	offices_make(&o, NULL, 0);
	text = ooh_feed(&o, &week, 1);
	windows_of(text, got, sizeof got);
	free(text);
	assert_string_equal(got,
		"20270323T010000 20270323T090000 2-20270323T010000Z alarm\n"
		"20270324T010000 20270324T090000 2-20270324T010000Z\n"
		"20270325T010000 20270325T090000 2-20270325T010000Z\n"
		"20270326T010000 20270326T090000 2-20270326T010000Z\n"
		"20270327T010000 20270329T090000 2-20270327T010000Z\n");
	text = ooh_feed(&o, ann, 2);
	windows_of(text, got, sizeof got);
	free(text);
	assert_string_equal(got,
		"20270323T010000 20270323T090000 2-20270323T010000Z alarm\n"
		"20270324T010000 20270324T030000 2-20270324T010000Z\n"
		"20270324T050000 20270324T090000 2-20270324T050000Z alarm\n"
		"20270325T010000 20270325T090000 2-20270325T010000Z\n"
		"20270326T010000 20270326T090000 2-20270326T010000Z\n"
		"20270327T010000 20270329T090000 2-20270327T010000Z\n");
	text = ooh_feed(&o, &bo, 1);
	windows_of(text, got, sizeof got);
	free(text);
	assert_string_equal(got, "20270324T030000 20270324T050000 2-20270324T030000Z alarm\n");
	/* bo's release (the part as bo held it, cancelled, SEQUENCE raised). */
	bo.cancelled = true;
	bo.sequence = 1;
	text = ooh_feed(&o, &bo, 1);
	windows_of(text, got, sizeof got);
	assert_non_null(strstr(text, "SEQUENCE:1\r\n"));
	free(text);
	assert_string_equal(got, "20270324T030000 20270324T050000 2-20270324T030000Z CANCELLED\n");
	/* Merged back: ann holds the week again, the later parts cancelled. */
	rot[0] = week;
	rot[0].sequence = 2;
	rot[1] = bo;
	rot[2] = ann[1];
	rot[2].cancelled = true;
	text = ooh_feed(&o, rot, 3);
	windows_of(text, got, sizeof got);
	free(text);
	assert_string_equal(got,
		"20270323T010000 20270323T090000 2-20270323T010000Z alarm\n"
		"20270324T010000 20270324T090000 2-20270324T010000Z\n"
		"20270325T010000 20270325T090000 2-20270325T010000Z\n"
		"20270326T010000 20270326T090000 2-20270326T010000Z\n"
		"20270327T010000 20270329T090000 2-20270327T010000Z\n"
		"20270324T030000 20270324T050000 2-20270324T030000Z CANCELLED\n"
		"20270324T050000 20270324T090000 2-20270324T050000Z CANCELLED\n");
	offices_free(&o);
}

/* A function that keeps every holder on call throughout changes no byte:
 * the feeds of rotations covering every hour are what they were. */
static int
always_on_call(void *arg, const struct shift *sh, bool *windows, struct time_span **v,
	       size_t *n)
{
	(void)arg;
	(void)sh;
	*windows = false;
	*v = NULL;
	*n = 0;
	return 0;
}

static void
test_always_same_bytes(void **state)
{
	struct shift v[3] = {
		shift(7, "sf", TIER_PRIMARY, "America/Los_Angeles", "bob", LA_START, LA_END, 0),
		shift(8, "primary", TIER_PRIMARY, "Europe/Dublin", "alice", DUB_START, DUB_END, 3),
		shift(9, "primary", TIER_PRIMARY, "Europe/Dublin", "alice", DUB_END, DUB_END + 604800, 1),
	};
	struct feed_settings f = fs;
	char *plain, *asked;

	(void)state;
	v[2].cancelled = true;
	assert_int_equal(feed_build("c", v, 3, NULL, 0, &fs, &plain, NULL), 0);
	f.oncall = always_on_call;
	assert_int_equal(feed_build("c", v, 3, NULL, 0, &f, &asked, NULL), 0);
	assert_string_equal(plain, asked);
	free(plain);
	free(asked);
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
		cmocka_unit_test(test_zone_cut),
		cmocka_unit_test(test_stable_bytes),
		cmocka_unit_test(test_dublin_conventional),
		cmocka_unit_test_setup_teardown(test_parts_and_releases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_whole_swap_release, setup, teardown),
		cmocka_unit_test(test_window_uid),
		cmocka_unit_test(test_windows_across_dst),
		cmocka_unit_test(test_windows_holiday),
		cmocka_unit_test(test_windows_year_end),
		cmocka_unit_test(test_windows_in_parts),
		cmocka_unit_test(test_always_same_bytes),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);

	feed_cleanup();
	tz_cleanup();
	icalmemory_free_ring();
	return r;
}
