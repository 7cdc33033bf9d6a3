/* The lookup of a command by its words, its options, its help, and running
 * it. Each command declares its options once (struct cmd_option): they are
 * parsed here, and the usage line, --help, the bash completion
 * (cmd-completion.c) and the docs test are made from the same table. */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "common/err.h"
#include "common/text.h"
#include "common/xalloc.h"

const struct cmd_option cmd_global_options[] = {
	{ "db", 0, "PATH", "the database (else $ROTA_DB, the config's database, "
	  "$XDG_DATA_HOME/rota/rota.db)", 0, 0 },
	{ "config", 0, "PATH", "the configuration file (else $ROTA_CONFIG, "
	  "$XDG_CONFIG_HOME/rota/rota.conf, /etc/rota/rota.conf)", 0, 0 },
	{ "json", 0, NULL, "print JSON for scripts instead of tables", 0, 0 },
	{ "as", 0, "HANDLE", "act as another person (managers and root only)", 0, 0 },
	{ "color", 0, "always|never|auto", "colour in tables and reports: auto (the "
	  "default) when stdout is a terminal and NO_COLOR is unset", 0, 0 },
	{ "progress", 0, "always|never|auto", "progress bars on stderr (page import, "
	  "publish): auto (the default) when stderr is a terminal", 0, 0 },
	{ "width", 0, "N", "fit tables to N columns (at least 20) as on a terminal that "
	  "wide (else the terminal's; a pipe gets every column)", 0, 0 },
	{ "wide", 0, NULL, "print every column of tables, however wide the terminal", 0, 0 },
	{ "input-name", 0, "NAME", "the name messages give a file read from standard "
	  "input (-); client mode sends the caller's file name", 0, 0 },
	{ "help", 'h', NULL, "this list; `rota COMMAND --help` for one command",
	  CMD_OPT_ALONE, 0 },
	{ "version", 0, NULL, "print the version", CMD_OPT_ALONE, 0 },
	{ NULL, 0, NULL, NULL, 0, 0 },
};

/* Whether the first words of argv spell NAME ("swap request"). */
static int
words_match(const char *name, int argc, char **argv)
{
	const char *space = strchr(name, ' ');

	if (space == NULL)
		return strcmp(argv[0], name) == 0 ? 1 : 0;
	if (argc < 2 || strncmp(argv[0], name, (size_t)(space - name)) != 0 ||
	    argv[0][space - name] != '\0')
		return 0;
	return strcmp(argv[1], space + 1) == 0 ? 2 : 0;
}

const struct cmd_entry *
cmd_find(int argc, char **argv, int *used)
{
	for (const struct cmd_entry *const *e = cmd_table; *e; e++) {
		int n = words_match((*e)->name, argc, argv);
		if (n > 0) {
			*used = n;
			return *e;
		}
	}
	return NULL;
}

/* -- Parsing ------------------------------------------------------------ */

/* getopt_long's value for option I of a table: above any letter. */
#define OPT_VAL 256

static size_t
count_options(const struct cmd_option *opts)
{
	size_t n = 0;

	while (opts != NULL && opts[n].name != NULL)
		n++;
	return n;
}

