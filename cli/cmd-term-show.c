/* rota term show: one term and its members. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "service/setup.h"

static int
exec_term_show(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct membership *m;
	struct rotation rot;
	struct term t;
	size_t n;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "term show takes one TERM");
	if ((r = term_show(&s, argv[1], &t, &rot, &m, &n)) != 0)
		return r;
	print_term(ctx, &t, &rot, m, n);
	free(m);
	return 0;
}

const struct cmd_entry cmd_term_show_entry = {
	.name = "term show",
	.args = "TERM",
	.summary = "show a term and its members",
	.help = "  Dates are in the rotation's zone; --json gives them in UTC (start, end)\n"
		"  and with the zone's offset (start_local, end_local). Members who left\n"
		"  are listed with the time they left.\n",
	.exec = exec_term_show,
};
