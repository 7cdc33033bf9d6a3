/* rota's one HTTP client (libcurl), used by every command that speaks
 * HTTP: leave and holiday import of URLs (calendars/fetch.c), publish
 * --caldav (calendars/caldav.c), page pull (reports/pull.c) and the
 * webhook of notify (notify/notify-send.c).
 *
 * It owns, once for all of them:
 *  - libcurl's global initialisation (http_init: once, cleaned up at exit);
 *  - the request: only http:// and https://; TLS certificates and host
 *    names always verified (there is no way to turn that off; ca_file adds
 *    a CA bundle, nothing removes one); a timeout on the connection and on
 *    the whole transfer; a largest answer; redirects only when asked for,
 *    at most HTTP_MAX_REDIRECTS, never from https to http;
 *  - one classification of every outcome (enum http_outcome), one exit
 *    status for each (http_outcome_exit) and one message for each
 *    (http_explain), worded with the peer's name ("the CalDAV server",
 *    "PagerDuty") and what to check;
 *  - one retry policy: an answer 429, or 503 with Retry-After, is asked
 *    again after its Retry-After (seconds or an HTTP date; a 429 without
 *    one: 1 s), at most retry.retries times and only when the wait is at
 *    most retry.max_wait; nothing else is retried (a timeout is not: the
 *    request may have been done; the next run tries again);
 *  - the conditional GET: etag and last_modified of a request are sent as
 *    If-None-Match and If-Modified-Since, a 304 is HTTP_NOT_MODIFIED; and
 *    a cache of those validators in the store (http_cache_load/_save).
 *
 * Outcomes and exit statuses (sysexits):
 *   HTTP_OK, HTTP_NOT_MODIFIED          0
 *   HTTP_REFUSED  connection refused    69
 *   HTTP_DNS      host not found        69
 *   HTTP_TLS      TLS failed            69
 *   HTTP_AUTH     401, 403              69
 *   HTTP_MISSING  404, 410              69
 *   HTTP_REDIRECT 3xx not followed, too many redirects, or to another
 *                 scheme                69
 *   HTTP_REJECTED other 4xx             69
 *   HTTP_FAILED   another libcurl failure 69
 *   HTTP_BUSY     408, 429, 5xx         75 (try again later)
 *   HTTP_TIMEOUT  no answer in time     75
 *   HTTP_BROKEN   the connection broke off 75
 *   HTTP_TOO_LARGE an answer over max_bytes 65 */
#ifndef ROTA_HTTP_H
#define ROTA_HTTP_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct config;
struct store;

#define HTTP_DEFAULT_TIMEOUT 30               /* seconds */
#define HTTP_MAX_REDIRECTS 5
#define HTTP_DEFAULT_MAX_BYTES (16L << 20)    /* 16 MiB */
#define HTTP_DEFAULT_RETRIES 5                /* [http] retries */
#define HTTP_DEFAULT_MAX_RETRY_AFTER 60       /* [http] max_retry_after, seconds */
#define HTTP_CACHE_MAX_AGE 86400              /* validators older are not sent */

enum http_outcome {
	HTTP_OK,
	HTTP_NOT_MODIFIED,
	HTTP_REFUSED,
	HTTP_DNS,
	HTTP_TLS,
	HTTP_TIMEOUT,
	HTTP_BROKEN,
	HTTP_TOO_LARGE,
	HTTP_REDIRECT,
	HTTP_AUTH,
	HTTP_MISSING,
	HTTP_BUSY,
	HTTP_REJECTED,
	HTTP_FAILED,
};

/* Who is spoken to, for the messages. */
struct http_peer {
	const char *name;             /* "the CalDAV server", "PagerDuty" */
	const char *timeout_key;      /* the setting of the limit, "[caldav] timeout" */
	const char *auth_hint;        /* what to check after a 401 or 403 */
	const char *missing_hint;     /* after a 404 or 410; NULL: "is the URL right?" */
	bool secret_url;              /* the URL is a secret: never in a message */
	bool short_url;               /* its path may be: shown as url_shown() does */
};

/* The retry policy of one call (see above); zero: never retried. */
struct http_retry {
	int retries;                  /* requests after the first, at most */
	long max_wait;                /* the longest Retry-After sat out, seconds */
};

/* A connection kept from one request to the next (a CalDAV sync, the
 * pages of a pull); requests without one use a handle of their own. */
struct http_session;

