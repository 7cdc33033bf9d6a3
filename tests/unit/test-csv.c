/* The RFC 4180 reader: quoting, line ends, a BOM, and where records
 * start; and the writer's one field rule. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "reports/csv.h"

static void
test_quoting_and_lines(void **state)
{
	static const char in[] =
		"\xEF\xBB\xBFid,alert,n\r\n"
		"1,\"disk, full\",x\r\n"
		"\r\n"
		"2,\"say \"\"hi\"\"\r\nnext line\",\r\n"
		"3,plain,\"\"\n"
		"4,last,end";
	struct csv *c = csv_open_mem(in, sizeof in - 1);
	char **f;
	size_t n;
	long line;

	(void)state;
	assert_int_equal(csv_next(c, &f, &n, &line), 1);
	assert_int_equal(n, 3);
	assert_string_equal(f[0], "id");
	assert_int_equal(line, 1);
	assert_int_equal(csv_next(c, &f, &n, &line), 1);
	assert_int_equal(line, 2);
	assert_string_equal(f[1], "disk, full");
	assert_int_equal(csv_next(c, &f, &n, &line), 1);
	assert_int_equal(line, 4);
	assert_int_equal(n, 3);
	assert_string_equal(f[1], "say \"hi\"\nnext line");
	assert_string_equal(f[2], "");
	assert_int_equal(csv_next(c, &f, &n, &line), 1);
	assert_int_equal(line, 6);
	assert_string_equal(f[1], "plain");
	assert_string_equal(f[2], "");
	assert_int_equal(csv_next(c, &f, &n, &line), 1);
	assert_int_equal(line, 7);
	assert_string_equal(f[2], "end");
	assert_int_equal(csv_next(c, &f, &n, &line), 0);
	assert_int_equal(csv_offset(c), csv_size(c));
	csv_close(c);
}

static void
test_errors(void **state)
{
	static const char *const bad[] = {
		"a,b\n1,\"open\nstill open\n",
		"a,b\n1,x\"y\n",
		"a,b\n1,\"x\"y\n",
	};
	char **f;
	size_t n;
	long line;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		struct csv *c = csv_open_mem(bad[i], strlen(bad[i]));

		assert_int_equal(csv_next(c, &f, &n, &line), 1);
		assert_int_equal(csv_next(c, &f, &n, &line), -1);
		assert_int_equal(line, 2);
		assert_non_null(csv_error(c));
		csv_close(c);
	}
	{
		struct csv *c = csv_open_mem("a,\n", 3);

		assert_int_equal(csv_next(c, &f, &n, &line), 1);
		assert_int_equal(n, 2);
		assert_string_equal(f[1], "");
		csv_close(c);
	}
	{
		struct csv *c = csv_open_mem("a,", 2);

		assert_int_equal(csv_next(c, &f, &n, &line), 1);
		assert_int_equal(n, 2);
		csv_close(c);
	}
	{
		struct csv *c = csv_open_mem("", 0);

		assert_int_equal(csv_next(c, &f, &n, &line), 0);
		csv_close(c);
	}
}

/* Many fields, long ones: the buffers grow. */
static void
test_growth(void **state)
{
	char in[8192];
	size_t len = 0;
	struct csv *c;
	char **f;
	size_t n;
	long line;

	(void)state;
	for (int i = 0; i < 40; i++)
		len += (size_t)snprintf(in + len, sizeof in - len, "%s\"%0150d\"", i ? "," : "", i);
	c = csv_open_mem(in, len);
	assert_int_equal(csv_next(c, &f, &n, &line), 1);
	assert_int_equal(n, 40);
	assert_int_equal(strlen(f[39]), 150);
	assert_string_equal(f[39] + 148, "39");
	csv_close(c);
}

/* A record of LEN bytes ("a,b..." of one unquoted field, or quoted when
 * QUOTE) then END and a second record "next". */
static char *
record_of(size_t len, bool quote, const char *end, size_t *total)
{
	size_t tail = strlen(end) + strlen("next\n");
	char *in = malloc(len + tail + 1);

	assert_non_null(in);
	memset(in, 'a', len);
	if (quote) {
		in[0] = '"';
		in[len - 1] = '"';
	}
	sprintf(in + len, "%snext\n", end);
	*total = len + tail;
	return in;
}

