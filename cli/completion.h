/* What the completion scripts are made of, from the command table
 * (cli/cmd-completion.c writes the bash script, cli/completion-zsh.c the
 * zsh one): each reads the same entries, options and positional words, so
 * the two scripts and `rota --help` cannot disagree. */
#ifndef ROTA_CLI_COMPLETION_H
#define ROTA_CLI_COMPLETION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/cmd.h"

/* Whether S is safe to print unquoted inside a script: letters, digits
 * and -_.|:/ only, not empty. */
bool completion_plain(const char *s);

/* The length of the first word of a command's NAME ("swap" of "swap
 * request"). */
size_t completion_first_word_len(const char *name);

/* Whether a listed entry before entry I starts with the first word WORD
 * (LEN bytes): the first word was already written. */
bool completion_first_word_seen(size_t i, const char *word, size_t len);

/* One positional argument of an entry's args ("[HANDLE] FROM TO" gives
 * HANDLE optional, FROM, TO; "COMMAND..." one repeated). */
struct completion_arg {
	char meta[64];
	bool optional, repeated;
};

/* The positional arguments of ARGS into V (at most MAX); their number.
 * Words that are not plain are left out. */
size_t completion_args(const char *args, struct completion_arg *v, size_t max);

/* The zsh completion script, a #compdef function (cli/completion-zsh.c). */
void completion_print_zsh(FILE *f);

#endif
