/* The schedule generator: who takes each shift of a term.
 *
 * Pure logic: members and slots in, one person per slot out. The rules are
 * DESIGN.md's "Rules of the schedule": the hard constraints of
 * constraints.h are never broken by a slot the generator fills; shift
 * counts, then weighted load, then time since the last shift, then a stable
 * hash decide who takes a slot; a choice that leaves a later slot with
 * nobody eligible is undone (bounded backtracking). Same input, same output. */
#ifndef ROTA_GENERATE_H
#define ROTA_GENERATE_H

#include <stddef.h>
#include <stdint.h>

#include "scheduler/constraints.h"

/* Budget used when gen_params.max_nodes <= 0. */
#define GEN_DEFAULT_MAX_NODES 200000L

/* A whole shift in shift counts, in the thousandths gen_slot.share uses. */
#define GEN_WHOLE_SHIFT 1000

struct gen_slot {
	int64_t start, end;		/* UTC; in time order, not overlapping */
	int64_t weight;			/* load units: 1000 + public-holiday extra */
	int64_t share;			/* thousandths of a shift it counts for in shift
					 * counts (a part of a week); 0: a whole shift */
	int64_t fixed_person;		/* kept as is (past, frozen, swapped, overridden); 0 = free */
	int64_t current_person;		/* existing assignment when re-generating; 0 = none */
};

struct gen_result {
	int64_t *person;		/* n_slots person ids; free with gen_result_free */
	long failed_slot;		/* -1 on success, else the first slot nobody can take */
	char reason[1024];		/* on failure: why, member by member */
	size_t n_changed;		/* slots whose person differs from current_person */
};

/* Fills every free slot (fixed_person == 0) with a member.
 *
 * A fresh run (no free slot has a current_person) walks the slots in time
 * order, giving each to the eligible member with the fewest shifts, then
 * the least weighted load (carry_load plus the weights of their slots), then
 * the longest time since their last shift, then the lowest
 * gen_tie_hash(handle, term_name); members who want recovery after a heavy
 * shift come last. Fixed slots are never changed, even when they break a
 * rule, and count in shift counts, loads and gaps from the start.
 *
 * Re-generation (some free slot has a current_person) keeps every current
 * assignment that is still valid and fills the rest; only when that is
 * impossible does it free the kept slots nearest the holes, a widening
 * window at a time, preferring each slot's current person when refilling.
 *
 * Shift counts add up the slots' shares, so a slot that is part of a week
 * counts as that part of a shift.
 *
 * Both then repair fairness: while some member has at least two shifts more
 * than another who could validly take one of their free slots, that slot
 * moves (preferring moves that restore or keep current assignments).
 *
 * max_nodes bounds the number of choices made (the greedy pass included).
 *
 * Returns 0 with out->person set (caller frees with gen_result_free) and
 * out->failed_slot == -1. Returns -1 when the term is infeasible, with
 * out->failed_slot the first slot the greedy pass could not fill and
 * out->reason naming each member and why they could not take it; or, with
 * failed_slot -1, when the input is malformed (slots out of order) or memory
 * ran out, reason saying which. out->person is NULL on failure. */
int gen_run(const struct gen_params *p, const struct gen_member *members,
    size_t n_members, const struct gen_slot *slots, size_t n_slots,
    struct gen_result *out);

/* Why slot K's current person does not hold it in the result PERSON (from
 * gen_run, n_slots entries): an enum gen_why code for the first hard rule
 * that stops them there, given the slots PERSON gives them, or GEN_OK when
 * none does (the slot moved for balance: fairness, or to make room for a
 * hole). GEN_NOT_MEMBER for someone who is not among the members. */
int gen_moved_why(const struct gen_params *p, const struct gen_member *members,
    size_t n_members, const struct gen_slot *slots, size_t n_slots,
    const int64_t *person, size_t k);

/* Frees what gen_run allocated in r (not r itself); safe to call twice. */
void gen_result_free(struct gen_result *r);

/* The deterministic tie-break: 64-bit FNV-1a of handle, a NUL byte, and
 * term_name (NULL reads as ""). */
uint64_t gen_tie_hash(const char *handle, const char *term_name);

#endif
