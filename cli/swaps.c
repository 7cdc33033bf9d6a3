/* Helpers of the swap and override commands: see swaps.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/swaps.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"

int
find_swap(struct ctx *ctx, const char *arg, struct swap *out)
{
	int64_t id;
	int r;

	if ((r = id_arg(ctx, "swap request", arg, &id)) != 0)
		return r;
	r = store_swap_get(ctx->db, id, out);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "unknown swap request %lld (see rota swap list)",
				 (long long)id);
	return r;
}

int
swap_shift(struct ctx *ctx, const struct swap *w, struct shift *out)
{
	int r = store_shift_get(ctx->db, w->shift_id, out);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_SOFTWARE, "swap request %lld: shift %lld is missing",
				 (long long)w->id, (long long)w->shift_id);
	return r;
}

int
swap_require_open(const struct swap *w)
{
	if (w->state == SWAP_OPEN)
		return 0;
	if (w->decided_by[0])
		return rota_fail(EX_DATAERR, "swap request %lld is no longer open (%s by %s)",
				 (long long)w->id, swap_state_name(w->state), w->decided_by);
	return rota_fail(EX_DATAERR, "swap request %lld is no longer open (%s)",
			 (long long)w->id, swap_state_name(w->state));
}

int
shift_require_future(struct ctx *ctx, const struct shift *sh, const char *what)
{
	char start[32];

	if (sh->start > ctx->now)
		return 0;
	time_format_utc(sh->start, start, sizeof start);
	return rota_fail(EX_DATAERR, "%s: shift %lld %s at %s: only shifts that have not "
			 "started can change hands", what, (long long)sh->id,
			 sh->end > ctx->now ? "started" : "ended", start);
}

json_t *
swap_to_json(const struct swap *w)
{
	return json_pack("{s:I, s:I, s:s, s:s?, s:s, s:s?}", "id", (json_int_t)w->id,
			 "shift", (json_int_t)w->shift_id, "from", w->requester,
			 "to", w->target_id ? w->target : NULL, "state",
			 swap_state_name(w->state),
			 "decided_by", w->decided_by[0] ? w->decided_by : NULL);
}

/* Start and end of SH: UTC ISO 8601 in JSON, the rotation's wall clock
 * with its zone in text. */
static void
shift_times(const struct shift *sh, char *start, char *end, size_t len)
{
	const struct tz_zone *zone = tz_lookup(sh->tz);
	char a[32], b[32];

	if (out_json()) {
		time_format_utc(sh->start, start, len);
		time_format_utc(sh->end, end, len);
		return;
	}
	if (zone == NULL)
		zone = tz_utc();
	time_format_local(sh->start, zone, a, sizeof a);
	time_format_local(sh->end, zone, b, sizeof b);
	snprintf(start, len, "%s %s", a, sh->tz);
	snprintf(end, len, "%s %s", b, sh->tz);
}

static void
swap_fields(const struct swap *w, const struct shift *sh, bool row)
{
	char start[128], end[128];

	shift_times(sh, start, end, sizeof start);
	out_int("id", row ? "ID" : "Swap request:", w->id);
	out_int("shift", row ? "SHIFT" : "Shift:", w->shift_id);
	out_str("rotation", row ? "ROTATION" : "Rotation:", sh->rotation);
	out_str("start", row ? "START" : "Start:", start);
	if (!row)
		out_str("end", "End:", end);
	else
		out_str("end", NULL, end);
	out_str("from", row ? "FROM" : "From:", w->requester);
	if (w->target_id)
		out_str("to", row ? "TO" : "To:", w->target);
	else if (out_json())
		out_null("to", NULL);
	else
		out_str(NULL, row ? "TO" : "To:", "anyone in the term");
	out_str("holder", row ? NULL : "Now held by:", sh->handle);
	out_str("state", row ? "STATE" : "State:", swap_state_name(w->state));
	out_str("decided_by", row ? "DECIDED BY" : "Decided by:",
		w->decided_by[0] ? w->decided_by : NULL);
}

void
print_swap(const struct swap *w, const struct shift *sh)
{
	out_object_begin(NULL);
	swap_fields(w, sh, false);
	out_object_end();
}

void
print_swap_row(const struct swap *w, const struct shift *sh)
{
	out_row_begin();
	swap_fields(w, sh, true);
	out_row_end();
}

void
print_shift_object(const struct shift *sh)
{
	char start[128], end[128];

	shift_times(sh, start, end, sizeof start);
	out_object_begin(NULL);
	out_int("id", "Shift:", sh->id);
	out_str("rotation", "Rotation:", sh->rotation);
	out_str("tier", "Tier:", tier_name(sh->tier));
	out_str("person", "Person:", sh->handle);
	out_str("start", "Start:", start);
	out_str("end", "End:", end);
	out_str("origin", "Origin:", origin_name(sh->origin));
	out_object_end();
}

int
swap_may_answer(struct ctx *ctx, const struct swap *w, const struct shift *sh,
		const char *verb)
{
	const struct person *me = &ctx->actor.person;
	struct membership m;
	int r;

	if (w->target_id != 0) {
		if (w->target_id == me->id)
			return 0;
		return rota_fail(EX_NOPERM, "swap request %lld asks %s, not you (%s): only "
				 "%s may %s it", (long long)w->id, w->target, me->handle,
				 w->target, verb);
	}
	if (w->requester_id == me->id)
		return rota_fail(EX_NOPERM, "swap request %lld is your own: you may cancel "
				 "it (rota swap cancel %lld), not %s it", (long long)w->id,
				 (long long)w->id, verb);
	r = store_member_get(ctx->db, sh->term_id, me->id, &m);
	if (r > STORE_NOT_FOUND)
		return r;
	if (r == STORE_NOT_FOUND || m.left <= ctx->now)
		return rota_fail(EX_NOPERM, "swap request %lld is open to members of term %s, "
				 "and you (%s) are not one", (long long)w->id, sh->term,
				 me->handle);
	return 0;
}
