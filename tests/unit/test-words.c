/* Command lines as words without a shell (common/words.h): what rota
 * serve splits, what the client quotes, and that one undoes the other
 * for hostile words. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/words.h"

/* LINE splits into the N words given after it. */
static void
check_split(const char *line, int n, ...)
{
	char **argv, err[128];
	int argc;
	va_list ap;

	assert_int_equal(words_split(line, strlen(line), &argv, &argc, err, sizeof err), 0);
	assert_int_equal(argc, n);
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(argv[i], va_arg(ap, const char *));
	va_end(ap);
	assert_null(argv[n]);
	words_free(argv);
}

/* The LEN bytes of LINE are refused, saying WHY. */
static void
check_refused(const char *line, size_t len, const char *why)
{
	char **argv, err[128];
	int argc;

	assert_int_equal(words_split(line, len, &argv, &argc, err, sizeof err), -1);
	assert_null(argv);
	assert_int_equal(argc, 0);
	assert_string_equal(err, why);
}

static void
test_split(void **state)
{
	(void)state;
	check_split("", 0);
	check_split("  \t ", 0);
	check_split("swap request 3 --with bo", 5, "swap", "request", "3", "--with", "bo");
	check_split("  pay\t\t--json  ", 2, "pay", "--json");
	check_split("'a b' \"c d\" e\\ f", 3, "a b", "c d", "e f");
	check_split("'' \"\"", 2, "", "");
	check_split("'it'\\''s'", 1, "it's");
	check_split("\"say \\\"hi\\\" \\\\ \\n\"", 1, "say \"hi\" \\ \\n");
	check_split("'\\' \"$(touch x)\" `id` ; a|b&c>d", 5, "\\", "$(touch x)", "`id`",
		    ";", "a|b&c>d");
}

static void
test_split_specials(void **state)
{
	(void)state;
	check_split("a;b $HOME * ~ `x`", 5, "a;b", "$HOME", "*", "~", "`x`");
	check_split("x'y'\"z\"\\w", 1, "xyzw");
	check_split("tab'\t'in", 1, "tab\tin");
	check_split("\xc3\xa9t\xc3\xa9 \xe2\x82\xac", 2, "\xc3\xa9t\xc3\xa9", "\xe2\x82\xac");
}

static void
test_refused(void **state)
{
	static char big[WORDS_MAX_BYTES + 2];

	(void)state;
	check_refused("pay 'x", 6, "the single quote at byte 5 is not closed");
	check_refused("pay \"x", 6, "the double quote at byte 5 is not closed");
	check_refused("pay \"x\\\"", 8, "the double quote at byte 5 is not closed");
	check_refused("pay x\\", 6, "a backslash ends the line (byte 6)");
	check_refused("pay\nrm", 6, "a control character at byte 4");
	check_refused("pay '\n'", 7, "a control character at byte 6");
	check_refused("pay\rx", 5, "a control character at byte 4");
	check_refused("pay\x7f", 4, "a control character at byte 4");
	check_refused("pay\0x", 5, "a NUL byte at byte 4");
	memset(big, 'a', sizeof big - 1);
	check_refused(big, WORDS_MAX_BYTES + 1, "longer than 65536 bytes");
	check_split(big + 1, 1, big + 1);
}

/* Quoting WORDS and splitting the line gives WORDS back. */
static void
check_round_trip(char *const *words, int n, const char *want_line)
{
	char err[128], *line = words_quote(words, n, err, sizeof err), **argv;
	int argc;

	assert_non_null(line);
	if (want_line != NULL)
		assert_string_equal(line, want_line);
	assert_int_equal(words_split(line, strlen(line), &argv, &argc, err, sizeof err), 0);
	assert_int_equal(argc, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(argv[i], words[i]);
	words_free(argv);
	free(line);
}

static void
test_quote(void **state)
{
	char *plain[] = { "rota", "swap", "request", "2027-01-04", "--with=bo", "a@b.c:1,2%+" };
	char *hostile[] = { "it's", "\"", "\\", ";", "$(touch /tmp/x)", "`id`", "a b",
			    "", "'", "''", "\t", "--db", "\xc3\xa9t\xc3\xa9 \xe2\x82\xac",
			    "*", "~", "a|b", "x\\'y" };
	char *bad[] = { "ok", "two\nlines" }, *cr[] = { "a\rb" }, err[128];

	(void)state;
	check_round_trip(plain, 6, "rota swap request 2027-01-04 --with=bo a@b.c:1,2%+");
	check_round_trip(hostile, (int)(sizeof hostile / sizeof *hostile), NULL);
	check_round_trip((char *[]){ "it's", "" }, 2, "'it'\\''s' ''");
	check_round_trip(NULL, 0, "");
	assert_null(words_quote(bad, 2, err, sizeof err));
	assert_string_equal(err, "argument 2 holds a control character (a newline?), "
			    "which cannot be sent");
	assert_null(words_quote(cr, 1, err, sizeof err));
}

static void
test_quote_too_long(void **state)
{
	static char big[WORDS_MAX_BYTES];
	char *words[] = { big }, err[128], *line;

	(void)state;
	memset(big, 'a', sizeof big - 1);
	line = words_quote(words, 1, err, sizeof err);
	assert_non_null(line);
	free(line);
	big[0] = ' ';
	assert_null(words_quote(words, 1, err, sizeof err));
	assert_string_equal(err, "the command line is longer than 65536 bytes");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_split_specials),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_quote_too_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
