/* rota publish --caldav: the command's side of calendars/caldav.c. */
#ifndef ROTA_CLI_CALDAV_H
#define ROTA_CLI_CALDAV_H

#include "cli/cmd.h"

/* Publishes the schedule to the CalDAV collection URL and prints
 * "put N, updated N, deleted N, unchanged N" (with --json: {collection,
 * put, updated, deleted, unchanged, conflicts}). Runs inside the
 * command's transaction: on failure nothing is recorded. */
int publish_caldav(struct ctx *ctx, const char *url);

#endif
