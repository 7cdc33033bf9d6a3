/* rota person add: a new person (volunteer or manager). */
#include "config.h"

#include "cli/cmd.h"
#include "cli/people.h"
#include "cli/util.h"
#include "service/team.h"

static int
exec_person_add(struct ctx *ctx, int argc, char **argv)
{
	struct person p = { .sleep_start = 22 * 60, .sleep_end = 7 * 60 };
	struct svc s = cmd_svc(ctx);
	int r;

	/* Before the arguments: a volunteer learns first that they may not. */
	if ((r = require_manager(ctx, "person add")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "person add takes one HANDLE");
	p.is_manager = cmd_flag(ctx, "manager");
	if ((r = handle_arg(ctx, argv[1], p.handle, sizeof p.handle)) != 0 ||
	    (r = text_arg(ctx, "--name", cmd_opt(ctx, "name"), p.name, sizeof p.name)) != 0 ||
	    (r = email_arg(ctx, cmd_opt(ctx, "email"), p.email, sizeof p.email)) != 0 ||
	    (r = person_zone_arg(ctx, cmd_opt(ctx, "tz"), &p)) != 0 ||
	    (r = person_office_arg(ctx, cmd_opt(ctx, "office"), &p)) != 0 ||
	    (r = sleep_arg(ctx, cmd_opt(ctx, "sleep"), &p)) != 0)
		return r;
	if ((r = person_add(&s, &p)) != 0)
		return r;
	print_person(&p);
	return 0;
}

const struct cmd_entry cmd_person_add_entry = {
	.name = "person add",
	.args = "HANDLE",
	.options = (const struct cmd_option[]){
		{ "name", 0, "NAME", "full name", CMD_OPT_REQUIRED, 0 },
		{ "email", 0, "EMAIL", "where notifications go", CMD_OPT_REQUIRED, 0 },
		{ "tz", 0, "ZONE", "the person's own time zone (IANA, e.g. Europe/Dublin)",
		  CMD_OPT_REQUIRED, 0 },
		{ "office", 0, "OFFICE", "the office whose business hours and holidays apply",
		  0, 0 },
		{ "manager", 0, NULL, "may serve in the escalation tier and act for others",
		  0, 0 },
		{ "sleep", 0, "HH:MM-HH:MM", "sleep hours in their zone (default 22:00-07:00)",
		  0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "add a person (managers)",
	.help = "  HANDLE               short name used everywhere (letters, digits, . _ -);\n"
		"                       match it to the person's login so rota knows them\n",
	.flags = CMD_WRITE,
	.exec = exec_person_add,
};
