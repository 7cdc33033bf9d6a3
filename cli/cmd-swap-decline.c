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
		"Only the person asked may decline, which closes the request, or any\n"
		"member of the term when the request names nobody: that only leaves\n"
		"you out (it stays open to the others and leaves your swap list, and\n"
		"closes once every member has declined). The shift stays with its\n"
		"owner, who may cancel the request or ask again.\n",
	.flags = CMD_WRITE,
	.exec = swap_decision_exec,
};
