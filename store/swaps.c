/* Swap requests. */
#include "config.h"

#include "common/err.h"
#include "store/store-private.h"

#define SWAP_COLS \
	"SELECT w.id, w.shift_id, w.requester_id, rq.handle, COALESCE(w.target_id, 0), " \
	"COALESCE(tg.handle, ''), w.state, w.created_at, COALESCE(w.decided_at, 0), " \
	"COALESCE(db.handle, ''), COALESCE(w.from_at, 0), COALESCE(w.to_at, 0) FROM swaps w JOIN persons rq ON rq.id = w.requester_id " \
	"LEFT JOIN persons tg ON tg.id = w.target_id LEFT JOIN persons db ON db.id = w.decided_by "

static int
read_swap(sqlite3_stmt *st, void *out)
{
	struct swap *w = out;
	char state[16];

	w->id = db_int(st, 0, 0);
	w->shift_id = db_int(st, 1, 0);
	w->requester_id = db_int(st, 2, 0);
	db_text(st, 3, w->requester, sizeof w->requester);
	w->target_id = db_int(st, 4, 0);
	db_text(st, 5, w->target, sizeof w->target);
	db_text(st, 6, state, sizeof state);
	if (swap_state_parse(state, &w->state) < 0)
		return db_bad_value(st, "swap", w->id, "state", state);
	w->created = db_int(st, 7, 0);
	w->decided = db_int(st, 8, 0);
	db_text(st, 9, w->decided_by, sizeof w->decided_by);
	w->from = db_int(st, 10, 0);
	w->to = db_int(st, 11, 0);
	return 0;
}

int
store_swap_add(struct store *s, struct swap *w)
{
	static const char sql[] =
		"INSERT INTO swaps (shift_id, requester_id, target_id, state, created_at, "
		"from_at, to_at) VALUES (?, ?, ?, 'open', ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, w->shift_id);
	db_bind_int(st, 2, w->requester_id);
	db_bind_id(st, 3, w->target_id);
	db_bind_int(st, 4, w->created);
	db_bind_id(st, 5, w->from);
	db_bind_id(st, 6, w->to);
	w->state = SWAP_OPEN;
	return db_insert(s, st, "swap request", &w->id);
}

int
store_swap_get(struct store *s, int64_t id, struct swap *out)
{
	static const char sql[] = SWAP_COLS "WHERE w.id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, id);
	return db_one(s, st, read_swap, out);
}

/* The statement of store_swap_list and store_swap_each. */
static sqlite3_stmt *
swap_query(struct store *s, int64_t person_id, bool open_only)
{
	static const char sql[] =
		SWAP_COLS "WHERE (?1 = 0 OR w.requester_id = ?1 OR w.target_id = ?1 "
		"OR w.target_id IS NULL) AND (NOT ?2 OR w.state = 'open') ORDER BY w.id DESC";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, person_id);
		db_bind_int(st, 2, open_only);
	}
	return st;
}

int
store_swap_each(struct store *s, int64_t person_id, bool open_only, store_row_fn *fn,
		void *arg)
{
	struct swap w;

	return db_each(s, swap_query(s, person_id, open_only), read_swap, NULL, &w, sizeof w,
		       fn, arg);
}

int
store_swap_list(struct store *s, int64_t person_id, bool open_only,
		struct swap **v, size_t *n)
{
	return db_list(s, swap_query(s, person_id, open_only), read_swap, sizeof **v,
		       (void **)v, n);
}

int
store_swap_decide(struct store *s, int64_t id, enum swap_state state,
		  int64_t by_person_id, int64_t at)
{
	static const char sql[] =
		"UPDATE swaps SET state = ?2, decided_by = ?3, decided_at = ?4 "
		"WHERE id = ?1 AND state = 'open'";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, swap_state_name(state));
	db_bind_id(st, 3, by_person_id);
	db_bind_int(st, 4, at);
	return db_changed(s, st);
}

int
store_swap_close_for_shift(struct store *s, int64_t shift_id, int64_t at)
{
	static const char sql[] =
		"UPDATE swaps SET state = 'cancelled', decided_at = ?2 "
		"WHERE shift_id = ?1 AND state = 'open'";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, shift_id);
	db_bind_int(st, 2, at);
	return db_step_done(s, st);
}

int
store_swap_decline_add(struct store *s, int64_t swap_id, int64_t person_id, int64_t at)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO swap_declines (swap_id, person_id, declined_at) "
		"VALUES (?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, swap_id);
	db_bind_int(st, 2, person_id);
	db_bind_int(st, 3, at);
	return db_step_done(s, st);
}

int
store_swap_declined(struct store *s, int64_t swap_id, int64_t person_id, bool *out)
{
	static const char sql[] =
		"SELECT 1 FROM swap_declines WHERE swap_id = ? AND person_id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);
	int r;

	*out = false;
	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, swap_id);
	db_bind_int(st, 2, person_id);
	r = sqlite3_step(st);
	sqlite3_reset(st);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return db_error(s);
	*out = r == SQLITE_ROW;
	return 0;
}
