/* rota holiday import: an office's public holidays from a calendar.
 *
 * Not a CMD_WRITE command: it reads the calendar first (perhaps over
 * HTTP, which may take a while) and only then opens its one transaction. */
#include "config.h"

#include "cli/calendar-import.h"
#include "cli/cmd.h"
#include "cli/util.h"
#include "service/holiday.h"

static int
exec_holiday_import(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct holiday_import res;
	int r;

	if ((r = require_manager(ctx, "holiday import")) != 0)
		return r;
	if (argc != 3)
		return cmd_usage_error(ctx, "holiday import takes OFFICE and FILE or URL");
	r = usage_if(ctx, holiday_import(&s, argv[1], argv[2], &res));
	if (r == 0)
		import_print(&res.sync, "office", res.office.name, "public holidays of");
	holiday_import_free(&res);
	return r;
}

const struct cmd_entry cmd_holiday_import_entry = {
	.name = "holiday import",
	.args = "OFFICE FILE|URL",
	.options = (const struct cmd_option[]){ { NULL, 0, NULL, NULL, 0, 0 } },
	.summary = "import an office's holidays from a calendar (managers)",
	.help = "  OFFICE     the office they apply to (see rota office list)\n"
		"  FILE|URL   an iCalendar file (- for standard input: one source, each\n"
		"             import from it replacing the last), or an http:// or\n"
		"             https:// URL of one\n"
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
