/* Properties of shifts as time ranges (issue 19), over random teams and
 * random sequences of operations, each at a random "now" that only moves
 * forward. Each sequence builds a team of 3 to 6 volunteers (some on
 * leave, some joining late or leaving), a manager or two, a primary
 * rotation and sometimes an escalation tier, a term of each generated at
 * a random now, then runs 5 to 15 operations (whole and partial
 * overrides, forced or not, partial swap requests and their accept,
 * decline or cancel, leave taken or a term left, generation again), each
 * in its own transaction as the command line runs it: committed when it
 * succeeds, rolled back when it is refused. Many are meant to be refused
 * (in the past, outside the shift, empty, by the wrong person, of a part
 * cancelled by a merge).
 *
 * After every operation:
 *   (0) it succeeded or was refused with EX_DATAERR, EX_USAGE or
 *       EX_NOPERM; one known to be invalid was refused;
 *   (1) within a rotation no two active parts overlap;
 *   (2) each term's active parts and the windows nobody covers tile the
 *       term exactly (as cover_spans reads them), every part inside its
 *       week of the term's grid;
 *   (3) nothing before now changed: every active part's holder, start
 *       and end clipped to now are as they were; a refused operation
 *       changed nothing at all (every row of every table);
 *   (4) the range an accepted swap or a non-forced override gave
 *       satisfied the hard rules for its new holder when it was given
 *       (shift_check over each week's piece, before the operation, the
 *       minimum gap only for a whole week, as service/swap.c's
 *       range_verdict checks them);
 *   (5) adjacent active parts of one week never have the same holder;
 *   (6) the stipend paid for the parts of a week (pay_compute, the week
 *       cut at two random instants as months cut it) adds up to the
 *       week's stipend to the cent when they cover all of it, and to no
 *       more when they do not;
 *   (7) an override or accepted swap changed exactly the range it gave:
 *       its new holder holds all of it, every other instant of every
 *       rotation is held as before;
 *   (8) an open swap request's shift is active and its requester's.
 *
 * The sequences share one database, emptied before each. ROTA_PROPERTY_SEED=N
 * replays a run (the seed is printed first, "# seed N"; without it the
 * seed comes from the clock); ROTA_PROPERTY_RUNS (default 1000) is the
 * number of sequences; ROTA_PROPERTY_SEQUENCE=K runs only sequence K of
 * the seed's run. A failure prints the seed, the sequence, what it
 * built and did, and the property broken. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "scheduler/constraints.h"
#include "reports/pay.h"
#include "service/cover.h"
#include "service/plan.h"
#include "service/setup.h"
#include "service/shift-check.h"
#include "service/swap.h"
#include "store/store-private.h"
#include "tests/unit/service-fixture.h"

#define DAY 86400LL
#define VOLUNTEERS_MAX 6
#define MANAGERS_MAX 2
#define PEOPLE_MAX (VOLUNTEERS_MAX + MANAGERS_MAX)
#define REQUESTS_MAX 16

/* -- The random numbers: splitmix64, the same stream on every machine -- */

struct rng {
	uint64_t state;
};

static uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rng_next(struct rng *r)
{
	return mix(r->state += 0x9e3779b97f4a7c15ULL);
}

/* A number in [0, N), N > 0. */
static int64_t
rng_below(struct rng *r, int64_t n)
{
	return (int64_t)(rng_next(r) % (uint64_t)n);
}

