/* Swap requests and overrides: see swap.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "scheduler/constraints.h"
#include "service/cover.h"
#include "service/swap.h"

json_t *
swap_to_json(const struct swap *w)
{
	char start[32] = "", end[32] = "";

	if (w->from != 0)
		time_format_utc(w->from, start, sizeof start);
	if (w->to != 0)
		time_format_utc(w->to, end, sizeof end);
	return json_pack("{s:I, s:I, s:s, s:s?, s:s, s:s?, s:s?, s:s?}", "id",
			 (json_int_t)w->id, "shift", (json_int_t)w->shift_id, "from",
			 w->requester, "to", w->target_id ? w->target : NULL, "state",
			 swap_state_name(w->state),
			 "decided_by", w->decided_by[0] ? w->decided_by : NULL,
			 "start", start[0] ? start : NULL, "end", end[0] ? end : NULL);
}

/* "Mon 2027-03-01 10:00 Europe/Dublin": T in ROT's zone, for messages. */
#define WHEN_MAX (32 + TZ_MAX)
static const char *
when(const struct rotation *rot, int64_t t, char *buf, size_t len)
{
	char local[32];

	time_format_local(t, tz_lookup_or_utc(rot->tz), local, sizeof local);
	snprintf(buf, len, "%s %s", local, rot->tz);
	return buf;
}

/* The rotation of shift SH. */
static int
shift_rotation(const struct svc *s, const struct shift *sh, struct rotation *rot)
{
	int r = store_rotation_get_id(s->db, sh->rotation_id, rot);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_SOFTWARE, "shift %lld has no rotation", (long long)sh->id);
	return r;
}

int
swap_rotation(const struct svc *s, const char *name, struct rotation *out)
{
	struct rotation *v;
	size_t n, primary = 0, pick = 0;
	char names[512] = "";
	int r;

	if (name != NULL)
		return svc_find_rotation(s, name, out);
	if ((r = store_rotation_list(s->db, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		if (v[i].tier != TIER_PRIMARY)
			continue;
		pick = i;
		primary++;
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
			 primary > 1 ? ", " : "", v[i].name);
	}
	if (primary == 1)
		*out = v[pick];
	else if (primary == 0)
		r = rota_fail(EX_DATAERR, "no rotation of the primary tier yet (see rota "
			      "rotation add)");
	else
		r = rota_fail(EX_USAGE, "the primary tier has %zu rotations (%s): name one "
			      "with --rotation", primary, names);
	free(v);
	return r;
}

/* The part of ROT that PERSON_ID holds at T, into *OUT. */
static int
part_at(const struct svc *s, const struct rotation *rot, int64_t person_id, int64_t t,
	struct shift *out)
{
	struct shift_filter f = { .rotation_id = rot->id, .person_id = person_id,
				  .from = t, .to = t + 1 };
	struct shift *v;
	size_t n;
	int r;

	if ((r = store_shift_list(s->db, &f, &v, &n)) != 0)
		return r;
	if (n == 0)
		r = rota_fail(EX_SOFTWARE, "rotation %s: no part of person %lld at %lld after "
			      "the change", rot->name, (long long)person_id, (long long)t);
	else
		*out = v[0];
	free(v);
	return r;
}

/* The check of P taking [START, END) of ROT, in term and week of span SP
 * (and that span's part, which never counts against P). */
static int
piece_verdict(const struct svc *s, const struct rotation *rot, const struct cover_span *sp,
	      int64_t start, int64_t end, const struct person *p, struct shift_verdict *out)
{
	struct shift piece = { 0 };

	piece.id = sp->shift_id;
	piece.rotation_id = rot->id;
	snprintf(piece.rotation, sizeof piece.rotation, "%s", rot->name);
	piece.tier = rot->tier;
	piece.term_id = sp->term_id;
	snprintf(piece.term, sizeof piece.term, "%s", sp->term);
	piece.slot = sp->slot;
	piece.start = start;
	piece.end = end;
	return shift_check(s->db, s->cfg, &piece, p, out);
}

static bool
gap_code(int code)
{
	return code == GEN_GAP_BEFORE || code == GEN_GAP_AFTER;
}

/* The first reason P may not take the spans V (N of them) of ROT, by the
 * hard rules, checked week by week against what is held now: *OUT's code
 * is 0 when they may. The minimum gap between one person's shifts is a
 * rule of whole weeks: a night or a weekend covered for a colleague is
 * not a week of one's own. (give_spans checks again as it gives.) */
static int
range_verdict(const struct svc *s, const struct rotation *rot, const struct cover_span *v,
	      size_t n, const struct person *p, struct shift_verdict *out)
{
	int r = 0;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n && r == 0 && out->code == 0; i++) {
		bool whole = week_held_whole(v[i].start, v[i].end, v[i].slot_start, v[i].slot_end);

		r = piece_verdict(s, rot, &v[i], v[i].start, v[i].end, p, out);
		if (r == 0 && !whole && gap_code(out->code))
			memset(out, 0, sizeof *out);
	}
	return r;
}

