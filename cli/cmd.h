/* The command table (tmux's habit): every command is one file cmd-*.c that
 * ends in a `const struct cmd_entry cmd_<name>_entry`, listed in cmd.c. */
#ifndef ROTA_CMD_H
#define ROTA_CMD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "common/config.h"
#include "model/model.h"
#include "service/service.h"
#include "store/store.h"

struct ctx {
	struct store *db;             /* NULL for commands flagged CMD_NO_DB */
	struct config *cfg;
	const char *db_path;
	int64_t now;
	bool json;
	struct actor actor;           /* who is running the command */
	bool rollback;                /* a write command asks to change nothing (--dry-run) */
	const struct cmd_entry *entry;  /* the command running */
};

enum cmd_flags {
	CMD_WRITE = 1,                /* runs inside one transaction */
	CMD_NO_DB = 2,                /* does not open the database */
	CMD_HIDDEN = 4,               /* not listed in `rota --help` */
	CMD_LOOKUP = 8,               /* reads a few rows: store_read_few() */
};

struct cmd_entry {
	const char *name;             /* "swap request" */
	const char *args;             /* "SHIFT|DATE [--with HANDLE]" */
	const char *summary;          /* one line for `rota --help` */
	const char *help;             /* the options, printed by `rota CMD --help` */
	int flags;
	/* argv[0] is the command name; returns an exit status. */
	int (*exec)(struct ctx *ctx, int argc, char **argv);
};

extern const struct cmd_entry *const cmd_table[];

/* In the full program (cli/cmd-table.c) NULL: cmd_table has every command.
 * In `rota` (cli/cmd-table-quick.c), which has a few quick ones only, runs
 * main's ARGV in the full program instead, for the other commands and the
 * help that lists them all; returns only on failure, with an exit status. */
extern int (*const cmd_elsewhere)(char **argv);

/* The entry named by the first one or two words of argv, or NULL. *used
 * gets how many words named it. */
const struct cmd_entry *cmd_find(int argc, char **argv, int *used);
/* Runs E (argv[0] is its name); a CMD_WRITE command runs in one
 * transaction, committed only when it succeeds and ctx->rollback is unset. */
int cmd_run(struct ctx *ctx, const struct cmd_entry *e, int argc, char **argv);

/* Prints "usage: rota NAME ARGS" and the help text. */
void cmd_print_help(const struct cmd_entry *e, FILE *f);
/* Prints "rota: MESSAGE" and the running command's usage line; EX_USAGE. */
int cmd_usage_error(struct ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* For getopt_long's '?' and ':' results: names the bad option. */
int cmd_bad_option(struct ctx *ctx, int c, char **argv);

#endif
