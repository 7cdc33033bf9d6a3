/* rota term add: a term of a rotation, aligned to its handoffs. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"

/* Refuses a term overlapping another of the same rotation. */
static int
check_overlap(struct ctx *ctx, const struct term *t, const struct tz_zone *zone)
{
	struct term *v;
	size_t n;
	int r;

	if ((r = store_term_list(ctx->db, t->rotation_id, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0; i++) {
		char start[32], end[32];

		if (v[i].start >= t->end || t->start >= v[i].end)
			continue;
		time_format_local(v[i].start, zone, start, sizeof start);
		time_format_local(v[i].end, zone, end, sizeof end);
		r = rota_fail(EX_DATAERR, "term '%s' would overlap term '%s' of rotation "
			      "'%s' (%s to %s)", t->name, v[i].name, t->rotation, start, end);
	}
	free(v);
	return r;
}

static int
exec_term_add(struct ctx *ctx, int argc, char **argv)
{
	const char *rotation = cmd_opt(ctx, "rotation"), *start = cmd_opt(ctx, "start");
	const char *weeks = cmd_opt(ctx, "weeks");
	struct term t = { .weeks = 26 };
	struct rotation rot;
	const struct tz_zone *zone;
	int64_t from;
	int r;

	if ((r = require_manager(ctx, "term add")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "term add takes one NAME");
	if ((r = name_arg(ctx, "term name", argv[1], t.name, sizeof t.name)) != 0)
		return r;
	if (weeks != NULL &&
	    (r = int_arg(ctx, "--weeks", weeks, 1, TERM_WEEKS_MAX, &t.weeks)) != 0)
		return r;
	if ((r = find_rotation(ctx, rotation, &rot)) != 0)
		return r;
	zone = tz_lookup_or_utc(rot.tz);
	if ((r = time_arg(ctx, "--start", start, zone, &from)) != 0)
		return r;
	t.rotation_id = rot.id;
	snprintf(t.rotation, sizeof t.rotation, "%s", rot.name);
	term_span(&rot, from, t.weeks, &t.start, &t.end);
	if ((r = check_overlap(ctx, &t, zone)) != 0)
		return r;
	if ((r = store_term_add(ctx->db, &t, ctx->now)) != 0)
		return r;
	if ((r = audit(ctx, "term.add", t.name, NULL, term_to_json(&t))) != 0)
		return r;
	print_term(ctx, &t, &rot, NULL, 0);
	return 0;
}

const struct cmd_entry cmd_term_add_entry = {
	.name = "term add",
	.args = "NAME",
	.options = (const struct cmd_option[]){
		{ "rotation", 0, "ROTATION", "the rotation it belongs to", CMD_OPT_REQUIRED, 0 },
		{ "start", 0, "DATE", "the term starts at the first handoff at or after DATE "
		  "(YYYY-MM-DD: midnight in the rotation's zone, or a full ISO 8601 time)",
		  CMD_OPT_REQUIRED, 0 },
		{ "weeks", 0, "N", "number of shifts, 1 to 520 (default 26); the term ends "
		  "at the handoff N shifts later", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "add a term to a rotation (managers)",
	.help = "  NAME                 the term's name, e.g. 2027-h1\n"
		"\n"
		"A term may not overlap another term of the same rotation.\n",
	.flags = CMD_WRITE,
	.exec = exec_term_add,
};
