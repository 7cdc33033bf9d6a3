/* Tables that fit the terminal (common/out-fit.h): the width of text on
 * a screen, which columns out_fit keeps and at what width, and the rows
 * out_write_row writes, each against widths computed by hand. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/out-fit.h"

static void
test_text_width(void **state)
{
	(void)state;
	assert_int_equal(out_text_width(""), 0);
	assert_int_equal(out_text_width("ana"), 3);
	/* é precomposed (2 bytes) and e + combining acute (3 bytes): 1 each. */
	assert_int_equal(out_text_width("Ren\xc3\xa9"), 4);
	assert_int_equal(out_text_width("Rene\xcc\x81"), 4);
	/* CJK ideographs, Hangul, fullwidth A, an emoji: 2 each. */
	assert_int_equal(out_text_width("\xe7\x94\xb0\xe4\xb8\xad"), 4);
	assert_int_equal(out_text_width("\xea\xb9\x80"), 2);
	assert_int_equal(out_text_width("\xef\xbc\xa1"), 2);
	assert_int_equal(out_text_width("\xf0\x9f\x98\x80"), 2);
	/* The ellipsis and the arrow rota prints: 1 each. */
	assert_int_equal(out_text_width("\xe2\x80\xa6\xe2\x86\x92"), 2);
	/* A zero-width space: 0. A stray byte (never printed unescaped): 1. */
	assert_int_equal(out_text_width("a\xe2\x80\x8b" "b"), 2);
	assert_int_equal(out_text_width("\xff"), 1);
	/* The widest run without a space: what a wrapped line must hold. */
	assert_int_equal(out_word_width("Mon 2027-01-18 10:00 America/Argentina/Buenos_Aires"), 30);
	assert_int_equal(out_word_width("\xe7\x94\xb0\xe4\xb8\xad a"), 4);
	assert_int_equal(out_word_width(""), 0);
}

#define COL(h, d, g, w) { .header = (h), .drop = (d), .give = (g), .width = (w) }

static void
test_no_limit(void **state)
{
	struct out_fit_col c[] = { COL("A", 1, OUT_KEEP, 30), COL("B", 2, OUT_CUT, 90) };

	(void)state;
	assert_int_equal(out_fit(c, 2, 0), 0);
	assert_true(c[0].shown && c[1].shown);
	assert_int_equal(c[0].fit, 30);
	assert_int_equal(c[1].fit, 90);
}

static void
test_fits_already(void **state)
{
	/* 10 + 2 + 20 + 2 + 46 = 80: nothing changes at 80. */
	struct out_fit_col c[] = { COL("ID", 3, OUT_KEEP, 10), COL("NAME", 0, OUT_CUT, 20),
				   COL("NOTE", 1, OUT_KEEP, 46) };

	(void)state;
	assert_int_equal(out_fit(c, 3, 80), 0);
	assert_true(c[0].shown && c[1].shown && c[2].shown);
	assert_int_equal(c[1].fit, 20);
	/* At 79 the name gives one column (20 -> 19) rather than a column go. */
	assert_int_equal(out_fit(c, 3, 79), 0);
	assert_true(c[0].shown && c[2].shown);
	assert_int_equal(c[1].fit, 19);
}

static void
test_drops_least_important_first(void **state)
{
	/* 20+2+20+2+20+2+20+2+20 = 108. The name can give 10 (to
	 * OUT_FLEX_MIN): 98 > 80, so the highest drop goes (E, drop 5):
	 * 86; still > 80 with the name at 20, but 86 - 10 = 76 <= 80: the
	 * name gives 6 and stays at 14. */
	struct out_fit_col c[] = { COL("NAME", 0, OUT_CUT, 20), COL("B", 2, OUT_KEEP, 20),
				   COL("C", 0, OUT_KEEP, 20), COL("D", 4, OUT_KEEP, 20),
				   COL("E", 5, OUT_KEEP, 20) };

	(void)state;
	assert_int_equal(out_fit(c, 5, 80), 1);
	assert_true(c[0].shown && c[1].shown && c[2].shown && c[3].shown);
	assert_false(c[4].shown);
	assert_int_equal(c[0].fit, 14);
	/* At 50: E (5) and D (4) go: 20+2+20+2+20 = 64; 64 - 10 = 54 > 50,
	 * so B (2) goes too: 42 fits with the name whole. */
	assert_int_equal(out_fit(c, 5, 50), 3);
	assert_true(c[0].shown && !c[1].shown && c[2].shown && !c[3].shown && !c[4].shown);
	assert_int_equal(c[0].fit, 20);
}

