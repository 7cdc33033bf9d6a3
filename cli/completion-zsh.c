/* The zsh completion script: a #compdef function written from the command
 * table, as the bash one is (cli/completion.h). The first word offers the
 * commands and groups with their summaries (_describe), a group its
 * commands, and a command its options with their help and its positional
 * arguments (_arguments); values are offered as the bash script offers
 * them: choices, handles, offices, rotations and terms from the same
 * database (rota completion names KIND), zones, files and folders. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/completion.h"

/* The longest help text shown beside an option or a command. */
#define DESCR_MAX 72

/* Writes S for use inside a single-quoted zsh word, inside an _arguments
 * description when IN_SPEC (brackets and colons escaped), cut at a whole
 * word within DESCR_MAX bytes: the first clause of a help, its brackets
 * closed. */
static void
put_descr(FILE *f, const char *s, bool in_spec)
{
	size_t len = strcspn(s, ";\n");
	int open = 0;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len > DESCR_MAX) {
		len = DESCR_MAX;
		while (len > 0 && s[len] != ' ')
			len--;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		open += c == '(' ? 1 : c == ')' && open > 0 ? -1 : 0;

		if (c == '\'')
			fputs("'\\''", f);
		else if (in_spec && strchr("[]:\\", c) != NULL)
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fputc(' ', f);
		else
			fputc(c, f);
	}
	while (open-- > 0)      /* "text (the default" of a longer help */
		fputc(')', f);
}

/* The value of an option or argument: its action for _arguments. */
static void
put_value(FILE *f, const char *meta)
{
	fprintf(f, ":%s:_rota_value \"%s\"", meta, meta);
}

/* _rota_first: the first words, commands and groups, with summaries. */
static void
print_first(FILE *f)
{
	fputs("# The first word: a command, or a group of commands.\n"
	      "_rota_first() {\n\tlocal -a cmds\n\tcmds=(\n", f);
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		const struct cmd_entry *e = cmd_table[i];
		size_t len = completion_first_word_len(e->name);

		if ((e->flags & CMD_HIDDEN) || completion_first_word_seen(i, e->name, len))
			continue;
		fprintf(f, "\t\t'%.*s:", (int)len, e->name);
		if (e->name[len] == '\0') {
			put_descr(f, e->summary, false);
		} else {
			fputs("commands:", f);
			for (size_t j = i; cmd_table[j] != NULL; j++)
				if (!(cmd_table[j]->flags & CMD_HIDDEN) &&
				    strncmp(cmd_table[j]->name, e->name, len) == 0 &&
				    cmd_table[j]->name[len] == ' ')
					fprintf(f, " %s", cmd_table[j]->name + len + 1);
		}
		fputs("'\n", f);
	}
	fputs("\t)\n\t_describe -t commands 'rota command' cmds\n}\n\n", f);
}

/* _rota_group WORD: the commands of group WORD with summaries, into
 * reply; fails when WORD is no group. */
static void
print_groups(FILE *f)
{
	fputs("# _rota_group WORD: the commands of group WORD, into reply.\n"
	      "_rota_group() {\n\tcase $1 in\n", f);
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		const struct cmd_entry *e = cmd_table[i];
		size_t len = completion_first_word_len(e->name);

		if ((e->flags & CMD_HIDDEN) || e->name[len] == '\0' ||
		    completion_first_word_seen(i, e->name, len))
			continue;
		fprintf(f, "\t%.*s) reply=(\n", (int)len, e->name);
		for (size_t j = i; cmd_table[j] != NULL; j++) {
			const struct cmd_entry *o = cmd_table[j];

			if ((o->flags & CMD_HIDDEN) || strncmp(o->name, e->name, len) != 0 ||
			    o->name[len] != ' ')
				continue;
			fprintf(f, "\t\t'%s:", o->name + len + 1);
			put_descr(f, o->summary, false);
			fputs("'\n", f);
		}
		fputs("\t) ;;\n", f);
	}
	fputs("\t*) return 1 ;;\n\tesac\n}\n\n", f);
}

