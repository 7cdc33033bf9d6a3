/* Shifts: slots of a term held by a person. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "store/store-private.h"

int
read_shift(sqlite3_stmt *st, void *out)
{
	struct shift *sh = out;
	char word[16];

	sh->id = db_int(st, 0, 0);
	db_text(st, 1, sh->uid, sizeof sh->uid);
	sh->rotation_id = db_int(st, 2, 0);
	db_text(st, 3, sh->rotation, sizeof sh->rotation);
	db_text(st, 4, word, sizeof word);
	if (tier_parse(word, &sh->tier) < 0)
		return db_bad_value(st, "rotation", sh->rotation_id, "tier", word);
	db_text(st, 5, sh->tz, sizeof sh->tz);
	sh->term_id = db_int(st, 6, 0);
	db_text(st, 7, sh->term, sizeof sh->term);
	sh->slot = (int)db_int(st, 8, 0);
	sh->person_id = db_int(st, 9, 0);
	db_text(st, 10, sh->handle, sizeof sh->handle);
	sh->start = db_int(st, 11, 0);
	sh->end = db_int(st, 12, 0);
	/* rota never stores such a time (a feed would print year 0). */
	if (!time_in_range(sh->start) || !time_in_range(sh->end)) {
		bool start = !time_in_range(sh->start);

		snprintf(word, sizeof word, "%lld", (long long)(start ? sh->start : sh->end));
		return db_bad_value(st, "shift", sh->id, start ? "start_at" : "end_at", word);
	}
	db_text(st, 13, word, sizeof word);
	if (origin_parse(word, &sh->origin) < 0)
		return db_bad_value(st, "shift", sh->id, "origin", word);
	sh->sequence = (int)db_int(st, 14, 0);
	sh->cancelled = db_int(st, 15, 0) != 0;
	sh->slot_start = db_int(st, 16, 0);
	sh->slot_end = db_int(st, 17, 0);
	sh->updated = db_int(st, 18, 0);
	return 0;
}

#define SHIFT_FILTER \
	"(?1 = 0 OR s.rotation_id = ?1) AND (?2 = 0 OR s.term_id = ?2) " \
	"AND (?3 = 0 OR s.person_id = ?3) AND s.end_at > ?4 AND (?5 = 0 OR s.start_at < ?5) " \
	"AND (?6 OR s.cancelled_at IS NULL) ORDER BY s.start_at, r.tier = 'escalation', r.name"

/* The statement of store_shift_list and store_shift_each, bound to F. */
static sqlite3_stmt *
shift_query(struct store *s, const struct shift_filter *f)
{
	/* "?N = 0 OR ..." hides the column from the planner: a leading
	 * equality on the most selective id given lets it use an index. */
	static const char by_term[] = SHIFT_COLS "WHERE s.term_id = ?2 AND " SHIFT_FILTER;
	static const char by_person[] = SHIFT_COLS "WHERE s.person_id = ?3 AND " SHIFT_FILTER;
	static const char by_rotation[] = SHIFT_COLS "WHERE s.rotation_id = ?1 AND " SHIFT_FILTER;
	static const char any[] = SHIFT_COLS "WHERE " SHIFT_FILTER;
	sqlite3_stmt *st = db_stmt(s, f->term_id ? by_term : f->person_id ? by_person :
				   f->rotation_id ? by_rotation : any);

	if (st != NULL) {
		db_bind_int(st, 1, f->rotation_id);
		db_bind_int(st, 2, f->term_id);
		db_bind_int(st, 3, f->person_id);
		db_bind_int(st, 4, f->from == 0 ? INT64_MIN : f->from);
		db_bind_int(st, 5, f->to);
		db_bind_int(st, 6, f->include_cancelled);
	}
	return st;
}

int
store_shift_list(struct store *s, const struct shift_filter *f,
		 struct shift **v, size_t *n)
{
	return db_list(s, shift_query(s, f), read_shift, sizeof **v, (void **)v, n);
}

