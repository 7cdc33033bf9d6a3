/* SSH public keys: the source of truth authorized_keys is written from
 * (service/keys.c). */
#include "config.h"

#include <stdio.h>

#include "common/err.h"
#include "store/store-private.h"

#define KEY_COLS \
	"SELECT k.id, k.person_id, p.handle, k.type, k.blob, k.comment, k.fingerprint, " \
	"k.added_at FROM ssh_keys k JOIN persons p ON p.id = k.person_id "

static int
read_key(sqlite3_stmt *st, void *out)
{
	struct ssh_key *k = out;

	k->id = db_int(st, 0, 0);
	k->person_id = db_int(st, 1, 0);
	db_text(st, 2, k->handle, sizeof k->handle);
	db_text(st, 3, k->type, sizeof k->type);
	db_text(st, 4, k->blob, sizeof k->blob);
	db_text(st, 5, k->comment, sizeof k->comment);
	db_text(st, 6, k->fingerprint, sizeof k->fingerprint);
	k->added_at = db_int(st, 7, 0);
	return 0;
}

int
store_key_add(struct store *s, struct ssh_key *k, int64_t now)
{
	static const char sql[] =
		"INSERT INTO ssh_keys (person_id, type, blob, comment, fingerprint, added_at) "
		"VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);
	char what[KEY_FINGERPRINT_MAX + 16];

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, k->person_id);
	db_bind_text(st, 2, k->type);
	db_bind_text(st, 3, k->blob);
	db_bind_text(st, 4, k->comment);
	db_bind_text(st, 5, k->fingerprint);
	db_bind_int(st, 6, now);
	k->added_at = now;
	snprintf(what, sizeof what, "key %s", k->fingerprint);
	return db_insert(s, st, what, &k->id);
}

int
store_key_get_blob(struct store *s, const char *blob, struct ssh_key *out)
{
	static const char sql[] = KEY_COLS "WHERE k.blob = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_text(st, 1, blob);
	return db_one(s, st, read_key, out);
}

int
store_key_list(struct store *s, int64_t person_id, struct ssh_key **v, size_t *n)
{
	static const char sql[] =
		KEY_COLS "WHERE ?1 = 0 OR k.person_id = ?1 ORDER BY p.handle, k.id";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, person_id);
	return db_list(s, st, read_key, sizeof **v, (void **)v, n);
}

int
store_key_remove(struct store *s, int64_t id)
{
	static const char sql[] = "DELETE FROM ssh_keys WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, id);
	return db_changed(s, st);
}