/* A number in [LO, HI]. */
static int64_t
rng_between(struct rng *r, int64_t lo, int64_t hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

static bool
rng_percent(struct rng *r, int percent)
{
	return rng_below(r, 100) < percent;
}

/* -- A sequence: its team, its rotations, its clock and its log -- */

struct seq {
	uint64_t seed;
	unsigned long index;
	struct rng rng;
	struct store *db;                       /* the run's, emptied for each */
	const struct tables *tables;
	struct person people[PEOPLE_MAX];       /* volunteers first, then managers */
	size_t n_people, n_volunteers;
	struct rotation rot[2];                 /* the primary, then the escalation tier */
	struct term term[2];
	int64_t *bound[2];                      /* each term's handoffs (cover_term_weeks) */
	size_t n_weeks[2];
	size_t n_rot;
	int64_t now;
	int64_t stipend;                        /* a week's, in cents */
	struct actor actor;
	struct svc svc;
	int64_t requests[REQUESTS_MAX];         /* the swap requests made */
	size_t n_requests;
	char *log;                              /* what was built and done */
	size_t log_len;
	FILE *log_f;
};

static const char *
utc(int64_t t, char *buf)
{
	time_format_utc(t, buf, 32);
	return buf;
}

static void ROTA_PRINTF(2, 3)
note(struct seq *q, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(q->log_f, fmt, ap);
	va_end(ap);
	fputc('\n', q->log_f);
}

/* Prints every part of the sequence's rotations as the store holds them
 * now (the operation's changes committed, or rolled back). */
static void
print_parts(struct seq *q)
{
	char a[32], b[32];

	for (size_t i = 0; i < q->n_rot; i++) {
		struct shift_filter f = { .rotation_id = q->rot[i].id, .include_cancelled = true };
		struct shift *v;
		size_t n;

		if (store_shift_list(q->db, &f, &v, &n) != 0)
			continue;
		for (size_t k = 0; k < n; k++)
			printf("#   part %lld of %s week %d: %s to %s %s %s%s\n", (long long)v[k].id,
			       q->rot[i].name, v[k].slot, utc(v[k].start, a), utc(v[k].end, b),
			       v[k].handle, origin_name(v[k].origin),
			       v[k].cancelled ? " cancelled" : "");
		free(v);
	}
}

/* Prints the seed, the sequence, its log and its parts as TAP comments,
 * and fails the test with the property broken. */
static void ROTA_PRINTF(2, 3)
broke(struct seq *q, const char *fmt, ...)
{
	char what[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	fflush(q->log_f);
	printf("# seed %llu, sequence %lu (replay: ROTA_PROPERTY_SEED=%llu "
	       "ROTA_PROPERTY_SEQUENCE=%lu)\n", (unsigned long long)q->seed, q->index,
	       (unsigned long long)q->seed, q->index);
	for (char *line = strtok(q->log, "\n"); line != NULL; line = strtok(NULL, "\n"))
		printf("#   %s\n", line);
	print_parts(q);
	printf("# broken: %s\n", what);
	fflush(stdout);
	fail_msg("property broken: %s", what);
}

/* The database's tables: a statement reading every row of each, kept
 * for the whole run (preparing them for each operation would take most
 * of the run's time), and the SQL that empties them all between
 * sequences (one connection for the run, its statements prepared once). */
struct tables {
	sqlite3_stmt **read;
	size_t n;
	char *wipe;
};

static void
tables_open(struct store *db, struct tables *t)
{
	char *err = NULL;
	sqlite3_stmt *names;
	size_t len = 0;
	FILE *wipe;

	/* Nobody else opens the database: holding its lock for the whole run
	 * spares two system calls a statement, a quarter of the run's time. */
	if (sqlite3_exec(db->db, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, &err) != SQLITE_OK)
		fail_msg("locking the database: %s", err);
	memset(t, 0, sizeof *t);
	wipe = open_memstream(&t->wipe, &len);
	assert_non_null(wipe);
	fputs("PRAGMA foreign_keys = OFF; BEGIN;", wipe);
	assert_int_equal(sqlite3_prepare_v2(db->db, "SELECT name FROM sqlite_master WHERE "
					    "type = 'table' AND name NOT LIKE 'sqlite_%' "
					    "ORDER BY name", -1, &names, NULL), SQLITE_OK);
	while (sqlite3_step(names) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", sqlite3_column_text(names, 0));

		t->read = xpush(t->read, &t->n, sizeof *t->read);
		assert_int_equal(sqlite3_prepare_v2(db->db, sql, -1, &t->read[t->n - 1], NULL),
				 SQLITE_OK);
		sqlite3_free(sql);
		fprintf(wipe, " DELETE FROM \"%s\";", sqlite3_column_text(names, 0));
	}
	sqlite3_finalize(names);
	fputs(" COMMIT; PRAGMA foreign_keys = ON;", wipe);
	fclose(wipe);
}

static void
tables_close(struct tables *t)
{
	for (size_t k = 0; k < t->n; k++)
		sqlite3_finalize(t->read[k]);
	free(t->read);
	free(t->wipe);
}

/* Every row of every table, as text. */
static char *
tables_dump(const struct tables *t)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	for (size_t k = 0; k < t->n; k++) {
		sqlite3_stmt *st = t->read[k];

		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *v = sqlite3_column_text(st, c);

				fprintf(f, "%s|", v ? (const char *)v : "NULL");
			}
			fputc('\n', f);
		}
		sqlite3_reset(st);
		fputs("--\n", f);
	}
	fclose(f);
	return out;
}