static void
test_ties_from_the_right_and_floor(void **state)
{
	/* Equal drops: the rightmost goes first. Columns with drop 0 stay
	 * however narrow the limit; the flexible one then gets its minimum
	 * (OUT_WRAP_MIN for wrapped text, as it is wider than its header). */
	struct out_fit_col c[] = { COL("A", 0, OUT_KEEP, 30), COL("B", 1, OUT_KEEP, 5),
				   COL("C", 1, OUT_KEEP, 5), COL("LONG HEADING", 0, OUT_WRAP, 50) };

	(void)state;
	/* 30+2+5+2+5+2+50 = 96; wrap min is OUT_WRAP_MIN (20): 96 - 30 =
	 * 66 > 60, C goes: 89 - 30 = 59 <= 60: the text gets 50 - 29 = 21. */
	assert_int_equal(out_fit(c, 4, 60), 1);
	assert_true(c[1].shown);
	assert_false(c[2].shown);
	assert_int_equal(c[3].fit, 21);
	/* At 20 both go and the text has its minimum, 20: the table is
	 * wider than the limit (52), the least it can be. */
	assert_int_equal(out_fit(c, 4, 20), 2);
	assert_int_equal(c[3].fit, OUT_WRAP_MIN);
	assert_true(c[0].shown && c[3].shown);
}

static void
test_no_flexible_column(void **state)
{
	struct out_fit_col c[] = { COL("A", 0, OUT_KEEP, 40), COL("B", 1, OUT_KEEP, 40) };

	(void)state;
	/* 82 > 80: B goes, A keeps its 40 (a number is never cut). */
	assert_int_equal(out_fit(c, 2, 80), 1);
	assert_int_equal(c[0].fit, 40);
	assert_false(c[1].shown);
}

/* What out_write_row writes for the row CELLS of C (out_fit at LIMIT). */
static char *
row(struct out_fit_col *c, size_t n, size_t limit, char **cells)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	out_fit(c, n, limit);
	out_write_row(f, c, n, cells, NULL, NULL);
	fclose(f);
	return buf;
}

static void
test_write_cut(void **state)
{
	/* "Ren\u00e9e Fran\u00e7ois-Dupont" is 21 wide: cut at 12 it shows 11
	 * columns and the ellipsis; the last column is not padded. */
	struct out_fit_col c[] = { COL("ID", 0, OUT_KEEP, 2), COL("NAME", 0, OUT_CUT, 21),
				   COL("N", 0, OUT_KEEP, 3) };
	char *cells[] = { "7", "Ren\xc3\xa9" "e Fran\xc3\xa7ois-Dupont", "100" };
	char *got = row(c, 3, 21, cells);

	(void)state;
	assert_int_equal(c[1].fit, 12);
	assert_string_equal(got, "7   Ren\xc3\xa9" "e Fran\xc3\xa7\xe2\x80\xa6  100\n");
	free(got);
}

static void
test_write_cut_wide(void **state)
{
	/* Six CJK characters (12 columns) in a column of 10: 9 columns would
	 * split the fifth, so four (8 columns), the ellipsis, and a blank to
	 * pad it to 10. */
	struct out_fit_col c[] = { COL("NAME", 0, OUT_CUT, 12), COL("N", 0, OUT_KEEP, 1) };
	char *cells[] = { "\xe7\x94\xb0\xe4\xb8\xad\xe5\xa4\xaa\xe9\x83\x8e\xe3\x81\x95\xe3\x82\x93",
			  "1" };
	char *got;

	(void)state;
	/* 12 + 2 + 1 = 15 at 13: the name gives 2. */
	got = row(c, 2, 13, cells);
	assert_int_equal(c[0].fit, 10);
	assert_string_equal(got, "\xe7\x94\xb0\xe4\xb8\xad\xe5\xa4\xaa\xe9\x83\x8e"
			    "\xe2\x80\xa6   1\n");
	free(got);
}

