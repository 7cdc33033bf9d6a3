/* The bodies of PagerDuty's and Opsgenie's list endpoints, read with
 * jansson into pages (see pull.h for which field goes where). */
#include <config.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/text.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "reports/pull.h"

struct page *
page_vec_push(struct page_vec *vec)
{
	if (vec->n == vec->cap) {
		vec->cap = vec->cap ? 2 * vec->cap : 64;
		vec->v = xreallocarray(vec->v, vec->cap, sizeof *vec->v);
	}
	memset(&vec->v[vec->n], 0, sizeof vec->v[0]);
	return &vec->v[vec->n++];
}

void
page_vec_free(struct page_vec *vec)
{
	free(vec->v);
	vec->v = NULL;
	vec->n = vec->cap = 0;
}

int
api_time_parse(const char *s, int64_t *out)
{
	char buf[40];
	const char *frac = strchr(s, '.');
	size_t head;

	if (strlen(s) >= sizeof buf)
		return -1;
	if (frac == NULL)
		return time_parse(s, tz_utc(), out);
	/* "2027-01-04T03:12:00.636Z": drop the digits after the point. */
	head = (size_t)(frac - s);
	memcpy(buf, s, head);
	frac++;
	while (*frac >= '0' && *frac <= '9')
		frac++;
	snprintf(buf + head, sizeof buf - head, "%s", frac);
	return time_parse(buf, tz_utc(), out);
}

/* The string at PATH ("service.summary") under OBJ, or NULL. */
static const char *
str_at(json_t *obj, const char *path)
{
	char key[64];
	const char *dot;

	while ((dot = strchr(path, '.')) != NULL) {
		snprintf(key, sizeof key, "%.*s", (int)(dot - path), path);
		obj = json_object_get(obj, key);
		path = dot + 1;
	}
	obj = json_object_get(obj, path);
	return json_is_string(obj) ? json_string_value(obj) : NULL;
}

static void
copy(char *dst, size_t len, const char *src)
{
	text_copy(dst, len, src ? src : "");
}

/* Copies the string at PATH under OBJ ("" when there is none) into DST,
 * cut at a whole character; -1 with ERR set ("incident P1: title: ...")
 * when it breaks the rule for text (text_fault). ITEM names the incident
 * or alert. */
static int
take(char *dst, size_t len, json_t *obj, const char *path, enum text_allow allow,
     const char *item, char *err, size_t errlen)
{
	const char *s = str_at(obj, path);
	char why[96];

	if (s != NULL && text_fault(s, allow, why, sizeof why) != 0) {
		snprintf(err, errlen, "%s: %s: %s", item, path, why);
		return -1;
	}
	copy(dst, len, s);
	return 0;
}

/* The name of an incident or alert in a message: KIND and its ID, an id
 * too long to show cut (at a whole character) with "...". */
static void
name_item(char *item, size_t len, const char *kind, const char *id)
{
	char shown[41];

	text_copy(shown, sizeof shown, id);
	snprintf(item, len, "%s %s%s", kind, shown, strlen(id) > strlen(shown) ? "..." : "");
}

/* Copies the id of OBJ, which keys its page, into DST: refused (-1, ERR
 * naming ITEM, the field and the limit) when longer than DST holds, never
 * cut, as two ids cut to one would be one page. */
static int
take_id(char *dst, size_t len, json_t *obj, const char *item, char *err, size_t errlen)
{
	const char *s = str_at(obj, "id");

	if (s != NULL && strlen(s) >= len) {
		snprintf(err, errlen, "%s: id: %zu bytes, longer than the limit of %zu bytes",
			 item, strlen(s), len - 1);
		return -1;
	}
	return take(dst, len, obj, "id", TEXT_LINE, item, err, errlen);
}

static int
fail(char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "%s", what);
	return -1;
}

/* The array KEY of the top-level object of BODY; *root to json_decref. */
static json_t *
load_array(const char *body, const char *key, json_t **root, char *err, size_t errlen)
{
	json_error_t e;
	json_t *arr;

	if ((*root = json_loads(body, 0, &e)) == NULL) {
		snprintf(err, errlen, "not JSON: line %d column %d: %s", e.line, e.column, e.text);
		return NULL;
	}
	if (!json_is_object(*root) || !json_is_array(arr = json_object_get(*root, key))) {
		snprintf(err, errlen, "no \"%s\" list in the answer", key);
		json_decref(*root);
		*root = NULL;
		return NULL;
	}
	return arr;
}

