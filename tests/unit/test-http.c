/* The pure parts of the one HTTP client (http/http.h): every outcome's
 * class, exit status and message, and the retry policy with its
 * Retry-After parsing. No network. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http/http.h"

static const struct http_peer caldav = {
	.name = "the CalDAV server", .timeout_key = "[caldav] timeout",
	.auth_hint = "check [caldav] username and the password",
	.missing_hint = "create the collection first (MKCALENDAR) or fix the URL",
};
static const struct http_peer hook = { .name = "the webhook", .secret_url = true };

static void
test_is_url(void **state)
{
	(void)state;
	assert_true(http_is_url("http://example.com/a.ics"));
	assert_true(http_is_url("HTTPS://example.com/a.ics"));
	assert_false(http_is_url("ftp://example.com/a.ics"));
	assert_false(http_is_url("http.ics"));
	assert_false(http_is_url("/tmp/https://x"));
}

static void
test_classify(void **state)
{
	static const struct { int curl; long status; bool big; enum http_outcome o; int code; } v[] = {
		{ CURLE_OK, 200, false, HTTP_OK, 0 },
		{ CURLE_OK, 207, false, HTTP_OK, 0 },
		{ CURLE_OK, 304, false, HTTP_NOT_MODIFIED, 0 },
		{ CURLE_COULDNT_CONNECT, 0, false, HTTP_REFUSED, 69 },
		{ CURLE_COULDNT_RESOLVE_HOST, 0, false, HTTP_DNS, 69 },
		{ CURLE_PEER_FAILED_VERIFICATION, 0, false, HTTP_TLS, 69 },
		{ CURLE_SSL_CONNECT_ERROR, 0, false, HTTP_TLS, 69 },
		{ CURLE_OK, 401, false, HTTP_AUTH, 69 },
		{ CURLE_OK, 403, false, HTTP_AUTH, 69 },
		{ CURLE_OK, 404, false, HTTP_MISSING, 69 },
		{ CURLE_OK, 410, false, HTTP_MISSING, 69 },
		{ CURLE_OK, 408, false, HTTP_BUSY, 75 },
		{ CURLE_OK, 429, false, HTTP_BUSY, 75 },
		{ CURLE_OK, 500, false, HTTP_BUSY, 75 },
		{ CURLE_OK, 503, false, HTTP_BUSY, 75 },
		{ CURLE_OPERATION_TIMEDOUT, 0, false, HTTP_TIMEOUT, 75 },
		{ CURLE_RECV_ERROR, 0, false, HTTP_BROKEN, 75 },
		{ CURLE_GOT_NOTHING, 0, false, HTTP_BROKEN, 75 },
		{ CURLE_WRITE_ERROR, 200, true, HTTP_TOO_LARGE, 65 },
		{ CURLE_FILESIZE_EXCEEDED, 200, false, HTTP_TOO_LARGE, 65 },
		{ CURLE_TOO_MANY_REDIRECTS, 302, false, HTTP_REDIRECT, 69 },
		{ CURLE_OK, 301, false, HTTP_REDIRECT, 69 },
		{ CURLE_OK, 400, false, HTTP_REJECTED, 69 },
		{ CURLE_OK, 412, false, HTTP_REJECTED, 69 },
		{ CURLE_OUT_OF_MEMORY, 0, false, HTTP_FAILED, 69 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		enum http_outcome o = http_classify(v[i].curl, v[i].status, v[i].big);

		assert_int_equal(o, v[i].o);
		assert_int_equal(http_outcome_exit(o), v[i].code);
	}
	assert_string_equal(http_reason(404), "Not Found");
	assert_null(http_reason(418));
}

/* The message and status of outcome O after a request to URL. */
static int
explain(const struct http_peer *peer, const char *method, enum http_outcome o, long status,
	int curl, const char *detail, char **msg)
{
	struct http_request rq = {
		.peer = peer, .method = method, .url = "http://127.0.0.1:5232/ops/x/",
		.timeout = 5, .max_bytes = 1000, .retry = { 2, 60 },
	};
	struct http_response rs = { .outcome = o, .status = status, .curl_code = curl,
				    .tries = 1, .retry_after = -1 };

	snprintf(rs.detail, sizeof rs.detail, "%s", detail);
	return http_explain(&rq, &rs, msg);
}

#define EXPECT(code, text, ...) do {                                          \
		char *m_;                                                     \
		assert_int_equal(explain(__VA_ARGS__, &m_), code);            \
		assert_string_equal(m_, text);                                \
		free(m_);                                                     \
	} while (0)

