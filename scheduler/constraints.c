/* Hard constraints of the schedule: see constraints.h. */
#include <stdio.h>

#include "scheduler/constraints.h"

/* Writes msg into why when the caller asked for a reason; returns code.
 * why is caller-owned; nothing is allocated. */
static int
say(int code, char *why, size_t whylen, const char *msg)
{
	if (why != NULL && whylen > 0)
		snprintf(why, whylen, "%s", msg);
	return code;
}

/* Whether [start, end) meets any interval of list. */
static bool
overlaps_any(const struct gen_interval *list, size_t n, int64_t start, int64_t end)
{
	for (size_t i = 0; i < n; i++) {
		if (list[i].start < end && start < list[i].end)
			return true;
	}
	return false;
}

int64_t
gen_gap_seconds(const struct gen_params *p)
{
	return (int64_t)p->min_gap_shifts * p->shift_seconds - GEN_DST_TOLERANCE;
}

bool
gen_gap_applies(const struct gen_params *p, const struct gen_member *members,
    size_t n_members, int64_t term_start, int64_t term_end)
{
	size_t eligible = 0;

	if (p->min_gap_shifts <= 0)
		return false;
	for (size_t i = 0; i < n_members; i++) {
		const struct gen_member *m = &members[i];

		if (p->escalation && !m->is_manager)
			continue;
		if (m->member_from < m->member_until && m->member_from < term_end &&
		    term_start < m->member_until)
			eligible++;
	}
	return eligible >= 3;
}

bool
gen_gap_ok(const struct gen_params *p, int64_t a_start, int64_t a_end,
    int64_t b_start, int64_t b_end)
{
	int64_t need = gen_gap_seconds(p);

	if (a_end <= b_start)
		return b_start - a_end >= need;
	if (b_end <= a_start)
		return a_start - b_end >= need;
	return false;
}

int
gen_check_fixed_rules(const struct gen_params *p, const struct gen_member *m,
    int64_t start, int64_t end, char *why, size_t whylen)
{
	if (start < m->member_from || end > m->member_until)
		return say(GEN_NOT_MEMBER, why, whylen, "not a member of the term then");
	if (p->escalation && !m->is_manager) {
		return say(GEN_NOT_MANAGER, why, whylen,
		    "not a manager (escalation tier is managers only)");
	}
	if (overlaps_any(m->leave, m->n_leave, start, end))
		return say(GEN_ON_LEAVE, why, whylen, "on leave");
	if (overlaps_any(m->busy, m->n_busy, start, end)) {
		return say(GEN_BUSY, why, whylen,
		    "on call in the other tier at the same time");
	}
	return say(GEN_OK, why, whylen, "");
}

/* Writes the minimum-gap reason for code (GEN_GAP_BEFORE or GEN_GAP_AFTER)
 * into the caller's why buffer; returns code. */
static int
say_gap(const struct gen_params *p, int code, char *why, size_t whylen)
{
	if (why != NULL && whylen > 0) {
		snprintf(why, whylen, "%s a shift less than %d shift(s) %s",
		    code == GEN_GAP_BEFORE ? "had" : "has", p->min_gap_shifts,
		    code == GEN_GAP_BEFORE ? "before" : "after");
	}
	return code;
}

int
gen_check_member(const struct gen_params *p, const struct gen_member *m,
    int64_t start, int64_t end, const struct gen_interval *own_shifts,
    size_t n_own, bool gap_applies, char *why, size_t whylen)
{
	int code = gen_check_fixed_rules(p, m, start, end, why, whylen);

	if (code != GEN_OK || !gap_applies)
		return code;
	if (m->last_shift_end != INT64_MIN &&
	    start - m->last_shift_end < gen_gap_seconds(p))
		return say_gap(p, GEN_GAP_BEFORE, why, whylen);
	for (size_t i = 0; i < n_own; i++) {
		const struct gen_interval *o = &own_shifts[i];

		if (gen_gap_ok(p, o->start, o->end, start, end))
			continue;
		return say_gap(p, o->start < start ? GEN_GAP_BEFORE : GEN_GAP_AFTER,
		    why, whylen);
	}
	return GEN_OK;
}

bool
gen_wants_recovery(const struct gen_params *p, const struct gen_member *m,
    int64_t start, bool gap_applies)
{
	int64_t off = (gap_applies ? p->min_gap_shifts : 0) + p->recovery_shifts;

	if (!m->last_shift_heavy || m->last_shift_end == INT64_MIN || off <= 0)
		return false;
	return start - m->last_shift_end < off * p->shift_seconds - GEN_DST_TOLERANCE;
}
