/* What `rota leave import` and `rota holiday import` share: reading the
 * calendar from a file or a URL (with the HTTP validators of the last
 * import), the import window, and the summary they print.
 *
 * Both commands fetch before they open their transaction (a slow server
 * never holds the database's write lock), then compare the calendar with
 * the rows imported earlier from the same source and apply the
 * difference, the validators and an audit event in one transaction. */
#ifndef ROTA_CLI_CALENDAR_IMPORT_H
#define ROTA_CLI_CALENDAR_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "calendars/fetch.h"
#include "calendars/import.h"
#include "cli/cmd.h"

struct import_source {
	const char *arg;                /* FILE or URL as given: names it in messages */
	char *source;                   /* kept in the rows: the URL, or the file's absolute path */
	char *cache_key;                /* URL#FOR: the validators' row; NULL for a file */
	bool is_url;
	struct fetch_result fetched;
};

/* Reads ARG (a file, or an http(s) URL fetched with the validators kept
 * for URL#FOR, FOR naming what it is imported for, "rota-leave-3"). 0,
 * or an exit status after printing (see fetch.h; 66 for a missing file).
 * Validators older than HTTP_CACHE_MAX_AGE are not sent: a calendar that
 * never changes is still read again now and then, so that its repeating
 * events follow the import window as it moves on. */
int import_read(struct ctx *ctx, const char *arg, const char *for_what,
		struct import_source *src);

/* Inside the transaction, once the import is applied: keeps the answer's
 * validators (or forgets them when it had none). No-op for a file. */
int import_remember(struct ctx *ctx, const struct import_source *src);

void import_source_free(struct import_source *src);

/* The import window [*from, *to) around ctx->now (ICS_PAST_DAYS before,
 * ICS_FUTURE_DAYS after). */
void import_window(const struct ctx *ctx, int64_t *from, int64_t *to);

struct import_counts {
	size_t added, updated, removed, unchanged;
};

/* Prints the outcome: "SOURCE: WHAT: added N, updated N, removed N,
 * unchanged N" (text), or a JSON object with the same facts; KEY/VALUE
 * name the person or office. When NOT_MODIFIED, says that the server
 * answered 304 and nothing was done. */
void import_print(const struct import_source *src, const char *key, const char *value,
		  const char *what, const struct import_counts *c,
		  const struct ics_result *res);

/* The audit event of an import (only when something changed). */
int import_audit(struct ctx *ctx, const char *action, const char *object,
		 const struct import_source *src, const struct import_counts *c);

#endif
