/* rota leave import: a person's out-of-office calendar as leave.
 *
 * Not a CMD_WRITE command: it reads the calendar first (perhaps over
 * HTTP, which may take a while) and only then opens its one transaction. */
#include "config.h"

#include <string.h>

#include "cli/calendar-import.h"
#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/timefmt.h"
#include "service/leave.h"

/* Warns about a shift the new leave overlaps: rota schedule generate moves
 * it, or (kept: plan_kept_why's word, "frozen" said as users read it in
 * this message) it needs a swap or an override. */
static void
warn_conflict(const struct person *p, const struct leave_conflict *c)
{
	const struct shift *sh = &c->shift;
	const char *why = c->kept;
	char start[32];

	time_format_local(sh->start, tz_lookup_or_utc(sh->tz), start, sizeof start);
	if (why == NULL) {
		rota_warn("%s's shift %lld (%s, from %s %s) overlaps this leave: rota "
			  "schedule generate %s moves it", p->handle, (long long)sh->id,
			  sh->rotation, start, sh->tz, sh->term);
		return;
	}
	if (strcmp(why, "frozen") == 0)
		why = "inside the freeze horizon";
	rota_warn("%s's shift %lld (%s, from %s %s) overlaps this leave and is %s: swap it "
		  "(rota swap request %lld) or override it (rota override %lld HANDLE)",
		  p->handle, (long long)sh->id, sh->rotation, start, sh->tz, why,
		  (long long)sh->id, (long long)sh->id);
}

static int
exec_leave_import(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct leave_import res;
	int r;

	if (argc != 2 && argc != 3)
		return cmd_usage_error(ctx, "leave import takes FILE or URL, then an optional HANDLE");
	r = usage_if(ctx, leave_import(&s, argv[1], argc == 3 ? argv[2] : NULL, &res));
	if (res.sync.synced)    /* even when listing the shifts it overlaps failed */
		import_print(&res.sync, "person", res.person.handle, "leave of");
	for (size_t i = 0; i < res.n_conflicts; i++)
		warn_conflict(&res.person, &res.conflicts[i]);
	leave_import_free(&res);
	return r;
}

const struct cmd_entry cmd_leave_import_entry = {
	.name = "leave import",
	.args = "FILE|URL [HANDLE]",
	.options = (const struct cmd_option[]){ { NULL, 0, NULL, NULL, 0, 0 } },
	.summary = "import leave from an out-of-office calendar (.ics)",
	.help = "  FILE|URL   an iCalendar file (- for standard input: one source, each\n"
		"             import from it replacing the last), or an http:// or\n"
		"             https:// URL of one\n"
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
