/* Public holidays of an office, added by hand or imported from a calendar
 * (service/calendar-sync.h). Anyone may list them; adding, removing and
 * importing are for managers. Conventions of service/service.h (0, or an
 * exit status after handing the message to the sink; nothing printed). */
#ifndef ROTA_SERVICE_HOLIDAY_H
#define ROTA_SERVICE_HOLIDAY_H

#include <stddef.h>
#include <stdint.h>

#include "service/calendar-sync.h"
#include "service/service.h"

/* What a holiday without a name is called. */
#define HOLIDAY_NAME_DEFAULT "Public holiday"

/* Adds a holiday NAME (NULL: HOLIDAY_NAME_DEFAULT) to office OFFICE on DAY
 * (YYYY-MM-DD, a valid date, in the office's zone; EX_USAGE otherwise); an
 * office has one holiday a day (EX_DATAERR naming the other). *H gets it. */
int holiday_add(const struct svc *s, const char *office, const char *day, const char *name,
		struct holiday *h);

/* Removes holiday ID; *H gets what it was. */
int holiday_remove(const struct svc *s, int64_t id, struct holiday *h);

/* Which holidays a list shows: those of OFFICE (id 0: every office) from
 * FROM (YYYY-MM-DD) to TO (empty: no end). */
struct holiday_query {
	struct office office;
	int from_year;
	char from[11], to[11];
};

/* The query of the holidays of OFFICE (NULL: every office) in YEAR, or
 * with YEAR 0 from the start of this year (in the office's zone, else
 * UTC) on. */
int holiday_list_query(const struct svc *s, const char *office, int year,
		       struct holiday_query *q);

/* Q's holidays by day, each a struct holiday handed to FN as it is read. */
int holiday_list_each(const struct svc *s, const struct holiday_query *q, store_row_fn *fn,
		      void *arg);

/* What holiday import did. */
struct holiday_import {
	struct office office;
	struct sync_result sync;        /* counts are in days */
};

/* Imports the public-holiday calendar ARG (a file or an http(s) URL) into
 * OFFICE: each day an event covers in the office's zone, named by its
 * SUMMARY ("Public holiday" when it has none); free time is kept (holiday
 * calendars mark their days free), cancelled events are not. Free *OUT
 * with holiday_import_free whatever the status. */
int holiday_import(const struct svc *s, const char *office, const char *arg,
		   struct holiday_import *out);
void holiday_import_free(struct holiday_import *r);

/* For the audit trail and --json. A new reference. */
json_t *holiday_to_json(const struct holiday *h);

#endif
