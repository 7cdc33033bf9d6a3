/* rota volunteer leave: a person leaves a term. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"

/* Says when the person still holds shifts of the term after leaving it. */
static int
note_held_shifts(struct ctx *ctx, const struct term *t, const struct person *p)
{
	struct shift_filter f = { .term_id = t->id, .person_id = p->id, .from = ctx->now };
	struct shift *v;
	size_t n;
	int r;

	if ((r = store_shift_list(ctx->db, &f, &v, &n)) != 0)
		return r;
	if (n > 0)
		out_note("%s still holds %zu shift%s of this term: generate the schedule "
			 "again to hand them on (see rota schedule check).", p->handle, n,
			 n == 1 ? "" : "s");
	free(v);
	return 0;
}

static int
exec_volunteer_leave(struct ctx *ctx, int argc, char **argv)
{
	struct rotation rot;
	struct person p;
	struct term t;
	char object[NAME_MAX_ + HANDLE_MAX + 2];
	int r;

	if ((r = volunteer_args(ctx, "volunteer leave", argc, argv, &t, &rot, &p)) != 0)
		return r;
	r = store_member_leave(ctx->db, t.id, p.id, ctx->now);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "%s is not a member of term '%s' (see rota term "
				 "show %s)", p.handle, t.name, t.name);
	if (r != 0)
		return r;
	snprintf(object, sizeof object, "%s/%s", t.name, p.handle);
	if ((r = audit(ctx, "volunteer.leave", object,
		       json_pack("{s:s, s:s}", "term", t.name, "person", p.handle), NULL)) != 0)
		return r;
	out_object_begin(NULL);
	out_str("term", "Term:", t.name);
	out_str("rotation", "Rotation:", rot.name);
	out_str("person", "Left:", p.handle);
	out_time("left", "From:", ctx->now, tz_lookup_or_utc(rot.tz));
	out_object_end();
	return note_held_shifts(ctx, &t, &p);
}

const struct cmd_entry cmd_volunteer_leave_entry = {
	.name = "volunteer leave",
	.args = "TERM [HANDLE]",
	.summary = "leave a term",
	.help = "  TERM    the term to leave\n"
		"  HANDLE  who leaves (default: you); for someone else, managers only.\n"
		"The membership is kept with the time it ended, for history.\n",
	.flags = CMD_WRITE,
	.exec = exec_volunteer_leave,
};
