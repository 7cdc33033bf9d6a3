/* Money: decimal amounts to minor units and back per ISO 4217 exponent,
 * rounding half away from zero (common/share.h), 128-bit products and
 * exact rationals. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "common/share.h"
#include "reports/money.h"

static void
test_exponents(void **state)
{
	(void)state;
	assert_int_equal(money_exponent("EUR"), 2);
	assert_int_equal(money_exponent("USD"), 2);
	assert_int_equal(money_exponent("GBP"), 2);
	assert_int_equal(money_exponent("INR"), 2);
	assert_int_equal(money_exponent("AUD"), 2);
	assert_int_equal(money_exponent("CHF"), 2);
	assert_int_equal(money_exponent("SEK"), 2);
	assert_int_equal(money_exponent("COP"), 2);
	assert_int_equal(money_exponent("JPY"), 0);
	assert_int_equal(money_exponent("KRW"), 0);
	assert_int_equal(money_exponent("ISK"), 0);
	assert_int_equal(money_exponent("BHD"), 3);
	assert_int_equal(money_exponent("KWD"), 3);
	assert_int_equal(money_exponent("CLF"), 4);
	assert_int_equal(money_exponent("AED"), 2);   /* first of the table */
	assert_int_equal(money_exponent("ZAR"), 2);   /* last */
	assert_int_equal(money_exponent("XYZ"), -1);
	assert_int_equal(money_exponent("eur"), -1);
	assert_int_equal(money_exponent("EURO"), -1);
	assert_int_equal(money_exponent(""), -1);
}

static int64_t
parse_ok(const char *s, int exponent)
{
	int64_t v = -999;
	const char *why = NULL;

	assert_int_equal(money_parse(s, exponent, &v, &why), 0);
	return v;
}

static const char *
parse_bad(const char *s, int exponent)
{
	int64_t v = -999;
	const char *why = NULL;

	assert_int_equal(money_parse(s, exponent, &v, &why), -1);
	assert_int_equal(v, -999);
	assert_non_null(why);
	return why;
}

static void
test_parse(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("500.00", 2), 50000);
	assert_int_equal(parse_ok("0.5", 2), 50);
	assert_int_equal(parse_ok("12", 2), 1200);
	assert_int_equal(parse_ok("0", 2), 0);
	assert_int_equal(parse_ok("0.00", 2), 0);
	assert_int_equal(parse_ok("007.1", 2), 710);
	assert_int_equal(parse_ok("-3.25", 2), -325);
	assert_int_equal(parse_ok("12", 0), 12);
	assert_int_equal(parse_ok("0.001", 3), 1);
	assert_int_equal(parse_ok("1.5", 3), 1500);
	assert_int_equal(parse_ok("1000000000000000", 0), MONEY_MAX);
	assert_int_equal(parse_ok("10000000000000.00", 2), MONEY_MAX);
	assert_string_equal(parse_bad("1.005", 2), "has too many decimals");
	assert_string_equal(parse_bad("1.5", 0), "has too many decimals");
	assert_string_equal(parse_bad("500,00", 2), "is not an amount such as 500.00");
	assert_string_equal(parse_bad("1000000000000001", 0), "is too large");
	assert_string_equal(parse_bad("99999999999999999999999", 2), "is too large");
	assert_string_equal(parse_bad("10000000000000.01", 2), "is too large");
	parse_bad("", 2);
	parse_bad(".", 2);
	parse_bad("5.", 2);
	parse_bad(".5", 2);
	parse_bad("-", 2);
	parse_bad("1e3", 2);
	parse_bad("1,50", 2);
	parse_bad(" 5", 2);
	parse_bad("5 ", 2);
	parse_bad("+5", 2);
	parse_bad("abc", 2);
	parse_bad("1.2.3", 2);
}

static void
test_format(void **state)
{
	char buf[MONEY_BUF];

	(void)state;
	assert_string_equal(money_format(50000, 2, buf, sizeof buf), "500.00");
	assert_string_equal(money_format(5, 2, buf, sizeof buf), "0.05");
	assert_string_equal(money_format(-5, 2, buf, sizeof buf), "-0.05");
	assert_string_equal(money_format(0, 2, buf, sizeof buf), "0.00");
	assert_string_equal(money_format(-123456, 3, buf, sizeof buf), "-123.456");
	assert_string_equal(money_format(1, 3, buf, sizeof buf), "0.001");
	assert_string_equal(money_format(1200, 0, buf, sizeof buf), "1200");
	assert_string_equal(money_format(0, 0, buf, sizeof buf), "0");
	assert_string_equal(money_format(-7, 0, buf, sizeof buf), "-7");
	assert_string_equal(money_format(INT64_MAX, 2, buf, sizeof buf),
			    "92233720368547758.07");
	assert_string_equal(money_format(INT64_MIN, 2, buf, sizeof buf),
			    "-92233720368547758.08");
	/* Round trip */
	assert_string_equal(money_format(parse_ok("0.5", 2), 2, buf, sizeof buf), "0.50");
}