int
cmd_parse_options(const struct cmd_option *opts, const char *mode, int argc,
		  char **argv, struct cmd_given *given, size_t *n_given,
		  char *err, size_t errlen)
{
	size_t n = count_options(opts);
	struct option *longs = xcalloc(n + 1, sizeof *longs);
	char *shorts = xmalloc(strlen(mode) + 2 * n + 1), *s = shorts, why[96];
	int c, r = 0;

	s += strlen(strcpy(shorts, mode));
	for (size_t i = 0; i < n; i++) {
		longs[i].name = opts[i].name;
		longs[i].has_arg = opts[i].meta != NULL ? required_argument : no_argument;
		longs[i].val = OPT_VAL + (int)i;
		if (opts[i].letter != 0) {
			*s++ = opts[i].letter;
			if (opts[i].meta != NULL)
				*s++ = ':';
		}
	}
	*s = '\0';
	*n_given = 0;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		const struct cmd_option *o = NULL;

		if (c >= OPT_VAL)
			o = &opts[c - OPT_VAL];
		for (size_t i = 0; o == NULL && c != '?' && c != ':' && i < n; i++)
			if (opts[i].letter == c)
				o = &opts[i];
		if (c == ':')
			snprintf(err, errlen, "option %s needs a value", argv[optind - 1]);
		else if (o == NULL && optopt >= OPT_VAL)
			snprintf(err, errlen, "option --%s takes no value",
				 opts[optopt - OPT_VAL].name);
		else if (o == NULL && optopt > 0)
			snprintf(err, errlen, "unknown option '-%c'", optopt);
		else if (o == NULL)
			snprintf(err, errlen, "unknown option '%s'", argv[optind - 1]);
		if (o == NULL) {
			r = -1;
			break;
		}
		given[*n_given].opt = o;
		given[*n_given].value = o->meta != NULL ? optarg : NULL;
		(*n_given)++;
		/* The one rule for text, where every option's value enters. */
		if (o->meta != NULL && text_fault(optarg, TEXT_LINE, why, sizeof why) != 0) {
			snprintf(err, errlen, "--%s: %s", o->name, why);
			r = -1;
			break;
		}
	}
	free(longs);
	free(shorts);
	return r < 0 ? -1 : optind;
}

static const struct cmd_option *
option_named(const struct cmd_option *opts, const char *name)
{
	for (size_t i = 0; opts != NULL && opts[i].name != NULL; i++)
		if (strcmp(opts[i].name, name) == 0)
			return &opts[i];
	return NULL;
}

static bool
was_given(const struct ctx *ctx, const struct cmd_option *o)
{
	for (size_t i = 0; i < ctx->n_given; i++)
		if (ctx->given[i].opt == o)
			return true;
	return false;
}

/* The option of the running command named NAME: a name its table lacks is
 * a mistake in the program, never a user's. */
static const struct cmd_option *
declared(const struct ctx *ctx, const char *name)
{
	const struct cmd_option *o = option_named(ctx->entry->options, name);

	if (o == NULL) {
		rota_fail(EX_SOFTWARE, "internal error: %s declares no option --%s",
			  ctx->entry->name, name);
		abort();
	}
	return o;
}

const char *
cmd_opt(const struct ctx *ctx, const char *name)
{
	const struct cmd_option *o = declared(ctx, name);
	const char *v = NULL;

	for (size_t i = 0; i < ctx->n_given; i++)
		if (ctx->given[i].opt == o)
			v = ctx->given[i].value;
	return v;
}

bool
cmd_flag(const struct ctx *ctx, const char *name)
{
	return was_given(ctx, declared(ctx, name));
}

/* "--NAME" or, with META, "--NAME META"; the short form "-o FILE" instead
 * when SHORT and the option has a letter and a value. */
static void
spec(const struct cmd_option *o, bool short_form, char *buf, size_t len)
{
	if (short_form && o->letter != 0 && o->meta != NULL)
		snprintf(buf, len, "-%c %s", o->letter, o->meta);
	else
		snprintf(buf, len, "--%s%s%s", o->name, o->meta ? " " : "",
			 o->meta ? o->meta : "");
}

/* Appends WORD to the list in BUF: "A", "A and B", "A, B and C" (JOIN is
 * " and " or " or "); I is its index, N the length of the list. */
static void
list_add(char *buf, size_t len, const char *word, size_t i, size_t n, const char *join)
{
	size_t used = strlen(buf);

	snprintf(buf + used, len - used, "%s%s", i == 0 ? "" : i + 1 == n ? join : ", ",
		 word);
}

