/* rota demo [DIR]: a sample team end to end on a fresh database; the
 * story is cli/demo-story.c's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/actor.h"
#include "cli/cmd.h"
#include "cli/demo-story.h"
#include "common/config.h"
#include "common/xalloc.h"

static int
exec_demo(struct ctx *ctx, int argc, char **argv)
{
	struct ctx c = *ctx;
	char *dir = NULL, *path = NULL;
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "too many arguments");
	if (ctx->json)
		return cmd_usage_error(ctx, "the demo prints a story for people; "
				       "try --json on the commands it shows");
	if ((r = demo_folder(argv[1], &dir)) != 0)
		return r;
	c.cfg = NULL;
	if ((r = demo_config(dir, &c.cfg)) != 0)
		goto out;
	path = xasprintf("%s/rota.db", dir);
	if ((r = store_open(path, &c.db)) != 0)
		goto out;
	c.db_path = path;
	if ((r = actor_resolve(&c, NULL)) != 0) {
		store_close(c.db);
		goto out;
	}
	printf("A sample team on a fresh database: %s\n"
	       "(configured by %s/rota.conf)\n", path, dir);
	r = demo_story(&c, dir);
	if (r == 0)
		printf("\nThat is the story. Look around with:\n"
		       "  rota --db %s --config %s/rota.conf schedule show\n"
		       "  rota --db %s --config %s/rota.conf --as ana next\n",
		       path, dir, path, dir);
	store_close(c.db);
out:
	config_free(c.cfg);
	free(path);
	free(dir);
	return r;
}

const struct cmd_entry cmd_demo_entry = {
	.name = "demo",
	.args = "[DIR]",
	.summary = "run a sample team end to end on a fresh database",
	.help =
		"Creates DIR/rota.db (DIR defaults to a new folder under $TMPDIR) and runs\n"
		"the story of a team step by step, printing each command as its user would\n"
		"type it: two offices (Dublin and San Francisco), seven volunteers on a\n"
		"rotation covering out of hours (on call only while both offices are\n"
		"closed), a managers-only escalation tier of three, a 26-week term from the\n"
		"next handoff, leave, public holidays, generation, now, next, a swap\n"
		"requested and accepted, a colleague taking one night of someone's week (a\n"
		"partial swap), a manager giving the rest of a week in progress to someone\n"
		"else when its holder falls ill (the days already worked stay theirs: the\n"
		"past is never rewritten), now in Dublin's business hours (the service\n"
		"owners answer) and that evening in San Francisco (the volunteer does), and\n"
		"the fairness report with the hours a week the volunteers are on call with\n"
		"each office alone and with both (follow the sun). Then the clock moves\n"
		"three months on: a manager imports those months' pages (DIR/pages.csv, a\n"
		"quiet month under the goal and a noisy one over it), reads the monthly\n"
		"report of each, the noisy month's pay, and writes its HTML report to\n"
		"DIR/report-YYYY-MM.html. The team's settings (the goal, a paying policy)\n"
		"are in DIR/rota.conf, written by the demo. ROTA_NOW pins the clock for a\n"
		"repeatable story. The database named by --db and the configuration named\n"
		"by --config are never touched.\n",
	.flags = CMD_NO_DB,
	.exec = exec_demo,
};
