/* rota page list: the pages of a month, with responder and class. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "reports/month.h"

static const char *
handle_of(const struct person *v, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id)
			return v[i].handle;
	return NULL;
}

/* TEXT on one line, for the table: line breaks and tabs become spaces. */
static const char *
flat(const char *text, char *buf, size_t len)
{
	snprintf(buf, len, "%s", text);
	for (char *c = buf; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	return buf;
}

static void
out_opt_time(const char *key, const char *header, int64_t t, const struct tz_zone *zone)
{
	if (t == 0)
		out_null(key, header);
	else
		out_time(key, header, t, zone);
}

static int
exec_page_list(struct ctx *ctx, int argc, char **argv)
{
	const char *month = cmd_opt(ctx, "month");
	const struct tz_zone *zone;
	struct local_time lt;
	struct person *people;
	struct page *v;
	size_t n, np;
	int64_t from, to;
	int r, y, m;

	if (argc - 1 != 0)
		return cmd_usage_error(ctx, "page list takes no arguments");
	if ((r = report_zone(ctx->cfg, &zone, NULL)) != 0)
		return r;
	if (month != NULL) {
		if (report_month_parse(month, &y, &m) < 0)
			return cmd_usage_error(ctx, "--month: bad month '%s' (expected YYYY-MM)",
					       month);
	} else {
		tz_to_local(zone, ctx->now, &lt);
		y = lt.year;
		m = lt.month;
	}
	from = report_month_start(zone, y, m, 0);
	to = report_month_start(zone, y, m, 1);
	if ((r = store_person_list(ctx->db, &people, &np)) != 0)
		return r;
	if ((r = store_page_list(ctx->db, from, to, &v, &n)) != 0) {
		free(people);
		return r;
	}
	if (n == 0)
		out_note("No pages in %04d-%02d.", y, m);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct page *p = &v[i];
		const char *who = handle_of(people, np, p->responder_id);
		const char *esc = handle_of(people, np, p->escalation_person_id);
		char alert[PAGE_TEXT_MAX];

		out_row_begin();
		out_int("id", "ID", p->id);
		out_str("source", NULL, p->source);
		out_str("source_id", NULL, p->source_id);
		out_time("created_at", "CREATED", p->created, zone);
		out_opt_time("acknowledged_at", NULL, p->acknowledged, zone);
		out_opt_time("resolved_at", NULL, p->resolved, zone);
		out_str("responder", "RESPONDER", who);
		out_str("responder_name", NULL, p->responder_name[0] ? p->responder_name : NULL);
		out_str("service", "SERVICE", p->service);
		out_str("alert", NULL, p->alert);
		out_str(NULL, "ALERT", flat(p->alert, alert, sizeof alert));
		out_str("urgency", NULL, p->urgency);
		out_str("class", "CLASS", page_class_name(p->class));
		out_bool("escalated", NULL, p->escalated);
		out_str("escalation_person", "ESCALATED TO", esc);
		out_str("runbook_url", NULL, p->runbook_url);
		out_bool("acted", NULL, p->acted);
		out_row_end();
	}
	out_list_end();
	free(v);
	free(people);
	return 0;
}

const struct cmd_entry cmd_page_list_entry = {
	.name = "page list",
	.args = "",
	.options = (const struct cmd_option[]){
		{ "month", 0, "YYYY-MM", "the month (default: the current one), counted in "
		  "the [report] timezone of rota.conf", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "list the pages of a month",
	.help = "Times show in that zone; --json gives them in UTC with every column.\n",
	.exec = exec_page_list,
};
