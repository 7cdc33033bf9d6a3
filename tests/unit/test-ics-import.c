/* The parse step of leave and holiday import (calendars/import.h); the
 * HTTP layer has its own tests (test-http.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "calendars/import.h"
#include "common/timefmt.h"
#include "common/tz.h"

static int64_t
utc(const char *iso)
{
	int64_t t = 0;

	assert_int_equal(time_parse(iso, tz_utc(), &t), 0);
	return t;
}

/* Parses TEXT with zone ZONE and the window around 2027-01-01 12:00 UTC. */
static int
parse(const char *text, const char *zone, bool skip_free, struct ics_result *res)
{
	struct ics_options o = { 0 };
	int64_t now = utc("2027-01-01T12:00:00Z");

	o.zone = tz_lookup(zone);
	o.from = now - (int64_t)ICS_PAST_DAYS * 86400;
	o.to = now + (int64_t)ICS_FUTURE_DAYS * 86400;
	o.skip_transparent = skip_free;
	return ics_parse(text, strlen(text), "test.ics", &o, res);
}

static void
assert_occ(const struct ics_occurrence *o, const char *uid, const char *rid,
	   const char *start, const char *end)
{
	assert_string_equal(o->uid, uid);
	assert_string_equal(o->recurrence_id, rid);
	assert_int_equal(o->start, utc(start));
	assert_int_equal(o->end, utc(end));
}

#define CAL(body) "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" body "END:VCALENDAR\r\n"

static void
test_all_day_in_zone(void **state)
{
	struct ics_result r;
	(void)state;
	assert_int_equal(parse(CAL("BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20270701\r\n"
				   "END:VEVENT\r\n"
				   "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20270701\r\n"
				   "DTEND;VALUE=DATE:20270704\r\nSUMMARY:Three\r\n days\r\nEND:VEVENT\r\n"),
			       "America/Los_Angeles", true, &r), 0);
	assert_int_equal(r.n, 2);
	assert_occ(&r.v[0], "a", "", "2027-07-01T07:00:00Z", "2027-07-02T07:00:00Z");
	assert_true(r.v[0].all_day);
	assert_string_equal(r.v[0].summary, "");
	assert_occ(&r.v[1], "b", "", "2027-07-01T07:00:00Z", "2027-07-04T07:00:00Z");
	assert_string_equal(r.v[1].summary, "Threedays");
	assert_int_equal(r.v[1].line, 8);
	ics_result_free(&r);
}

static void
test_weekly_across_dst(void **state)
{
	struct ics_result r;
	(void)state;
	/* Sydney leaves daylight time on 2027-04-04: 09:00 local is 22:00
	 * then 23:00 UTC the day before. */
	assert_int_equal(parse(CAL("BEGIN:VEVENT\r\nUID:w\r\n"
				   "DTSTART;TZID=Australia/Sydney:20270329T090000\r\n"
				   "DTEND;TZID=Australia/Sydney:20270329T100000\r\n"
				   "RRULE:FREQ=WEEKLY;COUNT=4\r\n"
				   "EXDATE;TZID=Australia/Sydney:20270405T090000\r\n"
				   "END:VEVENT\r\n"
				   "BEGIN:VEVENT\r\nUID:w\r\n"
				   "RECURRENCE-ID;TZID=Australia/Sydney:20270412T090000\r\n"
				   "DTSTART:20270412T030000Z\r\nDTEND:20270412T040000Z\r\n"
				   "SUMMARY:moved\r\nEND:VEVENT\r\n"),
			       "UTC", true, &r), 0);
	assert_int_equal(r.n, 3);
	assert_occ(&r.v[0], "w", "20270328T220000Z", "2027-03-28T22:00:00Z", "2027-03-28T23:00:00Z");
	assert_occ(&r.v[1], "w", "20270411T230000Z", "2027-04-12T03:00:00Z", "2027-04-12T04:00:00Z");
	assert_string_equal(r.v[1].summary, "moved");
	assert_occ(&r.v[2], "w", "20270418T230000Z", "2027-04-18T23:00:00Z", "2027-04-19T00:00:00Z");
	ics_result_free(&r);
}

static void
test_cancelled_free_and_window(void **state)
{
	struct ics_result r;
	(void)state;
	assert_int_equal(parse(CAL("BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20270101T100000Z\r\n"
				   "DURATION:PT1H\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n"
				   "BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20270101T100000Z\r\n"
				   "DURATION:PT1H\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
				   "BEGIN:VEVENT\r\nUID:old\r\nDTSTART;VALUE=DATE:20251230\r\n"
				   "END:VEVENT\r\n"
				   "BEGIN:VEVENT\r\nUID:far\r\nDTSTART;VALUE=DATE:20290102\r\n"
				   "END:VEVENT\r\n"
				   "BEGIN:VEVENT\r\nUID:moment\r\nDTSTART:20270101T100000Z\r\n"
				   "END:VEVENT\r\n"),
			       "UTC", true, &r), 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.cancelled, 1);
	assert_int_equal(r.transparent, 1);
	ics_result_free(&r);
	assert_int_equal(parse(CAL("BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20270101T100000Z\r\n"
				   "DURATION:PT1H\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"),
			       "UTC", false, &r), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.transparent, 0);
	ics_result_free(&r);
}

static void
test_summary_made_safe(void **state)
{
	struct ics_result r;
	(void)state;
	assert_int_equal(parse(CAL("BEGIN:VEVENT\r\nUID:s\r\nDTSTART;VALUE=DATE:20270101\r\n"
				   "SUMMARY:caf\xc3\xa9 \xff\xfe ok\r\nEND:VEVENT\r\n"),
			       "UTC", true, &r), 0);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].summary, "caf\xc3\xa9 ?? ok");
	ics_result_free(&r);
}

static void
test_refused(void **state)
{
	struct ics_result r;
	(void)state;
	assert_int_equal(parse("", "UTC", true, &r), 65);
	assert_int_equal(r.n, 0);
	assert_null(r.v);
	assert_int_equal(parse(CAL("BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n"), "UTC", true, &r), 65);
	assert_int_equal(parse(CAL("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270101T100000Z\r\n"
				   "DTEND:20270101T090000Z\r\nEND:VEVENT\r\n"), "UTC", true, &r), 65);
	assert_int_equal(parse("BEGIN:VCALENDAR\r\n", "UTC", true, &r), 65);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_day_in_zone),
		cmocka_unit_test(test_weekly_across_dst),
		cmocka_unit_test(test_cancelled_free_and_window),
		cmocka_unit_test(test_summary_made_safe),
		cmocka_unit_test(test_refused),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);

	tz_cleanup();
	return r;
}