/* The required options and the either/or groups, one message each. */
static int
check_given(struct ctx *ctx)
{
	const struct cmd_option *opts = ctx->entry->options;
	size_t n = count_options(opts), missing = 0, k = 0;
	char list[512] = "", one[128];

	for (size_t i = 0; i < n; i++)
		if ((opts[i].flags & CMD_OPT_REQUIRED) && opts[i].group == 0 &&
		    !was_given(ctx, &opts[i]))
			missing++;
	for (size_t i = 0; i < n && missing > 0; i++)
		if ((opts[i].flags & CMD_OPT_REQUIRED) && opts[i].group == 0 &&
		    !was_given(ctx, &opts[i])) {
			snprintf(one, sizeof one, "--%s", opts[i].name);
			list_add(list, sizeof list, one, k++, missing, " and ");
		}
	if (missing > 0)
		return cmd_usage_error(ctx, "%s %s required", list, missing == 1 ? "is" : "are");
	for (size_t i = 0; i < n; i++) {
		size_t members = 0, got = 0;
		bool required = false, first = true;

		if (opts[i].group == 0)
			continue;
		for (size_t j = 0; j < i; j++)
			first = first && opts[j].group != opts[i].group;
		if (!first)
			continue;
		for (size_t j = i; j < n; j++)
			if (opts[j].group == opts[i].group) {
				members++;
				got += was_given(ctx, &opts[j]);
				required = required || (opts[j].flags & CMD_OPT_REQUIRED);
			}
		if (got == 1 || (got == 0 && !required))
			continue;
		list[0] = '\0';
		for (size_t j = i, m = 0; j < n; j++)
			if (opts[j].group == opts[i].group) {
				spec(&opts[j], false, one, sizeof one);
				list_add(list, sizeof list, one, m++, members, " or ");
			}
		return cmd_usage_error(ctx, "%s takes %s of %s", ctx->entry->name,
				       required ? "one" : "only one", list);
	}
	return 0;
}

/* Parses the running command's options into ctx->given and leaves in
 * *ARGV (a new array the caller frees) the command's name and its
 * positional arguments. */
static int
parse(struct ctx *ctx, int *argc, char ***argv)
{
	struct cmd_given *given = xcalloc((size_t)*argc + 1, sizeof *given);
	char err[256], **pos;
	size_t n;
	int first, np;

	first = cmd_parse_options(ctx->entry->options, ":", *argc, *argv, given, &n,
				  err, sizeof err);
	ctx->given = given;
	ctx->n_given = n;
	if (first < 0)
		return cmd_usage_error(ctx, "%s", err);
	np = *argc - first;
	for (int i = 0; i < np; i++)
		if (text_fault((*argv)[first + i], TEXT_LINE, err, sizeof err) != 0)
			return cmd_usage_error(ctx, "argument %d: %s", i + 1, err);
	pos = xcalloc((size_t)np + 2, sizeof *pos);
	pos[0] = (*argv)[0];
	for (int i = 0; i < np; i++)
		pos[i + 1] = (*argv)[first + i];
	*argc = np + 1;
	*argv = pos;
	return check_given(ctx);
}

/* -- Usage and help ----------------------------------------------------- */

#define HELP_WIDTH 79         /* the last column help text may use */
#define HELP_COLUMN_MAX 30    /* option help starts at most here */

/* A line of help being written, wrapped to HELP_WIDTH: the words put on it
 * stay whole, a space apart, and one that would pass the width starts a
 * new line indented to INDENT. Every help text wraps through it. */
struct line {
	FILE *f;
	size_t x;                     /* the column the cursor is at */
	size_t indent;
	bool fresh;                   /* nothing put since the line began */
};

/* A line whose cursor is at column X (what is before it printed). */
static struct line
line_at(FILE *f, size_t x, size_t indent)
{
	return (struct line){ .f = f, .x = x, .indent = indent, .fresh = true };
}

/* Puts the LEN bytes of WORD on L, after a space unless L is fresh. */
static void
line_put(struct line *l, const char *word, size_t len)
{
	if (!l->fresh && l->x + 1 + len > HELP_WIDTH) {
		fprintf(l->f, "\n%*s", (int)l->indent, "");
		l->x = l->indent;
		l->fresh = true;
	}
	if (!l->fresh) {
		fputc(' ', l->f);
		l->x++;
	}
	fwrite(word, 1, len, l->f);
	l->x += len;
	l->fresh = false;
}

/* Puts each word of TEXT (separated by spaces) on L. */
static void
line_text(struct line *l, const char *text)
{
	while (*(text += strspn(text, " ")) != '\0') {
		size_t len = strcspn(text, " ");

		line_put(l, text, len);
		text += len;
	}
}

/* Appends S to the string in BUF (SIZE bytes), cut to fit. */
static void
append(char *buf, size_t size, const char *s)
{
	size_t used = strlen(buf);

	snprintf(buf + used, size - used, "%s", s);
}