int
store_shift_each(struct store *s, const struct shift_filter *f, store_row_fn *fn,
		 void *arg)
{
	struct shift sh;

	return db_each(s, shift_query(s, f), read_shift, NULL, &sh, sizeof sh, fn, arg);
}

int
store_shift_get(struct store *s, int64_t id, struct shift *out)
{
	static const char sql[] = SHIFT_COLS "WHERE s.id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, id);
	return db_one(s, st, read_shift, out);
}

/* A shift to be inserted with no week is the whole week; with no UID,
 * it gets the one its week and start give it. */
static void
new_shift_defaults(struct shift *sh)
{
	if (sh->slot_end == 0) {
		sh->slot_start = sh->start;
		sh->slot_end = sh->end;
	}
	if (sh->uid[0] != '\0')
		return;
	if (sh->start == sh->slot_start)
		shift_uid_make(sh->rotation, sh->term, sh->slot, sh->uid, sizeof sh->uid);
	else
		shift_part_uid_make(sh->rotation, sh->term, sh->slot, sh->start, sh->uid,
				    sizeof sh->uid);
}

int
store_shift_insert(struct store *s, struct shift *sh, int64_t now)
{
	static const char sql[] =
		"INSERT INTO shifts (uid, rotation_id, term_id, slot, person_id, start_at, "
		"end_at, origin, sequence, updated_at, slot_start, slot_end) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	new_shift_defaults(sh);
	db_bind_text(st, 1, sh->uid);
	db_bind_int(st, 2, sh->rotation_id);
	db_bind_int(st, 3, sh->term_id);
	db_bind_int(st, 4, sh->slot);
	db_bind_int(st, 5, sh->person_id);
	db_bind_int(st, 6, sh->start);
	db_bind_int(st, 7, sh->end);
	db_bind_text(st, 8, origin_name(sh->origin));
	db_bind_int(st, 9, now);
	db_bind_int(st, 10, sh->slot_start);
	db_bind_int(st, 11, sh->slot_end);
	sh->sequence = 0;
	sh->cancelled = false;
	sh->updated = now;
	return db_insert(s, st, "shift", &sh->id);
}

/* Keeps the feed of the person who loses shift SHIFT_ID (if it changes
 * hands to PERSON_ID) showing it, cancelled, and forgets any such record
 * of PERSON_ID, who holds it again. */
static int
record_release(struct store *s, int64_t shift_id, int64_t person_id, int64_t now)
{
	static const char keep_sql[] =
		"INSERT OR REPLACE INTO shift_releases (shift_id, person_id, start_at, end_at, "
		"released_at) SELECT id, person_id, start_at, end_at, ?3 FROM shifts "
		"WHERE id = ?1 AND cancelled_at IS NULL AND person_id <> ?2";
	static const char forget_sql[] =
		"DELETE FROM shift_releases WHERE shift_id = ?1 AND person_id = ?2";
	sqlite3_stmt *st = db_stmt(s, keep_sql);
	int r;

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, shift_id);
	db_bind_int(st, 2, person_id);
	db_bind_int(st, 3, now);
	if ((r = db_step_done(s, st)) != 0)
		return r;
	if ((st = db_stmt(s, forget_sql)) == NULL)
		return db_failed(s);
	db_bind_int(st, 1, shift_id);
	db_bind_int(st, 2, person_id);
	return db_step_done(s, st);
}

int
store_shift_reshape(struct store *s, int64_t shift_id, int64_t person_id, int64_t end,
		    enum origin origin, int64_t now)
{
	static const char sql[] =
		"UPDATE shifts SET person_id = ?2, origin = ?3, sequence = sequence + 1, "
		"cancelled_at = NULL, updated_at = ?4, end_at = CASE ?5 WHEN 0 THEN end_at "
		"ELSE ?5 END WHERE id = ?1";
	sqlite3_stmt *st;
	int r;

	if ((r = record_release(s, shift_id, person_id, now)) != 0)
		return r;
	if ((st = db_stmt(s, sql)) == NULL)
		return db_failed(s);
	db_bind_int(st, 1, shift_id);
	db_bind_int(st, 2, person_id);
	db_bind_text(st, 3, origin_name(origin));
	db_bind_int(st, 4, now);
	db_bind_int(st, 5, end);
	return db_changed(s, st);
}

