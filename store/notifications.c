/* Notifications: what rota notify must send and what it has sent. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/xalloc.h"
#include "store/store-private.h"

#define NOTIFICATION_COLS \
	"SELECT id, kind, dedup_key, channel, recipient, subject, body, state, " \
	"attempts, COALESCE(last_error, ''), created_at, COALESCE(sent_at, 0) " \
	"FROM notifications "

static const char *const state_names[] = { "pending", "sent", "failed" };

const char *
notification_state_name(enum notification_state s)
{
	return (unsigned)s < 3 ? state_names[s] : "pending";
}

static int
state_parse(const char *s, enum notification_state *out)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, state_names[i]) == 0) {
			*out = (enum notification_state)i;
			return 0;
		}
	return -1;
}

/* Frees what a notification read by read_notification owns. */
static void
drop_notification(void *elem)
{
	free(((struct notification *)elem)->body);
}

static int
read_notification(sqlite3_stmt *st, void *out)
{
	struct notification *n = out;
	const unsigned char *body;
	char state[16];

	n->id = db_int(st, 0, 0);
	db_text(st, 1, n->kind, sizeof n->kind);
	db_text(st, 2, n->dedup_key, sizeof n->dedup_key);
	db_text(st, 3, n->channel, sizeof n->channel);
	db_text(st, 4, n->recipient, sizeof n->recipient);
	db_text(st, 5, n->subject, sizeof n->subject);
	body = sqlite3_column_text(st, 6);
	n->body = xstrdup(body != NULL ? (const char *)body : "");
	db_text(st, 7, state, sizeof state);
	if (state_parse(state, &n->state) < 0)
		return db_bad_value(st, "notification", n->id, "state", state);
	n->attempts = (int)db_int(st, 8, 0);
	db_text(st, 9, n->last_error, sizeof n->last_error);
	n->created = db_int(st, 10, 0);
	n->sent = db_int(st, 11, 0);
	return 0;
}

int
store_notification_add(struct store *s, struct notification *n, bool *added)
{
	static const char sql[] =
		"INSERT INTO notifications (kind, dedup_key, channel, recipient, subject, "
		"body, state, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?) "
		"ON CONFLICT (dedup_key) DO NOTHING";
	sqlite3_stmt *st = db_stmt(s, sql);
	int r;

	if (added != NULL)
		*added = false;
	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, n->kind);
	db_bind_text(st, 2, n->dedup_key);
	db_bind_text(st, 3, n->channel);
	db_bind_text(st, 4, n->recipient);
	db_bind_text(st, 5, n->subject);
	db_bind_text(st, 6, n->body != NULL ? n->body : "");
	db_bind_int(st, 7, n->created);
	if ((r = db_step_done(s, st)) != 0)
		return r;
	if (sqlite3_changes(s->db) == 0)
		return 0;
	n->id = sqlite3_last_insert_rowid(s->db);
	n->state = NOTIFICATION_PENDING;
	n->attempts = 0;
	if (added != NULL)
		*added = true;
	return 0;
}

int
store_notification_due(struct store *s, struct notification **v, size_t *n)
{
	static const char sql[] = NOTIFICATION_COLS
		"WHERE state IN ('pending', 'failed') ORDER BY created_at, id";

	return db_list_owning(s, db_stmt(s, sql), read_notification, drop_notification,
			      sizeof **v, (void **)v, n);
}

int
store_notification_list(struct store *s, size_t limit, struct notification **v, size_t *n)
{
	static const char sql[] = NOTIFICATION_COLS
		"ORDER BY created_at DESC, id DESC LIMIT ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, limit == 0 ? -1 : (int64_t)limit);
	return db_list_owning(s, st, read_notification, drop_notification, sizeof **v,
			      (void **)v, n);
}

int
store_notification_sent(struct store *s, int64_t id, int64_t at)
{
	static const char sql[] =
		"UPDATE notifications SET state = 'sent', attempts = attempts + 1, "
		"last_error = NULL, sent_at = ? WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, at);
	db_bind_int(st, 2, id);
	return db_changed(s, st);
}

int
store_notification_failed(struct store *s, int64_t id, const char *error)
{
	static const char sql[] =
		"UPDATE notifications SET state = 'failed', attempts = attempts + 1, "
		"last_error = ? WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, error);
	db_bind_int(st, 2, id);
	return db_changed(s, st);
}

