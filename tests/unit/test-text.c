/* The one rule for text that enters rota (common/text.h): valid UTF-8
 * without control characters but tab (and line feed where allowed), told
 * with the place of the first bad byte; and the cleaning of a calendar's
 * text. Byte sequences written by hand, from RFC 3629's table. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/text.h"

/* Asserts that S is refused at byte AT (from 1) with WHY. */
static void
refused(const char *s, size_t at, const char *why)
{
	char got[96];

	assert_int_equal(text_fault(s, TEXT_LINES, got, sizeof got), at);
	assert_string_equal(got, why);
}

static void
test_valid_text(void **state)
{
	static const char *const ok[] = {
		"", "plain ascii ~ !", "tab\there", "Zoë Ñúñez", "日本語",
		"\xF0\x9F\x98\x80 emoji (U+1F600)",
		"\xC2\xA0 no-break space (U+00A0, just past C1)",
		"\xDF\xBF U+07FF", "\xE0\xA0\x80 U+0800", "\xED\x9F\xBF U+D7FF",
		"\xEE\x80\x80 U+E000", "\xEF\xBF\xBF U+FFFF", "\xF0\x90\x80\x80 U+10000",
		"\xF4\x8F\xBF\xBF U+10FFFF", "~\x7E",
	};
	char why[96] = "untouched";

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(text_fault(ok[i], TEXT_LINE, why, sizeof why), 0);
		assert_int_equal(text_fault(ok[i], TEXT_LINES, NULL, 0), 0);
	}
	assert_string_equal(why, "untouched");
	/* The line feed only where the field allows several lines. */
	assert_int_equal(text_fault("two\nlines", TEXT_LINES, why, sizeof why), 0);
	assert_int_equal(text_fault("two\nlines", TEXT_LINE, why, sizeof why), 4);
	assert_string_equal(why, "a line break at byte 4 (one line only)");
}

static void
test_control_characters(void **state)
{
	(void)state;
	refused("a\x1b[31mRED", 2, "a control character at byte 2 (0x1b)");
	refused("\x01", 1, "a control character at byte 1 (0x01)");
	refused("x\x1f", 2, "a control character at byte 2 (0x1f)");
	refused("del\x7f", 4, "a control character at byte 4 (0x7f)");
	refused("cr\r\n", 3, "a carriage return at byte 3");
	/* C1 as UTF-8: U+0080, U+009B (CSI), U+009F; U+00A0 is text. */
	refused("\xC2\x80", 1, "a control character at byte 1 (U+0080)");
	refused("ab\xC2\x9B" "31m", 3, "a control character at byte 3 (U+009B)");
	refused("\xC2\x9F\xC2\xA0", 1, "a control character at byte 1 (U+009F)");
	/* The first fault is the one told. */
	refused("\xC3\xA9\x07\xff", 3, "a control character at byte 3 (0x07)");
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	refused("\xff\xfe", 1, "not UTF-8 at byte 1 (0xff)");
	refused("ok\xfe", 3, "not UTF-8 at byte 3 (0xfe)");
	/* A lone continuation byte; a lead byte with no continuation. */
	refused("\x80", 1, "not UTF-8 at byte 1 (0x80)");
	refused("a\xC3 b", 2, "not UTF-8 at byte 2 (0xc3)");
	/* Overlong forms: '/' in two, three and four bytes; C0 and C1 leads. */
	refused("\xC0\xAF", 1, "not UTF-8 at byte 1 (0xc0)");
	refused("\xC1\xBF", 1, "not UTF-8 at byte 1 (0xc1)");
	refused("\xE0\x80\xAF", 1, "not UTF-8 at byte 1 (0xe0)");
	refused("\xE0\x9F\xBF", 1, "not UTF-8 at byte 1 (0xe0)");
	refused("\xF0\x80\x80\xAF", 1, "not UTF-8 at byte 1 (0xf0)");
	refused("\xF0\x8F\xBF\xBF", 1, "not UTF-8 at byte 1 (0xf0)");
	/* Surrogates U+D800 and U+DFFF. */
	refused("\xED\xA0\x80", 1, "not UTF-8 at byte 1 (0xed)");
	refused("x\xED\xBF\xBF", 2, "not UTF-8 at byte 2 (0xed)");
	/* Past U+10FFFF: U+110000, and the lead bytes F5-FF. */
	refused("\xF4\x90\x80\x80", 1, "not UTF-8 at byte 1 (0xf4)");
	refused("\xF5\x80\x80\x80", 1, "not UTF-8 at byte 1 (0xf5)");
	refused("\xF8\x88\x80\x80\x80", 1, "not UTF-8 at byte 1 (0xf8)");
	/* Cut short: by the end of the text, and by an ASCII byte. */
	refused("\xE2\x82", 1, "not UTF-8 at byte 1 (0xe2)");
	refused("\xF0\x9F\x98", 1, "not UTF-8 at byte 1 (0xf0)");
	refused("\xF0\x9F\x98" "A", 1, "not UTF-8 at byte 1 (0xf0)");
	refused("\xE2" "\x82" "\xC3\xA9", 1, "not UTF-8 at byte 1 (0xe2)");
}

static void
test_why_may_be_null(void **state)
{
	(void)state;
	assert_int_equal(text_fault("ab\xff", TEXT_LINE, NULL, 0), 3);
	assert_int_equal(text_fault("ab\x1b", TEXT_LINES, NULL, 0), 3);
}

static void
test_clean(void **state)
{
	char buf[16];

	(void)state;
	/* Controls (C0, DEL, C1, line breaks) become spaces, bad bytes '?',
	 * trailing spaces go. */
	text_clean(buf, sizeof buf, "a\x1b[1mb\x7f\xC2\x9B" "c\r\n");
	assert_string_equal(buf, "a [1mb  c");
	text_clean(buf, sizeof buf, "x\xff\xED\xA0\x80y");
	assert_string_equal(buf, "x????y");
	text_clean(buf, sizeof buf, "Zo\xC3\xAB\tok");
	assert_string_equal(buf, "Zo\xC3\xAB ok");
	text_clean(buf, sizeof buf, NULL);
	assert_string_equal(buf, "");
	/* Cut at a whole character: 15 bytes fit, the euro sign would be
	 * bytes 14-16. */
	text_clean(buf, sizeof buf, "abcdefghijklm\xE2\x82\xAC");
	assert_string_equal(buf, "abcdefghijklm");
	assert_int_equal(text_fault(buf, TEXT_LINE, NULL, 0), 0);
}

static void
test_copy_cuts_at_a_character(void **state)
{
	char buf[5];

	(void)state;
	text_copy(buf, sizeof buf, "ab\xE2\x82\xAC");
	assert_string_equal(buf, "ab");
	text_copy(buf, sizeof buf, "abc\xC3\xA9");
	assert_string_equal(buf, "abc");
	text_copy(buf, sizeof buf, "ab\xC3\xA9");
	assert_string_equal(buf, "ab\xC3\xA9");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_text),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_why_may_be_null),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_copy_cuts_at_a_character),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
