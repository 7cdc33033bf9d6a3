/* libFuzzer target of the parse step of leave and holiday import
 * (calendars/import.h, ics_parse): any bytes in, either occurrences or a
 * refusal out, never a crash, a leak or a hang. Seeds: fuzz/ics-import-seeds/.
 *
 * The options come from the input's length: odd lengths skip free time,
 * and the zone of all-day dates and floating times is Europe/Dublin or
 * UTC. The zone is rota's (common/tz.h), as leave import passes it; it
 * once was libical's, which ics_parse read as rota's: a crash on the
 * seed zones.ics, kept as a regression input. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "calendars/import.h"
#include "common/tz.h"
#include "fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* 2027-01-01 12:00 UTC, and the window the commands use. */
	const int64_t now = 1798804800;
	struct ics_options o = { 0 };
	struct ics_result r;
	char *text = fuzz_string(data, size);

	fuzz_quiet();
	o.zone = (size & 2) != 0 ? tz_utc() : tz_lookup("Europe/Dublin");
	o.from = now - (int64_t)ICS_PAST_DAYS * 86400;
	o.to = now + (int64_t)ICS_FUTURE_DAYS * 86400;
	o.skip_transparent = (size & 1) != 0;
	if (ics_parse(text, size, "fuzz.ics", &o, &r) == 0) {
		for (size_t i = 0; i < r.n; i++)
			if (r.v[i].end <= r.v[i].start || r.v[i].end <= o.from ||
			    r.v[i].start >= o.to || r.v[i].uid[0] == '\0' ||
			    !fuzz_utf8_line(r.v[i].summary))
				abort();        /* an occurrence the header rules out */
		ics_result_free(&r);
	}
	free(text);
	return 0;
}
