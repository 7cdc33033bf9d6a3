/* rota schedule generate: fill (or re-fill) a term's weeks, printing what
 * changed. */
#include "config.h"

#include <stdio.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/schedule.h"

/* The shifts kept on leave, inside the caller's object. */
static void
print_conflicts(const struct schedule_result *res)
{
	if (res->n_conflicts == 0 && !out_json())
		return;
	out_list_begin("conflicts", "Kept though on leave (resolve with rota swap "
		       "request SHIFT or rota override SHIFT HANDLE):");
	for (size_t i = 0; i < res->n_conflicts; i++) {
		const struct shift *sh = &res->conflicts[i].shift;
		char start[32], end[32];

		out_row_begin();
		out_int("shift", "SHIFT", sh->id);
		out_str("person", "PERSON", sh->handle);
		time_format_local(sh->start, tz_lookup_or_utc(sh->tz), start, sizeof start);
		out_str(NULL, "WEEK", start);
		time_format_utc(sh->start, start, sizeof start);
		time_format_utc(sh->end, end, sizeof end);
		out_str("start", NULL, start);
		out_str("end", NULL, end);
		out_str("kept", "KEPT", res->conflicts[i].kept);
		out_str("detail", "DETAIL", res->conflicts[i].detail);
		out_row_end();
	}
	out_list_end();
}

static void
print_result(const struct schedule_result *res, bool dry_run)
{
	const struct plan_diff *d = &res->diff;
	const struct tz_zone *zone = tz_lookup_or_utc(d->rotation.tz);
	char start[32], end[32], change[2 * HANDLE_MAX + 8];

	out_object_begin(NULL);
	out_str("term", NULL, res->term.name);
	out_str("rotation", NULL, d->rotation.name);
	out_bool("dry_run", NULL, dry_run);
	out_int("weeks", NULL, (int64_t)d->n_slots);
	out_int("kept", NULL, (int64_t)d->n_fixed);
	if (d->n_changes == 0)
		out_note("no changes");
	out_list_begin("changes", NULL);
	for (size_t i = 0; i < d->n_changes; i++) {
		const struct plan_change *c = &d->changes[i];

		out_row_begin();
		out_int("slot", NULL, c->slot);
		if (c->shift_id != 0)
			out_int("shift", NULL, c->shift_id);
		else
			out_null("shift", NULL);
		time_format_local(c->start, zone, start, sizeof start);
		out_str(NULL, "WEEK", start);
		time_format_utc(c->start, start, sizeof start);
		time_format_utc(c->end, end, sizeof end);
		out_str("start", NULL, start);
		out_str("end", NULL, end);
		out_str("old", NULL, c->old_person ? c->old_handle : NULL);
		out_str("new", NULL, c->new_handle);
		snprintf(change, sizeof change, "%s -> %s",
			 c->old_person ? c->old_handle : "-", c->new_handle);
		out_str(NULL, "CHANGE", change);
		out_row_end();
	}
	out_list_end();
	out_note("term %s: %zu weeks, %zu changed, %zu kept as they were (past, "
		 "frozen, swapped or overridden); times in %s%s", res->term.name, d->n_slots,
		 d->n_changes, d->n_fixed, d->rotation.tz,
		 dry_run ? "\ndry run: nothing was changed" : "");
	print_conflicts(res);
	out_object_end();
}

static int
exec_schedule_generate(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct schedule_result res;
	bool dry_run = cmd_flag(ctx, "dry-run");
	int r;

	if ((r = require_manager(ctx, "schedule generate")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "schedule generate takes one TERM");
	if ((r = schedule_generate(&s, argv[1], dry_run, &res)) == 0)
		print_result(&res, dry_run);
	ctx->rollback = dry_run;
	schedule_result_free(&res);
	return r;
}

const struct cmd_entry cmd_schedule_generate_entry = {
	.name = "schedule generate",
	.args = "TERM",
	.options = (const struct cmd_option[]){
		{ "dry-run", 'n', NULL, "print what would change and change nothing", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "fill a term's weeks with its members (managers)",
	.help = "  TERM           the term to schedule (see rota term list)\n"
		"\n"
		"Gives each week of the term to one member. Hard rules, never broken:\n"
		"nobody on leave, managers only in the escalation tier, nobody on call\n"
		"in both tiers at once, and at least min_gap_shifts weeks off between\n"
		"two shifts of one person where 3 or more can serve. Then fairness:\n"
		"fewest shifts first, then the least load (load from earlier terms of\n"
		"the rotation counts), then longest since the last shift, then a stable\n"
		"hash of handle and term; after a heavy shift (heavy_sleep_interruptions\n"
		"sleep pages or more) a person rests recovery_shifts more weeks if\n"
		"anyone else can serve.\n"
		"\n"
		"Load: a week weighs 1000 + 10 x holiday_weight x H, where H is the\n"
		"number of public holidays of the members' offices whose midday (in the\n"
		"office's zone) falls in that week; holiday_weight is a percentage of an\n"
		"ordinary week (default 50: a week with one holiday counts 1.5 weeks).\n"
		"\n"
		"Re-generating keeps shifts that have started, shifts starting within\n"
		"freeze_days (default 14) and swapped or overridden shifts, keeps every\n"
		"other assignment that is still valid where it can, fills weeks that\n"
		"have no shift (or a cancelled one) and have not started, and prints\n"
		"only the weeks that changed (old person -> new person, in the\n"
		"rotation's zone).\n"
		"Settings come from [rotation \"NAME\"] or [schedule] in rota.conf(5).\n"
		"\n"
		"When the rules cannot all be met, exits 65 naming the first week nobody\n"
		"can take and why, and changes nothing.\n",
	.flags = CMD_WRITE,
	.exec = exec_schedule_generate,
};
