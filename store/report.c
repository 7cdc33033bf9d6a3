/* The monthly report's queries: a month's pages, and the times of
 * out-of-hours pages for the trend. */
#include "config.h"

#include <string.h>

#include "common/err.h"
#include "store/store-private.h"

static enum page_class
class_of(const char *s)
{
	if (strcmp(s, "in_hours") == 0)
		return PAGE_IN_HOURS;
	if (strcmp(s, "out_of_hours") == 0)
		return PAGE_OUT_OF_HOURS;
	if (strcmp(s, "sleep") == 0)
		return PAGE_SLEEP;
	return PAGE_UNCLASSED;
}

static void
read_page(sqlite3_stmt *st, void *out)
{
	struct report_page *p = out;
	char cls[16];

	p->id = db_int(st, 0, 0);
	p->created = db_int(st, 1, 0);
	p->acknowledged = db_int(st, 2, 0);
	p->resolved = db_int(st, 3, 0);
	p->responder_id = db_int(st, 4, 0);
	p->escalation_person_id = db_int(st, 5, 0);
	p->rotation_id = db_int(st, 6, 0);
	db_text(st, 7, cls, sizeof cls);
	p->cls = class_of(cls);
	p->escalated = db_int(st, 8, 0) != 0;
	p->acted = db_int(st, 9, 1) != 0;
	p->has_runbook = db_int(st, 10, 0) != 0;
	db_text(st, 11, p->service, sizeof p->service);
	db_text(st, 12, p->alert, sizeof p->alert);
}

int
store_report_pages(struct store *s, int64_t from, int64_t to,
		   struct report_page **v, size_t *n)
{
	static const char sql[] =
		"SELECT id, created_at, acknowledged_at, resolved_at, responder_id, "
		"escalation_person_id, rotation_id, coalesce(class, ''), escalated, acted, "
		"runbook_url <> '', service, alert FROM pages "
		"WHERE created_at >= ?1 AND created_at < ?2 ORDER BY created_at, id";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, from);
		db_bind_int(st, 2, to);
	}
	return db_list(s, st, read_page, sizeof **v, (void **)v, n);
}

static void
read_time(sqlite3_stmt *st, void *out)
{
	struct page_time *t = out;

	t->responder_id = db_int(st, 0, 0);
	t->created = db_int(st, 1, 0);
}

int
store_report_ooh_times(struct store *s, int64_t from, int64_t to,
		       struct page_time **v, size_t *n)
{
	static const char sql[] =
		"SELECT coalesce(responder_id, 0) AS r, created_at FROM pages "
		"WHERE created_at >= ?1 AND created_at < ?2 "
		"AND class IN ('out_of_hours', 'sleep') ORDER BY r, created_at";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, from);
		db_bind_int(st, 2, to);
	}
	return db_list(s, st, read_time, sizeof **v, (void **)v, n);
}
