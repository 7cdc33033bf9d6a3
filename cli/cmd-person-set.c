/* rota person set: change a person's details. */
#include "config.h"

#include <getopt.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/people.h"
#include "cli/util.h"
#include "service/team.h"

static int
exec_person_set(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "email", required_argument, NULL, 'e' },
		{ "tz", required_argument, NULL, 't' },
		{ "office", required_argument, NULL, 'o' },
		{ "no-office", no_argument, NULL, 'O' },
		{ "manager", no_argument, NULL, 'm' },
		{ "no-manager", no_argument, NULL, 'M' },
		{ "sleep", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct svc s = cmd_svc(ctx);
	struct person p;
	bool set_manager = false;
	int c, r = 0, changes = 0;
	const char *sleep = NULL, *office = NULL;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		if (c == '?' || c == ':')
			return cmd_bad_option(ctx, c, argv);
	if (optind != argc - 1)
		return cmd_usage_error(ctx, "person set takes one HANDLE and the fields to change");
	if ((r = find_person(ctx, argv[optind], &p)) != 0)
		return r;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		changes++;
		switch (c) {
		case 'n': r = text_arg(ctx, "--name", optarg, p.name, sizeof p.name); break;
		case 'e': r = email_arg(ctx, optarg, p.email, sizeof p.email); break;
		case 't': r = person_zone_arg(ctx, optarg, &p); break;
		case 'o': office = optarg; break;
		case 'O': p.office_id = 0; p.office[0] = '\0'; break;
		case 's': sleep = optarg; break;
		case 'm':
		case 'M': p.is_manager = c == 'm'; set_manager = true; break;
		}
		if (r != 0)
			return r;
	}
	if (changes == 0)
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
	.args = "HANDLE [--name NAME] [--email EMAIL] [--tz ZONE] [--office OFFICE|--no-office] "
		"[--manager|--no-manager] [--sleep HH:MM-HH:MM]",
	.summary = "change a person's details (yourself, or anyone as a manager)",
	.help = "Options as for rota person add; --manager and --no-manager are for managers.\n",
	.flags = CMD_WRITE,
	.exec = exec_person_set,
};
