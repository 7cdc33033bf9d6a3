/* rota swap cancel: the owner withdraws a request. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"

const struct cmd_entry cmd_swap_cancel_entry = {
	.name = "swap cancel",
	.args = "ID",
	.summary = "withdraw a swap request you made",
	.help = "  ID   the request's id (rota swap list)\n"
		"\n"
		"Only the person who asked may cancel, while the request is open.\n",
	.flags = CMD_WRITE,
	.exec = swap_decision_exec,
};
