/* Feeds: the shifts a calendar feed shows, the shifts people gave away
 * (their personal feeds show them cancelled), the escalation tier's
 * shifts named in their descriptions, and the per-person feed tokens. */
#include "config.h"

#include "common/err.h"
#include "store/store-private.h"

/* No shift is longer than 28 days and a DST hour: bounds start_at from
 * below, so that the (.., start_at) indexes serve "ends after FROM". */
#define LONGEST_SHIFT "2505600"

#define FEED_FILTER \
	"s.start_at > ?3 - " LONGEST_SHIFT " AND s.end_at > ?3 " \
	"AND (s.cancelled_at IS NULL OR s.end_at > ?4) " \
	"ORDER BY s.start_at, r.tier = 'escalation', r.name"

int
store_feed_shifts(struct store *s, int64_t person_id, int64_t rotation_id,
		  int64_t from, int64_t now, struct shift **v, size_t *n)
{
	static const char by_person[] = SHIFT_COLS "WHERE s.person_id = ?1 AND "
		"(?2 = 0 OR s.rotation_id = ?2) AND " FEED_FILTER;
	static const char by_rotation[] = SHIFT_COLS "WHERE s.rotation_id = ?2 AND "
		"(?1 = 0 OR s.person_id = ?1) AND " FEED_FILTER;
	static const char any[] = SHIFT_COLS "WHERE ?1 = 0 AND ?2 = 0 AND " FEED_FILTER;
	sqlite3_stmt *st = db_stmt(s, person_id ? by_person : rotation_id ? by_rotation : any);

	if (st != NULL) {
		db_bind_int(st, 1, person_id);
		db_bind_int(st, 2, rotation_id);
		db_bind_int(st, 3, from);
		db_bind_int(st, 4, now);
	}
	return db_list(s, st, read_shift, sizeof **v, (void **)v, n);
}

int
store_feed_releases(struct store *s, int64_t person_id, int64_t now, struct shift **v,
		    size_t *n)
{
	/* SHIFT_COLS's columns, for read_shift(), with the person, range and
	 * change time of the release, cancelled. */
	static const char sql[] =
		"SELECT s.id, s.uid, s.rotation_id, r.name, r.tier, r.tz, s.term_id, t.name, "
		"s.slot, x.person_id, p.handle, x.start_at, x.end_at, s.origin, s.sequence, 1, "
		"s.slot_start, s.slot_end, x.released_at FROM shift_releases x "
		"JOIN shifts s ON s.id = x.shift_id JOIN rotations r ON r.id = s.rotation_id "
		"JOIN terms t ON t.id = s.term_id JOIN persons p ON p.id = x.person_id "
		"WHERE (?1 = 0 OR x.person_id = ?1) AND x.end_at > ?2 "
		"ORDER BY x.person_id, x.start_at, r.tier = 'escalation', r.name";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, person_id);
		db_bind_int(st, 2, now);
	}
	return db_list(s, st, read_shift, sizeof **v, (void **)v, n);
}

int
store_feed_escalations(struct store *s, int64_t from, struct shift **v, size_t *n)
{
	static const char sql[] = SHIFT_COLS
		"WHERE s.rotation_id IN (SELECT id FROM rotations WHERE tier = 'escalation') "
		"AND s.start_at > ?1 - " LONGEST_SHIFT " AND s.end_at > ?1 "
		"AND s.cancelled_at IS NULL ORDER BY s.start_at, r.name";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, from);
	return db_list(s, st, read_shift, sizeof **v, (void **)v, n);
}

int
store_person_set_feed_token(struct store *s, int64_t person_id, const char *token)
{
	static const char sql[] =
		"UPDATE persons SET feed_token = ?2 WHERE id = ?1 AND removed_at IS NULL";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, person_id);
	db_bind_text(st, 2, token);
	return db_changed(s, st);
}
