/* Generating and checking the schedule: see schedule.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "service/cover.h"
#include "service/schedule.h"

void
schedule_result_free(struct schedule_result *r)
{
	plan_diff_free(&r->diff);
	free(r->unfixed);
	r->unfixed = NULL;
	r->n_unfixed = 0;
}

/* Whether the changes of D fix problem P: it is about a shift they give
 * to someone else, or a window they cover (on a dry run, the store still
 * has them). */
static bool
fixed_by(const struct plan_diff *d, const struct plan_problem *p)
{
	for (size_t k = 0; k < d->n_changes; k++) {
		const struct plan_change *c = &d->changes[k];

		if (p->shift_id != 0 ? c->shift_id == p->shift_id :
		    c->start <= p->start && p->end <= c->end)
			return true;
	}
	return false;
}

/* Why the generator left problem P as it was: its shift's kept reason; a
 * window nobody covers is left in a week in progress that nobody may take
 * ("started"), or in a week split into parts. */
static int
kept_why(const struct svc *s, const struct plan_settings *set, const struct plan_problem *p,
	 const char **why)
{
	struct shift sh;
	int r;

	*why = p->start <= cover_earliest(s->now) ? "started" : "split";
	if (p->shift_id == 0)
		return 0;
	if ((r = store_shift_get(s->db, p->shift_id, &sh)) != 0)
		return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
	if ((*why = plan_kept_why(&sh, set, s->now)) == NULL)
		*why = "kept";
	return 0;
}

/* What schedule check finds in the term after this generation: the
 * generator changes every week it may, so these are in weeks it may not
 * (started, frozen, swapped, overridden or split). Never left silently:
 * listed with the command that would fix each, and warned about. */
static int
unfixed(const struct svc *s, struct schedule_result *out)
{
	struct plan_problem *v = NULL;
	struct plan_settings set;
	size_t n = 0;
	int r;

	if ((r = plan_settings_get(s->cfg, out->diff.rotation.name, &set)) != 0 ||
	    (r = plan_check(s->db, s->cfg, &out->term, s->now, &v, &n)) != 0)
		goto done;
	out->unfixed = xcalloc(n ? n : 1, sizeof *out->unfixed);
	for (size_t i = 0; i < n && r == 0; i++) {
		struct schedule_unfixed *u = &out->unfixed[out->n_unfixed];

		if (fixed_by(&out->diff, &v[i]))
			continue;
		u->problem = v[i];
		if ((r = kept_why(s, &set, &v[i], &u->kept)) == 0)
			out->n_unfixed++;
	}
	if (r == 0 && out->n_unfixed > 0)
		rota_warn("%zu problem%s in term %s left as %s: the generator may not change "
			  "%s week%s; the command that would fix each is listed",
			  out->n_unfixed, out->n_unfixed == 1 ? "" : "s", out->term.name,
			  out->n_unfixed == 1 ? "it was" : "they were",
			  out->n_unfixed == 1 ? "its" : "their", out->n_unfixed == 1 ? "" : "s");
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
		json_array_append_new(a, json_pack("{s:i, s:s, s:s?, s:s, s:s}", "slot", c->slot,
			"start", start, "old", c->old_person ? c->old_handle : NULL,
			"new", c->new_handle, "reason", c->why));
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
	return r != 0 ? r : unfixed(s, out);
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
