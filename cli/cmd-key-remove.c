/* rota key remove: a key no longer reaches rota serve. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/keys.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/keys.h"

static int
exec_key_remove(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct ssh_key *v;
	size_t n;
	int r;

	if (argc < 2 || argc > 3)
		return cmd_usage_error(ctx, "key remove takes a HANDLE and at most one "
				       "FINGERPRINT");
	r = key_remove(&s, argv[1], argc == 3 ? argv[2] : NULL, &v, &n);
	if (r == 0) {
		print_keys(v, n);
		out_note("Removed %zu key%s.", n, n == 1 ? "" : "s");
	}
	free(v);
	return r;
}

const struct cmd_entry cmd_key_remove_entry = {
	.name = "key remove",
	.args = "HANDLE [FINGERPRINT]",
	.summary = "remove a person's SSH keys, or one of them (managers)",
	.help = "  HANDLE        whose keys\n"
		"  FINGERPRINT   only this key (SHA256:..., as rota key list shows it);\n"
		"                default: every key of HANDLE\n"
		"Removes the keys and their lines from authorized_keys, keeping every\n"
		"line rota did not write. rota person remove removes the person's keys\n"
		"too. With --json: the list of keys removed.\n",
	.flags = CMD_WRITE,
	.exec = exec_key_remove,
};
