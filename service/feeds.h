/* Calendar feeds: one feed exported, the address of a personal feed, a new one when it
 * leaked, and publishing every feed to a folder or a CalDAV collection
 * (calendars/ does the writing). See service/service.h for the
 * conventions. */
#ifndef ROTA_SERVICE_FEEDS_H
#define ROTA_SERVICE_FEEDS_H

#include <stddef.h>

#include "calendars/caldav.h"
#include "calendars/publish.h"
#include "service/service.h"

/* One feed as iCalendar text: HANDLE's shifts across every rotation, or
 * with HANDLE NULL everyone's in ROTATION. Anyone may export a
 * rotation's feed, as anyone may read the schedule (rota schedule show);
 * a personal feed is its person's or a manager's (service/privacy.h), as
 * its published copy is secret (below). *TEXT (free it) and *EVENTS get
 * the feed and its number of events. */
int feed_export(const struct svc *s, const char *handle, const char *rotation,
		char **text, size_t *events);

/* A personal feed's address; URL is "" when [feed] base_url is unset. */
struct feed_address {
	struct person person;
	char url[4096];
};

/* The subscription address of HANDLE's feed (NULL: the actor's; anyone
 * else's: managers), its secret token made on first use so that it can be
 * handed out before the next publish. EX_CONFIG when base_url is unset. */
int feed_address(const struct svc *s, const char *handle, struct feed_address *out);

/* Gives HANDLE's feed (as above) a new secret token, and so a new address:
 * the old one stops working at the next publish. Audited without the
 * token. */
int feed_rotate_token(const struct svc *s, const char *handle, struct feed_address *out);

/* Writes every feed and the index into DIR (managers: the personal feeds
 * are named by their secret tokens). PROGRESS (may be NULL) is called
 * after each file. */
int feed_publish_dir(const struct svc *s, const char *dir, publish_progress progress,
		     void *arg, struct publish_stats *out);

/* Puts the schedule into the CalDAV collection URL (managers). */
int feed_publish_caldav(const struct svc *s, const char *url, struct caldav_summary *out);

#endif
