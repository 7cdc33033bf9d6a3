/* rota completion: a bash or zsh completion script built from the
 * command table, so it never lags behind the commands.
 *
 *   rota completion bash          the bash script (make installs it)
 *   rota completion zsh           the zsh script (cli/completion-zsh.c)
 *   rota completion names KIND    handles, offices, rotations or terms, one
 *                                 a line, for the script to offer; nothing
 *                                 when the database does not exist yet
 *   rota completion options       every option of every command listed by
 *                                 rota --help ("person add --name", "feed
 *                                 export -o"), then the global options
 *                                 ("--db"), one a line: what the docs test
 *                                 looks for in rota.1
 *
 * The options of a command are its entry's table (struct cmd_option): an
 * option takes a value when it has a metavariable, which tells the script
 * what to offer for it (_rota_value). The positional arguments are the
 * words of the entry's args. */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/completion.h"
#include "common/err.h"

#define OPT_MAX 64
#define WORD_MAX 64

struct opt {
	char name[WORD_MAX + 2];        /* "--tz" */
	char value[WORD_MAX];           /* "ZONE", "primary|escalation"; "" for a flag */
	char letter;                    /* 'o' for -o too, else 0 */
};

struct opts {
	struct opt v[OPT_MAX];
	size_t n;
};

static void
opts_add(struct opts *o, const char *name, const char *value, char letter)
{
	if (o->n == OPT_MAX)
		return;
	snprintf(o->v[o->n].name, sizeof o->v[o->n].name, "--%s", name);
	snprintf(o->v[o->n].value, sizeof o->v[o->n].value, "%s", value ? value : "");
	o->v[o->n].letter = letter;
	o->n++;
}

/* The options of E, from its table. */
static void
entry_options(const struct cmd_entry *e, struct opts *o)
{
	o->n = 0;
	for (const struct cmd_option *c = e->options; c != NULL && c->name != NULL; c++)
		opts_add(o, c->name, c->meta, c->letter);
}

bool
completion_plain(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && strchr("-_.|:/", *s) == NULL)
			return false;
	return true;
}

size_t
completion_args(const char *args, struct completion_arg *v, size_t max)
{
	const char *p = args;
	size_t n = 0;
	int depth = 0;

	while (*p != '\0' && n < max) {
		struct completion_arg *a = &v[n];
		size_t len = 0;

		while (*p == ' ' || *p == '[' || *p == ']' || *p == '(' || *p == ')') {
			depth += *p == '[' ? 1 : *p == ']' ? -1 : 0;
			p++;
		}
		if (*p == '\0')
			break;
		a->optional = depth > 0;
		while (p[len] != '\0' && p[len] != ' ' && p[len] != '[' &&
		       p[len] != ']' && p[len] != '(' && p[len] != ')') {
			if (len + 1 < sizeof a->meta)
				a->meta[len] = p[len];
			len++;
		}
		a->meta[len < sizeof a->meta ? len : sizeof a->meta - 1] = '\0';
		p += len;
		len = strlen(a->meta);
		a->repeated = len > 3 && strcmp(a->meta + len - 3, "...") == 0;
		if (a->repeated)
			a->meta[len - 3] = '\0';
		if (strcmp(a->meta, "|") == 0 || a->meta[0] == '\0' ||
		    !completion_plain(a->meta))
			continue;
		n++;
	}
	return n;
}

/* Prints the positional metavariables of ARGS: "[HANDLE] FROM TO" gives
 * " HANDLE FROM TO"; a repeated one keeps its "..." ("COMMAND...") and
 * ends the list. */
static void
print_positionals(FILE *f, const char *args)
{
	struct completion_arg v[16];
	size_t n = completion_args(args, v, sizeof v / sizeof v[0]);

	for (size_t i = 0; i < n; i++) {
		fprintf(f, " %s%s", v[i].meta, v[i].repeated ? "..." : "");
		if (v[i].repeated)
			break;
	}
}

bool
completion_first_word_seen(size_t i, const char *word, size_t len)
{
	for (size_t j = 0; j < i; j++) {
		const char *name = cmd_table[j]->name;
		if (cmd_table[j]->flags & CMD_HIDDEN)
			continue;
		if (strncmp(name, word, len) == 0 &&
		    (name[len] == ' ' || name[len] == '\0'))
			return true;
	}
	return false;
}

