/* rota schedule check: weeks nobody covers and shifts that break a hard
 * rule since they were made. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/schedule.h"

static void
print_problem(const struct plan_problem *p)
{
	const struct tz_zone *zone = tz_lookup(p->tz);
	char start[32], end[32];

	if (zone == NULL)
		zone = tz_utc();
	out_row_begin();
	out_str("term", "TERM", p->term);
	out_str("rotation", NULL, p->rotation);
	out_str("problem", "PROBLEM", plan_problem_name(p->kind));
	if (p->shift_id != 0)
		out_int("shift", "SHIFT", p->shift_id);
	else
		out_null("shift", "SHIFT");
	out_str("person", "PERSON", p->handle[0] ? p->handle : NULL);
	time_format_local(p->start, zone, start, sizeof start);
	out_str(NULL, "FROM", start);
	time_format_local(p->end, zone, end, sizeof end);
	out_str(NULL, "TO", end);
	time_format_utc(p->start, start, sizeof start);
	time_format_utc(p->end, end, sizeof end);
	out_str("start", NULL, start);
	out_str("end", NULL, end);
	out_str("detail", "DETAIL", p->detail);
	out_str("fix", NULL, p->fix);
	out_row_end();
}

/* How the table gives way on a narrow terminal (common/out-fit.h): the
 * problem, the shift, whose it is and the detail (wrapped) stay; the
 * term goes first, then the end and the start (the detail says when);
 * then a long handle is cut. */
static const struct out_col columns[] = {
	{ "DETAIL", 0, OUT_WRAP },
	{ "PERSON", 0, OUT_CUT },
	{ "TERM", 3, OUT_KEEP },
	{ "TO", 2, OUT_KEEP },
	{ "FROM", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_schedule_check(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct plan_problem *v;
	size_t n;
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "schedule check takes at most one TERM");
	if ((r = schedule_check(&s, argc == 2 ? argv[1] : NULL, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("no problems");
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++)
		print_problem(&v[i]);
	out_list_end();
	free(v);
	/* Problems are the answer, and a failure for scripts that ask. */
	return n > 0 ? rota_fail(EX_DATAERR, "%zu problem%s found", n, n == 1 ? "" : "s") : 0;
}

const struct cmd_entry cmd_schedule_check_entry = {
	.name = "schedule check",
	.args = "[TERM]",
	.summary = "list uncovered windows and shifts that break a rule",
	.help = "  TERM   only this term (default: every term not yet over)\n"
		"\n"
		"Looks at the term from now on (what is over can no longer change) and\n"
		"checks each shift, or each part of a week split between people:\n"
		"  uncovered    a window nobody covers: a week with no shift (not\n"
		"               generated, or cancelled), part of a week, or a shift\n"
		"               held by someone who has left the term\n"
		"  leave        a shift that overlaps its person's leave\n"
		"  other_tier   its person is on call in the other tier at the same time\n"
		"  not_manager  an escalation shift held by someone who is not a manager\n"
		"  gap          closer than min_gap_shifts to the person's previous shift\n"
		"Fix them with rota schedule generate TERM, rota swap or rota override;\n"
		"--json gives each problem's \"fix\", the override that would fix it.\n"
		"\n"
		"Exits 0 and prints \"no problems\" when there are none; otherwise\n"
		"prints them and exits 65.\n",
	.exec = exec_schedule_check,
};
