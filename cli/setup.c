#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "reports/month.h"
#include "service/leave.h"

int
name_arg(struct ctx *ctx, const char *what, const char *s, char *buf, size_t len)
{
	if (*s == '\0' || *s == '-' || *s == ' ')
		return cmd_usage_error(ctx, "%s: '%s' is not a name (it must not be empty "
				       "or start with '-' or a space)", what, s);
	return text_arg(ctx, what, s, buf, len);
}

int
int_arg(struct ctx *ctx, const char *what, const char *s, int min, int max, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return cmd_usage_error(ctx, "%s: '%s' is not a whole number from %d to %d",
				       what, s, min, max);
	*out = (int)v;
	return 0;
}

int
month_arg(struct ctx *ctx, int argc, char **argv, int *year, int *month)
{
	if (argc > 2)
		return cmd_usage_error(ctx, "%s takes at most one month, YYYY-MM", argv[0]);
	if (argc < 2)
		return report_month_now(ctx->cfg, ctx->now, year, month);
	if (report_month_parse(argv[1], year, month) < 0)
		return cmd_usage_error(ctx, "bad month '%s' (YYYY-MM, as in 2027-01)", argv[1]);
	return 0;
}

void
time_format_offset(int64_t t, const struct tz_zone *zone, char *buf, size_t len)
{
	struct local_time lt;
	int off;

	tz_to_local(zone, t, &lt);
	off = lt.utc_offset < 0 ? -lt.utc_offset : lt.utc_offset;
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", lt.year, lt.month,
		 lt.day, lt.hour, lt.minute, lt.second, lt.utc_offset < 0 ? '-' : '+',
		 off / 3600, off / 60 % 60);
}

void
out_time(const char *key, const char *header, int64_t t, const struct tz_zone *zone)
{
	char buf[40];

	if (t == INT64_MAX) {
		out_null(key, header);
		return;
	}
	if (out_json())
		time_format_utc(t, buf, sizeof buf);
	else
		time_format_local(t, zone, buf, sizeof buf);
	out_str(key, header, buf);
}

void
print_rotation(const struct rotation *r, const struct oncall_offices *o)
{
	char handoff[16], offices[512] = "";

	handoff_format(r->handoff_dow, r->handoff_minute, handoff, sizeof handoff);
	out_object_begin(NULL);
	out_str("name", "Rotation:", r->name);
	out_str("tier", "Tier:", tier_name(r->tier));
	out_str("tz", "Time zone:", r->tz);
	out_str("handoff", "Handoff:", handoff);
	out_int("shift_days", "Shift days:", r->shift_days);
	out_str("covers", "Covers:", oncall_covers_name(r));
	if (r->out_of_hours) {
		for (size_t i = 0; i < o->n; i++)
			snprintf(offices + strlen(offices), sizeof offices - strlen(offices),
				 "%s%s", i ? ", " : "", o->offices[i].name);
		if (!o->chosen && !out_json())
			snprintf(offices + strlen(offices), sizeof offices - strlen(offices),
				 "%s(its members' offices)", o->n ? " " : "");
		out_str("offices", "Offices:", offices);
		out_bool("offices_chosen", NULL, o->chosen);
	}
	out_object_end();
}

int
rotation_cover_exec(struct ctx *ctx, struct svc *s, struct rotation *rot, const char *what)
{
	const char *covers = cmd_opt(ctx, "covers"), *offices = cmd_opt(ctx, "offices");
	struct oncall_offices o = { 0 };
	int r = 0;

	if (covers != NULL || offices != NULL)
		r = usage_if(ctx, oncall_rotation_set(s, rot, covers, offices, what));
	if (r == 0 && (r = oncall_offices_load(s->db, rot, s->now, s->now + 1, &o)) == 0)
		print_rotation(rot, &o);
	oncall_offices_free(&o);
	return r;
}

void
print_term(struct ctx *ctx, const struct term *t, const struct rotation *rot,
	   const struct membership *m, size_t n)
{
	const struct tz_zone *zone = tz_lookup_or_utc(rot->tz);
	char start[40], end[40];

	time_format_offset(t->start, zone, start, sizeof start);
	time_format_offset(t->end, zone, end, sizeof end);
	out_object_begin(NULL);
	out_str("name", "Term:", t->name);
	out_str("rotation", "Rotation:", rot->name);
	out_str("tier", "Tier:", tier_name(rot->tier));
	out_str("tz", "Time zone:", rot->tz);
	out_time("start", "Start:", t->start, zone);
	out_time("end", "End:", t->end, zone);
	out_str("start_local", NULL, start);
	out_str("end_local", NULL, end);
	out_int("weeks", "Shifts:", t->weeks);
	out_str("state", "State:", term_state(t, ctx->now));
	if (m != NULL) {
		size_t current = 0;

		for (size_t i = 0; i < n; i++)
			current += m[i].left == INT64_MAX;
		out_int("member_count", "Members:", (int64_t)current);
		out_list_begin("members", n > 0 ? "" : NULL);
		for (size_t i = 0; i < n; i++) {
			out_row_begin();
			out_str("handle", "HANDLE", m[i].handle);
			out_bool("manager", "MANAGER", m[i].is_manager);
			out_time("joined", "JOINED", m[i].joined, zone);
			out_time("left", "LEFT", m[i].left, zone);
			out_row_end();
		}
		out_list_end();
	}
	out_object_end();
}

void
print_leave(const struct leave *l, const struct tz_zone *zone)
{
	out_object_begin(NULL);
	out_int("id", "Leave:", l->id);
	out_str("person", "Person:", l->handle);
	out_leave_span(l, zone, "From:", "To:");
	out_str("tz", "Time zone:", tz_name(zone));
	out_str("reason", "Reason:", l->reason[0] ? l->reason : NULL);
	out_object_end();
}

void
out_leave_span(const struct leave *l, const struct tz_zone *zone, const char *from_h,
	       const char *to_h)
{
	char a[32], b[32];
	int64_t last;
	bool days = leave_whole_days(l, zone, &last);

	if (out_json()) {
		out_time("start", NULL, l->start, zone);
		out_time("end", NULL, l->end, zone);
		if (days) {
			date_format_local(l->start, zone, a, sizeof a);
			date_format_local(last, zone, b, sizeof b);
			out_str("first_day", NULL, a);
			out_str("last_day", NULL, b);
		} else {
			out_null("first_day", NULL);
			out_null("last_day", NULL);
		}
		return;
	}
	if (days) {
		day_format_local(l->start, zone, a, sizeof a);
		day_format_local(last, zone, b, sizeof b);
	} else {
		time_format_local(l->start, zone, a, sizeof a);
		time_format_local(l->end, zone, b, sizeof b);
	}
	out_str(NULL, from_h, a);
	out_str(NULL, to_h, b);
}

void
print_holiday(const struct holiday *h)
{
	out_object_begin(NULL);
	out_int("id", "Holiday:", h->id);
	out_str("office", "Office:", h->office);
	out_str("day", "Date:", h->day);
	out_str("name", "Name:", h->name);
	out_object_end();
}
