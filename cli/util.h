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

/* The service layer's context for CTX (service/service.h). */
struct svc cmd_svc(struct ctx *ctx);

/* The svc_find_* of service/service.h, for CTX. */
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
/* A count or number option (--count, --weeks): a positive whole number,
 * at most MAX when MAX is positive; else EX_USAGE, "must be a positive
 * number". The one reader of every such option. */
int count_arg(struct ctx *ctx, const char *what, const char *s, int max, int *out);
/* Copies S (an argument, so text by the rule of common/text.h) into a
 * fixed field, refusing text too long for it (EX_USAGE). */
int text_arg(struct ctx *ctx, const char *what, const char *s, char *buf, size_t len);

/* svc_require_person and svc_require_manager, for CTX. */
int require_person(struct ctx *ctx);
int require_manager(struct ctx *ctx, const char *what);

/* A shift named by its id or by a time inside it. With several shifts at
 * that time, PREFER_PERSON's (0: none) is taken, else it asks for an id. */
int find_shift(struct ctx *ctx, const char *arg, int64_t prefer_person,
	       struct shift *out);

/* The acting person's shift named by its id, a time inside it, or a day
 * (YYYY-MM-DD in their zone): their shift in force that day; EX_DATAERR
 * listing them when they hold two that day. */
int find_own_shift(struct ctx *ctx, const char *arg, struct shift *out);

/* A time of a range on the command line (OPTION names it in errors):
 * "now", an instant with Z or an offset, or a wall clock (YYYY-MM-DD, or
 * YYYY-MM-DDTHH:MM) in ROT's zone. EX_USAGE when unreadable. */
int range_time_arg(struct ctx *ctx, const char *option, const char *s,
		   const struct rotation *rot, int64_t now, int64_t *out);

/* Prints one shift as a row in the common shape: id, rotation, tier,
 * person, start, end (UTC ISO 8601 in JSON; the rotation's wall clock in
 * the table), origin. */
void print_shift_row(const struct shift *sh);

/* Instant T as KEY, in UTC ISO 8601 (JSON), or as HEADER in ZONE's wall
 * clock, followed by the zone's name when WITH_ZONE (text); null, or
 * "-", for 0. Each formatted only where it shows. */
void print_time(const char *key, const char *header, const struct tz_zone *zone, int64_t t,
		bool with_zone);

/* R, after printing the running command's usage line when R is EX_USAGE:
 * a service operation refused what was typed (its message is out). */
int usage_if(struct ctx *ctx, int r);

/* The zone of the person reading: the acting person's, else UTC (root,
 * or a login that is nobody in rota). */
const struct tz_zone *reader_zone(const struct ctx *ctx);

/* 0 when the database at PATH may be opened by a command other than rota
 * init: its folder exists, and, for the default path (DEFAULT_PATH: no
 * --db, ROTA_DB or [core] database said where), the file too. Else
 * EX_NOINPUT after saying so and that rota init creates it. */
int database_missing(const char *path, bool default_path);

/* svc_audit, for CTX. */
int audit(struct ctx *ctx, const char *action, const char *object,
	  json_t *before, json_t *after);

#endif
