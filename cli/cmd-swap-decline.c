/* rota swap decline: the person asked says no. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"

const struct cmd_entry cmd_swap_decline_entry = {
	.name = "swap decline",
	.args = "ID",
	.summary = "turn down a swap request made to you",
	.help = "  ID   the request's id (rota swap list)\n"
		"\n"
		"Only the person asked may decline, or any member of the term when the\n"
		"request names nobody (which closes it for everyone). The shift stays\n"
		"with its owner, who may ask again.\n",
	.flags = CMD_WRITE,
	.exec = swap_decision_exec,
};
