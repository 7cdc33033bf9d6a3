/* rota now: who is on call right now, in every rotation. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/xalloc.h"
#include "service/roster.h"

/* The rotations nobody covers, named after the table. */
struct uncovered {
	struct on_call *v;
	size_t n;
	size_t rotations;     /* every rotation seen */
};

/* What only --json shows (UTC times), as they show nowhere else: the
 * shift in force, and whether the service owners answer. */
static void
json_facts(const struct on_duty *d)
{
	const struct on_call *c = d->c;

	/* All null when nobody covers the rotation (service owners in hours). */
	print_time("start", NULL, NULL, c->start, false);
	print_time("end", NULL, NULL, c->end, false);
	out_str("origin", NULL, c->shift_id != 0 ? origin_name(c->origin) : NULL);
	out_bool("in_hours", NULL, d->in_hours);
}

static void
print_on_duty(const struct on_duty *d, void *arg)
{
	const struct on_call *c = d->c;
	const struct tz_zone *zone = tz_lookup_or_utc(c->tz);
	struct uncovered *u = arg;

	u->rotations++;
	if (c->shift_id == 0 && !d->in_hours) {
		u->v = xpush(u->v, &u->n, sizeof *u->v);
		u->v[u->n - 1] = *c;
		return;
	}
	out_row_begin();
	if (c->shift_id != 0)
		out_int("id", NULL, c->shift_id);
	else
		out_null("id", NULL);
	out_str("rotation", "ROTATION", c->rotation);
	out_str("tier", "TIER", tier_name(c->tier));
	/* In hours the volunteer is not to be called: never named then. */
	out_str("person", "ON CALL", d->in_hours ? NULL : c->handle);
	if (d->in_hours)
		out_str(NULL, "ON CALL", "in hours: service owners");
	if (out_json())
		json_facts(d);
	if (!d->in_hours) {
		print_time(c->out_of_hours ? "on_call_until" : NULL, "UNTIL", zone, d->until, true);
	} else {
		print_time("service_owners_until", "UNTIL", zone, d->until, true);
		if (out_json())         /* who takes over then */
			out_str("next_person", NULL,
				d->next_handle[0] != '\0' ? d->next_handle : NULL);
	}
	out_row_end();
}

/* How the table gives way on a narrow terminal (common/out-fit.h): who
 * and until when stay; the tier goes, a long rotation name is cut, then
 * a long handle, then UNTIL's zone wraps under its time. */
static const struct out_col columns[] = {
	{ "ROTATION", 0, OUT_CUT },
	{ "TIER", 1, OUT_KEEP },
	{ "ON CALL", 0, OUT_CUT },
	{ "UNTIL", 0, OUT_WRAP },
	{ NULL, 0, OUT_KEEP },
};

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
	out_columns(columns);
	out_list_begin(NULL, NULL);
	r = roster_now(&s, at, print_on_duty, &uncovered);
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
		"tier and until when (the rotation's wall clock). A rotation covering\n"
		"out of hours says \"in hours: service owners\" while one of its\n"
		"offices is in business hours, and until when (the next on-call\n"
		"window); out of hours, the volunteer's UNTIL is the end of their\n"
		"window. Rotations nobody covers now are named below the table.\n"
		"With --json, an array of {id, rotation, tier, person, start, end,\n"
		"origin, in_hours} (UTC times), as rota schedule show prints, with\n"
		"on_call_until out of hours in a rotation covering out of hours, and\n"
		"in hours person null, service_owners_until and next_person (who\n"
		"holds that window).\n",
	.flags = CMD_LOOKUP,
	.exec = exec_now,
};
