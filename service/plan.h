/* The glue between the store and the generator (scheduler/generate.h):
 * loads a term's rotation, weeks, members, their leave, their shifts in
 * the other tier, their load from earlier terms and the public holidays
 * of their offices; runs gen_run; writes what changed. Also the checks
 * behind `rota schedule check`.
 *
 * Needs no CLI context (struct ctx), so benchmarks and other commands can
 * call it directly. Nothing here prints, except the store and the
 * configuration on their own errors (database, bad setting).
 *
 * Settings, each [rotation "NAME"] KEY, else [schedule] KEY, else the
 * default (rota.conf(5)):
 *   freeze_days                existing shifts starting before now + this
 *                              many days are kept as they are (14)
 *   min_gap_shifts             shifts off between two shifts of one person,
 *                              where the team has 3 or more members (1)
 *   recovery_shifts            extra shifts off wanted after a heavy shift (1)
 *   heavy_sleep_interruptions  pages classed 'sleep' that make a shift
 *                              heavy (3)
 *   holiday_weight             extra load, in percent of an ordinary week,
 *                              for each public holiday in a week (50)
 *
 * Holiday weight: a week (slot) weighs 1000 load units plus
 * 10 * holiday_weight for each distinct public-holiday date of a member's
 * office whose midday (12:00 in the office's zone) falls inside it. With
 * the default 50, a week holding Christmas Day and St Stephen's Day
 * weighs 2000, as much as two ordinary weeks. */
#ifndef ROTA_PLAN_H
#define ROTA_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sysexits.h>              /* the statuses returned here */

#include "common/config.h"
#include "model/model.h"
#include "store/store.h"

#define PLAN_FREEZE_DAYS 14
#define PLAN_MIN_GAP_SHIFTS 1
#define PLAN_RECOVERY_SHIFTS 1
#define PLAN_HEAVY_SLEEP_INTERRUPTIONS 3
#define PLAN_HOLIDAY_WEIGHT 50
/* The load of an ordinary week, in load units. */
#define PLAN_WEEK_LOAD 1000

struct plan_settings {
	long freeze_days;
	long min_gap_shifts;
	long recovery_shifts;
	long heavy_sleep_interruptions;
	long holiday_weight;
};

/* The settings of ROTATION (a name); CFG may be NULL (defaults). 0, or
 * EX_CONFIG after printing which setting is wrong. */
int plan_settings_get(const struct config *cfg, const char *rotation,
		      struct plan_settings *out);

/* The load of one slot: PLAN_WEEK_LOAD + 10 * holiday_weight * holidays. */
int64_t plan_slot_weight(long holiday_weight, int holidays);

/* For each of the N time ranges [START[i], END[i]) (UTC, sorted by start,
 * not overlapping: a term's weeks, or its shifts), the distinct
 * public-holiday dates of the offices of term TERM_ID's members whose
 * midday (12:00 in the office's zone) falls inside it; the same date in
 * two offices counts once. COUNTS gets N entries. The one holiday rule of
 * generation and `report fairness`. 0 or a store status. */
int plan_holiday_counts(struct store *db, int64_t term_id, const int64_t *start,
			const int64_t *end, size_t n, int *counts);

/* Why re-generation keeps SH as it is: "swapped", "overridden", "split"
 * (a part of its week, not all of it), "started" or "frozen" (starts
 * inside the freeze horizon of SET); NULL when the generator may give it
 * to someone else. */
const char *plan_kept_why(const struct shift *sh, const struct plan_settings *set,
			  int64_t now);

/* The reasons a week is kept, plan_kept_why's words, in the order of
 * plan_diff.kept_by. */
#define PLAN_N_KEPT 5
extern const char *const plan_kept_words[PLAN_N_KEPT];

/* One week whose person changes, or the rest of a week in progress that
 * nobody covered (start > slot_start: from now to the next handoff). */