size_t
completion_first_word_len(const char *name)
{
	const char *sp = strchr(name, ' ');
	return sp ? (size_t)(sp - name) : strlen(name);
}

static void
print_words(FILE *f)
{
	fputs("# The words that may follow WORD (\"\" for the first word).\n"
	      "_rota_words() {\n\tcase $1 in\n\t'') echo '", f);
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		const char *name = cmd_table[i]->name;
		size_t len = completion_first_word_len(name);
		if ((cmd_table[i]->flags & CMD_HIDDEN) || completion_first_word_seen(i, name, len))
			continue;
		fprintf(f, "%s%.*s", i ? " " : "", (int)len, name);
	}
	fputs("' ;;\n", f);
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		const char *name = cmd_table[i]->name;
		size_t len = completion_first_word_len(name);
		bool any = false;
		if ((cmd_table[i]->flags & CMD_HIDDEN) || name[len] == '\0' ||
		    completion_first_word_seen(i, name, len))
			continue;
		fprintf(f, "\t%.*s) echo '", (int)len, name);
		for (size_t j = i; cmd_table[j] != NULL; j++) {
			const char *other = cmd_table[j]->name;
			if ((cmd_table[j]->flags & CMD_HIDDEN) ||
			    strncmp(other, name, len) != 0 || other[len] != ' ')
				continue;
			fprintf(f, "%s%s", any ? " " : "", other + len + 1);
			any = true;
		}
		fputs("' ;;\n", f);
	}
	fputs("\tesac\n}\n\n", f);
}

/* Prints OPTS for _rota_opts: "--opt" for a flag, "--opt=VALUE" for one
 * taking a value (TEXT when its metavariable is not plain), its letter
 * after a bar ("--output|-o=FILE"). */
static void
print_opts(FILE *f, const struct opts *o)
{
	bool first = true;

	for (size_t j = 0; j < o->n; j++) {
		const struct opt *v = &o->v[j];
		const char *value = v->value[0] == '\0' ? "" :
				    completion_plain(v->value) ? v->value : "TEXT";

		if (!completion_plain(v->name))
			continue;
		fprintf(f, "%s%s", first ? "" : " ", v->name);
		if (v->letter != 0)
			fprintf(f, "|-%c", v->letter);
		if (*value != '\0')
			fprintf(f, "=%s", value);
		first = false;
	}
}

/* The options, their values and the positional arguments of each command. */
static void
print_commands(FILE *f)
{
	fputs("# _rota_command CMD: sets _rota_opts (\"--opt\", \"--opt=VALUE\" for one\n"
	      "# taking a value, \"--opt|-o=VALUE\" for one with a letter) and\n"
	      "# _rota_args (the positional arguments; \"COMMAND...\" for any number).\n"
	      "_rota_command() {\n\tcase $1 in\n", f);
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		const struct cmd_entry *e = cmd_table[i];
		struct opts o = { .n = 0 };

		if (e->flags & CMD_HIDDEN)
			continue;
		entry_options(e, &o);
		opts_add(&o, "help", NULL, 0);
		fprintf(f, "\t'%s')\n\t\t_rota_opts='", e->name);
		print_opts(f, &o);
		fputs("'\n\t\t_rota_args='", f);
		print_positionals(f, e->args);
		fputs("' ;;\n", f);
	}
	fputs("\t*) _rota_opts='--help' _rota_args='' ;;\n\tesac\n}\n\n", f);
}

