/* rota person list: everyone, one row each. */
#include "config.h"

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
print_person_row(void *row, void *arg)
{
	const struct person *p = row;

	(void)arg;
	out_row_begin();
	out_str("handle", "HANDLE", p->handle);
	out_str("name", "NAME", p->name);
	out_str("email", "EMAIL", p->email);
	out_str("tz", "ZONE", p->tz);
	out_str("office", "OFFICE", p->office[0] ? p->office : NULL);
	out_bool("manager", "MANAGER", p->is_manager);
	out_row_end();
	return 0;
}

static int
person_rows(void *arg)
{
	return roster_people_each(arg, print_person_row, NULL);
}

static int
exec_person_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	size_t n;
	int r;

	(void)argv;
	if (argc > 1)
		return cmd_usage_error(ctx, "person list takes no arguments");
	/* Row by row, however many: never the whole table in memory. */
	out_columns(columns);
	if ((r = out_list_rows(NULL, NULL, person_rows, &s, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No people yet: add one with rota person add.");
	return 0;
}

const struct cmd_entry cmd_person_list_entry = {
	.name = "person list",
	.args = "",
	.summary = "list people",
	.flags = CMD_STREAM,
	.exec = exec_person_list,
};
