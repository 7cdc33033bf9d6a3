/* iCalendar feeds (RFC 5545), built with libical.
 *
 * A feed is a VCALENDAR (METHOD:PUBLISH) with a calendar name, a refresh
 * interval, one VTIMEZONE per TZID its events use, and one VEVENT per
 * shift. A shift is a part of a week of its term, or all of it: an
 * event's UID is the shift's uid (store column shifts.uid: the part that
 * begins at its week's start has the week's UID, a later part one of its
 * own made from its start; it survives swaps, overrides and changes of
 * the part's end) and its SEQUENCE is shifts.sequence, raised by the
 * store at every change. A personal feed also shows, cancelled, the
 * shifts its person gave away (a release: the shift's UID and SEQUENCE,
 * the range they held) until they end, so that a client that imported the
 * feed removes them.
 *
 * The pieces work one shift at a time, so that `publish --caldav` can put
 * each shift in a resource of its own:
 *
 *   icalcomponent *cal = feed_calendar_new("On call: bob", &fs);
 *   feed_add_zone(cal, sh.tz, sh.start); (VTIMEZONEs first; once per zone)
 *   feed_add_shift(cal, &sh, "carol", &fs);
 *   char *text = feed_to_string(cal);   (malloc'd, CRLF line ends)
 *   icalcomponent_free(cal);
 *
 * feed_build() does the whole of a feed from a list of shifts.
 *
 * The holder of a shift of a rotation covering out of hours is on call
 * only in its windows (evenings, nights, weekends, holidays: when none of
 * the rotation's offices is open). Such a shift is written as one event
 * per window instead of one for the shift, and nothing else: the
 * calendar shows the holder busy exactly when rota now names them. A
 * window's UID is made from its week (rotation, term, slot) and its
 * start, not from the part that holds it, so that it keeps its UID when
 * another part of the week changes hands; its SEQUENCE, DTSTAMP and
 * status are its part's, and only the first window of a part has an
 * alarm (not the handoff, which may fall in office hours). Which times
 * are windows is decided by the caller (service/oncall.h), through
 * fs->oncall.
 *
 * Every function here is pure: no store, no files, no clock (fs->now). */
#ifndef ROTA_FEED_H
#define ROTA_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libical/ical.h>

#include "common/config.h"
#include "common/tz.h"
#include "model/model.h"
#include "scheduler/office-hours.h"

#define FEED_PRODID "-//rota//rota on-call scheduler//EN"

/* When the holder of shift SH is on call: *WINDOWS false, throughout
 * (a rotation covering every hour); true, in the *N spans *V (malloc'd,
 * in time order, inside SH; the feed free()s them), none perhaps. 0, or
 * an exit status after printing why. */
typedef int (*feed_oncall_fn)(void *arg, const struct shift *sh, bool *windows,
			      struct time_span **v, size_t *n);

/* The [feed] settings and the time of the build. */
struct feed_settings {
	int64_t now;                /* cancelled shifts ended by now are left out */
	int alarm_minutes;          /* VALARM this long before the handoff; 0: none */
	int refresh_minutes;        /* REFRESH-INTERVAL and X-PUBLISHED-TTL */
	int history_weeks;          /* past shifts kept: those ending after now - this */
	feed_oncall_fn oncall;      /* NULL: every holder on call throughout */
	void *oncall_arg;
	/* The zone of a time told to everyone, not to one person or of one
	 * rotation (when publish's index was written), and its name: the
	 * service's display zone (report_zone(), reports/month.h); UTC as
	 * loaded. */
	const struct tz_zone *zone;
	const char *zone_name;
};

/* Reads [feed] alarm_minutes, refresh_minutes and history_weeks (defaults
 * 30, 60, 8), with no oncall function and times told to everyone in UTC. 0, or EX_CONFIG after printing
 * which key is wrong. */
int feed_settings_load(const struct config *cfg, int64_t now, struct feed_settings *out);

/* The first instant a feed shows: now - history_weeks. */
int64_t feed_window_start(const struct feed_settings *fs);

/* Where a VTIMEZONE for events from T on is cut: 00:00 UTC on 1 January
 * of T's year. A boundary that moves once a year, so that the zones, and
 * the feeds of an unchanged schedule, keep the same bytes from one build
 * to the next. */
int64_t feed_zone_cut(int64_t t);

/* Feed order: by start, the primary tier before the escalation tier, then
 * by rotation name (the store's order). A qsort() comparison of shifts. */
int feed_order(const void *a, const void *b);

/* The events of personal feeds: copies of the N shifts V and of the NREL
 * releases REL (store_feed_releases()) in one array of N + NREL, grouped
 * by person, each group in feed order. The caller free()s it. */