/* The fixed part: walking the words typed so far, and offering values. */
static const char script_body[] =
	"# _rota_value METAVAR CUR: offers what may stand for METAVAR (COMMAND:\n"
	"# a command or group first, then a group's commands, as rota help takes).\n"
	"_rota_value() {\n"
	"\tlocal cur=$2 part words='' IFS\n"
	"\t[ \"$cur\" = = ] && cur=''\n"
	"\tlocal -a parts\n"
	"\tIFS='|' read -ra parts <<<\"$1\"\n"
	"\tIFS=$' \\t\\n'\n"
	"\tfor part in \"${parts[@]}\"; do\n"
	"\t\tcase $part in\n"
	"\t\t[a-z]*) words+=\" $part\" ;;\n"
	"\t\tHANDLE) words+=\" $(_rota_names handle)\" ;;\n"
	"\t\tOFFICE) words+=\" $(_rota_names office)\" ;;\n"
	"\t\tROTATION|R) words+=\" $(_rota_names rotation)\" ;;\n"
	"\t\tTERM) words+=\" $(_rota_names term)\" ;;\n"
	"\t\tCOMMAND) words+=\" $(_rota_words \"$_rota_prev\")\" ;;\n"
	"\t\tZONE)\n"
	"\t\t\tif [ -d /usr/share/zoneinfo ]; then\n"
	"\t\t\t\twords+=\" $(cd /usr/share/zoneinfo && compgen -f -- \"$cur\")\"\n"
	"\t\t\tfi ;;\n"
	"\t\tDIR)\n"
	"\t\t\tcompopt -o filenames 2>/dev/null\n"
	"\t\t\tCOMPREPLY+=($(compgen -d -- \"$cur\")) ;;\n"
	"\t\tFILE|PATH|URL)\n"
	"\t\t\tcompopt -o filenames 2>/dev/null\n"
	"\t\t\tCOMPREPLY+=($(compgen -f -- \"$cur\")) ;;\n"
	"\t\tesac\n"
	"\tdone\n"
	"\t[ -n \"$words\" ] && COMPREPLY+=($(compgen -W \"$words\" -- \"$cur\"))\n"
	"\treturn 0\n"
	"}\n"
	"\n"
	"# _rota_names KIND: the names rota knows (from the same database).\n"
	"_rota_names() {\n"
	"\t\"${_rota_prog:-rota}\" \"${_rota_global[@]}\" completion names \"$1\" 2>/dev/null\n"
	"}\n"
	"\n"
	"# _rota_opt OPT: the entry of option OPT (its name or its letter) in the\n"
	"# current _rota_opts (\"--output|-o=FILE\"), or nothing.\n"
	"_rota_opt() {\n"
	"\tlocal o\n"
	"\tfor o in $_rota_opts; do\n"
	"\t\t[[ \"|${o%%=*}|\" == *\"|$1|\"* ]] && { echo \"$o\"; return; }\n"
	"\tdone\n"
	"}\n"
	"\n"
	"# The names and letters of the options of the current _rota_opts not\n"
	"# given yet (_rota_given).\n"
	"_rota_optnames() {\n"
	"\tlocal o\n"
	"\tfor o in $_rota_opts; do\n"
	"\t\to=${o%%=*}\n"
	"\t\t[[ \" $_rota_given \" == *\" $o \"* ]] || echo \"${o//|/ }\"\n"
	"\tdone\n"
	"}\n"
	"\n"
	"# _rota_take: the option COMP_WORDS[i] is noted in _rota_given, and it\n"
	"# and its value (when it takes one) in _rota_taken; i moves to the last\n"
	"# word it used. Returns 1 when the word being completed is its value,\n"
	"# offered.\n"
	"_rota_take() {\n"
	"\tlocal w=${COMP_WORDS[i]} e\n"
	"\te=$(_rota_opt \"${w%%=*}\")\n"
	"\t_rota_given+=\" ${e%%=*}\"\n"
	"\t_rota_taken=(\"$w\")\n"
	"\t[[ $w != -*=* && $e == *=* ]] || return 0\n"
	"\t# \"--opt=\" is the words --opt and =, the value a third.\n"
	"\t[ $((i + 1)) -lt \"$COMP_CWORD\" ] && [ \"${COMP_WORDS[i + 1]}\" = = ] &&\n"
	"\t\ti=$((i + 1))\n"
	"\tif [ $((i + 1)) -eq \"$COMP_CWORD\" ]; then\n"
	"\t\t_rota_value \"${e#*=}\" \"$cur\"\n"
	"\t\treturn 1\n"
	"\tfi\n"
	"\ti=$((i + 1))\n"
	"\t_rota_taken+=(\"${COMP_WORDS[i]}\")\n"
	"\treturn 0\n"
	"}\n"
	"\n"
	"_rota() {\n"
	"\tlocal cur=${COMP_WORDS[COMP_CWORD]} i=1 w v cmd n=0 dashdash=''\n"
	"\tlocal _rota_opts=$_rota_global_opts _rota_given=''\n"
	"\tlocal _rota_args='' _rota_prog=${COMP_WORDS[0]} _rota_prev=''\n"
	"\tlocal -a _rota_global=() _rota_taken=()\n"
	"\tCOMPREPLY=()\n"
	"\t# Global options, before the command (those naming the database and\n"
	"\t# the configuration kept for _rota_names; --as is not).\n"
	"\twhile [ \"$i\" -lt \"$COMP_CWORD\" ]; do\n"
	"\t\tw=${COMP_WORDS[i]}\n"
	"\t\tcase $w in\n"
	"\t\t-*)\n"
	"\t\t\t_rota_take || return 0\n"
	"\t\t\t[ \"${w%%=*}\" != --as ] && _rota_global+=(\"${_rota_taken[@]}\") ;;\n"
	"\t\t*) break ;;\n"
	"\t\tesac\n"
	"\t\ti=$((i + 1))\n"
	"\tdone\n"
	"\tif [ \"$i\" -eq \"$COMP_CWORD\" ]; then\n"
	"\t\tcase $cur in\n"
	"\t\t-*) COMPREPLY=($(compgen -W \"$(_rota_optnames)\" -- \"$cur\")) ;;\n"
	"\t\t*) COMPREPLY=($(compgen -W \"$(_rota_words '')\" -- \"$cur\")) ;;\n"
	"\t\tesac\n"
	"\t\treturn 0\n"
	"\tfi\n"
	"\t# The command: one word, or a word and a subcommand.\n"
	"\tcmd=${COMP_WORDS[i]}\n"
	"\tv=$(_rota_words \"$cmd\")\n"
	"\tif [ -n \"$v\" ]; then\n"
	"\t\tif [ $((i + 1)) -eq \"$COMP_CWORD\" ]; then\n"
	"\t\t\tCOMPREPLY=($(compgen -W \"$v\" -- \"$cur\"))\n"
	"\t\t\treturn 0\n"
	"\t\tfi\n"
	"\t\tcmd=\"$cmd ${COMP_WORDS[i + 1]}\"\n"
	"\t\ti=$((i + 1))\n"
	"\tfi\n"
	"\t_rota_command \"$cmd\"\n"
	"\t_rota_given=''\n"
	"\t# Its arguments so far: options, their values, positionals (the last\n"
	"\t# in _rota_prev).\n"
	"\ti=$((i + 1))\n"
	"\twhile [ \"$i\" -lt \"$COMP_CWORD\" ]; do\n"
	"\t\tw=${COMP_WORDS[i]}\n"
	"\t\tcase $dashdash$w in\n"
	"\t\t--) dashdash=x ;;\n"
	"\t\t-*) _rota_take || return 0 ;;\n"
	"\t\t*) n=$((n + 1)) _rota_prev=$w ;;\n"
	"\t\tesac\n"
	"\t\ti=$((i + 1))\n"
	"\tdone\n"
	"\tif [ -z \"$dashdash\" ] && [[ $cur == -* ]]; then\n"
	"\t\tCOMPREPLY=($(compgen -W \"$(_rota_optnames)\" -- \"$cur\"))\n"
	"\t\treturn 0\n"
	"\tfi\n"
	"\t# The positional argument N, or the last when it repeats (COMMAND...).\n"
	"\tset -- $_rota_args\n"
	"\t[ \"$#\" -gt 0 ] || return 0\n"
	"\tif [ \"$n\" -lt \"$#\" ]; then\n"
	"\t\tshift \"$n\"\n"
	"\telse\n"
	"\t\tshift $(($# - 1))\n"
	"\t\t[[ $1 == *... ]] || return 0\n"
	"\tfi\n"
	"\t_rota_value \"${1%...}\" \"$cur\"\n"
	"\treturn 0\n"
	"}\n"
	"\n"
	"complete -F _rota rota\n";

