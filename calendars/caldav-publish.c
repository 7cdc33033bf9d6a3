/* rota publish --caldav: the events of the schedule, built one shift at a
 * time by calendars/feed.c, put into a CalDAV collection. */
#include "config.h"

#include <libical/ical.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendars/caldav.h"
#include "calendars/feed.h"
#include "common/err.h"
#include "common/xalloc.h"

/* One VCALENDAR holding the VTIMEZONE and VEVENT of SH (a part of a
 * week or all of it: a part is an event of its own), or of its on-call
 * window W when W is not NULL. A calendar object resource must not carry
 * METHOD (RFC 4791, 4.1): it is removed. */
static int
shift_ics(const struct shift *sh, const struct time_span *w, bool first,
	  const struct shift *esc, size_t nesc, const struct feed_settings *fs, char **out)
{
	icalcomponent *cal = feed_calendar_new("rota", fs);
	icalproperty *method;
	char who[512];

	if ((method = icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY)) != NULL) {
		icalcomponent_remove_property(cal, method);
		icalproperty_free(method);
	}
	/* Cut where the feeds cut (feed_zone_cut): the resource's bytes do
	 * not change from one publish to the next, and the zone is cut once
	 * for all the shifts of a year. */
	if (feed_add_zone(cal, sh->tz, feed_zone_cut(sh->start)) != 0) {
		icalcomponent_free(cal);
		return rota_fail(EX_DATAERR, "rotation %s: unknown time zone '%s'",
				 sh->rotation, sh->tz);
	}
	if (w == NULL) {
		feed_add_shift(cal, sh, feed_escalation(esc, nesc, sh, who, sizeof who), fs);
	} else {
		struct shift cut = *sh;

		cut.start = w->from;
		cut.end = w->to;
		feed_add_window(cal, sh, *w, first, feed_escalation(esc, nesc, &cut, who, sizeof who),
				fs);
	}
	*out = feed_to_string(cal);
	icalcomponent_free(cal);
	return 0;
}

struct items {
	struct caldav_item *v;
	size_t n, cap;
};

static void
items_free(struct items *it)
{
	for (size_t i = 0; i < it->n; i++) {
		free((char *)it->v[i].uid);
		free((char *)it->v[i].ics);
		free((char *)it->v[i].digest);
	}
	free(it->v);
}

/* Adds the resource of SH, or of its window W (NULL: the whole shift). */
static int
add_item(struct items *it, const struct shift *sh, const struct time_span *w, bool first,
	 const struct shift *esc, size_t nesc, const struct feed_settings *fs)
{
	char uid[UID_MAX], *ics = NULL;
	int r;

	if ((r = shift_ics(sh, w, first, esc, nesc, fs, &ics)) != 0)
		return r;
	if (w != NULL)
		feed_window_uid(sh, w->from, uid, sizeof uid);
	else
		snprintf(uid, sizeof uid, "%s", sh->uid);
	if (it->n == it->cap) {
		it->cap = it->cap ? 2 * it->cap : 16;
		it->v = xreallocarray(it->v, it->cap, sizeof *it->v);
	}
	it->v[it->n++] = (struct caldav_item){ .uid = xstrdup(uid), .sequence = sh->sequence,
		.ics = ics, .digest = caldav_event_digest(ics) };
	return 0;
}

/* The resources of SH: one, or one per on-call window a feed shows. */
static int
shift_items(struct items *it, const struct shift *sh, const struct shift *esc, size_t nesc,
	    const struct feed_settings *fs)
{
	struct time_span *w = NULL;
	size_t nw = 0;
	bool windows = false;
	int r = 0;

	if (fs->oncall != NULL && (r = fs->oncall(fs->oncall_arg, sh, &windows, &w, &nw)) != 0) {
		free(w);
		return r;
	}
	if (!windows)
		r = add_item(it, sh, NULL, false, esc, nesc, fs);
	for (size_t k = 0; windows && k < nw && r == 0; k++)
		if (w[k].to > feed_window_start(fs))
			r = add_item(it, sh, &w[k], k == 0, esc, nesc, fs);
	free(w);
	return r;
}

int
caldav_publish(struct store *s, const struct config *cfg, const char *url,
	       const struct feed_settings *fs, struct caldav_summary *sum)
{
	struct caldav_options o = { .url = url, .timeout = 30 };
	struct shift *v = NULL, *esc = NULL;
	struct items items = { NULL, 0, 0 };
	struct caldav *c = NULL;
	char *user = NULL, *pass = NULL;
	size_t n = 0, nesc = 0;
	long timeout;
	int r;

	memset(sum, 0, sizeof *sum);
	if ((r = config_get_int(cfg, "caldav", NULL, "timeout", 30, 1, 3600, &timeout)) != 0 ||
	    (r = http_retry_load(cfg, NULL, &o.retry)) != 0 ||
	    (r = caldav_credentials(cfg, &user, &pass)) != 0)
		return r;
	o.username = user;
	o.password = pass;
	o.timeout = timeout;
	r = caldav_open(&o, &c);
	caldav_credentials_free(user, pass);
	if (r != 0)
		return r;
	if ((r = store_feed_shifts(s, 0, 0, feed_window_start(fs), fs->now, &v, &n)) != 0 ||
	    (r = store_feed_escalations(s, feed_window_start(fs), &esc, &nesc)) != 0)
		goto out;
	/* Cancelled: no event (caldav_plan deletes what was put). */
	for (size_t i = 0; i < n && r == 0; i++)
		if (!v[i].cancelled && feed_shows(&v[i], fs))
			r = shift_items(&items, &v[i], esc, nesc, fs);
	if (r == 0)
		r = caldav_sync(c, s, items.v, items.n, feed_window_start(fs), sum);
out:
	items_free(&items);
	free(v);
	free(esc);
	caldav_close(c);
	return r;
}
