/* Queries for schedule generation that span several nouns (the shift and
 * leave ones sit with their nouns in shifts.c and leave.c). */
#include "config.h"

#include "common/err.h"
#include "store/store-private.h"

int
store_term_holidays(struct store *s, int64_t term_id, const char *from_day,
		    const char *to_day, struct holiday **v, size_t *n)
{
	static const char sql[] =
		HOLIDAY_COLS "WHERE h.office_id IN (SELECT p.office_id FROM memberships m "
		"  JOIN persons p ON p.id = m.person_id WHERE m.term_id = ?1 "
		"  AND p.office_id IS NOT NULL) "
		"AND h.day >= ?2 AND h.day <= ?3 ORDER BY h.day, o.name, h.name";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, term_id);
		db_bind_text(st, 2, from_day);
		db_bind_text(st, 3, to_day);
	}
	return db_list(s, st, read_holiday, sizeof **v, (void **)v, n);
}