static void
print_bash(FILE *f)
{
	fputs("# bash completion for rota(1).\n"
	      "# Generated from rota's command table by `rota completion bash`;\n"
	      "# do not edit. Install as "
	      "$(datadir)/bash-completion/completions/rota.\n\n", f);
	struct opts global = { .n = 0 };

	for (const struct cmd_option *o = cmd_global_options; o->name != NULL; o++)
		opts_add(&global, o->name, o->meta, o->letter);
	fputs("# The global options, which come before the command.\n"
	      "_rota_global_opts='", f);
	print_opts(f, &global);
	fputs("'\n\n", f);
	print_words(f);
	print_commands(f);
	fputs(script_body, f);
}

/* One name a line: what the database knows of KIND. */
static int
print_names(struct ctx *ctx, const char *kind)
{
	struct store *db = NULL;
	size_t n = 0;
	int r;

	if (strcmp(kind, "handle") != 0 && strcmp(kind, "office") != 0 &&
	    strcmp(kind, "rotation") != 0 && strcmp(kind, "term") != 0)
		return cmd_usage_error(ctx, "unknown kind '%s' (handle, office, "
				       "rotation or term)", kind);
	/* Completing must not create a database as a side effect. */
	if (ctx->db_path == NULL || access(ctx->db_path, F_OK) != 0)
		return 0;
	if ((r = store_open(ctx->db_path, &db)) != 0)
		return r;
	if (strcmp(kind, "handle") == 0) {
		struct person *v;
		if ((r = store_person_list(db, &v, &n)) == 0) {
			for (size_t i = 0; i < n; i++)
				puts(v[i].handle);
			free(v);
		}
	} else if (strcmp(kind, "office") == 0) {
		struct office *v;
		if ((r = store_office_list(db, &v, &n)) == 0) {
			for (size_t i = 0; i < n; i++)
				puts(v[i].name);
			free(v);
		}
	} else if (strcmp(kind, "rotation") == 0) {
		struct rotation *v;
		if ((r = store_rotation_list(db, &v, &n)) == 0) {
			for (size_t i = 0; i < n; i++)
				puts(v[i].name);
			free(v);
		}
	} else {
		struct term *v;
		if ((r = store_term_list(db, 0, &v, &n)) == 0) {
			for (size_t i = 0; i < n; i++)
				puts(v[i].name);
			free(v);
		}
	}
	store_close(db);
	return r;
}