static void
test_write_wrap(void **state)
{
	/* The text wraps at spaces under its column, lines of at most 20,
	 * with no trailing blanks; the other cells are on the first line. */
	struct out_fit_col c[] = { COL("T", 0, OUT_KEEP, 5), COL("TEXT", 0, OUT_WRAP, 42),
				   COL("Z", 1, OUT_KEEP, 1) };
	char *cells[] = { "10:00", "new: name: Dublin, tz: Europe/Dublin, x: y", "z" };
	char *got = row(c, 3, 27, cells);

	(void)state;
	assert_false(c[2].shown);
	assert_int_equal(c[1].fit, 20);
	assert_string_equal(got, "10:00  new: name: Dublin,\n"
				 "       tz: Europe/Dublin,\n"
				 "       x: y\n");
	free(got);
}

static void
test_write_wrap_long_word(void **state)
{
	/* A word longer than the column is broken where the column ends. */
	struct out_fit_col c[] = { COL("TEXT", 0, OUT_WRAP, 25) };
	char *cells[] = { "/a/very/long/path/name/x.csv" };
	char *got = row(c, 1, 20, cells);

	(void)state;
	assert_string_equal(got, "/a/very/long/path/na\nme/x.csv\n");
	free(got);
}

static void
test_left_out_note(void **state)
{
	struct out_fit_col c[] = { COL("A", 0, OUT_KEEP, 30), COL("ZONE", 1, OUT_KEEP, 30),
				   COL("ORIGIN", 2, OUT_KEEP, 30) };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_int_equal(out_fit(c, 3, 40), 2);
	out_write_left_out(f, c, 3, 40);
	out_fit(c, 3, 0);
	out_write_left_out(f, c, 3, 0);        /* nothing left out: nothing */
	fclose(f);
	assert_string_equal(buf, "(Left out to fit: ZONE, ORIGIN; --wide\n"
				 " shows them.)\n");
	free(buf);
}

static void
test_others_give_way_last(void **state)
{
	/* Nothing more to leave out and the flexible column at its floor:
	 * the next that may be cut is cut, from the left, to what the limit
	 * needs (10 + 2 + 17 + 2 + 20 = 51); one that keeps stays whole. */
	struct out_fit_col c[] = { COL("ROTATION", 0, OUT_CUT, 37), COL("TIER", 1, OUT_KEEP, 10),
				   COL("ON CALL", 0, OUT_CUT, 30), COL("UNTIL", 0, OUT_KEEP, 20) };

	(void)state;
	assert_int_equal(out_fit(c, 4, 51), 1);
	assert_false(c[1].shown);
	assert_int_equal(c[0].fit, 10);
	assert_int_equal(c[2].fit, 17);
	assert_int_equal(c[3].fit, 20);
	/* A wrapped column is the flexible one, and is not made narrower
	 * than its widest word: 10 + 2 + 16 + 2 + 30 = 60. */
	c[3] = (struct out_fit_col)COL("UNTIL", 0, OUT_WRAP, 51);
	c[3].word = 30;
	assert_int_equal(out_fit(c, 4, 60), 1);
	assert_int_equal(c[3].fit, 30);
	assert_int_equal(c[0].fit, 10);
	assert_int_equal(c[2].fit, 16);
	c[3] = (struct out_fit_col)COL("UNTIL", 0, OUT_KEEP, 20);
	/* Each at most to its floor: past it the table is left wider. */
	assert_int_equal(out_fit(c, 4, 30), 1);
	assert_int_equal(c[0].fit, 10);
	assert_int_equal(c[2].fit, 10);
	assert_int_equal(c[3].fit, 20);
}

