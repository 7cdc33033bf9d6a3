/* rota override: a manager gives a shift to someone directly. */
#include "config.h"


#include "cli/cmd.h"
#include "service/swap.h"
#include "cli/swaps.h"
#include "cli/util.h"

static int
exec_override(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct shift sh;
	int r;

	if (argc != 3)
		return cmd_usage_error(ctx, "override takes a SHIFT and a HANDLE");
	if ((r = require_manager(ctx, "override")) != 0 ||
	    (r = find_shift(ctx, argv[1], 0, &sh)) != 0 ||
	    (r = swap_override(&s, sh.id, argv[2], cmd_flag(ctx, "force"), &sh)) != 0)
		return r;
	print_shift_object(&sh);
	return 0;
}

const struct cmd_entry cmd_override_entry = {
	.name = "override",
	.args = "SHIFT|DATE HANDLE",
	.options = (const struct cmd_option[]){
		{ "force", 0, NULL, "take it even when that breaks a hard rule (leave, other "
		  "tier, minimum gap, managers-only tier, membership); the rule broken is "
		  "kept in the audit trail", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "give a shift to someone directly (managers)",
	.help = "  SHIFT|DATE   the shift's id (rota schedule show), or a time inside it\n"
		"  HANDLE       who takes it\n"
		"\n"
		"The shift is marked as overridden, so re-generating the schedule keeps\n"
		"it; open swap requests for it are cancelled. A shift in progress may be\n"
		"overridden, one that has ended may not.\n",
	.flags = CMD_WRITE,
	.exec = exec_override,
};
