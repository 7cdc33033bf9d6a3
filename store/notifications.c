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
		return EX_SOFTWARE;
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
		return EX_SOFTWARE;
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
		return EX_SOFTWARE;
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
