/* Swap requests and overrides: see swap.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "service/swap.h"

json_t *
swap_to_json(const struct swap *w)
{
	return json_pack("{s:I, s:I, s:s, s:s?, s:s, s:s?}", "id", (json_int_t)w->id,
			 "shift", (json_int_t)w->shift_id, "from", w->requester,
			 "to", w->target_id ? w->target : NULL, "state",
			 swap_state_name(w->state),
			 "decided_by", w->decided_by[0] ? w->decided_by : NULL);
}

/* Shift ID: EX_DATAERR when there is none. */
static int
shift_get(const struct svc *s, int64_t id, struct shift *out)
{
	int r = store_shift_get(s->db, id, out);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "unknown shift %lld (see rota schedule show)",
				 (long long)id);
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

/* EX_DATAERR unless SH starts after now: only those change hands. */
static int
require_future(const struct svc *s, const struct shift *sh, const char *what)
{
	char start[32];

	if (sh->start > s->now)
		return 0;
	time_format_utc(sh->start, start, sizeof start);
	return rota_fail(EX_DATAERR, "%s: shift %lld %s at %s: only shifts that have not "
			 "started can change hands", what, (long long)sh->id,
			 sh->end > s->now ? "started" : "ended", start);
}

/* EX_DATAERR unless P may take SH by the hard rules. */
static int
require_may_take(const struct svc *s, const struct shift *sh, const struct person *p)
{
	struct shift_verdict v;
	int r = shift_check(s->db, s->cfg, sh, p, &v);

	if (r == 0 && v.code != 0)
		r = rota_fail(EX_DATAERR, "%s cannot take shift %lld: %s", p->handle,
			      (long long)sh->id, v.why);
	return r;
}

