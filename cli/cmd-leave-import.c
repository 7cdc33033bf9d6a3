/* rota leave import: a person's out-of-office calendar as leave.
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
#include "service/plan.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "store/import.h"

static int
cmp_key(const char *uid_a, const char *rid_a, const char *uid_b, const char *rid_b)
{
	int c = strcmp(uid_a, uid_b);

	return c ? c : strcmp(rid_a, rid_b);
}

/* Applies the calendar's occurrences to the leave imported earlier from
 * the same source: both lists are sorted by UID and recurrence id. Rows
 * the calendar no longer holds are removed, unless they lie wholly
 * outside the window (history is kept). */
static int
apply(struct ctx *ctx, const struct person *p, const struct import_source *src,
      const struct ics_result *res, int64_t from, int64_t to, struct import_counts *c)
{
	struct imported_row *rows, row;
	size_t n, i = 0, k = 0;
	int r;

	if ((r = store_leave_imported(ctx->db, p->id, src->source, &rows, &n)) != 0)
		return r;
	while (r == 0 && (i < n || k < res->n)) {
		const struct ics_occurrence *o = k < res->n ? &res->v[k] : NULL;
		int d = i >= n ? 1 : o == NULL ? -1 :
			cmp_key(rows[i].uid, rows[i].recurrence_id, o->uid, o->recurrence_id);

		if (d < 0 || (d == 0 && i + 1 < n && cmp_key(rows[i].uid, rows[i].recurrence_id,
			rows[i + 1].uid, rows[i + 1].recurrence_id) == 0)) {
			/* Gone from the calendar (or a duplicate row). */
			if (d < 0 && (rows[i].end <= from || rows[i].start >= to)) {
				i++;
				continue;
			}
			if ((r = store_leave_remove(ctx->db, rows[i].id)) == 0)
				c->removed++;
			i++;
		} else if (d > 0) {
			memset(&row, 0, sizeof row);
			snprintf(row.uid, sizeof row.uid, "%s", o->uid);
			snprintf(row.recurrence_id, sizeof row.recurrence_id, "%s", o->recurrence_id);
			row.start = o->start;
			row.end = o->end;
			snprintf(row.text, sizeof row.text, "%s", o->summary);
			if ((r = store_leave_import_add(ctx->db, p->id, src->source, &row,
							ctx->now)) == 0)
				c->added++;
			k++;
		} else {
			if (rows[i].start == o->start && rows[i].end == o->end &&
			    strcmp(rows[i].text, o->summary) == 0) {
				c->unchanged++;
			} else {
				row = rows[i];
				row.start = o->start;
				row.end = o->end;
				snprintf(row.text, sizeof row.text, "%s", o->summary);
				if ((r = store_leave_import_update(ctx->db, &row)) == 0)
					c->updated++;
			}
			i++;
			k++;
		}
	}
	free(rows);
	return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
}

/* Warns about the person's shifts that now overlap the imported leave:
 * rota schedule generate moves those it may (generated, not started,
 * beyond the freeze horizon); the rest need a swap or an override. */
static int
warn_conflicts(struct ctx *ctx, const struct person *p, const struct ics_result *res)
{
	struct shift_filter f = { .person_id = p->id, .from = ctx->now };
	struct shift *v;
	size_t n;
	int r;

	if ((r = store_shift_list(ctx->db, &f, &v, &n)) != 0)
		return r;
	for (size_t i = 0; r == 0 && i < n; i++) {
		const struct shift *sh = &v[i];
		struct plan_settings set;
		const char *why = NULL;
		char start[32];
		size_t k;

		for (k = 0; k < res->n; k++)
			if (res->v[k].end > sh->start && res->v[k].start < sh->end)
				break;
		if (k == res->n || (r = plan_settings_get(ctx->cfg, sh->rotation, &set)) != 0)
			continue;
		if (sh->origin == ORIGIN_SWAP)
			why = "swapped";
		else if (sh->origin == ORIGIN_OVERRIDE)
			why = "overridden";
		else if (sh->start < ctx->now)
			why = "started";
		else if (sh->start < ctx->now + set.freeze_days * 86400)
			why = "inside the freeze horizon";
		time_format_local(sh->start, tz_lookup_or_utc(sh->tz), start, sizeof start);
		if (why == NULL)
			rota_warn("%s's shift %lld (%s, from %s %s) overlaps this leave: rota "
				  "schedule generate %s moves it", p->handle, (long long)sh->id,
				  sh->rotation, start, sh->tz, sh->term);
		else
			rota_warn("%s's shift %lld (%s, from %s %s) overlaps this leave and is %s: "
				  "swap it (rota swap request %lld) or override it (rota override "
				  "%lld HANDLE)", p->handle, (long long)sh->id, sh->rotation, start,
				  sh->tz, why, (long long)sh->id, (long long)sh->id);
	}
	free(v);
	return r;
}