static void
test_round_half_away_from_zero(void **state)
{
	int64_t v = 0;

	(void)state;
	assert_int_equal(round_div(5, 2), 3);      /*  2.5 ->  3 */
	assert_int_equal(round_div(-5, 2), -3);    /* -2.5 -> -3 */
	assert_int_equal(round_div(7, 2), 4);      /*  3.5 ->  4 */
	assert_int_equal(round_div(-7, 2), -4);
	assert_int_equal(round_div(1, 2), 1);      /*  0.5 ->  1 */
	assert_int_equal(round_div(-1, 2), -1);    /* -0.5 -> -1 */
	assert_int_equal(round_div(249, 100), 2);
	assert_int_equal(round_div(250, 100), 3);
	assert_int_equal(round_div(251, 100), 3);
	assert_int_equal(round_div(-249, 100), -2);
	assert_int_equal(round_div(-250, 100), -3);
	assert_int_equal(round_div(-251, 100), -3);
	assert_int_equal(round_div(1, 3), 0);
	assert_int_equal(round_div(2, 3), 1);
	assert_int_equal(round_div(-2, 3), -1);
	assert_int_equal(round_div(0, 7), 0);
	assert_int_equal(round_div(12, 4), 3);

	/* 500.00 * 159 / 169 hours = 47041.42... */
	assert_int_equal(money_muldiv(50000, 159, 169, &v), 0);
	assert_int_equal(v, 47041);
	/* 33.33 an hour for 15 minutes: 833.25 -> 833; 0.10: 2.5 -> 3 */
	assert_int_equal(money_muldiv(3333, 15, 60, &v), 0);
	assert_int_equal(v, 833);
	assert_int_equal(money_muldiv(10, 15, 60, &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(money_muldiv(-10, 15, 60, &v), 0);
	assert_int_equal(v, -3);
	/* The product overflows 64 bits, the result does not. */
	assert_int_equal(money_muldiv(MONEY_MAX, 2419200, 2419200, &v), 0);
	assert_int_equal(v, MONEY_MAX);
	assert_int_equal(money_muldiv(INT64_MAX, INT64_MAX, INT64_MAX, &v), -1);
	assert_int_equal(money_muldiv(INT64_MAX, 2, 1, &v), -1);
	assert_int_equal(money_muldiv(1, 1, 0, &v), -1);
}

static void
test_ratio(void **state)
{
	struct money_ratio r = MONEY_RATIO_ZERO;

	(void)state;
	assert_int_equal(money_ratio_round(&r), 0);
	/* 1/3 + 2/3 = 1 exactly */
	money_ratio_add(&r, 1, 1, 3);
	assert_int_equal(money_ratio_round(&r), 0);
	money_ratio_add(&r, 1, 2, 3);
	assert_int_equal(money_ratio_round(&r), 1);
	assert_true(r.num == 1 && r.den == 1);
	/* Days of 23, 24 and 25 hours covered whole: 3 days exactly. */
	r = MONEY_RATIO_ZERO;
	money_ratio_add(&r, 1000, 82800, 82800);
	money_ratio_add(&r, 1000, 14 * 3600, 86400);
	money_ratio_add(&r, 1000, 10 * 3600, 86400);
	money_ratio_add(&r, 1000, 90000, 90000);
	assert_int_equal(money_ratio_round(&r), 3000);
	/* 10.00 for 14 h of a 25 h day: 560 exactly; then 1 h of 23 h: 43.47.. */
	r = MONEY_RATIO_ZERO;
	money_ratio_add(&r, 1000, 14 * 3600, 90000);
	assert_int_equal(money_ratio_round(&r), 560);
	money_ratio_add(&r, 1000, 3600, 82800);
	assert_int_equal(money_ratio_round(&r), 603);   /* 603.478... */
	money_ratio_add(&r, 0, 3600, 82800);
	assert_int_equal(money_ratio_round(&r), 603);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exponents),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_half_away_from_zero),
		cmocka_unit_test(test_ratio),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