static void
test_write_two_wrapped(void **state)
{
	/* Two wrapped columns: their next lines side by side, each under
	 * its own column, no blanks after the last piece of a line. */
	struct out_fit_col c[] = { COL("A", 0, OUT_WRAP, 30), COL("B", 0, OUT_KEEP, 1),
				   COL("UNTIL", 0, OUT_WRAP, 51) };
	char *cells[] = { "one two three four five six", "x",
			  "Mon 2027-01-11 10:00 America/Argentina/Buenos_Aires" };
	char *got = row(c, 3, 45, cells);

	(void)state;
	assert_int_equal(c[0].fit, 20);
	assert_int_equal(c[2].fit, 20);
	assert_string_equal(got, "one two three four    x  Mon 2027-01-11 10:00\n"
				 "five six                 America/Argentina/Bu\n"
				 "                         enos_Aires\n");
	free(got);
}

/* out_write_prose's lines for FMT's text at LIMIT; caller frees. */
static char *
prose(size_t limit, const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	out_write_prose(f, limit, "%s", text);
	fclose(f);
	return buf;
}

static void
test_prose_sentence(void **state)
{
	/* At words, the spaces at a break left out, the next lines 2 in. */
	char *got = prose(30, "Not bo: breaks the minimum gap of 1 shift(s) off (shift 6).");

	(void)state;
	assert_string_equal(got, "Not bo: breaks the minimum gap\n"
				 "  of 1 shift(s) off (shift 6).\n");
	free(got);
	/* Each line of the text on its own; one that fits is left as it is. */
	got = prose(24, "term h1: 6 weeks, 2 changed; times in Europe/Dublin\ndry run");
	assert_string_equal(got, "term h1: 6 weeks, 2\n"
				 "  changed; times in\n"
				 "  Europe/Dublin\n"
				 "dry run\n");
	free(got);
}

static void
test_prose_items(void **state)
{
	/* Items two spaces apart stay whole, the next lines under the first. */
	char *got = prose(40, "Trend:  2026-10 0  2026-11 12  2026-12 4  2027-01 7");

	(void)state;
	assert_string_equal(got, "Trend:  2026-10 0  2026-11 12  2026-12 4\n"
				 "        2027-01 7\n");
	free(got);
	got = prose(30, "Trend:  2026-10 0  2026-11 12  2026-12 4  2027-01 7");
	assert_string_equal(got, "Trend:  2026-10 0  2026-11 12\n"
				 "        2026-12 4  2027-01 7\n");
	free(got);
}

static void
test_prose_wide_and_long(void **state)
{
	/* CJK counts 2 a character; a word wider than the line is broken
	 * where the line ends, never inside a character. */
	char *got = prose(20, "Not \xe7\x94\xb0\xe4\xb8\xad\xe5\xa4\xaa\xe9\x83\x8e: "
			  "/a/very/long/path/name/x.csv");

	(void)state;
	assert_string_equal(got, "Not \xe7\x94\xb0\xe4\xb8\xad\xe5\xa4\xaa\xe9\x83\x8e:\n"
				 "  /a/very/long/path/\n"
				 "  name/x.csv\n");
	free(got);
}

static void
test_prose_unlimited(void **state)
{
	/* LIMIT 0, or a line that fits: byte for byte, spaces and all. */
	const char *text = "Trend:  2026-10 0  2026-11 12   \n\nTimes in UTC.";
	char *got = prose(0, text), *want = NULL;

	(void)state;
	assert_int_equal(asprintf(&want, "%s\n", text), (int)strlen(text) + 1);
	assert_string_equal(got, want);
	free(got);
	got = prose(80, text);
	assert_string_equal(got, want);
	free(got);
	free(want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_no_limit),
		cmocka_unit_test(test_fits_already),
		cmocka_unit_test(test_drops_least_important_first),
		cmocka_unit_test(test_ties_from_the_right_and_floor),
		cmocka_unit_test(test_no_flexible_column),
		cmocka_unit_test(test_write_cut),
		cmocka_unit_test(test_write_cut_wide),
		cmocka_unit_test(test_write_wrap),
		cmocka_unit_test(test_write_wrap_long_word),
		cmocka_unit_test(test_left_out_note),
		cmocka_unit_test(test_others_give_way_last),
		cmocka_unit_test(test_write_two_wrapped),
		cmocka_unit_test(test_prose_sentence),
		cmocka_unit_test(test_prose_items),
		cmocka_unit_test(test_prose_wide_and_long),
		cmocka_unit_test(test_prose_unlimited),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
