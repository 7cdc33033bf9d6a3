/* iCalendar feeds: see feed.h. */
#include <config.h>  /* autoconf's, not common/config.h */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendars/feed.h"
#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz-ical.h"
#include "common/tz.h"
#include "common/xalloc.h"

#define WEEK (7 * 86400)
/* No shift is longer than 28 days and a DST hour (rotations.shift_days). */
#define LONGEST_SHIFT (29 * 86400)

int
feed_settings_load(const struct config *cfg, int64_t now, struct feed_settings *out)
{
	long alarm, refresh, history;
	int r;

	if ((r = config_get_int(cfg, "feed", NULL, "alarm_minutes", 30, 0, 7 * 24 * 60, &alarm)) != 0 ||
	    (r = config_get_int(cfg, "feed", NULL, "refresh_minutes", 60, 1, 7 * 24 * 60, &refresh)) != 0 ||
	    (r = config_get_int(cfg, "feed", NULL, "history_weeks", 8, 0, 520, &history)) != 0)
		return r;
	out->now = now;
	out->alarm_minutes = (int)alarm;
	out->refresh_minutes = (int)refresh;
	out->history_weeks = (int)history;
	out->oncall = NULL;
	out->oncall_arg = NULL;
	out->zone = tz_utc();
	out->zone_name = "UTC";
	return 0;
}

int64_t
feed_window_start(const struct feed_settings *fs)
{
	return fs->now - (int64_t)fs->history_weeks * WEEK;
}

int
feed_shows(const struct shift *sh, const struct feed_settings *fs)
{
	if (sh->end <= feed_window_start(fs))
		return 0;
	return !sh->cancelled || sh->end > fs->now;
}

int64_t
feed_zone_cut(int64_t t)
{
	int64_t days = t / 86400 - (t % 86400 < 0);
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	return days_from_civil(y, 1, 1) * 86400;
}

int
feed_order(const void *a, const void *b)
{
	const struct shift *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->tier != y->tier)
		return x->tier < y->tier ? -1 : 1;
	return strcmp(x->rotation, y->rotation);
}

static int
by_person(const void *a, const void *b)
{
	const struct shift *x = a, *y = b;

	if (x->person_id != y->person_id)
		return x->person_id < y->person_id ? -1 : 1;
	return feed_order(a, b);
}

struct shift *
feed_personal(const struct shift *v, size_t n, const struct shift *rel, size_t nrel)
{
	struct shift *out = xcalloc(n + nrel ? n + nrel : 1, sizeof *out);

	if (n > 0)              /* V and REL may be NULL when empty */
		memcpy(out, v, n * sizeof *v);
	if (nrel > 0)
		memcpy(out + n, rel, nrel * sizeof *rel);
	qsort(out, n + nrel, sizeof *out, by_person);
	return out;
}

static struct icaldurationtype
minutes(int m)
{
	struct icaldurationtype d = icaldurationtype_null_duration();

	/* Whole days and hours read best in clients that show the value. */
	if (m % (24 * 60) == 0)
		d.days = (unsigned)(m / (24 * 60));
	else if (m % 60 == 0)
		d.hours = (unsigned)(m / 60);
	else
		d.minutes = (unsigned)m;
	return d;
}

static icalproperty *
x_property(const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);

	icalproperty_set_x_name(p, name);
	return p;
}

icalcomponent *
feed_calendar_new(const char *name, const struct feed_settings *fs)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	struct icaldurationtype refresh = minutes(fs->refresh_minutes);
	icalproperty *p;
	char *ttl;

	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid(FEED_PRODID));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	/* NAME and REFRESH-INTERVAL are RFC 7986's; X-WR-CALNAME and
	 * X-PUBLISHED-TTL are what Apple, Google and Outlook read. */
	icalcomponent_add_property(cal, x_property("X-WR-CALNAME", name));
	icalcomponent_add_property(cal, icalproperty_new_name(name));
	p = icalproperty_new_refreshinterval(refresh);
	icalproperty_add_parameter(p, icalparameter_new_value(ICAL_VALUE_DURATION));
	icalcomponent_add_property(cal, p);
	ttl = icaldurationtype_as_ical_string_r(refresh);
	icalcomponent_add_property(cal, x_property("X-PUBLISHED-TTL", ttl));
	free(ttl);
	return cal;
}

