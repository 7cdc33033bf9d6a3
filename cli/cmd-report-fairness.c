/* rota report fairness: how evenly a term's load is shared. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "service/plan.h"
#include "scheduler/fairness.h"

#define DAY 86400

/* What the report reads from the store. */
struct fair_input {
	struct term term;
	struct rotation rot;
	struct membership *members;
	size_t n_members;
	struct shift *shifts;
	size_t n_shifts;
	struct person_count *pages;
	size_t n_pages;
	struct plan_settings set;
};

static void
input_free(struct fair_input *in)
{
	free(in->members);
	free(in->shifts);
	free(in->pages);
}

/* The weight of each shift: the generator's (service/plan.h), so that the
 * report and generation count the same load. */
static int
shift_weights(struct store *db, const struct fair_input *in, int64_t *weights)
{
	size_t n = in->n_shifts;
	int64_t *start = xcalloc(n + 1, sizeof *start), *end = xcalloc(n + 1, sizeof *end);
	int *holidays = xcalloc(n + 1, sizeof *holidays);
	int r = 0;

	for (size_t i = 0; i < n; i++) {
		start[i] = in->shifts[i].start;
		end[i] = in->shifts[i].end;
	}
	if (in->set.holiday_weight > 0)
		r = plan_holiday_counts(db, in->term.id, start, end, n, holidays);
	for (size_t i = 0; i < n && r == 0; i++)
		weights[i] = plan_slot_weight(in->set.holiday_weight, holidays[i]);
	free(start);
	free(end);
	free(holidays);
	return r;
}

static int
input_load(struct ctx *ctx, const char *name, struct fair_input *in)
{
	struct shift_filter f = { 0 };
	int r;

	if ((r = find_term(ctx, name, &in->term)) != 0 ||
	    (r = store_rotation_get_id(ctx->db, in->term.rotation_id, &in->rot)) != 0 ||
	    (r = plan_settings_get(ctx->cfg, in->rot.name, &in->set)) != 0)
		return r;
	f.term_id = in->term.id;
	if ((r = store_member_list(ctx->db, in->term.id, &in->members, &in->n_members)) != 0 ||
	    (r = store_shift_list(ctx->db, &f, &in->shifts, &in->n_shifts)) != 0 ||
	    (r = store_interruptions(ctx->db, in->rot.id, in->term.start, in->term.end,
				     &in->pages, &in->n_pages)) != 0)
		return r;
	return 0;
}

static int64_t
pages_of(const struct fair_input *in, int64_t person_id)
{
	for (size_t i = 0; i < in->n_pages; i++)
		if (in->pages[i].person_id == person_id)
			return in->pages[i].count;
	return 0;
}

static void
print_members(const struct fair_report *rep, const int64_t *pages)
{
	char vs[64];

	out_list_begin("members", NULL);
	for (size_t i = 0; i < rep->n_members; i++) {
		const struct fair_member_figures *m = &rep->members[i];

		out_row_begin();
		out_str("person", "PERSON", m->handle);
		out_int("shifts", "SHIFTS", (int64_t)m->shifts);
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

static void
print_report(const struct fair_input *in, const struct fair_report *rep,
	     const int64_t *pages, double balance_pages)
{
	const struct tz_zone *zone = tz_lookup(in->rot.tz);
	char start[128], end[128], line[512];
	size_t above = 0;

	if (zone == NULL)
		zone = tz_utc();
	if (out_json()) {
		time_format_utc(in->term.start, start, sizeof start);
		time_format_utc(in->term.end, end, sizeof end);
	} else {
		char a[32], b[32];
		time_format_local(in->term.start, zone, a, sizeof a);
		time_format_local(in->term.end, zone, b, sizeof b);
		snprintf(start, sizeof start, "%s %s", a, in->rot.tz);
		snprintf(end, sizeof end, "%s %s", b, in->rot.tz);
	}
	out_object_begin(NULL);
	out_str("term", "Term:", in->term.name);
	out_str("rotation", "Rotation:", in->rot.name);
	out_str("start", "From:", start);
	out_str("end", "To:", end);
	print_members(rep, pages);
	out_real("coverage_pct", "Coverage (%):", rep->span_seconds > 0 ?
		 100.0 * (double)rep->coverage_seconds / (double)rep->span_seconds : 0.0, 1);
	out_real("uncovered_hours", "Uncovered hours:",
		 (double)(rep->span_seconds - rep->coverage_seconds) / 3600.0, 1);
	out_int("spread", "Spread (shifts):", (int64_t)rep->spread);
	out_real("balance_hours", "Balance, on-call hours:", rep->balance_hours, 2);
	out_real("balance_interruptions", "Balance, interruptions:", balance_pages, 2);
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
	out_object_end();
}

static int
exec_report_fairness(struct ctx *ctx, int argc, char **argv)
{
	struct fair_input in = { 0 };
	struct fair_member *fm = NULL;
	struct fair_shift *fs = NULL;
	struct fair_report rep = { 0 };
	int64_t *weights = NULL, *pages = NULL;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "report fairness takes one TERM");
	if ((r = input_load(ctx, argv[1], &in)) != 0)
		goto done;
	fm = calloc(in.n_members + 1, sizeof *fm);
	fs = calloc(in.n_shifts + 1, sizeof *fs);
	weights = calloc(in.n_shifts + 1, sizeof *weights);
	pages = calloc(in.n_members + 1, sizeof *pages);
	if (fm == NULL || fs == NULL || weights == NULL || pages == NULL) {
		r = rota_fail(EX_OSERR, "out of memory");
		goto done;
	}
	if ((r = shift_weights(ctx->db, &in, weights)) != 0)
		goto done;
	for (size_t i = 0; i < in.n_members; i++) {
		fm[i] = (struct fair_member){ in.members[i].person_id, in.members[i].handle };
		pages[i] = pages_of(&in, in.members[i].person_id);
	}
	for (size_t i = 0; i < in.n_shifts; i++)
		fs[i] = (struct fair_shift){ in.shifts[i].person_id, in.shifts[i].start,
					     in.shifts[i].end, weights[i] };
	if (fair_compute(fm, in.n_members, fs, in.n_shifts, in.term.start, in.term.end,
			 &rep) != 0) {
		r = rota_fail(EX_OSERR, "out of memory");
		goto done;
	}
	print_report(&in, &rep, pages, fair_balance(pages, in.n_members));
	fair_report_free(&rep);
done:
	free(fm);
	free(fs);
	free(weights);
	free(pages);
	input_free(&in);
	return r;
}

const struct cmd_entry cmd_report_fairness_entry = {
	.name = "report fairness",
	.args = "TERM",
	.summary = "how evenly a term's on-call load is shared",
	.help = "Per member: shifts, on-call hours, holiday-weighted load in weeks\n"
		"(a week holding public holidays of a member's office counts extra:\n"
		"holiday_weight in rota.conf(5)), the smallest gap between two of their\n"
		"shifts, out-of-hours interruptions (pages) during the term, and how far\n"
		"their load is from the team's average.\n"
		"\n"
		"For the team: coverage (share of the term with someone on call), spread\n"
		"(most shifts less fewest), and balance scores from 0 to 1 (the mean over\n"
		"every pair of members of smaller / larger; 1 is perfectly even) for\n"
		"on-call hours and for interruptions; then who carries more than the\n"
		"average load, and by how much.\n",
	.exec = exec_report_fairness,
};
