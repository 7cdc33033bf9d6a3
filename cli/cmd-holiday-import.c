/* rota holiday import: an office's public holidays from a calendar.
 *
 * Not a CMD_WRITE command: it reads the calendar first (perhaps over
 * HTTP, which may take a while) and only then opens its one transaction. */
#include "config.h"

#include <getopt.h>

#include "cli/calendar-import.h"
#include "cli/cmd.h"
#include "cli/util.h"
#include "service/holiday.h"

static int
exec_holiday_import(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct svc s = cmd_svc(ctx);
	struct holiday_import res;
	int c, r;

	if ((r = require_manager(ctx, "holiday import")) != 0)
		return r;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		return cmd_bad_option(ctx, c, argv);
	if (argc - optind != 2)
		return cmd_usage_error(ctx, "holiday import takes OFFICE and FILE or URL");
	r = usage_if(ctx, holiday_import(&s, argv[optind], argv[optind + 1], &res));
	if (r == 0)
		import_print(&res.sync, "office", res.office.name, "public holidays of");
	holiday_import_free(&res);
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
