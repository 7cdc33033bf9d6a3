/* rota schedule generate: fill (or re-fill) a term's weeks, printing what
 * changed. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/schedule.h"

/* How the tables give way on a narrow terminal (common/out-fit.h): the
 * command that fixes a problem is never cut; its detail wraps, why it
 * was kept goes, then its start (the detail says when), then a long
 * handle is cut; a change between long handles wraps. */
static const struct out_col unfixed_columns[] = {
	{ "DETAIL", 0, OUT_WRAP },
	{ "PERSON", 0, OUT_CUT },
	{ "KEPT", 2, OUT_KEEP },
	{ "FROM", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};
static const struct out_col change_columns[] = {
	{ "CHANGE", 0, OUT_WRAP },
	{ "WHY", 0, OUT_WRAP },
	{ NULL, 0, OUT_KEEP },
};

/* What generation left as it was, inside the caller's object. */
static void
print_unfixed(const struct schedule_result *res)
{
	if (res->n_unfixed == 0 && !out_json())
		return;
	out_columns(unfixed_columns);
	out_list_begin("unfixed", "Not fixed (in weeks the generator may not change); "
		       "the command that would fix each:");
	for (size_t i = 0; i < res->n_unfixed; i++) {
		const struct plan_problem *p = &res->unfixed[i].problem;
		const struct tz_zone *zone = tz_lookup_or_utc(p->tz);
		char start[32], end[32];

		out_row_begin();
		out_str("problem", "PROBLEM", plan_problem_name(p->kind));
		if (p->shift_id != 0)
			out_int("shift", "SHIFT", p->shift_id);
		else
			out_null("shift", "SHIFT");
		out_str("person", "PERSON", p->handle[0] ? p->handle : NULL);
		time_format_local(p->start, zone, start, sizeof start);
		out_str(NULL, "FROM", start);
		time_format_utc(p->start, start, sizeof start);
		time_format_utc(p->end, end, sizeof end);
		out_str("start", NULL, start);
		out_str("end", NULL, end);
		out_str("kept", "KEPT", res->unfixed[i].kept);
		out_str("detail", "DETAIL", p->detail);
		out_str("fix", "FIX", p->fix);
		out_row_end();
	}
	out_list_end();
}

/* The change of D that covers the rest of a week in progress, or NULL. */
static const struct plan_change *
midweek_change(const struct plan_diff *d)
{
	for (size_t i = 0; i < d->n_changes; i++)
		if (d->changes[i].start > d->changes[i].slot_start)
			return &d->changes[i];
	return NULL;
}

/* Says who is on call from now to the handoff, when generation covered a
 * week in progress that nobody covered. */
static void
print_midweek(const struct plan_diff *d, const struct tz_zone *zone)
{
	const struct plan_change *c = midweek_change(d);
	char start[32], end[32];

	if (c == NULL)
		return;
	time_format_local(c->start, zone, start, sizeof start);
	time_format_local(c->end, zone, end, sizeof end);
	out_note("this week from %s to %s: %s (%s)", start, end, c->new_handle,
		 strcmp(c->why, "cancelled") == 0 ? "its shift was cancelled" :
		 c->slot == 0 ? "the term started mid-week" : "nobody was on call");
}

/* "3 kept as they were (1 started, 2 frozen)" into BUF, and the counts
 * in JSON. */
static void
print_kept(const struct plan_diff *d, char *buf, size_t len)
{
	size_t used = (size_t)snprintf(buf, len, "%zu kept as they were", d->n_fixed);
	const char *sep = " (";

	out_int("kept", NULL, (int64_t)d->n_fixed);
	out_object_begin("kept_by");
	for (size_t k = 0; k < PLAN_N_KEPT; k++) {
		out_int(plan_kept_words[k], NULL, (int64_t)d->kept_by[k]);
		if (d->kept_by[k] == 0 || used >= len)
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%zu %s", sep, d->kept_by[k],
					 plan_kept_words[k]);
		sep = ", ";
	}
	out_object_end();
	if (d->n_fixed > 0 && used < len)
		snprintf(buf + used, len - used, ")");
}

static void
print_result(const struct schedule_result *res, bool dry_run)
{
	const struct plan_diff *d = &res->diff;
	const struct tz_zone *zone = tz_lookup_or_utc(d->rotation.tz);
	char start[32], end[32], change[2 * HANDLE_MAX + 8], kept[128];

	out_object_begin(NULL);
	out_str("term", NULL, res->term.name);
	out_str("rotation", NULL, d->rotation.name);
	out_bool("dry_run", NULL, dry_run);
	out_int("weeks", NULL, (int64_t)d->n_slots);
	print_kept(d, kept, sizeof kept);
	if (d->n_changes == 0)
		out_note("no changes");
	out_columns(change_columns);
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
		out_str(NULL, "FROM", start);
		time_format_utc(c->slot_start, start, sizeof start);
		out_str("week", NULL, start);
		time_format_utc(c->start, start, sizeof start);
		time_format_utc(c->end, end, sizeof end);
		out_str("start", NULL, start);
		out_str("end", NULL, end);
		out_str("old", NULL, c->old_person ? c->old_handle : NULL);
		out_str("new", NULL, c->new_handle);
		snprintf(change, sizeof change, "%s -> %s",
			 c->old_person ? c->old_handle : "-", c->new_handle);
		out_str(NULL, "CHANGE", change);
		out_str("reason", "WHY", c->why);
		out_row_end();
	}
	out_list_end();
	print_midweek(d, zone);
	out_note("term %s: %zu weeks, %zu changed, %s; times in %s", res->term.name,
		 d->n_slots, d->n_changes, kept, d->rotation.tz);
	if (dry_run)
		out_note("dry run: nothing was changed");
	print_unfixed(res);
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
		"Re-generating never changes who held any instant before now. It keeps\n"
		"weeks that have started, weeks starting within freeze_days (default\n"
		"14), swapped or overridden shifts, and weeks split between people\n"
		"(counted for whoever holds most of the week); keeps every other\n"
		"assignment that is still valid where it can; fills weeks that have no\n"
		"shift (or a cancelled one) and have not started; and when nobody is on\n"
		"call in the week in progress (a term started mid-week, a cancelled\n"
		"shift), covers it from now to the next handoff, chosen by the same\n"
		"rules, and says so (when no member may take it, it stays uncovered\n"
		"and is listed). It prints only what changed (old person -> new\n"
		"person, in the rotation's zone) and why: uncovered or cancelled (nobody\n"
		"held it), leave, gap, other_tier, not_manager or not_member (the old\n"
		"holder may no longer have it), balance (evening out the load).\n"
		"Then it lists what it could not fix, in weeks it may not change (a\n"
		"frozen week whose holder has since gone on leave or left the term),\n"
		"each with the rota override command that would fix it.\n"
		"Settings come from [rotation \"NAME\"] or [schedule] in rota.conf(5).\n"
		"\n"
		"When the rules cannot all be met, exits 65 naming the first week nobody\n"
		"can take and why, and changes nothing.\n",
	.flags = CMD_WRITE,
	.exec = exec_schedule_generate,
};