int
store_shift_assign(struct store *s, int64_t shift_id, int64_t person_id,
		   enum origin origin, int64_t now)
{
	return store_shift_reshape(s, shift_id, person_id, 0, origin, now);
}

int
store_slot_shifts(struct store *s, int64_t term_id, int slot, struct shift **v, size_t *n)
{
	static const char sql[] = SHIFT_COLS "WHERE s.term_id = ? AND s.slot = ? "
		"ORDER BY s.start_at";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, term_id);
		db_bind_int(st, 2, slot);
	}
	return db_list(s, st, read_shift, sizeof **v, (void **)v, n);
}

int
store_shift_cancel(struct store *s, int64_t shift_id, int64_t now)
{
	static const char sql[] =
		"UPDATE shifts SET cancelled_at = ?2, sequence = sequence + 1, updated_at = ?2 "
		"WHERE id = ?1 AND cancelled_at IS NULL";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, shift_id);
	db_bind_int(st, 2, now);
	return db_changed(s, st);
}

/* -- schedule generation, checks and `rota now` -- */

int
store_term_shifts(struct store *s, int64_t term_id, struct shift **v, size_t *n)
{
	static const char sql[] = SHIFT_COLS "WHERE s.term_id = ? ORDER BY s.slot, s.start_at";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, term_id);
	return db_list(s, st, read_shift, sizeof **v, (void **)v, n);
}

int
store_term_member_shifts(struct store *s, int64_t term_id, int64_t from, int64_t to,
			 struct shift **v, size_t *n)
{
	/* Through the (person_id, start_at) index, one member at a time; no
	 * shift is longer than 28 days and a DST hour, which bounds start_at
	 * from below too. */
	static const char sql[] =
		SHIFT_COLS "JOIN memberships m ON m.person_id = s.person_id AND m.term_id = ?1 "
		"WHERE s.start_at < ?3 AND s.start_at > ?2 - 29 * 86400 AND s.end_at > ?2 "
		"AND s.cancelled_at IS NULL "
		"AND s.rotation_id <> (SELECT rotation_id FROM terms WHERE id = ?1) "
		"ORDER BY s.start_at, r.tier = 'escalation', r.name";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, term_id);
		db_bind_int(st, 2, from);
		db_bind_int(st, 3, to);
	}
	return db_list(s, st, read_shift, sizeof **v, (void **)v, n);
}

int
store_member_history(struct store *s, int64_t term_id, int64_t rotation_id,
		     int64_t before, struct member_history **v, size_t *n)
{
	/* Three plain index walks and the sums in C: a GROUP BY here would
	 * build a temporary b-tree on every call, for a few hundred rows.
	 * The pages' IN names the WHERE of the partial index pages_ooh_time,
	 * so that sqlite walks the shift's week of it (migration 9). */
	static const char members_sql[] =
		"SELECT person_id FROM memberships WHERE term_id = ? ORDER BY person_id";
	static const char shifts_sql[] =
		"SELECT person_id, start_at, end_at, slot_start, slot_end FROM shifts WHERE rotation_id = ?2 "
		"AND start_at < ?3 AND end_at <= ?3 AND term_id <> ?1 AND cancelled_at IS NULL";
	static const char pages_sql[] =
		"SELECT count(*) FROM pages WHERE responder_id = ?1 AND created_at >= ?2 "
		"AND created_at < ?3 AND class IN ('out_of_hours', 'sleep') AND class = 'sleep'";
	struct member_history *h = NULL;
	size_t nh = 0, kept = 0;
	sqlite3_stmt *st;
	int r;

	*v = NULL;
	*n = 0;
	if ((st = db_stmt(s, members_sql)) == NULL)
		return db_failed(s);
	db_bind_int(st, 1, term_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		h = xpush(h, &nh, sizeof *h);
		h[nh - 1].person_id = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (r != SQLITE_DONE || (st = db_stmt(s, shifts_sql)) == NULL)
		goto fail;
	db_bind_int(st, 1, term_id);
	db_bind_int(st, 2, rotation_id);
	db_bind_int(st, 3, before);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t person = sqlite3_column_int64(st, 0), end = sqlite3_column_int64(st, 2);
		int64_t start = sqlite3_column_int64(st, 1);
		int64_t week = sqlite3_column_int64(st, 4) - sqlite3_column_int64(st, 3);

		for (size_t i = 0; i < nh; i++) {
			if (h[i].person_id != person)
				continue;
			h[i].parts++;
			h[i].held += week > 0 ? 1000 * (end - start) / week : 1000;
			if (end > h[i].last_end) {
				h[i].last_start = start;
				h[i].last_end = end;
			}
			break;
		}
	}
	sqlite3_reset(st);
	if (r != SQLITE_DONE)
		goto fail;
	for (size_t i = 0; i < nh; i++) {
		if (h[i].parts == 0)
			continue;
		if ((st = db_stmt(s, pages_sql)) == NULL)
			goto fail;
		db_bind_int(st, 1, h[i].person_id);
		db_bind_int(st, 2, h[i].last_start);
		db_bind_int(st, 3, h[i].last_end);
		r = sqlite3_step(st);
		if (r == SQLITE_ROW)
			h[i].last_sleep_pages = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (r != SQLITE_ROW)
			goto fail;
		h[kept++] = h[i];
	}
	*v = h;
	*n = kept;
	return 0;
fail:
	free(h);
	return st == NULL ? db_failed(s) : db_error(s);
}

