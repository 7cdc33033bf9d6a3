/* The schedule generator: see generate.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "scheduler/generate.h"

#define SLOT_EMPTY	(-1)	/* nobody yet */
#define SLOT_OUTSIDER	(-2)	/* fixed to someone who is not a member of the term */

/* Everything one gen_run works on. The arrays are owned by the struct and
 * released by search_free; the inputs are borrowed from the caller. */
struct search {
	const struct gen_params *p;
	const struct gen_member *mem;
	size_t nm;
	const struct gen_slot *slot;
	size_t ns;
	bool gap_applies;
	int64_t need;		/* gen_gap_seconds */
	long budget;

	uint64_t *hash;		/* [nm] tie-break per member */
	unsigned char *ok;	/* [ns * nm] fixed rules (leave, tier, window) pass */
	int *cur;		/* [ns] member index of current_person, or -1 */
	int *assign;		/* [ns] member index, SLOT_EMPTY or SLOT_OUTSIDER */
	int64_t *count;		/* [nm] shifts held, in thousandths (gen_slot.share) */
	int64_t *load;		/* [nm] carry_load plus the weights of the shifts held */

	/* Depth-first search over the free slots; depth d is slot free[d]. */
	size_t *free;		/* [ns] */
	size_t n_free;
	int *cand;		/* [ns * nm] candidates at depth d, best first */
	int *n_cand;		/* [ns] */
	int *tried;		/* [ns] candidates tried so far at depth d */
	int64_t *last;		/* [ns * nm] end of each member's latest shift before free[d] */
	long nodes;

	long failed_slot;	/* first dead end of the greedy pass, or -1 */
	char reason[sizeof(((struct gen_result *)0)->reason)];
	struct gen_interval *own;	/* [ns] scratch for writing reasons */
};

/* Folds n bytes into the 64-bit FNV-1a hash h. */
static uint64_t
fnv1a(uint64_t h, const void *bytes, size_t n)
{
	const unsigned char *b = bytes;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

uint64_t
gen_tie_hash(const char *handle, const char *term_name)
{
	uint64_t h = 14695981039346656037ULL;

	handle = handle ? handle : "";
	term_name = term_name ? term_name : "";
	/* The NUL between keeps ("ab", "c") apart from ("a", "bc"). */
	h = fnv1a(h, handle, strlen(handle) + 1);
	return fnv1a(h, term_name, strlen(term_name));
}

/* Appends formatted text to the NUL-terminated buf of len bytes, cutting it
 * off when full. buf is the caller's. */
static void __attribute__((format(printf, 3, 4)))
append(char *buf, size_t len, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used + 1 >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + used, len - used, fmt, ap);
	va_end(ap);
}

/* Releases the arrays of s (not s itself). */
static void
search_free(struct search *s)
{
	free(s->hash);
	free(s->ok);
	free(s->cur);
	free(s->assign);
	free(s->count);
	free(s->load);
	free(s->free);
	free(s->cand);
	free(s->n_cand);
	free(s->tried);
	free(s->last);
	free(s->own);
}

/* Allocates the arrays of s for ns slots and nm members (released by
 * search_free). */
static void
search_alloc(struct search *s)
{
	size_t ns = s->ns ? s->ns : 1, nm = s->nm ? s->nm : 1;

	s->hash = xcalloc(nm, sizeof *s->hash);
	s->ok = xcalloc(ns * nm, sizeof *s->ok);
	s->cur = xcalloc(ns, sizeof *s->cur);
	s->assign = xcalloc(ns, sizeof *s->assign);
	s->count = xcalloc(nm, sizeof *s->count);
	s->load = xcalloc(nm, sizeof *s->load);
	s->free = xcalloc(ns, sizeof *s->free);
	s->cand = xcalloc(ns * nm, sizeof *s->cand);
	s->n_cand = xcalloc(ns, sizeof *s->n_cand);
	s->tried = xcalloc(ns, sizeof *s->tried);
	s->last = xcalloc(ns * nm, sizeof *s->last);
	s->own = xcalloc(ns, sizeof *s->own);
}

/* Index in s->mem of person_id, or -1. */
static int
member_index(const struct search *s, int64_t person_id)
{
	for (size_t j = 0; j < s->nm; j++) {
		if (s->mem[j].person_id == person_id)
			return (int)j;
	}
	return -1;
}

