/* Calendar addresses as shown (common/url.h): no user information, query
 * or fragment, the path cut to its last segment; a file's path as it is. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/url.h"

static void
check_shown(const char *in, const char *want)
{
	char *got = url_shown(in);

	assert_string_equal(got, want);
	free(got);
}

static void
check_host(const char *in, const char *want)
{
	char buf[64];

	url_host(in, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void
test_shown(void **state)
{
	(void)state;
	check_shown("http://alice:pa55word@host/private-abc/cal.ics",
		    "http://host/\xe2\x80\xa6/cal.ics");
	check_shown("https://cal.example.com/u/8f3a9/private-77e1/basic.ics?token=s3cret#x",
		    "https://cal.example.com/\xe2\x80\xa6/basic.ics");
	check_shown("HTTPS://Cal.example.com:8443/a/b/", "HTTPS://Cal.example.com:8443/\xe2\x80\xa6/b");
	check_shown("https://host/cal.ics?key=secret", "https://host/cal.ics");
	check_shown("https://host/cal.ics", "https://host/cal.ics");
	check_shown("https://host", "https://host/");
	check_shown("https://host/", "https://host/");
	check_shown("https://host?token=x", "https://host/");
	check_shown("https://user@host#frag", "https://host/");
	check_shown("http://a@b:c@host/x/y", "http://host/\xe2\x80\xa6/y");
	check_shown("http://[::1]:8080/p/q.ics", "http://[::1]:8080/\xe2\x80\xa6/q.ics");
	check_shown("/home/ana/cal.ics", "/home/ana/cal.ics");
	check_shown("ftp://u:p@host/x", "ftp://u:p@host/x");
	check_shown("", "");
}

static void
test_userinfo(void **state)
{
	(void)state;
	assert_true(url_has_userinfo("http://alice:pw@host/x"));
	assert_true(url_has_userinfo("https://alice@host"));
	assert_true(url_has_userinfo("HTTP://:pw@host/"));
	assert_false(url_has_userinfo("https://host/a@b.ics"));
	assert_false(url_has_userinfo("https://host/x?who=a@b"));
	assert_false(url_has_userinfo("https://host#a@b"));
	assert_false(url_has_userinfo("/srv/a@b/cal.ics"));
}

static void
test_host(void **state)
{
	(void)state;
	check_host("https://Alice:pw@Cal.Example.COM:8443/x", "cal.example.com");
	check_host("http://host", "host");
	check_host("http://[::1]:80/x", "[::1]");
	check_host("http://[::1]/x", "[::1]");
	check_host("/a/b", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shown),
		cmocka_unit_test(test_userinfo),
		cmocka_unit_test(test_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