/* CSV_RECORD_MAX bytes is a record, one more is refused, whatever ends it
 * (LF, CRLF, a trailing separator) and whether quoted or not; the line
 * count goes on right after a record at the limit. */
static void
test_record_limit(void **state)
{
	static const char *const ends[] = { "\n", "\r\n", ",\n" };
	struct csv *c;
	char **f, *in;
	size_t n, total;
	long line;

	(void)state;
	for (size_t e = 0; e < 3; e++) {
		for (int quote = 0; quote < 2; quote++) {
			size_t at = CSV_RECORD_MAX - (e == 2 ? 1 : 0);

			in = record_of(at, quote, ends[e], &total);
			c = csv_open_mem(in, total);
			assert_int_equal(csv_next(c, &f, &n, &line), 1);
			assert_int_equal(n, e == 2 ? 2 : 1);
			assert_int_equal(strlen(f[0]), quote ? at - 2 : at);
			assert_int_equal(csv_next(c, &f, &n, &line), 1);
			assert_int_equal(line, 2);
			assert_string_equal(f[0], "next");
			csv_close(c);
			free(in);

			in = record_of(at + 1, quote, ends[e], &total);
			c = csv_open_mem(in, total);
			assert_int_equal(csv_next(c, &f, &n, &line), -1);
			assert_int_equal(line, 1);
			assert_string_equal(csv_error(c),
					    "a record longer than the limit of 1048576 bytes");
			assert_int_equal(csv_next(c, &f, &n, &line), 0);
			csv_close(c);
			free(in);
		}
	}
}

/* S as WRITE (csv_put, csv_number) writes it. */
static char *
written(void (*write)(FILE *, const char *), const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	write(f, s);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static char *
put(const char *s)
{
	return written(csv_put, s);
}

static void
check_put(const char *in, const char *want)
{
	char *got = put(in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_writer(void **state)
{
	(void)state;
	check_put("", "");
	check_put("Ana Lopez", "Ana Lopez");
	check_put("Chen, Bo", "\"Chen, Bo\"");
	check_put("say \"hi\"", "\"say \"\"hi\"\"\"");
	check_put("two\nlines", "\"two\nlines\"");
	/* A CR alone is a line break to some readers: quoted too. */
	check_put("Ana\rLopez", "\"Ana\rLopez\"");
	/* What a spreadsheet would run as a formula gets an apostrophe. */
	check_put("=1+2", "'=1+2");
	check_put("+1", "'+1");
	check_put("-2+3", "'-2+3");
	check_put("@SUM(A1)", "'@SUM(A1)");
	check_put("\t=1", "'\t=1");
	check_put("\r=1", "\"'\r=1\"");
	check_put("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
	check_put("a=b-c", "a=b-c");
	/* What it writes, the reader reads back (apostrophe aside). */
	{
		char *w = put("x,\"y\"\r\nz");
		struct csv *c = csv_open_mem(w, strlen(w));
		char **f;
		size_t n;
		long line;

		assert_int_equal(csv_next(c, &f, &n, &line), 1);
		assert_int_equal(n, 1);
		assert_string_equal(f[0], "x,\"y\"\nz");
		csv_close(c);
		free(w);
	}
}

static void
check_number(const char *in, const char *want)
{
	char *got = written(csv_number, in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_numbers(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	/* Numbers stay numbers, negative ones included: no apostrophe. */
	check_number("0", "0");
	check_number("500.00", "500.00");
	check_number("-12.50", "-12.50");
	check_number("-7", "-7");
	/* Anything else is text, and the text rule applies. */
	check_number("-", "'-");
	check_number("-1+2", "'-1+2");
	check_number("1.", "1.");
	check_number("-.5", "'-.5");
	check_number("=1", "'=1");
	check_number("1,5", "\"1,5\"");
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	csv_int(f, -42);
	fputc(',', f);
	csv_int(f, INT64_MIN);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(buf, "-42,-9223372036854775808");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting_and_lines),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_record_limit),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