static int
is_utc(const char *tzname)
{
	return tzname[0] == '\0' || strcmp(tzname, "UTC") == 0 || strcmp(tzname, "Etc/UTC") == 0;
}

static int
has_zone(icalcomponent *cal, const char *tzname)
{
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	     c != NULL; c = icalcomponent_get_next_component(cal, ICAL_VTIMEZONE_COMPONENT)) {
		icalproperty *p = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY);

		if (p != NULL && strcmp(icalproperty_get_tzid(p), tzname) == 0)
			return 1;
	}
	return 0;
}

/* VTIMEZONEs already cut, by zone and start: every feed of a publish
 * cuts the same few zones at the same instant, and cutting (libical
 * expands the rules through ICU) costs more than the rest of a small feed. */
#define ZONE_CACHE 16
static struct {
	char name[TZ_MAX];
	int64_t from;
	icalcomponent *vtz;
} cut[ZONE_CACHE];
static size_t n_cut, next_cut;

void
feed_cleanup(void)
{
	for (size_t i = 0; i < n_cut; i++) {
		icalcomponent_free(cut[i].vtz);
		cut[i].vtz = NULL;      /* zone_component frees a slot's old one */
	}
	n_cut = next_cut = 0;
}

/* The TZOFFSETFROM and TZOFFSETTO of observance C, in seconds. */
static void
observance_offsets(icalcomponent *c, int *from, int *to)
{
	icalproperty *p;

	p = icalcomponent_get_first_property(c, ICAL_TZOFFSETFROM_PROPERTY);
	*from = p != NULL ? icalproperty_get_tzoffsetfrom(p) : 0;
	p = icalcomponent_get_first_property(c, ICAL_TZOFFSETTO_PROPERTY);
	*to = p != NULL ? icalproperty_get_tzoffsetto(p) : 0;
}

/* Observance C (removed from its zone) as a KIND, properties in order. */
static icalcomponent *
observance_as(icalcomponent *c, icalcomponent_kind kind)
{
	icalcomponent *out;
	icalproperty *p;

	if (icalcomponent_isa(c) == kind)
		return c;
	out = icalcomponent_new(kind);
	while ((p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY)) != NULL) {
		icalcomponent_remove_property(c, p);
		icalcomponent_add_property(out, p);
	}
	icalcomponent_free(c);
	return out;
}

struct observance {
	icalcomponent *c;
	icalcomponent_kind kind;
	int from, to;                   /* TZOFFSETFROM, TZOFFSETTO (seconds) */
};

/* Whether O[I] is half of negative daylight saving: a DAYLIGHT
 * observance that turns the clock back, or the STANDARD one that turns it
 * forward again by the same step. */
static int
negative_dst(const struct observance *o, size_t n, size_t i)
{
	if (o[i].kind == ICAL_XDAYLIGHT_COMPONENT)
		return o[i].to < o[i].from;
	if (o[i].kind != ICAL_XSTANDARD_COMPONENT || o[i].to <= o[i].from)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (o[k].kind == ICAL_XDAYLIGHT_COMPONENT && o[k].from == o[i].to &&
		    o[k].to == o[i].from)
			return 1;
	return 0;
}

/* The IANA data write Ireland's time as negative daylight saving: IST
 * (+0100) is its standard time and winter's GMT (+0000) a "daylight"
 * time that turns the clock back. libical copies that, and ical4j (so
 * DAVx5) and others misread it (ical4j #493 and #264, nextcloud/calendar
 * #2631). Written in the conventional form instead: GMT is STANDARD and
 * IST DAYLIGHT. The offset at every instant stays the same; zones without
 * negative daylight saving are left as they are. */
