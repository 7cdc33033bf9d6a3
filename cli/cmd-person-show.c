/* rota person show: one person. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/people.h"
#include "cli/util.h"

static int
exec_person_show(struct ctx *ctx, int argc, char **argv)
{
	struct person p;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "person show takes one HANDLE");
	if ((r = find_person(ctx, argv[1], &p)) != 0)
		return r;
	print_person(&p);
	return 0;
}

const struct cmd_entry cmd_person_show_entry = {
	.name = "person show",
	.args = "HANDLE",
	.summary = "show one person",
	.exec = exec_person_show,
};
