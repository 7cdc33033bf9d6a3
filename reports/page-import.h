/* `rota page import`: pages from a CSV export of PagerDuty, Opsgenie or
 * the generic format (rota(1), "THE GENERIC PAGE FORMAT"), each given its
 * responder, rotation, escalation person and class, and stored through
 * the store's bulk insert (store_page_bulk_*: batches of a thousand, and
 * the secondary indexes rebuilt after a large file). Pulled pages go
 * through store_page_insert_many().
 *
 * A page's responder is the person the file names as having acknowledged
 * it (PagerDuty: acknowledged_by_user_names, else assigned_to_user_names;
 * Opsgenie: report.acknowledgedBy, else owner; generic: responder), matched
 * to a person by handle, then name, then email, ignoring case. Where the
 * file names nobody, it is the person on call at the page's instant (after
 * swaps and overrides) in the service's rotation: [service "NAME"]
 * rotation = R in rota.conf, else the only primary-tier rotation, else an
 * error naming the service. When that rotation covers out of hours and
 * is not on call then (one of its offices is in business hours), the page
 * is the service owners': it gets no responder and is in hours, so it is
 * in no volunteer's counts or pay (page_by_owners). An escalated page also
 * gets the person then on call in the escalation tier ([service "NAME"]
 * escalation = R, else the only escalation-tier rotation; none when there
 * is none) when they were a manager then (the flag in force at the page,
 * reports/responder.h: the tier is managers only); a holder who was not
 * gets none, and a warning names the page. */
#ifndef ROTA_PAGE_IMPORT_H
#define ROTA_PAGE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/config.h"
#include "scheduler/office-hours.h"
#include "store/store.h"

/* When a rotation covering out of hours is on call: service/oncall.h
 * knows, and this layer may not ask it, so the caller passes it down.
 * WINDOWS gives rotation ROT's on-call windows in [FROM, TO) as
 * oncall_rotation_windows does: 0 or an error status (said). */
struct oncall_hook {
	int (*windows)(void *arg, const struct rotation *rot, int64_t from, int64_t to,
		       struct time_span **v, size_t *n);
	void *arg;
};

/* Whether a page whose responder is RESPONDER_ID (0: none) was handled
 * by the service's own team in business hours: every other page has a
 * responder. */
static inline bool
page_by_owners(int64_t responder_id)
{
	return responder_id == 0;
}

enum page_format { PAGE_FORMAT_GUESS, PAGE_FORMAT_PAGERDUTY, PAGE_FORMAT_OPSGENIE,
		   PAGE_FORMAT_GENERIC };

/* "pagerduty", "opsgenie", "generic" (NULL for PAGE_FORMAT_GUESS). */
const char *page_format_name(enum page_format f);
int page_format_parse(const char *s, enum page_format *out);

struct page_import_result {
	enum page_format format;        /* the one used (guessed or given) */
	size_t pages;                   /* rows read */
	size_t imported;                /* new pages stored */
};

/* Called now and then with the bytes read and the file's size. */
typedef void (*page_import_progress)(size_t done, size_t total);

/* Reads PATH and stores its pages inside the caller's transaction. 0, or
 * after printing "rota: PATH:LINE: what is wrong" EX_DATAERR (a bad row:
 * the caller rolls back), EX_NOINPUT (unreadable), EX_CONFIG (a [service]
 * naming an unknown rotation), or the store's status. */
int page_import(struct store *s, const struct config *cfg, const char *path,
		enum page_format format, int64_t now, const struct oncall_hook *hook,
		page_import_progress progress, struct page_import_result *out);

/* Stores pages pulled from SOURCE's API (reports/pull.h) inside the
 * caller's transaction: each of V[0..N) is given its responder (named in
 * responder_name, else on call for its service), escalation person and
 * class, as a file's rows are. A page already stored is brought up to
 * date (acknowledgement, resolution, escalation, responder, class).
 * *IMPORTED and *UPDATED get how many were new and how many changed.
 * 0, or EX_DATAERR ("rota: SOURCE: what is wrong"), EX_CONFIG, or the
 * store's status. */
int page_import_pulled(struct store *s, const struct config *cfg, const char *source,
		       struct page *v, size_t n, int64_t now, const struct oncall_hook *hook,
		       size_t *imported, size_t *updated);

/* Reads an ISO 8601 instant with a UTC offset: "2027-01-04T03:12:00Z",
 * "2027-01-04T03:12:00+00:00", "+0000" or "+00", a space for the T,
 * fractions of a second (dropped). 0, -1 or TIME_OUT_OF_RANGE (outside
 * time_in_range(), common/timefmt.h). */
int page_time_parse(const char *s, int64_t *out);

#endif
