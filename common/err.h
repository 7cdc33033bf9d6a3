/* Error messages and exit statuses.
 *
 * Every failure is reported once, as "rota: what is wrong" or
 * "rota: FILE:LINE: what is wrong", and maps to one of the sysexits numbers
 * documented in rota(1) under EXIT STATUS. The code that finds the failure
 * (the service layer, the store) never writes to a terminal itself: it
 * hands the message to the sink that the front end chose. The command
 * line's sink, the default, writes it to stderr (control characters
 * shown as \xHH); unit tests keep it to check its words. */
#ifndef ROTA_ERR_H
#define ROTA_ERR_H

#include <sysexits.h>

#define ROTA_PRINTF(f, a) __attribute__((format(printf, f, a)))

enum rota_msg_kind { ROTA_MSG_ERROR, ROTA_MSG_WARNING };

/* Receives each message: TEXT is the message without "rota: " (with
 * "FILE:LINE: " in front when it has a location, without "warning: "). */
typedef void (*rota_sink)(enum rota_msg_kind kind, const char *text, void *arg);

/* Sends every later message to SINK (NULL: stderr, the default). */
void rota_set_sink(rota_sink sink, void *arg);

/* Reports "MESSAGE" as an error and returns status, so callers can write
 * `return rota_fail(EX_DATAERR, "...")`. */
int rota_fail(int status, const char *fmt, ...) ROTA_PRINTF(2, 3);

/* Reports "FILE:LINE: MESSAGE" as an error and returns status. */
int rota_fail_at(int status, const char *file, long line, const char *fmt, ...)
	ROTA_PRINTF(4, 5);

/* Gives standard input ("-" as a FILE of rota_fail_at) the name NAME in
 * messages: through rota serve, the caller's file is the server's
 * standard input, and the caller knows it by its own name. */
void rota_name_stdin(const char *name);

/* Reports a warning: a fact worth knowing that fails nothing. */
void rota_warn(const char *fmt, ...) ROTA_PRINTF(1, 2);

#endif
