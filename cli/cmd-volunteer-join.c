/* rota volunteer join: a person joins a term. */
#include "config.h"

#include <stdio.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"

static int
exec_volunteer_join(struct ctx *ctx, int argc, char **argv)
{
	struct rotation rot;
	struct person p;
	struct term t;
	char object[NAME_MAX_ + HANDLE_MAX + 2];
	int r;

	if ((r = volunteer_args(ctx, "volunteer join", argc, argv, &t, &rot, &p)) != 0)
		return r;
	if (rot.tier == TIER_ESCALATION && !p.is_manager)
		return rota_fail(EX_DATAERR, "%s cannot join term '%s': the escalation tier is "
				 "managers only", p.handle, t.name);
	r = store_member_join(ctx->db, t.id, p.id, ctx->now);
	if (r == STORE_EXISTS)
		return rota_fail(EX_DATAERR, "%s is already a member of term '%s'", p.handle, t.name);
	if (r != 0)
		return r;
	snprintf(object, sizeof object, "%s/%s", t.name, p.handle);
	if ((r = audit(ctx, "volunteer.join", object, NULL,
		       json_pack("{s:s, s:s}", "term", t.name, "person", p.handle))) != 0)
		return r;
	out_object_begin(NULL);
	out_str("term", "Term:", t.name);
	out_str("rotation", "Rotation:", rot.name);
	out_str("person", "Joined:", p.handle);
	out_time("joined", "From:", ctx->now > t.start ? ctx->now : t.start, tz_lookup_or_utc(rot.tz));
	out_object_end();
	return 0;
}

const struct cmd_entry cmd_volunteer_join_entry = {
	.name = "volunteer join",
	.args = "TERM [HANDLE]",
	.summary = "join a term as a volunteer",
	.help = "  TERM    the term to join (see rota term list)\n"
		"  HANDLE  who joins (default: you); joining for someone else is for\n"
		"          managers. The escalation tier takes managers only.\n",
	.flags = CMD_WRITE,
	.exec = exec_volunteer_join,
};
