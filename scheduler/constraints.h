/* Hard constraints of the schedule, shared by the generator, swap accept,
 * override, swap suggest and schedule check.
 *
 * Pure logic: plain structs in, a verdict out; no allocation anywhere in
 * this module. Times are UTC seconds, intervals half-open [start, end). */
#ifndef ROTA_CONSTRAINTS_H
#define ROTA_CONSTRAINTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A week may be 167 or 169 hours long across a DST change: gaps measured
 * in time allow this much slack. */
#define GEN_DST_TOLERANCE 7200

struct gen_interval {
	int64_t start, end;		/* half-open [start, end) UTC seconds */
};

struct gen_member {
	int64_t person_id;		/* > 0 */
	const char *handle;		/* seeds the deterministic tie-break hash */
	bool is_manager;
	const struct gen_interval *leave;	/* leave: hard */
	size_t n_leave;
	const struct gen_interval *busy;	/* shifts in the other tier: hard */
	size_t n_busy;
	int64_t member_from, member_until;	/* INT64_MIN / INT64_MAX when open */
	int64_t carry_load;		/* load units (1000 = one ordinary week) */
	int64_t last_shift_end;		/* latest shift before the slots, or INT64_MIN */
	bool last_shift_heavy;		/* that shift wants recovery time */
};

struct gen_params {
	bool escalation;		/* escalation tier: managers only */
	int min_gap_shifts;		/* shifts off between two shifts of one person */
	int recovery_shifts;		/* extra shifts off wanted after a heavy shift (soft) */
	int64_t shift_seconds;		/* nominal shift length, 7 * 86400 */
	const char *term_name;		/* seeds the tie-break hash with the handle */
	long max_nodes;			/* backtracking budget */
};

/* Why a member cannot take a shift; 0 means they can. */
enum gen_why {
	GEN_OK = 0,
	GEN_NOT_MEMBER,			/* outside the membership window */
	GEN_NOT_MANAGER,		/* escalation tier is managers only */
	GEN_ON_LEAVE,
	GEN_BUSY,			/* on call in the other tier then */
	GEN_GAP_BEFORE,			/* an own shift ends too shortly before */
	GEN_GAP_AFTER,			/* an own shift starts too shortly after */
};

/* The least distance, in seconds, from the end of one shift to the start of
 * the next shift of the same person: min_gap_shifts * shift_seconds less the
 * DST tolerance. */
int64_t gen_gap_seconds(const struct gen_params *p);

/* Whether the minimum gap applies in a term [term_start, term_end): it does
 * when min_gap_shifts > 0 and at least 3 members can serve in the term
 * (managers only in the escalation tier, a non-empty membership window meeting the term). */
bool gen_gap_applies(const struct gen_params *p, const struct gen_member *members,
    size_t n_members, int64_t term_start, int64_t term_end);

/* Whether [a_start, a_end) and [b_start, b_end) of one person are far enough
 * apart, in either order. Overlapping shifts are never far enough. */
bool gen_gap_ok(const struct gen_params *p, int64_t a_start, int64_t a_end,
    int64_t b_start, int64_t b_end);

/* The checks that do not depend on the person's other shifts in this
 * rotation: membership window, managers only, leave, other tier. Returns 0
 * or an enum gen_why code; when why is not NULL, writes a plain-English
 * reason (empty when 0) into why, truncated to whylen. */
int gen_check_fixed_rules(const struct gen_params *p, const struct gen_member *m,
    int64_t start, int64_t end, char *why, size_t whylen);

/* Why member m cannot take [start, end): 0 if they can, otherwise an enum
 * gen_why code, with a plain-English reason written into why when why is
 * not NULL. own_shifts holds m's other shifts in this rotation (any order;
 * the shift itself must not be among them); with m->last_shift_end they are
 * checked for the minimum gap, before and after, when gap_applies. */
int gen_check_member(const struct gen_params *p, const struct gen_member *m,
    int64_t start, int64_t end, const struct gen_interval *own_shifts,
    size_t n_own, bool gap_applies, char *why, size_t whylen);

/* Whether m should rather rest than take a shift starting at start: their
 * last shift before the slots was heavy and ended less than (minimum gap +
 * recovery_shifts) shifts earlier. A soft rule: callers break it only when
 * nobody else can take the shift. */
bool gen_wants_recovery(const struct gen_params *p, const struct gen_member *m,
    int64_t start, bool gap_applies);

#endif
