/* rota swap suggest: who could take a shift, best first. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "service/shift-check.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"

struct candidate {
	struct person p;
	struct shift_verdict v;
	struct shift nearest;		/* when v.nearest >= 0 */
};

/* Farthest from their own nearest shift first (none at all is farthest),
 * then by handle. */
static int
by_distance(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	int64_t dx = x->v.nearest < 0 ? INT64_MAX : x->v.nearest;
	int64_t dy = y->v.nearest < 0 ? INT64_MAX : y->v.nearest;

	if (dx != dy)
		return dx > dy ? -1 : 1;
	return strcmp(x->p.handle, y->p.handle);
}

static void
print_candidate(size_t rank, const struct candidate *c)
{
	const struct tz_zone *zone = tz_lookup(c->nearest.tz);
	char when[32];

	out_row_begin();
	out_int("rank", "RANK", (int64_t)rank);
	out_str("person", "PERSON", c->p.handle);
	if (c->v.nearest < 0) {
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
		out_real("distance_days", "DAYS AWAY", (double)c->v.nearest / 86400.0, 1);
	}
	out_row_end();
}

/* Fills *v with every current member of SH's term but its holder, checked. */
static int
candidates(struct ctx *ctx, const struct shift *sh, struct candidate **v, size_t *n,
	   size_t *n_all)
{
	struct membership *m;
	size_t nm;
	int r;

	*v = NULL;
	*n = *n_all = 0;
	if ((r = store_member_list(ctx->db, sh->term_id, &m, &nm)) != 0)
		return r;
	*v = calloc(nm + 1, sizeof **v);
	if (*v == NULL) {
		free(m);
		return rota_fail(EX_OSERR, "out of memory");
	}
	for (size_t i = 0; i < nm && r == 0; i++) {
		struct candidate *c = &(*v)[*n];

		if (m[i].person_id == sh->person_id || m[i].left <= ctx->now)
			continue;
		(*n_all)++;
		if ((r = store_person_get_id(ctx->db, m[i].person_id, &c->p)) != 0 ||
		    (r = shift_check(ctx->db, ctx->cfg, sh, &c->p, &c->v)) != 0)
			break;
		if (c->v.code != 0 || c->v.elsewhere) {
			out_note("Not %s: %s.", c->p.handle, c->v.code != 0 ? c->v.why :
				 "on call in another rotation at the same time");
			continue;
		}
		if (c->v.nearest >= 0)
			r = store_shift_get(ctx->db, c->v.nearest_shift_id, &c->nearest);
		(*n)++;
	}
	free(m);
	return r;
}

static int
exec_swap_suggest(struct ctx *ctx, int argc, char **argv)
{
	struct candidate *v = NULL;
	struct shift sh;
	size_t n, n_all;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap suggest takes one SHIFT (an id or a time inside it)");
	if ((r = find_shift(ctx, argv[1], ctx->actor.known ? ctx->actor.person.id : 0,
			    &sh)) != 0)
		return r;
	out_list_begin(NULL, NULL);
	if ((r = candidates(ctx, &sh, &v, &n, &n_all)) == 0) {
		qsort(v, n, sizeof *v, by_distance);
		for (size_t i = 0; i < n; i++)
			print_candidate(i + 1, &v[i]);
		if (n == 0)
			out_note("Nobody else in term %s can take shift %lld.", sh.term,
				 (long long)sh.id);
	}
	out_list_end();
	free(v);
	return r;
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
