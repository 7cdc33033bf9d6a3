/* rota rotation list: every rotation with its handoff and terms. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "cli/setup.h"
#include "common/out.h"
#include "service/oncall.h"
#include "service/roster.h"

/* How the table gives way on a narrow terminal (common/out-fit.h). */
static const struct out_col columns[] = {
	{ "TERMS", 1, OUT_KEEP },
	{ "ZONE", 2, OUT_KEEP },
	{ "DAYS", 3, OUT_KEEP },
	{ "TIER", 4, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_rotation_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct roster_rotation *v;
	size_t n;
	int r;

	(void)argv;
	if (argc > 1)
		return cmd_usage_error(ctx, "rotation list takes no arguments");
	if ((r = roster_rotations(&s, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No rotations yet: add one with rota rotation add.");
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct rotation *rot = &v[i].rotation;
		char handoff[16];

		handoff_format(rot->handoff_dow, rot->handoff_minute, handoff, sizeof handoff);
		out_row_begin();
		out_str("name", "NAME", rot->name);
		out_str("tier", "TIER", tier_name(rot->tier));
		out_str("tz", "ZONE", rot->tz);
		out_str("handoff", "HANDOFF", handoff);
		out_int("shift_days", "DAYS", rot->shift_days);
		out_str("covers", "COVERS", oncall_covers_name(rot));
		out_int("terms", "TERMS", (int64_t)v[i].terms);
		out_str("current_term", "CURRENT TERM", v[i].current.name[0] ? v[i].current.name :
			NULL);
		out_row_end();
	}
	out_list_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_rotation_list_entry = {
	.name = "rotation list",
	.args = "",
	.summary = "list rotations",
	.help = "  Shows each rotation's tier, zone, handoff, shift length, the hours it\n"
		"  covers (always, or out-of-hours: see rota rotation set), number of\n"
		"  terms and the term in force now.\n",
	.exec = exec_rotation_list,
};