void
store_notification_free(struct notification *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		drop_notification(&v[i]);
	free(v);
}

/* -- shift news -- */

static int
read_told_week(sqlite3_stmt *st, void *out)
{
	struct told_week *w = out;

	w->term_id = db_int(st, 0, 0);
	w->slot = (int)db_int(st, 1, 0);
	w->slot_start = db_int(st, 2, 0);
	w->slot_end = db_int(st, 3, 0);
	db_text(st, 4, w->term, sizeof w->term);
	db_text(st, 5, w->rotation, sizeof w->rotation);
	db_text(st, 6, w->tz, sizeof w->tz);
	w->term_told = db_int(st, 7, 0) != 0;
	return 0;
}

int
store_told_changed(struct store *s, int64_t now, struct told_week **v, size_t *n)
{
	/* Both sides as (week, start from now, end, holder): the weeks in
	 * either difference are those whose future changed hands or shape. */
	static const char sql[] =
		"WITH held AS (SELECT term_id, slot, slot_start, slot_end, "
		"  max(start_at, ?1), end_at, person_id FROM shifts "
		"  WHERE cancelled_at IS NULL AND end_at > ?1), "
		"told AS (SELECT term_id, slot, slot_start, slot_end, max(start_at, ?1), "
		"  end_at, person_id FROM shifts_told WHERE end_at > ?1), "
		"diff AS (SELECT * FROM held EXCEPT SELECT * FROM told "
		"  UNION SELECT * FROM (SELECT * FROM told EXCEPT SELECT * FROM held)) "
		"SELECT DISTINCT d.term_id, d.slot, d.slot_start, d.slot_end, t.name, r.name, "
		"  r.tz, d.term_id IN (SELECT term_id FROM terms_told) AS told "
		"FROM diff d JOIN terms t ON t.id = d.term_id "
		"JOIN rotations r ON r.id = t.rotation_id "
		"ORDER BY told, CASE WHEN told THEN d.slot_start END, r.tier = 'escalation', "
		"r.name, d.term_id, d.slot";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, now);
	return db_list(s, st, read_told_week, sizeof **v, (void **)v, n);
}

static int
read_held_part(sqlite3_stmt *st, void *out)
{
	struct held_part *p = out;

	p->start = db_int(st, 0, 0);
	p->end = db_int(st, 1, 0);
	p->person_id = db_int(st, 2, 0);
	return 0;
}

int
store_told_parts(struct store *s, int64_t term_id, int slot, struct held_part **v,
		 size_t *n)
{
	static const char sql[] =
		"SELECT start_at, end_at, person_id FROM shifts_told "
		"WHERE term_id = ? AND slot = ? ORDER BY start_at";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, term_id);
		db_bind_int(st, 2, slot);
	}
	return db_list(s, st, read_held_part, sizeof **v, (void **)v, n);
}

/* Runs SQL with TERM_ID and SLOT bound as ?1 and ?2. */
static int
told_exec(struct store *s, const char *sql, int64_t term_id, int slot)
{
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, term_id);
	db_bind_int(st, 2, slot);
	return db_step_done(s, st);
}

int
store_told_set(struct store *s, int64_t term_id, int slot)
{
	static const char forget_sql[] =
		"DELETE FROM shifts_told WHERE term_id = ?1 AND slot = ?2";
	static const char keep_sql[] =
		"INSERT INTO shifts_told (term_id, slot, slot_start, slot_end, start_at, "
		"end_at, person_id) SELECT term_id, slot, slot_start, slot_end, start_at, "
		"end_at, person_id FROM shifts WHERE term_id = ?1 AND slot = ?2 "
		"AND cancelled_at IS NULL";
	static const char term_sql[] =
		"INSERT OR IGNORE INTO terms_told (term_id) VALUES (?)";
	sqlite3_stmt *st;
	int r;

	if ((r = told_exec(s, forget_sql, term_id, slot)) != 0 ||
	    (r = told_exec(s, keep_sql, term_id, slot)) != 0)
		return r;
	if ((st = db_stmt(s, term_sql)) == NULL)
		return db_failed(s);
	db_bind_int(st, 1, term_id);
	return db_step_done(s, st);
}

int
store_notify_run_add(struct store *s, int64_t now, int64_t *id)
{
	static const char sql[] = "INSERT INTO notify_runs (at) VALUES (?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, now);
	return db_insert(s, st, "notify run", id);
}
