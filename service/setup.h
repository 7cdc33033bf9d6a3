/* Setting up: offices, rotations and terms, and reading them back (which
 * anyone may). Each change is for managers, checks what the store cannot (a term overlapping another of
 * its rotation), stores and writes its audit event (see service/service.h
 * for the conventions). The command line checks the shape of what was
 * typed: names, zones, business hours, numbers. */
#ifndef ROTA_SERVICE_SETUP_H
#define ROTA_SERVICE_SETUP_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "service/service.h"

/* Longest term (ten years of weekly shifts). */
#define TERM_WEEKS_MAX 520

/* Adds office O (name, tz, hours); sets o->id. EX_DATAERR when the name
 * is taken. */
int office_add(const struct svc *s, struct office *o);

/* Adds rotation R (name, tier, tz, handoff, shift days); sets r->id.
 * EX_DATAERR when the name is taken. */
int rotation_add(const struct svc *s, struct rotation *r);

/* Adds term T (t->name and t->weeks in) to rotation ROTATION, starting at
 * the first handoff at or after START (as --start reads it: YYYY-MM-DD is
 * midnight in the rotation's zone; EX_USAGE when unreadable). Sets the
 * rest of *T and *ROT. A term overlapping another of the same rotation is
 * EX_DATAERR. */
int term_add(const struct svc *s, const char *rotation, const char *start,
	     struct term *t, struct rotation *rot);

/* An office as office list shows it: how many people it has, and its
 * public holidays in its own calendar year at now. */
struct office_item {
	struct office office;
	size_t people, holidays_this_year;
};
/* Every office, by name. Free *V. */
int office_list(const struct svc *s, struct office_item **v, size_t *n);

/* A term as term list shows it: its rotation, and its members now (those
 * who joined and have not left). */
struct term_item {
	struct term term;
	struct rotation rotation;
	size_t members;
};
/* The terms of ROTATION (NULL: every rotation), by rotation then start.
 * Free *V. */
int term_list(const struct svc *s, const char *rotation, struct term_item **v, size_t *n);

/* Term NAME, its rotation and its N memberships, past ones included
 * (free *M). */
int term_show(const struct svc *s, const char *name, struct term *t, struct rotation *rot,
	      struct membership **m, size_t *n);

/* The first and last handoff of a term of ROTATION holding WEEKS shifts,
 * the first being the first handoff at or after FROM. Wall-clock exact
 * across DST changes (scheduler/handoff.h). */
void term_span(const struct rotation *rot, int64_t from, int weeks,
	       int64_t *start, int64_t *end);

/* "Mon 10:00" (at least 10 bytes). */
void handoff_format(int dow, int minute, char *buf, size_t len);

/* For the audit trail and --json. New references. */
json_t *rotation_to_json(const struct rotation *r);
json_t *term_to_json(const struct term *t);
json_t *office_to_json(const struct office *o);

#endif
