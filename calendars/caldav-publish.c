/* rota publish --caldav: the events of the schedule, built one shift at a
 * time by calendars/feed.c, put into a CalDAV collection. */
#include "config.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "calendars/caldav.h"
#include "calendars/feed.h"
#include "common/err.h"
#include "common/xalloc.h"

/* One VCALENDAR holding the VTIMEZONE and VEVENT of SH (a part of a
 * week or all of it: a part is an event of its own). A calendar
 * object resource must not carry METHOD (RFC 4791, 4.1): it is removed. */
static int
shift_ics(const struct shift *sh, const struct shift *esc, size_t nesc,
	  const struct feed_settings *fs, char **out)
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
	feed_add_shift(cal, sh, feed_escalation(esc, nesc, sh, who, sizeof who), fs);
	*out = feed_to_string(cal);
	icalcomponent_free(cal);
	return 0;
}

int
caldav_publish(struct store *s, const struct config *cfg, const char *url,
	       int64_t now, struct caldav_summary *sum)
{
	struct caldav_options o = { .url = url, .timeout = 30 };
	struct feed_settings fs;
	struct shift *v = NULL, *esc = NULL;
	struct caldav_item *items = NULL;
	struct caldav *c = NULL;
	char *user = NULL, *pass = NULL;
	size_t n = 0, nesc = 0, nitems = 0;
	long timeout;
	int r;

	memset(sum, 0, sizeof *sum);
	if ((r = feed_settings_load(cfg, now, &fs)) != 0 ||
	    (r = config_get_int(cfg, "caldav", NULL, "timeout", 30, 1, 3600, &timeout)) != 0 ||
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
	if ((r = store_feed_shifts(s, 0, 0, feed_window_start(&fs), now, &v, &n)) != 0 ||
	    (r = store_feed_escalations(s, feed_window_start(&fs), &esc, &nesc)) != 0)
		goto out;
	items = xcalloc(n + 1, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		char *ics = NULL;

		/* Cancelled: no event (caldav_plan deletes what was put). */
		if (v[i].cancelled || !feed_shows(&v[i], &fs))
			continue;
		if ((r = shift_ics(&v[i], esc, nesc, &fs, &ics)) != 0)
			goto out;
		items[nitems].uid = v[i].uid;
		items[nitems].sequence = v[i].sequence;
		items[nitems].ics = ics;
		items[nitems].digest = caldav_event_digest(ics);
		nitems++;
	}
	r = caldav_sync(c, s, items, nitems, sum);
out:
	for (size_t i = 0; i < nitems; i++) {
		free((char *)items[i].ics);
		free((char *)items[i].digest);
	}
	free(items);
	free(v);
	free(esc);
	caldav_close(c);
	return r;
}
