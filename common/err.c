#include <config.h>  /* autoconf's, not common/config.h */

#include <stdarg.h>
#include <stdio.h>

#include "common/err.h"

static rota_sink sink;
static void *sink_arg;

void
rota_set_sink(rota_sink s, void *arg)
{
	sink = s;
	sink_arg = arg;
}

/* Writes TEXT with its control characters (C0 but tab, DEL, and C1 as
 * UTF-8) shown as \xHH: a message often quotes what the user or a file
 * gave, and a terminal must never receive a raw escape sequence. */
static void
write_visible(const char *text, FILE *f)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(f, "\\xc2\\x%02x", *++p);
		else
			fputc(*p, f);
	}
}

/* Formats one message and hands it to the sink, or writes it to stderr. */
static void
report(enum rota_msg_kind kind, const char *file, long line, const char *fmt, va_list ap)
{
	char text[4096];
	int n = 0;

	if (file != NULL)
		n = snprintf(text, sizeof text, "%s:%ld: ", file, line);
	if (n < 0 || (size_t)n >= sizeof text)
		n = 0;
	vsnprintf(text + n, sizeof text - (size_t)n, fmt, ap);
	if (sink != NULL) {
		sink(kind, text, sink_arg);
		return;
	}
	fprintf(stderr, "rota: %s", kind == ROTA_MSG_WARNING ? "warning: " : "");
	write_visible(text, stderr);
	fputc('\n', stderr);
}

int
rota_fail(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(ROTA_MSG_ERROR, NULL, 0, fmt, ap);
	va_end(ap);
	return status;
}

int
rota_fail_at(int status, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(ROTA_MSG_ERROR, file, line, fmt, ap);
	va_end(ap);
	return status;
}

void
rota_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(ROTA_MSG_WARNING, NULL, 0, fmt, ap);
	va_end(ap);
}
