/* A calendar to import, read from a local file or fetched over HTTP(S)
 * (leave import, holiday import).
 *
 * A URL is fetched with the one HTTP client (http/http.h: its rules,
 * outcomes, exit statuses and retry policy): redirects followed (at most
 * HTTP_MAX_REDIRECTS, never from https to http), within [http]
 * timeout_seconds, at most FETCH_MAX_BYTES, as a conditional GET with the
 * validators the store keeps for its cache key (a 304 is success with
 * not_modified set and no body).
 *
 * Exit statuses besides http.h's: EX_USAGE (64) not an http(s) URL;
 * EX_NOINPUT (66) fetch_file: no such file or not readable; EX_IOERR (74)
 * fetch_file: read error; EX_DATAERR (65) larger than FETCH_MAX_BYTES. */
#ifndef ROTA_FETCH_H
#define ROTA_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/config.h"
#include "http/http.h"
#include "store/import.h"

#define FETCH_MAX_BYTES HTTP_DEFAULT_MAX_BYTES

struct fetch_result {
	bool not_modified;              /* 304: body is empty */
	char *body;                     /* malloc'd, NUL-terminated (NULs inside are kept) */
	size_t len;                     /* bytes in body, without the added NUL */
	/* for fetch_remember */
	struct http_response http;
	struct http_cache sent;         /* the validators sent */
	bool conditional;
};

/* GETs URL into *out (zeroed first; free with fetch_result_free whatever
 * the result), conditionally on the validators kept under CACHE_KEY in S
 * at NOW, with the timeout and retry policy of CFG's [http]. 0, or an exit
 * status after printing why. */
int fetch_url(const struct config *cfg, struct store *s, const char *url,
	      const char *cache_key, int64_t now, struct fetch_result *out);

/* Keeps the validators of F under CACHE_KEY (or forgets the row when the
 * answer had none); inside the import's transaction. */
int fetch_remember(struct store *s, const char *cache_key, const struct fetch_result *f,
		   int64_t now);

/* Reads the file PATH into *out the same way. */
int fetch_file(const char *path, struct fetch_result *out);

/* Frees what *r holds (not r itself); safe on a zeroed or freed result. */
void fetch_result_free(struct fetch_result *r);

#endif