struct plan_change {
	int64_t shift_id;               /* the shift changed or inserted (0 on a dry run's insert) */
	int slot;                       /* week index in the term, from 0 */
	int64_t slot_start, slot_end;   /* the week, UTC */
	int64_t start, end;             /* what changes hands, UTC: never before now */
	int64_t old_person;             /* 0: no shift before (or a cancelled one) */
	int64_t new_person;
	char old_handle[HANDLE_MAX];    /* "" when old_person is 0 */
	char new_handle[HANDLE_MAX];
	/* Why: "uncovered" (nobody held it), "cancelled" (its shift was
	 * cancelled), or why old_person could not keep it: "leave", "gap",
	 * "other_tier", "not_manager", "not_member" (their membership does
	 * not cover it), "balance" (none of those: evening out the load, or
	 * making room where a week had to move). */
	const char *why;
};

struct plan_diff {
	struct rotation rotation;       /* the term's */
	size_t n_slots;                 /* weeks in the term */
	size_t n_fixed;                 /* weeks kept as they were */
	size_t kept_by[PLAN_N_KEPT];    /* n_fixed by reason, as plan_kept_words */
	struct plan_change *changes;    /* in time order; free with plan_diff_free */
	size_t n_changes;
	/* When infeasible: the first week nobody can take (-1 when the search
	 * gave up without one) and why, member by member. */
	long failed_slot;
	int64_t failed_start, failed_end;
	char reason[1024];
};

/* Generates (or re-generates) the schedule of term T at time NOW.
 *
 * Keeps every week that has started, starts inside the freeze horizon,
 * was swapped or overridden, or is split into parts (the generator counts
 * a kept week for the person who holds most of it); keeps every other
 * current assignment that is still valid where it can, and fills the rest
 * by the generator's rules: weeks with no shift, or a cancelled one, that
 * have not started are filled, inside the freeze horizon too; the week in
 * progress, when nobody covers it at cover_earliest(NOW), is covered from
 * then to its next part or handoff, as a part of its week. Nothing written
 * starts before NOW. With APPLY, writes the changes (new shifts and parts,
 * shifts given to someone else, cancelled shifts refilled; open swap
 * requests of a shift that changes hands are closed) inside the caller's
 * transaction; without, changes nothing. Loads the term's parts in one
 * query, never one per week.
 *
 * Returns 0 with *out filled; EX_DATAERR when no schedule meets the hard
 * constraints, with out->failed_slot, failed_start/end and reason set,
 * nothing printed and nothing written; or another exit status after
 * printing (database error EX_SOFTWARE/EX_TEMPFAIL, bad setting
 * EX_CONFIG, unknown rotation zone EX_DATAERR with failed_slot -1 and
 * reason empty). Free *out with plan_diff_free in every case. */
int plan_generate(struct store *db, const struct config *cfg, const struct term *t,
		  int64_t now, bool apply, struct plan_diff *out);

void plan_diff_free(struct plan_diff *d);

enum plan_problem_kind {
	PLAN_UNCOVERED,                 /* a window nobody covers */
	PLAN_LEAVE,                     /* a shift overlaps its person's leave */
	PLAN_OTHER_TIER,                /* its person is on call in the other tier too */
	PLAN_NOT_MANAGER,               /* escalation shift held by a non-manager */
	PLAN_GAP,                       /* closer than the minimum gap to the same person's previous */
};

/* "uncovered", "leave", "other_tier", "not_manager", "gap". */
const char *plan_problem_name(enum plan_problem_kind k);

struct plan_problem {
	enum plan_problem_kind kind;
	char term[NAME_MAX_];
	char rotation[NAME_MAX_];
	char tz[TZ_MAX];                /* the rotation's */
	int64_t shift_id;               /* 0 for a window with no shift */
	char handle[HANDLE_MAX];        /* "" when nobody */
	int64_t start, end;             /* the window or shift, UTC */
	char detail[256];               /* plain words */
	/* The command that would fix it: an override of the shift, or of the
	 * window, to a member who may take it ("HANDLE" when none may). */
	char fix[NAME_MAX_ + HANDLE_MAX + 96];
};

/* Appends to *v (*n entries; start with NULL and 0, free() at the end) the
 * problems of term T from cover_earliest(NOW) on, in time order: what
 * happened before can no longer be changed. Each part of a week is
 * checked for its holder (leave, the other tier, managers only, left the
 * term, the minimum gap); windows of a week that no part covers are
 * listed, whole weeks or not. 0, or an exit status after printing. */
int plan_check(struct store *db, const struct config *cfg, const struct term *t,
	       int64_t now, struct plan_problem **v, size_t *n);

#endif
