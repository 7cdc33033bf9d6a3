/* rota term list: terms, by rotation then start. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"

static int
exec_term_list(struct ctx *ctx, int argc, char **argv)
{
	const char *rotation = cmd_opt(ctx, "rotation");
	struct rotation rot = { 0 };
	struct term *v;
	size_t n;
	int r;

	if (argc != 1)
		return cmd_usage_error(ctx, "term list takes no arguments besides --rotation");
	if (rotation != NULL && (r = find_rotation(ctx, rotation, &rot)) != 0)
		return r;
	if ((r = store_term_list(ctx->db, rot.id, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No terms yet: add one with rota term add.");
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n && r == 0; i++) {
		struct membership *m;
		size_t nm, current = 0;
		struct rotation tr;

		if ((r = store_rotation_get_id(ctx->db, v[i].rotation_id, &tr)) != 0 ||
		    (r = store_member_list(ctx->db, v[i].id, &m, &nm)) != 0)
			break;
		for (size_t k = 0; k < nm; k++)
			current += m[k].left == INT64_MAX;
		free(m);
		out_row_begin();
		out_str("name", "TERM", v[i].name);
		out_str("rotation", "ROTATION", v[i].rotation);
		out_time("start", "START", v[i].start, tz_lookup_or_utc(tr.tz));
		out_time("end", "END", v[i].end, tz_lookup_or_utc(tr.tz));
		out_str("tz", "ZONE", tr.tz);
		out_int("weeks", "SHIFTS", v[i].weeks);
		out_int("members", "MEMBERS", (int64_t)current);
		out_str("state", "STATE", term_state(&v[i], ctx->now));
		out_row_end();
	}
	out_list_end();
	free(v);
	return r;
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
