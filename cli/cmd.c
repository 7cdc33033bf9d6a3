/* The command table and the lookup of a command by its words. */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <string.h>

#include "cli/cmd.h"
#include "common/err.h"

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_person_add_entry;
extern const struct cmd_entry cmd_person_list_entry;
extern const struct cmd_entry cmd_person_show_entry;
extern const struct cmd_entry cmd_person_set_entry;
extern const struct cmd_entry cmd_person_remove_entry;
/* -- people, offices, holidays, leave -- */
extern const struct cmd_entry cmd_office_add_entry;
extern const struct cmd_entry cmd_office_list_entry;
extern const struct cmd_entry cmd_holiday_add_entry;
extern const struct cmd_entry cmd_holiday_list_entry;
extern const struct cmd_entry cmd_holiday_remove_entry;
extern const struct cmd_entry cmd_leave_add_entry;
extern const struct cmd_entry cmd_leave_list_entry;
extern const struct cmd_entry cmd_leave_remove_entry;
/* -- rotations, terms, schedule -- */
extern const struct cmd_entry cmd_rotation_add_entry;
extern const struct cmd_entry cmd_rotation_list_entry;
extern const struct cmd_entry cmd_term_add_entry;
extern const struct cmd_entry cmd_term_list_entry;
extern const struct cmd_entry cmd_term_show_entry;
extern const struct cmd_entry cmd_volunteer_join_entry;
extern const struct cmd_entry cmd_volunteer_leave_entry;
extern const struct cmd_entry cmd_schedule_generate_entry;
extern const struct cmd_entry cmd_schedule_show_entry;
extern const struct cmd_entry cmd_schedule_check_entry;
extern const struct cmd_entry cmd_now_entry;
extern const struct cmd_entry cmd_next_entry;
/* -- swaps, overrides, audit -- */
extern const struct cmd_entry cmd_swap_request_entry;
extern const struct cmd_entry cmd_swap_list_entry;
extern const struct cmd_entry cmd_swap_accept_entry;
extern const struct cmd_entry cmd_swap_decline_entry;
extern const struct cmd_entry cmd_swap_cancel_entry;
extern const struct cmd_entry cmd_swap_suggest_entry;
extern const struct cmd_entry cmd_override_entry;
extern const struct cmd_entry cmd_audit_entry;
extern const struct cmd_entry cmd_report_fairness_entry;
/* -- feeds, publish --dir -- */
extern const struct cmd_entry cmd_feed_export_entry;
extern const struct cmd_entry cmd_feed_url_entry;
extern const struct cmd_entry cmd_feed_rotate_token_entry;
extern const struct cmd_entry cmd_publish_entry;
/* -- leave and holiday import -- */
/* -- caldav -- */
/* -- notify -- */
/* -- pages -- */
/* -- pay -- */
/* -- monthly report -- */
/* -- demo, completion -- */
extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_completion_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_person_add_entry,
	&cmd_person_list_entry,
	&cmd_person_show_entry,
	&cmd_person_set_entry,
	&cmd_person_remove_entry,
	/* -- people, offices, holidays, leave -- */
	&cmd_office_add_entry,
	&cmd_office_list_entry,
	&cmd_holiday_add_entry,
	&cmd_holiday_list_entry,
	&cmd_holiday_remove_entry,
	&cmd_leave_add_entry,
	&cmd_leave_list_entry,
	&cmd_leave_remove_entry,
	/* -- rotations, terms, schedule -- */
	&cmd_rotation_add_entry,
	&cmd_rotation_list_entry,
	&cmd_term_add_entry,
	&cmd_term_list_entry,
	&cmd_term_show_entry,
	&cmd_volunteer_join_entry,
	&cmd_volunteer_leave_entry,
	&cmd_schedule_generate_entry,
	&cmd_schedule_show_entry,
	&cmd_schedule_check_entry,
	&cmd_now_entry,
	&cmd_next_entry,
	/* -- swaps, overrides, audit -- */
	&cmd_swap_request_entry,
	&cmd_swap_list_entry,
	&cmd_swap_accept_entry,
	&cmd_swap_decline_entry,
	&cmd_swap_cancel_entry,
	&cmd_swap_suggest_entry,
	&cmd_override_entry,
	&cmd_audit_entry,
	&cmd_report_fairness_entry,
	/* -- feeds, publish --dir -- */
	&cmd_feed_export_entry,
	&cmd_feed_url_entry,
	&cmd_feed_rotate_token_entry,
	&cmd_publish_entry,
	/* -- leave and holiday import -- */
	/* -- caldav -- */
	/* -- notify -- */
	/* -- pages -- */
	/* -- pay -- */
	/* -- monthly report -- */
	/* -- demo, completion -- */
	&cmd_demo_entry,
	&cmd_completion_entry,
	NULL,
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
