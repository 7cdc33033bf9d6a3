/* People and memberships: see team.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "reports/responder.h"
#include "service/keys.h"
#include "service/privacy.h"
#include "service/team.h"

int
person_add(const struct svc *s, struct person *p)
{
	int r;

	if ((r = svc_require_manager(s, "person add")) != 0 ||
	    (r = store_person_add(s->db, p, s->now)) != 0)
		return r;
	return svc_audit(s, "person.add", p->handle, NULL, person_to_json(p));
}

/* Whether A and B differ in what is kept as history: the values that
 * judge past instants (zone, office, sleep hours, manager flag). */
static bool
history_differs(const struct person *a, const struct person *b)
{
	return strcmp(a->tz, b->tz) != 0 || a->office_id != b->office_id ||
	       a->is_manager != b->is_manager || a->sleep_start != b->sleep_start ||
	       a->sleep_end != b->sleep_end;
}

/* Stores P's new details over BEFORE: the persons row, and when its zone,
 * office, sleep hours or manager flag change, a history entry in force
 * from now, so that nothing before now is judged again by them, and
 * their pages from now on (ahead of their import) take the class of
 * their time. */
static int
person_store(const struct svc *s, const struct person *before, const struct person *p)
{
	bool kept = history_differs(before, p);
	int r;

	if ((kept && (r = store_person_history_begin(s->db, p->id)) != 0) ||
	    (r = store_person_update(s->db, p)) != 0 || !kept ||
	    (r = store_person_history_add(s->db, s->now, p)) != 0)
		return r;
	return responder_reclassify(s->db, p->id, s->now);
}

int
person_set(const struct svc *s, const struct person *in, bool set_manager)
{
	struct person before, after = *in, *p = &after;
	int r = store_person_get_id(s->db, p->id, &before);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "unknown person %lld (see rota person list)",
				 (long long)p->id);
	if (r != 0)
		return r;
	/* People may change their own details; managers anyone's. */
	if (!(s->actor->known && s->actor->person.id == p->id) &&
	    (r = svc_require_manager(s, "person set for someone else")) != 0)
		return r;
	if (!set_manager)
		p->is_manager = before.is_manager;
	else if ((r = svc_require_manager(s, p->is_manager ? "person set --manager" :
					  "person set --no-manager")) != 0)
		return r;
	if ((r = svc_keep_a_manager(s, &before, p->is_manager)) != 0 ||
	    (r = svc_keep_escalation_managed(s, &before, p->is_manager)) != 0 ||
	    (r = person_store(s, &before, p)) != 0)
		return r;
	return svc_audit(s, "person.set", p->handle, person_to_json(&before), person_to_json(p));
}

int
person_history(const struct svc *s, int64_t person_id, struct person_attrs **v, size_t *n)
{
	return store_person_history(s->db, person_id, v, n);
}

int
person_remove(const struct svc *s, const char *handle)
{
	struct shift_filter f = { .from = s->now };
	struct person p;
	struct shift *v;
	size_t n;
	int r;

	if ((r = svc_require_manager(s, "person remove")) != 0 ||
	    (r = svc_find_person(s, handle, &p)) != 0 ||
	    (r = svc_keep_a_manager(s, &p, false)) != 0)
		return r;
	f.person_id = p.id;
	if ((r = store_shift_list(s->db, &f, &v, &n)) != 0)
		return r;
	free(v);
	if (n > 0)
		return rota_fail(EX_DATAERR, "%s still holds %zu current or future shift%s: "
				 "override them (rota override) or regenerate after they "
				 "leave their terms (rota volunteer leave)", p.handle, n,
				 n == 1 ? "" : "s");
	if ((r = keys_remove_person(s, &p)) != 0 ||
	    (r = store_person_remove(s->db, p.id, s->now)) != 0)
		return r;
	return svc_audit(s, "person.remove", p.handle, person_to_json(&p), NULL);
}

int
svc_subject_person(const struct svc *s, const char *what, const char *handle,
		   struct person *out)
{
	int r;

	if (handle == NULL) {
		if ((r = svc_require_person(s)) != 0)
			return r;
		*out = s->actor->person;
		return 0;
	}
	if ((r = svc_find_person(s, handle, out)) != 0)
		return r;
	if (s->actor->known && s->actor->person.id == out->id)
		return 0;
	if (!s->actor->privileged)
		return rota_fail(EX_NOPERM, "%s for someone else: managers only (you are %s)",
				 what, s->actor->label);
	return 0;
}

/* The term, its rotation and the person of a membership change; a term
 * that has ended is refused: its members are history. */
static int
membership_args(const struct svc *s, const char *what, const char *term, const char *handle,
		struct membership_change *out)
{
	char end[32];
	int r;

	if ((r = svc_find_term(s, term, &out->term)) != 0 ||
	    (r = store_rotation_get_id(s->db, out->term.rotation_id, &out->rotation)) != 0 ||
	    (r = svc_subject_person(s, what, handle, &out->person)) != 0)
		return r;
	if (s->now >= out->term.end) {
		time_format_local(out->term.end, tz_lookup_or_utc(out->rotation.tz), end,
				  sizeof end);
		return rota_fail(EX_DATAERR, "term '%s' already ended (%s %s): its members "
				 "are history", out->term.name, end, out->rotation.tz);
	}
	return 0;
}

/* The audit event of a membership change. */
static int
audit_membership(const struct svc *s, const char *action, const struct membership_change *c,
		 bool joined)
{
	char object[NAME_MAX_ + HANDLE_MAX + 2];
	json_t *j = json_pack("{s:s, s:s}", "term", c->term.name, "person", c->person.handle);

	snprintf(object, sizeof object, "%s/%s", c->term.name, c->person.handle);
	return svc_audit(s, action, object, joined ? NULL : j, joined ? j : NULL);
}

int
volunteer_join(const struct svc *s, const char *term, const char *handle,
	       struct membership_change *out)
{
	int r;

	if ((r = membership_args(s, "volunteer join", term, handle, out)) != 0)
		return r;
	if (out->rotation.tier == TIER_ESCALATION && !out->person.is_manager)
		return rota_fail(EX_DATAERR, "%s cannot join term '%s': the escalation tier is "
				 "managers only", out->person.handle, out->term.name);
	r = store_member_join(s->db, out->term.id, out->person.id, s->now);
	if (r == STORE_EXISTS)
		return rota_fail(EX_DATAERR, "%s is already a member of term '%s'",
				 out->person.handle, out->term.name);
	if (r != 0)
		return r;
	out->at = s->now > out->term.start ? s->now : out->term.start;
	return audit_membership(s, "volunteer.join", out, true);
}

int
volunteer_leave(const struct svc *s, const char *term, const char *handle,
		struct membership_change *out)
{
	struct shift_filter f = { .from = s->now };
	struct shift *v;
	int r;

	if ((r = membership_args(s, "volunteer leave", term, handle, out)) != 0)
		return r;
	r = store_member_leave(s->db, out->term.id, out->person.id, s->now);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "%s is not a member of term '%s' (see rota term "
				 "show %s)", out->person.handle, out->term.name, out->term.name);
	if (r != 0)
		return r;
	out->at = s->now;
	f.term_id = out->term.id;
	f.person_id = out->person.id;
	if ((r = store_shift_list(s->db, &f, &v, &out->shifts_held)) != 0)
		return r;
	free(v);
	return audit_membership(s, "volunteer.leave", out, false);
}
