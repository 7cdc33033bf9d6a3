/* How rota audit prints one event: a row of the table with a short
 * summary of the change, or with --json the whole before and after. */
#ifndef ROTA_CLI_AUDIT_FORMAT_H
#define ROTA_CLI_AUDIT_FORMAT_H

#include "common/tz.h"
#include "store/store.h"

/* One row (inside an out_list_begin / out_list_end). Text shows its time,
 * and every time in its summary, in ZONE's wall clock (the reader's);
 * JSON keeps them in UTC. */
void audit_print_event(const struct audit_event *e, const struct tz_zone *zone);

#endif