static void
tables_wipe(struct store *db, const struct tables *t)
{
	char *err = NULL;

	if (sqlite3_exec(db->db, t->wipe, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("emptying the database: %s", err);
}

/* The active parts of each rotation, by start. */
struct view {
	struct shift *v[2];
	size_t n[2];
};

static void
view_load(struct seq *q, struct view *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < q->n_rot; i++) {
		struct shift_filter f = { .rotation_id = q->rot[i].id };

		assert_int_equal(store_shift_list(q->db, &f, &out->v[i], &out->n[i]), 0);
	}
}

static void
view_free(struct view *v)
{
	free(v->v[0]);
	free(v->v[1]);
}

/* The holder of rotation I at T in V: a person id, 0 for nobody. */
static int64_t
holder_at(const struct view *v, size_t i, int64_t t)
{
	for (size_t k = 0; k < v->n[i]; k++)
		if (v->v[i][k].start <= t && t < v->v[i][k].end)
			return v->v[i][k].person_id;
	return 0;
}

/* -- Building a sequence's team -------------------------------------- */

static const char *const zones[] = {
	"Europe/Dublin", "UTC", "America/New_York", "Asia/Kolkata", "Australia/Sydney",
	"Pacific/Chatham",
};
#define N_ZONES (sizeof zones / sizeof zones[0])

static const char *
pick_zone(struct seq *q)
{
	return zones[rng_below(&q->rng, N_ZONES)];
}

static void
add_people(struct seq *q)
{
	static const char *const volunteers[] = { "ana", "bo", "cy", "dee", "eve", "fay" };
	static const char *const managers[] = { "mo", "max" };
	size_t nm = (size_t)rng_between(&q->rng, 1, MANAGERS_MAX);

	q->n_volunteers = (size_t)rng_between(&q->rng, 3, VOLUNTEERS_MAX);
	for (size_t i = 0; i < q->n_volunteers; i++)
		q->people[q->n_people++] = fixture_person(q->db, volunteers[i], pick_zone(q), false);
	for (size_t i = 0; i < nm; i++)
		q->people[q->n_people++] = fixture_person(q->db, managers[i], pick_zone(q), true);
	note(q, "%zu volunteers, %zu managers", q->n_volunteers, nm);
}

/* Rotation I of TIER, with a random zone, handoff (any five minutes of
 * the day, those a spring-forward skips included) and shift length. */
static void
add_rotation(struct seq *q, size_t i, enum tier tier)
{
	static const int days[] = { 7, 7, 7, 7, 1, 3, 14 };
	struct rotation *r = &q->rot[i];
	int minute = (int)rng_below(&q->rng, 288) * 5;

	*r = (struct rotation){ .tier = tier, .handoff_dow = (int)rng_below(&q->rng, 7),
				.handoff_minute = minute,
				.shift_days = days[rng_below(&q->rng, 7)] };
	snprintf(r->name, sizeof r->name, "%s", i == 0 ? "ops" : "esc");
	snprintf(r->tz, sizeof r->tz, "%s", pick_zone(q));
	assert_int_equal(store_rotation_add(q->db, r, 0), 0);
}

/* Term I of rotation I: 2 to 8 shifts from about FROM. */
static void
add_term(struct seq *q, size_t i, int64_t from)
{
	struct term *t = &q->term[i];
	char a[32], b[32];

	*t = (struct term){ .rotation_id = q->rot[i].id, .weeks = (int)rng_between(&q->rng, 2, 8) };
	snprintf(t->name, sizeof t->name, "%s", i == 0 ? "h1" : "e1");
	term_span(&q->rot[i], from, t->weeks, &t->start, &t->end);
	assert_int_equal(store_term_add(q->db, t, 0), 0);
	cover_term_weeks(&q->rot[i], t, &q->bound[i], &q->n_weeks[i]);
	note(q, "rotation %s (%s, %s, handoff day %d minute %d, %d days): term of %d from %s "
	     "to %s", q->rot[i].name, tier_name(q->rot[i].tier), q->rot[i].tz,
	     q->rot[i].handoff_dow, q->rot[i].handoff_minute, q->rot[i].shift_days, t->weeks,
	     utc(t->start, a), utc(t->end, b));
}

/* P joins term I, most from its start, some later; some leave it early. */
static void
join(struct seq *q, size_t i, const struct person *p)
{
	const struct term *t = &q->term[i];
	int64_t joined = rng_percent(&q->rng, 85) ? t->start - DAY
			 : rng_between(&q->rng, t->start, t->end - 1);
	int64_t left;
	char a[32], b[32];

	assert_int_equal(store_member_join(q->db, t->id, p->id, joined), 0);
	if (rng_percent(&q->rng, 85)) {
		note(q, "  %s joins %s at %s", p->handle, t->name, utc(joined, a));
		return;
	}
	left = rng_between(&q->rng, joined + 1, t->end);
	assert_int_equal(store_member_leave(q->db, t->id, p->id, left), 0);
	note(q, "  %s joins %s at %s, leaves at %s", p->handle, t->name, utc(joined, a),
	     utc(left, b));
}

/* Up to two leaves of P around the terms, an hour to ten days long. */
static void
add_leave(struct seq *q, const struct person *p)
{
	int64_t lo = q->term[0].start - 7 * DAY, hi = q->term[0].end;
	int64_t at = lo;
	char a[32], b[32];

	for (int64_t k = rng_below(&q->rng, 3); k > 0; k--) {
		struct leave l = { .person_id = p->id };

		l.start = rng_between(&q->rng, at, hi);
		l.end = l.start + rng_between(&q->rng, 3600, 10 * DAY);
		assert_int_equal(store_leave_add(q->db, &l, 0), 0);
		note(q, "  %s on leave from %s to %s", p->handle, utc(l.start, a), utc(l.end, b));
		at = l.end;
		if (at >= hi)
			break;
	}
}

static void
act(struct seq *q, const struct person *p)
{
	fixture_act(&q->actor, p);
	q->svc.now = q->now;
}

/* plan_generate of term I at now, in its own transaction. */
static int
generate(struct seq *q, size_t i)
{
	struct plan_diff d;
	int r;

	assert_int_equal(store_begin(q->db), 0);
	r = plan_generate(q->db, NULL, &q->term[i], q->now, true, &d);
	plan_diff_free(&d);
	if (r == 0)
		assert_int_equal(store_commit(q->db), 0);
	else
		store_rollback(q->db);
	return r;
}

/* The team, its rotations and terms, generated at a random now. */
static void
build(struct seq *q)
{
	int64_t from = 1798761600LL + rng_below(&q->rng, 330) * DAY;   /* 2027-01-01 on */
	char a[32];

	q->stipend = rng_between(&q->rng, 1, 250000);
	assert_int_equal(store_begin(q->db), 0);
	add_people(q);
	add_rotation(q, 0, TIER_PRIMARY);
	add_term(q, 0, from);
	q->n_rot = 1;
	for (size_t k = 0; k < q->n_volunteers; k++)
		join(q, 0, &q->people[k]);
	if (rng_percent(&q->rng, 20))           /* a manager who volunteers too */
		join(q, 0, &q->people[q->n_volunteers]);
	if (rng_percent(&q->rng, 40)) {
		add_rotation(q, 1, TIER_ESCALATION);
		add_term(q, 1, from + rng_between(&q->rng, -3, 3) * DAY);
		q->n_rot = 2;
		for (size_t k = q->n_volunteers; k < q->n_people; k++)
			join(q, 1, &q->people[k]);
	}
	for (size_t k = 0; k < q->n_people; k++)
		if (rng_percent(&q->rng, 35))
			add_leave(q, &q->people[k]);
	assert_int_equal(store_commit(q->db), 0);
	q->now = rng_between(&q->rng, q->term[0].start - 7 * DAY,
			     q->term[0].start + (q->term[0].end - q->term[0].start) / 3);
	q->svc = (struct svc){ .db = q->db, .cfg = NULL, .now = q->now, .actor = &q->actor };
	for (size_t i = 0; i < q->n_rot; i++)
		note(q, "generate %s at %s: %d", q->term[i].name, utc(q->now, a), generate(q, i));
}

/* -- The properties ------------------------------------------------------ */

/* (1), (5): the parts of rotation I do not overlap, and two adjacent parts
 * of one week have different holders. */
static void
check_parts(struct seq *q, const struct view *v, size_t i)
{
	char a[32];

	for (size_t k = 1; k < v->n[i]; k++) {
		const struct shift *p = &v->v[i][k - 1], *n = &v->v[i][k];

		if (p->end > n->start)
			broke(q, "(1) rotation %s: parts %lld and %lld overlap at %s", q->rot[i].name,
			      (long long)p->id, (long long)n->id, utc(n->start, a));
		if (p->end == n->start && p->term_id == n->term_id && p->slot == n->slot &&
		    p->person_id == n->person_id)
			broke(q, "(5) rotation %s: adjacent parts %lld and %lld of one week are "
			      "both %s's", q->rot[i].name, (long long)p->id, (long long)n->id,
			      p->handle);
	}
}

/* (2): part SH of term I lies inside its week of the term's grid. */
static void
check_in_week(struct seq *q, size_t i, const struct shift *sh)
{
	const int64_t *b = q->bound[i];

	if (sh->slot < 0 || (size_t)sh->slot >= q->n_weeks[i] ||
	    sh->slot_start != b[sh->slot] || sh->slot_end != b[sh->slot + 1] ||
	    sh->start < sh->slot_start || sh->end > sh->slot_end || sh->start >= sh->end)
		broke(q, "(2) part %lld [%lld, %lld) of week %d [%lld, %lld) is not inside its "
		      "week of term %s", (long long)sh->id, (long long)sh->start,
		      (long long)sh->end, sh->slot, (long long)sh->slot_start,
		      (long long)sh->slot_end, q->term[i].name);
}

/* (2): the spans cover_spans reads tile term I, and those covered are
 * exactly the term's active parts. */
static void
check_tiling(struct seq *q, const struct view *v, size_t i)
{
	const struct term *t = &q->term[i];
	struct cover_span *sp;
	size_t n, k = 0;
	int64_t at = t->start;

	if (q->bound[i][q->n_weeks[i]] != t->end)
		broke(q, "(2) term %s ends at %lld, its last handoff is %lld", t->name,
		      (long long)t->end, (long long)q->bound[i][q->n_weeks[i]]);
	assert_int_equal(cover_spans(q->db, &q->rot[i], t->start, t->end, &sp, &n), 0);
	for (size_t s = 0; s < n; s++) {
		if (sp[s].start != at || sp[s].end <= sp[s].start || sp[s].term_id != t->id)
			broke(q, "(2) term %s: span %zu [%lld, %lld) does not follow %lld",
			      t->name, s, (long long)sp[s].start, (long long)sp[s].end,
			      (long long)at);
		at = sp[s].end;
		if (sp[s].shift_id == 0)
			continue;
		while (k < v->n[i] && v->v[i][k].term_id != t->id)
			k++;
		if (k == v->n[i] || v->v[i][k].id != sp[s].shift_id ||
		    v->v[i][k].start != sp[s].start || v->v[i][k].end != sp[s].end ||
		    v->v[i][k].person_id != sp[s].person_id)
			broke(q, "(2) term %s: span [%lld, %lld) of part %lld is not the next "
			      "active part", t->name, (long long)sp[s].start,
			      (long long)sp[s].end, (long long)sp[s].shift_id);
		check_in_week(q, i, &v->v[i][k++]);
	}
	if (at != t->end)
		broke(q, "(2) term %s: the spans end at %lld, the term at %lld", t->name,
		      (long long)at, (long long)t->end);
	while (k < v->n[i] && v->v[i][k].term_id != t->id)
		k++;
	if (k < v->n[i])
		broke(q, "(2) term %s: part %lld is not among the spans", t->name,
		      (long long)v->v[i][k].id);
	free(sp);
}

/* (8): every open request's shift is active and its requester's. */
static void
check_requests(struct seq *q)
{
	for (size_t k = 0; k < q->n_requests; k++) {
		struct swap w;
		struct shift sh;

		assert_int_equal(store_swap_get(q->db, q->requests[k], &w), 0);
		if (w.state != SWAP_OPEN)
			continue;
		assert_int_equal(store_shift_get(q->db, w.shift_id, &sh), 0);
		if (sh.cancelled || sh.person_id != w.requester_id)
			broke(q, "(8) open swap request %lld: its shift %lld is %s", (long long)w.id,
			      (long long)sh.id, sh.cancelled ? "cancelled" : sh.handle);
	}
}

/* The stipend POL pays for the shifts V (N) in [FROM, TO). */
static int64_t
stipend_paid(const struct seq *q, const struct pay_policy *pol, const struct pay_shift *v,
	     size_t n, int64_t from, int64_t to)
{
	struct pay_person persons[PEOPLE_MAX];
	struct pay_input in = { .from = from, .to = to, .policies = pol, .n_policies = 1,
				.persons = persons, .n_persons = q->n_people, .shifts = v,
				.n_shifts = n };
	struct pay_line *lines;
	size_t nl;
	int64_t sum = 0;

	for (size_t k = 0; k < q->n_people; k++)
		persons[k] = (struct pay_person){ .id = q->people[k].id,
						  .zone = tz_lookup_or_utc(q->people[k].tz) };
	pay_compute(&in, &lines, &nl);
	for (size_t k = 0; k < nl; k++)
		sum += lines[k].stipend;
	free(lines);
	return sum;
}

/* The index of person ID in the sequence's people. */
static size_t
person_index(const struct seq *q, int64_t id)
{
	size_t k = 0;

	while (k < q->n_people && q->people[k].id != id)
		k++;
	assert_true(k < q->n_people);
	return k;
}

/* (6): the stipend of week W of term I, paid for its parts in V in three
 * months cut at random instants, against the stipend of the whole week. */
static void
check_week_pay(struct seq *q, const struct view *v, size_t i, size_t w)
{
	struct pay_policy pol = { .currency = "EUR", .exponent = 2, .active_rounding_minutes = 1,
				  .stipend_per_week = q->stipend };
	int64_t lo = q->bound[i][w], hi = q->bound[i][w + 1], held = 0, paid = 0, whole;
	int64_t cut[4] = { lo - DAY, rng_between(&q->rng, lo, hi), rng_between(&q->rng, lo, hi),
			   hi + DAY };
	struct pay_shift parts[64], week = { 0, 0, lo, hi, q->rot[i].shift_days, lo, hi };
	size_t n = 0;

	for (size_t k = 0; k < v->n[i] && n < 64; k++) {
		const struct shift *sh = &v->v[i][k];

		if (sh->term_id != q->term[i].id || (size_t)sh->slot != w)
			continue;
		parts[n++] = (struct pay_shift){ person_index(q, sh->person_id), 0, sh->start,
						 sh->end, q->rot[i].shift_days, sh->slot_start,
						 sh->slot_end };
		held += sh->end - sh->start;
	}
	if (n == 0)
		return;
	if (cut[1] > cut[2]) {
		int64_t c = cut[1];

		cut[1] = cut[2];
		cut[2] = c;
	}
	for (size_t k = 0; k < 3; k++)
		paid += stipend_paid(q, &pol, parts, n, cut[k], cut[k + 1]);
	whole = stipend_paid(q, &pol, &week, 1, cut[0], cut[3]);
	if (q->rot[i].shift_days == 7 && whole != q->stipend)
		broke(q, "(6) a whole week of %s from %lld is paid %lld, not the stipend %lld",
		      q->rot[i].name, (long long)lo, (long long)whole, (long long)q->stipend);
	if (held == hi - lo ? paid != whole : paid > whole)
		broke(q, "(6) the %zu parts of %s's week from %lld (%s held) are paid %lld, the "
		      "week %lld", n, q->rot[i].name, (long long)lo,
		      held == hi - lo ? "all" : "some", (long long)paid, (long long)whole);
}

static void
check_pay(struct seq *q, const struct view *v)
{
	for (size_t i = 0; i < q->n_rot; i++)
		for (size_t w = 0; w < q->n_weeks[i]; w++)
			check_week_pay(q, v, i, w);
}

static void
check_state(struct seq *q, const struct view *v)
{
	for (size_t i = 0; i < q->n_rot; i++) {
		check_parts(q, v, i);
		check_tiling(q, v, i);
	}
	check_pay(q, v);
	check_requests(q);
}

/* (3): every active part that started before now is held as before,
 * from the same start, to the same end or both past now. */
static void
check_past(struct seq *q, const struct view *before, const struct view *after)
{
	for (size_t i = 0; i < q->n_rot; i++) {
		size_t a = 0, b = 0;

		for (;;) {
			const struct shift *x, *y;

			while (a < before->n[i] && before->v[i][a].start >= q->now)
				a++;
			while (b < after->n[i] && after->v[i][b].start >= q->now)
				b++;
			if (a == before->n[i] || b == after->n[i])
				break;
			x = &before->v[i][a++];
			y = &after->v[i][b++];
			if (x->person_id != y->person_id || x->start != y->start ||
			    (x->end != y->end && (x->end < q->now || y->end < q->now)))
				broke(q, "(3) rotation %s: part %lld (%s, %lld to %lld) before now "
				      "became part %lld (%s, %lld to %lld)", q->rot[i].name,
				      (long long)x->id, x->handle, (long long)x->start,
				      (long long)x->end, (long long)y->id, y->handle,
				      (long long)y->start, (long long)y->end);
		}
		if (a != before->n[i] || b != after->n[i])
			broke(q, "(3) rotation %s: the parts that started before now are not "
			      "those before", q->rot[i].name);
	}
}

/* What an operation did, for the checks after it. */
struct op {
	int status;
	bool invalid;                   /* refused whatever the state */
	/* An override or accepted swap gives [from, to) of rotation rot to
	 * whom (from already at cover_earliest). */
	bool gives, forced;
	size_t rot;
	int64_t from, to;
	const struct person *whom;
	/* Whether whom may take it by the hard rules, checked before the
	 * operation; why not. */
	bool rules_ok;
	char why[256];
};

/* (7): inside the range given, its new holder; elsewhere, as before. */
static void
check_exact(struct seq *q, const struct view *before, const struct view *after,
	    const struct op *op)
{
	char a[32];

	for (size_t i = 0; i < q->n_rot; i++) {
		const struct view *vs[2] = { before, after };

		for (size_t w = 0; w < 2; w++) {
			for (size_t k = 0; k < vs[w]->n[i]; k++) {
				int64_t ts[2] = { vs[w]->v[i][k].start, vs[w]->v[i][k].end };

				for (size_t e = 0; e < 2; e++) {
					int64_t t = ts[e];
					bool inside = i == op->rot && op->from <= t && t < op->to;
					int64_t want = inside ? op->whom->id : holder_at(before, i, t);

					if (holder_at(after, i, t) != want)
						broke(q, "(7) rotation %s at %s: person %lld holds it, "
						      "not %lld", q->rot[i].name, utc(t, a),
						      (long long)holder_at(after, i, t),
						      (long long)want);
				}
			}
		}
	}
	if (holder_at(after, op->rot, op->from) != op->whom->id)
		broke(q, "(7) rotation %s at %s: not given to %s", q->rot[op->rot].name,
		      utc(op->from, a), op->whom->handle);
}

/* (4), checked when the range is given (before the operation): whether
 * OP's new holder may take each week's piece of the range by the hard
 * rules (the minimum gap only for a piece that is all of its week, as
 * service/swap.c's range_verdict checks them); sets op->rules_ok and
 * op->why. Time outside every term may be given to nobody. */
static void
check_rules(struct seq *q, struct op *op)
{
	const struct rotation *rot = &q->rot[op->rot];
	struct cover_span *sp;
	size_t n;

	op->rules_ok = true;
	if (op->whom == NULL || op->forced || op->to <= op->from)
		return;
	assert_int_equal(cover_spans(q->db, rot, op->from, op->to, &sp, &n), 0);
	for (size_t k = 0; k < n && op->rules_ok; k++) {
		struct shift piece = { .id = sp[k].shift_id, .rotation_id = rot->id,
				       .tier = rot->tier, .term_id = sp[k].term_id,
				       .slot = sp[k].slot, .slot_start = sp[k].slot_start,
				       .slot_end = sp[k].slot_end, .start = sp[k].start,
				       .end = sp[k].end };
		struct shift_verdict v;
		bool whole = piece.start == piece.slot_start && piece.end == piece.slot_end;

		if (sp[k].term_id == 0) {
			op->rules_ok = false;
			snprintf(op->why, sizeof op->why, "outside every term");
			break;
		}
		assert_int_equal(shift_check(q->db, NULL, &piece, op->whom, &v), 0);
		if (v.code != 0 && (whole || (v.code != GEN_GAP_BEFORE && v.code != GEN_GAP_AFTER))) {
			op->rules_ok = false;
			snprintf(op->why, sizeof op->why, "%s", v.why);
		}
	}
	free(sp);
}

/* -- The operations ---------------------------------------------------- */

/* A person, or (one time in thirty) NULL: someone unknown. */
static const struct person *
pick_person(struct seq *q)
{
	if (rng_percent(&q->rng, 3))
		return NULL;
	return &q->people[rng_below(&q->rng, (int64_t)q->n_people)];
}

static const struct person *
pick_manager(struct seq *q)
{
	return &q->people[rng_between(&q->rng, (int64_t)q->n_volunteers,
				      (int64_t)q->n_people - 1)];
}

static const struct person *
person_by_id(struct seq *q, int64_t id)
{
	for (size_t k = 0; k < q->n_people; k++)
		if (q->people[k].id == id)
			return &q->people[k];
	return NULL;
}

/* A part of rotation I in V that has not ended by now, if there is one. */
static const struct shift *
pick_part(struct seq *q, const struct view *v, size_t i)
{
	size_t k = 0;

	while (k < v->n[i] && v->v[i][k].end <= q->now)
		k++;
	if (k == v->n[i])
		return NULL;
	return &v->v[i][rng_between(&q->rng, (int64_t)k, (int64_t)v->n[i] - 1)];
}

/* A shift id: mostly an active part that has not ended, sometimes any
 * row of the rotation (one that has ended, or one cancelled when it was
 * merged or taken over), sometimes one that does not exist. */
static int64_t
pick_shift(struct seq *q, const struct view *v)
{
	size_t i = (size_t)rng_below(&q->rng, (int64_t)q->n_rot);
	const struct shift *part = pick_part(q, v, i);
	struct shift_filter f = { .rotation_id = q->rot[i].id, .include_cancelled = true };
	struct shift *all;
	size_t n;
	int64_t id;

	if (part != NULL && rng_percent(&q->rng, 80))
		return part->id;
	assert_int_equal(store_shift_list(q->db, &f, &all, &n), 0);
	id = n > 0 && rng_percent(&q->rng, 90) ? all[rng_below(&q->rng, (int64_t)n)].id
	     : 1000000;
	free(all);
	return id;
}

/* An instant worth trying as one end of a range: a part's start or end
 * (mostly of one that has not ended), now, a handoff, or anywhere around
 * the terms (mostly from now on); often a little off. */
static int64_t
pick_time(struct seq *q, const struct view *v)
{
	static const int64_t off[] = { -3600, -60, -1, 1, 60, 3600, 12 * 3600 };
	size_t i = (size_t)rng_below(&q->rng, (int64_t)q->n_rot);
	const struct shift *part = pick_part(q, v, i);
	const struct term *t = &q->term[i];
	int64_t t0 = rng_percent(&q->rng, 80) && q->now < t->end ? q->now : t->start - 7 * DAY;

	switch (rng_below(&q->rng, 4)) {
	case 0:
		if (part != NULL) {
			t0 = rng_percent(&q->rng, 50) ? part->start : part->end;
			break;
		}
		/* FALLTHROUGH */
	case 1:
		t0 = q->now;
		break;
	case 2:
		t0 = q->bound[i][rng_below(&q->rng, (int64_t)q->n_weeks[i] + 1)];
		break;
	default:
		t0 = rng_between(&q->rng, t0, t->end + 7 * DAY);
		break;
	}
	if (rng_percent(&q->rng, 50))
		t0 += off[rng_below(&q->rng, sizeof off / sizeof off[0])];
	return t0;
}

/* Where what is in force in rotation I at T ends (V): the part there,
 * else the window nobody covers up to the next part or the week's end;
 * T itself outside the term. */
static int64_t
end_in_force(const struct seq *q, const struct view *v, size_t i, int64_t t)
{
	int64_t end = t;

	for (size_t k = 0; k < v->n[i]; k++)
		if (v->v[i][k].start <= t && t < v->v[i][k].end)
			return v->v[i][k].end;
	for (size_t w = 0; w < q->n_weeks[i]; w++)
		if (q->bound[i][w] <= t && t < q->bound[i][w + 1])
			end = q->bound[i][w + 1];
	for (size_t k = 0; k < v->n[i]; k++)
		if (v->v[i][k].start > t && v->v[i][k].start < end)
			end = v->v[i][k].start;
	return end;
}

static const char *
handle_or_unknown(const struct person *p)
{
	return p ? p->handle : "nobody";
}

/* An override of a shift (mostly an active part) by a manager (mostly),
 * to someone (perhaps unknown), forced or not. */
static void
op_override(struct seq *q, const struct view *v, struct op *op)
{
	const struct person *actor = rng_percent(&q->rng, 95) ? pick_manager(q)
				     : &q->people[0];
	int64_t id = pick_shift(q, v), earliest = cover_earliest(q->now);
	struct shift sh, out;
	bool known = store_shift_get(q->db, id, &sh) == 0;

	op->gives = true;
	op->whom = pick_person(q);
	op->forced = rng_percent(&q->rng, 15);
	if (known) {
		op->rot = sh.rotation_id == q->rot[0].id ? 0 : 1;
		op->from = sh.start > earliest ? sh.start : earliest;
		op->to = sh.end;
	}
	op->invalid = !known || sh.cancelled || op->whom == NULL || !actor->is_manager ||
		      op->to <= op->from || sh.person_id == op->whom->id;
	act(q, actor);
	check_rules(q, op);
	op->status = swap_override(&q->svc, id, handle_or_unknown(op->whom), op->forced, &out);
	note(q, "%s: override shift %lld %s%s", actor->handle, (long long)id,
	     handle_or_unknown(op->whom), op->forced ? " --force" : "");
}

/* An override of a range of a rotation, from a time worth trying to
 * another (or to the end of what is in force then). */
static void
op_override_range(struct seq *q, const struct view *v, struct op *op)
{
	const struct person *actor = rng_percent(&q->rng, 95) ? pick_manager(q)
				     : &q->people[0];
	int64_t from = pick_time(q, v), to = 0, earliest = cover_earliest(q->now);
	struct shift out;
	char a[32], b[32];

	if (rng_percent(&q->rng, 80))
		to = rng_percent(&q->rng, 50) ? pick_time(q, v)
		     : from + rng_between(&q->rng, -3600, 9 * DAY);
	op->gives = true;
	op->whom = pick_person(q);
	op->forced = rng_percent(&q->rng, 15);
	op->rot = (size_t)rng_below(&q->rng, (int64_t)q->n_rot);
	op->from = from > earliest ? from : earliest;
	op->to = to != 0 ? to : end_in_force(q, v, op->rot, op->from);
	op->invalid = op->whom == NULL || !actor->is_manager || from < q->now ||
		      op->to <= op->from;
	act(q, actor);
	check_rules(q, op);
	op->status = swap_override_range(&q->svc, &q->rot[op->rot], from, to,
					 handle_or_unknown(op->whom), op->forced, &out);
	note(q, "%s: override %s %s to %s %s%s", actor->handle, q->rot[op->rot].name,
	     utc(from, a), to ? utc(to, b) : "(end)", handle_or_unknown(op->whom),
	     op->forced ? " --force" : "");
}

/* A swap request of a part by its holder (mostly), for a range inside it
 * (mostly), to someone (perhaps unknown) or anyone. */
static void
op_request(struct seq *q, const struct view *v, struct op *op)
{
	int64_t id = pick_shift(q, v), from = 0, to = 0;
	bool anyone = rng_percent(&q->rng, 30);
	const struct person *with = anyone ? NULL : pick_person(q);
	const struct person *actor = &q->people[rng_below(&q->rng, (int64_t)q->n_people)];
	struct shift sh = { 0 }, out;
	struct swap w;
	bool known = store_shift_get(q->db, id, &sh) == 0;
	char a[32], b[32];

	if (known && rng_percent(&q->rng, 85))
		actor = person_by_id(q, sh.person_id);
	if (rng_percent(&q->rng, 70)) {
		from = known ? rng_between(&q->rng, sh.start, sh.end - 1) : pick_time(q, v);
		to = rng_percent(&q->rng, 30) ? 0 : known && rng_percent(&q->rng, 80)
		     ? rng_between(&q->rng, from + 1, sh.end) : pick_time(q, v);
	}
	act(q, actor);
	op->status = swap_request(&q->svc, id, from, to,
				  anyone ? NULL : handle_or_unknown(with), &w, &out);
	op->invalid = !known || sh.cancelled || sh.person_id != actor->id ||
		      sh.end <= cover_earliest(q->now) || (!anyone && with == NULL) ||
		      (from != 0 && from < q->now) || (from != 0 && from < sh.start) ||
		      (to != 0 && to > sh.end) || (from != 0 && to != 0 && to <= from) ||
		      (with != NULL && with->id == sh.person_id);
	if (op->status == 0 && q->n_requests < REQUESTS_MAX)
		q->requests[q->n_requests++] = w.id;
	note(q, "%s: swap request shift %lld from %s to %s with %s: request %lld",
	     actor->handle, (long long)id, from ? utc(from, a) : "(start)",
	     to ? utc(to, b) : "(end)", anyone ? "anyone" : handle_or_unknown(with),
	     op->status == 0 ? (long long)w.id : 0LL);
}

/* A request made before (or one that does not exist). */
static int64_t
pick_request(struct seq *q)
{
	if (rng_percent(&q->rng, 5))
		return 1000000;
	return q->requests[rng_below(&q->rng, (int64_t)q->n_requests)];
}

/* Who answers request ID: mostly the person it names, or for one open to
 * the term a member; sometimes anyone. */
static const struct person *
pick_answerer(struct seq *q, int64_t id)
{
	struct swap w;

	if (store_swap_get(q->db, id, &w) == 0 && rng_percent(&q->rng, 80)) {
		if (w.target_id != 0)
			return person_by_id(q, w.target_id);
		return &q->people[rng_below(&q->rng, (int64_t)q->n_volunteers)];
	}
	return &q->people[rng_below(&q->rng, (int64_t)q->n_people)];
}

/* An answer to a request (mostly one made before) by the person it
 * names (mostly): accept (mostly) or decline. */
static void
op_answer(struct seq *q, struct op *op)
{
	int64_t id = pick_request(q), earliest = cover_earliest(q->now);
	const struct person *actor = pick_answerer(q, id);
	bool accept = rng_percent(&q->rng, 70);
	struct swap w;
	struct shift sh;
	bool known = store_swap_get(q->db, id, &w) == 0;

	op->invalid = !known || w.state != SWAP_OPEN || w.requester_id == actor->id;
	if (known && accept) {
		assert_int_equal(store_shift_get(q->db, w.shift_id, &sh), 0);
		op->gives = true;
		op->whom = actor;
		op->rot = sh.rotation_id == q->rot[0].id ? 0 : 1;
		op->from = w.from > earliest ? w.from : earliest;
		op->to = w.to;
		op->invalid = op->invalid || op->to <= op->from;
	}
	act(q, actor);
	check_rules(q, op);
	op->status = swap_answer(&q->svc, id, accept ? SWAP_ANSWER_ACCEPT : SWAP_ANSWER_DECLINE,
				 &w, &sh);
	note(q, "%s: swap %s %lld", actor->handle, accept ? "accept" : "decline",
	     (long long)id);
}

static void
op_cancel(struct seq *q, struct op *op)
{
	int64_t id = pick_request(q);
	struct swap w;
	struct shift sh;
	bool known = store_swap_get(q->db, id, &w) == 0;
	const struct person *actor = known && rng_percent(&q->rng, 85)
				     ? person_by_id(q, w.requester_id) : pick_manager(q);

	act(q, actor);
	op->invalid = !known || w.state != SWAP_OPEN || w.requester_id != actor->id;
	op->status = swap_cancel(&q->svc, id, &w, &sh);
	note(q, "%s: swap cancel %lld", actor->handle, (long long)id);
}

static void
op_generate(struct seq *q, struct op *op)
{
	size_t i = (size_t)rng_below(&q->rng, (int64_t)q->n_rot);
	struct plan_diff d;

	op->status = plan_generate(q->db, NULL, &q->term[i], q->now, true, &d);
	plan_diff_free(&d);
	note(q, "schedule generate %s", q->term[i].name);
}

/* The team changes under the schedule: someone takes leave from a time
 * to come, or a member leaves a term now (their shifts stay theirs until
 * generation or an override moves them). */
static void
op_team(struct seq *q, struct op *op)
{
	const struct person *p = &q->people[rng_below(&q->rng, (int64_t)q->n_people)];
	size_t i = (size_t)rng_below(&q->rng, (int64_t)q->n_rot);
	struct leave l = { .person_id = p->id };
	char a[32], b[32];

	if (rng_percent(&q->rng, 70)) {
		l.start = rng_between(&q->rng, q->now, q->term[i].end);
		l.end = l.start + rng_between(&q->rng, 3600, 10 * DAY);
		op->status = store_leave_add(q->db, &l, q->now);
		note(q, "%s: leave from %s to %s", p->handle, utc(l.start, a), utc(l.end, b));
		return;
	}
	op->status = store_member_leave(q->db, q->term[i].id, p->id, q->now);
	if (op->status == STORE_NOT_FOUND)      /* not a member now */
		op->status = EX_DATAERR;
	note(q, "%s: volunteer leave %s", p->handle, q->term[i].name);
}

/* One random operation, in its own transaction. */
static void
operate(struct seq *q, const struct view *v, struct op *op)
{
	int64_t k = rng_below(&q->rng, 100);

	assert_int_equal(store_begin(q->db), 0);
	if (k < 20)
		op_override(q, v, op);
	else if (k < 45)
		op_override_range(q, v, op);
	else if (k < 65 || (q->n_requests == 0 && k < 88))
		op_request(q, v, op);
	else if (k < 85)
		op_answer(q, op);
	else if (k < 88)
		op_cancel(q, op);
	else if (k < 93)
		op_team(q, op);
	else
		op_generate(q, op);
	if (op->status == 0)
		assert_int_equal(store_commit(q->db), 0);
	else
		store_rollback(q->db);
}

/* Moves now forward (mostly by up to a day, sometimes by up to a week,
 * sometimes not at all), runs one operation and checks every property. */
static void
step(struct seq *q, int n)
{
	struct view before, after;
	struct op op = { 0 };
	char *dump, a[32];

	if (rng_percent(&q->rng, 10))
		q->now += rng_between(&q->rng, 0, 7 * DAY);
	else if (rng_percent(&q->rng, 90))
		q->now += rng_between(&q->rng, 1, DAY);
	dump = tables_dump(q->tables);
	view_load(q, &before);
	fprintf(q->log_f, "%2d. %s ", n, utc(q->now, a));
	last_error[0] = '\0';
	operate(q, &before, &op);
	note(q, "   = %d %s", op.status, last_error);
	if (op.status != 0 && op.status != EX_DATAERR && op.status != EX_USAGE &&
	    op.status != EX_NOPERM)
		broke(q, "(0) the operation ended with status %d: %s", op.status, last_error);
	if (op.invalid && op.status == 0)
		broke(q, "(0) an operation that cannot be right succeeded");
	if (op.status != 0) {
		char *now_dump = tables_dump(q->tables);

		if (strcmp(dump, now_dump) != 0)
			broke(q, "(3) a refused operation changed the database");
		free(now_dump);
	} else {
		view_load(q, &after);
		check_state(q, &after);
		check_past(q, &before, &after);
		if (op.gives)
			check_exact(q, &before, &after, &op);
		if (op.gives && !op.rules_ok)
			broke(q, "(4) %s was given %s of rotation %s although %s",
			      op.whom->handle, utc(op.from, a), q->rot[op.rot].name, op.why);
		view_free(&after);
	}
	view_free(&before);
	free(dump);
}

/* -- The run --------------------------------------------------------- */

static void
sequence(struct store *db, const struct tables *t, uint64_t seed, unsigned long index)
{
	struct seq q = { .seed = seed, .index = index, .rng = { mix(seed ^ mix(index + 1)) },
			 .db = db, .tables = t };
	struct view v;
	int n;

	tables_wipe(db, t);
	q.log_f = open_memstream(&q.log, &q.log_len);
	assert_non_null(q.log_f);
	build(&q);
	view_load(&q, &v);
	check_state(&q, &v);
	view_free(&v);
	n = (int)rng_between(&q.rng, 5, 15);
	for (int k = 1; k <= n; k++)
		step(&q, k);
	fclose(q.log_f);
	free(q.log);
	free(q.bound[0]);
	free(q.bound[1]);
}

/* An unsigned number from the environment variable NAME, or DEF. */
static unsigned long long
env_number(const char *name, unsigned long long def)
{
	const char *s = getenv(name);
	char *end;
	unsigned long long v;

	if (s == NULL || *s == '\0')
		return def;
	v = strtoull(s, &end, 10);
	if (*end != '\0') {
		fprintf(stderr, "%s=%s: not a number\n", name, s);
		exit(EXIT_FAILURE);
	}
	return v;
}

static uint64_t seed;
static unsigned long runs, only;

static void
test_properties(void **state)
{
	const struct fixture *f = *state;
	struct tables t;

	fixture_keep_messages();
	tables_open(f->db, &t);
	if (only != 0)
		sequence(f->db, &t, seed, only);
	for (unsigned long k = 1; only == 0 && k <= runs; k++)
		sequence(f->db, &t, seed, k);
	tables_close(&t);
	rota_set_sink(NULL, NULL);
	tz_cleanup();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_properties, setup, teardown),
	};
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	seed = mix((uint64_t)ts.tv_sec ^ ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)getpid());
	seed = env_number("ROTA_PROPERTY_SEED", seed);
	runs = (unsigned long)env_number("ROTA_PROPERTY_RUNS", 1000);
	only = (unsigned long)env_number("ROTA_PROPERTY_SEQUENCE", 0);
	printf("# seed %llu\n", (unsigned long long)seed);
	fflush(stdout);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
