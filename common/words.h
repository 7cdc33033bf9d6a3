/* Command lines as words, without a shell: what `rota serve` reads from
 * SSH_ORIGINAL_COMMAND, and what rota on a laptop sends through ssh.
 *
 * The splitter's rules, the whole of them (rota(1), rota serve):
 * a space or a tab separates words; inside single quotes every byte is
 * itself; inside double quotes \" is " and \\ is \ (any other byte,
 * a backslash too, is itself); outside quotes a backslash makes the next
 * byte itself. Nothing else is special: no variables, no $(...), no
 * backticks, no ; | & < > or globs. A line is refused whole when a quote is
 * left open or a backslash ends it, when it holds NUL or a control
 * character other than tab (a newline included), or when it is longer
 * than WORDS_MAX_BYTES.
 *
 * words_quote() writes words so that words_split() gives them back. */
#ifndef ROTA_WORDS_H
#define ROTA_WORDS_H

#include <stddef.h>

/* The longest command line rota serve reads: 64 KiB. */
#define WORDS_MAX_BYTES 65536

/* Splits the LEN bytes of LINE into words. 0 with *ARGV (a NULL-ended
 * array, free it with words_free()) and *ARGC; or -1 with the reason in
 * ERR (ERRLEN bytes), *ARGV NULL. */
int words_split(const char *line, size_t len, char ***argv, int *argc,
		char *err, size_t errlen);

/* Frees what words_split() gave. */
void words_free(char **argv);

/* The ARGC words of ARGV as one line that words_split() turns back into
 * them: words of plain characters (letters, digits and _ . / : @ % + = , -)
 * as they are, others in single quotes (a ' as '\''). A malloc'd string;
 * NULL with the reason in ERR for a word holding a control character other
 * than tab, or a line longer than WORDS_MAX_BYTES. */
char *words_quote(char *const *argv, int argc, char *err, size_t errlen);

#endif
