#include <config.h>  /* autoconf's, not common/config.h */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "common/err.h"
#include "common/escape.h"

static rota_sink sink;
static void *sink_arg;
static const char *stdin_name;

void
rota_name_stdin(const char *name)
{
	stdin_name = name;
}

void
rota_set_sink(rota_sink s, void *arg)
{
	sink = s;
	sink_arg = arg;
}

/* Formats one message and hands it to the sink, or writes it to stderr. */
static void
report(enum rota_msg_kind kind, const char *file, long line, const char *fmt, va_list ap)
{
	char text[4096];
	int n = 0;

	if (file != NULL && stdin_name != NULL && strcmp(file, "-") == 0)
		file = stdin_name;
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
	/* A message often quotes what the user or a file gave: a terminal
	 * must never receive a raw escape sequence. */
	escape_write(stderr, text, true);
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
