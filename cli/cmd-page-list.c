/* rota page list: the pages of a month, with responder and class. */
#include "config.h"

#include <stdio.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "reports/month.h"
#include "service/pages.h"

/* An alert on one line, for the table: its line breaks and tabs (text an
 * alert may hold) become spaces; any other control shows escaped. */
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

struct page_list_args {
	const struct svc *s;
	const struct pages_month *m;
};

static int
print_page(void *row, void *arg)
{
	const struct page_listed *l = row;
	const struct page *p = l->page;
	const struct tz_zone *zone = arg;
	char alert[PAGE_TEXT_MAX];

	out_row_begin();
	out_int("id", "ID", p->id);
	out_str("source", NULL, p->source);
	out_str("source_id", NULL, p->source_id);
	out_time("created_at", "CREATED", p->created, zone);
	out_opt_time("acknowledged_at", NULL, p->acknowledged, zone);
	out_opt_time("resolved_at", NULL, p->resolved, zone);
	if (page_by_owners(p->responder_id))
		out_str(NULL, "RESPONDER", "(service owners)");
	else
		out_str(NULL, "RESPONDER", l->responder);
	out_str("responder", NULL, l->responder);
	out_bool("service_owners", NULL, page_by_owners(p->responder_id));
	out_str("responder_name", NULL, p->responder_name[0] ? p->responder_name : NULL);
	out_str("service", "SERVICE", p->service);
	out_str("alert", NULL, p->alert);
	out_str(NULL, "ALERT", flat(p->alert, alert, sizeof alert));
	out_str("urgency", NULL, p->urgency);
	out_str("class", "CLASS", page_class_name(p->class));
	out_bool("escalated", NULL, p->escalated);
	out_str("escalation_person", "ESCALATED TO", l->escalation);
	out_str("runbook_url", NULL, p->runbook_url);
	out_bool("acted", NULL, p->acted);
	out_row_end();
	return 0;
}

static int
list_pages(void *arg)
{
	const struct page_list_args *pr = arg;

	return pages_each(pr->s, pr->m, print_page, (void *)pr->m->zone);
}

/* How the table gives way on a narrow terminal (common/out-fit.h). */
static const struct out_col columns[] = {
	{ "ALERT", 0, OUT_CUT },
	{ "ESCALATED TO", 3, OUT_KEEP },
	{ "CLASS", 2, OUT_KEEP },
	{ "RESPONDER", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_page_list(struct ctx *ctx, int argc, char **argv)
{
	const char *month = cmd_opt(ctx, "month");
	struct svc s = cmd_svc(ctx);
	struct pages_month pm;
	struct page_list_args pr = { &s, &pm };
	size_t n;
	int r, y = 0, m = 0;

	(void)argv;
	if (argc - 1 != 0)
		return cmd_usage_error(ctx, "page list takes no arguments");
	if (month != NULL && report_month_parse(month, &y, &m) < 0)
		return cmd_usage_error(ctx, "--month: bad month '%s' (expected YYYY-MM)", month);
	/* Row by row, however many: never the whole month in memory. */
	out_columns(columns);
	if ((r = pages_month_open(&s, y, m, &pm)) == 0 &&
	    (r = out_list_rows(NULL, NULL, list_pages, &pr, &n)) == 0 && n == 0)
		out_note("No pages in %04d-%02d.", pm.year, pm.month);
	pages_month_free(&pm);
	return r;
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
	.help = "Times show in that zone; --json gives them in UTC with every column.\n"
		"A page of a rotation covering out of hours that arrived in business\n"
		"hours and named no responder was the service owners': its responder\n"
		"shows as (service owners) (--json: \"responder\" null,\n"
		"\"service_owners\" true).\n",
	.flags = CMD_STREAM,
	.exec = exec_page_list,
};
