/* Whether one person may take one shift: see shift-check.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/shift-check.h"
#include "service/plan.h"
#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "scheduler/constraints.h"
#include "service/leave.h"

/* Everything read from the store for one check; freed by check_free. */
struct check_input {
	struct term term;
	struct rotation rot;
	struct membership *members;
	size_t n_members;
	struct leave *leave;
	size_t n_leave;
	struct shift *around;		/* P's shifts overlapping SH, any rotation */
	size_t n_around;
	struct shift *own;		/* P's shifts in SH's rotation, all times */
	size_t n_own;
};

static void
check_free(struct check_input *in)
{
	free(in->members);
	free(in->leave);
	free(in->around);
	free(in->own);
}

static int
check_load(struct store *db, const struct shift *sh, const struct person *p,
	   struct check_input *in)
{
	struct shift_filter around = { .person_id = p->id, .from = sh->start, .to = sh->end };
	struct shift_filter own = { .rotation_id = sh->rotation_id, .person_id = p->id };
	int r;

	if ((r = store_term_get_id(db, sh->term_id, &in->term)) != 0 ||
	    (r = store_rotation_get_id(db, sh->rotation_id, &in->rot)) != 0 ||
	    (r = store_member_list(db, sh->term_id, &in->members, &in->n_members)) != 0 ||
	    (r = store_leave_list(db, p->id, sh->start, sh->end, &in->leave, &in->n_leave)) != 0 ||
	    (r = store_shift_list(db, &around, &in->around, &in->n_around)) != 0 ||
	    (r = store_shift_list(db, &own, &in->own, &in->n_own)) != 0)
		return r == STORE_NOT_FOUND ? rota_fail(EX_SOFTWARE, "shift %lld: its term "
							"or rotation is missing", (long long)sh->id) : r;
	return 0;
}

/* Writes "2027-01-04 10:00" of T in zone NAME (UTC when unknown). */
static void
when(int64_t t, const char *zone_name, char *buf, size_t len)
{
	const struct tz_zone *zone = tz_lookup(zone_name);

	time_format_local(t, zone ? zone : tz_utc(), buf, len);
}

/* Replaces gen_check_member's short reason with one naming the leave,
 * shift or term in the way. */
static void
explain(struct shift_verdict *v, const struct check_input *in, const struct shift *sh,
	const struct person *p, const struct gen_params *gp, const struct gen_interval *own,
	size_t n_own)
{
	char a[32];

	switch (v->code) {
	case GEN_NOT_MEMBER:
		snprintf(v->why, sizeof v->why, "not a member of term %s at that time",
			 in->term.name);
		break;
	case GEN_NOT_MANAGER:
		snprintf(v->why, sizeof v->why, "not a manager (rotation %s is in the "
			 "escalation tier, managers only)", in->rot.name);
		break;
	case GEN_ON_LEAVE:
		for (size_t i = 0; i < in->n_leave; i++) {
			char span[LEAVE_SPAN_MAX];

			leave_span_text(&in->leave[i], tz_lookup_or_utc(p->tz), span,
					sizeof span);
			snprintf(v->why, sizeof v->why, "on leave %s %s (leave %lld)",
				 span, p->tz, (long long)in->leave[i].id);
			break;
		}
		break;
	case GEN_BUSY:
		for (size_t i = 0; i < in->n_around; i++) {
			if (in->around[i].tier == sh->tier)
				continue;
			snprintf(v->why, sizeof v->why, "on call in the %s tier at the same "
				 "time (shift %lld, rotation %s)", tier_name(in->around[i].tier),
				 (long long)in->around[i].id, in->around[i].rotation);
			break;
		}
		break;
	case GEN_GAP_BEFORE:
	case GEN_GAP_AFTER:
		for (size_t i = 0; i < n_own; i++) {
			if (gen_gap_ok(gp, own[i].start, own[i].end, sh->start, sh->end))
				continue;
			for (size_t k = 0; k < in->n_own; k++) {
				if (in->own[k].start != own[i].start || in->own[k].id == sh->id)
					continue;
				when(in->own[k].start, in->own[k].tz, a, sizeof a);
				snprintf(v->why, sizeof v->why, "breaks the minimum gap of %d "
					 "shift(s) off: already on call from %s %s (shift %lld)",
					 gp->min_gap_shifts, a, in->own[k].tz,
					 (long long)in->own[k].id);
				break;
			}
			break;
		}
		break;
	default:
		break;
	}
}

