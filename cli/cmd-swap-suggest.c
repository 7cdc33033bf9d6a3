/* rota swap suggest: who could take a shift, best first. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/swap.h"

static void
print_candidate(size_t rank, const struct swap_candidate *c)
{
	const struct tz_zone *zone = tz_lookup(c->nearest.tz);
	char when[32];

	out_row_begin();
	out_int("rank", "RANK", (int64_t)rank);
	out_str("person", "PERSON", c->person.handle);
	if (c->verdict.nearest < 0) {
		out_null("nearest_shift", "NEAREST SHIFT");
		out_null("nearest_start", NULL);
		out_null("distance_days", "DAYS AWAY");
	} else {
		if (out_json())
			time_format_utc(c->nearest.start, when, sizeof when);
		else
			time_format_local(c->nearest.start, zone ? zone :
					  tz_utc(), when, sizeof when);
		out_int("nearest_shift", NULL, c->nearest.id);
		out_str("nearest_start", "NEAREST SHIFT", when);
		out_real("distance_days", "DAYS AWAY", (double)c->verdict.nearest / 86400.0, 1);
	}
	out_row_end();
}

/* How the table gives way on a narrow terminal (common/out-fit.h): the
 * rank, who (cut) and how far from their own shift stay; the time of
 * that shift goes. */
static const struct out_col columns[] = {
	{ "PERSON", 0, OUT_CUT },
	{ "NEAREST SHIFT", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_swap_suggest(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct swap_candidate *v;
	struct shift sh;
	size_t n, takers;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap suggest takes one SHIFT (an id or a time inside it)");
	if ((r = find_shift(ctx, argv[1], ctx->actor.known ? ctx->actor.person.id : 0,
			    &sh)) != 0 ||
	    (r = swap_suggest(&s, &sh, &v, &n, &takers)) != 0)
		return r;
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < takers; i++)
		print_candidate(i + 1, &v[i]);
	for (size_t i = takers; i < n; i++)
		out_note("Not %s: %s.", v[i].person.handle, v[i].verdict.code != 0 ?
			 v[i].verdict.why : "on call in another rotation at the same time");
	if (takers == 0)
		out_note("Nobody else in term %s can take shift %lld.", sh.term,
			 (long long)sh.id);
	out_list_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_swap_suggest_entry = {
	.name = "swap suggest",
	.args = "SHIFT|DATE",
	.summary = "who could take a shift, best first",
	.help = "  SHIFT|DATE   the shift's id (rota schedule show), or a time inside it\n"
		"\n"
		"Lists the members of the shift's term who are free then, not on leave\n"
		"and meet the hard rules (minimum gap, other tier, managers only in the\n"
		"escalation tier), farthest from their own nearest shift first (before\n"
		"or after; nobody with no other shift comes first). DAYS AWAY is the time\n"
		"between the two shifts. Those who cannot take it are named below the\n"
		"list with the reason.\n",
	.exec = exec_swap_suggest,
};
