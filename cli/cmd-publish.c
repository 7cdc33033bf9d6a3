/* rota publish: write every feed where subscribers read them. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

#include "calendars/publish.h"
#include "cli/cmd.h"
#include "cli/feeds.h"
#include "common/out.h"

/* A bar on stderr, only when it is a terminal. */
static void
progress(size_t done, size_t total, void *arg)
{
	int *last = arg, width = 30, fill = total ? (int)(done * (size_t)width / total) : width;
	int pct = total ? (int)(done * 100 / total) : 100;

	if (pct == *last)
		return;
	*last = pct;
	fprintf(stderr, "\rpublishing [%-*.*s] %3d%% %zu/%zu", width, fill,
		"##############################", pct, done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static int
exec_publish(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL;
	struct feed_settings fs;
	struct publish_stats st;
	int c, r, last = -1;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc)
		return cmd_usage_error(ctx, "publish takes no arguments besides its options");
	if (dir == NULL)
		return cmd_usage_error(ctx, "publish needs --dir DIR");
	if (*dir == '\0')
		return cmd_usage_error(ctx, "--dir: empty folder name");
	if ((r = feeds_settings(ctx, &fs)) != 0)
		return r;
	if ((r = publish_dir(ctx->db, &fs, dir, isatty(STDERR_FILENO) ? progress : NULL,
			     &last, &st)) != 0)
		return r;
	out_object_begin(NULL);
	out_str("dir", "Folder", dir);
	out_int("personal", "Personal feeds", (int64_t)st.personal);
	out_int("rotations", "Rotation feeds", (int64_t)st.rotations);
	out_int("events", "Rotation events", (int64_t)st.events);
	out_int("tokens_created", "New tokens", (int64_t)st.tokens);
	out_int("removed", "Stale feeds removed", (int64_t)st.removed);
	out_str("index", "Index", "index.html");
	out_object_end();
	return 0;
}

const struct cmd_entry cmd_publish_entry = {
	.name = "publish",
	.args = "--dir DIR",
	.summary = "write every feed into a folder a web server serves",
	.help = "  --dir DIR   the folder (created if missing); serve it with any web server\n"
		"\n"
		"Writes, each atomically (a temporary file in DIR, fsync, rename):\n"
		"  TOKEN.ics       one personal feed per person, named by the person's\n"
		"                  secret token (made at the first publish; see rota feed url)\n"
		"  ROTATION.ics    one feed per rotation, with everyone's shifts\n"
		"  index.html      for managers: who is on call now and next, how far each\n"
		"                  rotation is scheduled, links to the rotation feeds (never\n"
		"                  to personal feeds)\n"
		"and removes personal feeds whose token is no longer anyone's (after\n"
		"rota feed rotate-token, or a person's removal). Do not let the web server\n"
		"list the folder: the personal file names are secrets. A progress bar is\n"
		"shown on a terminal. With --json: {dir, personal, rotations, events,\n"
		"tokens_created, removed, index}.\n",
	.flags = CMD_WRITE,
	.exec = exec_publish,
};