static int
exec_leave_import(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct import_source src = { 0 };
	struct import_counts counts = { 0 };
	struct ics_result res = { 0 };
	struct ics_options io = { 0 };
	struct person p;
	char for_what[48];
	int c, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		return cmd_bad_option(ctx, c, argv);
	if (argc - optind < 1 || argc - optind > 2)
		return cmd_usage_error(ctx, "leave import takes FILE or URL, then an optional HANDLE");
	if ((r = subject_person(ctx, "leave import", argc - optind == 2 ? argv[optind + 1] : NULL,
				&p)) != 0)
		return r;
	snprintf(for_what, sizeof for_what, "rota-leave-%lld", (long long)p.id);
	if ((r = import_read(ctx, argv[optind], for_what, &src)) != 0)
		goto done;
	if (!src.fetched.not_modified) {
		io.zone = tz_lookup_or_utc(p.tz);
		import_window(ctx, &io.from, &io.to);
		io.skip_transparent = true;
		if ((r = ics_parse(src.fetched.body, src.fetched.len, src.arg, &io, &res)) != 0)
			goto done;
		if ((r = store_begin(ctx->db)) != 0)
			goto done;
		if ((r = apply(ctx, &p, &src, &res, io.from, io.to, &counts)) != 0 ||
		    (r = import_audit(ctx, "leave.import", p.handle, &src, &counts)) != 0 ||
		    (r = import_remember(ctx, &src)) != 0 ||
		    (r = store_commit(ctx->db)) != 0) {
			store_rollback(ctx->db);
			goto done;
		}
	}
	import_print(&src, "person", p.handle, "leave of", &counts,
		     src.fetched.not_modified ? NULL : &res);
	if (!src.fetched.not_modified)
		r = warn_conflicts(ctx, &p, &res);
done:
	ics_result_free(&res);
	import_source_free(&src);
	return r;
}

const struct cmd_entry cmd_leave_import_entry = {
	.name = "leave import",
	.args = "FILE|URL [HANDLE]",
	.summary = "import leave from an out-of-office calendar (.ics)",
	.help = "  FILE|URL   an iCalendar file, or an http:// or https:// URL of one\n"
		"  HANDLE     whose leave (default: you; someone else: managers)\n"
		"\n"
		"Every busy event of the calendar becomes leave: all-day events are\n"
		"whole days in the person's own zone (DTEND excluded; no DTEND: one day),\n"
		"timed events the instants they give (UTC, TZID, or floating times read\n"
		"in the person's zone). Repeating events (RRULE, RDATE, less EXDATE, with\n"
		"RECURRENCE-ID overrides) are expanded from a year before today to two\n"
		"years after. Left out: cancelled events (STATUS:CANCELLED) and free\n"
		"time (TRANSP:TRANSPARENT): mark an event busy to make it leave.\n"
		"\n"
		"Importing the same FILE or URL again brings the leave up to date: rows\n"
		"are keyed by source, UID and recurrence id, so nothing is doubled;\n"
		"events gone from the calendar are removed (leave wholly outside the\n"
		"window is kept); leave added by hand or from other calendars is never\n"
		"touched. Prints \"added N, updated N, removed N, unchanged N\", and warns\n"
		"about shifts the new leave overlaps (rota schedule generate moves them\n"
		"where it may; otherwise swap or override).\n"
		"\n"
		"A URL is fetched with TLS verification, following up to 5 redirects,\n"
		"within [http] timeout_seconds; its ETag and Last-Modified are kept, and\n"
		"a 304 Not Modified answer (within a day of the last import) means\n"
		"nothing to do. A malformed calendar changes nothing and exits 65 with\n"
		"FILE:LINE; a missing file exits 66; an unreachable server, 401, 403 or\n"
		"404 exits 69; 5xx or a timeout exits 75 (try again later); 429, and 503\n"
		"with Retry-After, are asked again after it ([http] retries).\n",
	.exec = exec_leave_import,
};
