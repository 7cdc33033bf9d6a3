/* rota publish: write every feed where subscribers read them. */
#include "config.h"

#include <stdio.h>

#include "cli/caldav.h"
#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/progress.h"
#include "service/feeds.h"

/* A bar on stderr, when progress_shown() says so (on a terminal), redrawn
 * when its percentage changes. The cursor waits on the line below it
 * (each redraw goes up one line first), so that an error met halfway is
 * a line of its own under the bar; the bar at 100% is erased, leaving the
 * cursor where it began. */
static void
progress(size_t done, size_t total, void *arg)
{
	int *last = arg, width = 30, fill = total ? (int)(done * (size_t)width / total) : width;
	int pct = total ? (int)(done * 100 / total) : 100;

	if (pct == *last)
		return;
	fprintf(stderr, "%s\rpublishing [%-*.*s] %3d%% %zu/%zu\n", *last >= 0 ? "\033[A" : "",
		width, fill, "##############################", pct, done, total);
	*last = pct;
	if (done == total) {
		fputs("\033[A\r\033[K", stderr);
		*last = -1;
	}
	fflush(stderr);
}

static int
exec_publish(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	const char *dir = cmd_opt(ctx, "dir"), *caldav = cmd_opt(ctx, "caldav");
	struct publish_stats st;
	int r, last = -1;     /* the percentage the bar shows; -1: none */

	if (argc != 1)
		return cmd_usage_error(ctx, "publish takes no arguments besides its options");
	if (caldav != NULL)
		return *caldav ? publish_caldav(ctx, caldav) :
			cmd_usage_error(ctx, "--caldav: empty URL");
	if (*dir == '\0')
		return cmd_usage_error(ctx, "--dir: empty folder name");
	if ((r = feed_publish_dir(&s, dir, progress_shown() ? progress : NULL, &last,
				  &st)) != 0)
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
	.args = "",
	.options = (const struct cmd_option[]){
		{ "dir", 0, "DIR", "the folder (created if missing); serve it with any web "
		  "server", CMD_OPT_REQUIRED, 1 },
		{ "caldav", 0, "URL", "a CalDAV calendar collection (http:// or https://), "
		  "which must exist (MKCALENDAR); credentials come from [caldav] in rota.conf "
		  "and ROTA_CALDAV_PASSWORD, never from the URL", CMD_OPT_REQUIRED, 1 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "write every feed to a folder, or to CalDAV (managers)",
	.help = "With --dir, writes, each atomically (a temporary file in DIR, synced,\n"
		"renamed):\n"
		"  TOKEN.ics       one personal feed per person, named by the person's\n"
		"                  secret token (made at the first publish; see rota feed url)\n"
		"  ROTATION.ics    one feed per rotation, with everyone's shifts\n"
		"  index.html      for managers: who is on call now and next, how far each\n"
		"                  rotation is scheduled, links to the rotation feeds (never\n"
		"                  to personal feeds), and when it was published, in\n"
		"                  [report] timezone (UTC when unset)\n"
		"and removes personal feeds whose token is no longer anyone's (after\n"
		"rota feed rotate-token, or a person's removal). Do not let the web server\n"
		"list the folder: the personal file names are secrets. A progress bar is\n"
		"shown on a terminal (rota --progress says otherwise). With --json:\n"
		"{dir, personal, rotations, events, tokens_created, removed, index}.\n"
		"\n"
		"With --caldav, puts one event (UID.ics) per shift of every rotation, from\n"
		"[feed] history_weeks ago on, into the collection: new ones with\n"
		"If-None-Match: *, changed ones (a higher SEQUENCE, or edited on the server)\n"
		"with If-Match: ETAG; deletes the events of cancelled or vanished shifts\n"
		"(no CANCELLED copies: a DELETE is how CalDAV clients learn); leaves older\n"
		"shifts and other clients' events alone. Prints \"put N, updated N,\n"
		"deleted N, unchanged N\" (--json: {collection, put, updated, deleted,\n"
		"unchanged, conflicts}). Exits 69 when the server cannot be reached,\n"
		"refuses the credentials or has no such collection, 75 on a server error,\n"
		"429 or timeout; what was not confirmed is not recorded as published.\n",
	.flags = CMD_WRITE,
	.exec = exec_publish,
};