/* Fills the per-run tables that do not change during the search. */
static void
search_prepare(struct search *s)
{
	int64_t term_start = s->ns ? s->slot[0].start : 0;
	int64_t term_end = s->ns ? s->slot[s->ns - 1].end : 0;

	s->gap_applies = gen_gap_applies(s->p, s->mem, s->nm, term_start, term_end);
	s->need = gen_gap_seconds(s->p);
	s->budget = s->p->max_nodes > 0 ? s->p->max_nodes : GEN_DEFAULT_MAX_NODES;
	for (size_t j = 0; j < s->nm; j++)
		s->hash[j] = gen_tie_hash(s->mem[j].handle, s->p->term_name);
	for (size_t i = 0; i < s->ns; i++) {
		const struct gen_slot *sl = &s->slot[i];

		s->cur[i] = sl->current_person ? member_index(s, sl->current_person) : -1;
		for (size_t j = 0; j < s->nm; j++) {
			s->ok[i * s->nm + j] = gen_check_fixed_rules(s->p, &s->mem[j],
			    sl->start, sl->end, NULL, 0) == GEN_OK;
		}
	}
}

/* Whether member j may take slot i as far as the minimum gap goes, given
 * every slot assigned so far (before and after i) and their last shift
 * before the term. Slots are in time order, so only the slots closer than
 * the gap on either side need looking at. */
static bool
gap_fine(const struct search *s, size_t i, int j)
{
	const struct gen_slot *sl = s->slot;
	int64_t last = s->mem[j].last_shift_end;

	if (!s->gap_applies)
		return true;
	if (last != INT64_MIN && sl[i].start - last < s->need)
		return false;
	for (size_t k = i; k-- > 0 && sl[i].start - sl[k].end < s->need; ) {
		if (s->assign[k] == j)
			return false;
	}
	for (size_t k = i + 1; k < s->ns && sl[k].start - sl[i].end < s->need; k++) {
		if (s->assign[k] == j)
			return false;
	}
	return true;
}

/* Whether member j may take slot i under every hard rule. */
static bool
can_take(const struct search *s, size_t i, int j)
{
	return s->ok[i * s->nm + (size_t)j] && gap_fine(s, i, j);
}

/* Whether member j would rather rest than take slot i (soft rule). */
static bool
recovering(const struct search *s, size_t i, int j)
{
	return gen_wants_recovery(s->p, &s->mem[j], s->slot[i].start, s->gap_applies);
}

/* What slot i adds to its holder's shift count. */
static int64_t
share(const struct search *s, size_t i)
{
	return s->slot[i].share > 0 ? s->slot[i].share : GEN_WHOLE_SHIFT;
}

/* Gives slot i to member j (a member index or SLOT_OUTSIDER). */
static void
place(struct search *s, size_t i, int j)
{
	s->assign[i] = j;
	if (j >= 0) {
		s->count[j] += share(s, i);
		s->load[j] += s->slot[i].weight;
	}
}

/* Takes slot i back from whoever holds it. */
static void
unplace(struct search *s, size_t i)
{
	int j = s->assign[i];

	if (j >= 0) {
		s->count[j] -= share(s, i);
		s->load[j] -= s->slot[i].weight;
	}
	s->assign[i] = SLOT_EMPTY;
}

/* Empties every slot, then places the fixed slots and, when keep is not
 * NULL, the slots with keep[i] set to their current person. */
static void
reset_state(struct search *s, const bool *keep)
{
	for (size_t j = 0; j < s->nm; j++) {
		s->count[j] = 0;
		s->load[j] = s->mem[j].carry_load;
	}
	for (size_t i = 0; i < s->ns; i++) {
		int64_t fixed = s->slot[i].fixed_person;
		int j;

		s->assign[i] = SLOT_EMPTY;
		if (fixed != 0) {
			j = member_index(s, fixed);
			place(s, i, j >= 0 ? j : SLOT_OUTSIDER);
		} else if (keep != NULL && keep[i]) {
			place(s, i, s->cur[i]);
		}
	}
	s->n_free = 0;
	for (size_t i = 0; i < s->ns; i++) {
		if (s->assign[i] == SLOT_EMPTY)
			s->free[s->n_free++] = i;
	}
	s->nodes = 0;
	s->failed_slot = -1;
	s->reason[0] = '\0';
}

/* Whether candidate a should be tried before candidate b for slot i;
 * last is the row of latest shift ends before slot i. */
