/* rota page import: pages from a PagerDuty, Opsgenie or generic CSV.
 *
 * Not a CMD_WRITE command: pages_import runs its own transaction (a large
 * file is imported with the database to itself, which has to be asked
 * before the transaction begins). */
#include "config.h"

#include <stdio.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/progress.h"
#include "service/pages.h"

/* A bar on stderr, when progress_shown() says so (on a terminal). The
 * cursor waits on the line below it (each redraw goes up one line first),
 * so that an error met halfway is a line of its own under the bar; the
 * bar at 100% is erased, leaving the cursor where it began. */
static void
progress(size_t done, size_t total)
{
	static bool drawn;
	int pct = total ? (int)(done * 100 / total) : 100;
	int bar = pct / 4;

	fprintf(stderr, "%s\rimporting [%.*s%*s] %3d%%\n", drawn ? "\033[A" : "", bar,
		"#########################", 25 - bar, "", pct);
	drawn = true;
	if (done >= total) {
		fputs("\033[A\r\033[K", stderr);
		drawn = false;
	}
	fflush(stderr);
}

static int
exec_page_import(struct ctx *ctx, int argc, char **argv)
{
	const char *format_name = cmd_opt(ctx, "format");
	enum page_format format = PAGE_FORMAT_GUESS;
	struct page_import_result res;
	struct svc s = cmd_svc(ctx);
	int r;

	if (format_name != NULL && page_format_parse(format_name, &format) < 0)
		return cmd_usage_error(ctx, "--format: unknown format '%s' "
				       "(pagerduty, opsgenie or generic)", format_name);
	if (argc != 2)
		return cmd_usage_error(ctx, "page import takes one FILE");
	if ((r = pages_import(&s, argv[1], format, progress_shown() ? progress : NULL,
			      &res)) != 0)
		return r;
	if (out_json()) {
		out_object_begin(NULL);
		out_str("file", NULL, argv[1]);
		out_str("format", NULL, page_format_name(res.format));
		out_int("imported", NULL, (int64_t)res.imported);
		out_int("known", NULL, (int64_t)(res.pages - res.imported));
		out_object_end();
	} else {
		out_note("imported %zu page%s (%zu already known)", res.imported,
			 res.imported == 1 ? "" : "s", res.pages - res.imported);
	}
	return 0;
}

const struct cmd_entry cmd_page_import_entry = {
	.name = "page import",
	.args = "FILE",
	.options = (const struct cmd_option[]){
		{ "format", 0, "pagerduty|opsgenie|generic", "the file's format (default: "
		  "told from its header)", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "import pages from a CSV export (managers)",
	.help = "  FILE          a CSV file: PagerDuty's incident export, Opsgenie's alert\n"
		"                export, or the generic format of rota(1); - for\n"
		"                standard input\n"
		"Each page gets its responder (who acknowledged it, else who was on call\n"
		"for its service) and its class: in hours, out of hours or sleep. A page\n"
		"naming nobody that arrives while its rotation, covering out of hours,\n"
		"is not on call (one of its offices is in business hours) was the\n"
		"service owners': no responder, in hours, in no volunteer's counts or pay.\n"
		"A bad row stops the import (FILE:LINE, exit 65) and nothing is imported.\n"
		"Importing the same pages again adds nothing. A file of more than 2 MB\n"
		"is imported with the database to itself when nobody else has it open:\n"
		"other commands wait for it.\n",
	.exec = exec_page_import,
};