static void
test_messages(void **state)
{
	char *m;

	(void)state;
	EXPECT(69, "cannot connect to the CalDAV server at http://127.0.0.1:5232/ops/x/ "
	       "(is it running, is the URL right?)",
	       &caldav, "REPORT", HTTP_REFUSED, 0, CURLE_COULDNT_CONNECT, "Failed to connect");
	EXPECT(69, "cannot find the CalDAV server at http://127.0.0.1:5232/ops/x/: "
	       "Could not resolve host: x (is the URL right?)",
	       &caldav, "REPORT", HTTP_DNS, 0, CURLE_COULDNT_RESOLVE_HOST,
	       "Could not resolve host: x");
	EXPECT(69, "TLS with the CalDAV server at http://127.0.0.1:5232/ops/x/ failed: bad "
	       "certificate (certificates are always verified: the server's must name its "
	       "host and come from an authority this system trusts)",
	       &caldav, "REPORT", HTTP_TLS, 0, CURLE_PEER_FAILED_VERIFICATION, "bad certificate");
	EXPECT(69, "the CalDAV server answered HTTP 401 Unauthorized for REPORT "
	       "http://127.0.0.1:5232/ops/x/: check [caldav] username and the password",
	       &caldav, "REPORT", HTTP_AUTH, 401, CURLE_OK, "");
	EXPECT(69, "the CalDAV server answered HTTP 403 Forbidden for PUT "
	       "http://127.0.0.1:5232/ops/x/: check [caldav] username and the password",
	       &caldav, "PUT", HTTP_AUTH, 403, CURLE_OK, "");
	EXPECT(69, "the CalDAV server answered HTTP 404 Not Found for REPORT "
	       "http://127.0.0.1:5232/ops/x/: create the collection first (MKCALENDAR) or "
	       "fix the URL",
	       &caldav, "REPORT", HTTP_MISSING, 404, CURLE_OK, "");
	EXPECT(75, "the CalDAV server answered HTTP 408 Request Timeout for GET "
	       "http://127.0.0.1:5232/ops/x/: try again later",
	       &caldav, NULL, HTTP_BUSY, 408, CURLE_OK, "");
	EXPECT(75, "the CalDAV server answered HTTP 429 Too Many Requests for GET "
	       "http://127.0.0.1:5232/ops/x/: try again later",
	       &caldav, NULL, HTTP_BUSY, 429, CURLE_OK, "");
	EXPECT(75, "the CalDAV server answered HTTP 503 Service Unavailable for DELETE "
	       "http://127.0.0.1:5232/ops/x/: try again later",
	       &caldav, "DELETE", HTTP_BUSY, 503, CURLE_OK, "");
	EXPECT(75, "the CalDAV server answered HTTP 599 for GET "
	       "http://127.0.0.1:5232/ops/x/: try again later",
	       &caldav, NULL, HTTP_BUSY, 599, CURLE_OK, "");
	EXPECT(75, "the CalDAV server at http://127.0.0.1:5232/ops/x/ did not answer within "
	       "5 s (try again later; [caldav] timeout sets the limit)",
	       &caldav, NULL, HTTP_TIMEOUT, 0, CURLE_OPERATION_TIMEDOUT, "Timeout");
	EXPECT(75, "the CalDAV server at http://127.0.0.1:5232/ops/x/ broke the connection "
	       "off: Recv failure (try again later)",
	       &caldav, NULL, HTTP_BROKEN, 0, CURLE_RECV_ERROR, "Recv failure");
	EXPECT(65, "the CalDAV server at http://127.0.0.1:5232/ops/x/ answered more than "
	       "1000 bytes",
	       &caldav, NULL, HTTP_TOO_LARGE, 200, CURLE_WRITE_ERROR, "");
	EXPECT(69, "the CalDAV server at http://127.0.0.1:5232/ops/x/ redirects more than "
	       "5 times",
	       &caldav, NULL, HTTP_REDIRECT, 302, CURLE_TOO_MANY_REDIRECTS, "");
	EXPECT(69, "the CalDAV server answered HTTP 405 Method Not Allowed for REPORT "
	       "http://127.0.0.1:5232/ops/x/",
	       &caldav, "REPORT", HTTP_REJECTED, 405, CURLE_OK, "");
	/* A secret address is in no message, nor libcurl's words naming it. */
	EXPECT(75, "the webhook answered HTTP 500 Internal Server Error: try again later",
	       &hook, "POST", HTTP_BUSY, 500, CURLE_OK, "");
	EXPECT(69, "cannot connect to the webhook (is it running, is the URL right?)",
	       &hook, "POST", HTTP_REFUSED, 0, CURLE_COULDNT_CONNECT,
	       "Failed to connect to 127.0.0.1 port 5232");
	EXPECT(75, "the webhook broke the connection off: Failure when receiving data from "
	       "the peer (try again later)",
	       &hook, "POST", HTTP_BROKEN, 0, CURLE_RECV_ERROR, "Recv failure: 127.0.0.1");
	EXPECT(69, "the server answered HTTP 404 Not Found for GET "
	       "http://127.0.0.1:5232/ops/x/: is the URL right?",
	       NULL, NULL, HTTP_MISSING, 404, CURLE_OK, "");
	/* Success has no message. */
	assert_int_equal(explain(&caldav, NULL, HTTP_OK, 200, CURLE_OK, "", &m), 0);
	assert_null(m);
	assert_int_equal(explain(&caldav, NULL, HTTP_NOT_MODIFIED, 304, CURLE_OK, "", &m), 0);
	assert_null(m);
}

