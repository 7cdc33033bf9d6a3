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
		"request names nobody. Its owner must still hold the time asked for,\n"
		"and the hard rules are checked again: accepting is refused (exit 65,\n"
		"saying which rule) when you are on leave then, on call in the other\n"
		"tier, too close to another of your shifts (for a whole week), or not\n"
		"a manager in the escalation tier. The time asked for (what is left of\n"
		"it from now) becomes yours, marked as a swap, so that re-generating\n"
		"the schedule keeps it; the shift is split where it begins and ends.\n",
	.flags = CMD_WRITE,
	.exec = swap_decision_exec,
};
