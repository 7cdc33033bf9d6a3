/* rota person remove: a person leaves; their history stays. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/timefmt.h"

static int
exec_person_remove(struct ctx *ctx, int argc, char **argv)
{
	struct shift_filter f = { .from = 0 };
	struct person p;
	struct shift *v;
	size_t n;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "person remove takes one HANDLE");
	if ((r = require_manager(ctx, "person remove")) != 0 ||
	    (r = find_person(ctx, argv[1], &p)) != 0)
		return r;
	f.person_id = p.id;
	f.from = ctx->now;
	if ((r = store_shift_list(ctx->db, &f, &v, &n)) != 0)
		return r;
	free(v);
	if (n > 0)
		return rota_fail(EX_DATAERR, "%s still holds %zu current or future shift%s: "
				 "override them (rota override) or regenerate after they "
				 "leave their terms (rota volunteer leave)", p.handle, n,
				 n == 1 ? "" : "s");
	if ((r = store_person_remove(ctx->db, p.id, ctx->now)) != 0)
		return r;
	return audit(ctx, "person.remove", p.handle, person_to_json(&p), NULL);
}

const struct cmd_entry cmd_person_remove_entry = {
	.name = "person remove",
	.args = "HANDLE",
	.summary = "remove a person who holds no future shifts (managers)",
	.help = "Their past shifts, pages and pay stay in the history under their handle.\n",
	.flags = CMD_WRITE,
	.exec = exec_person_remove,
};
