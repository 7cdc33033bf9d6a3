/* The audit trail: see audit.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/url.h"
#include "common/xalloc.h"
#include "service/audit.h"
#include "service/privacy.h"

/* The private field of each kind of event, whose owner is the person the
 * event is about. */
static const struct {
	const char *action, *field;
	bool office;            /* the event is about an office: managers' only */
} private_fields[] = {
	{ "leave.add", "reason", false },
	{ "leave.remove", "reason", false },
	{ "leave.import", "source", false },
	{ "holiday.import", "source", true },
};

/* The private field of ACTION, or NULL; *OFFICE: whether it is an
 * office's. */
static const char *
private_field(const char *action, bool *office)
{
	for (size_t i = 0; i < sizeof private_fields / sizeof private_fields[0]; i++)
		if (strcmp(private_fields[i].action, action) == 0) {
			*office = private_fields[i].office;
			return private_fields[i].field;
		}
	return NULL;
}

/* The handle of the person event E is about: its "person" field (leave
 * add and remove), else its object (leave import); "" (nobody) for an
 * office's. */
static const char *
owner(const struct audit_event *e, bool office, json_t *before, json_t *after)
{
	json_t *p = json_object_get(after ? after : before, "person");

	if (office)
		return "";
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

/* TEXT with its FIELD, a calendar's address, as url_shown() shows it, in
 * place: printed to anyone, its secret path and query never are. */
static void
shorten_field(char **text, const char *field)
{
	json_t *j, *v;
	char *shown;

	if (*text == NULL)
		return;
	j = json_loads(*text, JSON_DECODE_ANY, NULL);
	v = json_is_object(j) ? json_object_get(j, field) : NULL;
	if (json_is_string(v)) {
		shown = url_shown(json_string_value(v));
		json_object_set_new(j, field, json_string(shown));
		free(shown);
		free(*text);
		*text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	}
	json_decref(j);
}

/* Leaves out of E what the actor may not read. */
static void
redact(const struct svc *s, struct audit_event *e)
{
	bool office = false, theirs;
	const char *field = private_field(e->action, &office);
	json_t *b, *a;

	if (field == NULL)
		return;
	b = e->before ? json_loads(e->before, JSON_DECODE_ANY, NULL) : NULL;
	a = e->after ? json_loads(e->after, JSON_DECODE_ANY, NULL) : NULL;
	theirs = svc_may_read_private(s, owner(e, office, json_is_object(b) ? b : NULL,
					       json_is_object(a) ? a : NULL));
	json_decref(b);
	json_decref(a);
	if (theirs && strcmp(field, "source") == 0) {
		shorten_field(&e->before, field);
		shorten_field(&e->after, field);
	}
	if (theirs)
		return;
	drop_field(&e->before, field);
	drop_field(&e->after, field);
}

/* Hands the events a reader may see on, as they are read. */
struct audit_each_arg {
	const struct svc *s;
	const char *object;
	store_row_fn *fn;
	void *arg;
};

static int
audit_visible(void *row, void *arg)
{
	const struct audit_each_arg *a = arg;
	struct audit_event *e = row;

	if (a->object != NULL && strcmp(e->object, a->object) != 0)
		return 0;
	redact(a->s, e);
	return a->fn(e, a->arg);
}

int
audit_each(const struct svc *s, int64_t since, const char *object, store_row_fn *fn,
	   void *arg)
{
	struct audit_each_arg a = { s, object, fn, arg };

	return store_audit_each(s->db, since, audit_visible, &a);
}

/* Keeps a copy of each event of an audit_list. */
struct audit_kept {
	struct audit_event *v;
	size_t n;
};

static int
keep_event(void *row, void *arg)
{
	const struct audit_event *e = row;
	struct audit_kept *k = arg;
	struct audit_event *copy;

	k->v = xpush(k->v, &k->n, sizeof *k->v);
	copy = &k->v[k->n - 1];
	*copy = *e;
	copy->before = e->before ? xstrdup(e->before) : NULL;
	copy->after = e->after ? xstrdup(e->after) : NULL;
	return 0;
}

int
audit_list(const struct svc *s, int64_t since, const char *object,
	   struct audit_event **v, size_t *n)
{
	struct audit_kept k = { NULL, 0 };
	int r = audit_each(s, since, object, keep_event, &k);

	if (r != 0) {
		store_audit_free(k.v, k.n);
		k.v = NULL;
		k.n = 0;
	}
	*v = k.v;
	*n = k.n;
	return r;
}
