/* rota now: who is on call right now, in every rotation. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "service/roster.h"

/* The rotations nobody covers, named after the table. */
struct uncovered {
	struct on_call *v;
	size_t n;
	size_t rotations;     /* every rotation seen */
};

static void
print_on_call(const struct on_call *c, void *arg)
{
	struct uncovered *u = arg;
	char start[32], end[32], until[32 + TZ_MAX];

	u->rotations++;
	if (c->shift_id == 0) {
		u->v = xpush(u->v, &u->n, sizeof *u->v);
		u->v[u->n - 1] = *c;
		return;
	}
	out_row_begin();
	out_int("id", NULL, c->shift_id);
	out_str("rotation", "ROTATION", c->rotation);
	out_str("tier", "TIER", tier_name(c->tier));
	out_str("person", "ON CALL", c->handle);
	if (out_json()) {       /* UTC times: JSON only, as they show nowhere else */
		time_format_utc(c->start, start, sizeof start);
		time_format_utc(c->end, end, sizeof end);
		out_str("start", NULL, start);
		out_str("end", NULL, end);
	} else {                /* the rotation's wall clock: text only */
		time_format_local(c->end, tz_lookup_or_utc(c->tz), end, sizeof end);
		snprintf(until, sizeof until, "%s %s", end, c->tz);
		out_str(NULL, "UNTIL", until);
	}
	out_str("origin", NULL, origin_name(c->origin));
	out_row_end();
}

static int
exec_now(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct uncovered uncovered = { NULL, 0, 0 };
	const char *at_opt = cmd_opt(ctx, "at");
	int64_t at = ctx->now;
	int r;

	/* A date is midnight in the acting person's own zone. */
	if (at_opt != NULL && (r = time_arg(ctx, "--at", at_opt, tz_lookup_or_utc(
			ctx->actor.known ? ctx->actor.person.tz : NULL), &at)) != 0)
		return r;
	if (argc > 1)
		return cmd_usage_error(ctx, "now takes no arguments");
	out_list_begin(NULL, NULL);
	r = roster_now(&s, at, print_on_call, &uncovered);
	out_list_end();
	/* Say which rotations nobody covers: silence would read as "all fine". */
	for (size_t i = 0; i < uncovered.n && !out_json(); i++)
		out_note("nobody is on call in %s rotation %s", tier_name(uncovered.v[i].tier),
			 uncovered.v[i].rotation);
	if (r == 0 && uncovered.rotations == 0 && !out_json())
		out_note("no rotations yet: add one with rota rotation add");
	free(uncovered.v);
	return r;
}

const struct cmd_entry cmd_now_entry = {
	.name = "now",
	.args = "",
	.options = (const struct cmd_option[]){
		{ "at", 0, "TIME", "who is (or was, or will be) on call then instead: a "
		  "date (midnight in your own zone) or an ISO 8601 time", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "who is on call now, in every rotation",
	.help = "Lists the shift in force now in each rotation: who is on call in each\n"
		"tier and until when (the rotation's wall clock). Rotations nobody\n"
		"covers now are named below the table. With --json, an array of\n"
		"{id, rotation, tier, person, start, end, origin} (UTC times), as\n"
		"rota schedule show prints.\n",
	.flags = CMD_LOOKUP,
	.exec = exec_now,
};
