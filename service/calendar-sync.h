/* The one calendar sync that `leave import` and `holiday import` share:
 * read a calendar from a file or a URL (with the HTTP validators of the
 * last import), read its events inside the import window, and bring the
 * rows imported earlier from the same source up to date, in one
 * transaction with the validators and an audit event.
 *
 * The calendar is read before the transaction opens (a slow server never
 * holds the database's write lock). Rows are keyed by source, UID,
 * recurrence id and (holidays) day: importing the same calendar again
 * doubles nothing, changes the rows whose times or text changed, removes
 * those gone from the calendar (rows wholly outside the window are kept:
 * history), and never touches rows added by hand or from other sources.
 * Conventions of service/service.h: 0 or an exit status after handing
 * the message to the sink. */
#ifndef ROTA_SERVICE_CALENDAR_SYNC_H
#define ROTA_SERVICE_CALENDAR_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calendars/fetch.h"
#include "calendars/import.h"
#include "common/tz.h"
#include "service/service.h"
#include "store/import.h"

/* FILE|URL arguments longer than this are refused (EX_USAGE). */
#define SYNC_SOURCE_MAX 2048

struct import_source {
	const char *arg;                /* FILE or URL as given: names it in messages */
	char *source;                   /* kept in the rows: the URL, or the file's absolute path */
	char *cache_key;                /* URL#FOR: the validators' row; NULL for a file */
	bool is_url;
	struct fetch_result fetched;    /* fetched.not_modified: a 304, nothing done */
};

struct import_counts {
	size_t added, updated, removed, unchanged;
};

/* What a sync did; free with sync_result_free whatever the status. */
struct sync_result {
	struct import_source src;
	struct ics_result ics;          /* the calendar's events; empty after a 304 */
	struct import_counts counts;
	bool synced;                    /* the rows are up to date (committed, or a 304) */
};

void sync_result_free(struct sync_result *r);

/* Where the rows of one owner (a person's leave, an office's holidays)
 * live in the store: the operations the merge applies. */
struct sync_target {
	const char *action;             /* the audit event: "leave.import" */
	const char *object;             /* and its object: the handle, the office */
	int64_t owner;                  /* the person's or office's id */
	const char *kind;               /* "leave": the validators' row is URL#rota-leave-OWNER */
	const struct tz_zone *zone;     /* all-day events and floating times */
	bool skip_transparent;          /* free time (TRANSP:TRANSPARENT) is no row */
	/* The rows imported earlier from SOURCE, sorted by sync_row_cmp. */
	int (*stored)(struct store *db, int64_t owner, const char *source,
		      struct imported_row **v, size_t *n);
	/* The rows the calendar's events make inside [FROM, TO) (any order;
	 * the merge sorts them). A malloc'd array. */
	struct imported_row *(*rows_of)(const struct ics_result *res,
					const struct tz_zone *zone, int64_t from,
					int64_t to, size_t *n);
	int (*add)(struct store *db, int64_t owner, const char *source,
		   struct imported_row *row, int64_t now);
	int (*update)(struct store *db, const struct imported_row *row);
	int (*remove)(struct store *db, int64_t id);
};

/* Reads ARG and syncs T's rows with it. 0 with *out filled, or an exit
 * status (fetch.h's; EX_USAGE for an argument too long; EX_DATAERR for a
 * malformed calendar, with FILE:LINE) having changed nothing. Validators
 * older than HTTP_CACHE_MAX_AGE are not sent: a calendar that never
 * changes is still read again now and then, so that its repeating events
 * follow the import window as it moves on. */
int calendar_sync(const struct svc *s, const char *arg, const struct sync_target *t,
		  struct sync_result *out);

/* Order of rows: uid, recurrence id, day. */
int sync_row_cmp(const struct imported_row *a, const struct imported_row *b);

#endif
