/* Argument checks and output shared by the set-up commands: rotation,
 * term, volunteer, leave, office and holiday (the operations are in
 * service/setup.h, service/team.h, service/leave.h, service/holiday.h). */
#ifndef ROTA_CLI_SETUP_H
#define ROTA_CLI_SETUP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "cli/cmd.h"
#include "common/tz.h"
#include "service/oncall.h"
#include "service/setup.h"

/* A name of a rotation, term or office: 1 to LEN-1 printable characters,
 * not starting with '-' or a space. EX_USAGE otherwise. */
int name_arg(struct ctx *ctx, const char *what, const char *s, char *buf, size_t len);

/* The month of a command taking [YYYY-MM] (ARGV[1], ARGC - 1 of them):
 * the one given, else the current one in [report] timezone
 * (report_month_now); EX_USAGE for a bad or second month. */
int month_arg(struct ctx *ctx, int argc, char **argv, int *year, int *month);
/* A whole number in [min, max]; EX_USAGE otherwise. */
int int_arg(struct ctx *ctx, const char *what, const char *s, int min, int max, int *out);

/* ISO 8601 wall clock in ZONE with its offset, "2027-03-29T10:00:00+01:00"
 * (at least 26 bytes). */
void time_format_offset(int64_t t, const struct tz_zone *zone, char *buf, size_t len);

/* An instant as one field: UTC ISO 8601 under KEY in JSON, ZONE's wall
 * clock ("Mon 2027-03-29 10:00") under HEADER in text. T = INT64_MAX
 * (never, as in a membership not left) gives null / "-". */
void out_time(const char *key, const char *header, int64_t t, const struct tz_zone *zone);

/* One rotation as "Field: value" lines, or a JSON object; O: the offices
 * whose hours it leaves out (service/oncall.h). */
void print_rotation(const struct rotation *r, const struct oncall_offices *o);

/* Sets what ROT covers from --covers and --offices (when either is
 * given), and prints it. */
int rotation_cover_exec(struct ctx *ctx, struct svc *s, struct rotation *rot, const char *what);

/* One term: its rotation, first and last handoff (the rotation's wall
 * clock in text; UTC and local ISO 8601 in JSON), shifts, state, and
 * when M is not NULL its N memberships with joined/left. */
void print_term(struct ctx *ctx, const struct term *t, const struct rotation *rot,
		const struct membership *m, size_t n);

/* One leave, its times in ZONE (the person's) in text and UTC in JSON. */
void print_leave(const struct leave *l, const struct tz_zone *zone);

/* The span of leave L in ZONE (its person's) as cells FROM_H and TO_H:
 * whole days as given, "Mon 2027-01-04" to "Sun 2027-01-10", both
 * included; else the times, "Mon 2027-01-04 09:00" to the end. JSON: its
 * "start" and "end" in UTC (the end not included), "first_day" and
 * "last_day" ("2027-01-10", both included; null when it is not whole
 * days), as the audit trail's leave_to_json. */
void out_leave_span(const struct leave *l, const struct tz_zone *zone, const char *from_h,
		    const char *to_h);

/* One public holiday as "Field: value" lines, or a JSON object. */
void print_holiday(const struct holiday *h);

#endif
