/* libFuzzer target of the parsers of times, dates, durations and
 * business hours: any text in, a value in range or a refusal out, never a
 * crash or an undefined behaviour. Seeds: fuzz/time-seeds/.
 *
 * The first byte chooses the parser (and is not part of the text); each
 * value read is checked against what its header promises and written
 * back out where the program would write it (an instant from 1970 to
 * 2199 read back again through every parser of instants):
 *   'd' date_parse            "2027-01-04"
 *   't' time_parse            "2027-01-04T10:00", "...Z", "...+01:00" (Europe/Dublin)
 *   'w' weekday_time_parse    "Mon 10:00"
 *   'c' clock_parse           "09:30"
 *   'b' business_hours_parse  "Mon-Fri 09:00-18:00"
 *   'p' page_time_parse       a page CSV's times
 *   'a' api_time_parse        PagerDuty's and Opsgenie's API times
 *   'm' report_month_parse    "2027-02"
 *   'r' http_retry_after_parse  Retry-After: seconds or an HTTP date
 * any other first byte: every parser over the whole text. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/timefmt.h"
#include "common/tz.h"
#include "fuzz/fuzz.h"
#include "http/http.h"
#include "reports/month.h"
#include "reports/page-import.h"
#include "reports/pull.h"

#define YEAR_1970 INT64_C(0)
#define YEAR_2200 INT64_C(7258118400)

/* Writes instant T as the program would, in UTC and in Dublin; from 1970
 * to 2199, what time_format_utc writes reads back as T through every
 * parser of instants. */
static void
write_back(int64_t t)
{
	char buf[64];
	int64_t again;

	time_format_utc(t, buf, sizeof buf);
	if (t >= YEAR_1970 && t < YEAR_2200 &&
	    (time_parse(buf, tz_lookup("Europe/Dublin"), &again) != 0 || again != t ||
	     page_time_parse(buf, &again) != 0 || again != t ||
	     api_time_parse(buf, &again) != 0 || again != t)) {
		fprintf(stderr, "fuzz-time: %lld written as %s does not read back\n",
			(long long)t, buf);
		abort();
	}
	time_format_local(t, tz_lookup("Europe/Dublin"), buf, sizeof buf);
	date_format_local(t, tz_lookup("Europe/Dublin"), buf, sizeof buf);
}

static void
parse(char how, const char *s)
{
	int y, mo, d, dow, minute;
	int64_t t;
	struct business_hours bh;
	long wait;

	switch (how) {
	case 'd':
		if (date_parse(s, &y, &mo, &d) == 0 &&
		    (mo < 1 || mo > 12 || d < 1 || d > civil_days_in_month(y, mo)))
			abort();
		break;
	case 't':
		if (time_parse(s, tz_lookup("Europe/Dublin"), &t) == 0)
			write_back(t);
		break;
	case 'w':
		if (weekday_time_parse(s, &dow, &minute) == 0 &&
		    (dow < 0 || dow > 6 || minute < 0 || minute >= 24 * 60))
			abort();
		break;
	case 'c':
		if (clock_parse(s, &minute) == 0 && (minute < 0 || minute > 24 * 60))
			abort();
		break;
	case 'b':
		if (business_hours_parse(s, &bh) == 0 &&
		    (bh.days == 0 || bh.days >= 1u << 7 || bh.start < 0 ||
		     bh.start >= bh.end || bh.end > 24 * 60))
			abort();
		break;
	case 'p':
		if (page_time_parse(s, &t) == 0)
			write_back(t);
		break;
	case 'a':
		if (api_time_parse(s, &t) == 0)
			write_back(t);
		break;
	case 'm':
		if (report_month_parse(s, &y, &mo) == 0 && (mo < 1 || mo > 12))
			abort();
		break;
	case 'r':
		wait = http_retry_after_parse(s, (time_t)1798804800);
		if (wait < -1 || wait > 86400)
			abort();        /* "at most one day" */
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char all[] = "dtwcbpamr";
	char *s;

	fuzz_quiet();
	if (size == 0)
		return 0;
	if (strchr(all, data[0]) != NULL && data[0] != '\0') {
		s = fuzz_string(data + 1, size - 1);
		parse((char)data[0], s);
	} else {
		s = fuzz_string(data, size);
		for (const char *h = all; *h != '\0'; h++)
			parse(*h, s);
	}
	free(s);
	return 0;
}
