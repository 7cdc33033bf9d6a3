/* A small team on a fresh database, for the unit tests of the service
 * layer (service/): the store fixture plus people, a rotation, a term
 * and its shifts made through the store API, an acting person to switch,
 * and the messages of the operation under test kept instead of printed.
 *
 * ana, bo, cy volunteer in term h1 of rotation ops (6 weeks from T0: ana,
 * bo, cy, ana, bo, cy); dee joined and holds nothing; eve left before
 * NOW; mo is a manager and no member. */
#ifndef ROTA_SERVICE_FIXTURE_H
#define ROTA_SERVICE_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <sysexits.h>                 /* the statuses the tests expect */

#include "service/service.h"
#include "tests/unit/store-fixture.h"

#define W (7 * 86400LL)
#define T0 1799056800LL                 /* Mon 2027-01-04 10:00 UTC */
#define NOW (T0 - W)

struct team {
	struct fixture base;            /* first: the store fixture's teardown frees it */
	struct person ana, bo, cy, dee, eve, mo;
	struct rotation ops;
	struct term term;
	int64_t shift[6];
	struct actor actor;
	struct svc svc;                 /* now NOW, no configuration, actor below */
};

/* The last error and warning the service reported since act_as. */
extern char last_error[4096], last_warning[4096];

/* cmocka setup and teardown. */
int team_setup(void **state);
int team_teardown(void **state);

/* Makes P the acting person (a manager's rights when they are one) and
 * forgets the messages so far. */
void act_as(struct team *t, const struct person *p);

/* The pieces team_setup is made of, for a test with a team of its own
 * (its struct with the store fixture first, made by fixture_setup):
 * a person stored with the given zone; A filled as act_as fills the
 * team's actor; the messages kept in last_error and last_warning from
 * now on (team_teardown puts stderr back). */
struct person fixture_person(struct store *db, const char *handle, const char *tz,
			     bool manager);
void fixture_act(struct actor *a, const struct person *p);
void fixture_keep_messages(void);

/* How many audit events with ACTION the store holds. */
size_t audit_count(struct store *db, const char *action);

#endif