/* Gives the spans V (N) of ROT to P marked ORIGIN, one after another,
 * each checked by the hard rules (as range_verdict) against what P holds
 * once the spans before it are given: what one command gives is held as
 * if given in steps, so a whole week next to a night given with it
 * breaks the minimum gap as it would in two commands. A broken rule
 * refuses (EX_DATAERR: P cannot take WHAT, with HINT) unless FORCE, which
 * warns and leaves the first rule broken in *FORCED (code 0: none). The
 * spans given before a refusal stay written: every caller runs in a
 * transaction that the refusal rolls back. */
static int
give_spans(const struct svc *s, const struct rotation *rot, const struct cover_span *v,
	   size_t n, const struct person *p, enum origin origin, bool force,
	   const char *what, const char *hint, struct shift_verdict *forced)
{
	struct shift_verdict verdict;
	int r = 0;

	memset(forced, 0, sizeof *forced);
	for (size_t i = 0; i < n && r == 0; i++) {
		if ((r = range_verdict(s, rot, &v[i], 1, p, &verdict)) != 0)
			break;
		if (verdict.code != 0 && !force)
			r = rota_fail(EX_DATAERR, "%s cannot take %s: %s%s", p->handle, what,
				      verdict.why, hint);
		else if (verdict.code != 0 && forced->code == 0) {
			*forced = verdict;
			rota_warn("%s takes %s although %s", p->handle, what, verdict.why);
		}
		if (r == 0)
			r = cover_apply(s->db, rot, v[i].start, v[i].end, p->id, origin, s->now);
	}
	return r;
}

/* Shift ID: EX_DATAERR when there is none, or it was cancelled (a part
 * whose time another part of its week now covers: a request or an
 * override of it would change what that part's holder holds). */
static int
shift_get(const struct svc *s, int64_t id, struct shift *out)
{
	int r = store_shift_get(s->db, id, out);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "unknown shift %lld (see rota schedule show)",
				 (long long)id);
	if (r == 0 && out->cancelled)
		return rota_fail(EX_DATAERR, "shift %lld was cancelled: another part of its week "
				 "covers its time now (see rota schedule show)", (long long)id);
	return r;
}

/* The shift of request W; a request without one is a bug. */
static int
request_shift(const struct svc *s, const struct swap *w, struct shift *sh)
{
	int r = store_shift_get(s->db, w->shift_id, sh);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_SOFTWARE, "swap request %lld: shift %lld is missing",
				 (long long)w->id, (long long)w->shift_id);
	return r;
}

int
swap_get(const struct svc *s, int64_t id, struct swap *w, struct shift *sh)
{
	int r = store_swap_get(s->db, id, w);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "unknown swap request %lld (see rota swap list)",
				 (long long)id);
	return r != 0 ? r : request_shift(s, w, sh);
}

