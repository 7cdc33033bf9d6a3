/* How the swap and override commands print: see swaps.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/swaps.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/swap.h"

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
	struct shift asked = *sh;       /* the time asked for */
	char start[128], end[128];

	if (w->from != 0 && w->to != 0) {
		asked.start = w->from;
		asked.end = w->to;
	}
	shift_times(&asked, start, end, sizeof start);
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
swap_decision_exec(struct ctx *ctx, int argc, char **argv)
{
	const char *verb = strchr(ctx->entry->name, ' ') + 1;
	struct svc s = cmd_svc(ctx);
	struct swap w;
	struct shift sh;
	int64_t id;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "swap %s takes one swap request ID", verb);
	if ((r = id_arg(ctx, "swap request", argv[1], &id)) != 0)
		return r;
	if (strcmp(verb, "cancel") == 0)
		r = swap_cancel(&s, id, &w, &sh);
	else
		r = swap_answer(&s, id, strcmp(verb, "accept") == 0 ? SWAP_ANSWER_ACCEPT :
				SWAP_ANSWER_DECLINE, &w, &sh);
	if (r == 0)
		print_swap(&w, &sh);
	return r;
}