struct shift *feed_personal(const struct shift *v, size_t n, const struct shift *rel,
			    size_t nrel);

/* Frees the VTIMEZONEs feed_add_zone() keeps for the next calendars. */
void feed_cleanup(void);

/* A new, empty VCALENDAR named NAME: VERSION, PRODID, METHOD:PUBLISH,
 * X-WR-CALNAME and NAME, REFRESH-INTERVAL;VALUE=DURATION and
 * X-PUBLISHED-TTL. The caller frees it with icalcomponent_free(). */
icalcomponent *feed_calendar_new(const char *name, const struct feed_settings *fs);

/* Adds the VTIMEZONE of the zone named TZNAME (an IANA name, as in
 * shift.tz) unless CAL has it already; nothing for UTC. Its TZID is the
 * plain IANA name ("Europe/Dublin"), the one feed_add_shift() writes.
 * FROM (UTC seconds; 0: the zone's whole history) is the earliest instant
 * the calendar's events use: the zone's rules are cut to those in force
 * from then on (kept for other calendars with the same zone and FROM
 * until feed_cleanup()). A zone written in the IANA data with negative
 * daylight saving (Europe/Dublin) is written in the conventional form:
 * the lower offset STANDARD, the higher DAYLIGHT. 0, or -1 when the zone
 * is unknown. */
int feed_add_zone(icalcomponent *cal, const char *tzname, int64_t from);

/* Adds the VEVENT of SH: UID, SEQUENCE, DTSTAMP and LAST-MODIFIED (both
 * sh->updated: the event does not depend on the clock), DTSTART/DTEND with
 * TZID=sh->tz (UTC times for UTC), SUMMARY "On call: ROTATION — HANDLE",
 * DESCRIPTION naming ESCALATION (the managers' tier on call then; NULL or
 * "" when none) and how to swap, TRANSP:TRANSPARENT, CATEGORIES, and
 * either a VALARM fs->alarm_minutes before the start or, for a cancelled
 * shift or a release, STATUS:CANCELLED. Returns the event (owned by CAL). */
icalcomponent *feed_add_shift(icalcomponent *cal, const struct shift *sh,
			      const char *escalation, const struct feed_settings *fs);

/* The UID of the on-call window of SH that starts at FROM: its week's
 * (shift_part_uid_make of its rotation, term, slot and FROM) marked as a
 * window, "shift-HASH-SLOT-20270322T180000Z-oncall@rota". Writes at most
 * LEN bytes into BUF. */
void feed_window_uid(const struct shift *sh, int64_t from, char *buf, size_t len);

/* The start of the on-call window whose UID is UID (feed_window_uid's),
 * into *START: 0, or -1 when UID is not a window's. */
int feed_window_uid_start(const char *uid, int64_t *start);

/* Adds the VEVENT of the on-call window W of SH: as feed_add_shift()
 * does for SH cut to W, with the window's UID, a description that says
 * the holder is on call out of hours, and an alarm only when FIRST (the
 * first window of SH). Returns the event (owned by CAL). */
icalcomponent *feed_add_window(icalcomponent *cal, const struct shift *sh,
			       struct time_span w, bool first, const char *escalation,
			       const struct feed_settings *fs);

/* The escalation people for SH: the handles of the shifts in ESC (the
 * escalation tier's shifts, sorted by start, not cancelled) that overlap
 * SH, in time order without repeats, joined by ", then ". Empty when
 * none, or when SH is itself an escalation shift. Writes at most LEN
 * bytes into BUF and returns BUF. */
const char *feed_escalation(const struct shift *esc, size_t nesc,
			    const struct shift *sh, char *buf, size_t len);

/* The calendar as text (CRLF, folded lines), malloc'd: free() it. */
char *feed_to_string(icalcomponent *cal);

/* A whole feed: the calendar NAME with the events of the N shifts V
 * (sorted by start; those a feed no longer shows are skipped), each
 * shift one event or, when fs->oncall says so, one per on-call window,
 * and the escalation names from ESC/NESC. A cancelled window whose UID
 * the feed also has from a shift held (a part merged into another) is
 * left out. *OUT gets the malloc'd text and *COUNT (may be NULL) the
 * number of events. 0, or an exit status after printing why (EX_DATAERR:
 * a shift's zone is unknown). */
int feed_build(const char *name, const struct shift *v, size_t n,
	       const struct shift *esc, size_t nesc,
	       const struct feed_settings *fs, char **out, size_t *count);

/* Whether a feed built at fs->now shows SH: it ends after the history
 * window began and, if cancelled, it has not ended yet. */
int feed_shows(const struct shift *sh, const struct feed_settings *fs);

#endif
