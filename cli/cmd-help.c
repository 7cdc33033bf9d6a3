/* rota help [COMMAND...]: the help `rota COMMAND --help` prints, for a
 * command, a group of commands or, with no words, the whole program. */
#include "config.h"

#include "cli/cmd.h"

static int
exec_help(struct ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	return cmd_help_words(argc - 1, argv + 1);
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.args = "[COMMAND...]",
	.summary = "list the commands, or those of a group, or show one's help",
	.help = "  COMMAND   a command (\"swap request\") or a group of them (\"swap\");\n"
		"            none: the list of every command, as rota --help prints it\n",
	.flags = CMD_NO_DB,
	.exec = exec_help,
};
