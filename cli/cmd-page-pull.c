/* rota page pull: pages from PagerDuty's or Opsgenie's REST API. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/secret.h"
#include "common/timefmt.h"
#include "reports/page-import.h"
#include "reports/pull.h"

#define DEFAULT_SINCE_DAYS 7

struct service {
	const char *name;             /* the command's word and config section */
	enum pull_source source;
	const char *env;              /* the token's environment variable */
	const char *api_url;          /* default */
};

static const struct service services[] = {
	{ "pagerduty", PULL_PAGERDUTY, "ROTA_PAGERDUTY_TOKEN", "https://api.pagerduty.com" },
	{ "opsgenie", PULL_OPSGENIE, "ROTA_OPSGENIE_TOKEN", "https://api.opsgenie.com" },
};

/* The settings of [NAME]: API URL, timeout and longest Retry-After. */
static int
read_settings(struct ctx *ctx, const struct service *sv, struct pull_request *r)
{
	const char *url = config_get(ctx->cfg, sv->name, NULL, "api_url", NULL);
	long line = 0;
	int e;

	r->api_url = url && *url ? url : sv->api_url;
	if (strncmp(r->api_url, "https://", 8) != 0 && strncmp(r->api_url, "http://", 7) != 0) {
		config_get(ctx->cfg, sv->name, NULL, "api_url", &line);
		return rota_fail_at(EX_CONFIG, config_path(ctx->cfg), line,
				    "[%s] api_url must be an http(s) URL", sv->name);
	}
	if ((e = config_get_int(ctx->cfg, sv->name, NULL, "timeout_seconds", 30, 1, 3600,
				&r->timeout_seconds)) != 0 ||
	    (e = http_retry_load(ctx->cfg, sv->name, &r->retry)) != 0)
		return e;
	return 0;
}

static int
exec_page_pull(struct ctx *ctx, int argc, char **argv)
{
	const char *since = cmd_opt(ctx, "since"), *until = cmd_opt(ctx, "until"), *zone_name;
	const struct service *sv = NULL;
	struct pull_request r = { 0 };
	struct page_vec pages = { 0 };
	const struct tz_zone *zone;
	size_t imported = 0, updated = 0;
	char *token = NULL;
	int e;

	if (argc != 2)
		return cmd_usage_error(ctx, "page pull takes pagerduty or opsgenie");
	for (size_t i = 0; i < sizeof services / sizeof services[0]; i++)
		if (strcmp(argv[1], services[i].name) == 0)
			sv = &services[i];
	if (sv == NULL)
		return cmd_usage_error(ctx, "unknown service '%s': pagerduty or opsgenie",
				       argv[1]);
	/* Dates are days in the reporting zone, as months are. */
	zone_name = config_get(ctx->cfg, "report", NULL, "timezone", NULL);
	if ((zone = tz_lookup(zone_name && *zone_name ? zone_name : "UTC")) == NULL)
		return rota_fail(EX_CONFIG, "[report] timezone: unknown time zone '%s'", zone_name);
	r.source = sv->source;
	r.now = ctx->now;
	r.until = ctx->now;
	r.since = ctx->now - DEFAULT_SINCE_DAYS * 86400;
	if ((since && (e = time_arg(ctx, "--since", since, zone, &r.since)) != 0) ||
	    (until && (e = time_arg(ctx, "--until", until, zone, &r.until)) != 0))
		return e;
	if (r.until <= r.since)
		return cmd_usage_error(ctx, "--until must be after --since");
	if (r.until > r.now)
		r.until = r.now;
	if ((e = require_manager(ctx, "page pull")) != 0 ||
	    (e = read_settings(ctx, sv, &r)) != 0 ||
	    (e = secret_get(ctx->cfg, sv->env, sv->name, "token_file", &token)) != 0)
		return e;
	if (token == NULL)
		return rota_fail(EX_CONFIG, "no %s token: set %s or [%s] token_file in rota.conf",
				 sv->name, sv->env, sv->name);
	r.token = token;
	e = pull_pages(&r, &pages);
	secret_free(token);
	if (e == 0)
		e = page_import_pulled(ctx->db, ctx->cfg, sv->name, pages.v, pages.n, ctx->now,
				       &imported, &updated);
	if (e == 0) {
		char object[32];

		snprintf(object, sizeof object, "pages:%s", sv->name);
		e = audit(ctx, "page.pull", object, NULL, NULL);
	}
	if (e == 0) {
		out_object_begin(NULL);
		out_str("source", NULL, sv->name);
		out_int("pulled", NULL, (int64_t)pages.n);
		out_int("imported", NULL, (int64_t)imported);
		out_int("updated", NULL, (int64_t)updated);
		out_note("pulled %zu pages from %s (%zu new, %zu updated)", pages.n, sv->name,
			 imported, updated);
		out_object_end();
	}
	page_vec_free(&pages);
	return e;
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
