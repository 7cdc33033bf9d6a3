/* Generating and checking the schedule: see schedule.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "service/schedule.h"

void
schedule_result_free(struct schedule_result *r)
{
	plan_diff_free(&r->diff);
	free(r->conflicts);
	r->conflicts = NULL;
	r->n_conflicts = 0;
}

/* The shifts of the term that overlap their person's leave after this
 * generation: the generator moves every shift it may, so these are the
 * ones it may not (started, frozen, swapped or overridden). Never kept
 * silently: listed, and warned about. */
static int
leave_conflicts(const struct svc *s, struct schedule_result *out)
{
	struct plan_problem *v = NULL;
	struct plan_settings set;
	size_t n = 0;
	int r;

	if ((r = plan_settings_get(s->cfg, out->diff.rotation.name, &set)) != 0 ||
	    (r = plan_check(s->db, s->cfg, &out->term, s->now, &v, &n)) != 0)
		goto done;
	out->conflicts = xcalloc(n ? n : 1, sizeof *out->conflicts);
	for (size_t i = 0; i < n; i++) {
		struct schedule_conflict *c = &out->conflicts[out->n_conflicts];
		bool moved = false;

		if (v[i].kind != PLAN_LEAVE || (out->n_conflicts > 0 &&
		    out->conflicts[out->n_conflicts - 1].shift.id == v[i].shift_id))
			continue;
		for (size_t k = 0; k < out->diff.n_changes; k++)
			moved = moved || out->diff.changes[k].shift_id == v[i].shift_id;
		if (moved)
			continue;
		if ((r = store_shift_get(s->db, v[i].shift_id, &c->shift)) != 0) {
			r = r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
			goto done;
		}
		c->kept = plan_kept_why(&c->shift, &set, s->now);
		if (c->kept == NULL)
			c->kept = "kept";
		snprintf(c->detail, sizeof c->detail, "%s", v[i].detail);
		out->n_conflicts++;
	}
	if (out->n_conflicts > 0)
		rota_warn("%zu shift%s of term %s overlap%s leave and cannot be moved by the "
			  "generator: resolve with rota swap request SHIFT or rota override SHIFT "
			  "HANDLE", out->n_conflicts, out->n_conflicts == 1 ? "" : "s",
			  out->term.name, out->n_conflicts == 1 ? "s" : "");
done:
	free(v);
	return r;
}

/* EX_DATAERR naming the week nobody can take, and why. */
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

/* The changes for the audit trail. */
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

int
schedule_generate(const struct svc *s, const char *term, bool dry_run,
		  struct schedule_result *out)
{
	int r;

	memset(out, 0, sizeof *out);
	if ((r = svc_require_manager(s, "schedule generate")) != 0 ||
	    (r = svc_find_term(s, term, &out->term)) != 0)
		return r;
	r = plan_generate(s->db, s->cfg, &out->term, s->now, !dry_run, &out->diff);
	if (r == EX_DATAERR && out->diff.reason[0] != '\0')
		return infeasible(&out->term, &out->diff);
	if (r == 0 && !dry_run && out->diff.n_changes > 0)
		r = svc_audit(s, "schedule.generate", out->term.name, NULL,
			      json_pack("{s:s, s:i, s:o}", "rotation", out->diff.rotation.name,
					"weeks", (int)out->diff.n_slots,
					"changes", changes_json(&out->diff)));
	return r != 0 ? r : leave_conflicts(s, out);
}

int
schedule_check(const struct svc *s, const char *term, struct plan_problem **v, size_t *n)
{
	struct term *terms = NULL;
	size_t nt = 0;
	int r;

	*v = NULL;
	*n = 0;
	if (term != NULL) {
		terms = xcalloc(1, sizeof *terms);
		nt = 1;
		r = svc_find_term(s, term, &terms[0]);
	} else {
		r = store_term_list(s->db, 0, &terms, &nt);
	}
	for (size_t i = 0; i < nt && r == 0; i++)
		if (term != NULL || terms[i].end > s->now)   /* over: nothing left to fix */
			r = plan_check(s->db, s->cfg, &terms[i], s->now, v, n);
	free(terms);
	if (r != 0) {
		free(*v);
		*v = NULL;
		*n = 0;
	}
	return r;
}
