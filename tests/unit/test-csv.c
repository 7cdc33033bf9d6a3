/* The RFC 4180 reader: quoting, line ends, a BOM, and where records start. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting_and_lines),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_growth),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