int
shift_check(struct store *db, const struct config *cfg, const struct shift *sh,
	    const struct person *p, struct shift_verdict *out)
{
	struct check_input in = { 0 };
	struct gen_params gp = { 0 };
	struct gen_member me = { .person_id = p->id, .handle = p->handle,
				 .is_manager = p->is_manager, .member_from = INT64_MAX,
				 .member_until = INT64_MIN, .last_shift_end = INT64_MIN };
	struct gen_member *team = NULL;
	struct gen_interval *busy = NULL, *leave = NULL, *own = NULL;
	size_t n_busy = 0, n_own = 0;
	struct plan_settings set;
	bool gap_applies;
	int r;

	memset(out, 0, sizeof *out);
	out->nearest = -1;
	if ((r = check_load(db, sh, p, &in)) != 0 ||
	    (r = plan_settings_get(cfg, in.rot.name, &set)) != 0)
		goto done;
	gp.min_gap_shifts = (int)set.min_gap_shifts;
	gp.escalation = in.rot.tier == TIER_ESCALATION;
	gp.shift_seconds = (int64_t)in.rot.shift_days * 86400;
	gp.term_name = in.term.name;

	team = xcalloc(in.n_members + 1, sizeof *team);
	leave = xcalloc(in.n_leave + 1, sizeof *leave);
	busy = xcalloc(in.n_around + 1, sizeof *busy);
	own = xcalloc(in.n_own + 1, sizeof *own);
	for (size_t i = 0; i < in.n_members; i++) {
		team[i] = (struct gen_member){ .person_id = in.members[i].person_id,
					       .handle = in.members[i].handle,
					       .is_manager = in.members[i].is_manager,
					       .member_from = in.members[i].joined,
					       .member_until = in.members[i].left,
					       .last_shift_end = INT64_MIN };
		if (in.members[i].person_id == p->id) {
			me.member_from = in.members[i].joined;
			me.member_until = in.members[i].left;
		}
	}
	for (size_t i = 0; i < in.n_leave; i++)
		leave[i] = (struct gen_interval){ in.leave[i].start, in.leave[i].end };
	me.leave = leave;
	me.n_leave = in.n_leave;
	for (size_t i = 0; i < in.n_around; i++) {
		const struct shift *o = &in.around[i];

		if (o->id == sh->id || o->rotation_id == sh->rotation_id)
			continue;
		if (o->tier != sh->tier)
			busy[n_busy++] = (struct gen_interval){ o->start, o->end };
		else
			out->elsewhere = true;
	}
	me.busy = busy;
	me.n_busy = n_busy;
	for (size_t i = 0; i < in.n_own; i++) {
		const struct shift *o = &in.own[i];
		int64_t d;

		if (o->id == sh->id)
			continue;
		own[n_own++] = (struct gen_interval){ o->start, o->end };
		d = o->end <= sh->start ? sh->start - o->end
		  : o->start >= sh->end ? o->start - sh->end : 0;
		if (out->nearest < 0 || d < out->nearest) {
			out->nearest = d;
			out->nearest_shift_id = o->id;
		}
	}
	gap_applies = gen_gap_applies(&gp, team, in.n_members, in.term.start, in.term.end);
	out->code = gen_check_member(&gp, &me, sh->start, sh->end, own, n_own,
				     gap_applies, out->why, sizeof out->why);
	if (out->code != GEN_OK)
		explain(out, &in, sh, p, &gp, own, n_own);
	r = 0;
done:
	free(team);
	free(leave);
	free(busy);
	free(own);
	check_free(&in);
	return r;
}
