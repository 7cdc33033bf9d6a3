/* HTTP(S) GET of a document, or the same from a local file, with one
 * mapping of every failure to a message and an exit status (curl's
 * habit: say what failed and what to do, one stable status per class).
 *
 * Shared by every command that reads something over HTTP: leave and
 * holiday import today, pulls from REST APIs later. Nothing here touches
 * the store: the caller keeps the validators (ETag, Last-Modified) where
 * it likes (store/import.h keeps them in the http_cache table) and hands
 * them back on the next fetch.
 *
 * Rules, for every fetch:
 *  - only http:// and https:// URLs (redirects too; an https URL never
 *    follows a redirect to plain http);
 *  - TLS certificates and host names are always verified, against the
 *    system's CA store; there is no way to turn that off;
 *  - redirects are followed, at most FETCH_MAX_REDIRECTS of them;
 *  - the whole transfer, connection included, takes at most
 *    timeout_seconds; the body at most max_bytes;
 *  - validators given are sent as If-None-Match / If-Modified-Since, and a
 *    304 answer is success with not_modified set and no body.
 *
 * Exit statuses (sysexits), each after printing "rota: URL: what":
 *  EX_UNAVAILABLE (69)  connection refused, host not found, TLS failure,
 *                       too many redirects, an HTTP 4xx answer (401, 403,
 *                       404 ... named in the message), other 3xx
 *  EX_TEMPFAIL (75)     timeout, HTTP 5xx, 408, 429, connection dropped:
 *                       try again later
 *  EX_DATAERR (65)      a body larger than max_bytes
 *  EX_USAGE (64)        not an http(s) URL
 *  EX_NOINPUT (66)      fetch_file: no such file or not readable
 *  EX_IOERR (74)        fetch_file: read error
 *  EX_SOFTWARE (70)     libcurl could not be set up */
#ifndef ROTA_FETCH_H
#define ROTA_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#define FETCH_DEFAULT_TIMEOUT 30          /* seconds */
#define FETCH_MAX_REDIRECTS 5
#define FETCH_DEFAULT_MAX_BYTES (16L << 20)  /* 16 MiB */

struct fetch_options {
	long timeout_seconds;           /* <= 0: FETCH_DEFAULT_TIMEOUT */
	size_t max_bytes;               /* 0: FETCH_DEFAULT_MAX_BYTES */
	const char *etag;               /* sent as If-None-Match; NULL/"": not sent */
	const char *last_modified;      /* sent as If-Modified-Since; NULL/"": not sent */
	const char *accept;             /* Accept header; NULL: none */
	const char *const *headers;     /* more "Name: value" headers, NULL-ended; may be NULL */
};

struct fetch_result {
	long status;                    /* final HTTP status; 0 for a file */
	bool not_modified;              /* 304: body is empty */
	char *body;                     /* malloc'd, NUL-terminated (NULs inside are kept) */
	size_t len;                     /* bytes in body, without the added NUL */
	char *etag;                     /* the answer's validators, malloc'd, NULL when absent */
	char *last_modified;
	char *effective_url;            /* after redirects (malloc'd); NULL for a file */
};

/* Whether ARG is an http:// or https:// URL (case-insensitive scheme),
 * as opposed to a file name. */
bool fetch_is_url(const char *arg);

/* GETs URL into *out (zeroed first; free with fetch_result_free whatever
 * the result). Returns 0 (200-299, or 304 with not_modified), or an exit
 * status above after printing why. O may be NULL (defaults). */
int fetch_url(const char *url, const struct fetch_options *o, struct fetch_result *out);

/* Reads the file PATH into *out the same way (status 0, no validators).
 * MAX_BYTES 0: FETCH_DEFAULT_MAX_BYTES. */
int fetch_file(const char *path, size_t max_bytes, struct fetch_result *out);

/* The exit status for an HTTP status that is not success (see above),
 * and the words for it ("404 Not Found: no such document"). Exposed so
 * that callers doing their own requests map answers the same way. */
int fetch_http_status_exit(long status);
const char *fetch_http_status_words(long status);

/* Frees what *r holds (not r itself); safe on a zeroed or freed result. */
void fetch_result_free(struct fetch_result *r);

/* libcurl's global state: fetch_url calls fetch_init itself when needed;
 * call fetch_cleanup once at exit (keeps valgrind quiet). */
int fetch_init(void);
void fetch_cleanup(void);

#endif