/* A row of store_now. */
static int
read_on_call(sqlite3_stmt *st, void *out)
{
	struct on_call *c = out;
	char word[16];

	c->shift_id = db_int(st, 0, 0);
	c->rotation_id = db_int(st, 1, 0);
	db_text(st, 2, c->rotation, sizeof c->rotation);
	db_text(st, 3, word, sizeof word);
	if (tier_parse(word, &c->tier) < 0)
		return db_bad_value(st, "rotation", c->rotation_id, "tier", word);
	db_text(st, 4, c->tz, sizeof c->tz);
	c->person_id = db_int(st, 5, 0);
	db_text(st, 6, c->handle, sizeof c->handle);
	c->start = db_int(st, 7, 0);
	c->end = db_int(st, 8, 0);
	/* No shift in force (the LEFT JOIN's NULLs): no origin to read. */
	db_text(st, 9, word, sizeof word);
	if (c->shift_id != 0 && origin_parse(word, &c->origin) < 0)
		return db_bad_value(st, "shift", c->shift_id, "origin", word);
	c->out_of_hours = db_int(st, 10, 0) != 0;
	return 0;
}

int
store_now_each(struct store *s, int64_t t, void (*fn)(const struct on_call *c, void *arg),
	       void *arg)
{
	/* Every rotation in list order (index rotations_listed), and in each
	 * two probes of the index on (rotation_id, start_at, ...), which holds
	 * every shift column read here: the latest shift started by T, if it
	 * has not ended. Two shifts of one rotation that start at once
	 * (overlapping terms) give two rows: the first is kept. What the
	 * rotation covers is one probe of rotation_cover's primary key. */
	static const char sql[] =
		"SELECT s.id, r.id, r.name, r.tier, r.tz, s.person_id, p.handle, "
		"s.start_at, s.end_at, s.origin, rc.rotation_id IS NOT NULL FROM rotations r "
		"LEFT JOIN rotation_cover rc ON rc.rotation_id = r.id "
		"LEFT JOIN shifts s ON s.rotation_id = r.id AND s.cancelled_at IS NULL AND "
		"  s.start_at = (SELECT max(s2.start_at) FROM shifts s2 WHERE "
		"    s2.rotation_id = r.id AND s2.start_at <= ?1 AND s2.cancelled_at IS NULL) "
		"  AND s.end_at > ?1 "
		"LEFT JOIN persons p ON p.id = s.person_id "
		"ORDER BY r.tier = 'escalation', r.name";
	sqlite3_stmt *st = db_stmt(s, sql);
	struct on_call c;
	int64_t last = 0;
	int r, err = 0;

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, t);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 1) == last)
			continue;
		memset(&c, 0, sizeof c);
		if ((err = read_on_call(st, &c)) != 0)
			break;
		last = c.rotation_id;
		fn(&c, arg);
	}
	sqlite3_reset(st);
	if (err != 0)
		return err;
	return r == SQLITE_DONE ? 0 : db_error(s);
}

