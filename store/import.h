/* The store's side of leave and holiday import from calendars, and the
 * HTTP validators of fetched documents. Same conventions as store.h (0,
 * STORE_NOT_FOUND, or a sysexits status after printing; lists are
 * malloc'd arrays the caller frees). Kept apart from store.h so that the
 * import area adds its API without touching the shared header. */
#ifndef ROTA_STORE_IMPORT_H
#define ROTA_STORE_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define IMPORT_UID_MAX 256
#define IMPORT_RID_MAX 24

/* HTTP validators (store/http-cache.c), one row per KEY: a URL, perhaps
 * with a #fragment naming what it was fetched for (fragments never reach
 * the server), so that one URL imported for two offices keeps two rows. */
struct http_cache {
	char etag[512];                 /* "" when the server sent none */
	char last_modified[64];
	int64_t fetched_at;
};
int store_http_cache_get(struct store *s, const char *key, struct http_cache *out);
/* Inserts or replaces the row of KEY; ETAG and LAST_MODIFIED may be NULL. */
int store_http_cache_put(struct store *s, const char *key, const char *etag,
			 const char *last_modified, int64_t fetched_at);
/* Forgets KEY; STORE_NOT_FOUND when there was no row. */
int store_http_cache_remove(struct store *s, const char *key);

/* A row imported from a calendar (store/import.c): leave of a person, or
 * one day of public holiday of an office. Keyed by the source (the feed's
 * URL or the file's absolute path), the event's UID and its recurrence id
 * ("" for an event that does not repeat); a holiday row also by its day. */
struct imported_row {
	int64_t id;
	char uid[IMPORT_UID_MAX];
	char recurrence_id[IMPORT_RID_MAX];
	int64_t start, end;             /* leave: UTC instants; holidays: 0 */
	char day[11];                   /* holidays: YYYY-MM-DD; leave: "" */
	char text[REASON_MAX];          /* leave: the reason; holidays: the name */
};

/* The leave of PERSON_ID imported from SOURCE, sorted by uid, recurrence
 * id. Manual leave (and other sources) is never listed. */
int store_leave_imported(struct store *s, int64_t person_id, const char *source,
			 struct imported_row **v, size_t *n);
/* Adds one (sets r->id). */
int store_leave_import_add(struct store *s, int64_t person_id, const char *source,
			   struct imported_row *r, int64_t now);
/* Changes the times and reason of row R->id. */
int store_leave_import_update(struct store *s, const struct imported_row *r);

/* The public holidays of OFFICE_ID imported from SOURCE, sorted by uid,
 * recurrence id, day. */
int store_holiday_imported(struct store *s, int64_t office_id, const char *source,
			   struct imported_row **v, size_t *n);
/* Adds one (sets r->id). */
int store_holiday_import_add(struct store *s, int64_t office_id, const char *source,
			     struct imported_row *r);
/* Renames row R->id to R->text. */
int store_holiday_import_update(struct store *s, const struct imported_row *r);

#endif