static bool
better(const struct search *s, size_t i, const int64_t *last, int a, int b)
{
	bool ra = recovering(s, i, a), rb = recovering(s, i, b);

	if (ra != rb)
		return rb;
	if ((s->cur[i] == a) != (s->cur[i] == b))
		return s->cur[i] == a;
	if (s->count[a] != s->count[b])
		return s->count[a] < s->count[b];
	if (s->load[a] != s->load[b])
		return s->load[a] < s->load[b];
	if (last[a] != last[b])
		return last[a] < last[b];
	if (s->hash[a] != s->hash[b])
		return s->hash[a] < s->hash[b];
	return a < b;
}

/* Writes into s->reason why nobody can take slot i in the current state:
 * each member and the first rule that stops them. */
static void
record_failure(struct search *s, size_t i)
{
	const struct gen_slot *sl = &s->slot[i];
	const char *sep = " ";

	s->failed_slot = (long)i;
	snprintf(s->reason, sizeof s->reason, "nobody can take it:");
	if (s->nm == 0)
		append(s->reason, sizeof s->reason, " the term has no members");
	for (size_t j = 0; j < s->nm; j++) {
		const struct gen_member *m = &s->mem[j];
		size_t n_own = 0;
		char why[160];

		for (size_t k = 0; k < s->ns; k++) {
			if (k != i && s->assign[k] == (int)j) {
				s->own[n_own].start = s->slot[k].start;
				s->own[n_own++].end = s->slot[k].end;
			}
		}
		if (gen_check_member(s->p, m, sl->start, sl->end, s->own, n_own,
		    s->gap_applies, why, sizeof why) == GEN_OK)
			continue;
		if (m->handle != NULL)
			append(s->reason, sizeof s->reason, "%s%s: %s", sep, m->handle, why);
		else
			append(s->reason, sizeof s->reason, "%sperson %lld: %s", sep,
			    (long long)m->person_id, why);
		sep = "; ";
	}
}

/* Enters depth d: works out each member's latest shift before the slot
 * (from depth d - 1's row, its choice, and the slots placed in between),
 * then lists and orders the candidates. */
static void
enter(struct search *s, size_t d)
{
	size_t i = s->free[d], from, nm = s->nm;
	int64_t *last = &s->last[d * nm];
	int *cand = &s->cand[d * nm];
	int n = 0;

	if (d == 0) {
		for (size_t j = 0; j < nm; j++)
			last[j] = s->mem[j].last_shift_end;
		from = 0;
	} else {
		memcpy(last, last - nm, nm * sizeof *last);
		from = s->free[d - 1];
	}
	for (size_t k = from; k < i; k++) {
		int j = s->assign[k];

		if (j >= 0 && s->slot[k].end > last[j])
			last[j] = s->slot[k].end;
	}
	for (int j = 0; j < (int)nm; j++) {
		int at;

		if (!can_take(s, i, j))
			continue;
		/* Insertion sort: a term has a handful of members. */
		for (at = n; at > 0 && better(s, i, last, j, cand[at - 1]); at--)
			cand[at] = cand[at - 1];
		cand[at] = j;
		n++;
	}
	s->n_cand[d] = n;
	s->tried[d] = 0;
	if (n == 0 && s->failed_slot < 0)
		record_failure(s, i);
}

/* Fills the free slots depth first, best candidate first, undoing choices
 * when a later slot has nobody left (unless may_backtrack is false). The
 * first dead end met is the greedy pass's and is kept in s->failed_slot.
 * 0 when every slot is filled, -1 when the space or the budget ran out. */
static int
search_run(struct search *s, bool may_backtrack)
{
	size_t d = 0;

	if (s->n_free == 0)
		return 0;
	enter(s, 0);
	for (;;) {
		size_t i = s->free[d];

		if (s->tried[d] > 0)
			unplace(s, i);
		if (s->tried[d] == s->n_cand[d]) {
			if (d == 0 || !may_backtrack)
				return -1;
			d--;
			continue;
		}
		if (s->nodes >= s->budget)
			return -1;
		s->nodes++;
		place(s, i, s->cand[d * s->nm + (size_t)s->tried[d]++]);
		if (++d == s->n_free)
			return 0;
		enter(s, d);
	}
}

/* Whether some slot left to fill has nobody who passes the fixed rules:
 * then no amount of backtracking helps. */
static bool
hopeless(const struct search *s)
{
	for (size_t d = 0; d < s->n_free; d++) {
		const unsigned char *row = &s->ok[s->free[d] * s->nm];

		if (memchr(row, 1, s->nm) == NULL)
			return true;
	}
	return false;
}

