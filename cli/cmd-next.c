/* rota next: someone's coming shifts and how long until each. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/roster.h"

/* "3d 22h", "5h 30m", "12m": a duration as people say it. */
static void
duration(int64_t secs, char *buf, size_t len)
{
	int64_t m = (secs + 59) / 60;   /* round up: "in 0m" would mislead */

	if (m >= 24 * 60)
		snprintf(buf, len, "%lldd %lldh", (long long)(m / (24 * 60)),
			 (long long)(m / 60 % 24));
	else if (m >= 60)
		snprintf(buf, len, "%lldh %lldm", (long long)(m / 60), (long long)(m % 60));
	else
		snprintf(buf, len, "%lldm", (long long)m);
}

/* What IN says of X: how long until its holder may be called, or how
 * long is left of the time they may be called in now. */
static void
time_to_go(const struct next_shift *x, int64_t now)
{
	char when[48], text[80];

	if (x->on_call_until == 0) {
		out_int("on_call_in_seconds", NULL, 0);
		out_str(NULL, "IN", "in hours throughout");
	} else if (x->on_call_from <= now) {
		duration(x->on_call_until - now, when, sizeof when);
		out_int("on_call_in_seconds", NULL, 0);
		snprintf(text, sizeof text, "now, %s left", when);
		out_str(NULL, "IN", text);
	} else {
		duration(x->on_call_from - now, when, sizeof when);
		out_int("on_call_in_seconds", NULL, x->on_call_from - now);
		/* A shift begun in business hours: its holder is not called yet. */
		snprintf(text, sizeof text, "%s%s", x->sh.start <= now ? "in hours, on call in " :
			 "", when);
		out_str(NULL, "IN", text);
	}
}

/* ON CALL FROM is shown when some shift listed is in a rotation covering
 * out of hours (WINDOWED): elsewhere it is START again. */
static void
print_shift(const struct next_shift *x, const struct person *p, int64_t now, bool windowed)
{
	const struct shift *sh = &x->sh;
	const struct tz_zone *zone = tz_lookup_or_utc(p->tz);

	out_row_begin();
	out_int("id", "ID", sh->id);
	out_str("rotation", "ROTATION", sh->rotation);
	out_str("tier", "TIER", tier_name(sh->tier));
	out_str("person", NULL, sh->handle);
	print_time("start", "START", zone, sh->start, false);
	print_time("end", "END", zone, sh->end, false);
	out_str(NULL, "ZONE", p->tz);
	out_str("origin", NULL, origin_name(sh->origin));
	out_int("starts_in_seconds", NULL, sh->start > now ? sh->start - now : 0);
	out_str("covers", NULL, x->out_of_hours ? "out-of-hours" : "always");
	print_time("on_call_from", windowed ? "ON CALL FROM" : NULL, zone, x->on_call_from, false);
	print_time("on_call_until", NULL, zone, x->on_call_until, false);
	time_to_go(x, now);
	out_row_end();
}

/* How the table gives way on a narrow terminal (common/out-fit.h): a
 * long rotation name is cut before anything goes; then the zone, the
 * tier, the end and when the holder may first be called. */
static const struct out_col columns[] = {
	{ "ROTATION", 0, OUT_CUT },
	{ "ZONE", 4, OUT_KEEP },
	{ "TIER", 3, OUT_KEEP },
	{ "END", 2, OUT_KEEP },
	{ "ON CALL FROM", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_next(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct person p;
	struct next_shift *v;
	const char *count_opt = cmd_opt(ctx, "count");
	int count = 5;
	bool windowed = false;
	size_t n;
	int r;

	if (count_opt != NULL && (r = count_arg(ctx, "--count", count_opt, 0, &count)) != 0)
		return r;
	if (argc > 2)
		return cmd_usage_error(ctx, "next takes at most one HANDLE");
	if ((r = roster_next(&s, argc == 2 ? argv[1] : NULL, (size_t)count, &p, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("%s has no shifts to come", p.handle);
	for (size_t i = 0; i < n; i++)
		windowed |= v[i].out_of_hours;
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++)
		print_shift(&v[i], &p, ctx->now, windowed);
	out_list_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_next_entry = {
	.name = "next",
	.args = "[HANDLE]",
	.options = (const struct cmd_option[]){
		{ "count", 0, "N", "show at most N shifts (default 5)", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "your (or HANDLE's) next shifts and how long until each",
	.help = "  HANDLE      whose shifts (default: yours)\n"
		"\n"
		"Times are in the person's own zone. A shift in a rotation covering out\n"
		"of hours shows ON CALL FROM, when its holder may first be called in it:\n"
		"the start of its first on-call window not yet over (the one in\n"
		"progress, or the next, once its offices close); IN counts down to it,\n"
		"and a window in progress shows how long is left of it (of the shift,\n"
		"in a rotation covering every hour). With --json, an array of {id,\n"
		"rotation, tier, person, start, end, origin, starts_in_seconds,\n"
		"covers, on_call_from, on_call_until, on_call_in_seconds} (UTC\n"
		"times; on_call_from null for a part wholly in business hours).\n",
	.flags = CMD_LOOKUP,
	.exec = exec_next,
};
