/* rota audit's rows: see audit-format.h. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/audit-format.h"
#include "common/escape.h"
#include "common/jsonx.h"
#include "common/out.h"
#include "common/text.h"
#include "common/timefmt.h"
#include "common/xalloc.h"

#define SUMMARY_MAX 96

/* Writes V (any JSON) through out_* under KEY (JSON output only). */
static void
emit(const char *key, json_t *v)
{
	const char *k;
	json_t *item;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		out_object_begin(key);
		json_object_foreach(v, k, item)
			emit(k, item);
		out_object_end();
		break;
	case JSON_ARRAY:
		out_list_begin(key, NULL);
		json_array_foreach(v, i, item)
			emit("item", item);
		out_list_end();
		break;
	case JSON_STRING: out_str(key, NULL, json_string_value(v)); break;
	case JSON_INTEGER: out_int(key, NULL, json_integer_value(v)); break;
	case JSON_REAL: out_real(key, NULL, json_real_value(v), 2); break;
	case JSON_TRUE: out_bool(key, NULL, true); break;
	case JSON_FALSE: out_bool(key, NULL, false); break;
	case JSON_NULL: out_null(key, NULL); break;
	}
}

/* The stored JSON text of a before or after (NULL: none). Text that is
 * not valid UTF-8, which jansson refuses to read, is read with U+FFFD for
 * its bad bytes; text that is not JSON at all (edited by hand) is shown
 * as a string: never a null in place of what is stored. */
static json_t *
load(const char *text)
{
	char *fixed;
	json_t *j;

	if (text == NULL)
		return NULL;
	fixed = utf8_repaired(text);
	j = json_loads(fixed ? fixed : text, JSON_DECODE_ANY, NULL);
	free(fixed);
	return j != NULL ? j : jx_string(text);
}

/* Whether S is an instant as rota stores it, "2027-01-04T10:00:00Z"
 * (*T gets it): what a person reads in their own zone. */
static bool
is_utc_time(const char *s, int64_t *t)
{
	return strlen(s) == 20 && s[10] == 'T' && s[19] == 'Z' &&
	       time_parse(s, tz_utc(), t) == 0;
}

/* A JSON value as a person reads it, an instant in ZONE; caller frees. */
static char *
show(json_t *v, const struct tz_zone *zone)
{
	int64_t t;

	if (v == NULL || json_is_null(v))
		return xstrdup("-");
	if (json_is_string(v) && is_utc_time(json_string_value(v), &t)) {
		char buf[32];

		time_format_local(t, zone, buf, sizeof buf);
		return xstrdup(buf);
	}
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_true(v))
		return xstrdup("yes");
	if (json_is_false(v))
		return xstrdup("no");
	return xnonnull(json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER));
}

/* Appends "KEY: OLD -> NEW" (or "KEY: NEW" when OLD is NULL) to buf. */
static void
add_change(char *buf, size_t len, const char *key, json_t *old, json_t *new,
	   const struct tz_zone *zone)
{
	char *a = old ? show(old, zone) : NULL, *b = show(new, zone);
	size_t used = strlen(buf);

	if (used < len)
		snprintf(buf + used, len - used, "%s%s: %s%s%s", used ? ", " : "", key,
			 a ? a : "", a ? " -> " : "", b);
	free(a);
	free(b);
}

/* The short text summary of a change: the fields that differ, or what
 * was created or removed. */
static void
summary(const char *before, const char *after, char *buf, size_t len,
	const struct tz_zone *zone)
{
	json_t *b = load(before), *a = load(after);
	const char *key;
	json_t *v;

	buf[0] = '\0';
	if (json_is_object(a) && json_is_object(b)) {
		json_object_foreach(a, key, v) {
			json_t *old = json_object_get(b, key);
			if (old == NULL || !json_equal(old, v))
				add_change(buf, len, key, old ? old : json_null(), v, zone);
		}
		json_object_foreach(b, key, v)
			if (json_object_get(a, key) == NULL)
				add_change(buf, len, key, v, json_null(), zone);
		if (buf[0] == '\0')
			snprintf(buf, len, "no change");
	} else if (json_is_object(a) || json_is_object(b)) {
		json_t *o = json_is_object(a) ? a : b;
		char *fields = xcalloc(1, len);

		json_object_foreach(o, key, v)
			add_change(fields, len, key, NULL, v, zone);
		snprintf(buf, len, "%s: %s", o == a ? "new" : "removed", fields);
		free(fields);
	}
	if (strlen(buf) >= len - 1 && len > 4) {
		char *whole = xstrdup(buf);

		text_copy(buf, len - 3, whole);         /* at a whole character */
		strcat(buf, "...");
		free(whole);
	}
	json_decref(a);
	json_decref(b);
}

void
audit_print_event(const struct audit_event *e, const struct tz_zone *zone)
{
	char when[32], text[SUMMARY_MAX];

	if (out_json())
		time_format_utc(e->at, when, sizeof when);
	else
		time_format_local(e->at, zone, when, sizeof when);
	out_row_begin();
	out_int("id", NULL, e->id);
	out_str("time", "TIME", when);
	out_str("actor", "ACTOR", e->actor);
	out_str("action", "ACTION", e->action);
	out_str("object", "OBJECT", e->object);
	if (out_json()) {
		const char *texts[2] = { e->before, e->after };
		const char *keys[2] = { "before", "after" };

		for (int i = 0; i < 2; i++) {
			json_t *j = load(texts[i]);

			if (j == NULL)
				out_null(keys[i], NULL);
			else
				emit(keys[i], j);
			json_decref(j);
		}
	} else {
		summary(e->before, e->after, text, sizeof text, zone);
		out_str(NULL, "CHANGE", text);
	}
	out_row_end();
}