static void
conventional_form(icalcomponent *vtz)
{
	size_t n = (size_t)icalcomponent_count_components(vtz, ICAL_ANY_COMPONENT), i;
	struct observance *o = xcalloc(n + 1, sizeof *o);
	icalcomponent *c;

	/* Taken out in order, put back below in the same order. */
	for (i = 0; i < n && (c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT)) != NULL;
	     i++) {
		icalcomponent_remove_component(vtz, c);
		o[i].c = c;
		o[i].kind = icalcomponent_isa(c);
		observance_offsets(c, &o[i].from, &o[i].to);
	}
	n = i;
	for (i = 0; i < n; i++) {
		icalcomponent_kind kind = o[i].kind;

		if (negative_dst(o, n, i))
			kind = kind == ICAL_XDAYLIGHT_COMPONENT ? ICAL_XSTANDARD_COMPONENT
								: ICAL_XDAYLIGHT_COMPONENT;
		/* Decided on the kinds as they were: changed only once all are. */
		o[i].c = observance_as(o[i].c, kind);
	}
	for (i = 0; i < n; i++)
		icalcomponent_add_component(vtz, o[i].c);
	free(o);
}

static icalcomponent *
zone_component(const char *tzname, int64_t from)
{
	icaltimezone *zone;
	icalcomponent *vtz;
	icalproperty *p;
	size_t i;

	for (i = 0; i < n_cut; i++)
		if (cut[i].from == from && strcmp(cut[i].name, tzname) == 0)
			return cut[i].vtz;
	if (strlen(tzname) >= TZ_MAX || (zone = tz_ical(tz_lookup(tzname))) == NULL ||
	    icaltimezone_get_component(zone) == NULL)
		return NULL;
	/* libical names its built-in zones "/freeassociation.sourceforge.net/
	 * Europe/Dublin"; the feed uses the IANA name, which clients also
	 * know without the VTIMEZONE. */
	vtz = icalcomponent_new_clone(icaltimezone_get_component(zone));
	if ((p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)) != NULL)
		icalproperty_set_tzid(p, tzname);
	else
		icalcomponent_add_property(vtz, icalproperty_new_tzid(tzname));
	/* A zone's whole history is hundreds of lines (Europe/Dublin: 300)
	 * that every client parses at every refresh: keep what is in force
	 * from FROM on. */
	if (from != 0)
		icaltimezone_truncate_vtimezone(vtz, icaltime_from_timet_with_zone((time_t)from, 0,
			icaltimezone_get_utc_timezone()), icaltime_null_time(), 0);
	conventional_form(vtz);
	/* Full: replace the oldest entry. */
	i = n_cut < ZONE_CACHE ? n_cut++ : next_cut++ % ZONE_CACHE;
	if (cut[i].vtz != NULL)
		icalcomponent_free(cut[i].vtz);
	snprintf(cut[i].name, sizeof cut[i].name, "%s", tzname);
	cut[i].from = from;
	cut[i].vtz = vtz;
	return vtz;
}

int
feed_add_zone(icalcomponent *cal, const char *tzname, int64_t from)
{
	icalcomponent *vtz;

	if (is_utc(tzname) || has_zone(cal, tzname))
		return 0;
	if ((vtz = zone_component(tzname, from)) == NULL)
		return -1;
	icalcomponent_add_component(cal, icalcomponent_new_clone(vtz));
	return 0;
}

/* DTSTART or DTEND at T in the shift's zone: the wall-clock time with
 * TZID=zone, or a UTC time. */
static icalproperty *
time_property(icalproperty_kind kind, int64_t t, const char *tzname)
{
	icaltimezone *utc = icaltimezone_get_utc_timezone(), *zone;
	struct icaltimetype tt = icaltime_from_timet_with_zone((time_t)t, 0, utc);
	icalproperty *p;

	zone = is_utc(tzname) ? NULL : tz_ical(tz_lookup(tzname));
	if (zone != NULL) {
		tt = icaltime_convert_to_zone(tt, zone);
		tt.zone = NULL;                 /* written as a wall-clock time ... */
	}
	p = kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart(tt)
					  : icalproperty_new_dtend(tt);
	if (zone != NULL)                       /* ... of this zone */
		icalproperty_add_parameter(p, icalparameter_new_tzid(tzname));
	return p;
}