int
pagerduty_parse_incidents(const char *body, struct page_vec *out, bool *more,
			  char *err, size_t errlen)
{
	json_t *root, *arr, *inc, *acks;
	char item[160];
	size_t i;

	if ((arr = load_array(body, "incidents", &root, err, errlen)) == NULL)
		return -1;
	json_array_foreach(arr, i, inc) {
		const char *id = str_at(inc, "id"), *created = str_at(inc, "created_at");
		struct page *p;

		if (id == NULL || created == NULL) {
			json_decref(root);
			return fail(err, errlen, "an incident without id or created_at");
		}
		p = page_vec_push(out);
		copy(p->source, sizeof p->source, "pagerduty");
		if (api_time_parse(created, &p->created) < 0) {
			snprintf(err, errlen, "incident %s: bad created_at '%s'", id, created);
			json_decref(root);
			return -1;
		}
		name_item(item, sizeof item, "incident", id);
		/* Named responder: the acknowledger (below and in the log
		 * entries), else the assignee, as in PagerDuty's CSV export. */
		if (take_id(p->source_id, sizeof p->source_id, inc, item, err, errlen) < 0 ||
		    take(p->alert, sizeof p->alert, inc, str_at(inc, "title") ? "title" : "summary",
			 TEXT_LINES, item, err, errlen) < 0 ||
		    take(p->service, sizeof p->service, inc, "service.summary", TEXT_LINE, item,
			 err, errlen) < 0 ||
		    take(p->urgency, sizeof p->urgency, inc, "urgency", TEXT_LINE, item,
			 err, errlen) < 0 ||
		    take(p->responder_name, sizeof p->responder_name,
			 json_array_get(json_object_get(inc, "assignments"), 0),
			 "assignee.summary", TEXT_LINE, item, err, errlen) < 0) {
			json_decref(root);
			return -1;
		}
		/* Only open incidents still list their acknowledgements; the log
		 * entries read next give the rest. */
		acks = json_object_get(inc, "acknowledgements");
		if (json_is_array(acks) && json_array_size(acks) > 0) {
			json_t *a = json_array_get(acks, 0);
			const char *at = str_at(a, "at");

			if (take(p->responder_name, sizeof p->responder_name, a,
				 "acknowledger.summary", TEXT_LINE, item, err, errlen) < 0) {
				json_decref(root);
				return -1;
			}
			if (at != NULL && api_time_parse(at, &p->acknowledged) == 0)
				p->acted = true;
		}
	}
	*more = json_is_true(json_object_get(root, "more"));
	json_decref(root);
	return 0;
}

static int
by_source_id(const void *a, const void *b)
{
	return strcmp(((const struct page *)a)->source_id, ((const struct page *)b)->source_id);
}

/* PAGES are sorted by source_id (pagerduty_apply_log_entries sorts them). */
static struct page *
find_page(struct page_vec *pages, const char *id)
{
	struct page key;

	copy(key.source_id, sizeof key.source_id, id);
	return bsearch(&key, pages->v, pages->n, sizeof *pages->v, by_source_id);
}

