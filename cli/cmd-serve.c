/* rota serve HANDLE: the forced command of a person's key in the service
 * account's authorized_keys (command="rota serve HANDLE",restrict ...).
 * It reads the caller's command from SSH_ORIGINAL_COMMAND, splits it
 * into words without a shell (common/words.h), and runs it in this
 * process as HANDLE, with HANDLE's rights (cli/main.c with a struct
 * serving, cli/served.h for what is refused). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/main.h"
#include "common/err.h"
#include "common/words.h"
#include "common/xalloc.h"

static int
exec_serve(struct ctx *ctx, int argc, char **argv)
{
	const char *line = getenv("SSH_ORIGINAL_COMMAND");
	struct serving sv = { 0 };
	char **words, **av, err[128];
	int n, skip, r;

	if (argc != 2)
		return cmd_usage_error(ctx, "serve takes one HANDLE");
	/* An interactive login (ssh HOST alone): say what the account is for,
	 * as git-shell does. */
	if (line == NULL)
		return rota_fail(EX_USAGE, "serve: this account runs rota commands only, "
				 "as in: ssh %s@HOST rota now (or rota with [remote] host "
				 "in your rota.conf); no shell", getenv("USER") ? getenv("USER") :
				 "rota");
	if (words_split(line, strlen(line), &words, &n, err, sizeof err) != 0)
		return rota_fail(EX_USAGE, "serve: the command was refused, nothing was "
				 "run: %s", err);
	skip = n > 0 && strcmp(words[0], "rota") == 0;
	av = xcalloc((size_t)(n - skip) + 2, sizeof *av);
	av[0] = (char *)"rota";
	for (int i = skip; i < n; i++)
		av[i - skip + 1] = words[i];
	sv.handle = argv[1];
	sv.db_path = ctx->db_path;
	sv.config_path = config_path(ctx->cfg);
	sv.check_global = served_check_global;
	sv.check = served_check;
	r = rota_main(n - skip + 1, av, &sv);
	free(av);
	words_free(words);
	return r;
}

const struct cmd_entry cmd_serve_entry = {
	.name = "serve",
	.args = "HANDLE",
	.summary = "run SSH_ORIGINAL_COMMAND as HANDLE (authorized_keys)",
	.help = "  HANDLE   the person whose key this is: the command runs as them,\n"
		"           with their rights\n"
		"The forced command of a key in the service account's authorized_keys:\n"
		"  command=\"rota serve ana\",restrict ssh-ed25519 AAAA... ana@laptop\n"
		"It splits SSH_ORIGINAL_COMMAND into words without a shell (rota(1),\n"
		"rota serve) and runs them as rota would, as HANDLE. Refused (exit 77,\n"
		"nothing run): --db, --config, --as unless HANDLE is a manager, the\n"
		"commands serve, init, demo, publish and notify, options naming a file\n"
		"on the server (-o, --dir), and a FILE to read that is not - (standard\n"
		"input) or a URL. A line that cannot be split exits 64.\n",
	.flags = CMD_NO_DB,
	.exec = exec_serve,
};