struct on_call_list {
	struct on_call *v;
	size_t n;
};

static void
collect_on_call(const struct on_call *c, void *arg)
{
	struct on_call_list *l = arg;

	l->v = xpush(l->v, &l->n, sizeof *l->v);
	l->v[l->n - 1] = *c;
}

int
store_now(struct store *s, int64_t t, struct on_call **v, size_t *n)
{
	struct on_call_list l = { NULL, 0 };
	int r = store_now_each(s, t, collect_on_call, &l);

	if (r != 0) {
		free(l.v);
		l.v = NULL;
		l.n = 0;
	}
	*v = l.v;
	*n = l.n;
	return r;
}

/* Multi-row INSERTs of 16, 4 and 1 rows, built once: one statement per
 * chunk spares the per-statement set-up of row-by-row inserts, and bound
 * values spare any parsing. */
#define INSERT_CHUNKS 3
static const int insert_rows[INSERT_CHUNKS] = { 16, 4, 1 };

static const char *
insert_sql(int k)
{
	static char sql[INSERT_CHUNKS][64 * 16 + 256];

	if (sql[k][0] == '\0') {
		size_t len = (size_t)snprintf(sql[k], sizeof sql[k],
			"INSERT INTO shifts (uid, rotation_id, term_id, slot, person_id, "
			"start_at, end_at, origin, sequence, updated_at, slot_start, slot_end) "
			"VALUES ");
		for (int i = 0; i < insert_rows[k]; i++)
			len += (size_t)snprintf(sql[k] + len, sizeof sql[k] - len,
						"%s(?,?,?,?,?,?,?,?,0,?,?,?)", i ? "," : "");
	}
	return sql[k];
}

int
store_shift_insert_many(struct store *s, struct shift *v, size_t n, int64_t now)
{
	size_t done = 0;

	while (done < n) {
		int k = 0, rows, col = 1;
		sqlite3_stmt *st;
		int64_t last;
		int r;

		while ((size_t)insert_rows[k] > n - done)
			k++;
		rows = insert_rows[k];
		if ((st = db_stmt(s, insert_sql(k))) == NULL)
			return db_failed(s);
		for (int i = 0; i < rows; i++) {
			struct shift *sh = &v[done + (size_t)i];

			new_shift_defaults(sh);
			/* Both strings outlive the step: no copies. */
			sqlite3_bind_text(st, col++, sh->uid, -1, SQLITE_STATIC);
			db_bind_int(st, col++, sh->rotation_id);
			db_bind_int(st, col++, sh->term_id);
			db_bind_int(st, col++, sh->slot);
			db_bind_int(st, col++, sh->person_id);
			db_bind_int(st, col++, sh->start);
			db_bind_int(st, col++, sh->end);
			sqlite3_bind_text(st, col++, origin_name(sh->origin), -1, SQLITE_STATIC);
			db_bind_int(st, col++, now);
			db_bind_int(st, col++, sh->slot_start);
			db_bind_int(st, col++, sh->slot_end);
			sh->sequence = 0;
			sh->updated = now;
		}
		r = sqlite3_step(st);
		sqlite3_reset(st);
		if (r == SQLITE_CONSTRAINT)
			return rota_fail(EX_DATAERR, "shift already exists");
		if (r != SQLITE_DONE)
			return db_error(s);
		/* One INSERT gives its rows the rowids after the largest one, in
		 * order (shifts.id is an INTEGER PRIMARY KEY). */
		last = sqlite3_last_insert_rowid(s->db);
		for (int i = 0; i < rows; i++)
			v[done + (size_t)i].id = last - (rows - 1 - i);
		done += (size_t)rows;
	}
	return 0;
}
