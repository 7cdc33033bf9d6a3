/* The service layer's common ground: see service.h. */
#include "config.h"

#include <stdlib.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "service/service.h"

int
svc_require_person(const struct svc *s)
{
	if (s->actor->known)
		return 0;
	return rota_fail(EX_NOPERM, "you (%s) are not a person in rota: ask a "
			 "manager to add you, or act for someone with --as HANDLE",
			 s->actor->login);
}

int
svc_require_manager(const struct svc *s, const char *what)
{
	if (s->actor->privileged)
		return 0;
	return rota_fail(EX_NOPERM, "%s: managers only (you are %s)", what, s->actor->label);
}

/* Maps a lookup's result to the error a user can act on. */
static int
not_found(int r, const char *kind, const char *name)
{
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "unknown %s '%s' (see rota %s list)", kind, name, kind);
	return r;
}

int
svc_find_person(const struct svc *s, const char *handle, struct person *out)
{
	return not_found(store_person_get(s->db, handle, out), "person", handle);
}

int
svc_find_office(const struct svc *s, const char *name, struct office *out)
{
	return not_found(store_office_get(s->db, name, out), "office", name);
}

int
svc_find_rotation(const struct svc *s, const char *name, struct rotation *out)
{
	return not_found(store_rotation_get(s->db, name, out), "rotation", name);
}

int
svc_find_term(const struct svc *s, const char *name, struct term *out)
{
	return not_found(store_term_get(s->db, name, out), "term", name);
}

json_t *
shift_to_json(const struct shift *sh)
{
	char start[32], end[32];

	time_format_utc(sh->start, start, sizeof start);
	time_format_utc(sh->end, end, sizeof end);
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)sh->id,
			 "rotation", sh->rotation, "tier", tier_name(sh->tier),
			 "person", sh->handle, "start", start, "end", end,
			 "origin", origin_name(sh->origin));
}

json_t *
person_to_json(const struct person *p)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s?, s:b, s:i, s:i}", "handle", p->handle,
			 "name", p->name, "email", p->email, "tz", p->tz,
			 "office", p->office[0] ? p->office : NULL, "manager", p->is_manager,
			 "sleep_start", p->sleep_start, "sleep_end", p->sleep_end);
}

/* The compact text of J, and J released; NULL for NULL. */
static char *
dump(json_t *j)
{
	char *s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;

	json_decref(j);
	return s;
}

int
svc_audit(const struct svc *s, const char *action, const char *object, json_t *before,
	  json_t *after)
{
	char *b = dump(before), *a = dump(after);
	int r = store_audit_add(s->db, s->now, s->actor->label, action, object, b, a);

	free(b);
	free(a);
	return r;
}
