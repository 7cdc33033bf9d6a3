/* rota person set: change a person's details. */
#include "config.h"

#include <string.h>

#include "cli/cmd.h"
#include "cli/people.h"
#include "cli/util.h"
#include "service/team.h"

static int
exec_person_set(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct person p;
	bool set_manager = false;
	int r = 0;
	const char *sleep = NULL, *office = NULL;

	if (argc != 2)
		return cmd_usage_error(ctx, "person set takes one HANDLE and the fields to change");
	if ((r = find_person(ctx, argv[1], &p)) != 0)
		return r;
	/* In the order given: the last of an option twice wins. */
	for (size_t i = 0; i < ctx->n_given; i++) {
		const char *opt = ctx->given[i].opt->name, *v = ctx->given[i].value;

		if (strcmp(opt, "name") == 0)
			r = text_arg(ctx, "--name", v, p.name, sizeof p.name);
		else if (strcmp(opt, "email") == 0)
			r = email_arg(ctx, v, p.email, sizeof p.email);
		else if (strcmp(opt, "tz") == 0)
			r = person_zone_arg(ctx, v, &p);
		else if (strcmp(opt, "office") == 0)
			office = v;
		else if (strcmp(opt, "no-office") == 0) {
			p.office_id = 0;
			p.office[0] = '\0';
		} else if (strcmp(opt, "sleep") == 0)
			sleep = v;
		else if (strcmp(opt, "manager") == 0 || strcmp(opt, "no-manager") == 0) {
			p.is_manager = strcmp(opt, "manager") == 0;
			set_manager = true;
		}
		if (r != 0)
			return r;
	}
	if (ctx->n_given == 0)
		return cmd_usage_error(ctx, "nothing to change: give at least one option");
	if ((r = person_office_arg(ctx, office, &p)) != 0 ||
	    (r = sleep_arg(ctx, sleep, &p)) != 0 ||
	    (r = person_set(&s, &p, set_manager)) != 0)
		return r;
	print_person(&p);
	return 0;
}

const struct cmd_entry cmd_person_set_entry = {
	.name = "person set",
	.args = "HANDLE",
	.options = (const struct cmd_option[]){
		{ "name", 0, "NAME", "full name", 0, 0 },
		{ "email", 0, "EMAIL", "where notifications go", 0, 0 },
		{ "tz", 0, "ZONE", "the person's own time zone (IANA, e.g. Europe/Dublin)",
		  0, 0 },
		{ "office", 0, "OFFICE", "the office whose business hours and holidays apply",
		  0, 1 },
		{ "no-office", 0, NULL, "belongs to no office any more", 0, 1 },
		{ "manager", 0, NULL, "may serve in the escalation tier and act for others "
		  "(managers only)", 0, 2 },
		{ "no-manager", 0, NULL, "is no longer a manager (managers only)", 0, 2 },
		{ "sleep", 0, "HH:MM-HH:MM", "sleep hours in their zone", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "change your details, or anyone's as a manager",
	.help = "  HANDLE               whose details: yours, or anyone's as a manager\n"
		"\nA new zone, office, sleep hours or manager flag applies from now on (kept\n"
		"as history, see rota person show): earlier pages and pay stay as judged.\n"
		"It cannot be back-dated, so pay already given never moves: for a change\n"
		"made late, settle the difference in payroll (see rota(1)).\n"
		"The last manager, and a manager holding current or future shifts of the\n"
		"escalation tier, cannot be given --no-manager (exit 65).\n",
	.flags = CMD_WRITE,
	.exec = exec_person_set,
};
