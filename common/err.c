#include <config.h>  /* autoconf's, not common/config.h */

#include <stdarg.h>
#include <stdio.h>

#include "common/err.h"

int
rota_fail(int status, const char *fmt, ...)
{
	va_list ap;

	fputs("rota: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

int
rota_fail_at(int status, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "rota: %s:%ld: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

void
rota_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("rota: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