struct http_request {
	const struct http_peer *peer;
	const char *method;           /* NULL: GET */
	const char *url;
	const char *const *headers;   /* more "Name: value" lines, NULL-ended; may be NULL */
	const char *body;             /* sent when not NULL */
	size_t body_len;
	const char *username;         /* HTTP basic authentication; NULL: none */
	const char *password;
	long timeout;                 /* seconds, connection and transfer; <= 0: default */
	size_t max_bytes;             /* largest answer; 0: HTTP_DEFAULT_MAX_BYTES */
	bool follow_redirects;
	const char *ca_file;          /* a CA bundle beside the system's; NULL: none */
	const char *etag;             /* If-None-Match; NULL or "": not sent */
	const char *last_modified;    /* If-Modified-Since; NULL or "": not sent */
	struct http_retry retry;
	struct http_session *session; /* NULL: a handle for this request alone */
};

struct http_response {
	enum http_outcome outcome;
	long status;                  /* the last HTTP status; 0 when none came */
	char *body;                   /* malloc'd, NUL-terminated; NULL when none */
	size_t len;
	char *etag;                   /* the answer's validators, malloc'd, or NULL */
	char *last_modified;
	char *location;               /* Location of a 3xx not followed, or NULL */
	char *effective_url;          /* after redirects, malloc'd */
	int tries;                    /* requests sent */
	long retry_after;             /* the last answer's Retry-After in seconds; -1: none */
	int curl_code;                /* libcurl's CURLcode of the last transfer */
	char detail[CURL_ERROR_SIZE]; /* libcurl's words for a failed transfer */
};

/* libcurl's global state, set up once (thread-safe) and cleaned up at
 * exit. 0, or EX_SOFTWARE after printing why. */
int http_init(void);

/* Whether S is an http:// or https:// URL (scheme in any case). */
bool http_is_url(const char *s);

/* Sends RQ (retrying as its policy allows) and fills *RS (zeroed first;
 * free with http_response_free whatever the outcome). Never prints. */
enum http_outcome http_send(const struct http_request *rq, struct http_response *rs);

/* http_send, then: 0 for HTTP_OK and HTTP_NOT_MODIFIED, else the exit
 * status after printing the message (http_fail). */
int http_call(const struct http_request *rq, struct http_response *rs);

/* Prints the message of RS's outcome ("rota: ...") and returns its exit
 * status. For an outcome the caller handles itself it is not called. */
int http_fail(const struct http_request *rq, const struct http_response *rs);

/* The exit status of RS's outcome, with its message in *MSG (malloc'd;
 * NULL for success). The message never holds a secret URL. */
int http_explain(const struct http_request *rq, const struct http_response *rs, char **msg);

void http_response_free(struct http_response *rs);

/* The pure parts, for unit tests. */

/* The outcome of a transfer that ended with libcurl's CURL_CODE, the HTTP
 * STATUS (0: none), TOO_BIG (the answer passed max_bytes) and whether
 * redirects were being followed. */
enum http_outcome http_classify(int curl_code, long status, bool too_big);
int http_outcome_exit(enum http_outcome o);
/* "Not Found" for 404; NULL for a status it does not name. */
const char *http_reason(long status);

/* A Retry-After value in seconds from NOW: delta-seconds ("120") or an
 * HTTP date ("Fri, 01 Jan 2027 10:00:00 GMT"; past: 0); -1 when it is
 * neither. Bounded: at most one day. */
long http_retry_after_parse(const char *value, time_t now);
/* How long to wait before asking again after an answer STATUS with
 * RETRY_AFTER (-1: none), TRIES requests sent; -1: not again. */
long http_retry_wait(const struct http_retry *p, long status, long retry_after, int tries);

/* The policy of [http] retries and max_retry_after; SECTION's own
 * max_retry_after (page pull's [pagerduty]) wins when set. 0 or EX_CONFIG. */
int http_retry_load(const struct config *cfg, const char *section, struct http_retry *out);

struct http_session *http_session_new(void);
void http_session_free(struct http_session *s);

/* Options every libcurl handle of rota gets (verification, timeouts, CA
 * bundle, user agent, no signals): for the SMTP transfers of notify. */
void http_secure(CURL *h, long timeout, const char *ca_file);

/* The conditional-GET cache, kept in the store under KEY (a URL and what
 * it is read for). Load: the validators of the last answer, when younger
 * than HTTP_CACHE_MAX_AGE at NOW, are set in RQ (pointing into *SLOT).
 * Save: those of RS (or, after a 304 without any, those sent), or the row
 * forgotten when there are none. 0 or the store's status. */
struct http_cache;
int http_cache_load(struct store *s, const char *key, int64_t now,
		    struct http_cache *slot, struct http_request *rq);
int http_cache_save(struct store *s, const char *key, const struct http_request *rq,
		    const struct http_response *rs, int64_t now);

#endif
