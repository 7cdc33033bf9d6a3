#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "common/xalloc.h"

int
find_person(struct ctx *ctx, const char *handle, struct person *out)
{
	struct svc s = cmd_svc(ctx);

	return svc_find_person(&s, handle, out);
}

int
find_office(struct ctx *ctx, const char *name, struct office *out)
{
	struct svc s = cmd_svc(ctx);

	return svc_find_office(&s, name, out);
}

int
find_rotation(struct ctx *ctx, const char *name, struct rotation *out)
{
	struct svc s = cmd_svc(ctx);

	return svc_find_rotation(&s, name, out);
}

int
find_term(struct ctx *ctx, const char *name, struct term *out)
{
	struct svc s = cmd_svc(ctx);

	return svc_find_term(&s, name, out);
}

int
zone_arg(struct ctx *ctx, const char *option, const char *name, const struct tz_zone **out)
{
	*out = tz_lookup(name);
	if (*out == NULL)
		return cmd_usage_error(ctx, "%s: unknown time zone '%s' (use an IANA "
				       "name such as Europe/Dublin)", option, name);
	return 0;
}

/* WHAT's value S is a date or time outside the range rota keeps. */
static int
out_of_range(struct ctx *ctx, const char *what, const char *s)
{
	return cmd_usage_error(ctx, "%s: '%s' is out of range: rota keeps dates "
			       "from " ROTA_DATE_RANGE, what, s);
}

int
time_arg(struct ctx *ctx, const char *what, const char *s, const struct tz_zone *zone, int64_t *out)
{
	int r = time_parse(s, zone, out);

	if (r == TIME_OUT_OF_RANGE)
		return out_of_range(ctx, what, s);
	if (r < 0)
		return cmd_usage_error(ctx, "%s: bad date '%s' (expected YYYY-MM-DD or "
				       "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])", what, s);
	return 0;
}

int
range_time_arg(struct ctx *ctx, const char *option, const char *s,
	       const struct rotation *rot, int64_t now, int64_t *out)
{
	int r;

	if (strcmp(s, "now") == 0) {
		*out = now;
		return 0;
	}
	if ((r = time_parse(s, tz_lookup_or_utc(rot->tz), out)) == TIME_OUT_OF_RANGE)
		return out_of_range(ctx, option, s);
	if (r < 0)
		return cmd_usage_error(ctx, "%s: bad time '%s' (expected now, "
				       "YYYY-MM-DDTHH:MM in %s, or with Z or +HH:MM)", option,
				       s, rot->tz);
	return 0;
}

int
id_arg(struct ctx *ctx, const char *what, const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0)
		return cmd_usage_error(ctx, "%s: '%s' is not an id (a positive number)", what, s);
	*out = v;
	return 0;
}

int
count_arg(struct ctx *ctx, const char *what, const char *s, int max, int *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0 || v > INT_MAX ||
	    (max > 0 && v > max)) {
		if (max > 0)
			return cmd_usage_error(ctx, "%s: '%s' must be a positive number, "
					       "at most %d", what, s, max);
		return cmd_usage_error(ctx, "%s: '%s' must be a positive number", what, s);
	}
	*out = (int)v;
	return 0;
}

int
text_arg(struct ctx *ctx, const char *what, const char *s, char *buf, size_t len)
{
	size_t n = strlen(s);

	/* Its characters were checked with every argument (cmd.c). */
	if (n >= len)
		return cmd_usage_error(ctx, "%s is too long (at most %zu characters)", what, len - 1);
	memcpy(buf, s, n + 1);
	return 0;
}

struct svc
cmd_svc(struct ctx *ctx)
{
	return (struct svc){ .db = ctx->db, .cfg = ctx->cfg, .now = ctx->now,
			     .actor = &ctx->actor };
}

int
usage_if(struct ctx *ctx, int r)
{
	if (r == EX_USAGE)
		cmd_print_usage(ctx->entry, stderr);
	return r;
}

int
require_person(struct ctx *ctx)
{
	struct svc s = cmd_svc(ctx);

	return svc_require_person(&s);
}

