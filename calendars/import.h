/* Reading a calendar (RFC 5545) into the spans of time it holds: the
 * parse step of `rota leave import` and `rota holiday import`.
 *
 * Pure: text in, occurrences out (no store, no network); the fuzz target
 * fuzz/fuzz-ics-import.c calls it directly.
 *
 * What it understands:
 *  - VEVENTs of one or more VCALENDARs (folded lines, CRLF or LF);
 *  - all-day events (DTSTART;VALUE=DATE): whole days in options.zone, DTEND
 *    exclusive, no DTEND (or DTEND = DTSTART) meaning one day;
 *  - timed events: UTC ("Z"), TZID (a VTIMEZONE of the calendar, else the
 *    zone database, also behind a "/vendor/" prefix), or floating
 *    (options.zone); DTEND or DURATION; no end (a moment, not a span) is
 *    left out;
 *  - RRULE and RDATE expanded with libical's recurrence iterator, EXDATE
 *    removed, RECURRENCE-ID overrides replacing (or cancelling) the
 *    instance they name;
 *  - STATUS:CANCELLED (of the event: the whole series; of an override: that
 *    instance) left out; with options.skip_transparent, TRANSP:TRANSPARENT
 *    (free time) left out too.
 * Only occurrences overlapping the horizon [options.from, options.to) are
 * returned. Each is keyed by its UID and recurrence id: "" for an event
 * that does not repeat, else the instance's original start as
 * "YYYYMMDD" (all-day) or "YYYYMMDDTHHMMSSZ" (UTC).
 *
 * A calendar that is not well formed is refused as a whole with
 * "rota: NAME:LINE: what is wrong" (the line in TEXT) and EX_DATAERR:
 * not iCalendar at all, BEGIN/END that do not match, a line that is not
 * NAME:VALUE, anything libical's parser flags (X-LIC-ERROR), an event
 * without UID or DTSTART, a bad date, DTEND before DTSTART, a TZID that
 * names no known zone, two events with one UID (and recurrence id), a UID
 * that is not text by the rule of common/text.h, more than ICS_MAX_LINES
 * lines or ICS_MAX_EVENTS events, an RRULE that repeats more than
 * ICS_MAX_ITERATIONS times before the horizon ends, or more than
 * ICS_MAX_OCCURRENCES occurrences in the horizon. Time and memory grow
 * linearly with the text: a calendar is refused at the first line past a
 * limit, and a bad one at its first error. */
#ifndef ROTA_CALENDARS_IMPORT_H
#define ROTA_CALENDARS_IMPORT_H

#include <libical/ical.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ICS_UID_MAX 256                 /* longer UIDs are refused */
#define ICS_RID_MAX 24
#define ICS_SUMMARY_MAX 256
#define ICS_MAX_OCCURRENCES 20000
#define ICS_MAX_ITERATIONS 100000L
/* Limits on the calendar itself, checked as its lines are read (before
 * libical parses anything), so that time and memory stay bounded: */
#define ICS_MAX_EVENTS 20000            /* BEGIN:VEVENT lines */
#define ICS_MAX_LINES 200000L           /* lines, once unfolded */

/* The import horizon: recurrences are expanded, and events read, from
 * this many days before now to this many after. */
#define ICS_PAST_DAYS 366
#define ICS_FUTURE_DAYS 731

struct ics_occurrence {
	char uid[ICS_UID_MAX];
	char recurrence_id[ICS_RID_MAX];
	int64_t start, end;             /* UTC, end > start */
	bool all_day;
	char summary[ICS_SUMMARY_MAX];  /* one line of valid UTF-8, maybe "" */
	long line;                      /* of its BEGIN:VEVENT */
};

struct ics_options {
	const struct tz_zone *zone;             /* all-day dates and floating times; NULL: UTC */
	int64_t from, to;               /* the horizon */
	bool skip_transparent;
};

struct ics_result {
	struct ics_occurrence *v;       /* sorted by uid, then recurrence id */
	size_t n;
	size_t cancelled;               /* occurrences left out as cancelled */
	size_t transparent;             /* left out as free time */
};

/* Reads TEXT (LEN bytes, NUL-terminated at LEN) named NAME in messages.
 * 0 with *out filled (free with ics_result_free), or EX_DATAERR after
 * printing "rota: NAME:LINE: ..." with *out empty. */
int ics_parse(const char *text, size_t len, const char *name,
	      const struct ics_options *o, struct ics_result *out);

void ics_result_free(struct ics_result *r);

#endif
