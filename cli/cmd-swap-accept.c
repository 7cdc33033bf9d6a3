/* rota swap accept: the person asked (or, for a request open to anyone,
 * any member of the term) takes the shift. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/swaps.h"

const struct cmd_entry cmd_swap_accept_entry = {
	.name = "swap accept",
	.args = "ID",
	.summary = "take the shift of a swap request made to you",
	.help = "  ID   the request's id (rota swap list)\n"
		"\n"
		"Only the person asked may accept, or any member of the term when the\n"
		"request names nobody. The hard rules are checked again: accepting is\n"
		"refused (exit 65, saying which rule) when you are on leave then, on call\n"
		"in the other tier, too close to another of your shifts, or not a\n"
		"manager in the escalation tier. The shift becomes yours, marked as a\n"
		"swap, so that re-generating the schedule keeps it.\n",
	.flags = CMD_WRITE,
	.exec = swap_decision_exec,
};
