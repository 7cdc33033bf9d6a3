/* rota page import: pages from a PagerDuty, Opsgenie or generic CSV.
 *
 * Not a CMD_WRITE command: a large file is imported with the database to
 * itself (store_bulk_begin), which has to be asked before the one
 * transaction begins. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "reports/page-import.h"

/* A bar on stderr, on a terminal only. The cursor waits on the line
 * below it (each redraw goes up one line first), so that an error met
 * halfway is a line of its own under the bar; the bar at 100% is erased,
 * leaving the cursor where it began. */
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

/* A file this large (about 18,000 pages of the generic format) is
 * imported in the rollback journal's mode: see store_bulk_begin(). */
#define BULK_BYTES (2 << 20)

/* The import and its audit event, in one transaction. */
static int
import_in_transaction(struct ctx *ctx, const char *path, enum page_format format,
		      struct page_import_result *res)
{
	json_t *after;
	int r;

	if ((r = store_begin(ctx->db)) != 0)
		return r;
	if ((r = page_import(ctx->db, ctx->cfg, path, format, ctx->now,
			     isatty(STDERR_FILENO) ? progress : NULL, res)) == 0) {
		after = json_pack("{s:s, s:s, s:I, s:I}", "file", path,
				  "format", page_format_name(res->format),
				  "imported", (json_int_t)res->imported,
				  "known", (json_int_t)(res->pages - res->imported));
		if ((r = audit(ctx, "page.import", path, NULL, after)) == 0)
			r = store_commit(ctx->db);
	}
	if (r != 0)
		store_rollback(ctx->db);
	return r;
}

static int
exec_page_import(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum page_format format = PAGE_FORMAT_GUESS;
	struct page_import_result res;
	const char *path;
	struct stat st;
	bool bulk;
	int c, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (page_format_parse(optarg, &format) < 0)
				return cmd_usage_error(ctx, "--format: unknown format '%s' "
					"(pagerduty, opsgenie or generic)", optarg);
			break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(ctx, "page import takes one FILE");
	path = argv[optind];
	if ((r = require_manager(ctx, "page import")) != 0)
		return r;
	/* (A file that cannot be read is page_import's to report.) */
	bulk = stat(path, &st) == 0 && st.st_size >= BULK_BYTES && store_bulk_begin(ctx->db);
	r = import_in_transaction(ctx, path, format, &res);
	if (bulk)
		store_bulk_end(ctx->db);
	if (r != 0)
		return r;
	if (out_json()) {
		out_object_begin(NULL);
		out_str("file", NULL, path);
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
	.args = "FILE [--format pagerduty|opsgenie|generic]",
	.summary = "import pages from a CSV export (managers)",
	.help = "  FILE          a CSV file: PagerDuty's incident export, Opsgenie's alert\n"
		"                export, or the generic format of rota(1)\n"
		"  --format F    pagerduty, opsgenie or generic (default: told from the header)\n"
		"Each page gets its responder (who acknowledged it, else who was on call\n"
		"for its service) and its class: in hours, out of hours or sleep.\n"
		"A bad row stops the import (FILE:LINE, exit 65) and nothing is imported.\n"
		"Importing the same pages again adds nothing. A file of more than 2 MB\n"
		"is imported with the database to itself when nobody else has it open:\n"
		"other commands wait for it.\n",
	.exec = exec_page_import,
};