/* One option as _arguments specs: "--name=[help]:META:action", and
 * "-o+[help]:..." beside it when it has a letter. */
static void
print_option(FILE *f, const struct cmd_option *o)
{
	const char *meta = o->meta != NULL && completion_plain(o->meta) ? o->meta :
			   o->meta != NULL ? "TEXT" : NULL;

	for (int form = 0; form < 2; form++) {
		if (form == 1 && o->letter == 0)
			break;
		fputs("\t\t'", f);
		if (o->letter != 0)
			fprintf(f, "(-%c --%s)", o->letter, o->name);
		if (form == 0)
			fprintf(f, "--%s%s[", o->name, meta ? "=" : "");
		else
			fprintf(f, "-%c%s[", o->letter, meta ? "+" : "");
		put_descr(f, o->help != NULL ? o->help : "", true);
		fputc(']', f);
		if (meta != NULL)
			put_value(f, meta);
		fputs("'\n", f);
	}
}

/* _rota_specs COMMAND: the _arguments specs of COMMAND, into reply. */
static void
print_specs(FILE *f)
{
	fputs("# _rota_specs COMMAND: its options and arguments for _arguments,\n"
	      "# into reply.\n_rota_specs() {\n\tcase $1 in\n", f);
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		const struct cmd_entry *e = cmd_table[i];
		struct completion_arg v[16];
		size_t n;

		if (e->flags & CMD_HIDDEN)
			continue;
		fprintf(f, "\t'%s') reply=(\n", e->name);
		for (const struct cmd_option *o = e->options; o != NULL && o->name != NULL; o++)
			if (completion_plain(o->name))
				print_option(f, o);
		fputs("\t\t'(- *)--help[print this command'\\''s help]'\n", f);
		n = completion_args(e->args, v, sizeof v / sizeof v[0]);
		for (size_t k = 0; k < n; k++) {
			fprintf(f, "\t\t'%s", v[k].repeated ? "*" : v[k].optional ? ":" : "");
			put_value(f, v[k].meta);
			fputs("'\n", f);
		}
		fputs("\t) ;;\n", f);
	}
	fputs("\t*) return 1 ;;\n\tesac\n}\n\n", f);
}

/* The global options, before the command. */
static void
print_global(FILE *f)
{
	fputs("# The global options, before the command.\n_rota_global_specs=(\n", f);
	for (const struct cmd_option *o = cmd_global_options; o->name != NULL; o++) {
		if (o->flags & CMD_OPT_ALONE) {
			fprintf(f, "\t'(- *)--%s[", o->name);
			put_descr(f, o->help, true);
			fputs("]'\n", f);
			if (o->letter != 0) {
				fprintf(f, "\t'(- *)-%c[", o->letter);
				put_descr(f, o->help, true);
				fputs("]'\n", f);
			}
			continue;
		}
		print_option(f, o);
	}
	fputs(")\n# Those that take a value.\n_rota_global_valued=(", f);
	for (const struct cmd_option *o = cmd_global_options; o->name != NULL; o++)
		if (o->meta != NULL)
			fprintf(f, " --%s", o->name);
	fputs(" )\n\n", f);
}

/* The fixed part: values (COMMAND: a command or group, then a group's
 * command, for rota help), and walking the words. */
