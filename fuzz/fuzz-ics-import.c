/* libFuzzer target for the parse step of leave and holiday import
 * (calendars/import.h): any bytes in, either occurrences or a refusal
 * out, never a crash, a leak or a hang.
 *
 * Built only on request, with clang (never by `make` or CI):
 *   make fuzz-ics-import
 *   ./fuzz-ics-import -close_fd_mask=2 -max_total_time=60 \
 *       corpus/ $(top_srcdir)/fuzz/ics-seeds/
 * (-close_fd_mask=2 silences the "rota: fuzz.ics:LINE: ..." refusals.) */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendars/import.h"
#include "common/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* 2027-01-01 12:00 UTC, and the window the commands use. */
	const int64_t now = 1798804800;
	struct ics_options o = { 0 };
	struct ics_result r;
	char *text = xmalloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	o.zone = icaltimezone_get_builtin_timezone("Europe/Dublin");
	o.from = now - (int64_t)ICS_PAST_DAYS * 86400;
	o.to = now + (int64_t)ICS_FUTURE_DAYS * 86400;
	o.skip_transparent = (size & 1) != 0;
	if (ics_parse(text, size, "fuzz.ics", &o, &r) == 0)
		ics_result_free(&r);
	free(text);
	return 0;
}