/* Fills every non-fixed slot from scratch. 0 or -1. */
static int
fill_fresh(struct search *s)
{
	reset_state(s, NULL);
	return search_run(s, !hopeless(s));
}

/* Marks in kept[] the current assignments still valid, checked in time
 * order against the fixed slots and the assignments kept before them. */
static void
find_kept(struct search *s, bool *kept)
{
	reset_state(s, NULL);
	for (size_t i = 0; i < s->ns; i++) {
		int j = s->cur[i];

		kept[i] = false;
		if (s->slot[i].fixed_person == 0 && j >= 0 && can_take(s, i, j)) {
			place(s, i, j);
			kept[i] = true;
		}
	}
}

/* Writes into dist[i] how many slots away the nearest hole (a free slot
 * not kept) is; s->ns + 1 when there is none. */
static void
hole_distance(const struct search *s, const bool *kept, size_t *dist)
{
	size_t far = s->ns + 1, d = far;

	for (size_t i = 0; i < s->ns; i++) {
		bool hole = s->slot[i].fixed_person == 0 && !kept[i];

		d = hole ? 0 : (d < far ? d + 1 : far);
		dist[i] = d;
	}
	d = far;
	for (size_t i = s->ns; i-- > 0; ) {
		bool hole = s->slot[i].fixed_person == 0 && !kept[i];

		d = hole ? 0 : (d < far ? d + 1 : far);
		if (d < dist[i])
			dist[i] = d;
	}
}

/* Re-generation: keeps the valid current assignments and fills the holes;
 * when that fails, frees the kept slots within 1, 2, 4, ... slots of a
 * hole and tries again, up to freeing all of them. 0 or -1. */
static int
fill_regen(struct search *s)
{
	bool *kept = xcalloc(s->ns, sizeof *kept), *keep = xcalloc(s->ns, sizeof *keep);
	size_t *dist = xcalloc(s->ns, sizeof *dist);
	int rc;

	find_kept(s, kept);
	hole_distance(s, kept, dist);
	reset_state(s, kept);
	if (hopeless(s)) {
		rc = fill_fresh(s);
		goto out;
	}
	for (size_t r = 0; ; r = r ? 2 * r : 1) {
		for (size_t i = 0; i < s->ns; i++)
			keep[i] = kept[i] && dist[i] > r;
		reset_state(s, keep);
		rc = search_run(s, true);
		if (rc == 0 || r > s->ns)
			break;
	}
out:
	free(kept);
	free(keep);
	free(dist);
	return rc;
}

/* The free slot of member hi that member lo can best take over, or -1:
 * a move that gives a slot back to its current person first, then one that
 * leaves an already changed slot changed, then any; earliest among equals. */
static long
best_move(const struct search *s, int hi, int lo)
{
	long best = -1;
	int best_cost = 3;

	for (size_t i = 0; i < s->ns; i++) {
		int cost;

		if (s->assign[i] != hi || s->slot[i].fixed_person != 0)
			continue;
		if (!can_take(s, i, lo) || recovering(s, i, lo))
			continue;
		cost = s->cur[i] == lo ? 0 : s->cur[i] != hi ? 1 : 2;
		if (cost < best_cost) {
			best = (long)i;
			best_cost = cost;
		}
	}
	return best;
}

/* Whether member j belongs to the whole term, the slots' full span. Only
 * such members are evened out by the repair: someone who joins late or
 * leaves early could not have taken as many shifts as the others. */
static bool
whole_term(const struct search *s, int j)
{
	return s->mem[j].member_from <= s->slot[0].start &&
	    s->mem[j].member_until >= s->slot[s->ns - 1].end;
}

/* Moves one free slot from a whole-term member with the most shifts to one
 * with at least two fewer who can validly take it. Whether a move was
 * made. Each move lowers the sum of squared shift counts, so repeating
 * ends. order is scratch room for nm member indices. */
static bool
repair_once(struct search *s, int *order)
{
	int n = 0;

	for (int j = 0; j < (int)s->nm; j++) {
		int at;

		if (!whole_term(s, j))
			continue;
		/* Insertion sort by shift count; index order among equals. */
		for (at = n; at > 0 && s->count[order[at - 1]] > s->count[j]; at--)
			order[at] = order[at - 1];
		order[at] = j;
		n++;
	}
	for (int h = n - 1; h > 0; h--) {
		for (int l = 0; l < h; l++) {
			int hi = order[h], lo = order[l];
			long i;

			if (s->count[hi] - s->count[lo] < 2 * GEN_WHOLE_SHIFT)
				break;
			if ((i = best_move(s, hi, lo)) >= 0) {
				unplace(s, (size_t)i);
				place(s, (size_t)i, lo);
				return true;
			}
		}
	}
	return false;
}

