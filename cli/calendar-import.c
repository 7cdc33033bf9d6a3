/* Reading calendars for leave and holiday import: see calendar-import.h. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/calendar-import.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/xalloc.h"

#define SOURCE_MAX 2048

int
import_read(struct ctx *ctx, const char *arg, const char *for_what, struct import_source *src)
{
	int r;

	memset(src, 0, sizeof *src);
	src->arg = arg;
	if (strlen(arg) >= SOURCE_MAX)
		return cmd_usage_error(ctx, "FILE|URL: longer than %d characters", SOURCE_MAX - 1);
	if (!http_is_url(arg)) {
		char *abs;

		if ((r = fetch_file(arg, &src->fetched)) != 0)
			return r;
		/* One file is one source however it is named. */
		if ((abs = realpath(arg, NULL)) == NULL)
			return rota_fail(EX_NOINPUT, "%s: %s", arg, strerror(errno));
		src->source = abs;
		return 0;
	}
	src->is_url = true;
	src->source = xstrdup(arg);
	src->cache_key = xasprintf("%s#%s", arg, for_what);
	return fetch_url(ctx->cfg, ctx->db, arg, src->cache_key, ctx->now, &src->fetched);
}

int
import_remember(struct ctx *ctx, const struct import_source *src)
{
	if (!src->is_url)
		return 0;
	return fetch_remember(ctx->db, src->cache_key, &src->fetched, ctx->now);
}

void
import_source_free(struct import_source *src)
{
	free(src->source);
	free(src->cache_key);
	fetch_result_free(&src->fetched);
	memset(src, 0, sizeof *src);
}

void
import_window(const struct ctx *ctx, int64_t *from, int64_t *to)
{
	*from = ctx->now - (int64_t)ICS_PAST_DAYS * 86400;
	*to = ctx->now + (int64_t)ICS_FUTURE_DAYS * 86400;
}

void
import_print(const struct import_source *src, const char *key, const char *value,
	     const char *what, const struct import_counts *c, const struct ics_result *res)
{
	bool nm = src->fetched.not_modified;

	out_object_begin(NULL);
	out_str("source", NULL, src->source);
	out_str(key, NULL, value);
	out_bool("not_modified", NULL, nm);
	out_int("added", NULL, (int64_t)c->added);
	out_int("updated", NULL, (int64_t)c->updated);
	out_int("removed", NULL, (int64_t)c->removed);
	out_int("unchanged", NULL, (int64_t)c->unchanged);
	out_int("cancelled", NULL, res ? (int64_t)res->cancelled : 0);
	out_int("free", NULL, res ? (int64_t)res->transparent : 0);
	if (nm)
		out_note("%s: not modified since the last import (HTTP 304): nothing to do",
			 src->arg);
	else
		out_note("%s: %s %s: added %zu, updated %zu, removed %zu, unchanged %zu",
			 src->arg, what, value, c->added, c->updated, c->removed, c->unchanged);
	if (res != NULL && (res->cancelled || res->transparent))
		out_note("left out: %zu cancelled, %zu marked free (TRANSP:TRANSPARENT)",
			 res->cancelled, res->transparent);
	out_object_end();
}

int
import_audit(struct ctx *ctx, const char *action, const char *object,
	     const struct import_source *src, const struct import_counts *c)
{
	if (c->added + c->updated + c->removed == 0)
		return 0;
	return audit(ctx, action, object, NULL,
		     json_pack("{s:s, s:i, s:i, s:i, s:i}", "source", src->source,
			       "added", (int)c->added, "updated", (int)c->updated,
			       "removed", (int)c->removed, "unchanged", (int)c->unchanged));
}