/* EX_DATAERR when SH already has an open request. */
static int
refuse_second_request(const struct svc *s, const struct shift *sh)
{
	struct swap *v;
	size_t n;
	int r;

	if ((r = store_swap_list(s->db, 0, true, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0; i++)
		if (v[i].shift_id == sh->id)
			r = rota_fail(EX_DATAERR, "shift %lld already has an open swap request "
				      "(%lld): cancel it first with rota swap cancel %lld",
				      (long long)sh->id, (long long)v[i].id, (long long)v[i].id);
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

int
swap_request(const struct svc *s, int64_t shift_id, const char *with, struct swap *w,
	     struct shift *sh)
{
	const struct person *me = &s->actor->person;
	struct person target = { 0 };
	int r;

	memset(w, 0, sizeof *w);
	if ((r = svc_require_person(s)) != 0 || (r = shift_get(s, shift_id, sh)) != 0)
		return r;
	if (sh->person_id != me->id)
		return rota_fail(EX_NOPERM, "shift %lld is %s's, not yours (%s): only its "
				 "owner may ask for a swap", (long long)sh->id, sh->handle,
				 me->handle);
	if ((r = require_future(s, sh, "swap request")) != 0 ||
	    (r = refuse_second_request(s, sh)) != 0)
		return r;
	if (with != NULL) {
		if ((r = svc_find_person(s, with, &target)) != 0)
			return r;
		if (target.id == sh->person_id)
			return rota_fail(EX_DATAERR, "shift %lld is already yours: name someone "
					 "else with --with", (long long)sh->id);
		if ((r = require_may_take(s, sh, &target)) != 0)
			return r;
	}
	w->shift_id = sh->id;
	w->requester_id = sh->person_id;
	snprintf(w->requester, sizeof w->requester, "%s", sh->handle);
	w->target_id = target.id;
	snprintf(w->target, sizeof w->target, "%s", target.handle);
	w->created = s->now;
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

/* Accepting: the shift becomes the actor's, marked as a swap. */
static int
accept(const struct svc *s, struct swap *w, struct shift *sh)
{
	struct shift before;
	char object[48];
	json_t *after;
	int r;

	if ((r = require_future(s, sh, "swap accept")) != 0)
		return r;
	if (sh->cancelled || sh->person_id != w->requester_id)
		return rota_fail(EX_DATAERR, "swap request %lld is out of date: shift %lld is "
				 "%s now", (long long)w->id, (long long)sh->id,
				 sh->cancelled ? "cancelled" : "someone else's");
	if ((r = require_may_take(s, sh, &s->actor->person)) != 0 ||
	    (r = decide(s, w, SWAP_ACCEPTED)) != 0)
		return r;
	before = *sh;
	if ((r = store_shift_assign(s->db, sh->id, s->actor->person.id, ORIGIN_SWAP,
				    s->now)) != 0 ||
	    (r = store_swap_close_for_shift(s->db, sh->id, s->now)) != 0 ||
	    (r = store_swap_get(s->db, w->id, w)) != 0 ||
	    (r = store_shift_get(s->db, sh->id, sh)) != 0)
		return r;
	snprintf(object, sizeof object, "shift %lld", (long long)sh->id);
	after = shift_to_json(sh);
	json_object_set_new(after, "swap", json_integer(w->id));
	return svc_audit(s, "swap.accept", object, shift_to_json(&before), after);
}

int
swap_answer(const struct svc *s, int64_t id, enum swap_answer answer, struct swap *w,
	    struct shift *sh)
{
	const char *verb = answer == SWAP_ANSWER_ACCEPT ? "accept" : "decline";
	struct swap before;
	int r;

	if ((r = svc_require_person(s)) != 0 || (r = swap_get(s, id, w, sh)) != 0 ||
	    (r = may_answer(s, w, sh, verb)) != 0 || (r = require_open(w)) != 0)
		return r;
	if (answer == SWAP_ANSWER_ACCEPT)
		return accept(s, w, sh);
	before = *w;
	if ((r = decide(s, w, SWAP_DECLINED)) != 0 ||
	    (r = store_swap_get(s->db, w->id, w)) != 0)
		return r;
	return audit_swap(s, "swap.decline", &before, w);
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
 * anyone in a term they belong to. */
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
	*out = r == 0;
	return 0;
}

int
swap_list(const struct svc *s, bool open_only, struct swap **v, struct shift **shifts,
	  size_t *n)
{
	bool everyone = s->actor->privileged;
	size_t kept = 0;
	int r;

	*v = NULL;
	*shifts = NULL;
	*n = 0;
	if (!everyone && (r = svc_require_person(s)) != 0)
		return r;
	if ((r = store_swap_list(s->db, everyone ? 0 : s->actor->person.id, open_only,
				 v, n)) != 0)
		return r;
	*shifts = xcalloc(*n + 1, sizeof **shifts);
	for (size_t i = 0; i < *n && r == 0; i++) {
		bool see = true;

		if ((r = request_shift(s, &(*v)[i], &(*shifts)[kept])) != 0 ||
		    (!everyone && (r = visible(s, &(*v)[i], &(*shifts)[kept], &see)) != 0))
			break;
		if (see)
			(*v)[kept++] = (*v)[i];
	}
	*n = kept;
	if (r != 0) {
		free(*v);
		free(*shifts);
		*v = NULL;
		*shifts = NULL;
		*n = 0;
	}
	return r;
}

int
swap_override(const struct svc *s, int64_t shift_id, const char *handle, bool force,
	      struct shift *sh)
{
	struct shift before;
	struct person p;
	struct shift_verdict v;
	char object[48];
	json_t *after;
	int r;

	if ((r = svc_require_manager(s, "override")) != 0 ||
	    (r = shift_get(s, shift_id, sh)) != 0 ||
	    (r = svc_find_person(s, handle, &p)) != 0)
		return r;
	if (sh->end <= s->now)
		return rota_fail(EX_DATAERR, "override: shift %lld has ended: the past is "
				 "not rewritten", (long long)sh->id);
	if (sh->person_id == p.id)
		return rota_fail(EX_DATAERR, "shift %lld is already %s's", (long long)sh->id,
				 p.handle);
	if ((r = shift_check(s->db, s->cfg, sh, &p, &v)) != 0)
		return r;
	if (v.code != 0 && !force)
		return rota_fail(EX_DATAERR, "%s cannot take shift %lld: %s (use --force to "
				 "override anyway)", p.handle, (long long)sh->id, v.why);
	if (v.code != 0)
		rota_warn("%s takes shift %lld although %s", p.handle, (long long)sh->id, v.why);
	before = *sh;
	if ((r = store_shift_assign(s->db, sh->id, p.id, ORIGIN_OVERRIDE, s->now)) != 0 ||
	    (r = store_swap_close_for_shift(s->db, sh->id, s->now)) != 0 ||
	    (r = store_shift_get(s->db, sh->id, sh)) != 0)
		return r;
	snprintf(object, sizeof object, "shift %lld", (long long)sh->id);
	after = shift_to_json(sh);
	if (v.code != 0)
		json_object_set_new(after, "forced", json_string(v.why));
	return svc_audit(s, "shift.override", object, shift_to_json(&before), after);
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
