/* A responder's working week and sleep window over time: the one place
 * that judges a person's past instant or interval (page import's class,
 * pay's out-of-hours work and sleep interruptions, the monthly report).
 *
 * A person's zone, office, sleep hours and manager flag are kept as
 * history (store_person_history): each entry holds from its start until
 * the next one's. An instant is judged with the entry in force at it
 * (reports/classify.h's rules, with that entry's office, hours, public
 * holidays, zone and sleep window); an interval is cut at each change and
 * each piece judged with its own entry. So a change never reclassifies a
 * page or re-prices work before it.
 *
 * Each entry's calendar is built when first needed and kept; each
 * person's history is read once (the store keeps it too). */
#ifndef ROTA_RESPONDER_H
#define ROTA_RESPONDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reports/classify.h"
#include "scheduler/office-hours.h"
#include "store/store.h"

struct responder_period;
struct responder_person;

/* OFFICES and HOLIDAYS (every office's, or those of the days judged, as
 * store_holiday_list gives them) are borrowed: they must outlive C. */
struct responder_cals {
	struct store *s;
	const struct office *offices;
	size_t n_offices;
	const struct holiday *holidays;
	size_t n_holidays;
	struct responder_person *people;        /* by id */
	size_t n_people;
};

void responder_cals_init(struct responder_cals *c, struct store *s,
			 const struct office *offices, size_t n_offices,
			 const struct holiday *holidays, size_t n_holidays);
void responder_cals_free(struct responder_cals *c);

/* What was in force for a person at an instant. */
struct responder_at {
	const struct person_attrs *attrs;
	const struct office *office;            /* NULL: none (or not found) */
	const struct work_calendar *cal;        /* NULL: its zone or hours unreadable */
	const struct sleep_window *sleep;       /* NULL: the person's zone unknown */
	int64_t until;                          /* the next entry's start, or INT64_MAX */
};

/* The entry of PERSON_ID's history in force at T. 0, or the store's
 * status (STORE_NOT_FOUND for nobody). Valid until C is freed. */
int responder_at(struct responder_cals *c, int64_t person_id, int64_t t,
		 struct responder_at *out);

/* The class of instant T for PERSON_ID (classify_instant with what was
 * in force at T); PAGE_UNCLASSIFIED when that cannot be read. */
int responder_classify(struct responder_cals *c, int64_t person_id, int64_t t,
		       enum page_class *out);

/* The out-of-hours seconds of [FROM, TO) for PERSON_ID, each piece
 * between changes judged by what was in force in it
 * (classify_out_of_hours_seconds); *BAD (may be NULL) gets the first
 * piece's what-was-in-force whose calendar could not be read (then *OUT
 * counts the others only). */
int responder_ooh_seconds(struct responder_cals *c, int64_t person_id, int64_t from,
			  int64_t to, int64_t *out, struct responder_at *bad);

/* After a change of person PERSON_ID's history in force from FROM, sets
 * again the class of each of their pages created at or after FROM (a
 * page whose time was ahead of its import, or imported under a test
 * clock) to the class of its time, as page import would now give it.
 * Pages before FROM are never touched. 0 or the store's status. */
int responder_reclassify(struct store *s, int64_t person_id, int64_t from);

#endif
