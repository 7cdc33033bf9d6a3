/* rota person remove: a person leaves; their history stays. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/util.h"
#include "service/team.h"

static int
exec_person_remove(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);

	if (argc != 2)
		return cmd_usage_error(ctx, "person remove takes one HANDLE");
	return person_remove(&s, argv[1]);
}

const struct cmd_entry cmd_person_remove_entry = {
	.name = "person remove",
	.args = "HANDLE",
	.summary = "remove a person who holds no future shifts (managers)",
	.help = "Their past shifts, pages and pay stay in the history under their handle;\n"
		"their SSH keys are removed (rota key remove).\n",
	.flags = CMD_WRITE,
	.exec = exec_person_remove,
};
