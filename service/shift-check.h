/* Whether one person may take one shift: the hard constraints of
 * DESIGN.md ("Rules of the schedule") checked against what the store holds
 * now, for swap request/accept, override and swap suggest.
 *
 * shift_check() reads the person's membership of the shift's term, their
 * manager flag (escalation tier), their leave, their shifts in the other
 * tier at that time and their own shifts in the rotation (minimum gap:
 * min_gap_shifts of plan_settings_get, service/plan.h, applied when 3
 * or more members can serve in the term), and asks
 * scheduler/constraints.h gen_check_member for the verdict. It needs only
 * the store and the configuration (no command context), so unit tests can
 * call it on a database they built through the store API. */
#ifndef ROTA_SERVICE_SHIFT_CHECK_H
#define ROTA_SERVICE_SHIFT_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "common/config.h"
#include "model/model.h"
#include "store/store.h"

struct shift_verdict {
	int code;			/* enum gen_why: GEN_OK (0) when they may take it */
	char why[256];			/* plain English, "" when they may */
	bool elsewhere;			/* on call in another rotation of the same tier then */
	int64_t nearest;		/* seconds between the shift and their nearest own
					 * shift in the rotation (before or after); -1: none */
	int64_t nearest_shift_id;	/* that shift, 0 when none */
};

/* Checks whether P may take SH (whoever holds it now). Returns 0 with OUT
 * filled, or an exit status after printing why (database or configuration
 * error). The shift itself never counts against P. */
int shift_check(struct store *db, const struct config *cfg, const struct shift *sh,
		const struct person *p, struct shift_verdict *out);

#endif