/* EX_DATAERR unless W is still open. */
static int
require_open(const struct swap *w)
{
	if (w->state == SWAP_OPEN)
		return 0;
	if (w->decided_by[0])
		return rota_fail(EX_DATAERR, "swap request %lld is no longer open (%s by %s)",
				 (long long)w->id, swap_state_name(w->state), w->decided_by);
	return rota_fail(EX_DATAERR, "swap request %lld is no longer open (%s)",
			 (long long)w->id, swap_state_name(w->state));
}

/* "shift 3" when [FROM, TO) is all of shift SH, else the range: what a
 * message says was to be taken. */
static const char *
what_taken(const struct rotation *rot, const struct shift *sh, int64_t from, int64_t to,
	   char *buf, size_t len)
{
	char a[WHEN_MAX], b[WHEN_MAX];

	if (sh != NULL && sh->id != 0 && from == sh->start && to == sh->end)
		snprintf(buf, len, "shift %lld", (long long)sh->id);
	else
		snprintf(buf, len, "%s to %s", when(rot, from, a, sizeof a),
			 when(rot, to, b, sizeof b));
	return buf;
}

/* EX_DATAERR unless P may take the spans V (N) of ROT, [FROM, TO) of
 * shift SH, by the hard rules. */
static int
require_may_take(const struct svc *s, const struct rotation *rot, const struct cover_span *v,
		 size_t n, const struct person *p, const struct shift *sh, int64_t from,
		 int64_t to)
{
	struct shift_verdict verdict;
	char what[2 * WHEN_MAX + 8];
	int r = range_verdict(s, rot, v, n, p, &verdict);

	if (r == 0 && verdict.code != 0)
		r = rota_fail(EX_DATAERR, "%s cannot take %s: %s", p->handle,
			      what_taken(rot, sh, from, to, what, sizeof what), verdict.why);
	return r;
}

/* EX_DATAERR unless HOLDER_ID holds every instant of [FROM, TO) of ROT;
 * *V and *N get the spans (free()). WHAT begins the message. */
static int
require_held_by(const struct svc *s, const struct rotation *rot, int64_t from, int64_t to,
		int64_t holder_id, const char *what, struct cover_span **v, size_t *n)
{
	char a[WHEN_MAX], b[WHEN_MAX];
	int r = cover_spans(s->db, rot, from, to, v, n);

	for (size_t i = 0; i < *n && r == 0; i++) {
		const struct cover_span *sp = &(*v)[i];

		if (sp->person_id == holder_id)
			continue;
		r = rota_fail(EX_DATAERR, "%s: %s to %s is %s now", what,
			      when(rot, sp->start, a, sizeof a), when(rot, sp->end, b, sizeof b),
			      sp->person_id ? sp->handle : sp->term_id ? "covered by nobody" :
			      "outside every term");
	}
	if (r != 0) {
		free(*v);
		*v = NULL;
		*n = 0;
	}
	return r;
}

