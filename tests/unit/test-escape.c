/* The one rule for bytes rota shows (common/escape.h): controls and bytes
 * that are not UTF-8 escaped as \xHH for people, replaced by U+FFFD for
 * JSON; valid text, multi-byte characters included, untouched. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/escape.h"

static void
check_visible(const char *in, bool keep_tab, const char *want)
{
	char *got = escape_visible(in, keep_tab);

	assert_string_equal(got, want);
	free(got);
}

static void
check_repaired(const char *in, const char *want)
{
	char *got = utf8_repaired(in);

	if (want == NULL) {
		assert_null(got);
	} else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
	free(got);
}

static void
test_char_len(void **state)
{
	(void)state;
	assert_int_equal(utf8_char_len("a"), 1);
	assert_int_equal(utf8_char_len(""), 0);
	assert_int_equal(utf8_char_len("\xc3\xa9"), 2);          /* é */
	assert_int_equal(utf8_char_len("\xe2\x82\xac"), 3);      /* € */
	assert_int_equal(utf8_char_len("\xf0\x9f\x98\x80"), 4);  /* U+1F600 */
	assert_int_equal(utf8_char_len("\xf4\x8f\xbf\xbf"), 4);  /* U+10FFFF */
	assert_int_equal(utf8_char_len("\x80"), 0);              /* stray continuation */
	assert_int_equal(utf8_char_len("\xc0\xaf"), 0);          /* overlong '/' */
	assert_int_equal(utf8_char_len("\xc1\xbf"), 0);
	assert_int_equal(utf8_char_len("\xe0\x80\xaf"), 0);      /* overlong */
	assert_int_equal(utf8_char_len("\xed\xa0\x80"), 0);      /* surrogate D800 */
	assert_int_equal(utf8_char_len("\xf0\x80\x80\xaf"), 0);  /* overlong */
	assert_int_equal(utf8_char_len("\xf4\x90\x80\x80"), 0);  /* past U+10FFFF */
	assert_int_equal(utf8_char_len("\xf5\x80\x80\x80"), 0);
	assert_int_equal(utf8_char_len("\xff"), 0);
	assert_int_equal(utf8_char_len("\xc3"), 0);              /* cut short at the end */
	assert_int_equal(utf8_char_len("\xe2\x82"), 0);
	assert_int_equal(utf8_char_len("\xe2\x82" "a"), 0);
}

static void
test_visible(void **state)
{
	(void)state;
	check_visible("plain text", false, "plain text");
	check_visible("", false, "");
	check_visible("Zo\xc3\xab \xe2\x82\xac 5 \xf0\x9f\x98\x80", false,
		      "Zo\xc3\xab \xe2\x82\xac 5 \xf0\x9f\x98\x80");
	/* The alert title of issue 21: no ESC byte left. */
	check_visible("a\x1b[31mRED", false, "a\\x1b[31mRED");
	check_visible("\x1b]0;HACKED\x07\x1b[2J", false, "\\x1b]0;HACKED\\x07\\x1b[2J");
	check_visible("one\r\ntwo\n", false, "one\\x0d\\x0atwo\\x0a");
	check_visible("\x01\x1f\x7f", false, "\\x01\\x1f\\x7f");
	check_visible("a\tb", false, "a\\x09b");
	check_visible("a\tb", true, "a\tb");
	/* C1 controls as their two bytes; U+00A0 and above are text. */
	check_visible("x\xc2\x9b" "31m", false, "x\\xc2\\x9b31m");
	check_visible("\xc2\x80\xc2\x9f\xc2\xa0", false, "\\xc2\\x80\\xc2\\x9f\xc2\xa0");
	/* Bytes that are not UTF-8, each alone; what follows read afresh. */
	check_visible("Cy\xff\xfe", false, "Cy\\xff\\xfe");
	check_visible("svc\xc3<img>", false, "svc\\xc3<img>");
	check_visible("\xe2\x82", false, "\\xe2\\x82");
	check_visible("\xed\xa0\x80", false, "\\xed\\xa0\\x80");
	check_visible("\xc0\xaf", false, "\\xc0\\xaf");
	/* The longest growth: four bytes for one. */
	check_visible("\x1b\x1b", false, "\\x1b\\x1b");
	/* A backslash is text. */
	check_visible("C:\\x", false, "C:\\x");
}

static void
test_repaired(void **state)
{
	(void)state;
	check_repaired("valid \xc3\xa9 \xf0\x9f\x98\x80", NULL);
	check_repaired("", NULL);
	/* Controls are valid UTF-8: JSON escapes them itself. */
	check_repaired("a\x1b[31m\n", NULL);
	check_repaired("Cy\xff\xfe", "Cy\xef\xbf\xbd\xef\xbf\xbd");
	check_repaired("\xff", "\xef\xbf\xbd");
	check_repaired("svc\xc3<img>", "svc\xef\xbf\xbd<img>");
	check_repaired("\xe2\x82", "\xef\xbf\xbd\xef\xbf\xbd");
	check_repaired("ok\xc3\xa9\x80ok", "ok\xc3\xa9\xef\xbf\xbdok");
	check_repaired("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_char_len),
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_repaired),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