int
pagerduty_apply_log_entries(const char *body, struct page_vec *pages, bool *more,
			    char *err, size_t errlen)
{
	json_t *root, *arr, *entry;
	char item[160];
	size_t i;

	if ((arr = load_array(body, "log_entries", &root, err, errlen)) == NULL)
		return -1;
	if (pages->n > 1)
		qsort(pages->v, pages->n, sizeof *pages->v, by_source_id);
	json_array_foreach(arr, i, entry) {
		const char *type = str_at(entry, "type"), *at = str_at(entry, "created_at");
		const char *inc = str_at(entry, "incident.id"), *agent = str_at(entry, "agent.type");
		struct page *p;
		int64_t t;

		if (type == NULL || at == NULL || inc == NULL || api_time_parse(at, &t) < 0) {
			json_decref(root);
			return fail(err, errlen, "a log entry without type, created_at or incident");
		}
		if ((p = find_page(pages, inc)) == NULL)
			continue;
		bool by_user = agent != NULL && strcmp(agent, "user_reference") == 0;
		/* The first acknowledgement and the last resolution count. */
		if (strcmp(type, "acknowledge_log_entry") == 0) {
			if (p->acknowledged == 0 || t < p->acknowledged) {
				p->acknowledged = t;
				name_item(item, sizeof item, "log entry of incident", inc);
				if (take(p->responder_name, sizeof p->responder_name, entry,
					 "agent.summary", TEXT_LINE, item, err, errlen) < 0) {
					json_decref(root);
					return -1;
				}
			}
			p->acted = true;
		} else if (strcmp(type, "resolve_log_entry") == 0) {
			if (t > p->resolved)
				p->resolved = t;
			if (by_user)
				p->acted = true;
		} else if (strcmp(type, "escalate_log_entry") == 0) {
			p->escalated = true;
		}
	}
	*more = json_is_true(json_object_get(root, "more"));
	json_decref(root);
	return 0;
}

int
opsgenie_parse_alerts(const char *body, struct page_vec *out, char **next,
		      char *err, size_t errlen)
{
	json_t *root, *arr, *alert, *tags, *tag;
	const char *n;
	char item[160];
	size_t i, j;

	*next = NULL;
	if ((arr = load_array(body, "data", &root, err, errlen)) == NULL)
		return -1;
	json_array_foreach(arr, i, alert) {
		const char *id = str_at(alert, "id"), *created = str_at(alert, "createdAt");
		json_t *ack = json_object_get(json_object_get(alert, "report"), "ackTime");
		json_t *close = json_object_get(json_object_get(alert, "report"), "closeTime");
		struct page *p;

		if (id == NULL || created == NULL) {
			json_decref(root);
			return fail(err, errlen, "an alert without id or createdAt");
		}
		p = page_vec_push(out);
		copy(p->source, sizeof p->source, "opsgenie");
		if (api_time_parse(created, &p->created) < 0) {
			snprintf(err, errlen, "alert %s: bad createdAt '%s'", id, created);
			json_decref(root);
			return -1;
		}
		name_item(item, sizeof item, "alert", id);
		/* Named responder: the acknowledger (below), else the owner.
		 * The alert list names no service: the entity, else the source
		 * (the integration that raised it). */
		if (take_id(p->source_id, sizeof p->source_id, alert, item, err, errlen) < 0 ||
		    take(p->alert, sizeof p->alert, alert, "message", TEXT_LINES, item,
			 err, errlen) < 0 ||
		    take(p->urgency, sizeof p->urgency, alert, "priority", TEXT_LINE, item,
			 err, errlen) < 0 ||
		    take(p->responder_name, sizeof p->responder_name, alert, "owner", TEXT_LINE,
			 item, err, errlen) < 0 ||
		    take(p->service, sizeof p->service, alert,
			 str_at(alert, "entity") && *str_at(alert, "entity") ? "entity" : "source",
			 TEXT_LINE, item, err, errlen) < 0) {
			json_decref(root);
			return -1;
		}
		/* report.ackTime and closeTime are milliseconds after creation. */
		if (json_is_integer(ack) && json_is_true(json_object_get(alert, "acknowledged"))) {
			p->acknowledged = p->created + json_integer_value(ack) / 1000;
			p->acted = true;
			if (take(p->responder_name, sizeof p->responder_name, alert,
				 "report.acknowledgedBy", TEXT_LINE, item, err, errlen) < 0) {
				json_decref(root);
				return -1;
			}
		}
		if (json_is_integer(close))
			p->resolved = p->created + json_integer_value(close) / 1000;
		tags = json_object_get(alert, "tags");
		json_array_foreach(tags, j, tag)
			if (json_is_string(tag) && strcmp(json_string_value(tag), "escalated") == 0)
				p->escalated = true;
	}
	n = str_at(json_object_get(root, "paging"), "next");
	if (n != NULL && *n != '\0')
		*next = xstrdup(n);
	json_decref(root);
	return 0;
}