const char *
feed_escalation(const struct shift *esc, size_t nesc, const struct shift *sh,
		char *buf, size_t len)
{
	const char *seen[8];
	size_t lo = 0, hi = nesc, nseen = 0, used = 0;

	if (len > 0)
		buf[0] = '\0';
	if (sh->tier == TIER_ESCALATION || len == 0)
		return buf;
	/* The first shift that may overlap: none starts a whole shift's
	 * length before SH and still runs. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (esc[mid].start < sh->start - LONGEST_SHIFT)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < nesc && esc[i].start < sh->end; i++) {
		const struct shift *e = &esc[i];
		size_t k;

		if (e->end <= sh->start || e->cancelled)
			continue;
		for (k = 0; k < nseen && strcmp(seen[k], e->handle) != 0; k++)
			;
		if (k < nseen)
			continue;
		if (nseen < sizeof seen / sizeof seen[0])
			seen[nseen++] = e->handle;
		used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s%s",
					 used ? ", then " : "", e->handle);
		if (used >= len)
			break;
	}
	return buf;
}

/* What an event stands for: a whole shift, or one of its on-call
 * windows (the first has the shift's alarm). */
enum event_kind { EVENT_SHIFT, EVENT_FIRST_WINDOW, EVENT_WINDOW };

static void
describe(const struct shift *sh, enum event_kind kind, const char *escalation, char *buf,
	 size_t len)
{
	const char *when = kind == EVENT_SHIFT ? "" : " out of hours: in business hours "
		"each service's own team takes its alerts";
	size_t used = 0;

	/* A cancelled part, or one released by its holder (whose own feed
	 * keeps it, cancelled): someone else may well hold it now. */
	if (sh->cancelled) {
		snprintf(buf, len, "%s no longer holds this shift of %s: it was handed "
			 "over, merged into another part or cancelled. rota schedule show "
			 "--rotation %s says who is on call then.", sh->handle, sh->rotation,
			 sh->rotation);
		return;
	}
	if (sh->tier == TIER_ESCALATION)
		used = (size_t)snprintf(buf, len, "%s is the escalation point (managers' "
					"tier, %s) %s.\n", sh->handle, sh->rotation,
					kind == EVENT_SHIFT ? "this week" : "now, out of hours");
	else if (escalation != NULL && escalation[0] != '\0')
		used = (size_t)snprintf(buf, len, "%s is primary on call (%s)%s.\n"
					"Escalation (managers' tier): %s.\n", sh->handle,
					sh->rotation, when, escalation);
	else
		used = (size_t)snprintf(buf, len, "%s is primary on call (%s)%s.\n"
					"Escalation (managers' tier): nobody is scheduled.\n",
					sh->handle, sh->rotation, when);
	if (used < len)
		snprintf(buf + used, len - used,
			 "To hand this shift to someone else: rota swap request %lld "
			 "[--with HANDLE]; rota swap suggest %lld lists who could take it.",
			 (long long)sh->id, (long long)sh->id);
}

/* The VEVENT of SH (for a window: SH cut to it, with its UID). */
static icalcomponent *
add_event(icalcomponent *cal, const struct shift *sh, enum event_kind kind,
	  const char *escalation, const struct feed_settings *fs)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	struct icaltimetype changed = icaltime_from_timet_with_zone((time_t)sh->updated, 0,
		icaltimezone_get_utc_timezone());
	char summary[HANDLE_MAX + NAME_MAX_ + 32], text[1024];

	icalcomponent_add_property(ev, icalproperty_new_uid(sh->uid));
	icalcomponent_add_property(ev, icalproperty_new_sequence(sh->sequence));
	/* DTSTAMP is when the shift last changed, not the time of the build:
	 * an event is what its row was made into then, and building it again
	 * makes the same object (RFC 5545, 3.8.7.2: with METHOD, when the
	 * object was created; without, as in a CalDAV resource, when the
	 * information was last revised in the store). So an unchanged
	 * schedule publishes the same bytes, and DTSTAMP still rises with
	 * every change for clients that order equal SEQUENCEs by it. */
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(changed));
	icalcomponent_add_property(ev, icalproperty_new_lastmodified(changed));
	icalcomponent_add_property(ev, time_property(ICAL_DTSTART_PROPERTY, sh->start, sh->tz));
	icalcomponent_add_property(ev, time_property(ICAL_DTEND_PROPERTY, sh->end, sh->tz));
	snprintf(summary, sizeof summary, "On call: %s \xe2\x80\x94 %s", sh->rotation, sh->handle);
	icalcomponent_add_property(ev, icalproperty_new_summary(summary));
	describe(sh, kind, escalation, text, sizeof text);
	icalcomponent_add_property(ev, icalproperty_new_description(text));
	icalcomponent_add_property(ev, icalproperty_new_categories("On call"));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	if (sh->cancelled) {
		icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
	} else {
		icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
		if (fs->alarm_minutes > 0 && kind != EVENT_WINDOW) {
			icalcomponent *alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
			struct icaltriggertype trig = icaltriggertype_from_int(-60 * fs->alarm_minutes);

			icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
			icalcomponent_add_property(alarm, icalproperty_new_trigger(trig));
			snprintf(text, sizeof text, "On call in %d minutes: %s \xe2\x80\x94 %s",
				 fs->alarm_minutes, sh->rotation, sh->handle);
			icalcomponent_add_property(alarm, icalproperty_new_description(text));
			icalcomponent_add_component(ev, alarm);
		}
	}
	icalcomponent_add_component(cal, ev);
	return ev;
}

