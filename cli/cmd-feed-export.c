/* rota feed export: one personal or rotation feed, on stdout or in a file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/atomic.h"
#include "common/out.h"
#include "service/feeds.h"

static int
exec_feed_export(struct ctx *ctx, int argc, char **argv)
{
	const char *handle = cmd_opt(ctx, "person"), *rotation = cmd_opt(ctx, "rotation");
	const char *file = cmd_opt(ctx, "output");
	struct svc s = cmd_svc(ctx);
	size_t events = 0;
	char *text = NULL;
	int r;

	if (argc != 1)
		return cmd_usage_error(ctx, "feed export takes no arguments besides its options");
	if (file != NULL && *file == '\0')
		return cmd_usage_error(ctx, "-o: empty file name");
	if ((r = feed_export(&s, handle, rotation, &text, &events)) != 0)
		goto done;
	if (file == NULL) {
		fputs(text, stdout);    /* out_finish() checks stdout */
		goto done;
	}
	if ((r = atomic_write_file(file, text, strlen(text), ATOMIC_MODE_DEFAULT)) != 0)
		goto done;
	out_object_begin(NULL);
	out_str("file", "File", file);
	out_int("events", "Events", (int64_t)events);
	out_object_end();
done:
	free(text);
	return r;
}

const struct cmd_entry cmd_feed_export_entry = {
	.name = "feed export",
	.args = "",
	.options = (const struct cmd_option[]){
		{ "person", 0, "HANDLE", "HANDLE's shifts, across every rotation (yours, or "
		  "anyone's as a manager)",
		  CMD_OPT_REQUIRED, 1 },
		{ "rotation", 0, "R", "everyone's shifts in rotation R", CMD_OPT_REQUIRED, 1 },
		{ "output", 'o', "FILE", "write FILE (replaced whole, never half-written) "
		  "instead of standard output", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "write one iCalendar feed",
	.help = 
		"The feed is an iCalendar (RFC 5545) calendar, the one rota publish --dir\n"
		"writes: one event per shift (or part of a week), from [feed] history_weeks\n"
		"ago on, with a stable UID per shift, a SEQUENCE raised at each change,\n"
		"LAST-MODIFIED, the escalation (managers' tier) in the description, and an\n"
		"alarm [feed] alarm_minutes before the handoff. Cancelled shifts, and in a\n"
		"personal feed the shifts its person handed over, stay, marked CANCELLED,\n"
		"until their end has passed. A rotation covering out of hours has one\n"
		"event per on-call window instead (a night once its offices have closed, a\n"
		"weekend, a holiday), each with a UID made from its week and its start, the\n"
		"alarm before the first window of each shift. With -o, prints the file and\n"
		"the number of events (with --json, as {file, events}).\n",
	.exec = exec_feed_export,
};
