/* Helpers every command shares: finding things named on the command line
 * (with the error a user can act on), reading times, printing shifts in
 * the one shape every command uses, and writing the audit trail. */
#ifndef ROTA_CLI_UTIL_H
#define ROTA_CLI_UTIL_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "cli/cmd.h"
#include "common/tz.h"

/* Each returns 0, or prints "unknown X 'NAME' (see rota X list)" and
 * returns EX_DATAERR (or the store's status on a database error). */
int find_person(struct ctx *ctx, const char *handle, struct person *out);
int find_office(struct ctx *ctx, const char *name, struct office *out);
int find_rotation(struct ctx *ctx, const char *name, struct rotation *out);
int find_term(struct ctx *ctx, const char *name, struct term *out);

/* A time zone named on the command line; EX_USAGE when there is none. */
int zone_arg(struct ctx *ctx, const char *option, const char *name, const struct tz_zone **out);
/* A time on the command line (see time_parse); EX_USAGE when unreadable. */
int time_arg(struct ctx *ctx, const char *what, const char *s, const struct tz_zone *zone, int64_t *out);
/* A positive whole number; EX_USAGE otherwise. */
int id_arg(struct ctx *ctx, const char *what, const char *s, int64_t *out);
/* Copies S into a fixed field, refusing text too long for it (EX_USAGE). */
int text_arg(struct ctx *ctx, const char *what, const char *s, char *buf, size_t len);

/* The acting person, or EX_NOPERM explaining how to become one. */
int require_person(struct ctx *ctx);
/* Refuses (EX_NOPERM) unless the login is a manager or root. */
int require_manager(struct ctx *ctx, const char *what);

/* A shift named by its id or by a time inside it. With several shifts at
 * that time, PREFER_PERSON's (0: none) is taken, else it asks for an id. */
int find_shift(struct ctx *ctx, const char *arg, int64_t prefer_person,
	       struct shift *out);

/* Prints one shift as a row in the common shape: id, rotation, tier,
 * person, start, end (UTC ISO 8601 in JSON; the rotation's wall clock in
 * the table), origin. */
void print_shift_row(const struct shift *sh);

/* JSON of a shift / person for the audit trail and --json. New references. */
json_t *shift_to_json(const struct shift *sh);
json_t *person_to_json(const struct person *p);

/* Appends an audit event with the acting label; takes the references of
 * BEFORE and AFTER (either may be NULL). */
int audit(struct ctx *ctx, const char *action, const char *object,
	  json_t *before, json_t *after);

/* Reads leave, other-tier shifts etc. needed to check the hard rules for
 * PERSON taking [start, end) in ROTATION; see scheduler/constraints.h. */

#endif
