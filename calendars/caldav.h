/* Publishing to a CalDAV collection (RFC 4791): one event resource per
 * shift, named UID.ics, put with If-None-Match: * when new and If-Match:
 * ETAG when changed, deleted when its shift is cancelled or gone; listed
 * with a REPORT calendar-query whose multistatus answer is read with
 * libxml2 by namespace (DAV: and urn:ietf:params:xml:ns:caldav), never by
 * prefix. HTTP with libcurl, TLS certificates always verified.
 *
 * What the server confirmed is recorded in the store (caldav_events): a
 * shift whose UID and SEQUENCE are recorded, and whose ETag the server
 * still lists, is not put again. HTTP goes through http/http.h: its
 * retry policy (429, and 503 with Retry-After, asked again), and its
 * messages and exit statuses for failures (69: refused, unknown host,
 * credentials refused, collection missing, TLS; 75: 5xx, 429, timeout);
 * the caller then rolls the store back, so nothing half-done is recorded. */
#ifndef ROTA_CALDAV_H
#define ROTA_CALDAV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calendars/feed.h"
#include "common/config.h"
#include "http/http.h"
#include "store/store.h"

/* Credentials from the configuration: [caldav] username, and the password
 * from $ROTA_CALDAV_PASSWORD, else from the file [caldav] password_file
 * (first line; mode 0600 or stricter, a relative path is taken from the
 * configuration file's folder). No username: no authentication. Returns 0
 * or EX_CONFIG after printing why (never the password). The caller frees
 * both with caldav_credentials_free() (the password is wiped). */
int caldav_credentials(const struct config *cfg, char **username, char **password);
void caldav_credentials_free(char *username, char *password);

struct caldav_options {
	const char *url;              /* the collection, http:// or https:// */
	const char *username;         /* NULL: no authentication */
	const char *password;
	long timeout;                 /* seconds for each request */
	struct http_retry retry;      /* 429 and 503 asked again (http.h) */
};

/* A connection to one collection. */
struct caldav;

/* Checks the URL (EX_USAGE for another scheme or credentials in it) and
 * prepares the connection; nothing is sent yet. */
int caldav_open(const struct caldav_options *o, struct caldav **out);
void caldav_close(struct caldav *c);
/* The collection's URL, ending in '/'; the key of its rows in the store. */
const char *caldav_url(const struct caldav *c);

/* One resource of a collection, as a multistatus answer lists it. */
struct caldav_resource {
	char *href;                   /* as listed (percent-encoded path or URL) */
	char *etag;                   /* "" when not given */
	char *uid;                    /* the event's UID; else from the href's
					 * last segment less ".ics"; "" if neither */
	char *digest;                 /* caldav_event_digest() of its calendar
					 * data; NULL when not listed */
};
void caldav_resources_free(struct caldav_resource *v, size_t n);

/* Reads a 207 multistatus body: the resources of every response that is
 * not an error, skipping collections (hrefs ending in '/'). Elements are
 * matched by namespace and local name. 0, or -1 for a body that is not a
 * DAV: multistatus (nothing allocated). */
int caldav_parse_multistatus(const char *xml, size_t len,
			     struct caldav_resource **v, size_t *n);

/* Lists the collection's events (REPORT calendar-query, Depth: 1). */
int caldav_list(struct caldav *c, struct caldav_resource **v, size_t *n);

/* What should be in the collection: one event per shift. */
struct caldav_item {
	const char *uid;
	int sequence;
	const char *ics;              /* a VCALENDAR with this one VEVENT */
	const char *digest;           /* caldav_event_digest(ics); NULL: not compared */
};

/* What a person sees of the first VEVENT of ICS: its start and end
 * instants, SUMMARY and DESCRIPTION, as one malloc'd string; NULL when
 * ICS has no event. An event whose SEQUENCE is unchanged but whose text
 * differs (a new escalation person in its description) is put again. */
char *caldav_event_digest(const char *ics);

/* Whether a UID found on the server names a shift of the database. */
enum caldav_shift {
	CALDAV_SHIFT_NONE,            /* no shift has it */
	CALDAV_SHIFT_ACTIVE,          /* a shift outside the published window: kept */
	CALDAV_SHIFT_CANCELLED,       /* a cancelled shift: its event is deleted */
};
typedef enum caldav_shift (*caldav_classify_fn)(void *arg, const char *uid);

enum caldav_op {
	CALDAV_UNCHANGED,             /* recorded with the same SEQUENCE and ETag,
					 * listed with the same digest */
	CALDAV_CREATE,                /* PUT, If-None-Match: * */
	CALDAV_UPDATE,                /* PUT, If-Match: the listed ETag */
	CALDAV_DELETE,                /* DELETE, If-Match: the listed ETag */
	CALDAV_FORGET,                /* a recorded event the server no longer has */
};

struct caldav_action {
	enum caldav_op op;
	size_t item;                  /* index in the items (UNCHANGED, CREATE, UPDATE) */
	const char *uid;
	const char *href;             /* listed href (UNCHANGED, UPDATE, DELETE); NULL for CREATE */
	const char *etag;             /* listed ETag, "" when none */
};

/* The plan of a publish, pure logic: ITEMS against what the server lists
 * (SERVER) and what the store recorded (STATE, sorted by uid). A listed
 * event whose UID is no item is deleted when its shift is cancelled, or
 * when no shift has it and rota recorded it; events of shifts outside the
 * window are kept, and events rota never put (another client's) are left
 * alone. A second listed resource with an item's UID is deleted. The
 * actions point into the arguments; the caller frees *v. Creates and
 * updates come in item order, then deletes, then forgets. */
void caldav_plan(const struct caldav_item *items, size_t n_items,
		 const struct caldav_resource *server, size_t n_server,
		 const struct caldav_event *state, size_t n_state,
		 caldav_classify_fn classify, void *arg,
		 struct caldav_action **v, size_t *n);

struct caldav_summary {
	size_t put, updated, deleted, unchanged;
	size_t conflicts;             /* 412s resolved by re-reading */
};

/* The whole of `rota publish --caldav URL` at fs->now: the events of
 * every rotation's shifts that a feed built with FS shows ([feed]
 * history_weeks back, all the future; a shift of an out-of-hours
 * rotation an event per on-call window; cancelled shifts are deleted,
 * not published as CANCELLED), with the credentials and timeout of
 * [caldav] in CFG. 0, or an exit status after printing why. */
int caldav_publish(struct store *s, const struct config *cfg, const char *url,
		   const struct feed_settings *fs, struct caldav_summary *sum);

/* Publishes ITEMS to the collection: lists it, plans, sends, and records
 * in S what the server confirmed. FROM is the first instant ITEMS cover
 * (the feeds' history window): an event rota put for a shift, or for an
 * on-call window that began before FROM, that ITEMS no longer hold stays
 * on the server. 0, or an exit status after printing. */
int caldav_sync(struct caldav *c, struct store *s,
		const struct caldav_item *items, size_t n_items, int64_t from,
		struct caldav_summary *sum);

#endif