/* Puts OPTS on L as a usage line shows them, each a word: "--tz ZONE",
 * "[--office OFFICE]", "(--person HANDLE | --rotation R)",
 * "[--office OFFICE|--no-office]". */
static void
line_synopsis(struct line *l, const struct cmd_option *opts)
{
	size_t n = count_options(opts);
	char one[128], word[512];

	for (size_t i = 0; i < n; i++) {
		bool first = true, required = false;

		if (opts[i].flags & CMD_OPT_ALONE)
			continue;
		if (opts[i].group == 0) {
			required = opts[i].flags & CMD_OPT_REQUIRED;
			spec(&opts[i], true, one, sizeof one);
			snprintf(word, sizeof word, required ? "%s" : "[%s]", one);
			line_put(l, word, strlen(word));
			continue;
		}
		for (size_t j = 0; j < i; j++)
			first = first && opts[j].group != opts[i].group;
		if (!first)
			continue;
		for (size_t j = i; j < n; j++)
			required = required || (opts[j].group == opts[i].group &&
						 (opts[j].flags & CMD_OPT_REQUIRED));
		snprintf(word, sizeof word, "%s", required ? "(" : "[");
		for (size_t j = i, m = 0; j < n; j++)
			if (opts[j].group == opts[i].group) {
				spec(&opts[j], true, one, sizeof one);
				append(word, sizeof word, m++ == 0 ? "" : required ? " | " : "|");
				append(word, sizeof word, one);
			}
		append(word, sizeof word, required ? ")" : "]");
		line_put(l, word, strlen(word));
	}
}

/* "usage: rota NAME" ("usage: rota" when NAME is NULL): the start of a
 * usage line, its later lines indented to stand under the arguments. */
static struct line
usage_start(FILE *f, const char *name)
{
	size_t indent = strlen("usage: rota ") + (name != NULL ? strlen(name) + 1 : 0);
	struct line l = line_at(f, 0, indent);

	line_text(&l, "usage: rota");
	if (name != NULL)
		line_text(&l, name);
	return l;
}

void
cmd_print_usage(const struct cmd_entry *e, FILE *f)
{
	struct line l = usage_start(f, e->name);

	if (*e->args != '\0')
		line_put(&l, e->args, strlen(e->args));
	line_synopsis(&l, e->options);
	fputc('\n', f);
}

/* "-o, --output FILE" or "--name NAME": an option in the help's list. */
static void
list_spec(const struct cmd_option *o, char *buf, size_t len)
{
	char s[128];

	spec(o, false, s, sizeof s);
	if (o->letter != 0)
		snprintf(buf, len, "-%c, %s", o->letter, s);
	else
		snprintf(buf, len, "%s", s);
}

void
cmd_print_options(const struct cmd_option *opts, size_t column, FILE *f)
{
	size_t n = count_options(opts);
	char one[160];

	for (size_t i = 0; i < n; i++) {
		size_t w;

		list_spec(&opts[i], one, sizeof one);
		w = 2 + strlen(one) + 2;
		if (w > column && w <= HELP_COLUMN_MAX)
			column = w;
	}
	for (size_t i = 0; i < n; i++) {
		struct line l;
		size_t w;

		list_spec(&opts[i], one, sizeof one);
		fprintf(f, "  %s", one);
		w = 2 + strlen(one);
		if (w + 2 > column) {
			fprintf(f, "\n%*s", (int)column, "");
			w = column;
		}
		fprintf(f, "%*s", (int)(column - w), "");
		l = line_at(f, column, column);
		line_text(&l, opts[i].help);
		fputc('\n', f);
	}
}

/* The end of HELP's first block: its leading lines indented by two spaces
 * (the positional arguments); *COLUMN gets where their descriptions start
 * (0 when the first line does not say). */
static const char *
argument_block(const char *help, size_t *column)
{
	const char *p = help, *gap;

	*column = 0;
	if (strncmp(p, "  ", 2) == 0 && (gap = strstr(p + 2, "  ")) != NULL &&
	    gap < p + strcspn(p, "\n") && gap[-1] != ' ') {
		*column = (size_t)(gap - p) + strspn(gap, " ");
		if (*column > HELP_COLUMN_MAX)
			*column = 0;
	}
	while (strncmp(p, "  ", 2) == 0) {
		p += strcspn(p, "\n");
		if (*p == '\n')
			p++;
	}
	return p;
}

