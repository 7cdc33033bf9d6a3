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
	/* Its options, in the order given (cmd_run fills them from the
	 * entry's table): read them with cmd_opt() and cmd_flag(); a command
	 * that applies them in order (person set) walks the array. */
	const struct cmd_given *given;
	size_t n_given;
};

enum cmd_flags {
	CMD_WRITE = 1,                /* runs inside one transaction */
	CMD_NO_DB = 2,                /* does not open the database */
	CMD_HIDDEN = 4,               /* not listed in `rota --help` */
	CMD_LOOKUP = 8,               /* reads a few rows: store_read_few() */
	/* Lists rows as it reads them (out_list_rows), however many: in one
	 * read transaction, each page read once, sorts in a temporary file
	 * (store_read_stream()). */
	CMD_STREAM = 16,
	/* Creates the database and its folders when missing (rota init);
	 * every other command refuses a missing folder (database_missing). */
	CMD_MAKES_DB = 64,
};

/* One option of a command, declared once in the command's entry: the
 * framework parses it (cmd_run), and the usage line, --help, the bash
 * completion and the docs test (every option is in rota.1) are made from
 * the same table, so they cannot disagree. A table ends with { NULL }. */
struct cmd_option {
	const char *name;             /* "with" for --with */
	char letter;                  /* 'o' for -o as well; 0 for none */
	/* Its value's metavariable ("HANDLE", "DATE"), or its choices written
	 * "text|csv|json" (completion offers them); NULL for a flag. HANDLE,
	 * OFFICE, ROTATION or R, TERM, ZONE, DIR, FILE, PATH and URL are
	 * completed with the names they stand for. */
	const char *meta;
	/* One line for --help (wrapped to fit): what it does and its default;
	 * more goes in the entry's help text. */
	const char *help;
	int flags;                    /* enum cmd_option_flags */
	/* Nonzero: options sharing it are either/or, at most one given
	 * (exactly one when one of them is CMD_OPT_REQUIRED). */
	int group;
};

enum cmd_option_flags {
	CMD_OPT_REQUIRED = 1,         /* must be given (a group: one of it must) */
	CMD_OPT_ALONE = 2,            /* acts on its own (--help, --version): not in usage lines */
};

/* An option as given: VALUE is NULL for a flag and points into argv. */
struct cmd_given {
	const struct cmd_option *opt;
	const char *value;
};

/* The global options (cli/main.c), which come before the command. */
extern const struct cmd_option cmd_global_options[];

struct cmd_entry {
	const char *name;             /* "swap request" */
	const char *args;             /* the positional arguments: "SHIFT|DATE" */
	const char *summary;          /* one line for `rota --help` */
	/* For `rota CMD --help`: first the positional arguments, lines
	 * indented by two spaces ("  TERM   the term to ..."), after which
	 * the options' list is printed; then the prose. */
	const char *help;
	int flags;
	/* argv[0] is the command name, argv[1..] the positional arguments
	 * (the options are in ctx: cmd_opt, cmd_flag). Returns an exit
	 * status. */
	int (*exec)(struct ctx *ctx, int argc, char **argv);
	/* Its options; NULL for none (then any option is a usage error). */
	const struct cmd_option *options;
};

extern const struct cmd_entry *const cmd_table[];

/* In the full program (cli/cmd-table.c) NULL: cmd_table has every command.
 * In `rota` (cli/cmd-table-quick.c), which has a few quick ones only, runs
 * main's ARGV in the full program instead, for the other commands and the
 * help that lists them all; returns only on failure, with an exit status. */
extern int (*const cmd_elsewhere)(char **argv);
/* Client mode ([remote] host): in the full program remote_run
 * (cli/remote.h); NULL in `rota`, which runs the full program for it. */
extern int (*const cmd_remote)(const struct config *cfg, const char *host,
			       int argc, char **argv);

/* The entry named by the first one or two words of argv, or NULL. *used
 * gets how many words named it. */
const struct cmd_entry *cmd_find(int argc, char **argv, int *used);
/* Runs E (argv[0] is its name): parses its options from its table (a usage
 * error, EX_USAGE, for an unknown option, a missing value, a missing
 * required option or two of an either/or group), then calls its exec with
 * the positional arguments; a CMD_WRITE command runs in one transaction,
 * committed only when it succeeds and ctx->rollback is unset. */
int cmd_run(struct ctx *ctx, const struct cmd_entry *e, int argc, char **argv);

/* The value of the running command's option --NAME (the last one given),
 * or NULL when it was not given. */
const char *cmd_opt(const struct ctx *ctx, const char *name);
/* Whether the running command's option --NAME was given. */
bool cmd_flag(const struct ctx *ctx, const char *name);

/* Parses the options of ARGV (from argv[1]) by the table OPTS with
 * getopt_long (MODE starts its option string: ":" lets options come
 * anywhere among the positional arguments, "+:" stops at the first of
 * them); GIVEN (room for argc) gets them in order, *N_GIVEN their number.
 * Returns the index in ARGV, permuted, of the first positional argument;
 * -1 with a message in ERR for an unknown option or a missing value. */
int cmd_parse_options(const struct cmd_option *opts, const char *mode, int argc,
		      char **argv, struct cmd_given *given, size_t *n_given,
		      char *err, size_t errlen);

/* Prints "usage: rota NAME ARGS OPTIONS", the options as "--tz ZONE
 * [--office OFFICE] (--person HANDLE | --rotation R)", wrapped to the
 * terminal's usual 80 columns under the arguments. */
void cmd_print_usage(const struct cmd_entry *e, FILE *f);
/* Prints OPTS as an aligned list, their help from COLUMN on (or farther,
 * to fit the longest), wrapped to the terminal's usual 80 columns. */
void cmd_print_options(const struct cmd_option *opts, size_t column, FILE *f);
/* Prints the usage line, the summary, the positional arguments, the
 * options and the rest of the help text. */
void cmd_print_help(const struct cmd_entry *e, FILE *f);
/* Prints `rota --help`: the global options and the listed commands. */
void cmd_print_global_help(FILE *f);
/* Whether WORD is the first word of listed commands ("swap"). */
bool cmd_is_group(const char *word);
/* Prints GROUP's commands, one line each, as `rota --help` lists them. */
void cmd_print_group(const char *group, FILE *f);
/* For words ARGV (argc of them, after the global options) naming no
 * command: none, the program's help; a group alone, or followed by options
 * among which HELP says --help is, its commands (0); else "unknown
 * command" with the nearest name, EX_USAGE. */
int cmd_no_entry(int argc, char **argv, bool help);
/* `rota help WORDS`: the help of the command, group or program they name,
 * as `rota WORDS --help` prints it (0); EX_USAGE for an unknown one. */
int cmd_help_words(int argc, char **argv);
/* Prints "rota: MESSAGE" and the running command's usage line; EX_USAGE. */
int cmd_usage_error(struct ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
