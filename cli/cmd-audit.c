/* rota audit: who changed what, when, with the before and after (the
 * reader's view: service/audit.c leaves out others' private data). */
#include "config.h"

#include <stdint.h>

#include "cli/audit-format.h"
#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/audit.h"

struct audit_rows {
	const struct svc *s;
	int64_t since;
	const char *object;
	const struct tz_zone *zone;
};

static int
print_event(void *row, void *arg)
{
	audit_print_event(row, arg);
	return 0;
}

static int
audit_rows(void *arg)
{
	const struct audit_rows *a = arg;

	return audit_each(a->s, a->since, a->object, print_event, (void *)a->zone);
}

/* How the table gives way on a narrow terminal (common/out-fit.h): when,
 * who and what changed stay, the change wrapped under itself; the action
 * goes first (CHANGE says new, removed or before -> after), then the
 * object. */
static const struct out_col columns[] = {
	{ "CHANGE", 0, OUT_WRAP },
	{ "ACTION", 2, OUT_KEEP },
	{ "OBJECT", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_audit(struct ctx *ctx, int argc, char **argv)
{
	const char *since_arg = cmd_opt(ctx, "since"), *object = cmd_opt(ctx, "object");
	const struct tz_zone *zone = reader_zone(ctx);
	struct svc s = cmd_svc(ctx);
	struct audit_rows a = { &s, INT64_MIN, object, zone };
	size_t n;
	int r;

	if (argc != 1)
		return cmd_usage_error(ctx, "audit takes no arguments besides its options");
	/* A date is midnight where the reader is, like everywhere else; the
	 * times show there too, the zone said once below the table. */
	if (since_arg != NULL && (r = time_arg(ctx, "--since", since_arg, zone, &a.since)) != 0)
		return r;
	/* Row by row, however long the trail: never all of it in memory. */
	out_columns(columns);
	if ((r = out_list_rows(NULL, NULL, audit_rows, &a, &n)) != 0)
		return r;
	if (n > 0)
		out_note("Times in %s.", tz_name(zone));
	else
		out_note("No audit events%s.", since_arg || object ? " match" : " yet");
	return 0;
}

const struct cmd_entry cmd_audit_entry = {
	.name = "audit",
	.args = "",
	.options = (const struct cmd_option[]){
		{ "since", 0, "DATE", "only events from DATE on (YYYY-MM-DD is midnight in "
		  "your own zone, or a full ISO 8601 time)", 0, 0 },
		{ "object", 0, "TEXT", "only events about this object, as the OBJECT column "
		  "names it (\"shift 12\", \"swap 3\", a handle, ...)", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "list who changed what, and when",
	.help = "Times show in your own zone (UTC when you are nobody in rota), said\n"
		"below the table, times inside CHANGE too; --json gives them in UTC (ISO\n"
		"8601 with Z). CHANGE sums up what changed (field: before -> after);\n"
		"with --json, before and after are the whole objects. Only managers read\n"
		"the reason of someone else's leave and the source of their leave import.\n",
	.flags = CMD_STREAM,
	.exec = exec_audit,
};