void
cmd_print_help(const struct cmd_entry *e, FILE *f)
{
	const char *help = e->help != NULL ? e->help : "", *rest;
	char text[512];
	struct line l;
	size_t column;
	bool listed, first = true;

	cmd_print_usage(e, f);
	fprintf(f, "\n%s\n", e->summary);
	rest = argument_block(help, &column);
	listed = rest > help || count_options(e->options) > 0;
	if (listed)
		fputc('\n', f);
	fwrite(help, 1, (size_t)(rest - help), f);
	cmd_print_options(e->options, column, f);
	if (*rest != '\0') {
		if (listed && *rest != '\n')
			fputc('\n', f);
		fputs(rest, f);
	}
	snprintf(text, sizeof text, "Global options (");
	for (const struct cmd_option *o = cmd_global_options; o->name != NULL; o++)
		if (!(o->flags & CMD_OPT_ALONE)) {
			append(text, sizeof text, first ? "--" : ", --");
			append(text, sizeof text, o->name);
			first = false;
		}
	append(text, sizeof text, ") come before the command; see rota(1).");
	fputc('\n', f);
	l = line_at(f, 0, 0);
	line_text(&l, text);
	fputc('\n', f);
}

/* -- Help for the program, a group, a command ----------------------------- */

void
cmd_print_global_help(FILE *f)
{
	struct line l = usage_start(f, NULL);

	line_synopsis(&l, cmd_global_options);
	line_text(&l, "COMMAND");
	line_text(&l, "[ARGS]");
	fputs("\n\nGlobal options:\n", f);
	cmd_print_options(cmd_global_options, 0, f);
	fputs("\nCommands:\n", f);
	for (const struct cmd_entry *const *e = cmd_table; *e; e++)
		if (!((*e)->flags & CMD_HIDDEN))
			fprintf(f, "  %-18s %s\n", (*e)->name, (*e)->summary);
	fputs("\n`rota help COMMAND` or `rota COMMAND --help` for one command or "
	      "group;\n`rota completion bash` or `zsh` prints a completion script.\n"
	      "See rota(1) for the whole story, and EXIT STATUS there.\n", f);
}

/* Whether entry E's name starts with the word GROUP and a space. */
static bool
in_group(const struct cmd_entry *e, const char *group)
{
	size_t len = strlen(group);

	return strncmp(e->name, group, len) == 0 && e->name[len] == ' ';
}

bool
cmd_is_group(const char *word)
{
	for (const struct cmd_entry *const *e = cmd_table; *e; e++)
		if (!((*e)->flags & CMD_HIDDEN) && in_group(*e, word))
			return true;
	return false;
}

void
cmd_print_group(const char *group, FILE *f)
{
	char text[256];
	struct line l;

	fprintf(f, "usage: rota %s COMMAND [ARGS]\n\nCommands:\n", group);
	for (const struct cmd_entry *const *e = cmd_table; *e; e++)
		if (!((*e)->flags & CMD_HIDDEN) && in_group(*e, group))
			fprintf(f, "  %-18s %s\n", (*e)->name, (*e)->summary);
	snprintf(text, sizeof text, "`rota help %s COMMAND` or `rota %s COMMAND -h` "
		 "for one command.", group, group);
	fputc('\n', f);
	l = line_at(f, 0, 0);
	line_text(&l, text);
	fputc('\n', f);
}

/* The number of single-character edits between A and B, at most 9. */
static size_t
edits(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[33];

	if (la > 32 || lb > 32)
		return 9;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb] < 9 ? row[lb] : 9;
}

/* The listed word closest to WORD within two edits, or NULL: among the
 * groups' and commands' first words when GROUP is NULL, else among GROUP's
 * second words. Written to BUF. */
