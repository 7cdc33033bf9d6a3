/* HTTP validators of fetched documents: see store/import.h. */
#include "config.h"

#include "common/err.h"
#include "store/import.h"
#include "store/store-private.h"

static int
read_cache(sqlite3_stmt *st, void *out)
{
	struct http_cache *c = out;

	db_text(st, 0, c->etag, sizeof c->etag);
	db_text(st, 1, c->last_modified, sizeof c->last_modified);
	c->fetched_at = db_int(st, 2, 0);
	return 0;
}

int
store_http_cache_get(struct store *s, const char *key, struct http_cache *out)
{
	static const char sql[] =
		"SELECT etag, last_modified, fetched_at FROM http_cache WHERE url = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_text(st, 1, key);
	return db_one(s, st, read_cache, out);
}

int
store_http_cache_put(struct store *s, const char *key, const char *etag,
		     const char *last_modified, int64_t fetched_at)
{
	static const char sql[] =
		"INSERT INTO http_cache (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?) "
		"ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
		"last_modified = excluded.last_modified, fetched_at = excluded.fetched_at";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, etag);
	db_bind_text(st, 3, last_modified);
	db_bind_int(st, 4, fetched_at);
	return db_step_done(s, st);
}

int
store_http_cache_remove(struct store *s, const char *key)
{
	static const char sql[] = "DELETE FROM http_cache WHERE url = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, key);
	return db_changed(s, st);
}
