/* The service layer's common ground: who acts, on which store, with which
 * configuration and clock. Every operation in service/ takes a struct svc
 * and its own arguments, and returns 0 with its result, or an exit status
 * (sysexits) after handing the message that explains it to common/err.h's
 * sink; nothing in service/ prints. The command line (cli/) is one front
 * end; `rota serve` is the next. */
#ifndef ROTA_SERVICE_H
#define ROTA_SERVICE_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "common/config.h"
#include "model/model.h"
#include "store/store.h"

/* Who is acting. The front end fills it: cli/actor.c from the OS login
 * and --as. */
struct actor {
	char login[64];               /* the OS login */
	bool root;
	bool privileged;              /* root or a manager; with --as, whether that person is a manager */
	bool known;                   /* person below is set */
	struct person person;         /* acting person: --as HANDLE or the login's */
	char label[2 * HANDLE_MAX + 8];  /* for the audit trail: "ana" or "root as ana" */
};

struct svc {
	struct store *db;
	const struct config *cfg;     /* NULL: every setting at its default */
	int64_t now;
	const struct actor *actor;
};

/* The acting person, or EX_NOPERM explaining how to become one. */
int svc_require_person(const struct svc *s);
/* EX_NOPERM "WHAT: managers only" unless the actor is a manager or root. */
int svc_require_manager(const struct svc *s, const char *what);

/* Each returns 0, or EX_DATAERR "unknown X 'NAME' (see rota X list)", or
 * the store's status on a database error. */
int svc_find_person(const struct svc *s, const char *handle, struct person *out);
int svc_find_office(const struct svc *s, const char *name, struct office *out);
int svc_find_rotation(const struct svc *s, const char *name, struct rotation *out);
int svc_find_term(const struct svc *s, const char *name, struct term *out);

/* Appends an audit event with the actor's label; takes the references of
 * BEFORE and AFTER (either may be NULL). */
int svc_audit(const struct svc *s, const char *action, const char *object,
	      json_t *before, json_t *after);

/* JSON of a shift / person for the audit trail and --json. New references. */
json_t *shift_to_json(const struct shift *sh);
json_t *person_to_json(const struct person *p);

#endif