/* What the message says of the retries: how often, or why not waited. */
static void
test_busy_notes(void **state)
{
	struct http_request rq = { .peer = &caldav, .url = "http://h/", .retry = { 2, 60 } };
	struct http_response rs = { .outcome = HTTP_BUSY, .status = 429, .tries = 3,
				    .retry_after = 1 };
	char *m;

	(void)state;
	assert_int_equal(http_explain(&rq, &rs, &m), 75);
	assert_string_equal(m, "the CalDAV server answered HTTP 429 Too Many Requests for GET "
			    "http://h/: try again later (asked 3 times)");
	free(m);
	rs.tries = 1;
	rs.retry_after = 3600;
	assert_int_equal(http_explain(&rq, &rs, &m), 75);
	assert_string_equal(m, "the CalDAV server answered HTTP 429 Too Many Requests for GET "
			    "http://h/: try again later (it asks to wait 3600 s; rota waits "
			    "60 s at most)");
	free(m);
}

static void
test_retry_after(void **state)
{
	time_t now = 1798797600;            /* Fri, 01 Jan 2027 10:00:00 GMT */

	(void)state;
	assert_int_equal(http_retry_after_parse("120", now), 120);
	assert_int_equal(http_retry_after_parse(" 1 ", now), 1);
	assert_int_equal(http_retry_after_parse("0", now), 0);
	/* Bounded: at most a day, however many digits. */
	assert_int_equal(http_retry_after_parse("99999999999999999999", now), 86400);
	assert_int_equal(http_retry_after_parse("Fri, 01 Jan 2027 10:00:30 GMT", now), 30);
	assert_int_equal(http_retry_after_parse("Fri, 01 Jan 2027 09:00:00 GMT", now), 0);
	assert_int_equal(http_retry_after_parse("Sat, 01 Jan 2028 10:00:00 GMT", now), 86400);
	assert_int_equal(http_retry_after_parse("", now), -1);
	assert_int_equal(http_retry_after_parse("soon", now), -1);
	assert_int_equal(http_retry_after_parse("12s", now), -1);
	assert_int_equal(http_retry_after_parse("-5", now), -1);
}

static void
test_retry_wait(void **state)
{
	struct http_retry p = { .retries = 2, .max_wait = 10 };
	struct http_retry never = { 0 };

	(void)state;
	/* 429: after its Retry-After, 1 s without one. */
	assert_int_equal(http_retry_wait(&p, 429, 3, 1), 3);
	assert_int_equal(http_retry_wait(&p, 429, -1, 1), 1);
	assert_int_equal(http_retry_wait(&p, 429, 0, 1), 0);
	/* 503: only when it says when. */
	assert_int_equal(http_retry_wait(&p, 503, 2, 1), 2);
	assert_int_equal(http_retry_wait(&p, 503, -1, 1), -1);
	/* Nothing else. */
	assert_int_equal(http_retry_wait(&p, 500, 1, 1), -1);
	assert_int_equal(http_retry_wait(&p, 408, 1, 1), -1);
	assert_int_equal(http_retry_wait(&p, 502, 1, 1), -1);
	/* Bounded: the longest wait and the number of tries. */
	assert_int_equal(http_retry_wait(&p, 429, 10, 1), 10);
	assert_int_equal(http_retry_wait(&p, 429, 11, 1), -1);
	assert_int_equal(http_retry_wait(&p, 429, 1, 2), 1);
	assert_int_equal(http_retry_wait(&p, 429, 1, 3), -1);
	assert_int_equal(http_retry_wait(&never, 429, 0, 1), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_url),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_busy_notes),
		cmocka_unit_test(test_retry_after),
		cmocka_unit_test(test_retry_wait),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
