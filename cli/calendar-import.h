/* What `rota leave import` and `rota holiday import` print: the outcome
 * of a calendar sync (service/calendar-sync.h). */
#ifndef ROTA_CLI_CALENDAR_IMPORT_H
#define ROTA_CLI_CALENDAR_IMPORT_H

#include "service/calendar-sync.h"

/* Prints the outcome: "SOURCE: WHAT VALUE: added N, updated N, removed N,
 * unchanged N" (text), or a JSON object with the same facts; KEY/VALUE
 * name the person or office. After a 304, says that the server answered
 * Not Modified and nothing was done. */
void import_print(const struct sync_result *res, const char *key, const char *value,
		  const char *what);

#endif
