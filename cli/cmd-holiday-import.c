/* rota holiday import: an office's public holidays from a calendar.
 *
 * Not a CMD_WRITE command: it reads the calendar first (perhaps over
 * HTTP, which may take a while) and only then opens its one transaction. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/calendar-import.h"
#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "store/import.h"

#define DAY 86400

/* Copies S into BUF, cut at a whole UTF-8 character. */
static void
copy_cut(char *buf, size_t len, const char *s)
{
	size_t n = strlen(s);

	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
}

static int
cmp_row(const void *a, const void *b)
{
	const struct imported_row *x = a, *y = b;
	int c = strcmp(x->uid, y->uid);

	if (c == 0)
		c = strcmp(x->recurrence_id, y->recurrence_id);
	return c ? c : strcmp(x->day, y->day);
}

/* The days of the occurrences in ZONE: every date whose day overlaps an
 * occurrence (a timed event marks each day it touches) inside [FROM, TO),
 * sorted like the store's rows. */
static struct imported_row *
days_of(const struct ics_result *res, const struct tz_zone *zone, int64_t from, int64_t to,
	size_t *n)
{
	struct imported_row *v = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t k = 0; k < res->n; k++) {
		const struct ics_occurrence *o = &res->v[k];
		struct local_time lt;
		int y, m, d;

		int64_t end = o->end < to ? o->end : to;

		tz_to_local(zone, o->start > from ? o->start : from, &lt);
		y = lt.year, m = lt.month, d = lt.day;
		while (tz_from_local(zone, y, m, d, 0, 0, 0) < end) {
			struct imported_row *r;

			if (*n == cap) {
				cap = cap ? cap * 2 : 64;
				v = xreallocarray(v, cap, sizeof *v);
			}
			r = &v[(*n)++];
			memset(r, 0, sizeof *r);
			snprintf(r->uid, sizeof r->uid, "%s", o->uid);
			snprintf(r->recurrence_id, sizeof r->recurrence_id, "%s", o->recurrence_id);
			snprintf(r->day, sizeof r->day, "%04d-%02d-%02d", y, m, d);
			copy_cut(r->text, NAME_MAX_, o->summary[0] ? o->summary : "Public holiday");
			civil_add_days(&y, &m, &d, 1);
		}
	}
	if (*n > 1)
		qsort(v, *n, sizeof *v, cmp_row);
	return v;
}

/* Applies the calendar's days to those imported earlier from the same
 * source (see cmd-leave-import.c's apply). */
static int
apply(struct ctx *ctx, const struct office *o, const struct import_source *src,
      const struct ics_result *res, int64_t from, int64_t to, struct import_counts *c)
{
	const struct tz_zone *zone = tz_lookup_or_utc(o->tz);
	struct imported_row *rows, *days;
	size_t n, nd, i = 0, k = 0;
	char from_day[11], to_day[11];
	int r;

	date_format_local(from, zone, from_day, sizeof from_day);
	date_format_local(to, zone, to_day, sizeof to_day);
	if ((r = store_holiday_imported(ctx->db, o->id, src->source, &rows, &n)) != 0)
		return r;
	days = days_of(res, zone, from, to, &nd);
	while (r == 0 && (i < n || k < nd)) {
		int d = i >= n ? 1 : k >= nd ? -1 : cmp_row(&rows[i], &days[k]);

		if (d < 0) {
			if (strcmp(rows[i].day, from_day) < 0 || strcmp(rows[i].day, to_day) > 0) {
				i++;            /* outside the window: kept */
				continue;
			}
			if ((r = store_holiday_remove(ctx->db, rows[i].id)) == 0)
				c->removed++;
			i++;
		} else if (d > 0) {
			if (k > 0 && cmp_row(&days[k - 1], &days[k]) == 0) {
				k++;            /* one day of two overlapping occurrences */
				continue;
			}
			if ((r = store_holiday_import_add(ctx->db, o->id, src->source,
							  &days[k])) == 0)
				c->added++;
			k++;
		} else {
			if (strcmp(rows[i].text, days[k].text) == 0) {
				c->unchanged++;
			} else {
				snprintf(rows[i].text, sizeof rows[i].text, "%s", days[k].text);
				if ((r = store_holiday_import_update(ctx->db, &rows[i])) == 0)
					c->updated++;
			}
			i++;
			k++;
		}
	}
	free(rows);
	free(days);
	return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
}

static int
exec_holiday_import(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct import_source src = { 0 };
	struct import_counts counts = { 0 };
	struct ics_result res = { 0 };
	struct ics_options io = { 0 };
	struct office o;
	char for_what[48];
	int c, r;

	if ((r = require_manager(ctx, "holiday import")) != 0)
		return r;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		return cmd_bad_option(ctx, c, argv);
	if (argc - optind != 2)
		return cmd_usage_error(ctx, "holiday import takes OFFICE and FILE or URL");
	if ((r = find_office(ctx, argv[optind], &o)) != 0)
		return r;
	snprintf(for_what, sizeof for_what, "rota-holiday-%lld", (long long)o.id);
	if ((r = import_read(ctx, argv[optind + 1], for_what, &src)) != 0)
		goto done;
	if (!src.fetched.not_modified) {
		io.zone = tz_lookup_or_utc(o.tz);
		import_window(ctx, &io.from, &io.to);
		if ((r = ics_parse(src.fetched.body, src.fetched.len, src.arg, &io, &res)) != 0)
			goto done;
		if ((r = store_begin(ctx->db)) != 0)
			goto done;
		if ((r = apply(ctx, &o, &src, &res, io.from, io.to, &counts)) != 0 ||
		    (r = import_audit(ctx, "holiday.import", o.name, &src, &counts)) != 0 ||
		    (r = import_remember(ctx, &src)) != 0 ||
		    (r = store_commit(ctx->db)) != 0) {
			store_rollback(ctx->db);
			goto done;
		}
	}
	import_print(&src, "office", o.name, "public holidays of", &counts,
		     src.fetched.not_modified ? NULL : &res);
done:
	ics_result_free(&res);
	import_source_free(&src);
	return r;
}

const struct cmd_entry cmd_holiday_import_entry = {
	.name = "holiday import",
	.args = "OFFICE FILE|URL",
	.summary = "import an office's public holidays from a calendar (managers)",
	.help = "  OFFICE     the office they apply to (see rota office list)\n"
		"  FILE|URL   an iCalendar file, or an http:// or https:// URL of one\n"
		"\n"
		"Each day an event covers, in the office's zone, becomes a public holiday\n"
		"named by its SUMMARY: all-day events their dates (DTEND excluded; no\n"
		"DTEND: one day), timed events every day they touch. Repeating events\n"
		"(RRULE, RDATE, less EXDATE, with RECURRENCE-ID overrides) are expanded\n"
		"from a year before today to two years after; cancelled events are left\n"
		"out (free time is not: holiday calendars mark their days free).\n"
		"\n"
		"Importing the same FILE or URL again brings the office up to date,\n"
		"keyed by source, UID, recurrence id and day: nothing is doubled, days\n"
		"gone from the calendar are removed, holidays added by hand or from\n"
		"other calendars are never touched. Prints \"added N, updated N,\n"
		"removed N, unchanged N\" (in days).\n"
		"\n"
		"URLs, caching, errors and exit statuses as for rota leave import.\n",
	.exec = exec_holiday_import,
};
