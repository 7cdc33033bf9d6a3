/* rota term list: terms, by rotation then start. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/setup.h"

/* How the table gives way on a narrow terminal (common/out-fit.h). */
static const struct out_col columns[] = {
	{ "ZONE", 1, OUT_KEEP },
	{ "SHIFTS", 2, OUT_KEEP },
	{ "ROTATION", 3, OUT_KEEP },
	{ "MEMBERS", 4, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_term_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct term_item *v;
	size_t n;
	int r;

	(void)argv;
	if (argc != 1)
		return cmd_usage_error(ctx, "term list takes no arguments besides --rotation");
	if ((r = term_list(&s, cmd_opt(ctx, "rotation"), &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No terms yet: add one with rota term add.");
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct term *t = &v[i].term;
		const struct tz_zone *zone = tz_lookup_or_utc(v[i].rotation.tz);

		out_row_begin();
		out_str("name", "TERM", t->name);
		out_str("rotation", "ROTATION", t->rotation);
		out_time("start", "START", t->start, zone);
		out_time("end", "END", t->end, zone);
		out_str("tz", "ZONE", v[i].rotation.tz);
		out_int("weeks", "SHIFTS", t->weeks);
		out_int("members", "MEMBERS", (int64_t)v[i].members);
		out_str("state", "STATE", term_state(t, ctx->now));
		out_row_end();
	}
	out_list_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_term_list_entry = {
	.name = "term list",
	.args = "",
	.options = (const struct cmd_option[]){
		{ "rotation", 0, "ROTATION", "only the terms of this rotation", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "list terms",
	.help = "Start and end are handoffs in the rotation's zone (UTC in --json).\n",
	.exec = exec_term_list,
};
