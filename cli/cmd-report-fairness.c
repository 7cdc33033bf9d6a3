/* rota report fairness: how evenly a term's load is shared. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "service/plan.h"
#include "service/reports.h"

#define DAY 86400

/* How the table gives way on a narrow terminal (common/out-fit.h). */
static const struct out_col columns[] = {
	{ "SMALLEST GAP (DAYS)", 1, OUT_KEEP },
	{ "WEEKS", 2, OUT_KEEP },
	{ "ON-CALL HOURS", 3, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static void
print_members(const struct fair_report *rep, const int64_t *pages)
{
	char vs[64];

	out_columns(columns);
	out_list_begin("members", NULL);
	for (size_t i = 0; i < rep->n_members; i++) {
		const struct fair_member_figures *m = &rep->members[i];

		out_row_begin();
		out_str("person", "PERSON", m->handle);
		out_real("weeks", "WEEKS", (double)m->weeks / PLAN_WEEK_LOAD, 2);
		out_int("shifts", NULL, (int64_t)m->shifts);
		out_real("oncall_hours", "ON-CALL HOURS", (double)m->oncall_seconds / 3600.0, 1);
		out_real("load_weeks", "LOAD (WEEKS)", (double)m->load / PLAN_WEEK_LOAD, 2);
		if (m->min_gap < 0)
			out_null("smallest_gap_days", "SMALLEST GAP (DAYS)");
		else
			out_real("smallest_gap_days", "SMALLEST GAP (DAYS)",
				 (double)m->min_gap / DAY, 1);
		out_int("interruptions", "INTERRUPTIONS", pages[i]);
		snprintf(vs, sizeof vs, "%+.2f (%+.1f%%)", (double)m->excess_load / PLAN_WEEK_LOAD,
			 m->excess_pct);
		out_str(NULL, "VS AVERAGE", vs);
		out_real("excess_weeks", NULL, (double)m->excess_load / PLAN_WEEK_LOAD, 2);
		out_real("excess_pct", NULL, m->excess_pct, 1);
		out_row_end();
	}
	out_list_end();
}

/* Follow the sun: the hours a week with each office alone, each pair
 * and all of them. */
static void
print_sun(const struct fairness_view *v)
{
	if (v->n_sun == 0)
		return;
	out_list_begin("follow_the_sun", "On call with these offices (hours a week):");
	for (size_t i = 0; i < v->n_sun; i++) {
		out_row_begin();
		out_str("offices", "OFFICES", v->sun[i].offices);
		out_int("n_offices", NULL, (int64_t)v->sun[i].n_offices);
		out_real("hours_a_week", "ON CALL (H/WEEK)", v->sun[i].hours_a_week, 1);
		out_row_end();
	}
	out_list_end();
}

static void
print_report(const struct fairness_view *v)
{
	const struct fair_report *rep = &v->rep;
	const struct tz_zone *zone = tz_lookup(v->rot.tz);
	char start[128], end[128], line[512];
	size_t above = 0;

	if (zone == NULL)
		zone = tz_utc();
	if (out_json()) {
		time_format_utc(v->term.start, start, sizeof start);
		time_format_utc(v->term.end, end, sizeof end);
	} else {
		char a[32], b[32];
		time_format_local(v->term.start, zone, a, sizeof a);
		time_format_local(v->term.end, zone, b, sizeof b);
		snprintf(start, sizeof start, "%s %s", a, v->rot.tz);
		snprintf(end, sizeof end, "%s %s", b, v->rot.tz);
	}
	out_object_begin(NULL);
	out_str("term", "Term:", v->term.name);
	out_str("rotation", "Rotation:", v->rot.name);
	out_str("start", "From:", start);
	out_str("end", "To:", end);
	print_members(rep, v->interruptions);
	out_real("coverage_pct", "Coverage (%):", rep->span_seconds > 0 ?
		 100.0 * (double)rep->coverage_seconds / (double)rep->span_seconds : 0.0, 1);
	out_real("uncovered_hours", "Uncovered hours:",
		 (double)(rep->span_seconds - rep->coverage_seconds) / 3600.0, 1);
	out_real("spread", "Spread (weeks):", (double)rep->spread / PLAN_WEEK_LOAD, 2);
	out_real("balance_hours", "Balance, on-call hours:", rep->balance_hours, 2);
	out_real("balance_interruptions", "Balance, interruptions:",
		 v->balance_interruptions, 2);
	line[0] = '\0';
	out_list_begin("above_average", NULL);
	for (size_t i = 0; i < rep->n_members; i++) {
		const struct fair_member_figures *m = &rep->members[i];
		size_t used = strlen(line);

		if (m->excess_load <= 0)
			continue;
		if (out_json()) {
			out_row_begin();
			out_str("person", NULL, m->handle);
			out_real("excess_weeks", NULL, (double)m->excess_load / PLAN_WEEK_LOAD, 2);
			out_real("excess_pct", NULL, m->excess_pct, 1);
			out_row_end();
		} else if (used < sizeof line) {
			snprintf(line + used, sizeof line - used, "%s%s +%.2f weeks (+%.1f%%)",
				 above ? ", " : "", m->handle,
				 (double)m->excess_load / PLAN_WEEK_LOAD, m->excess_pct);
		}
		above++;
	}
	out_list_end();
	out_str(NULL, "Above the average load:", above ? line : "nobody");
	print_sun(v);
	out_object_end();
}

static int
exec_report_fairness(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct fairness_view v;
	char current[NAME_MAX_];
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "report fairness takes at most one TERM");
	if (argc < 2 && (r = usage_if(ctx, report_current_term(&s, current,
							      sizeof current))) != 0)
		return r;
	if ((r = report_fairness(&s, argc < 2 ? current : argv[1], &v)) == 0)
		print_report(&v);
	fairness_view_free(&v);
	return r;
}

const struct cmd_entry cmd_report_fairness_entry = {
	.name = "report fairness",
	.args = "[TERM]",
	.summary = "how evenly a term's on-call load is shared",
	.help = "Per member: weeks held, on-call hours (for a rotation covering out of\n"
		"hours, only its on-call windows inside the shifts they held: the hours\n"
		"none of its offices is open), holiday-weighted load in weeks\n"
		"(a week holding public holidays of a member's office counts extra:\n"
		"holiday_weight in rota.conf(5)), the smallest gap between two of their\n"
		"shifts, out-of-hours interruptions (pages) during the term, and how far\n"
		"their load is from the team's average. A part of a week (after an\n"
		"override or swap of part of it) counts the share of the week's own\n"
		"length it holds, in weeks and of its week's load (public holidays\n"
		"included), as generation counts it, so the parts of a week add up to\n"
		"the week; --json also gives \"shifts\", the number of shifts (whole\n"
		"weeks and parts) each member held.\n"
		"\n"
		"For the team: coverage (share of the term with someone on call, by the\n"
		"rule of schedule check: a window nobody holds, or held by someone who\n"
		"has left the term, is not covered), spread (most weeks held less\n"
		"fewest), and balance scores from 0 to 1 (the mean over every pair of\n"
		"members of smaller / larger; 1 is perfectly even) for on-call hours\n"
		"and for interruptions; then who carries more than the average load,\n"
		"and by how much. Members who left before the term began and hold\n"
		"nothing in it are not counted.\n"
		"\n"
		"Follow the sun: for a rotation covering out of hours with two or more\n"
		"offices, how many hours a week it is on call with each office alone,\n"
		"each pair of them and (three or more) all of them together, on average\n"
		"over the term (its holidays and DST weeks included), so that you can\n"
		"see what adding an office buys; --json: \"follow_the_sun\", a list of\n"
		"{\"offices\", \"n_offices\", \"hours_a_week\"}.\n",
	.exec = exec_report_fairness,
};