icalcomponent *
feed_add_shift(icalcomponent *cal, const struct shift *sh, const char *escalation,
	       const struct feed_settings *fs)
{
	return add_event(cal, sh, EVENT_SHIFT, escalation, fs);
}

void
feed_window_uid(const struct shift *sh, int64_t from, char *buf, size_t len)
{
	char part[UID_MAX], *at;

	shift_part_uid_make(sh->rotation, sh->term, sh->slot, from, part, sizeof part);
	if ((at = strrchr(part, '@')) != NULL)
		*at = '\0';
	snprintf(buf, len, "%s-oncall@rota", part);
}

int
feed_window_uid_start(const char *uid, int64_t *start)
{
	static const char tail[] = "-oncall@rota";
	size_t n = strlen(uid), nt = sizeof tail - 1;
	int y, mo, d, h, mi, sec, end = 0;

	/* "-YYYYMMDDTHHMMSSZ" before the tail. */
	if (n < nt + 17 || strcmp(uid + n - nt, tail) != 0 || uid[n - nt - 17] != '-' ||
	    sscanf(uid + n - nt - 16, "%4d%2d%2dT%2d%2d%2dZ%n", &y, &mo, &d, &h, &mi, &sec,
		   &end) != 6 || end != 16)
		return -1;
	*start = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	return 0;
}

/* SH cut to its window W, with the window's UID. */
static struct shift
window_of(const struct shift *sh, struct time_span w)
{
	struct shift out = *sh;

	out.start = w.from;
	out.end = w.to;
	feed_window_uid(sh, w.from, out.uid, sizeof out.uid);
	return out;
}

icalcomponent *
feed_add_window(icalcomponent *cal, const struct shift *sh, struct time_span w, bool first,
		const char *escalation, const struct feed_settings *fs)
{
	struct shift win = window_of(sh, w);

	return add_event(cal, &win, first ? EVENT_FIRST_WINDOW : EVENT_WINDOW, escalation, fs);
}

char *
feed_to_string(icalcomponent *cal)
{
	return icalcomponent_as_ical_string_r(cal);
}

/* One event of a feed: a shift, or a shift cut to one of its windows. */
struct event {
	struct shift sh;
	enum event_kind kind;
};

static void
push_event(struct event **v, size_t *n, size_t *cap, const struct shift *sh,
	   enum event_kind kind)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n].sh = *sh;
	(*v)[(*n)++].kind = kind;
}

/* The events of SH that a feed built at fs->now shows: SH itself, or its
 * on-call windows. */
