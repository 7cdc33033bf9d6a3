/* The lookup of a command by its words, its help, and running it. */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <string.h>

#include "cli/cmd.h"
#include "common/err.h"

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

void
cmd_print_help(const struct cmd_entry *e, FILE *f)
{
	fprintf(f, "usage: rota %s%s%s\n\n%s\n", e->name, *e->args ? " " : "",
		e->args, e->summary);
	if (e->help != NULL && *e->help)
		fprintf(f, "\n%s", e->help);
	fputs("\nGlobal options (--db, --config, --json, --as) come before the "
	      "command; see rota(1).\n", f);
}

int
cmd_usage_error(struct ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fputs("rota: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: rota %s %s\n", ctx->entry->name, ctx->entry->args);
	return EX_USAGE;
}

int
cmd_bad_option(struct ctx *ctx, int c, char **argv)
{
	if (c == ':')
		return cmd_usage_error(ctx, "option %s needs a value", argv[optind - 1]);
	return cmd_usage_error(ctx, "unknown option '%s'", argv[optind - 1]);
}

int
cmd_run(struct ctx *ctx, const struct cmd_entry *e, int argc, char **argv)
{
	int r;

	ctx->entry = e;
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
