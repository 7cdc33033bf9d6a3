/* rota audit: who changed what, when, with the before and after. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
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

/* A JSON value as a person reads it; caller frees. */
static char *
show(json_t *v)
{
	if (v == NULL || json_is_null(v))
		return xstrdup("-");
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_true(v))
		return xstrdup("yes");
	if (json_is_false(v))
		return xstrdup("no");
	return json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
}

/* Appends "KEY: OLD -> NEW" (or "KEY: NEW" when OLD is NULL) to buf. */
static void
add_change(char *buf, size_t len, const char *key, json_t *old, json_t *new)
{
	char *a = old ? show(old) : NULL, *b = show(new);
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
summary(const char *before, const char *after, char *buf, size_t len)
{
	json_t *b = before ? json_loads(before, JSON_DECODE_ANY, NULL) : NULL;
	json_t *a = after ? json_loads(after, JSON_DECODE_ANY, NULL) : NULL;
	const char *key;
	json_t *v;

	buf[0] = '\0';
	if (json_is_object(a) && json_is_object(b)) {
		json_object_foreach(a, key, v) {
			json_t *old = json_object_get(b, key);
			if (old == NULL || !json_equal(old, v))
				add_change(buf, len, key, old ? old : json_null(), v);
		}
		json_object_foreach(b, key, v)
			if (json_object_get(a, key) == NULL)
				add_change(buf, len, key, v, json_null());
		if (buf[0] == '\0')
			snprintf(buf, len, "no change");
	} else if (json_is_object(a) || json_is_object(b)) {
		json_t *o = json_is_object(a) ? a : b;
		char *fields = xcalloc(1, len);

		json_object_foreach(o, key, v)
			add_change(fields, len, key, NULL, v);
		snprintf(buf, len, "%s: %s", o == a ? "new" : "removed", fields);
		free(fields);
	}
	if (strlen(buf) >= len - 1 && len > 4)
		memcpy(buf + len - 4, "...", 4);
	json_decref(a);
	json_decref(b);
}

static void
print_event(const struct audit_event *e)
{
	char when[32], text[SUMMARY_MAX];

	time_format_utc(e->at, when, sizeof when);
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
			json_t *j = texts[i] ? json_loads(texts[i], JSON_DECODE_ANY, NULL) : NULL;

			if (j == NULL)
				out_null(keys[i], NULL);
			else
				emit(keys[i], j);
			json_decref(j);
		}
	} else {
		summary(e->before, e->after, text, sizeof text);
		out_str(NULL, "CHANGE", text);
	}
	out_row_end();
}

static int
exec_audit(struct ctx *ctx, int argc, char **argv)
{
	const char *since_arg = cmd_opt(ctx, "since"), *object = cmd_opt(ctx, "object");
	const struct tz_zone *zone = tz_utc();
	struct audit_event *v;
	int64_t since = INT64_MIN;
	size_t n, shown = 0;
	int r;

	if (argc != 1)
		return cmd_usage_error(ctx, "audit takes no arguments besides its options");
	/* A date is midnight where the reader is, like everywhere else. */
	if (ctx->actor.known && tz_lookup(ctx->actor.person.tz) != NULL)
		zone = tz_lookup(ctx->actor.person.tz);
	if (since_arg != NULL && (r = time_arg(ctx, "--since", since_arg, zone, &since)) != 0)
		return r;
	if ((r = store_audit_list(ctx->db, since, &v, &n)) != 0)
		return r;
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		if (object != NULL && strcmp(v[i].object, object) != 0)
			continue;
		print_event(&v[i]);
		shown++;
	}
	if (shown == 0)
		out_note("No audit events%s.", since_arg || object ? " match" : " yet");
	out_list_end();
	store_audit_free(v, n);
	return 0;
}

const struct cmd_entry cmd_audit_entry = {
	.name = "audit",
	.args = "",
	.options = (const struct cmd_option[]){
		{ "since", 0, "DATE", "only events from DATE on (YYYY-MM-DD is midnight in "
		  "your own zone, or a full ISO 8601 time)", 0, 0 },
		{ "object", 0, "TEXT", "only events about this object, as the OBJECT column "
		  "names it (\"shift 12\", \"swap 3\", a handle, ...)", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "list who changed what, and when",
	.help = "Times are UTC. CHANGE sums up what changed (field: before -> after);\n"
		"with --json, before and after are the whole objects.\n",
	.exec = exec_audit,
};
