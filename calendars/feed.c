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

static void
describe(const struct shift *sh, const char *escalation, char *buf, size_t len)
{
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
					"tier, %s) this week.\n", sh->handle, sh->rotation);
	else if (escalation != NULL && escalation[0] != '\0')
		used = (size_t)snprintf(buf, len, "%s is primary on call (%s).\n"
					"Escalation (managers' tier): %s.\n", sh->handle,
					sh->rotation, escalation);
	else
		used = (size_t)snprintf(buf, len, "%s is primary on call (%s).\n"
					"Escalation (managers' tier): nobody is scheduled.\n",
					sh->handle, sh->rotation);
	if (used < len)
		snprintf(buf + used, len - used,
			 "To hand this shift to someone else: rota swap request %lld "
			 "[--with HANDLE]; rota swap suggest %lld lists who could take it.",
			 (long long)sh->id, (long long)sh->id);
}

icalcomponent *
feed_add_shift(icalcomponent *cal, const struct shift *sh, const char *escalation,
	       const struct feed_settings *fs)
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
	describe(sh, escalation, text, sizeof text);
	icalcomponent_add_property(ev, icalproperty_new_description(text));
	icalcomponent_add_property(ev, icalproperty_new_categories("On call"));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	if (sh->cancelled) {
		icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
	} else {
		icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
		if (fs->alarm_minutes > 0) {
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

char *
feed_to_string(icalcomponent *cal)
{
	return icalcomponent_as_ical_string_r(cal);
}

int
feed_build(const char *name, const struct shift *v, size_t n,
	   const struct shift *esc, size_t nesc,
	   const struct feed_settings *fs, char **out, size_t *count)
{
	icalcomponent *cal = feed_calendar_new(name, fs);
	const char *zones[16];
	size_t nzones = 0, events = 0;
	/* The zones' rules from before the first event a feed may show, cut
	 * at a boundary that moves once a year, not with fs->now. */
	int64_t first = feed_zone_cut(feed_window_start(fs) - LONGEST_SHIFT);
	char names[512];

	*out = NULL;
	/* The VTIMEZONEs come first: some clients read in one pass. */
	for (size_t i = 0; i < n; i++) {
		size_t k;

		if (!feed_shows(&v[i], fs))
			continue;
		for (k = 0; k < nzones && strcmp(zones[k], v[i].tz) != 0; k++)
			;
		if (k < nzones)
			continue;
		if (feed_add_zone(cal, v[i].tz, first) != 0) {
			icalcomponent_free(cal);
			return rota_fail(EX_DATAERR, "rotation %s: unknown time zone '%s'",
					 v[i].rotation, v[i].tz), -1;
		}
		if (nzones < sizeof zones / sizeof zones[0])
			zones[nzones++] = v[i].tz;
	}
	for (size_t i = 0; i < n; i++) {
		if (!feed_shows(&v[i], fs))
			continue;
		feed_escalation(esc, nesc, &v[i], names, sizeof names);
		feed_add_shift(cal, &v[i], names, fs);
		events++;
	}
	*out = feed_to_string(cal);
	icalcomponent_free(cal);
	if (count != NULL)
		*count = events;
	return 0;
}
