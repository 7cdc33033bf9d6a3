/* The conditional-GET cache: the validators of the last answer of a URL,
 * kept in the store's http_cache table (store/http-cache.c). See http.h. */
#include "config.h"

#include <string.h>

#include "http/http.h"
#include "store/import.h"

int
http_cache_load(struct store *s, const char *key, int64_t now, struct http_cache *slot,
		struct http_request *rq)
{
	int r = store_http_cache_get(s, key, slot);

	if (r == STORE_NOT_FOUND)
		return 0;
	if (r != 0)
		return r;
	/* A document that never changes is still read again now and then
	 * (a calendar's repeating events follow the import window). */
	if (slot->fetched_at > now - HTTP_CACHE_MAX_AGE && slot->fetched_at <= now) {
		rq->etag = slot->etag;
		rq->last_modified = slot->last_modified;
	}
	return 0;
}

int
http_cache_save(struct store *s, const char *key, const struct http_request *rq,
		const struct http_response *rs, int64_t now)
{
	const char *etag = rs->etag, *lm = rs->last_modified;
	int r;

	/* A 304 may leave its validators out: those sent still hold. */
	if (rs->outcome == HTTP_NOT_MODIFIED && etag == NULL && lm == NULL) {
		etag = rq->etag && rq->etag[0] ? rq->etag : NULL;
		lm = rq->last_modified && rq->last_modified[0] ? rq->last_modified : NULL;
	}
	if (etag == NULL && lm == NULL) {
		r = store_http_cache_remove(s, key);
		return r == STORE_NOT_FOUND ? 0 : r;
	}
	return store_http_cache_put(s, key, etag, lm, now);
}
