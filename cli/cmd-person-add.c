/* rota person add: a new person (volunteer or manager). */
#include "config.h"

#include <getopt.h>

#include "cli/cmd.h"
#include "cli/people.h"
#include "cli/util.h"
#include "service/team.h"

static int
exec_person_add(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "email", required_argument, NULL, 'e' },
		{ "tz", required_argument, NULL, 't' },
		{ "office", required_argument, NULL, 'o' },
		{ "manager", no_argument, NULL, 'm' },
		{ "sleep", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct person p = { .sleep_start = 22 * 60, .sleep_end = 7 * 60 };
	const char *name = NULL, *email = NULL, *tz = NULL, *office = NULL, *sleep = NULL;
	struct svc s = cmd_svc(ctx);
	int c, r;

	/* Before the arguments: a volunteer learns first that they may not. */
	if ((r = require_manager(ctx, "person add")) != 0)
		return r;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'e': email = optarg; break;
		case 't': tz = optarg; break;
		case 'o': office = optarg; break;
		case 'm': p.is_manager = true; break;
		case 's': sleep = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc - 1)
		return cmd_usage_error(ctx, "person add takes one HANDLE");
	if (name == NULL || email == NULL || tz == NULL)
		return cmd_usage_error(ctx, "--name, --email and --tz are required");
	if ((r = handle_arg(ctx, argv[optind], p.handle, sizeof p.handle)) != 0 ||
	    (r = text_arg(ctx, "--name", name, p.name, sizeof p.name)) != 0 ||
	    (r = email_arg(ctx, email, p.email, sizeof p.email)) != 0 ||
	    (r = person_zone_arg(ctx, tz, &p)) != 0 ||
	    (r = person_office_arg(ctx, office, &p)) != 0 ||
	    (r = sleep_arg(ctx, sleep, &p)) != 0)
		return r;
	if ((r = person_add(&s, &p)) != 0)
		return r;
	print_person(&p);
	return 0;
}

const struct cmd_entry cmd_person_add_entry = {
	.name = "person add",
	.args = "HANDLE --name NAME --email EMAIL --tz ZONE [--office OFFICE] [--manager] [--sleep HH:MM-HH:MM]",
	.summary = "add a person (managers)",
	.help = "  HANDLE           short name used everywhere (letters, digits, . _ -);\n"
		"                   match it to the person's login so rota knows them\n"
		"  --name NAME      full name\n"
		"  --email EMAIL    where notifications go\n"
		"  --tz ZONE        the person's own time zone (IANA, e.g. Europe/Dublin)\n"
		"  --office OFFICE  the office whose business hours and holidays apply\n"
		"  --manager        may serve in the escalation tier and act for others\n"
		"  --sleep H-H      sleep hours in their zone (default 22:00-07:00)\n",
	.flags = CMD_WRITE,
	.exec = exec_person_add,
};
