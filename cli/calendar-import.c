/* What leave and holiday import print: see calendar-import.h. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "cli/calendar-import.h"
#include "common/out.h"
#include "common/url.h"

void
import_print(const struct sync_result *res, const char *key, const char *value,
	     const char *what)
{
	const struct import_source *src = &res->src;
	const struct import_counts *c = &res->counts;
	const struct ics_result *ics = &res->ics;
	bool nm = src->fetched.not_modified;
	/* A calendar's address is shown without its secret parts. */
	char *source = url_shown(src->source), *arg = url_shown(src->arg);

	out_object_begin(NULL);
	out_str("source", NULL, source);
	out_str(key, NULL, value);
	out_bool("not_modified", NULL, nm);
	out_int("added", NULL, (int64_t)c->added);
	out_int("updated", NULL, (int64_t)c->updated);
	out_int("removed", NULL, (int64_t)c->removed);
	out_int("unchanged", NULL, (int64_t)c->unchanged);
	out_int("cancelled", NULL, (int64_t)ics->cancelled);
	out_int("free", NULL, (int64_t)ics->transparent);
	if (nm)
		out_note("%s: not modified since the last import (HTTP 304): nothing to do",
			 arg);
	else
		out_note("%s: %s %s: added %zu, updated %zu, removed %zu, unchanged %zu",
			 arg, what, value, c->added, c->updated, c->removed, c->unchanged);
	if (ics->cancelled || ics->transparent)
		out_note("left out: %zu cancelled, %zu marked free (TRANSP:TRANSPARENT)",
			 ics->cancelled, ics->transparent);
	out_object_end();
	free(source);
	free(arg);
}