static const char *
closest(const char *group, const char *word, char *buf, size_t len)
{
	size_t best = 3;
	const char *found = NULL;

	for (const struct cmd_entry *const *e = cmd_table; *e; e++) {
		const char *name = (*e)->name, *space = strchr(name, ' ');
		char w[64];
		size_t d;

		if ((*e)->flags & CMD_HIDDEN)
			continue;
		if (group != NULL && !in_group(*e, group))
			continue;
		if (group != NULL)
			snprintf(w, sizeof w, "%s", space + 1);
		else
			snprintf(w, sizeof w, "%.*s", space != NULL ? (int)(space - name) :
				 (int)strlen(name), name);
		if ((d = edits(word, w)) < best) {
			best = d;
			snprintf(buf, len, "%s", w);
			found = buf;
		}
	}
	return found;
}

int
cmd_no_entry(int argc, char **argv, bool help)
{
	char near[64];
	const char *n;

	if (argc == 0) {
		cmd_print_global_help(stdout);
		return 0;
	}
	if (cmd_is_group(argv[0]) && (argc == 1 || (help && argv[1][0] == '-'))) {
		cmd_print_group(argv[0], stdout);
		return 0;
	}
	if (cmd_is_group(argv[0])) {
		if (argv[1][0] == '-')
			return rota_fail(EX_USAGE, "%s takes a command before its "
					 "options (see rota help %s)", argv[0], argv[0]);
		if ((n = closest(argv[0], argv[1], near, sizeof near)) != NULL)
			return rota_fail(EX_USAGE, "unknown command '%s %s'; did you mean "
					 "'%s %s'? (see rota help %s)", argv[0], argv[1],
					 argv[0], n, argv[0]);
		return rota_fail(EX_USAGE, "unknown command '%s %s' (see rota help %s)",
				 argv[0], argv[1], argv[0]);
	}
	if ((n = closest(NULL, argv[0], near, sizeof near)) != NULL)
		return rota_fail(EX_USAGE, "unknown command '%s'; did you mean '%s'? "
				 "(see rota help)", argv[0], n);
	return rota_fail(EX_USAGE, "unknown command '%s' (see rota help)", argv[0]);
}

int
cmd_help_words(int argc, char **argv)
{
	const struct cmd_entry *e = NULL;
	int used = 0;

	if (argc > 0 && (e = cmd_find(argc, argv, &used)) != NULL && used == argc) {
		cmd_print_help(e, stdout);
		return 0;
	}
	if (argc > 0 && e != NULL)
		return rota_fail(EX_USAGE, "unknown command '%s %s' (see rota help %s)",
				 e->name, argv[used], e->name);
	return cmd_no_entry(argc, argv, false);
}

int
cmd_usage_error(struct ctx *ctx, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	/* Through the error sink: it shows control characters as \xHH, and
	 * the message may quote what was typed. */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	rota_fail(EX_USAGE, "%s", msg);
	cmd_print_usage(ctx->entry, stderr);
	return EX_USAGE;
}

/* -- Running ------------------------------------------------------------ */

static int
run(struct ctx *ctx, const struct cmd_entry *e, int argc, char **argv)
{
	bool began;
	int r;

	if (e->flags & CMD_STREAM) {
		if ((r = store_read_begin(ctx->db, &began)) != 0)
			return r;
		r = e->exec(ctx, argc, argv);
		store_read_end(ctx->db, began);
		return r;
	}
	if (!(e->flags & CMD_WRITE))
		return e->exec(ctx, argc, argv);
	if ((r = store_begin(ctx->db)) != 0)
		return r;
	r = e->exec(ctx, argc, argv);
	if (r == 0 && !ctx->rollback)
		r = store_commit(ctx->db);
	if (r != 0 || ctx->rollback)
		store_rollback(ctx->db);
	return r;
}

int
cmd_run(struct ctx *ctx, const struct cmd_entry *e, int argc, char **argv)
{
	const struct cmd_entry *outer = ctx->entry;
	const struct cmd_given *outer_given = ctx->given;
	size_t outer_n = ctx->n_given;
	char **pos = argv;
	int r;

	ctx->entry = e;
	ctx->given = NULL;
	ctx->n_given = 0;
	if ((r = parse(ctx, &argc, &pos)) == 0)
		r = run(ctx, e, argc, pos);
	if (pos != argv)
		free(pos);
	free((void *)ctx->given);
	/* A command may run another (the demo runs many): its own come back. */
	if (outer != NULL)
		ctx->entry = outer;
	ctx->given = outer_given;
	ctx->n_given = outer_n;
	return r;
}