static const char zsh_body[] =
	"# _rota_names KIND: the names rota knows, from the same database as the\n"
	"# line typed (its --db and --config).\n"
	"_rota_names() {\n"
	"\tlocal -a names\n"
	"\tnames=(${(f)\"$(_call_program names \"${_rota_prog:-rota}\" \"${_rota_global[@]}\" completion names $1 2>/dev/null)\"})\n"
	"\tcompadd -a names\n"
	"}\n"
	"\n"
	"# _rota_value METAVAR: what may stand for METAVAR: its choices\n"
	"# (text|csv|json), names from the database, zones, files, folders.\n"
	"# _arguments gives its compadd options first: METAVAR is the last word.\n"
	"_rota_value() {\n"
	"\tlocal part ret=1 meta=${argv[-1]}\n"
	"\tlocal -a choices\n"
	"\tfor part in ${(s:|:)meta}; do\n"
	"\t\tcase $part in\n"
	"\t\t[a-z]*) choices+=($part) ;;\n"
	"\t\tHANDLE) _rota_names handle && ret=0 ;;\n"
	"\t\tOFFICE) _rota_names office && ret=0 ;;\n"
	"\t\tROTATION|R) _rota_names rotation && ret=0 ;;\n"
	"\t\tTERM) _rota_names term && ret=0 ;;\n"
	"\t\tZONE) _time_zone && ret=0 ;;\n"
	"\t\tDIR) _directories && ret=0 ;;\n"
	"\t\tFILE|PATH|URL) _files && ret=0 ;;\n"
	"\t\tCOMMAND)\n"
	"\t\t\tlocal -a reply\n"
	"\t\t\tif (( CURRENT == 2 )); then\n"
	"\t\t\t\t_rota_first && ret=0\n"
	"\t\t\telif _rota_group $words[CURRENT-1]; then\n"
	"\t\t\t\t_describe -t commands \"rota $words[CURRENT-1] command\" reply && ret=0\n"
	"\t\t\tfi ;;\n"
	"\t\tesac\n"
	"\tdone\n"
	"\t(( $#choices )) && compadd -a choices && ret=0\n"
	"\t(( ret )) && _message -e values \"$meta\"\n"
	"\treturn ret\n"
	"}\n"
	"\n"
	"# A command's words: a group's command first, then its own arguments.\n"
	"_rota_command() {\n"
	"\tlocal cmd=$words[1]\n"
	"\tlocal -a reply\n"
	"\tif _rota_group $cmd; then\n"
	"\t\tif (( CURRENT == 2 )); then\n"
	"\t\t\t_describe -t commands \"rota $cmd command\" reply\n"
	"\t\t\treturn\n"
	"\t\tfi\n"
	"\t\tcmd=\"$cmd $words[2]\"\n"
	"\t\tshift words\n"
	"\t\t(( CURRENT-- ))\n"
	"\tfi\n"
	"\t_rota_specs $cmd || return 1\n"
	"\tcurcontext=\"${curcontext%:*:*}:rota-${cmd// /-}:\"\n"
	"\t_arguments -S : $reply\n"
	"}\n"
	"\n"
	"_rota() {\n"
	"\tlocal curcontext=$curcontext state state_descr line ret=1\n"
	"\tlocal _rota_prog=$words[1]\n"
	"\tlocal -a _rota_global\n"
	"\tlocal -A opt_args\n"
	"\tlocal i w\n"
	"\t# The database and configuration the line names, for _rota_names.\n"
	"\tfor (( i = 2; i < CURRENT; i++ )); do\n"
	"\t\tw=$words[i]\n"
	"\t\tcase $w in\n"
	"\t\t--db|--config) _rota_global+=($w \"${(Q)words[i + 1]}\"); (( i++ )) ;;\n"
	"\t\t--db=*|--config=*) _rota_global+=(\"${(Q)w}\") ;;\n"
	"\t\t-*) (( ${_rota_global_valued[(Ie)$w]} )) && (( i++ )) ;;\n"
	"\t\t*) break ;;\n"
	"\t\tesac\n"
	"\tdone\n"
	"\t_arguments -C : $_rota_global_specs '1:command:_rota_first' \\\n"
	"\t\t'*::argument:->command' && ret=0\n"
	"\t[[ $state == command ]] && _rota_command && ret=0\n"
	"\treturn ret\n"
	"}\n"
	"\n"
	"_rota \"$@\"\n";

void
completion_print_zsh(FILE *f)
{
	fputs("#compdef rota\n"
	      "# zsh completion for rota(1).\n"
	      "# Generated from rota's command table by `rota completion zsh`; do not\n"
	      "# edit. Install as _rota in a folder of $fpath\n"
	      "# ($(datadir)/zsh/vendor-completions/_rota).\n\n", f);
	print_global(f);
	print_first(f);
	print_groups(f);
	print_specs(f);
	fputs(zsh_body, f);
}