/* "COMMAND --option" and "COMMAND -o" for every option of every command
 * rota --help lists, then "--option" and "-o" for the global ones. */
static void
print_options(FILE *f)
{
	struct opts o;

	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		const struct cmd_entry *e = cmd_table[i];

		if (e->flags & CMD_HIDDEN)
			continue;
		entry_options(e, &o);
		for (size_t j = 0; j < o.n; j++) {
			fprintf(f, "%s %s\n", e->name, o.v[j].name);
			if (o.v[j].letter != 0)
				fprintf(f, "%s -%c\n", e->name, o.v[j].letter);
		}
	}
	for (const struct cmd_option *g = cmd_global_options; g->name != NULL; g++) {
		fprintf(f, "--%s\n", g->name);
		if (g->letter != 0)
			fprintf(f, "-%c\n", g->letter);
	}
}

static int
exec_completion(struct ctx *ctx, int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "bash") == 0) {
		print_bash(stdout);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "zsh") == 0) {
		completion_print_zsh(stdout);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "options") == 0) {
		print_options(stdout);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "names") == 0)
		return print_names(ctx, argv[2]);
	return cmd_usage_error(ctx, "completion takes bash or zsh (or, for the scripts, "
			       "options, or names KIND)");
}

const struct cmd_entry cmd_completion_entry = {
	.name = "completion",
	.args = "bash|zsh",
	.summary = "print a bash or zsh completion script",
	.help = "  bash          the bash script; `make install` puts it where bash-completion\n"
		"                loads it ($(datadir)/bash-completion/completions/rota)\n"
		"  zsh           the zsh script, a #compdef function; `make install` puts it\n"
		"                in $(datadir)/zsh/vendor-completions/_rota\n"
		"\n"
		"Both are built from the command table, so they offer every command,\n"
		"option and choice this rota has, and the handles, offices, rotations\n"
		"and terms of the database the line names (--db, else the default).\n"
		"Without make install: eval \"$(rota completion bash)\" in ~/.bashrc;\n"
		"for zsh, rota completion zsh >~/.zfunc/_rota with ~/.zfunc in $fpath\n"
		"before compinit.\n"
		"\n"
		"The scripts also use two forms of their own: `rota completion options`\n"
		"(every option of every command, \"COMMAND --option\", then the global\n"
		"ones, one a line) and `rota completion names KIND` (the handles,\n"
		"offices, rotations or terms in the database, one a line; nothing when\n"
		"there is no database yet).\n",
	.flags = CMD_NO_DB,
	.exec = exec_completion,
};
