/* rota person list: everyone, one row each. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/roster.h"

/* How the table gives way on a narrow terminal (common/out-fit.h). */
static const struct out_col columns[] = {
	{ "NAME", 0, OUT_CUT },
	{ "OFFICE", 1, OUT_KEEP },
	{ "ZONE", 2, OUT_KEEP },
	{ "EMAIL", 3, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_person_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct person *v;
	size_t n;
	int r;

	if (argc > 1)
		return cmd_usage_error(ctx, "person list takes no arguments");
	if ((r = roster_people(&s, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No people yet: add one with rota person add.");
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		out_row_begin();
		out_str("handle", "HANDLE", v[i].handle);
		out_str("name", "NAME", v[i].name);
		out_str("email", "EMAIL", v[i].email);
		out_str("tz", "ZONE", v[i].tz);
		out_str("office", "OFFICE", v[i].office[0] ? v[i].office : NULL);
		out_bool("manager", "MANAGER", v[i].is_manager);
		out_row_end();
	}
	out_list_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_person_list_entry = {
	.name = "person list",
	.args = "",
	.summary = "list people",
	.exec = exec_person_list,
};