static int
shift_events(const struct shift *sh, const struct feed_settings *fs, struct event **v,
	     size_t *n, size_t *cap)
{
	struct time_span *w = NULL;
	size_t nw = 0;
	bool windows = false;
	int r;

	if (fs->oncall != NULL && (r = fs->oncall(fs->oncall_arg, sh, &windows, &w, &nw)) != 0) {
		free(w);
		return r;
	}
	if (!windows)
		push_event(v, n, cap, sh, EVENT_SHIFT);
	for (size_t k = 0; windows && k < nw; k++) {
		struct shift win = window_of(sh, w[k]);

		if (feed_shows(&win, fs))
			push_event(v, n, cap, &win, k == 0 ? EVENT_FIRST_WINDOW : EVENT_WINDOW);
	}
	free(w);
	return 0;
}

static int
by_uid(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Leaves out of V the cancelled windows whose UID another event has: a
 * window of a part merged into another is the merged part's again, with
 * the same UID, and a feed has one event per UID. */
static void
drop_superseded(struct event *v, size_t *n)
{
	const char **held = xcalloc(*n + 1, sizeof *held);
	size_t nheld = 0, kept = 0;

	for (size_t i = 0; i < *n; i++)
		if (!v[i].sh.cancelled)
			held[nheld++] = v[i].sh.uid;
	qsort(held, nheld, sizeof *held, by_uid);
	for (size_t i = 0; i < *n; i++) {
		const char *uid = v[i].sh.uid;
		bool drop = false;

		if (v[i].sh.cancelled && v[i].kind != EVENT_SHIFT) {
			drop = bsearch(&uid, held, nheld, sizeof *held, by_uid) != NULL;
			for (size_t k = 0; k < kept && !drop; k++)
				drop = v[k].sh.cancelled && strcmp(v[k].sh.uid, uid) == 0;
		}
		if (!drop)
			v[kept++] = v[i];
	}
	*n = kept;
	free(held);
}

/* The VTIMEZONEs of the N events V, each zone once, in order. */
static int
add_zones(icalcomponent *cal, const struct event *v, size_t n, const struct feed_settings *fs)
{
	const char *zones[16];
	size_t nzones = 0;
	/* The zones' rules from before the first event a feed may show, cut
	 * at a boundary that moves once a year, not with fs->now. */
	int64_t first = feed_zone_cut(feed_window_start(fs) - LONGEST_SHIFT);

	for (size_t i = 0; i < n; i++) {
		const struct shift *sh = &v[i].sh;
		size_t k;

		for (k = 0; k < nzones && strcmp(zones[k], sh->tz) != 0; k++)
			;
		if (k < nzones)
			continue;
		if (feed_add_zone(cal, sh->tz, first) != 0)
			return rota_fail(EX_DATAERR, "rotation %s: unknown time zone '%s'",
					 sh->rotation, sh->tz);
		if (nzones < sizeof zones / sizeof zones[0])
			zones[nzones++] = sh->tz;
	}
	return 0;
}

int
feed_build(const char *name, const struct shift *v, size_t n,
	   const struct shift *esc, size_t nesc,
	   const struct feed_settings *fs, char **out, size_t *count)
{
	icalcomponent *cal;
	struct event *ev = NULL;
	size_t nev = 0, cap = 0;
	char names[512];
	int r = 0;

	*out = NULL;
	for (size_t i = 0; i < n && r == 0; i++)
		if (feed_shows(&v[i], fs))
			r = shift_events(&v[i], fs, &ev, &nev, &cap);
	if (r != 0) {
		free(ev);
		return r;
	}
	drop_superseded(ev, &nev);
	cal = feed_calendar_new(name, fs);
	/* The VTIMEZONEs come first: some clients read in one pass. */
	if ((r = add_zones(cal, ev, nev, fs)) == 0) {
		for (size_t i = 0; i < nev; i++) {
			feed_escalation(esc, nesc, &ev[i].sh, names, sizeof names);
			add_event(cal, &ev[i].sh, ev[i].kind, names, fs);
		}
		*out = feed_to_string(cal);
		if (count != NULL)
			*count = nev;
	}
	icalcomponent_free(cal);
	free(ev);
	return r;
}
