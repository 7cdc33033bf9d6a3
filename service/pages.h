/* Pages: imported from a CSV export, pulled from PagerDuty's or Opsgenie's
 * API, listed by month. Managers import and pull; anyone may list (pages
 * are the team's, not private). See service/service.h for the
 * conventions (errors go to the message sink, never printed). */
#ifndef ROTA_SERVICE_PAGES_H
#define ROTA_SERVICE_PAGES_H

#include <stddef.h>
#include <stdint.h>

#include "common/tz.h"
#include "reports/page-import.h"
#include "reports/pull.h"
#include "service/service.h"

/* Imports the pages of the CSV file PATH (reports/page-import.h) with
 * its audit event "page.import", in one transaction of its own (not the
 * caller's): all of the file or, on any failure, nothing. Managers only.
 * A file of PAGES_BULK_BYTES or more is imported with the database to
 * itself when nobody else has it open (store_bulk_begin). PROGRESS (may
 * be NULL) is called now and then with the bytes read. */
#define PAGES_BULK_BYTES (2 << 20)
int pages_import(const struct svc *s, const char *path, enum page_format format,
		 page_import_progress progress, struct page_import_result *out);

/* A service pages are pulled from. */
struct pages_source {
	const char *name;             /* "pagerduty": the command's word and config section */
	enum pull_source source;
	const char *env;              /* the token's environment variable */
	const char *api_url;          /* by default */
};

/* The source named NAME, or NULL. */
const struct pages_source *pages_source_find(const char *name);

/* The window of a pull when none is given: the last 7 days. */
#define PAGES_PULL_DAYS 7

struct pages_pull_result {
	size_t pulled, imported, updated;
};

/* Pulls the pages SRC created in [SINCE, UNTIL) (an UNTIL after now is
 * cut at now) and stores them as page_import_pulled does, with the audit
 * event "page.pull", inside the caller's transaction. Managers only.
 * Reads [NAME] api_url (an http(s) URL), timeout_seconds and the retry
 * policy, and the token from SRC's environment variable or [NAME]
 * token_file (EX_CONFIG when there is none). */
int pages_pull(const struct svc *s, const struct pages_source *src, int64_t since,
	       int64_t until, struct pages_pull_result *out);

/* A month's pages, with their people's handles. */
struct pages_month {
	int year, month;
	const struct tz_zone *zone;   /* [report] timezone: the month's */
	struct page *v;
	size_t n;
	const char **responder;       /* [i]: v[i]'s responder's handle, or NULL */
	const char **escalation;      /* [i]: v[i]'s escalation person's, or NULL */
	struct person *people;        /* what the handles point into */
	size_t n_people;
};

/* The pages created in YEAR-MONTH of [report] timezone (YEAR 0: the
 * current month), oldest first. Free with pages_month_free (also after a
 * failure). */
int pages_list(const struct svc *s, int year, int month, struct pages_month *out);

/* The same in two steps, for a list that never holds its pages: the
 * month, its zone and the people (v NULL), then each page handed to FN
 * as a struct page_listed as it is read, in that order. */
struct page_listed {
	const struct page *page;
	const char *responder, *escalation;   /* handles, or NULL */
};
int pages_month_open(const struct svc *s, int year, int month, struct pages_month *out);
int pages_each(const struct svc *s, const struct pages_month *m, store_row_fn *fn,
	       void *arg);
void pages_month_free(struct pages_month *m);

#endif
