/* What crosses the SSH boundary: the one set of rules that `rota serve`
 * (cli/cmd-serve.c) enforces on the server and that rota in client mode
 * (cli/remote.c) follows on the caller's side. */
#ifndef ROTA_CLI_SERVED_H
#define ROTA_CLI_SERVED_H

#include <stdbool.h>

#include "cli/cmd.h"

/* How rota serve runs a command in-process (cli/main.c, rota_main): as
 * HANDLE, on the database and configuration the serve command itself
 * was given (its --db and --config, the environment, the service
 * account's defaults); the caller's --db and --config are refused. */
struct serving {
	const char *handle;
	const char *db_path;          /* NULL: none said where */
	const char *config_path;      /* NULL: none was read */
	/* served_check_global and served_check (rota, the quick program,
	 * never serves and links neither). */
	int (*check_global)(const char *name);
	int (*check)(const struct cmd_entry *e, int argc, char **argv);
};

/* Whether E never runs through rota serve: serve itself, init and demo
 * (which make databases), publish and notify (run on the server by the
 * service account, from its timer). */
bool served_command_refused(const struct cmd_entry *e);

/* Whether option O names a file or folder (its value a FILE, DIR or
 * PATH): on a server that would be the server's file, so rota serve
 * refuses it; -o FILE is taken by the client instead. */
bool served_option_names_file(const struct cmd_option *o);

/* The position (1 for the first) of the FILE among E's positional
 * arguments (its .args: "FILE", "OFFICE FILE|URL"), or 0 when it reads
 * none; *URL_OK (may be NULL) says whether a URL may stand there. Through
 * rota serve that argument is `-` (standard input) or a URL. */
int served_file_arg(const struct cmd_entry *e, bool *url_ok);

/* For the global options given to rota serve: 0, or EX_NOPERM after
 * saying that --NAME is not allowed (--db, --config). */
int served_check_global(const char *name);

/* For E run through rota serve with ARGV (argv[0] its name, then its
 * options and arguments): 0, or EX_NOPERM after saying what is not
 * allowed (a refused command, an option naming a file, a FILE argument
 * that is not - or a URL). Options it cannot parse are left to
 * cmd_run's usage error. */
int served_check(const struct cmd_entry *e, int argc, char **argv);

#endif
