/* rota page pull: pages from PagerDuty's or Opsgenie's REST API. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "reports/month.h"
#include "service/pages.h"

static int
exec_page_pull(struct ctx *ctx, int argc, char **argv)
{
	const char *since = cmd_opt(ctx, "since"), *until = cmd_opt(ctx, "until");
	const struct pages_source *src;
	const struct tz_zone *zone;
	struct pages_pull_result res;
	struct svc s = cmd_svc(ctx);
	int64_t from = ctx->now - PAGES_PULL_DAYS * 86400, to = ctx->now;
	int e;

	if (argc != 2)
		return cmd_usage_error(ctx, "page pull takes pagerduty or opsgenie");
	if ((src = pages_source_find(argv[1])) == NULL)
		return cmd_usage_error(ctx, "unknown service '%s': pagerduty or opsgenie",
				       argv[1]);
	/* Dates are days in the reporting zone, as months are. */
	if ((e = report_zone(ctx->cfg, &zone, NULL)) != 0 ||
	    (since && (e = time_arg(ctx, "--since", since, zone, &from)) != 0) ||
	    (until && (e = time_arg(ctx, "--until", until, zone, &to)) != 0))
		return e;
	if (to <= from)
		return cmd_usage_error(ctx, "--until must be after --since");
	if ((e = pages_pull(&s, src, from, to, &res)) != 0)
		return e;
	out_object_begin(NULL);
	out_str("source", NULL, src->name);
	out_int("pulled", NULL, (int64_t)res.pulled);
	out_int("imported", NULL, (int64_t)res.imported);
	out_int("updated", NULL, (int64_t)res.updated);
	out_note("pulled %zu pages from %s (%zu new, %zu updated)", res.pulled, src->name,
		 res.imported, res.updated);
	out_object_end();
	return 0;
}

const struct cmd_entry cmd_page_pull_entry = {
	.name = "page pull",
	.args = "pagerduty|opsgenie",
	.options = (const struct cmd_option[]){
		{ "since", 0, "DATE", "the window's start (default: 7 days ago); a date "
		  "is midnight in the [report] time zone", 0, 0 },
		{ "until", 0, "DATE", "the window's end (default: now)", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "import pages from PagerDuty's or Opsgenie's API",
	.help =
	"Reads the incidents (PagerDuty REST API v2: /incidents and /log_entries)\n"
	"or alerts (Opsgenie: /v2/alerts) created in a window, following the\n"
	"pages of results and waiting out rate limits (HTTP 429, and 503 with\n"
	"Retry-After: [http] retries, max_retry_after),\n"
	"and imports them as `rota page import` does: each page gets its\n"
	"responder and class; a page already imported is brought up to date\n"
	"(acknowledged, resolved, escalated since) instead of imported again.\n"
	"Either all of a pull is imported or, on any failure, nothing. Managers.\n"
	"\n"
	"The token comes from $ROTA_PAGERDUTY_TOKEN or $ROTA_OPSGENIE_TOKEN, else\n"
	"from the file named by token_file in [pagerduty] or [opsgenie], which\n"
	"must be readable by its owner only (chmod 600). It is never printed.\n"
	"api_url points at another endpoint (Opsgenie's EU: https://api.eu.opsgenie.com).\n",
	.flags = CMD_WRITE,
	.exec = exec_page_pull,
};
