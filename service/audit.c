/* The audit trail: see audit.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "service/audit.h"

/* The private field of each kind of event, whose owner is the person the
 * event is about. */
static const struct {
	const char *action, *field;
} private_fields[] = {
	{ "leave.add", "reason" },
	{ "leave.remove", "reason" },
	{ "leave.import", "source" },
};

static const char *
private_field(const char *action)
{
	for (size_t i = 0; i < sizeof private_fields / sizeof private_fields[0]; i++)
		if (strcmp(private_fields[i].action, action) == 0)
			return private_fields[i].field;
	return NULL;
}

/* The handle of the person event E is about: its "person" field (leave
 * add and remove), else its object (leave import). */
static const char *
owner(const struct audit_event *e, json_t *before, json_t *after)
{
	json_t *p = json_object_get(after ? after : before, "person");

	return json_is_string(p) ? json_string_value(p) : e->object;
}

/* TEXT without FIELD, in place; an unreadable text is left out whole. */
static void
drop_field(char **text, const char *field)
{
	json_t *j;

	if (*text == NULL)
		return;
	j = json_loads(*text, JSON_DECODE_ANY, NULL);
	free(*text);
	*text = NULL;
	if (json_is_object(j)) {
		json_object_del(j, field);
		*text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	}
	json_decref(j);
}

/* Leaves out of E what the actor may not read. */
static void
redact(const struct svc *s, struct audit_event *e)
{
	const char *field = private_field(e->action);
	json_t *b, *a;
	bool theirs;

	if (field == NULL || s->actor->privileged)
		return;
	b = e->before ? json_loads(e->before, JSON_DECODE_ANY, NULL) : NULL;
	a = e->after ? json_loads(e->after, JSON_DECODE_ANY, NULL) : NULL;
	theirs = s->actor->known &&
		 strcmp(owner(e, json_is_object(b) ? b : NULL, json_is_object(a) ? a : NULL),
			s->actor->person.handle) == 0;
	json_decref(b);
	json_decref(a);
	if (theirs)
		return;
	drop_field(&e->before, field);
	drop_field(&e->after, field);
}

int
audit_list(const struct svc *s, int64_t since, const char *object,
	   struct audit_event **v, size_t *n)
{
	size_t kept = 0;
	int r;

	if ((r = store_audit_list(s->db, since, v, n)) != 0)
		return r;
	for (size_t i = 0; i < *n; i++) {
		struct audit_event *e = &(*v)[i];

		if (object != NULL && strcmp(e->object, object) != 0) {
			free(e->before);
			free(e->after);
			continue;
		}
		redact(s, e);
		(*v)[kept++] = *e;
	}
	*n = kept;
	return 0;
}
