/* Argument checks, time arithmetic and output shared by the set-up
 * commands: rotation, term, volunteer, leave, office and holiday. */
#ifndef ROTA_CLI_SETUP_H
#define ROTA_CLI_SETUP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "cli/cmd.h"
#include "common/tz.h"

/* Longest term accepted by `term add --weeks` (ten years of weekly shifts). */
#define TERM_WEEKS_MAX 520

/* A name of a rotation, term or office: 1 to LEN-1 printable characters,
 * not starting with '-' or a space. EX_USAGE otherwise. */
int name_arg(struct ctx *ctx, const char *what, const char *s, char *buf, size_t len);

/* A whole number in [min, max]; EX_USAGE otherwise. */
int int_arg(struct ctx *ctx, const char *what, const char *s, int min, int max, int *out);

/* The first and last handoff of a term of ROTATION holding WEEKS shifts,
 * the first being the first handoff at or after FROM. Wall-clock exact
 * across DST changes (scheduler/handoff.h). */
void term_span(const struct rotation *rot, int64_t from, int weeks,
	       int64_t *start, int64_t *end);

/* "upcoming", "current" or "ended" at NOW. */
const char *term_state(const struct term *t, int64_t now);

/* "Mon 10:00" (at least 10 bytes). */
void handoff_format(int dow, int minute, char *buf, size_t len);

/* ISO 8601 wall clock in ZONE with its offset, "2027-03-29T10:00:00+01:00"
 * (at least 26 bytes). */
void time_format_offset(int64_t t, const struct tz_zone *zone, char *buf, size_t len);

/* An instant as one field: UTC ISO 8601 under KEY in JSON, ZONE's wall
 * clock ("Mon 2027-03-29 10:00") under HEADER in text. T = INT64_MAX
 * (never, as in a membership not left) gives null / "-". */
void out_time(const char *key, const char *header, int64_t t, const struct tz_zone *zone);

/* One rotation as "Field: value" lines, or a JSON object. */
void print_rotation(const struct rotation *r);

/* One term: its rotation, first and last handoff (the rotation's wall
 * clock in text; UTC and local ISO 8601 in JSON), shifts, state, and
 * when M is not NULL its N memberships with joined/left. */
void print_term(struct ctx *ctx, const struct term *t, const struct rotation *rot,
		const struct membership *m, size_t n);

/* One leave, its times in ZONE (the person's) in text and UTC in JSON. */
void print_leave(const struct leave *l, const struct tz_zone *zone);

/* One public holiday as "Field: value" lines, or a JSON object. */
void print_holiday(const struct holiday *h);

/* For the audit trail and --json. New references. */
json_t *rotation_to_json(const struct rotation *r);
json_t *term_to_json(const struct term *t);
json_t *office_to_json(const struct office *o);

#endif
