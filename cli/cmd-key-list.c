/* rota key list: who may reach rota over SSH, with which keys. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/keys.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/keys.h"

static int
exec_key_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct ssh_key *v;
	size_t n;
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "key list takes at most one HANDLE");
	if ((r = key_list(&s, argc == 2 ? argv[1] : NULL, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No keys%s%s: add one with rota key add.", argc == 2 ? " for " : "",
			 argc == 2 ? argv[1] : "");
	print_keys(v, n);
	free(v);
	return 0;
}

const struct cmd_entry cmd_key_list_entry = {
	.name = "key list",
	.args = "[HANDLE]",
	.summary = "list the SSH keys that reach rota serve",
	.help = "  HANDLE   only this person's keys (default: everyone's for a manager,\n"
		"           your own for anyone else; another's: managers only)\n"
		"Prints each key's holder, type, SHA256 fingerprint (as ssh-keygen -l\n"
		"and sshd's log show it) and comment. With --json: a list of {handle,\n"
		"type, fingerprint, comment}.\n",
	.exec = exec_key_list,
};
