/* The schedule as a manager runs it: generate (or re-generate) a term's
 * weeks, and check what breaks a hard rule since. service/plan.h does the
 * planning; these add who may, the audit event, the words of a term that
 * cannot be scheduled and the shifts kept on leave. See service/service.h
 * for the conventions. */
#ifndef ROTA_SERVICE_SCHEDULE_H
#define ROTA_SERVICE_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

#include "service/plan.h"
#include "service/service.h"

/* A problem generation left as it was: in a week the generator may not
 * change, to fix with the override it names. */
struct schedule_unfixed {
	struct plan_problem problem;    /* problem.fix: the command that would fix it */
	const char *kept;               /* plan_kept_words: why the week is kept */
};

struct schedule_result {
	struct term term;
	struct plan_diff diff;          /* what changed (or would, on a dry run) */
	struct schedule_unfixed *unfixed;   /* in time order */
	size_t n_unfixed;
};

/* Generates the schedule of TERM (managers only): with DRY_RUN changes
 * nothing. A term that cannot be scheduled is EX_DATAERR, naming the week
 * and why, and nothing is changed. What schedule check would still find
 * afterwards is listed in out->unfixed, and goes to the sink as one
 * warning. Free *out with schedule_result_free in every case. */
int schedule_generate(const struct svc *s, const char *term, bool dry_run,
		      struct schedule_result *out);
void schedule_result_free(struct schedule_result *r);

/* The problems (plan_check) of TERM, or with NULL of every term not over,
 * in time order; *v (*n entries) is free()d by the caller. */
int schedule_check(const struct svc *s, const char *term, struct plan_problem **v,
		   size_t *n);

#endif
