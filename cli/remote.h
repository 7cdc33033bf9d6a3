/* Client mode: rota on a laptop runs the command on the server, through
 * the system's ssh, where `rota serve HANDLE` takes it (cli/cmd-serve.c). */
#ifndef ROTA_CLI_REMOTE_H
#define ROTA_CLI_REMOTE_H

#include "common/config.h"

/* Runs rota's ARGV (all of main's: argv[0] "rota", the global options, the
 * command) on HOST ([user@]host[:port]) through `ssh -T [-p PORT] -- HOST
 * LINE`, LINE the words quoted for rota serve's splitter (common/words.h);
 * ssh is CFG's [remote] ssh, else ssh from PATH, run with execvp, never a
 * shell. Taken here, not sent: --config (this machine's); -o/--output FILE,
 * written here from what the server prints, atomically and only when it
 * exits 0; a FILE the command reads, sent on ssh's standard input as -.
 * Returns the command's exit status (its output and errors pass through
 * as they are); EX_UNAVAILABLE when ssh itself fails (its 255), after
 * ssh's own message; EX_USAGE for words that cannot be sent. */
int remote_run(const struct config *cfg, const char *host, int argc, char **argv);

#endif