/* EX_DATAERR when part of [FROM, TO) of SH already has an open request. */
static int
refuse_second_request(const struct svc *s, const struct shift *sh, int64_t from, int64_t to)
{
	struct swap *v;
	size_t n;
	int r;

	if ((r = store_swap_list(s->db, sh->person_id, true, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0; i++) {
		int64_t a = v[i].from ? v[i].from : sh->start, b = v[i].to ? v[i].to : sh->end;

		if (v[i].shift_id == sh->id && a < to && from < b)
			r = rota_fail(EX_DATAERR, "shift %lld already has an open swap request "
				      "(%lld): cancel it first with rota swap cancel %lld",
				      (long long)sh->id, (long long)v[i].id, (long long)v[i].id);
	}
	free(v);
	return r;
}

/* Writes the audit event of request W (BEFORE: its state before, or NULL). */
static int
audit_swap(const struct svc *s, const char *action, const struct swap *before,
	   const struct swap *w)
{
	char object[48];

	snprintf(object, sizeof object, "swap %lld", (long long)w->id);
	return svc_audit(s, action, object, before ? swap_to_json(before) : NULL,
			 swap_to_json(w));
}

/* The range [*FROM, *TO) of SH that a change made now may give: FROM and
 * TO as asked (0: the shift's own start or end, and never before now).
 * EX_DATAERR with WHAT and the rule when the range is empty, outside SH
 * or in the past. */
static int
range_of_shift(const struct svc *s, const struct rotation *rot, const struct shift *sh,
	       const char *what, int64_t *from, int64_t *to)
{
	int64_t earliest = cover_earliest(s->now);
	char a[WHEN_MAX], b[WHEN_MAX], c[WHEN_MAX], d[WHEN_MAX];

	if (sh->end <= earliest)
		return rota_fail(EX_DATAERR, "%s: shift %lld has ended: the past is not "
				 "rewritten", what, (long long)sh->id);
	if (*from == 0)
		*from = sh->start > earliest ? sh->start : earliest;
	if (*to == 0)
		*to = sh->end;
	if (*from < s->now)
		return rota_fail(EX_DATAERR, "%s: %s is in the past: the past is not "
				 "rewritten (start at now: --from now)", what,
				 when(rot, *from, a, sizeof a));
	if (*from < earliest)           /* now, to the minute */
		*from = earliest;
	if (*to <= *from)
		return rota_fail(EX_DATAERR, "%s: the range %s to %s %s", what,
				 when(rot, *from, a, sizeof a), when(rot, *to, b, sizeof b),
				 *to == *from ? "is empty" : "ends before it starts");
	if (*from < sh->start || *to > sh->end)
		return rota_fail(EX_DATAERR, "%s: %s to %s is not inside shift %lld (%s to %s)",
				 what, when(rot, *from, a, sizeof a), when(rot, *to, b, sizeof b),
				 (long long)sh->id, when(rot, sh->start, c, sizeof c),
				 when(rot, sh->end, d, sizeof d));
	return 0;
}

int
swap_request(const struct svc *s, int64_t shift_id, int64_t from, int64_t to,
	     const char *with, struct swap *w, struct shift *sh)
{
	const struct person *me = &s->actor->person;
	struct person target = { 0 };
	struct rotation rot;
	struct cover_span *spans = NULL;
	size_t n = 0;
	int r;

	memset(w, 0, sizeof *w);
	if ((r = svc_require_person(s)) != 0 || (r = shift_get(s, shift_id, sh)) != 0 ||
	    (r = shift_rotation(s, sh, &rot)) != 0)
		return r;
	if (sh->person_id != me->id)
		return rota_fail(EX_NOPERM, "shift %lld is %s's, not yours (%s): only its "
				 "owner may ask for a swap", (long long)sh->id, sh->handle,
				 me->handle);
	if ((r = range_of_shift(s, &rot, sh, "swap request", &from, &to)) != 0 ||
	    (r = refuse_second_request(s, sh, from, to)) != 0)
		return r;
	if (with != NULL) {
		if ((r = svc_find_person(s, with, &target)) != 0)
			return r;
		if (target.id == sh->person_id)
			return rota_fail(EX_DATAERR, "shift %lld is already yours: name someone "
					 "else with --with", (long long)sh->id);
		if ((r = cover_spans(s->db, &rot, from, to, &spans, &n)) != 0 ||
		    (r = require_may_take(s, &rot, spans, n, &target, sh, from, to)) != 0) {
			free(spans);
			return r;
		}
		free(spans);
	}
	w->shift_id = sh->id;
	w->requester_id = sh->person_id;
	snprintf(w->requester, sizeof w->requester, "%s", sh->handle);
	w->target_id = target.id;
	snprintf(w->target, sizeof w->target, "%s", target.handle);
	w->created = s->now;
	w->from = from;
	w->to = to;
	if ((r = store_swap_add(s->db, w)) != 0)
		return r;
	return audit_swap(s, "swap.request", NULL, w);
}

/* EX_NOPERM unless the actor may answer W: the person it names, or for a
 * request open to anyone, any current member of the term other than the
 * requester. VERB: "accept", "decline". */
static int
may_answer(const struct svc *s, const struct swap *w, const struct shift *sh,
	   const char *verb)
{
	const struct person *me = &s->actor->person;
	struct membership m;
	int r;

	if (w->target_id != 0) {
		if (w->target_id == me->id)
			return 0;
		return rota_fail(EX_NOPERM, "swap request %lld asks %s, not you (%s): only "
				 "%s may %s it", (long long)w->id, w->target, me->handle,
				 w->target, verb);
	}
	if (w->requester_id == me->id)
		return rota_fail(EX_NOPERM, "swap request %lld is your own: you may cancel "
				 "it (rota swap cancel %lld), not %s it", (long long)w->id,
				 (long long)w->id, verb);
	r = store_member_get(s->db, sh->term_id, me->id, &m);
	if (r > STORE_NOT_FOUND)
		return r;
	if (r == STORE_NOT_FOUND || m.left <= s->now)
		return rota_fail(EX_NOPERM, "swap request %lld is open to members of term %s, "
				 "and you (%s) are not one", (long long)w->id, sh->term,
				 me->handle);
	return 0;
}

/* Decides open request W as STATE. Only an open request is decided: of
 * two answers at once, the second finds it closed (each runs in its own
 * BEGIN IMMEDIATE transaction). */
static int
decide(const struct svc *s, const struct swap *w, enum swap_state state)
{
	int r = store_swap_decide(s->db, w->id, state, s->actor->person.id, s->now);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "swap request %lld is no longer open",
				 (long long)w->id);
	return r;
}

/* Accepting: the range asked for (what is left of it from now) becomes
 * the actor's, marked as a swap; the shift is split where the range
 * begins and ends. */
static int
accept(const struct svc *s, struct swap *w, struct shift *sh)
{
	int64_t earliest = cover_earliest(s->now);
	int64_t from = w->from ? w->from : sh->start, to = w->to ? w->to : sh->end;
	struct shift before = *sh;
	struct rotation rot;
	struct cover_span *spans = NULL;
	struct shift_verdict verdict;
	size_t n = 0;
	char what[64], taken[2 * WHEN_MAX + 8], object[48];
	json_t *after;
	int r;

	snprintf(what, sizeof what, "swap request %lld is out of date", (long long)w->id);
	if ((r = shift_rotation(s, sh, &rot)) != 0)
		return r;
	if (from < earliest)
		from = earliest;
	if (to <= from)
		return rota_fail(EX_DATAERR, "swap accept: the time swap request %lld asks "
				 "for has passed", (long long)w->id);
	if ((r = require_held_by(s, &rot, from, to, w->requester_id, what, &spans, &n)) != 0)
		return r;
	/* Decided first: giving the time closes the open requests of the
	 * parts that change hands. A refusal rolls both back. */
	what_taken(&rot, sh, from, to, taken, sizeof taken);
	if ((r = decide(s, w, SWAP_ACCEPTED)) == 0)
		r = give_spans(s, &rot, spans, n, &s->actor->person, ORIGIN_SWAP, false, taken,
			       "", &verdict);
	free(spans);
	if (r != 0 || (r = store_swap_get(s->db, w->id, w)) != 0 ||
	    (r = part_at(s, &rot, s->actor->person.id, from, sh)) != 0)
		return r;
	snprintf(object, sizeof object, "shift %lld", (long long)sh->id);
	after = shift_to_json(sh);
	json_object_set_new(after, "swap", json_integer(w->id));
	return svc_audit(s, "swap.accept", object, shift_to_json(&before), after);
}

/* Whether every current member of W's term but its requester has
 * declined it. */
static int
all_declined(const struct svc *s, const struct swap *w, const struct shift *sh, bool *out)
{
	struct membership *m;
	size_t n;
	int r;

	*out = true;
	if ((r = store_member_list(s->db, sh->term_id, &m, &n)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0 && *out; i++)
		if (m[i].person_id != w->requester_id && m[i].left > s->now)
			r = store_swap_declined(s->db, w->id, m[i].person_id, out);
	free(m);
	return r;
}

/* Declining: a request to one person closes; one open to the whole term
 * only leaves the decliner out, and closes once everyone has declined. */
static int
decline(const struct svc *s, struct swap *w, const struct shift *sh)
{
	struct swap before = *w;
	bool everyone = true;
	int r;

	if (w->target_id == 0) {
		if ((r = store_swap_decline_add(s->db, w->id, s->actor->person.id, s->now)) != 0 ||
		    (r = all_declined(s, w, sh, &everyone)) != 0)
			return r;
	}
	if (everyone && (r = decide(s, w, SWAP_DECLINED)) != 0)
		return r;
	if ((r = store_swap_get(s->db, w->id, w)) != 0)
		return r;
	/* The actor is in the event: who declined a request still open. */
	return audit_swap(s, "swap.decline", &before, w);
}

int
swap_answer(const struct svc *s, int64_t id, enum swap_answer answer, struct swap *w,
	    struct shift *sh)
{
	const char *verb = answer == SWAP_ANSWER_ACCEPT ? "accept" : "decline";
	int r;

	if ((r = svc_require_person(s)) != 0 || (r = swap_get(s, id, w, sh)) != 0 ||
	    (r = may_answer(s, w, sh, verb)) != 0 || (r = require_open(w)) != 0)
		return r;
	return answer == SWAP_ANSWER_ACCEPT ? accept(s, w, sh) : decline(s, w, sh);
}

int
swap_cancel(const struct svc *s, int64_t id, struct swap *w, struct shift *sh)
{
	const struct person *me = &s->actor->person;
	struct swap before;
	int r;

	if ((r = svc_require_person(s)) != 0 || (r = swap_get(s, id, w, sh)) != 0)
		return r;
	if (w->requester_id != me->id)
		return rota_fail(EX_NOPERM, "swap request %lld is %s's, not yours (%s): only "
				 "%s may cancel it", (long long)w->id, w->requester,
				 me->handle, w->requester);
	if ((r = require_open(w)) != 0)
		return r;
	before = *w;
	if ((r = decide(s, w, SWAP_CANCELLED)) != 0 ||
	    (r = store_swap_get(s->db, w->id, w)) != 0)
		return r;
	return audit_swap(s, "swap.cancel", &before, w);
}

/* Whether a volunteer sees W: they asked or were asked, or it is open to
 * anyone in a term they belong to and they have not declined it. */
static int
visible(const struct svc *s, const struct swap *w, const struct shift *sh, bool *out)
{
	const struct person *me = &s->actor->person;
	struct membership m;
	int r;

	*out = w->requester_id == me->id || w->target_id == me->id;
	if (*out || w->target_id != 0)
		return 0;
	r = store_member_get(s->db, sh->term_id, me->id, &m);
	if (r > STORE_NOT_FOUND)
		return r;
	if (r == STORE_NOT_FOUND)
		return 0;
	if ((r = store_swap_declined(s->db, w->id, me->id, out)) != 0)
		return r;
	*out = !*out || w->state != SWAP_OPEN;
	return 0;
}

/* What swap_list_each hands each request read on to. */
struct swap_each {
	const struct svc *s;
	store_row_fn *fn;
	void *arg;
};

/* A request read by store_swap_each: its shift, and FN's if the actor
 * sees it. */
static int
each_swap(void *row, void *arg)
{
	const struct swap_each *e = arg;
	struct swap_item it = { .swap = *(const struct swap *)row };
	bool see = true;
	int r;

	if ((r = request_shift(e->s, &it.swap, &it.shift)) != 0 ||
	    (!e->s->actor->privileged && (r = visible(e->s, &it.swap, &it.shift, &see)) != 0))
		return r;
	return see ? e->fn(&it, e->arg) : 0;
}

int
swap_list_each(const struct svc *s, bool open_only, store_row_fn *fn, void *arg)
{
	struct swap_each e = { s, fn, arg };
	bool everyone = s->actor->privileged;
	int r;

	if (!everyone && (r = svc_require_person(s)) != 0)
		return r;
	return store_swap_each(s->db, everyone ? 0 : s->actor->person.id, open_only, each_swap,
			       &e);
}

/* The manager gives [FROM, TO) of ROT to P: checks that the range lies
 * in the rotation's terms and within one holder's parts (or windows
 * nobody covers), and the hard rules unless FORCE; splits and merges;
 * *SH gets P's part from FROM. */
static int
override_cover(const struct svc *s, const struct rotation *rot, int64_t from, int64_t to,
	       const struct person *p, bool force, const struct shift *named, struct shift *sh)
{
	struct cover_span *v;
	const struct cover_span *held = NULL;
	struct shift before = { 0 };
	struct shift_verdict verdict;
	size_t n;
	bool all_p = true;
	char a[WHEN_MAX], b[WHEN_MAX], what[2 * WHEN_MAX + 8], object[48];
	json_t *after;
	int r;

	if ((r = cover_spans(s->db, rot, from, to, &v, &n)) != 0)
		return r;
	what_taken(rot, named, from, to, what, sizeof what);
	for (size_t i = 0; i < n && r == 0; i++) {
		all_p = all_p && v[i].person_id == p->id;
		if (v[i].term_id == 0)
			r = rota_fail(EX_DATAERR, "override: rotation %s has no term from %s to %s "
				      "(see rota term list)", rot->name,
				      when(rot, v[i].start, a, sizeof a),
				      when(rot, v[i].end, b, sizeof b));
		else if (v[i].person_id != 0 && held != NULL && held->person_id != v[i].person_id)
			r = rota_fail(EX_DATAERR, "override: %s to %s covers shifts of %s and %s: "
				      "give each holder's part its own override",
				      when(rot, from, a, sizeof a), when(rot, to, b, sizeof b),
				      held->handle, v[i].handle);
		else if (v[i].person_id != 0 && held == NULL)
			held = &v[i];
	}
	if (r == 0 && all_p)
		r = rota_fail(EX_DATAERR, "override: %s to %s is already %s's",
			      when(rot, from, a, sizeof a), when(rot, to, b, sizeof b), p->handle);
	if (r == 0 && held != NULL)
		r = store_shift_get(s->db, held->shift_id, &before);
	if (r == 0)
		r = give_spans(s, rot, v, n, p, ORIGIN_OVERRIDE, force, what,
			       " (use --force to override anyway)", &verdict);
	free(v);
	if (r != 0 || (r = part_at(s, rot, p->id, from, sh)) != 0)
		return r;
	snprintf(object, sizeof object, "shift %lld", (long long)sh->id);
	after = shift_to_json(sh);
	if (named == NULL || from != named->start || to != named->end) {
		time_format_utc(from, a, sizeof a);
		time_format_utc(to, b, sizeof b);
		json_object_set_new(after, "from", json_string(a));
		json_object_set_new(after, "to", json_string(b));
	}
	if (verdict.code != 0)
		json_object_set_new(after, "forced", json_string(verdict.why));
	return svc_audit(s, "shift.override", object, before.id ? shift_to_json(&before) : NULL,
			 after);
}

int
swap_override(const struct svc *s, int64_t shift_id, const char *handle, bool force,
	      struct shift *sh)
{
	struct person p;
	struct rotation rot;
	struct shift named;
	int64_t from = 0, to = 0;
	int r;

	if ((r = svc_require_manager(s, "override")) != 0 ||
	    (r = shift_get(s, shift_id, sh)) != 0 ||
	    (r = svc_find_person(s, handle, &p)) != 0 ||
	    (r = shift_rotation(s, sh, &rot)) != 0 ||
	    (r = range_of_shift(s, &rot, sh, "override", &from, &to)) != 0)
		return r;
	if (sh->person_id == p.id)
		return rota_fail(EX_DATAERR, "shift %lld is already %s's", (long long)sh->id,
				 p.handle);
	named = *sh;
	return override_cover(s, &rot, from, to, &p, force, &named, sh);
}

/* *END: where what is in force in ROT at T ends: the part there, or the
 * window nobody covers (up to the next part or its week's end); T
 * itself outside every term. */
static int
end_in_force(const struct svc *s, const struct rotation *rot, int64_t t, int64_t *end)
{
	struct cover_span *v;
	size_t n;
	int64_t week_end;
	int r;

	if ((r = cover_spans(s->db, rot, t, t + 1, &v, &n)) != 0)
		return r;
	week_end = v[0].term_id ? v[0].slot_end : t;
	free(v);
	*end = t;
	if (week_end == t || (r = cover_spans(s->db, rot, t, week_end, &v, &n)) != 0)
		return r;
	*end = v[0].end;
	free(v);
	return 0;
}

int
swap_override_range(const struct svc *s, const struct rotation *rot, int64_t from,
		    int64_t to, const char *handle, bool force, struct shift *sh)
{
	int64_t earliest = cover_earliest(s->now);
	struct person p;
	char a[WHEN_MAX], b[WHEN_MAX];
	int r;

	if ((r = svc_require_manager(s, "override")) != 0 ||
	    (r = svc_find_person(s, handle, &p)) != 0)
		return r;
	if (from < s->now)
		return rota_fail(EX_DATAERR, "override: %s is in the past: the past is not "
				 "rewritten (start at now: --from now)",
				 when(rot, from, a, sizeof a));
	if (from < earliest)            /* now, to the minute */
		from = earliest;
	if (to == 0 && (r = end_in_force(s, rot, from, &to)) != 0)
		return r;
	if (to <= from)
		return rota_fail(EX_DATAERR, "override: the range %s to %s %s",
				 when(rot, from, a, sizeof a), when(rot, to, b, sizeof b),
				 to == from ? "is empty" : "ends before it starts");
	return override_cover(s, rot, from, to, &p, force, NULL, sh);
}

/* Takers first, farthest from their own nearest shift first (none at all
 * is farthest), then by handle; then those who may not, by handle. */
static bool
may_take(const struct swap_candidate *c)
{
	return c->verdict.code == 0 && !c->verdict.elsewhere;
}

static int
by_rank(const void *a, const void *b)
{
	const struct swap_candidate *x = a, *y = b;
	int64_t dx = x->verdict.nearest < 0 ? INT64_MAX : x->verdict.nearest;
	int64_t dy = y->verdict.nearest < 0 ? INT64_MAX : y->verdict.nearest;

	if (may_take(x) != may_take(y))
		return may_take(x) ? -1 : 1;
	if (may_take(x) && dx != dy)
		return dx > dy ? -1 : 1;
	return strcmp(x->person.handle, y->person.handle);
}

int
swap_suggest(const struct svc *s, const struct shift *sh, struct swap_candidate **v,
	     size_t *n, size_t *n_takers)
{
	struct membership *m;
	size_t nm;
	int r;

	*v = NULL;
	*n = *n_takers = 0;
	if ((r = store_member_list(s->db, sh->term_id, &m, &nm)) != 0)
		return r;
	*v = xcalloc(nm + 1, sizeof **v);
	for (size_t i = 0; i < nm && r == 0; i++) {
		struct swap_candidate *c = &(*v)[*n];

		/* Those who have left the term are gone; those who leave before
		 * the shift are checked, and told why they cannot take it. */
		if (m[i].person_id == sh->person_id || m[i].left <= s->now)
			continue;
		if ((r = store_person_get_id(s->db, m[i].person_id, &c->person)) != 0 ||
		    (r = shift_check(s->db, s->cfg, sh, &c->person, &c->verdict)) != 0)
			break;
		if (may_take(c) && c->verdict.nearest >= 0)
			r = store_shift_get(s->db, c->verdict.nearest_shift_id, &c->nearest);
		*n_takers += may_take(c);
		(*n)++;
	}
	free(m);
	if (r != 0) {
		free(*v);
		*v = NULL;
		*n = *n_takers = 0;
		return r;
	}
	qsort(*v, *n, sizeof **v, by_rank);
	return 0;
}
