/* Error messages and exit statuses.
 *
 * Every failure is reported once, on stderr, as "rota: what is wrong" or
 * "rota: FILE:LINE: what is wrong", and maps to one of the sysexits numbers
 * documented in rota(1) under EXIT STATUS. */
#ifndef ROTA_ERR_H
#define ROTA_ERR_H

#include <sysexits.h>

#define ROTA_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Prints "rota: MESSAGE" and returns status, so callers can write
 * `return rota_fail(EX_DATAERR, "...")`. */
int rota_fail(int status, const char *fmt, ...) ROTA_PRINTF(2, 3);

/* Prints "rota: FILE:LINE: MESSAGE" and returns status. */
int rota_fail_at(int status, const char *file, long line, const char *fmt, ...)
	ROTA_PRINTF(4, 5);

/* Prints "rota: warning: MESSAGE"; for facts worth knowing that fail nothing. */
void rota_warn(const char *fmt, ...) ROTA_PRINTF(1, 2);

#endif
