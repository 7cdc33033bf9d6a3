/* rota schedule generate: fill (or re-fill) a term's weeks, printing what
 * changed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "service/plan.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "common/xalloc.h"

static json_t *
changes_json(const struct plan_diff *d)
{
	json_t *a = json_array();

	for (size_t i = 0; i < d->n_changes; i++) {
		const struct plan_change *c = &d->changes[i];
		char start[32];

		time_format_utc(c->start, start, sizeof start);
		json_array_append_new(a, json_pack("{s:i, s:s, s:s?, s:s}", "slot", c->slot,
			"start", start, "old", c->old_person ? c->old_handle : NULL,
			"new", c->new_handle));
	}
	return a;
}

/* The shifts of the term that overlap their person's leave after this
 * generation: the generator moves every shift it may, so these are the
 * ones it may not (started, inside the freeze horizon, swapped or
 * overridden). Never kept silently: listed, with a warning, to resolve
 * by swap or override. Prints inside the caller's object. */
static int
leave_conflicts(struct ctx *ctx, const struct term *t, const struct plan_diff *d)
{
	struct plan_problem *v = NULL;
	struct plan_settings set;
	struct shift *kept = NULL;
	const char **detail = NULL;
	size_t n = 0, nk = 0;
	int r;

	if ((r = plan_settings_get(ctx->cfg, d->rotation.name, &set)) != 0 ||
	    (r = plan_check(ctx->db, ctx->cfg, t, ctx->now, &v, &n)) != 0)
		goto done;
	kept = xcalloc(n ? n : 1, sizeof *kept);
	detail = xcalloc(n ? n : 1, sizeof *detail);
	for (size_t i = 0; i < n; i++) {
		bool moved = false;

		if (v[i].kind != PLAN_LEAVE ||
		    (nk > 0 && kept[nk - 1].id == v[i].shift_id))
			continue;
		for (size_t k = 0; k < d->n_changes; k++)
			moved = moved || d->changes[k].shift_id == v[i].shift_id;
		if (moved)
			continue;
		if ((r = store_shift_get(ctx->db, v[i].shift_id, &kept[nk])) != 0) {
			r = r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
			goto done;
		}
		detail[nk++] = v[i].detail;
	}
	if (nk > 0 || out_json()) {
		out_list_begin("conflicts", "Kept though on leave (resolve with rota swap "
			       "request SHIFT or rota override SHIFT HANDLE):");
		for (size_t i = 0; i < nk; i++) {
			const struct shift *sh = &kept[i];
			const char *why;
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
			why = plan_kept_why(sh, &set, ctx->now);
			out_str("kept", "KEPT", why != NULL ? why : "kept");
			out_str("detail", "DETAIL", detail[i]);
			out_row_end();
		}
		out_list_end();
	}
	if (nk > 0)
		rota_warn("%zu shift%s of term %s overlap%s leave and cannot be moved by the "
			  "generator: resolve with rota swap request SHIFT or rota override SHIFT "
			  "HANDLE", nk, nk == 1 ? "" : "s", t->name, nk == 1 ? "s" : "");
done:
	free(kept);
	free(detail);
	free(v);
	return r;
}

static int
print_diff(struct ctx *ctx, const struct term *t, const struct plan_diff *d, bool dry_run)
{
	int r;

	const struct tz_zone *zone = tz_lookup(d->rotation.tz);
	char start[32], end[32], change[2 * HANDLE_MAX + 8];

	out_object_begin(NULL);
	out_str("term", NULL, t->name);
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
		 "frozen, swapped or overridden); times in %s%s", t->name, d->n_slots,
		 d->n_changes, d->n_fixed, d->rotation.tz,
		 dry_run ? "\ndry run: nothing was changed" : "");
	r = leave_conflicts(ctx, t, d);
	out_object_end();
	return r;
}

static int
infeasible(const struct term *t, const struct plan_diff *d)
{
	const struct tz_zone *zone = tz_lookup(d->rotation.tz);
	char start[32];

	if (d->failed_slot < 0 || zone == NULL)
		return rota_fail(EX_DATAERR, "term '%s' cannot be scheduled: %s; nothing "
				 "was changed", t->name, d->reason);
	time_format_local(d->failed_start, zone, start, sizeof start);
	return rota_fail(EX_DATAERR, "term '%s' cannot be scheduled: week %ld from %s "
			 "(%s): %s; nothing was changed", t->name, d->failed_slot + 1,
			 start, d->rotation.tz, d->reason);
}

static int
exec_schedule_generate(struct ctx *ctx, int argc, char **argv)
{
	struct plan_diff d;
	struct term t;
	bool dry_run = cmd_flag(ctx, "dry-run");
	int r;

	if ((r = require_manager(ctx, "schedule generate")) != 0)
		return r;
	if (argc != 2)
		return cmd_usage_error(ctx, "schedule generate takes one TERM");
	if ((r = find_term(ctx, argv[1], &t)) != 0)
		return r;
	r = plan_generate(ctx->db, ctx->cfg, &t, ctx->now, !dry_run, &d);
	if (r == EX_DATAERR && d.reason[0] != '\0')
		r = infeasible(&t, &d);
	if (r == 0 && !dry_run && d.n_changes > 0)
		r = audit(ctx, "schedule.generate", t.name, NULL,
			  json_pack("{s:s, s:i, s:o}", "rotation", d.rotation.name,
				    "weeks", (int)d.n_slots, "changes", changes_json(&d)));
	if (r == 0)
		r = print_diff(ctx, &t, &d, dry_run);
	ctx->rollback = dry_run;
	plan_diff_free(&d);
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