int
require_manager(struct ctx *ctx, const char *what)
{
	struct svc s = cmd_svc(ctx);

	return svc_require_manager(&s, what);
}

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int
find_shift(struct ctx *ctx, const char *arg, int64_t prefer_person, struct shift *out)
{
	struct shift_filter f = { 0 };
	struct shift *v = NULL;
	size_t n = 0, pick = 0, picks = 0;
	const struct tz_zone *zone = tz_utc();
	int64_t t;
	int r;

	if (all_digits(arg)) {
		int64_t id;
		if ((r = id_arg(ctx, "shift", arg, &id)) != 0)
			return r;
		r = store_shift_get(ctx->db, id, out);
		if (r == STORE_NOT_FOUND || (r == 0 && out->cancelled))
			return rota_fail(EX_DATAERR, "no shift %lld (see rota schedule show)",
					 (long long)id);
		return r;
	}
	/* A date is midnight in the acting person's zone: where they are. */
	zone = reader_zone(ctx);
	if ((r = time_arg(ctx, "shift", arg, zone, &t)) != 0)
		return r;
	f.from = t;
	f.to = t + 1;
	if ((r = store_shift_list(ctx->db, &f, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		if (prefer_person != 0 && v[i].person_id == prefer_person) {
			pick = i;
			picks = 1;
			break;
		}
	}
	if (picks == 0 && n == 1)
		picks = 1;
	if (n == 0)
		r = rota_fail(EX_DATAERR, "no shift at %s (see rota schedule show)", arg);
	else if (picks == 0)
		r = rota_fail(EX_DATAERR, "%zu shifts are in force at %s: name one by its "
			      "id (see rota schedule show --from %s)", n, arg, arg);
	else
		*out = v[pick];
	free(v);
	return r;
}

/* "shift 3 (rotation ops, Mon 2027-05-24 10:00 to Mon 2027-05-31 10:00
 * Europe/Dublin), shift 4 (...)" of the N shifts V, into BUF. */
static const char *
shift_list_text(const struct shift *v, size_t n, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used < len; i++) {
		const struct tz_zone *zone = tz_lookup_or_utc(v[i].tz);
		char a[32], b[32];
		int k;

		time_format_local(v[i].start, zone, a, sizeof a);
		time_format_local(v[i].end, zone, b, sizeof b);
		k = snprintf(buf + used, len - used, "%sshift %lld (%s, %s to %s %s)",
			     i ? ", " : "", (long long)v[i].id, v[i].rotation, a, b, v[i].tz);
		used += k > 0 ? (size_t)k : 0;
	}
	return buf;
}

int
find_own_shift(struct ctx *ctx, const char *arg, struct shift *out)
{
	const struct tz_zone *zone = tz_lookup_or_utc(ctx->actor.person.tz);
	struct shift_filter f = { .person_id = ctx->actor.person.id };
	struct shift *v = NULL;
	size_t n = 0;
	char list[512];
	int y, m, d, r;

	if (date_parse(arg, &y, &m, &d) < 0)
		return find_shift(ctx, arg, ctx->actor.person.id, out);
	/* A day names the shift of one's own in force that day, not the
	 * one at its midnight: with a Monday 10:00 handoff, "Monday" is
	 * the week that starts then (unless one holds both). */
	f.from = tz_from_local(zone, y, m, d, 0, 0, 0);
	civil_add_days(&y, &m, &d, 1);
	f.to = tz_from_local(zone, y, m, d, 0, 0, 0);
	if ((r = store_shift_list(ctx->db, &f, &v, &n)) != 0)
		return r;
	if (n == 0)
		r = rota_fail(EX_DATAERR, "you (%s) hold no shift on %s (see rota next)",
			      ctx->actor.person.handle, arg);
	else if (n == 1)
		*out = v[0];
	else
		r = rota_fail(EX_DATAERR, "you (%s) hold %zu shifts on %s: %s; name one by "
			      "its id", ctx->actor.person.handle, n, arg, shift_list_text(v, n, list,
										     sizeof list));
	free(v);
	return r;
}

void
print_shift_row(const struct shift *sh)
{
	const struct tz_zone *zone = tz_lookup(sh->tz);
	char start[32], end[32];

	if (zone == NULL)
		zone = tz_utc();
	out_row_begin();
	out_int("id", "ID", sh->id);
	out_str("rotation", "ROTATION", sh->rotation);
	out_str("tier", "TIER", tier_name(sh->tier));
	out_str("person", "PERSON", sh->handle);
	if (out_json()) {
		time_format_utc(sh->start, start, sizeof start);
		time_format_utc(sh->end, end, sizeof end);
	} else {
		time_format_local(sh->start, zone, start, sizeof start);
		time_format_local(sh->end, zone, end, sizeof end);
	}
	out_str("start", "START", start);
	out_str("end", "END", end);
	out_str(NULL, "ZONE", sh->tz);
	out_str("origin", "ORIGIN", origin_name(sh->origin));
	out_row_end();
}

void
print_time(const char *key, const char *header, const struct tz_zone *zone, int64_t t,
	   bool with_zone)
{
	char buf[32], text[32 + TZ_MAX];

	if (t == 0) {
		out_null(key, header);
	} else if (out_json()) {
		if (key != NULL) {
			time_format_utc(t, buf, sizeof buf);
			out_str(key, NULL, buf);
		}
	} else if (header != NULL) {
		time_format_local(t, zone, buf, sizeof buf);
		snprintf(text, sizeof text, "%s%s%s", buf, with_zone ? " " : "",
			 with_zone ? tz_name(zone) : "");
		out_str(NULL, header, text);
	}
}

int
audit(struct ctx *ctx, const char *action, const char *object, json_t *before, json_t *after)
{
	struct svc s = cmd_svc(ctx);

	return svc_audit(&s, action, object, before, after);
}

const struct tz_zone *
reader_zone(const struct ctx *ctx)
{
	const struct tz_zone *zone = ctx->actor.known ? tz_lookup(ctx->actor.person.tz) : NULL;

	return zone != NULL ? zone : tz_utc();
}

int
database_missing(const char *path, bool default_path)
{
	const char *slash = strrchr(path, '/');
	struct stat sb;
	char *dir;
	int r = 0;

	if (default_path && stat(path, &sb) != 0 && (errno == ENOENT || errno == ENOTDIR))
		return rota_fail(EX_NOINPUT, "no database yet at %s: create it with "
				 "rota init (or say where it is with --db or ROTA_DB)", path);
	if (slash != NULL) {
		dir = xstrdup(path);
		dir[slash == path ? 1 : slash - path] = '\0';
		if (stat(dir, &sb) != 0 && (errno == ENOENT || errno == ENOTDIR))
			r = rota_fail(EX_NOINPUT, "%s: the database's folder %s does not "
				      "exist; check the path, or create the database with "
				      "rota init", path, dir);
		else if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
			r = rota_fail(EX_NOINPUT, "%s: the database's folder %s is not "
				      "a folder; check the path", path, dir);
		free(dir);
		if (r != 0)
			return r;
	}
	return 0;
}