/* Evens out shift counts after filling; see repair_once. 0. */
static int
repair(struct search *s)
{
	int *order;

	if (s->ns == 0)
		return 0;
	order = xcalloc(s->nm, sizeof *order);
	while (repair_once(s, order))
		continue;
	free(order);
	return 0;
}

/* Whether the slots are well formed: each ends after it starts and none
 * starts before the previous one ends. Otherwise says which in reason. */
static bool
slots_in_order(const struct gen_slot *slots, size_t n, char *reason, size_t len)
{
	for (size_t i = 0; i < n; i++) {
		if (slots[i].end <= slots[i].start) {
			snprintf(reason, len, "slot %zu does not end after it starts", i);
			return false;
		}
		if (i > 0 && slots[i].start < slots[i - 1].end) {
			snprintf(reason, len, "slot %zu starts before slot %zu ends", i, i - 1);
			return false;
		}
	}
	return true;
}

/* Copies the filled slots into out->person (allocated here, freed by
 * gen_result_free) and counts the changes. 0. */
static int
write_result(const struct search *s, struct gen_result *out)
{
	if (s->ns == 0)
		return 0;
	out->person = xreallocarray(NULL, s->ns, sizeof *out->person);
	for (size_t i = 0; i < s->ns; i++) {
		int j = s->assign[i];

		out->person[i] = j >= 0 ? s->mem[j].person_id : s->slot[i].fixed_person;
		if (out->person[i] != s->slot[i].current_person)
			out->n_changed++;
	}
	return 0;
}

/* Whether any free slot has a current assignment to keep. */
static bool
is_regeneration(const struct gen_slot *slots, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (slots[i].fixed_person == 0 && slots[i].current_person != 0)
			return true;
	}
	return false;
}

int
gen_run(const struct gen_params *p, const struct gen_member *members,
    size_t n_members, const struct gen_slot *slots, size_t n_slots,
    struct gen_result *out)
{
	struct search s = { .p = p, .mem = members, .nm = n_members,
	    .slot = slots, .ns = n_slots };
	int rc;

	out->person = NULL;
	out->failed_slot = -1;
	out->reason[0] = '\0';
	out->n_changed = 0;
	if (!slots_in_order(slots, n_slots, out->reason, sizeof out->reason))
		return -1;
	search_alloc(&s);
	search_prepare(&s);
	rc = is_regeneration(slots, n_slots) ? fill_regen(&s) : fill_fresh(&s);
	if (rc == 0)
		rc = repair(&s);
	if (rc == 0)
		rc = write_result(&s, out);
	if (rc == -1) {
		out->failed_slot = s.failed_slot;
		snprintf(out->reason, sizeof out->reason, "%s", s.reason);
		if (s.failed_slot < 0) {
			snprintf(out->reason, sizeof out->reason,
			    "no schedule found within %ld search steps", s.budget);
		}
	}
	search_free(&s);
	return rc;
}

int
gen_moved_why(const struct gen_params *p, const struct gen_member *members,
    size_t n_members, const struct gen_slot *slots, size_t n_slots,
    const int64_t *person, size_t k)
{
	const struct gen_member *m = NULL;
	struct gen_interval *own;
	size_t n_own = 0;
	bool gap;
	int why;

	for (size_t j = 0; j < n_members && m == NULL; j++) {
		if (members[j].person_id == slots[k].current_person)
			m = &members[j];
	}
	if (m == NULL)
		return GEN_NOT_MEMBER;
	own = xcalloc(n_slots, sizeof *own);
	for (size_t i = 0; i < n_slots; i++) {
		if (i != k && person[i] == m->person_id)
			own[n_own++] = (struct gen_interval){ slots[i].start, slots[i].end };
	}
	gap = gen_gap_applies(p, members, n_members, slots[0].start,
	    slots[n_slots - 1].end);
	why = gen_check_member(p, m, slots[k].start, slots[k].end, own, n_own, gap,
	    NULL, 0);
	free(own);
	return why;
}

void
gen_result_free(struct gen_result *r)
{
	free(r->person);
	r->person = NULL;
}
