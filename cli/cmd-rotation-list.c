/* rota rotation list: every rotation with its handoff and terms. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "common/out.h"

static int
exec_rotation_list(struct ctx *ctx, int argc, char **argv)
{
	struct rotation *v;
	size_t n;
	int r;

	(void)argv;
	if (argc > 1)
		return cmd_usage_error(ctx, "rotation list takes no arguments");
	if ((r = store_rotation_list(ctx->db, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No rotations yet: add one with rota rotation add.");
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n && r == 0; i++) {
		struct term *terms, current = { 0 };
		size_t nterms;
		char handoff[16];
		int cr;

		if ((r = store_term_list(ctx->db, v[i].id, &terms, &nterms)) != 0)
			break;
		free(terms);
		cr = store_term_at(ctx->db, v[i].id, ctx->now, &current);
		if (cr > STORE_NOT_FOUND) {
			r = cr;
			break;
		}
		handoff_format(v[i].handoff_dow, v[i].handoff_minute, handoff, sizeof handoff);
		out_row_begin();
		out_str("name", "NAME", v[i].name);
		out_str("tier", "TIER", tier_name(v[i].tier));
		out_str("tz", "ZONE", v[i].tz);
		out_str("handoff", "HANDOFF", handoff);
		out_int("shift_days", "DAYS", v[i].shift_days);
		out_int("terms", "TERMS", (int64_t)nterms);
		out_str("current_term", "CURRENT TERM", cr == 0 ? current.name : NULL);
		out_row_end();
	}
	out_list_end();
	free(v);
	return r;
}

const struct cmd_entry cmd_rotation_list_entry = {
	.name = "rotation list",
	.args = "",
	.summary = "list rotations",
	.help = "  Shows each rotation's tier, zone, handoff, shift length, number of\n"
		"  terms and the term in force now.\n",
	.exec = exec_rotation_list,
};
